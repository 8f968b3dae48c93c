import { irr } from "./irr";
import type { AprConvention } from "./types";

/** Options of `apr`. */
export interface AprOptions {
  /** Cash-flow periods per year (12 for monthly flows). */
  readonly periodsPerYear: number;
  /** `nominal`: irr x periodsPerYear; `effective`: (1 + irr)^periodsPerYear - 1. */
  readonly convention: AprConvention;
}

/**
 * Annual percentage rate of a loan's real cash flows, fees included, from their IRR.
 *
 * Put every fee into the flows: an upfront fee withheld at disbursement lowers the first
 * (negative) flow, a monthly service fee or an add-on charge raises each repayment. Then
 * nominal APR = i x m and effective APR = (1 + i)^m - 1, with i the periodic IRR and m the
 * periods per year. The nominal form is the one China's 24% line is usually stated in.
 * @param cashflows flows per period from the borrower's side: `[-(principal - upfront fee), payment1 + fee, ...]`
 * @param options periods per year and convention
 * @returns the APR as a decimal (0.24 = 24%), or `NaN` when the flows have no IRR
 * @throws {TypeError} when cashflows is not an array of numbers or options are missing
 * @throws {RangeError} when a flow is not finite or periodsPerYear is not a positive integer
 * @example apr([-100, 110], { periodsPerYear: 1, convention: "nominal" }) // => 0.1 (approximately)
 */
export function apr(cashflows: ArrayLike<number>, options: AprOptions): number {
  if (options === null || typeof options !== "object") throw new TypeError("apr: options are required");
  const { periodsPerYear, convention } = options;
  if (typeof periodsPerYear !== "number" || !Number.isInteger(periodsPerYear) || periodsPerYear < 1) {
    throw new RangeError("apr: periodsPerYear must be a positive integer");
  }
  if (convention !== "nominal" && convention !== "effective") {
    throw new RangeError('apr: convention must be "nominal" or "effective"');
  }
  return annualize(irr(cashflows), periodsPerYear, convention);
}

/**
 * Converts a periodic rate into an annual one under a convention.
 * @param periodic the periodic rate (e.g. a monthly IRR)
 * @param periodsPerYear periods per year
 * @param convention `nominal` (multiply) or `effective` (compound)
 * @returns the annual rate (`NaN` when periodic is `NaN`)
 * @example annualize(0.01, 12, "effective") // => 0.12682503013196977
 */
export function annualize(periodic: number, periodsPerYear: number, convention: AprConvention): number {
  return convention === "nominal" ? periodic * periodsPerYear : (1 + periodic) ** periodsPerYear - 1;
}
