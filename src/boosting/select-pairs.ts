/**
 * Which pair terms of the boosted scorecard earn their place: a paired test of each pair's effect
 * on the log-loss of held-out rows that neither trained the pair nor chose its number of rounds.
 * Internal: used by train-boosted-scorecard.ts.
 */

/**
 * The z a set of pairs must reach to be kept when up to `m` sets are tested one after the other
 * (backward elimination from `m` pairs): the standard normal quantile at 1 - 0.025 / m, a one-sided
 * 2.5% test Bonferroni-corrected for the `m` tests, so that pairs that do not help pass by chance
 * in at most 2.5% of trainings. Values from Python 3.11 `statistics.NormalDist().inv_cdf(1 - 0.025 / m)`
 * for m = 1..20 (the most pairs a training may request), rounded to 6 decimals.
 */
const KEEP_Z = [
  1.959964, 2.241403, 2.39398, 2.497705, 2.575829, 2.638257, 2.69011, 2.734369, 2.772921, 2.807034, 2.837597, 2.86526,
  2.890512, 2.913726, 2.935199, 2.955167, 2.97382, 2.991316, 3.007787, 3.023341,
] as const;

/**
 * The z a set of pairs must reach on the selection rows when `m` sets may be tested (see KEEP_Z).
 * @param m the number of tests, 1 to 20 (clamped)
 * @returns the threshold
 * @example keepZ(5) // => 2.575829
 * @internal
 */
export function keepZ(m: number): number {
  return KEEP_Z[Math.min(KEEP_Z.length, Math.max(1, Math.floor(m))) - 1]!;
}

/** What a pair does to the log-loss of the selection rows. @internal */
export interface PairEvidence {
  /** Mean log-loss per row without the pair minus with it (> 0: the pair helps). */
  readonly improvement: number;
  /** Standard error of that mean (sample standard deviation of the per-row differences / sqrt(rows)). */
  readonly se: number;
  /** improvement / se (0 when se is 0 or there are fewer than 2 rows). */
  readonly z: number;
  readonly rows: number;
}

/** Logistic loss of one row with log-odds z and label y, computed stably. */
function rowLoss(z: number, y: number): number {
  return (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
}

/**
 * The paired test of one term on held-out rows: per row `d_i = loss(f_i - c_i) - loss(f_i)` where
 * `f` is the whole model's log-odds and `c` the term's part of it; returns the mean of `d`, its
 * standard error and their ratio z.
 * @param f the model's log-odds per row (the term included)
 * @param c the term's log-odds per row
 * @param y labels (1 = bad)
 * @returns the evidence
 * @example pairEvidence(Float64Array.of(2, -2), Float64Array.of(2, -2), Uint8Array.of(1, 0)).improvement // => 0.5662191695169727
 * @internal
 */
export function pairEvidence(f: Float64Array, c: Float64Array, y: Uint8Array): PairEvidence {
  const n = f.length;
  let s = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = rowLoss(f[i]! - c[i]!, y[i]!) - rowLoss(f[i]!, y[i]!);
    s += d;
    ss += d * d;
  }
  if (n < 2) return { improvement: n === 1 ? s : 0, se: 0, z: 0, rows: n };
  const mean = s / n;
  const variance = Math.max(0, (ss - n * mean * mean) / (n - 1));
  const se = Math.sqrt(variance / n);
  return { improvement: mean, se, z: se > 0 ? mean / se : 0, rows: n };
}

/**
 * Splits held-out rows in two halves, stratified and deterministic: within each class, rows in
 * their given order go alternately to the stopping half (0) and the selection half (1), the first
 * to the stopping half.
 * @param labels the labels of the held-out rows, in order
 * @returns 1 for a selection row, 0 for a stopping row
 * @example Array.from(halves(Uint8Array.of(0, 0, 1, 0, 1))) // => [0, 1, 0, 0, 1]
 * @internal
 */
export function halves(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(labels.length);
  const seen = [0, 0];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] === 1 ? 1 : 0;
    out[i] = seen[y]! % 2;
    seen[y]!++;
  }
  return out;
}

/**
 * How many failed tests of the pair set backward elimination answers by dropping one pair; after them,
 * each failed test drops the weaker half of the pairs left (`pairsToDrop`). One by one, 20 requested pairs
 * that all fail boost 21 pair sets (210 pair fits); with this bound 8 sets (89 pair fits). A training
 * that drops at most this many pairs boosts the same sets as one by one, so its card is unchanged
 * (bench/RESULTS.md, "boosting pair-selection worst case").
 */
export const SINGLE_DROP_ROUNDS = 3;

/**
 * How many pairs backward elimination drops after the `round`-th failed test of the set (counted from 0):
 * one for the first `SINGLE_DROP_ROUNDS` tests, then half the `active` pairs rounded up.
 * @param round failed tests before this one
 * @param active pairs in the set that failed (at least 1)
 * @returns the number of pairs to drop, 1 to `active`
 * @example [pairsToDrop(0, 20), pairsToDrop(3, 17), pairsToDrop(4, 1)] // => [1, 9, 1]
 * @internal
 */
export function pairsToDrop(round: number, active: number): number {
  return round < SINGLE_DROP_ROUNDS ? 1 : Math.ceil(active / 2);
}

/**
 * The `n` pairs with the lowest z of their own, lowest first, the earlier pair first on ties.
 * @param z each pair's own z (`pairEvidence(...).z`)
 * @param n how many
 * @returns their indices into `z`
 * @example weakestPairs([1.5, -0.2, 0.3, -0.2], 3) // => [1, 3, 2]
 * @internal
 */
export function weakestPairs(z: readonly number[], n: number): number[] {
  return z
    .map((_, t) => t)
    .sort((s, t) => z[s]! - z[t]! || s - t)
    .slice(0, n);
}
