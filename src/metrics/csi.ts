import { binOf, checkBreaks } from "./internal/breaks";
import { stabilityIndex } from "./stability-index";
import type { StabilityBin, StabilityOptions } from "./stability-index";

/** A characteristic value: a number, a category, or `null` / `undefined` for missing. */
export type CharacteristicValue = number | string | null | undefined;

/** Options of `csi`. */
export interface CsiOptions extends StabilityOptions {
  /**
   * For a numeric characteristic: strictly increasing cut points (left-closed bins as in PSI).
   * Without breaks, every distinct value is its own category (categorical characteristic).
   */
  readonly breaks?: ArrayLike<number>;
}

/** A CSI table row: `label` is `"[lower, upper)"`, the category, or `"missing"`. */
export interface CsiBin extends StabilityBin {
  readonly label: string;
}

/**
 * Characteristic stability index: the PSI formula applied to one characteristic's bins,
 * `CSI = sum_i (a_i - e_i) ln(a_i / e_i)`, with missing values (`null`/`undefined`) in their own
 * bin, so that a shift in a model input is seen before it moves the score (Siddiqi 2006, ch. 12).
 * Numeric characteristics are binned by `breaks`; without breaks each distinct value is a category.
 *
 * @param expected the characteristic's values in the reference (training) sample
 * @param actual its values in the current sample
 * @param options `breaks` (numeric) and `epsilon` (zero-share adjustment, default 1e-4)
 * @returns `{ index, bins }`, bins in break order (or first-seen category order), missing last
 * @throws {TypeError} when not arrays, or a value is not a number/string/null
 * @throws {RangeError} on empty samples, non-finite numbers, bad breaks, or a string with `breaks`
 * @example csi(["a", "a", "b", null], ["a", "b", "b", null]).index // => 0.34657359027997264
 */
export function csi(
  expected: readonly CharacteristicValue[],
  actual: readonly CharacteristicValue[],
  options: CsiOptions = {},
): { readonly index: number; readonly bins: readonly CsiBin[] } {
  if (!Array.isArray(expected) || !Array.isArray(actual))
    throw new TypeError("csi: expected and actual must be arrays");
  if (expected.length === 0 || actual.length === 0) throw new RangeError("csi: expected and actual must not be empty");
  const breaks = options.breaks === undefined ? undefined : checkBreaks(options.breaks, "csi");
  const labels: string[] = [];
  const keyIndex = new Map<string | number, number>();
  const counts: [number[], number[]] = [[], []];
  let missing: [number, number] = [0, 0];
  if (breaks !== undefined) {
    for (let i = 0; i <= breaks.length; i++) {
      labels.push(`[${i === 0 ? "-inf" : breaks[i - 1]}, ${i === breaks.length ? "+inf" : breaks[i]})`);
      counts[0].push(0);
      counts[1].push(0);
    }
  }
  const add = (values: readonly CharacteristicValue[], side: 0 | 1, name: string): void => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        missing = side === 0 ? [missing[0] + 1, missing[1]] : [missing[0], missing[1] + 1];
        continue;
      }
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new RangeError(`csi: ${name}[${i}] must be finite`);
      } else if (typeof v !== "string") {
        throw new TypeError(`csi: ${name}[${i}] must be a number, a string or null`);
      }
      let k: number;
      if (breaks !== undefined) {
        if (typeof v !== "number") throw new RangeError(`csi: ${name}[${i}] must be a number when breaks are given`);
        k = binOf(breaks, v);
      } else {
        const found = keyIndex.get(v);
        if (found === undefined) {
          k = labels.length;
          keyIndex.set(v, k);
          labels.push(String(v));
          counts[0].push(0);
          counts[1].push(0);
        } else k = found;
      }
      counts[side][k]!++;
    }
  };
  add(expected, 0, "expected");
  add(actual, 1, "actual");
  if (missing[0] + missing[1] > 0) {
    labels.push("missing");
    counts[0].push(missing[0]);
    counts[1].push(missing[1]);
  }
  const opts: StabilityOptions = options.epsilon === undefined ? {} : { epsilon: options.epsilon };
  const { index, bins } = stabilityIndex(counts[0], counts[1], opts);
  return { index, bins: bins.map((b, i) => ({ label: labels[i]!, ...b })) };
}
