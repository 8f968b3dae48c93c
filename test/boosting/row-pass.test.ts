import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DRIFT_LIMIT, binCounts, histogram, startRows, stepRows } from "../../src/boosting/row-pass";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

/**
 * The naive reference of a sequence of boosting steps: every row's log-odds is the sum of its
 * steps' deltas, its probability `1 / (1 + exp(-f))` recomputed from scratch, and the sums of
 * `p - y` and `p (1 - p)` per bin of the next term taken row by row.
 */
function naiveSteps(
  f0: readonly number[],
  y: readonly number[],
  steps: readonly { delta: readonly number[]; col: readonly number[]; next: readonly number[]; bn: number }[],
): { f: number[]; g: number[]; h: number[] } {
  const f = [...f0];
  let g: number[] = [];
  let h: number[] = [];
  for (const s of steps) {
    for (let i = 0; i < f.length; i++) f[i] = f[i]! + s.delta[s.col[i]!]!;
    g = new Array<number>(s.bn).fill(0);
    h = new Array<number>(s.bn).fill(0);
    for (let i = 0; i < f.length; i++) {
      const p = 1 / (1 + Math.exp(-f[i]!));
      g[s.next[i]!]! += p - y[i]!;
      h[s.next[i]!]! += p * (1 - p);
    }
  }
  return { f, g, h };
}

/** Runs the same steps through `stepRows` (exact pass only where `exactAt` says so). */
function fastSteps(
  f0: readonly number[],
  y: readonly number[],
  steps: readonly { delta: readonly number[]; col: readonly number[]; next: readonly number[]; bn: number }[],
  exactAt: (k: number) => boolean,
): { f: Float64Array; e: Float64Array; g: Float64Array; h: Float64Array } {
  const most = Math.max(...steps.map((s) => Math.max(s.delta.length, s.bn)));
  const rows = startRows(Float64Array.from(f0), Uint8Array.from(y), most);
  const g = new Float64Array(most);
  const h = new Float64Array(most);
  steps.forEach((s, k) => {
    stepRows(
      rows,
      Float64Array.from(s.delta),
      Uint16Array.from(s.col),
      s.delta.length,
      Uint16Array.from(s.next),
      s.bn,
      g,
      h,
      exactAt(k),
    );
  });
  const bn = steps[steps.length - 1]!.bn;
  return { f: rows.f, e: rows.e, g: g.slice(0, bn), h: h.slice(0, bn) };
}

/** SYNTHETIC steps: `count` steps over `n` rows, bins of 1 to 9 per term, deltas of at most `scale`. */
function randomSteps(seed: number, n: number, count: number, scale: number) {
  const rand = mulberry32(seed);
  const f0 = Array.from({ length: n }, () => rand() * 4 - 3);
  const y = Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
  let b = 1 + Math.floor(rand() * 9);
  let col = Array.from({ length: n }, () => Math.floor(rand() * b));
  const steps = [];
  for (let k = 0; k < count; k++) {
    const bn = 1 + Math.floor(rand() * 9);
    // most rows in one bin now and then, as a past-due count column has them
    const skew = rand() < 0.5;
    const next = Array.from({ length: n }, () => (skew && rand() < 0.9 ? 0 : Math.floor(rand() * bn)));
    steps.push({ delta: Array.from({ length: b }, () => (rand() * 2 - 1) * scale), col, next, bn });
    b = bn;
    col = next;
  }
  return { f0, y, steps };
}

describe("stepRows against the naive reference (SYNTHETIC rows, property)", () => {
  it("the same log-odds (exactly: the same additions), probabilities and sums per bin, odd and even row counts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0.01, 0.5, 3),
        fc.integer({ min: 1, max: 5 }),
        (seed, n, count, scale, every) => {
          const { f0, y, steps } = randomSteps(seed, n, count, scale);
          const want = naiveSteps(f0, y, steps);
          const got = fastSteps(f0, y, steps, (k) => k % every === every - 1);
          expect(Array.from(got.f)).toEqual(want.f);
          got.e.forEach((e, i) => {
            expect(Math.abs(e / Math.exp(-want.f[i]!) - 1)).toBeLessThan(1e-13);
          });
          got.g.forEach((v, k) => {
            expect(v).toBeCloseTo(want.g[k]!, 12);
          });
          got.h.forEach((v, k) => {
            expect(v).toBeCloseTo(want.h[k]!, 12);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("an exact pass gives e = exp(-f) to the bit and the sums of the plain row order", () => {
    const { f0, y, steps } = randomSteps(42, 31, 4, 0.7);
    const got = fastSteps(f0, y, steps, () => true);
    got.e.forEach((e, i) => {
      expect(e).toBe(Math.exp(-got.f[i]!));
    });
    const want = naiveSteps(f0, y, steps);
    expect(Array.from(got.g)).toEqual(want.g);
    expect(Array.from(got.h)).toEqual(want.h);
  });
});

describe("stepRows: saturated rows and huge steps (Newton steps on a near-pure bin can be enormous)", () => {
  it("a step past the drift limit is an exact pass; rows saturate to p = 0 or 1 without NaN, as the naive sums do", () => {
    // rows 0-1 in bin 0, rows 2-3 in bin 1; steps +800 then -790 on bin 0, -800 then +790 on bin 1:
    // f = 10 and -10 at the end, far from saturation, though e passed through 0 and Infinity
    const f0 = [0, 0.5, 0, -0.5];
    const y = [1, 0, 0, 1];
    const col = [0, 0, 1, 1];
    const steps = [
      { delta: [800, -800], col, next: col, bn: 2 },
      { delta: [-790, 790], col, next: col, bn: 2 },
    ];
    const want = naiveSteps(f0, y, steps);
    const got = fastSteps(f0, y, steps, () => false);
    expect(Array.from(got.f)).toEqual(want.f);
    // each step's largest |delta| (800, 790) is above DRIFT_LIMIT, so both were exact passes
    expect(DRIFT_LIMIT).toBeLessThan(790);
    got.e.forEach((e, i) => {
      expect(e).toBe(Math.exp(-want.f[i]!));
    });
    expect(Array.from(got.g)).toEqual(want.g);
    expect(Array.from(got.h)).toEqual(want.h);
  });

  it("multiplicative steps from a saturated row keep p within 1e-47 of the naive p while under the drift limit", () => {
    // an exact pass to f = +-750 (e = 0 and e = Infinity), then 20 steps of -/+ 29 (580 < 600 in all)
    const f0 = [0, 0];
    const y = [0, 1];
    const col = [0, 1];
    const steps = [{ delta: [750, -750], col, next: col, bn: 2 }];
    for (let k = 0; k < 20; k++) steps.push({ delta: [-29, 29], col, next: col, bn: 2 });
    const want = naiveSteps(f0, y, steps);
    const got = fastSteps(f0, y, steps, (k) => k === 0);
    expect(Array.from(got.f)).toEqual([170, -170]);
    expect(got.e[0]).toBe(0);
    expect(got.e[1]).toBe(Number.POSITIVE_INFINITY);
    for (let k = 0; k < 2; k++) {
      expect(Number.isNaN(got.g[k]!)).toBe(false);
      expect(Math.abs(got.g[k]! - want.g[k]!)).toBeLessThan(1e-47);
      expect(Math.abs(got.h[k]! - want.h[k]!)).toBeLessThan(1e-47);
    }
  });
});

describe("histogram and binCounts: hand calculation", () => {
  it("rows in bins [0, 1, 1], p = [0.5, 0.25, 0.75], y = [1, 0, 1]", () => {
    // bin 0: g = 0.5 - 1 = -0.5, h = 0.25; bin 1: g = 0.25 + (0.75 - 1) = 0, h = 0.1875 + 0.1875 = 0.375
    const g = new Float64Array(2);
    const h = new Float64Array(2);
    histogram(Uint16Array.of(0, 1, 1), 2, Float64Array.of(0.5, 0.25, 0.75), Uint8Array.of(1, 0, 1), g, h);
    expect(Array.from(g)).toEqual([-0.5, 0]);
    expect(Array.from(h)).toEqual([0.25, 0.375]);
    expect(Array.from(binCounts(Uint16Array.of(0, 1, 1), 3))).toEqual([1, 2, 0]);
  });
});
