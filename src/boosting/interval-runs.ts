/**
 * The interval attributes of a boosted card's numeric characteristic: the learned shape over the
 * fine interval bins turned into at most `maxCuts` boundaries. Internal: used by
 * train-boosted-scorecard.ts.
 */
import { roundPoints } from "../scorecard/round-points";
import type { Rounding } from "../scorecard/types";
import type { FineBinning } from "./fine-bins";

/** A run of adjacent fine interval bins: bins [lo, hi) of the ordered bins, log-odds v, rows w. @internal */
export interface Run {
  lo: number;
  hi: number;
  v: number;
  w: number;
}

/**
 * The weighted squared-error cost of merging two adjacent runs into one at their row-weighted
 * mean log-odds: `w_x w_y / (w_x + w_y) * (v_x - v_y)^2` (Ward's criterion, the rise of
 * `sum_rows (shape - merged)^2`; 0 when either run has no rows).
 * @param x the left run
 * @param y the right run
 * @returns the cost, >= 0
 * @example mergeCost({ lo: 0, hi: 1, v: 0, w: 3 }, { lo: 1, hi: 2, v: 1, w: 1 }) // => 0.75
 * @internal
 */
export function mergeCost(x: Run, y: Run): number {
  const w = x.w + y.w;
  if (!(x.w > 0 && y.w > 0)) return 0;
  const d = x.v - y.v;
  return ((x.w * y.w) / w) * d * d;
}

/**
 * Merges adjacent runs in place until at most `most` remain: each time the adjacent pair with the
 * lowest `mergeCost` (the leftmost on ties, so deterministic) becomes one run at their row-weighted
 * mean log-odds. A run with few rows far from its neighbour thus merges before two large runs that
 * are close, which keeps the card's fit to the training rows as close as the boundaries allow.
 * @param runs the runs, left to right (merged in place)
 * @param most how many runs may remain (>= 1)
 * @returns `runs`
 * @example mergeRuns([{ lo: 0, hi: 1, v: 0, w: 1000 }, { lo: 1, hi: 2, v: 0.1, w: 1000 }, { lo: 2, hi: 3, v: 1, w: 1 }], 2).map((r) => r.hi) // => [1, 3]
 * @internal
 */
export function mergeRuns(runs: Run[], most: number): Run[] {
  while (runs.length > Math.max(1, most)) {
    let at = 0;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k + 1 < runs.length; k++) {
      const c = mergeCost(runs[k]!, runs[k + 1]!);
      if (c < best) {
        best = c;
        at = k;
      }
    }
    const x = runs[at]!;
    const y = runs[at + 1]!;
    const w = x.w + y.w;
    runs.splice(at, 2, { lo: x.lo, hi: y.hi, v: w > 0 ? (x.v * x.w + y.v * y.w) / w : x.v, w });
  }
  return runs;
}

/**
 * The interval attributes of a numeric shape: adjacent fine bins with equal points merged, then,
 * while the characteristic has more than `maxCuts` boundaries (special values counting two each;
 * the scorer's padded fast path takes up to `MAX_PADDED_CUTS`), the adjacent runs whose merge costs
 * least in row-weighted squared log-odds (`mergeRuns`) merged into one run at their row-weighted
 * mean log-odds; neighbours left with equal points are folded last.
 * @param b the feature's fine bins
 * @param shape log-odds per fine bin
 * @param counts rows per fine bin
 * @param factor the scaling factor (points = -factor x log-odds, rounded)
 * @param rounding the card's rounding
 * @param maxCuts most boundaries
 * @returns the interval attributes, left to right, covering every value
 * @internal
 */
export function intervalRuns(
  b: FineBinning,
  shape: Float64Array,
  counts: Float64Array,
  factor: number,
  rounding: Rounding,
  maxCuts: number,
): { lower: number | null; upper: number | null; points: number }[] {
  const pts = (v: number): number => roundPoints(-factor * v, rounding) + 0;
  const edges: (number | null)[] = [null, ...b.cuts, null];
  const runs: Run[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const bin = b.firstOrdered + k;
    const v = shape[bin]!;
    const w = counts[bin]!;
    const last = runs[runs.length - 1];
    if (last !== undefined && pts(last.v) === pts(v)) {
      last.v = last.w + w > 0 ? (last.v * last.w + v * w) / (last.w + w) : last.v;
      last.w += w;
      last.hi = k + 1;
    } else runs.push({ lo: k, hi: k + 1, v, w });
  }
  let specials = 0;
  for (const s of b.specials) specials += s.length;
  mergeRuns(runs, maxCuts + 1 - 2 * specials);
  // merging can leave equal rounded neighbours: fold them too
  const out: { lower: number | null; upper: number | null; points: number }[] = [];
  for (const r of runs) {
    const p = pts(r.v);
    const last = out[out.length - 1];
    if (last !== undefined && last.points === p) last.upper = edges[r.hi]!;
    else out.push({ lower: edges[r.lo]!, upper: edges[r.hi]!, points: p });
  }
  return out;
}
