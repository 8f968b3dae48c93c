import fc from "fast-check";
import { sampleCorrelation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { pearson } from "../../src/binning";

describe("pearson", () => {
  it("matches a hand calculation", () => {
    // x = 1,2,3 (mean 2), y = 2,4,7 (mean 13/3): sxy = (-1)(-7/3) + 0 + (1)(8/3) = 5,
    // sxx = 2, syy = 49/9 + 1/9 + 64/9 = 114/9, r = 5 / sqrt(2 * 114/9) = 15 / sqrt(228).
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(15 / Math.sqrt(228), 14);
  });
  it("is 0 for a constant series and rejects unequal lengths", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
  });
  it("equals simple-statistics 7.12.1 sampleCorrelation (a reference implementation) on non-constant series", () => {
    const pair = fc.integer({ min: 3, max: 40 }).chain((n) =>
      fc.tuple(
        fc.array(
          fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 8),
          { minLength: n, maxLength: n },
        ),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
      ),
    );
    fc.assert(
      fc.property(pair, ([x, y]) => {
        fc.pre(new Set(x).size > 1 && new Set(y).size > 1);
        expect(pearson(x, y)).toBeCloseTo(sampleCorrelation(x, y), 9);
      }),
      { seed: 7 },
    );
  });
});
