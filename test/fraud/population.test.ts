import { describe, expect, it } from "vitest";
import { measurePopulation } from "./population";

// The figures in models/README.md (section fraud) are these, printed by `npx tsx test/fraud/population.ts`.
describe("default rules on the synthetic population (fixtures/)", () => {
  const r = measurePopulation();

  it("meets the goal: recall >= 80% at a false-positive rate <= 2% among non-fraud", () => {
    expect(r.flagged.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.flagged.fpr).toBeLessThanOrEqual(0.02);
  });

  it("matches the figures recorded in models/README.md", () => {
    expect([r.n, r.fraud]).toEqual([1000, 24]);
    expect([r.flagged.tp, r.flagged.fp, r.flagged.fn, r.flagged.tn]).toEqual([24, 12, 0, 964]);
    expect([r.declined.tp, r.declined.fp, r.declined.fn, r.declined.tn]).toEqual([24, 1, 0, 975]);
    expect(r.complianceDeclines).toBe(14);
  });

  it("compliance declines (under 18) are not counted as fraud flags", () => {
    expect(r.rules["compliance.underage"]).toEqual({ fraud: 0, other: 14 });
  });
});
