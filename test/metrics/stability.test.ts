import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createMonitor,
  createMonitorFromScores,
  csi,
  monitorAdd,
  monitorPsi,
  monitorReset,
  psi,
  psiQuantile,
  psiTable,
  quantileBreaks,
  stabilityIndex,
} from "../../src/metrics";

/*
 * Reference: numpy 1.24.2 (Debian python3-numpy), /usr/bin/python3 psi_ref.py:
 *   rng = np.random.default_rng(7)
 *   e = np.round(rng.normal(0.3, 0.1, 30), 2); a = np.round(rng.normal(0.35, 0.1, 30), 2)
 *   breaks = [0.2, 0.3, 0.4]
 *   ec = np.bincount(np.digitize(e, breaks), minlength=4); ac = ...same for a   # [6,11,12,1] [0,10,10,10]
 *   es, as_ = ec/ec.sum(), ac/ac.sum(); zero shares -> 1e-4
 *   np.sum((as_ - es) * np.log(as_ / es))  # 2.225527706007084
 * (np.digitize with right=False puts x in the bin of the number of breaks <= x: left-closed bins.)
 */
const e = [
  0.3, 0.33, 0.27, 0.21, 0.25, 0.2, 0.31, 0.43, 0.25, 0.24, 0.35, 0.34, 0.31, 0.21, 0.3, 0.37, 0.17, 0.25, 0.11, 0.17,
  0.12, 0.28, 0.17, 0.33, 0.32, 0.28, 0.05, 0.25, 0.3, 0.31,
];
const a = [
  0.2, 0.3, 0.25, 0.27, 0.46, 0.27, 0.35, 0.44, 0.29, 0.34, 0.36, 0.36, 0.23, 0.36, 0.49, 0.2, 0.44, 0.36, 0.29, 0.55,
  0.43, 0.23, 0.36, 0.41, 0.33, 0.42, 0.34, 0.42, 0.49, 0.28,
];

describe("psi", () => {
  it("matches the numpy reference, including a zero-count bin (epsilon 1e-4)", () => {
    const t = psiTable(e, a, { breaks: [0.2, 0.3, 0.4] });
    expect(t.bins.map((b) => [b.expectedCount, b.actualCount])).toEqual([
      [6, 0],
      [11, 10],
      [12, 10],
      [1, 10],
    ]);
    expect(t.bins[0]!.lower).toBeNull();
    expect(t.bins[3]!.upper).toBeNull();
    expect(Math.abs(t.index - 2.225527706007084)).toBeLessThan(1e-12);
    expect(psi(e, a, { breaks: [0.2, 0.3, 0.4] })).toBe(t.index);
  });
  it("hand calculation: shares (.5,.5) vs (.25,.75) -> -.25 ln .5 + .25 ln 1.5", () => {
    expect(psi([1, 2, 3, 4], [1, 3, 3, 4], { breaks: [3] })).toBeCloseTo(
      -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5),
      15,
    );
  });
  it("epsilon changes only empty bins", () => {
    const small = psi(e, a, { breaks: [0.2, 0.3, 0.4], epsilon: 1e-6 });
    expect(small).toBeGreaterThan(2.225527706007084);
  });
  it("psiQuantile uses quantile breaks of expected", () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([3, 5, 7]);
    expect(quantileBreaks([1, 1, 1, 1, 2], 4)).toEqual([]);
    // ranks floor(6/3) = 2 -> 1 (the minimum, dropped) and floor(12/3) = 4 -> 2
    expect(quantileBreaks([1, 1, 1, 2, 2, 3], 3)).toEqual([2]);
    const br = quantileBreaks(e, 4);
    expect(psiQuantile(e, a, { bins: 4 })).toBe(psi(e, a, { breaks: br }));
    expect(psiQuantile(e, e)).toBe(0);
  });
  it("rejects bad breaks and empty samples", () => {
    expect(() => psi(e, a, { breaks: [0.3, 0.2] })).toThrow(RangeError);
    expect(() => psi(e, a, { breaks: [0.3, 0.3] })).toThrow(RangeError);
    expect(() => psi(e, a, { breaks: [Number.NaN] })).toThrow(RangeError);
    expect(() => psi(e, a, { breaks: "x" as never })).toThrow(TypeError);
    expect(() => psi(e, a, undefined as never)).toThrow(TypeError);
    expect(() => psi([], a, { breaks: [1] })).toThrow(RangeError);
    expect(() => psi(e, a, { breaks: [1], epsilon: 0 })).toThrow(RangeError);
    expect(() => quantileBreaks([1, 2], 1)).toThrow(RangeError);
    expect(() => quantileBreaks([], 4)).toThrow(RangeError);
  });
  it("property: psi >= 0 and psi(x, x) = 0", () => {
    const arr = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(arr, arr, (x, z) => {
        const opt = { breaks: [10, 20, 30] };
        expect(psi(x, z, opt)).toBeGreaterThanOrEqual(0);
        expect(psi(x, x, opt)).toBe(0);
      }),
    );
  });
});

describe("stabilityIndex and csi", () => {
  it("stabilityIndex on counts: (.4-.5) ln .8 + (.6-.5) ln 1.2", () => {
    expect(stabilityIndex([50, 50], [40, 60]).index).toBeCloseTo(-0.1 * Math.log(0.8) + 0.1 * Math.log(1.2), 15);
    expect(() => stabilityIndex([1], [1, 2])).toThrow(RangeError);
    expect(() => stabilityIndex([0, 0], [1, 2])).toThrow(RangeError);
    expect(() => stabilityIndex([-1, 2], [1, 2])).toThrow(RangeError);
  });
  it("csi of a categorical characteristic with a missing bin (hand calculation)", () => {
    // expected a .5, b .25, missing .25; actual a .25, b .5, missing .25
    const t = csi(["a", "a", "b", null], ["a", "b", "b", null]);
    expect(t.bins.map((b) => b.label)).toEqual(["a", "b", "missing"]);
    expect(t.index).toBeCloseTo(-0.25 * Math.log(0.5) + 0.25 * Math.log(2), 15);
  });
  it("csi of a numeric characteristic equals psi when nothing is missing", () => {
    const t = csi(e, a, { breaks: [0.2, 0.3, 0.4] });
    expect(t.index).toBe(psi(e, a, { breaks: [0.2, 0.3, 0.4] }));
    expect(t.bins[0]!.label).toBe("[-inf, 0.2)");
  });
  it("rejects bad values", () => {
    expect(() => csi([{}] as never, ["a"])).toThrow(TypeError);
    expect(() => csi(["a"], ["a"], { breaks: [1] })).toThrow(RangeError);
    expect(() => csi([Number.NaN], [1])).toThrow(RangeError);
    expect(() => csi([], [1])).toThrow(RangeError);
    expect(() => csi("ab" as never, [1])).toThrow(TypeError);
  });
});

describe("streaming monitor", () => {
  it("gives the same PSI as psi() on the same data, in constant memory", () => {
    const m = createMonitor({ breaks: [0.2, 0.3, 0.4], expectedCounts: [6, 11, 12, 1] });
    for (const x of a) monitorAdd(m, x);
    expect(m.total).toBe(30);
    expect(Array.from(m.counts)).toEqual([0, 10, 10, 10]);
    expect(Math.abs(monitorPsi(m) - 2.225527706007084)).toBeLessThan(1e-12);
    monitorAdd(m, Number.NaN);
    expect(m.rejected).toBe(1);
    expect(m.counts.length).toBe(4);
    monitorReset(m);
    expect(m.total).toBe(0);
    expect(() => monitorPsi(m)).toThrow(RangeError);
  });
  it("createMonitorFromScores matches psiQuantile", () => {
    const m = createMonitorFromScores(e, { bins: 4 });
    for (const x of a) monitorAdd(m, x);
    expect(monitorPsi(m)).toBeCloseTo(psiQuantile(e, a, { bins: 4 }), 14);
  });
  it("rejects bad configuration", () => {
    expect(() => createMonitor({ breaks: [1], expectedCounts: [1] })).toThrow(RangeError);
    expect(() => createMonitor({ breaks: [1], expectedCounts: [0, 0] })).toThrow(RangeError);
    expect(() => createMonitor({ breaks: [1], expectedCounts: [-1, 2] })).toThrow(RangeError);
    expect(() => createMonitor(null as never)).toThrow(TypeError);
  });
});
