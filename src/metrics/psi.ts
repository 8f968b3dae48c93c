import { binOf, checkBreaks } from "./internal/breaks";
import { checkFinite } from "./internal/check";
import type { NumericArray } from "./internal/check";
import { quantileBreaks } from "./quantile-breaks";
import { stabilityIndex } from "./stability-index";
import type { StabilityBin, StabilityOptions } from "./stability-index";

/** Options of `psi` / `psiTable`: the cut points, plus the zero-count adjustment. */
export interface PsiOptions extends StabilityOptions {
  /** Strictly increasing cut points; bins are `(-inf, b0), [b0, b1), ..., [bk, +inf)`. */
  readonly breaks: NumericArray;
}

/** A PSI table row: the bin interval (`null` = unbounded) and its shares. */
export interface PsiBin extends StabilityBin {
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Population stability index of `actual` scores against `expected` (training) scores over fixed
 * left-closed bins, with the bin table: `PSI = sum_i (a_i - e_i) ln(a_i / e_i)`.
 * @param expected reference scores (finite)
 * @param actual current scores (finite)
 * @param options `breaks` and `epsilon` (zero-share adjustment, default 1e-4)
 * @returns `{ index, bins }`
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on empty samples, non-finite values or bad breaks
 * @example psiTable([1, 2, 3, 4], [1, 3, 3, 4], { breaks: [3] }).bins[0].actualShare // => 0.25
 */
export function psiTable(
  expected: NumericArray,
  actual: NumericArray,
  options: PsiOptions,
): { readonly index: number; readonly bins: readonly PsiBin[] } {
  if (options === null || typeof options !== "object") throw new TypeError("psi: options with breaks are required");
  const b = checkBreaks(options.breaks, "psi");
  checkFinite(expected, "psi", "expected");
  checkFinite(actual, "psi", "actual");
  if (expected.length === 0 || actual.length === 0) throw new RangeError("psi: expected and actual must not be empty");
  const ec = new Float64Array(b.length + 1);
  const ac = new Float64Array(b.length + 1);
  for (let i = 0; i < expected.length; i++) ec[binOf(b, expected[i]!)]!++;
  for (let i = 0; i < actual.length; i++) ac[binOf(b, actual[i]!)]!++;
  const opts: StabilityOptions = options.epsilon === undefined ? {} : { epsilon: options.epsilon };
  const { index, bins } = stabilityIndex(ec, ac, opts);
  return {
    index,
    bins: bins.map((bin, i) => ({ lower: i === 0 ? null : b[i - 1]!, upper: i === b.length ? null : b[i]!, ...bin })),
  };
}

/**
 * Population stability index of `actual` scores against `expected` (training) scores over fixed
 * left-closed bins: `PSI = sum_i (a_i - e_i) ln(a_i / e_i)` with `a_i`, `e_i` the bin shares.
 * < 0.1 stable, 0.1-0.25 some shift, > 0.25 significant shift (Siddiqi 2006).
 * @param expected reference scores (finite)
 * @param actual current scores (finite)
 * @param options `breaks` and `epsilon` (zero-share adjustment, default 1e-4)
 * @returns the PSI (>= 0)
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on empty samples, non-finite values or bad breaks
 * @example psi([1, 2, 3, 4], [1, 3, 3, 4], { breaks: [3] }) // => 0.274653072167027 (by hand: 0.25 ln 2 + 0.25 ln 1.5 = ln(3) / 4)
 */
export function psi(expected: NumericArray, actual: NumericArray, options: PsiOptions): number {
  return psiTable(expected, actual, options).index;
}

/**
 * PSI with the breaks taken from quantiles of `expected` (`quantileBreaks(expected, bins)`), the
 * usual decile PSI.
 * @param expected reference scores (finite)
 * @param actual current scores (finite)
 * @param options `bins` (default 10) and `epsilon`
 * @returns the PSI (>= 0)
 * @throws {TypeError|RangeError} as `psi` and `quantileBreaks`
 * @example psiQuantile([1, 2, 3, 4], [1, 2, 3, 4], { bins: 2 }) // => 0
 */
export function psiQuantile(
  expected: NumericArray,
  actual: NumericArray,
  options: StabilityOptions & { readonly bins?: number } = {},
): number {
  const breaks = quantileBreaks(expected, options.bins ?? 10);
  const opts: PsiOptions = options.epsilon === undefined ? { breaks } : { breaks, epsilon: options.epsilon };
  return psi(expected, actual, opts);
}
