import { describe, expect, it } from "vitest";
import { collectionStage, delinquencyBucket } from "../../src/postloan";

describe("delinquencyBucket and collectionStage", () => {
  it("maps dpd to current, M1 1-30, M2 31-60, M3 61-90, M3+ over 90 at the edges", () => {
    const cases: [number, string][] = [
      [0, "current"],
      [1, "M1"],
      [30, "M1"],
      [31, "M2"],
      [60, "M2"],
      [61, "M3"],
      [90, "M3"],
      [91, "M3+"],
      [5000, "M3+"],
    ];
    for (const [d, b] of cases) expect(delinquencyBucket(d)).toBe(b);
  });

  it("stages collection: reminder; auto-deduction and emergency contact; specialist team", () => {
    expect(collectionStage("current")).toBe("none");
    expect(collectionStage("M1")).toBe("reminder");
    expect(collectionStage("M2")).toBe("auto-deduction-and-emergency-contact");
    expect(collectionStage("M3")).toBe("specialist-team");
    expect(collectionStage("M3+")).toBe("specialist-team");
  });

  it("rejects bad input", () => {
    expect(() => delinquencyBucket(-1)).toThrow(RangeError);
    expect(() => delinquencyBucket(1.5)).toThrow(RangeError);
    expect(() => delinquencyBucket(Number.NaN)).toThrow(RangeError);
    expect(() => delinquencyBucket("3" as never)).toThrow(TypeError);
    expect(() => collectionStage("M9" as never)).toThrow(RangeError);
  });
});
