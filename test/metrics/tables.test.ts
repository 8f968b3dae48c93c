import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrationTable, gainsTable, ks } from "../../src/metrics";

describe("calibrationTable", () => {
  it("hand calculation with Hosmer-Lemeshow", () => {
    // group 1: p .1 .2 .3 (sum .6), 1 bad: (1 - .6)^2 / (.6 (1 - .6/3)) = .16 / .48
    // group 2: p .4 .6 .7 (sum 1.7), 2 bad: (2 - 1.7)^2 / (1.7 (1 - 1.7/3))
    const t = calibrationTable([0.7, 0.1, 0.4, 0.2, 0.6, 0.3], [1, 0, 0, 0, 1, 1], { groups: 2 });
    expect(t.rows.map((r) => [r.count, r.bad, r.minPredicted, r.maxPredicted])).toEqual([
      [3, 1, 0.1, 0.3],
      [3, 2, 0.4, 0.7],
    ]);
    expect(t.rows[0]!.meanPredicted).toBeCloseTo(0.2, 15);
    expect(t.rows[1]!.observedRate).toBeCloseTo(2 / 3, 15);
    const hl = 0.16 / 0.48 + (0.3 * 0.3) / (1.7 * (1 - 1.7 / 3));
    expect(t.hosmerLemeshow).toBeCloseTo(hl, 12);
    expect(t.degreesOfFreedom).toBe(0);
  });
  it("deciles: sizes as numpy.array_split (first n % 10 groups one larger)", () => {
    const p = Array.from({ length: 23 }, (_, i) => i / 23);
    const y = p.map((_, i) => i % 2);
    expect(calibrationTable(p, y).rows.map((r) => r.count)).toEqual([3, 3, 3, 2, 2, 2, 2, 2, 2, 2]);
  });
  it("rejects bad input", () => {
    expect(() => calibrationTable([0.1, 0.2], [0, 1], { groups: 3 })).toThrow(RangeError);
    expect(() => calibrationTable([0.1, 1.2], [0, 1], { groups: 2 })).toThrow(RangeError);
    expect(() => calibrationTable([0.1, 0.2], [0, 1], { groups: 1.5 })).toThrow(RangeError);
    expect(() => calibrationTable(3 as never, [0, 1])).toThrow(TypeError);
  });
});

describe("gainsTable", () => {
  it("hand calculation: 10 scores in 5 groups, overall bad rate 0.4", () => {
    const s = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const y = [1, 1, 0, 1, 0, 0, 0, 1, 0, 0];
    const g = gainsTable(s, y, { groups: 5 });
    expect(g.map((r) => r.bad)).toEqual([2, 1, 0, 1, 0]);
    expect(g[0]!.lift).toBeCloseTo(1 / 0.4, 15);
    expect(g[1]!.cumBadShare).toBeCloseTo(0.75, 15);
    expect(g[1]!.cumGoodShare).toBeCloseTo(1 / 6, 15);
    expect(g[1]!.ks).toBeCloseTo(0.75 - 1 / 6, 15);
    expect(g[1]!.cumLift).toBeCloseTo(0.75 / 0.4, 15);
    expect(g[4]!.cumBadShare).toBe(1);
    expect(g[4]!.cumGoodShare).toBe(1);
    // scorecard points (higher = better): the same order when the scores are negated
    const pts = gainsTable(
      s.map((v) => -v),
      y,
      { groups: 5, higherIsBad: false },
    );
    expect(pts.map((r) => r.bad)).toEqual([2, 1, 0, 1, 0]);
  });
  it("property: with one group per observation, max ks equals ks() when scores are distinct", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 1 })),
        (s, ys) => {
          const y = s.map(() => ys.next().value as number);
          y[0] = 1;
          y[1] = 0;
          const g = gainsTable(s, y, { groups: s.length });
          const maxKs = Math.max(...g.map((r) => Math.abs(r.ks)));
          expect(maxKs).toBeCloseTo(ks(s, y), 12);
        },
      ),
    );
  });
  it("rejects bad input", () => {
    expect(() => gainsTable([1, 2], [1, 1])).toThrow(RangeError);
    expect(() => gainsTable([1, 2], [1, 0], { groups: 3 })).toThrow(RangeError);
    expect(() => gainsTable([1, 2], [1, 0, 1])).toThrow(RangeError);
  });
});
