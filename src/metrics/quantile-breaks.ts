import { checkFinite } from "./internal/check";
import type { NumericArray } from "./internal/check";

/**
 * Equal-frequency cut points of a sample for left-closed bins: for `k = 1 .. bins - 1` the value
 * at rank `floor(k * n / bins)` of the sorted sample (0-based), deduplicated and excluding the
 * minimum (a break at the minimum would leave the first bin empty). With many ties fewer than
 * `bins - 1` breaks come back.
 *
 * @param values the reference sample (finite numbers)
 * @param bins the number of bins wanted, an integer >= 2 (default 10)
 * @returns strictly increasing breaks
 * @throws {TypeError} when `values` is not an array of numbers
 * @throws {RangeError} on an empty sample, non-finite values or a bad `bins`
 * @example quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4) // => [3, 5, 7]
 */
export function quantileBreaks(values: NumericArray, bins = 10): number[] {
  checkFinite(values, "quantileBreaks", "values");
  if (!Number.isInteger(bins) || bins < 2) throw new RangeError("quantileBreaks: bins must be an integer >= 2");
  const n = values.length;
  if (n === 0) throw new RangeError("quantileBreaks: values must not be empty");
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.floor((k * n) / bins)]!;
    if (v > sorted[0]! && (out.length === 0 || v > out[out.length - 1]!)) out.push(v);
  }
  return out;
}
