import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FineBinning } from "../../src/boosting/fine-bins";
import { type Run, intervalRuns, mergeCost, mergeRuns } from "../../src/boosting/interval-runs";

/**
 * The naive reference of one merge's cost: expand every run into its rows (w rows at log-odds v),
 * and take the rise of sum over rows of (row's log-odds - its run's log-odds)^2 when the two runs
 * become one at their row-weighted mean. Integer weights only.
 */
function naiveCost(x: Run, y: Run): number {
  const rows = [...Array(x.w).fill(x.v), ...Array(y.w).fill(y.v)] as number[];
  if (x.w === 0 || y.w === 0) return 0;
  const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
  return rows.reduce((a, v) => a + (v - mean) ** 2, 0); // before the merge each row sits on its own run: 0
}

/** The naive reference of the greedy merge: every step tries every adjacent pair with naiveCost. */
function naiveMerge(runs: Run[], most: number): Run[] {
  const r = runs.map((x) => ({ ...x }));
  while (r.length > Math.max(1, most)) {
    let at = 0;
    for (let k = 1; k + 1 < r.length; k++) if (naiveCost(r[k]!, r[k + 1]!) < naiveCost(r[at]!, r[at + 1]!)) at = k;
    const x = r[at]!;
    const y = r[at + 1]!;
    const w = x.w + y.w;
    r.splice(at, 2, { lo: x.lo, hi: y.hi, v: w > 0 ? (x.v * x.w + y.v * y.w) / w : x.v, w });
  }
  return r;
}

describe("maxCuts merge weighs runs by their rows (issue 20, boostfit item 3)", () => {
  it("hand calculation: cost w_x w_y / (w_x + w_y) (v_x - v_y)^2", () => {
    // 3 rows at 0 and 1 row at 1: mean 0.25; squares 3 * 0.0625 + 0.5625 = 0.75 = 3 * 1 / 4 * 1
    expect(mergeCost({ lo: 0, hi: 1, v: 0, w: 3 }, { lo: 1, hi: 2, v: 1, w: 1 })).toBe(0.75);
    expect(mergeCost({ lo: 0, hi: 1, v: 0, w: 0 }, { lo: 1, hi: 2, v: 5, w: 9 })).toBe(0);
  });

  it("merges a thin run far from its neighbour before two large runs that are close (the old rule merged the close ones)", () => {
    // runs: 1,000 rows at 0, 1,000 rows at 0.1, 1 row at 1. Closest in log-odds: the first two (gap 0.1),
    // cost 1000 * 1000 / 2000 * 0.01 = 5. Second and third: 1000 * 1 / 1001 * 0.81 = 0.809. Ward merges those.
    const runs: Run[] = [
      { lo: 0, hi: 1, v: 0, w: 1000 },
      { lo: 1, hi: 2, v: 0.1, w: 1000 },
      { lo: 2, hi: 3, v: 1, w: 1 },
    ];
    const out = mergeRuns(runs, 2);
    expect(out.map((r) => [r.lo, r.hi])).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(out[1]!.w).toBe(1001);
    expect(out[1]!.v).toBeCloseTo((0.1 * 1000 + 1) / 1001, 15);
  });

  it("intervalRuns: the card's intervals keep the large runs apart and fold the thin one in", () => {
    const b: FineBinning = {
      feature: "x",
      type: "numeric",
      specials: [],
      cuts: [10, 20],
      levels: [],
      bins: 4,
      firstOrdered: 1,
    };
    // shape per bin (missing first): log-odds 0, 0.1, 1 on the three intervals; factor 20 -> points 0, -2, -20
    const runs = intervalRuns(b, Float64Array.of(0, 0, 0.1, 1), Float64Array.of(0, 1000, 1000, 1), 20, "half-up", 1);
    expect(runs).toEqual([
      { lower: null, upper: 10, points: 0 },
      { lower: 10, upper: null, points: -2 },
    ]);
  });

  it("the greedy merge equals the naive row-by-row reference; at most `most` runs, contiguous, rows kept (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: fc.integer({ min: -300, max: 300 }), w: fc.integer({ min: 0, max: 40 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 12 }),
        (spec, most) => {
          const runs: Run[] = spec.map((s, k) => ({ lo: k, hi: k + 1, v: s.v / 100, w: s.w }));
          const want = naiveMerge(runs, most);
          const got = mergeRuns(
            runs.map((r) => ({ ...r })),
            most,
          );
          expect(got.map((r) => [r.lo, r.hi, r.w])).toEqual(want.map((r) => [r.lo, r.hi, r.w]));
          got.forEach((r, k) => {
            expect(r.v).toBeCloseTo(want[k]!.v, 12);
          });
          expect(got.length).toBe(Math.min(runs.length, Math.max(1, most)));
          expect(got[0]!.lo).toBe(0);
          expect(got[got.length - 1]!.hi).toBe(runs.length);
          for (let k = 1; k < got.length; k++) expect(got[k]!.lo).toBe(got[k - 1]!.hi);
          expect(got.reduce((a, r) => a + r.w, 0)).toBe(spec.reduce((a, s) => a + s.w, 0));
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });
});
