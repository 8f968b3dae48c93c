import { checkFinite, checkLabels } from "./internal/check";
import type { NumericArray } from "./internal/check";

/**
 * Brier score: the mean squared difference between predicted probabilities and outcomes,
 * `sum_i w_i (p_i - y_i)^2 / sum_i w_i`; equals scikit-learn's `brier_score_loss(labels, probs)`.
 *
 * @param probs predicted probabilities of bad, each in [0, 1]
 * @param labels 1 = bad, 0 = good
 * @param options `weights`: optional non-negative sample weights (sum > 0)
 * @returns the Brier score in [0, 1] (lower is better)
 * @throws {TypeError} when an argument is not an array of numbers
 * @throws {RangeError} on mismatched lengths, empty input, probabilities outside [0, 1], bad labels or weights
 * @example brier([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]) // => 0.0375
 */
export function brier(
  probs: NumericArray,
  labels: NumericArray,
  options: { readonly weights?: NumericArray } = {},
): number {
  checkFinite(probs, "brier", "probs");
  const n = probs.length;
  checkLabels(labels, n, "brier");
  if (n === 0) throw new RangeError("brier: probs must not be empty");
  const w = options.weights;
  if (w !== undefined) {
    checkFinite(w, "brier", "weights");
    if (w.length !== n) throw new RangeError("brier: weights must have the same length as probs");
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const p = probs[i]!;
    if (p < 0 || p > 1) throw new RangeError(`brier: probs[${i}] must be in [0, 1]`);
    const wi = w === undefined ? 1 : w[i]!;
    if (wi < 0) throw new RangeError(`brier: weights[${i}] must be >= 0`);
    const d = p - labels[i]!;
    num += wi * d * d;
    den += wi;
  }
  if (!(den > 0)) throw new RangeError("brier: weights must sum to more than 0");
  return num / den;
}
