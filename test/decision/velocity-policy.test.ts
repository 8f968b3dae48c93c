import { describe, expect, it } from "vitest";
import { type AsyncVelocityStore, gatherFacts } from "../../src/fraud";
import { toDecisionRecord } from "../../src/decision";
import { type EngineConfig, VELOCITY_UNAVAILABLE, createEngine } from "../../src/index";
import { POPULATION_AS_OF, adult } from "./helpers";

const asOf = POPULATION_AS_OF;
const down: AsyncVelocityStore = { countMany: () => Promise.reject(new Error("connection refused")) };
const zeros: AsyncVelocityStore = { countMany: async (qs) => qs.map(() => 0) };

describe("decide: velocity unavailable (gatherFacts could not read the store)", () => {
  it("gatherFacts marks the counts unavailable when the store rejects, and not when it answers", async () => {
    const failed = await gatherFacts(adult(), down, { asOf });
    expect(failed.unavailable).toBe(true);
    expect(Array.from(failed.missing).every((m) => m === 1)).toBe(true);
    expect((await gatherFacts(adult(), zeros, { asOf })).unavailable).toBeUndefined();
  });

  it("policy review (the default): an approval becomes a review without offer, VELOCITY_UNAVAILABLE first", async () => {
    const engine = createEngine();
    const plain = engine.decide(adult(), { asOf });
    expect(plain.outcome).toBe("approve"); // the hand-built clean adult, see test/decision/engine.test.ts
    const d = engine.decide(adult(), { asOf, velocity: await gatherFacts(adult(), down, { asOf }) });
    expect(d.outcome).toBe("review");
    expect(d.offer).toBeNull();
    expect(d.reasons[0]).toMatchObject({ code: VELOCITY_UNAVAILABLE, source: "fraud" });
    expect(d.reasons.slice(1)).toEqual(plain.reasons);
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.reasons)).toBe(true);
    // the JSON field order of a decision is kept
    expect(Object.keys(d)).toEqual(Object.keys(plain));
  });

  it("policy ignore: the outcome and offer stay, the reason is still carried", async () => {
    const engine = createEngine({ velocityUnavailable: "ignore" });
    const plain = engine.decide(adult(), { asOf });
    const d = engine.decide(adult(), { asOf, velocity: await gatherFacts(adult(), down, { asOf }) });
    expect(d.outcome).toBe("approve");
    expect(d.offer).toEqual(plain.offer);
    expect(d.reasons.map((r) => r.code)).toEqual([VELOCITY_UNAVAILABLE, ...plain.reasons.map((r) => r.code)]);
  });

  it("a decline keeps its deciding reasons first and carries VELOCITY_UNAVAILABLE last", async () => {
    const minor = adult();
    minor.identity.birthDate = "2009-01-01"; // 17 on 2026-06-30
    const engine = createEngine();
    const plain = engine.decide(minor, { asOf });
    const d = engine.safeDecide(minor, { asOf, velocity: await gatherFacts(minor, down, { asOf }) });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value.outcome).toBe("decline");
    expect(d.value.reasons.slice(0, -1)).toEqual(plain.reasons);
    expect(d.value.reasons.at(-1)?.code).toBe(VELOCITY_UNAVAILABLE);
  });

  it("available counts leave the decision exactly as without the policy", async () => {
    const engine = createEngine();
    const velocity = await gatherFacts(adult(), zeros, { asOf });
    const d = engine.decide(adult(), { asOf, velocity });
    expect(d.reasons.some((r) => r.code === VELOCITY_UNAVAILABLE)).toBe(false);
    expect(d.outcome).toBe("approve");
  });

  it("a traced decision made while the store was down replays identical under the same policy, and changed under another", async () => {
    const velocity = await gatherFacts(adult(), down, { asOf });
    const d = createEngine().decide(adult(), { asOf, velocity, trace: true });
    expect(d.outcome).toBe("review");
    const record = JSON.parse(toDecisionRecord(d));
    const same = createEngine().replay(record);
    expect(same.mismatches.fields).toEqual([]);
    expect(same.identical).toBe(true);
    // under "ignore" the approval stands: replay sees the outcome and offer change
    const other = createEngine({ velocityUnavailable: "ignore" }).replay(record);
    expect(other.identical).toBe(false);
    expect(other.decision.outcome).toBe("approve");
  });

  it("rejects an unknown policy at createEngine", () => {
    expect(() => createEngine({ velocityUnavailable: "decline" } as unknown as EngineConfig)).toThrow(
      /velocityUnavailable|engine configuration/,
    );
  });
});
