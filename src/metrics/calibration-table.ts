import { checkFinite, checkLabels } from "./internal/check";
import type { NumericArray } from "./internal/check";
import { groupOffsets, orderOf } from "./internal/order";

/** One group (decile by default) of a calibration table. */
export interface CalibrationRow {
  /** 1-based group number, lowest predicted probability first. */
  readonly group: number;
  readonly count: number;
  readonly minPredicted: number;
  readonly maxPredicted: number;
  /** Mean predicted probability = expected bad rate of the group. */
  readonly meanPredicted: number;
  /** Expected number of bads, the sum of predicted probabilities. */
  readonly expectedBad: number;
  readonly bad: number;
  /** Observed bad rate `bad / count`. */
  readonly observedRate: number;
}

/** A calibration table and its Hosmer-Lemeshow statistic. */
export interface CalibrationTable {
  readonly rows: readonly CalibrationRow[];
  /** `sum_g (O_g - E_g)^2 / (E_g (1 - E_g / n_g))`, chi-square with `groups - 2` df under calibration. */
  readonly hosmerLemeshow: number;
  readonly degreesOfFreedom: number;
}

/**
 * Calibration table: observations ordered by predicted probability (ties in input order) and split
 * into `groups` near-equal groups (numpy `array_split` sizes), each with mean predicted and observed
 * bad rates, plus the Hosmer-Lemeshow goodness-of-fit statistic (Hosmer & Lemeshow 1980).
 *
 * @param probs predicted probabilities of bad, each in [0, 1]
 * @param labels 1 = bad, 0 = good
 * @param options `groups` (default 10 = deciles), an integer from 2 to the number of observations
 * @returns the rows (lowest probability first) and the HL statistic
 * @throws {TypeError} when not arrays of numbers
 * @throws {RangeError} on mismatched lengths, probabilities outside [0, 1], bad labels or groups
 * @example calibrationTable([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], { groups: 2 }).rows[1].observedRate // => 1
 */
export function calibrationTable(
  probs: NumericArray,
  labels: NumericArray,
  options: { readonly groups?: number } = {},
): CalibrationTable {
  const fn = "calibrationTable";
  checkFinite(probs, fn, "probs");
  const n = probs.length;
  checkLabels(labels, n, fn);
  const groups = options.groups ?? 10;
  if (!Number.isInteger(groups) || groups < 2 || groups > n) {
    throw new RangeError(`${fn}: groups must be an integer from 2 to the number of observations`);
  }
  for (let i = 0; i < n; i++) {
    if (probs[i]! < 0 || probs[i]! > 1) throw new RangeError(`${fn}: probs[${i}] must be in [0, 1]`);
  }
  const idx = orderOf(probs, false);
  const off = groupOffsets(n, groups);
  const rows: CalibrationRow[] = [];
  let hl = 0;
  for (let g = 0; g < groups; g++) {
    let sumP = 0;
    let bad = 0;
    for (let k = off[g]!; k < off[g + 1]!; k++) {
      sumP += probs[idx[k]!]!;
      bad += labels[idx[k]!]!;
    }
    const count = off[g + 1]! - off[g]!;
    const denom = sumP * (1 - sumP / count);
    if (denom > 0) hl += ((bad - sumP) * (bad - sumP)) / denom;
    rows.push({
      group: g + 1,
      count,
      minPredicted: probs[idx[off[g]!]!]!,
      maxPredicted: probs[idx[off[g + 1]! - 1]!]!,
      meanPredicted: sumP / count,
      expectedBad: sumP,
      bad,
      observedRate: bad / count,
    });
  }
  return { rows, hosmerLemeshow: hl, degreesOfFreedom: groups - 2 };
}
