import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auc, gini, ks } from "../../src/metrics";

describe("auc (hand calculations)", () => {
  it("counts pairs: bads {0.35, 0.8} vs goods {0.1, 0.4} -> 3 of 4 pairs ordered", () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(gini([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.5);
  });
  it("counts ties as half: bad 0.5 vs goods {0.5, 0.2} -> (0.5 + 1) / 2", () => {
    expect(auc([0.5, 0.5, 0.2], [1, 0, 0])).toBe(0.75);
  });
  it("flips with higherIsBad: false (scorecard points)", () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], { higherIsBad: false })).toBe(0.25);
    expect(auc([600, 700, 500], [1, 0, 1], { higherIsBad: false })).toBe(1);
  });
  it("accepts typed arrays", () => {
    expect(auc(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]))).toBe(0.75);
  });
});

describe("ks (hand calculations)", () => {
  it("max |F_bad - F_good| over distinct scores", () => {
    // sorted: 0.1 g (0, .5) | 0.35 b (.5, .5) | 0.4 g (.5, 1) | 0.8 b (1, 1) -> 0.5
    expect(ks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.5);
    expect(ks([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(ks([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0);
  });
});

describe("bad input", () => {
  it("rejects non-arrays, mismatched lengths, non-finite scores, bad labels, one class", () => {
    expect(() => auc("abc" as never, [1])).toThrow(TypeError);
    expect(() => auc([1, 2], [1])).toThrow(RangeError);
    expect(() => auc([1, Number.NaN], [1, 0])).toThrow(RangeError);
    expect(() => auc([1, "2"] as never, [1, 0])).toThrow(TypeError);
    expect(() => auc([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => ks([1, 2], [1, 1])).toThrow(/both classes/);
    expect(() => ks(null as never, [])).toThrow(TypeError);
  });
  it("never echoes a value in the message", () => {
    expect(() => auc([1, 123456789], [1, 7])).toThrow(/^(?!.*(123456789|\b7\b)).*labels\[1\]/s);
    expect(() => auc([1, Number.POSITIVE_INFINITY], [1, 0])).toThrow(/^(?!.*Infinity).*scores\[1\]/s);
  });
});

const sample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 60 })
  .filter((xs) => xs.some((x) => x[1] === 1) && xs.some((x) => x[1] === 0));

/** O(n^2) pair count, the definition. */
function naiveAuc(s: number[], y: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < s.length; i++)
    for (let j = 0; j < s.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        den++;
        num += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
  return num / den;
}

describe("properties", () => {
  it("auc equals the O(n^2) pair definition; gini = 2auc-1; ks in [0,1]", () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const s = xs.map((x) => x[0]);
        const y = xs.map((x) => x[1]);
        const a = auc(s, y);
        expect(a).toBeCloseTo(naiveAuc(s, y), 12);
        expect(gini(s, y)).toBeCloseTo(2 * a - 1, 12);
        expect(auc(s, y, { higherIsBad: false })).toBeCloseTo(1 - a, 12);
        const k = ks(s, y);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(1);
        expect(
          ks(
            s.map((v) => -v),
            y,
          ),
        ).toBeCloseTo(k, 12);
      }),
    );
  });
});
