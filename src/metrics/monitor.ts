import { binOf, checkBreaks } from "./internal/breaks";
import { checkFinite } from "./internal/check";
import type { NumericArray } from "./internal/check";
import { quantileBreaks } from "./quantile-breaks";
import { epsilonOf, psiTerm } from "./stability-index";
import type { StabilityOptions } from "./stability-index";

/**
 * A streaming score monitor: fixed bins with the training distribution, and counters for live
 * scores. Plain data in constant memory (three Float64Arrays of `breaks.length + 1` or fewer
 * entries); `monitorAdd` mutates only `counts`, `total` and `rejected`, and nothing else does.
 */
export interface ScoreMonitor {
  /** Strictly increasing cut points (left-closed bins). */
  readonly breaks: Float64Array;
  /** Training share of each bin (sums to 1). */
  readonly expectedShares: Float64Array;
  /** Live count of each bin. */
  readonly counts: Float64Array;
  /** Live scores accepted. */
  total: number;
  /** Live scores rejected because they were not finite numbers (never binned). */
  rejected: number;
}

/**
 * Creates a monitor from the training distribution given as counts per bin.
 * @param options `breaks` (k strictly increasing cut points) and `expectedCounts` (k + 1 counts)
 * @returns a monitor with zero live counts
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on bad breaks, a count length other than k + 1, negative counts or total 0
 * @example createMonitor({ breaks: [0.5], expectedCounts: [3, 1] }).expectedShares // => Float64Array [0.75, 0.25]
 */
export function createMonitor(options: {
  readonly breaks: NumericArray;
  readonly expectedCounts: NumericArray;
}): ScoreMonitor {
  if (options === null || typeof options !== "object") throw new TypeError("createMonitor: options are required");
  const breaks = checkBreaks(options.breaks, "createMonitor");
  checkFinite(options.expectedCounts, "createMonitor", "expectedCounts");
  const ec = options.expectedCounts;
  if (ec.length !== breaks.length + 1)
    throw new RangeError("createMonitor: expectedCounts must have breaks.length + 1 entries");
  let total = 0;
  for (let i = 0; i < ec.length; i++) {
    if (ec[i]! < 0) throw new RangeError(`createMonitor: expectedCounts[${i}] must be >= 0`);
    total += ec[i]!;
  }
  if (!(total > 0)) throw new RangeError("createMonitor: expectedCounts must have a positive total");
  const expectedShares = new Float64Array(ec.length);
  for (let i = 0; i < ec.length; i++) expectedShares[i] = ec[i]! / total;
  return { breaks, expectedShares, counts: new Float64Array(ec.length), total: 0, rejected: 0 };
}

/**
 * Creates a monitor from training scores: quantile breaks (`quantileBreaks(scores, bins)`) and the
 * training counts in those bins.
 * @param trainingScores the scores of the training (reference) sample
 * @param options `bins` (default 10)
 * @returns a monitor with zero live counts
 * @throws {TypeError|RangeError} as `quantileBreaks`
 * @example createMonitorFromScores([1, 2, 3, 4], { bins: 2 }).breaks // => Float64Array [3]
 */
export function createMonitorFromScores(
  trainingScores: NumericArray,
  options: { readonly bins?: number } = {},
): ScoreMonitor {
  const breaks = quantileBreaks(trainingScores, options.bins ?? 10);
  const b = Float64Array.from(breaks);
  const counts = new Float64Array(breaks.length + 1);
  for (let i = 0; i < trainingScores.length; i++) counts[binOf(b, trainingScores[i]!)]!++;
  return createMonitor({ breaks: b, expectedCounts: counts });
}

/**
 * Adds one live score to the monitor (binary search, no allocation). Non-finite scores are not
 * binned; they are counted in `rejected` so that a broken feed shows up without throwing.
 * @param monitor the monitor (mutated)
 * @param score a live score
 * @returns nothing
 * @example const m = createMonitor({ breaks: [0.5], expectedCounts: [1, 1] }); monitorAdd(m, 0.7); m.counts // => Float64Array [0, 1]
 */
export function monitorAdd(monitor: ScoreMonitor, score: number): void {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    monitor.rejected++;
    return;
  }
  monitor.counts[binOf(monitor.breaks, score)]!++;
  monitor.total++;
}

/**
 * The PSI of the live scores seen so far against the training distribution,
 * `sum_i (a_i - e_i) ln(a_i / e_i)`, zero shares replaced by `epsilon` (default 1e-4).
 * @param monitor the monitor
 * @param options `epsilon`
 * @returns the PSI (>= 0)
 * @throws {RangeError} when no live score has been added yet
 * @example const m = createMonitor({ breaks: [0.5], expectedCounts: [1, 1] }); monitorAdd(m, 0.2); monitorAdd(m, 0.7); monitorPsi(m) // => 0
 */
export function monitorPsi(monitor: ScoreMonitor, options: StabilityOptions = {}): number {
  const eps = epsilonOf(options, "monitorPsi");
  if (monitor.total === 0) throw new RangeError("monitorPsi: no live scores yet");
  let s = 0;
  for (let i = 0; i < monitor.counts.length; i++) {
    s += psiTerm(monitor.expectedShares[i]!, monitor.counts[i]! / monitor.total, eps);
  }
  return s;
}

/**
 * Clears the live counts (e.g. at the start of a new monitoring window), keeping the bins.
 * @param monitor the monitor (mutated)
 * @returns nothing
 * @example const m = createMonitor({ breaks: [0.5], expectedCounts: [1, 1] }); monitorAdd(m, 0.7); monitorReset(m); m.total // => 0
 */
export function monitorReset(monitor: ScoreMonitor): void {
  monitor.counts.fill(0);
  monitor.total = 0;
  monitor.rejected = 0;
}
