import { auc } from "./auc";
import type { NumericArray } from "./internal/check";
import type { ScoreDirectionOptions } from "./direction";

/**
 * Gini coefficient (accuracy ratio) of a score: `2 * AUC - 1`.
 * @param scores finite scores
 * @param labels 1 = bad, 0 = good
 * @param options `higherIsBad` (default true)
 * @returns the Gini in [-1, 1]
 * @throws {TypeError|RangeError} as `auc`
 * @example gini([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // => 0.5
 */
export function gini(scores: NumericArray, labels: NumericArray, options: ScoreDirectionOptions = {}): number {
  return 2 * auc(scores, labels, options) - 1;
}
