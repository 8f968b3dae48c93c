import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryVelocityStore } from "../../src/fraud/velocity-store";
import { VelocityStoreTimeoutError, createRedisVelocityStore, redisKey } from "../../src/redis";
import { T0, connectStandalone, skipWithout } from "./helpers";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe("redisKey and options (no Redis needed)", () => {
  it("puts a velocityKey's dimension and value in the hash tag, so apply and login share a cluster slot", () => {
    expect(redisKey("rc:", "device|apply|d-1")).toEqual({ key: "rc:{device|d-1}apply", tag: "device|d-1" });
    expect(redisKey("rc:", "device|login|d-1").tag).toBe("device|d-1");
    expect(redisKey("rc:", "custom")).toEqual({ key: "rc:{custom}", tag: "custom" });
    expect(() => redisKey("rc:", "a{b}")).toThrow(RangeError);
    expect(() => redisKey("rc:", "")).toThrow(RangeError);
  });

  it("rejects a missing client and invalid options", () => {
    const client = { evalSha: async () => [], eval: async () => [] };
    expect(() => createRedisVelocityStore({} as never)).toThrow(TypeError);
    expect(() => createRedisVelocityStore({ client, prefix: "a{" })).toThrow(RangeError);
    expect(() => createRedisVelocityStore({ client, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createRedisVelocityStore({ client, ttlMs: 10 })).toThrow(RangeError);
    expect(() => createRedisVelocityStore({ client, levels: [{ bucketMs: 10, buckets: 2 }] })).toThrow(RangeError);
    // the default TTL is the coarsest level's reach: 31 buckets of one day
    expect(createRedisVelocityStore({ client }).ttlMs).toBe(31 * DAY);
  });

  it("rejects bad queries and events without calling Redis", async () => {
    let calls = 0;
    const client = {
      evalSha: async () => {
        calls++;
        return [];
      },
      eval: async () => [],
    };
    const s = createRedisVelocityStore({ client });
    await expect(s.countMany([{ key: "k", windowMs: 31 * DAY, asOf: T0 }])).rejects.toThrow(RangeError);
    await expect(s.countMany([{ key: "k", windowMs: HOUR, asOf: -1 }])).rejects.toThrow(RangeError);
    await expect(s.recordMany([{ key: "k", at: 1.5 }])).rejects.toThrow(RangeError);
    await expect(s.recordMany([{ key: "k", at: T0, count: 0 }])).rejects.toThrow(RangeError);
    expect(calls).toBe(0);
  });

  it("a call past timeoutMs rejects with VelocityStoreTimeoutError; the late failure is dropped, reported once", async () => {
    const seen: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on("unhandledRejection", onUnhandled);
    const late = () => new Promise((_, reject) => setTimeout(() => reject(new Error("connection reset")), 100));
    const s = createRedisVelocityStore({
      client: { evalSha: late, eval: late },
      timeoutMs: 20,
      onError: (e) => seen.push(e.name),
    });
    await expect(s.countMany([{ key: "k", windowMs: HOUR, asOf: T0 }])).rejects.toBeInstanceOf(
      VelocityStoreTimeoutError,
    );
    await expect(s.recordMany([{ key: "k", at: T0 }])).rejects.toBeInstanceOf(VelocityStoreTimeoutError);
    await new Promise((r) => setTimeout(r, 200)); // the late rejections arrive
    process.off("unhandledRejection", onUnhandled);
    expect(seen).toEqual(["VelocityStoreTimeoutError", "VelocityStoreTimeoutError"]);
    expect(unhandled).toEqual([]);
  });

  it("a malformed reply rejects (and is reported to onError)", async () => {
    const seen: string[] = [];
    const client = { evalSha: async () => ["x"], eval: async () => [] };
    const s = createRedisVelocityStore({ client, onError: (e) => seen.push(e.message) });
    await expect(s.countMany([{ key: "k", windowMs: HOUR, asOf: T0 }])).rejects.toThrow(/bad count/);
    expect(seen).toHaveLength(1);
  });
});

describe.skipIf(skipWithout("standalone"))("Redis velocity store on a real Redis", () => {
  let client: Awaited<ReturnType<typeof connectStandalone>>;
  const prefix = `rc-test:unit:${process.pid}:${Date.now()}:`;
  beforeAll(async () => {
    client = await connectStandalone();
  });
  afterAll(async () => {
    await client?.close();
  });

  it("counts the hand example of the memory store (1 h, 24 h, 30 d, bucket-aligned)", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}hand:`, timeoutMs: 5000 });
    const k = "device|apply|d1";
    // T0 is a multiple of 10 min, 1 h and 1 day: windows align with buckets. Events 1 ms, 5 min,
    // 59 min, 2 h, 23 h, 3 d, 29 d and 31 d before T0: 3 within 1 h, 5 within 24 h, 7 within 30 d.
    const ago = [1, 5 * MIN, 59 * MIN, 2 * HOUR, 23 * HOUR, 3 * DAY, 29 * DAY, 31 * DAY];
    await s.recordMany(ago.map((a) => ({ key: k, at: T0 - a })));
    expect(
      await s.countMany([
        { key: k, windowMs: HOUR, asOf: T0 },
        { key: k, windowMs: DAY, asOf: T0 },
        { key: k, windowMs: 30 * DAY, asOf: T0 },
        { key: "device|apply|nobody", windowMs: HOUR, asOf: T0 },
      ]),
    ).toEqual([3, 5, 7, 0]);
  });

  it("a bucket counter saturates at 65,535 like the memory store's 16-bit counters", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}sat:`, timeoutMs: 5000 });
    await s.recordMany([
      { key: "k", at: T0 - 1, count: 60_000 },
      { key: "k", at: T0 - 1, count: 10_000 },
    ]);
    expect(await s.countMany([{ key: "k", windowMs: HOUR, asOf: T0 }])).toEqual([65_535]);
  });

  it("property: for any events and queries (past ones too), counts equal the memory store's", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 3 }), ago: fc.integer({ min: 0, max: 40 * DAY }) }), {
          maxLength: 60,
        }),
        fc.array(
          fc.record({
            k: fc.integer({ min: 0, max: 4 }),
            w: fc.constantFrom(MIN, 10 * MIN, HOUR, 6 * HOUR, DAY, 7 * DAY, 30 * DAY),
            back: fc.integer({ min: -2 * DAY, max: 45 * DAY }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (events, queries) => {
          const s = createRedisVelocityStore({ client, prefix: `${prefix}prop${run++}:`, timeoutMs: 5000 });
          const m = createMemoryVelocityStore();
          // recorded in the same order in both (out-of-order arrivals included)
          for (const e of events) m.record(`ip|apply|k${e.k}`, T0 - e.ago);
          if (events.length > 0) await s.recordMany(events.map((e) => ({ key: `ip|apply|k${e.k}`, at: T0 - e.ago })));
          const qs = queries.map((q) => ({ key: `ip|apply|k${q.k}`, windowMs: q.w, asOf: T0 - q.back }));
          expect(await s.countMany(qs)).toEqual(qs.map((q) => m.count(q.key, q.windowMs, q.asOf)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("bounds memory: one hash per key with at most the rings' fields, whatever the history", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}bound:`, timeoutMs: 5000 });
    const events = Array.from({ length: 400 }, (_, i) => ({ key: "device|apply|busy", at: T0 - i * 5 * HOUR }));
    await s.recordMany(events);
    // default levels: 7 + 25 + 31 counters and 3 heads
    expect(await client.hLen(s.redisKey("device|apply|busy"))).toBeLessThanOrEqual(66);
  });

  it("sets a TTL on every key written: the coarsest reach by default, ttlMs when given", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}ttl:`, timeoutMs: 5000 });
    await s.recordMany([{ key: "device|apply|t", at: T0 }]);
    const pttl = await client.pTTL(s.redisKey("device|apply|t"));
    expect(pttl).toBeGreaterThan(31 * DAY - 60_000);
    expect(pttl).toBeLessThanOrEqual(31 * DAY);
  });

  it("idle keys expire: after ttlMs nothing remains of them", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}exp:`, ttlMs: 1000, timeoutMs: 5000 });
    await s.recordMany([
      { key: "device|apply|e", at: T0 },
      { key: "ip|apply|e", at: T0 },
    ]);
    const keys = [s.redisKey("device|apply|e"), s.redisKey("ip|apply|e")];
    expect(await client.exists(keys)).toBe(2);
    for (const k of keys) expect(await client.pTTL(k)).toBeLessThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, 1300));
    expect(await client.exists(keys)).toBe(0);
    expect(await client.keys(`${prefix}exp:*`)).toEqual([]);
    expect(await s.countMany([{ key: "device|apply|e", windowMs: HOUR, asOf: T0 }])).toEqual([0]);
  });

  it("falls back from EVALSHA to EVAL when Redis has lost its scripts (SCRIPT FLUSH, restart)", async () => {
    const s = createRedisVelocityStore({ client, prefix: `${prefix}flush:`, timeoutMs: 5000 });
    await s.recordMany([{ key: "k", at: T0 }]);
    await client.scriptFlush();
    await s.recordMany([{ key: "k", at: T0 }]);
    await client.scriptFlush();
    expect(await s.countMany([{ key: "k", windowMs: HOUR, asOf: T0 }])).toEqual([2]);
  });
});
