import { checkFinite, checkLabels } from "./internal/check";
import type { NumericArray } from "./internal/check";
import { groupOffsets, orderOf } from "./internal/order";
import type { ScoreDirectionOptions } from "./direction";

/** One group of a gains (lift) table, riskiest group first. */
export interface GainsRow {
  /** 1-based group number; group 1 holds the riskiest scores. */
  readonly group: number;
  readonly count: number;
  readonly bad: number;
  readonly good: number;
  readonly minScore: number;
  readonly maxScore: number;
  /** `bad / count`. */
  readonly badRate: number;
  readonly cumCount: number;
  readonly cumBad: number;
  /** Share of all bads captured up to this group (cumulative gain, "capture rate"). */
  readonly cumBadShare: number;
  /** Share of all goods up to this group. */
  readonly cumGoodShare: number;
  /** `badRate / overall bad rate`. */
  readonly lift: number;
  /** Cumulative bad rate over the overall bad rate. */
  readonly cumLift: number;
  /** `cumBadShare - cumGoodShare`: the KS curve at this group's lower edge. */
  readonly ks: number;
}

/**
 * Gains (lift) table: observations ordered from riskiest to safest (ties in input order) and split
 * into `groups` near-equal groups (numpy `array_split` sizes), with bad counts, cumulative capture
 * of bads, lift `badRate_g / badRate` and the KS gap per group.
 *
 * @param scores finite scores
 * @param labels 1 = bad, 0 = good, both present
 * @param options `groups` (default 10) from 1 to n; `higherIsBad` (default true; false for points)
 * @returns the rows, riskiest first
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on mismatched lengths, bad labels, one class only or bad groups
 * @example gainsTable([0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], { groups: 2 })[0].lift // => 1
 */
export function gainsTable(
  scores: NumericArray,
  labels: NumericArray,
  options: ScoreDirectionOptions & { readonly groups?: number } = {},
): readonly GainsRow[] {
  const fn = "gainsTable";
  checkFinite(scores, fn, "scores");
  const n = scores.length;
  const totalBad = checkLabels(labels, n, fn);
  if (totalBad === 0 || totalBad === n) throw new RangeError(`${fn}: labels must contain both classes`);
  const groups = options.groups ?? 10;
  if (!Number.isInteger(groups) || groups < 1 || groups > n) {
    throw new RangeError(`${fn}: groups must be an integer from 1 to the number of observations`);
  }
  const totalGood = n - totalBad;
  const rate = totalBad / n;
  const idx = orderOf(scores, options.higherIsBad !== false);
  const off = groupOffsets(n, groups);
  const rows: GainsRow[] = [];
  let cumBad = 0;
  let cumCount = 0;
  for (let g = 0; g < groups; g++) {
    let bad = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = off[g]!; k < off[g + 1]!; k++) {
      const i = idx[k]!;
      bad += labels[i]!;
      if (scores[i]! < lo) lo = scores[i]!;
      if (scores[i]! > hi) hi = scores[i]!;
    }
    const count = off[g + 1]! - off[g]!;
    cumBad += bad;
    cumCount += count;
    const cumGood = cumCount - cumBad;
    rows.push({
      group: g + 1,
      count,
      bad,
      good: count - bad,
      minScore: lo,
      maxScore: hi,
      badRate: bad / count,
      cumCount,
      cumBad,
      cumBadShare: cumBad / totalBad,
      cumGoodShare: cumGood / totalGood,
      lift: bad / count / rate,
      cumLift: cumBad / cumCount / rate,
      ks: cumBad / totalBad - cumGood / totalGood,
    });
  }
  return rows;
}
