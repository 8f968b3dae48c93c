import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFacts } from "../../src/fraud/compute-facts";
import { DEFAULT_FACT_CONFIG, createFactConfig } from "../../src/fraud/fact-config";
import { readFact } from "../../src/fraud/facts";
import {
  applicationEvents,
  gatherFacts,
  readVelocity,
  recordApplication,
  recordApplicationAsync,
  velocityKey,
} from "../../src/fraud/velocity";
import { createVelocityCounts } from "../../src/fraud/velocity-counts";
import { type AsyncVelocityStore, createMemoryVelocityStore } from "../../src/fraud/velocity-store";
import { AS_OF, DAY, HOUR, MIN, applicant } from "./helpers";

describe("createMemoryVelocityStore", () => {
  it("counts events per key over 1 h, 24 h and 30 days (bucket-aligned hand example)", () => {
    const s = createMemoryVelocityStore();
    const k = "device|apply|d1";
    // AS_OF is a multiple of every bucket width (10 min, 1 h, 1 day), so windows align with buckets.
    for (const ago of [1, 5 * MIN, 59 * MIN, 2 * HOUR, 23 * HOUR, 3 * DAY, 29 * DAY]) s.record(k, AS_OF - ago);
    s.record(k, AS_OF - 31 * DAY); // older than 30 days
    s.record("other", AS_OF - 1);
    expect(s.count(k, HOUR, AS_OF)).toBe(3);
    expect(s.count(k, DAY, AS_OF)).toBe(5);
    expect(s.count(k, 30 * DAY, AS_OF)).toBe(7);
    expect(s.count("nobody", HOUR, AS_OF)).toBe(0);
    expect(s.size()).toBe(2);
  });

  it("a window that starts before epoch 0 counts from 0 (was NaN: the ring index went negative)", () => {
    // Found by the doc example: one event at 1 s, counted at 2 s over 1 h, 24 h and 30 days.
    const s = createMemoryVelocityStore();
    s.record("device|apply|d1", 1000);
    expect(s.count("device|apply|d1", HOUR, 2000)).toBe(1);
    expect(s.count("device|apply|d1", DAY, 2000)).toBe(1);
    expect(s.count("device|apply|d1", 30 * DAY, 2000)).toBe(1);
  });

  it("documented accuracy: may include up to one bucket before the window start", () => {
    const s = createMemoryVelocityStore();
    s.record("k", AS_OF - 65 * MIN); // 1 h 5 min ago, in the 10-minute bucket [AS_OF-70m, AS_OF-60m)
    expect(s.count("k", HOUR, AS_OF - 5 * MIN)).toBe(1); // window starts at AS_OF-65m, same bucket: counted
    expect(s.count("k", HOUR, AS_OF + 6 * MIN)).toBe(0); // bucket wholly before the window
  });

  it("rotates buckets: old counts do not come back when the ring wraps", () => {
    const s = createMemoryVelocityStore();
    s.record("k", AS_OF - 50 * MIN);
    s.record("k", AS_OF + 5 * HOUR);
    expect(s.count("k", HOUR, AS_OF + 5 * HOUR)).toBe(1);
    expect(s.count("k", DAY, AS_OF + 5 * HOUR)).toBe(2);
    s.record("k", AS_OF + 40 * DAY);
    expect(s.count("k", 30 * DAY, AS_OF + 40 * DAY)).toBe(1);
  });

  it("a query in the past falls back to a coarser level instead of losing events", () => {
    const s = createMemoryVelocityStore();
    s.record("k", AS_OF);
    s.record("k", AS_OF + 70 * MIN); // the 10-minute ring has moved past AS_OF
    expect(s.count("k", HOUR, AS_OF)).toBe(1); // read from the hourly level
    expect(s.count("k", HOUR, AS_OF + 70 * MIN)).toBe(1);
  });

  it("evicts beyond maxKeys by second chance: a key written since the last sweep survives", () => {
    const s = createMemoryVelocityStore({ maxKeys: 3 });
    for (const k of ["a", "b", "c"]) s.record(k, AS_OF);
    s.record("d", AS_OF); // the hand clears a, b, c once, then evicts a
    s.record("b", AS_OF); // b written again: gets a second chance
    s.record("e", AS_OF); // hand at b: clears it, evicts c
    const counts = ["a", "b", "c", "d", "e"].map((k) => s.count(k, HOUR, AS_OF));
    expect(counts).toEqual([0, 2, 0, 1, 1]);
    expect(s.size()).toBe(3);
  });

  it("holds at most maxKeys keys under churn", () => {
    const s = createMemoryVelocityStore({ maxKeys: 1000 });
    for (let i = 0; i < 5000; i++) s.record(`k${i % 1500}`, AS_OF + i);
    expect(s.size()).toBe(1000);
    expect(s.count("k1499", HOUR, AS_OF + 5000)).toBeGreaterThanOrEqual(1);
  });

  it("saturates at 65,535 per bucket and rejects bad arguments", () => {
    const s = createMemoryVelocityStore();
    s.record("k", AS_OF, 70_000);
    expect(s.count("k", HOUR, AS_OF)).toBe(65_535);
    expect(() => s.record("k", -1)).toThrow(RangeError);
    expect(() => s.record("k", AS_OF, 0)).toThrow(RangeError);
    expect(() => s.record(3 as unknown as string, AS_OF)).toThrow(TypeError);
    expect(() => s.count("k", 0, AS_OF)).toThrow(RangeError);
    expect(() => s.count("k", 40 * DAY, AS_OF)).toThrow(RangeError);
    expect(() => createMemoryVelocityStore({ maxKeys: 0 })).toThrow(RangeError);
    expect(() => createMemoryVelocityStore({ levels: [{ bucketMs: 10, buckets: 5 }] })).toThrow(RangeError);
    expect(() =>
      createMemoryVelocityStore({
        levels: [
          { bucketMs: 3_600_000, buckets: 25 },
          { bucketMs: 60_000, buckets: 7 },
        ],
      }),
    ).toThrow(RangeError);
  });

  it("property: never misses an event of the window, over-counts only the bucket before it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * DAY }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.constantFrom(HOUR, DAY),
        (ats, asOf, w) => {
          const s = createMemoryVelocityStore();
          const base = AS_OF;
          for (const a of [...ats].sort((x, y) => x - y)) s.record("k", base + a);
          const width = w === HOUR ? 10 * MIN : HOUR;
          const now = base + Math.max(asOf, ...ats);
          const exact = ats.filter((a) => base + a > now - w && base + a <= now).length;
          const loose = ats.filter((a) => base + a > now - w - width && base + a <= now + width).length;
          const got = s.count("k", w, now);
          return got >= exact && got <= loose;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("readVelocity / gatherFacts / recordApplication", () => {
  const a = applicant(); // device dev-1, ip ip-1, applied at AS_OF - 1 h
  it("reads counts for device, ip and identity into velocity facts", () => {
    const s = createMemoryVelocityStore();
    for (let i = 0; i < 3; i++) s.record(velocityKey("device", "apply", "dev-1"), AS_OF - 2 * HOUR);
    s.record(velocityKey("ip", "login", "ip-1"), AS_OF - 5 * MIN);
    s.record(velocityKey("identity", "apply", "person-9"), AS_OF - 5 * DAY);
    const counts = readVelocity(a, s, { asOf: AS_OF, identityKey: "person-9" });
    const f = computeFacts(a, { asOf: AS_OF, velocity: counts });
    expect(readFact(f, "velocity.device.apply.1h")).toBe(0);
    expect(readFact(f, "velocity.device.apply.24h")).toBe(3);
    expect(readFact(f, "velocity.ip.login.1h")).toBe(1);
    expect(readFact(f, "velocity.identity.apply.24h")).toBe(0);
    expect(readFact(f, "velocity.identity.apply.30d")).toBe(1);
  });

  it("leaves counts missing without a device id or IP hash", () => {
    const bare = applicant({ application: { appliedAt: AS_OF } });
    const f = computeFacts(bare, {
      asOf: AS_OF,
      velocity: readVelocity(bare, createMemoryVelocityStore(), { asOf: AS_OF }),
    });
    expect(readFact(f, "velocity.device.apply.1h")).toBeUndefined();
    expect(readFact(f, "velocity.identity.apply.1h")).toBe(0); // identity falls back to the applicant id
  });

  it("recordApplication then readVelocity counts the application once per dimension", () => {
    const s = createMemoryVelocityStore();
    recordApplication(s, a);
    const c = readVelocity(a, s, { asOf: AS_OF });
    expect(Array.from(c.values)).toEqual([1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it("applicationEvents: one apply event per present dimension at appliedAt", () => {
    expect(applicationEvents(a, "person-9")).toEqual([
      { key: "device|apply|dev-1", at: AS_OF - HOUR },
      { key: "ip|apply|ip-1", at: AS_OF - HOUR },
      { key: "identity|apply|person-9", at: AS_OF - HOUR },
    ]);
    expect(applicationEvents(applicant({ application: { appliedAt: AS_OF } })).map((e) => e.key)).toEqual([
      "identity|apply|app-1",
    ]);
    expect(applicationEvents(applicant({ application: undefined }))).toEqual([]);
  });

  it("recordApplicationAsync: one recordMany call; false (never a rejection) when the store fails", async () => {
    const calls: unknown[] = [];
    const ok: AsyncVelocityStore = {
      countMany: async (qs) => qs.map(() => 0),
      recordMany: async (events) => {
        calls.push(events);
      },
    };
    expect(await recordApplicationAsync(ok, a)).toBe(true);
    expect(calls).toEqual([applicationEvents(a)]);
    const down: AsyncVelocityStore = { countMany: async () => [], recordMany: () => Promise.reject(new Error("down")) };
    expect(await recordApplicationAsync(down, a)).toBe(false);
    await expect(recordApplicationAsync({ countMany: async () => [] }, a)).rejects.toThrow(TypeError);
    const mem = createMemoryVelocityStore();
    expect(await recordApplicationAsync(mem, a)).toBe(true);
    expect(mem.count("device|apply|dev-1", HOUR, AS_OF)).toBe(1);
  });

  it("gatherFacts: one countMany round trip for an async store", async () => {
    const seen: number[] = [];
    const store: AsyncVelocityStore = {
      countMany: async (qs) => {
        seen.push(qs.length);
        return qs.map((q) => (q.key.startsWith("device|apply") ? 7 : 0));
      },
    };
    const c = await gatherFacts(a, store, { asOf: AS_OF });
    expect(seen).toEqual([18]);
    expect(readFact(computeFacts(a, { asOf: AS_OF, velocity: c }), "velocity.device.apply.24h")).toBe(7);
  });

  it("gatherFacts: a failing or malformed store leaves counts missing (rules on them do not fire)", async () => {
    const failing: AsyncVelocityStore = { countMany: () => Promise.reject(new Error("down")) };
    const short: AsyncVelocityStore = { countMany: async () => [1] };
    const bad: AsyncVelocityStore = { countMany: async (qs) => qs.map(() => Number.NaN) };
    for (const s of [failing, short, bad])
      expect(Array.from((await gatherFacts(a, s, { asOf: AS_OF })).missing).every((x) => x === 1)).toBe(true);
    // a store that did not answer (rejected, wrong length) is marked unavailable; a bad single count is not
    expect((await gatherFacts(a, failing, { asOf: AS_OF })).unavailable).toBe(true);
    expect((await gatherFacts(a, short, { asOf: AS_OF })).unavailable).toBe(true);
    expect((await gatherFacts(a, bad, { asOf: AS_OF })).unavailable).toBeUndefined();
    const sync = createMemoryVelocityStore();
    expect((await gatherFacts(a, sync, { asOf: AS_OF })).missing[0]).toBe(0);
    await expect(gatherFacts(a, sync, { asOf: -5 })).rejects.toThrow(RangeError);
    await expect(gatherFacts(null as never, sync, { asOf: AS_OF })).rejects.toThrow(TypeError);
    expect(() => readVelocity({} as never, sync, { asOf: AS_OF })).toThrow(TypeError);
  });

  it("velocity counts of another configuration are refused", () => {
    const other = createFactConfig({ windows: [{ label: "2h", ms: 2 * HOUR }] });
    expect(() => computeFacts(a, { asOf: AS_OF, velocity: createVelocityCounts(other.catalog) })).toThrow(RangeError);
    expect(createVelocityCounts(DEFAULT_FACT_CONFIG.catalog).values.length).toBe(18);
  });
});
