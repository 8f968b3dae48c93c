import { splitSorted } from "./internal/check";
import type { NumericArray } from "./internal/check";

/**
 * Kolmogorov-Smirnov statistic of a score: the largest gap between the cumulative score
 * distributions of bads and goods, `max_t |F_bad(t) - F_good(t)|`, evaluated after every distinct
 * score. It is direction-free, and equals `max(tpr - fpr)` of scikit-learn's `roc_curve` when the
 * score ranks bads higher, and `scipy.stats.ks_2samp(bad, good).statistic` in general.
 *
 * @param scores finite scores
 * @param labels 1 = bad, 0 = good
 * @returns the KS statistic in [0, 1]
 * @throws {TypeError} when an argument is not an array of numbers
 * @throws {RangeError} on mismatched lengths, non-finite scores, labels other than 0/1, or a single class
 * @example ks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // => 0.5
 */
export function ks(scores: NumericArray, labels: NumericArray): number {
  const { bad, good } = splitSorted(scores, labels, "ks", true);
  const nb = bad.length;
  const ng = good.length;
  let i = 0;
  let j = 0;
  let best = 0;
  while (i < nb || j < ng) {
    // next distinct score across both classes
    const s = i < nb && (j >= ng || bad[i]! <= good[j]!) ? bad[i]! : good[j]!;
    while (i < nb && bad[i] === s) i++;
    while (j < ng && good[j] === s) j++;
    const d = Math.abs(i / nb - j / ng);
    if (d > best) best = d;
  }
  return best;
}
