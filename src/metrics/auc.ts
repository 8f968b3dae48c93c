import { splitSorted } from "./internal/check";
import type { NumericArray } from "./internal/check";
import type { ScoreDirectionOptions } from "./direction";

/**
 * Area under the ROC curve: the probability that a random bad (label 1) scores as riskier than a
 * random good (label 0), ties counted as half (the Mann-Whitney U statistic over nBad * nGood).
 * With the default `higherIsBad: true` it equals scikit-learn's `roc_auc_score(labels, scores)`.
 *
 * AUC = (#{bad > good} + 0.5 * #{bad = good}) / (nBad * nGood), computed exactly from two sorted
 * class arrays in O(n log n).
 *
 * @param scores finite scores, one per observation
 * @param labels 1 = bad, 0 = good; same length as `scores`
 * @param options `higherIsBad` (default true); `false` for scorecard points (higher = better)
 * @returns the AUC in [0, 1]
 * @throws {TypeError} when an argument is not an array of numbers
 * @throws {RangeError} on mismatched lengths, non-finite scores, labels other than 0/1, or a single class
 * @example auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // => 0.75
 */
export function auc(scores: NumericArray, labels: NumericArray, options: ScoreDirectionOptions = {}): number {
  const { bad, good } = splitSorted(scores, labels, "auc", true);
  const u = badAboveGood(bad, good);
  const pairs = bad.length * good.length;
  const a = u / pairs;
  return options.higherIsBad === false ? 1 - a : a;
}

/**
 * Twice the Mann-Whitney count: 2 * #{bad > good} + #{bad = good}, halved (kept in integers
 * until the end so the sum is exact for up to ~4e15 pairs).
 */
function badAboveGood(bad: Float64Array, good: Float64Array): number {
  let below = 0; // goods strictly below the current bad score
  let j = 0;
  let twice = 0;
  const nb = bad.length;
  const ng = good.length;
  let i = 0;
  while (i < nb) {
    const s = bad[i]!;
    let k = i;
    while (k < nb && bad[k] === s) k++;
    while (j < ng && good[j]! < s) {
      j++;
      below++;
    }
    let eq = 0;
    while (j + eq < ng && good[j + eq] === s) eq++;
    twice += (k - i) * (2 * below + eq);
    i = k;
  }
  return twice / 2;
}
