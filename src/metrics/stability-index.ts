import { checkFinite } from "./internal/check";
import type { NumericArray } from "./internal/check";

/** Options of the stability indices (PSI, CSI). */
export interface StabilityOptions {
  /**
   * Zero-count adjustment: a bin share of exactly 0 (in either distribution) is replaced by this
   * value in both the difference and the log ratio, so an empty bin adds a large but finite term
   * instead of Infinity. Default 1e-4. Must be in (0, 1).
   */
  readonly epsilon?: number;
}

/** One bin of a stability table. */
export interface StabilityBin {
  readonly expectedCount: number;
  readonly actualCount: number;
  readonly expectedShare: number;
  readonly actualShare: number;
  /** `(actualShare - expectedShare) * ln(actualShare / expectedShare)` (shares after adjustment). */
  readonly contribution: number;
}

/**
 * @internal checks epsilon, default 1e-4.
 * @example epsilonOf({}, "psi") // => 0.0001
 */
export function epsilonOf(options: StabilityOptions, fn: string): number {
  const e = options.epsilon ?? 1e-4;
  if (typeof e !== "number" || !(e > 0 && e < 1)) throw new RangeError(`${fn}: epsilon must be in (0, 1)`);
  return e;
}

/**
 * Stability index between two binned distributions given as counts per bin:
 * `SI = sum_i (a_i - e_i) * ln(a_i / e_i)` with `a_i`, `e_i` the actual and expected shares
 * (Siddiqi, "Credit Risk Scorecards", 2006, ch. 12). It is the PSI when the bins are score bins
 * and the CSI when they are a characteristic's bins. Rule of thumb: < 0.1 stable, 0.1-0.25 watch,
 * > 0.25 shifted.
 *
 * @param expectedCounts counts per bin in the reference (training) sample
 * @param actualCounts counts per bin in the current sample, same bins
 * @param options `epsilon` zero-count adjustment (default 1e-4, see `StabilityOptions`)
 * @returns the index (>= 0) and the per-bin table
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on different lengths, negative counts, or an empty sample
 * @example stabilityIndex([50, 50], [40, 60]).index // => 0.04054651081081642
 */
export function stabilityIndex(
  expectedCounts: NumericArray,
  actualCounts: NumericArray,
  options: StabilityOptions = {},
): { readonly index: number; readonly bins: readonly StabilityBin[] } {
  const fn = "stabilityIndex";
  checkFinite(expectedCounts, fn, "expectedCounts");
  checkFinite(actualCounts, fn, "actualCounts");
  if (expectedCounts.length !== actualCounts.length) {
    throw new RangeError(`${fn}: expectedCounts and actualCounts must have the same length`);
  }
  const eps = epsilonOf(options, fn);
  let te = 0;
  let ta = 0;
  for (let i = 0; i < expectedCounts.length; i++) {
    if (expectedCounts[i]! < 0 || actualCounts[i]! < 0) throw new RangeError(`${fn}: counts must be >= 0 (bin ${i})`);
    te += expectedCounts[i]!;
    ta += actualCounts[i]!;
  }
  if (!(te > 0) || !(ta > 0)) throw new RangeError(`${fn}: both samples must have a positive total count`);
  let index = 0;
  const bins: StabilityBin[] = [];
  for (let i = 0; i < expectedCounts.length; i++) {
    const es = expectedCounts[i]! / te;
    const as = actualCounts[i]! / ta;
    const contribution = psiTerm(es, as, eps);
    index += contribution;
    bins.push({
      expectedCount: expectedCounts[i]!,
      actualCount: actualCounts[i]!,
      expectedShare: es,
      actualShare: as,
      contribution,
    });
  }
  return { index, bins };
}

/**
 * @internal one PSI term with the zero-share adjustment.
 * @example psiTerm(0.5, 0.25, 1e-4) // => 0.1732868 (by hand: (0.25 - 0.5) ln(0.25 / 0.5))
 */
export function psiTerm(expectedShare: number, actualShare: number, eps: number): number {
  const e = expectedShare === 0 ? eps : expectedShare;
  const a = actualShare === 0 ? eps : actualShare;
  return (a - e) * Math.log(a / e);
}
