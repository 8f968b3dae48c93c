import { annualize } from "./apr";
import { annuityFactor } from "./amortize";
import { irrUnchecked } from "./irr";
import { type AprConvention, isRepaymentMethod, type RepaymentMethod } from "./types";

/** A product priced per unit of principal: rate, term, method and fees proportional to principal. */
export interface UnitPricing {
  /** Nominal annual contract rate. */
  readonly annualRate: number;
  /** Term in months, 1..600. */
  readonly termMonths: number;
  readonly method: RepaymentMethod;
  /** Upfront fee as a share of principal, withheld at disbursement (0.01 = 1%); in [0, 1). */
  readonly upfrontFeeRate: number;
  /** Monthly service fee (or add-on charge) as a share of the original principal; >= 0. */
  readonly monthlyFeeRate: number;
}

/** A rate cap: the highest APR allowed and the convention it is stated in. */
export interface RateCap {
  readonly rate: number;
  readonly convention: AprConvention;
}

/**
 * The 24% red line as a cap: 24% nominal (12 x monthly IRR of the cash flows, fees included).
 * @example DEFAULT_RATE_CAP // => { rate: 0.24, convention: "nominal" }
 */
export const DEFAULT_RATE_CAP: RateCap = Object.freeze({ rate: 0.24, convention: "nominal" });

/**
 * Checks a rate cap; throws on a programmer error. Messages never echo values.
 * @param cap the cap
 * @param fn the calling function, for the message
 * @throws {RangeError} when cap.rate is not in (0, 10] or the convention is unknown
 * @example checkCap({ rate: 0.24, convention: "nominal" }, "f") // => undefined
 */
export function checkCap(cap: RateCap, fn: string): void {
  if (cap === null || typeof cap !== "object" || typeof cap.rate !== "number" || !(cap.rate > 0 && cap.rate <= 10)) {
    throw new RangeError(`${fn}: cap.rate must be in (0, 10]`);
  }
  if (cap.convention !== "nominal" && cap.convention !== "effective") {
    throw new RangeError(`${fn}: cap.convention must be "nominal" or "effective"`);
  }
}

function checkUnit(p: UnitPricing, fn: string): void {
  if (p === null || typeof p !== "object") throw new TypeError(`${fn}: pricing must be an object`);
  const nums = [p.annualRate, p.termMonths, p.upfrontFeeRate, p.monthlyFeeRate];
  if (nums.some((x) => typeof x !== "number")) throw new TypeError(`${fn}: pricing fields must be numbers`);
  if (!Number.isFinite(p.annualRate) || p.annualRate < 0 || p.annualRate > 10) {
    throw new RangeError(`${fn}: annualRate must be in [0, 10]`);
  }
  if (!Number.isInteger(p.termMonths) || p.termMonths < 1 || p.termMonths > 600) {
    throw new RangeError(`${fn}: termMonths must be an integer in [1, 600]`);
  }
  if (!(p.upfrontFeeRate >= 0 && p.upfrontFeeRate < 1)) throw new RangeError(`${fn}: upfrontFeeRate must be in [0, 1)`);
  if (!(p.monthlyFeeRate >= 0 && p.monthlyFeeRate <= 1))
    throw new RangeError(`${fn}: monthlyFeeRate must be in [0, 1]`);
  if (!isRepaymentMethod(p.method)) {
    throw new RangeError(`${fn}: method must be "equal-installment", "equal-principal", "interest-only" or "bullet"`);
  }
}

/**
 * The exact (unrounded) monthly cash flows of a loan of 1 unit of principal, fees included.
 * @param p the unit pricing
 * @returns `n + 1` flows, flows[0] = -(1 - upfront fee rate)
 * @throws {TypeError|RangeError} on invalid pricing
 * @example unitCashFlows({ annualRate: 0, termMonths: 2, method: "equal-principal", upfrontFeeRate: 0.01, monthlyFeeRate: 0 })
 * // => [-0.99, 0.5, 0.5]
 */
export function unitCashFlows(p: UnitPricing): number[] {
  checkUnit(p, "unitCashFlows");
  const n = p.termMonths;
  const r = p.annualRate / 12;
  const flows: number[] = new Array(n + 1);
  flows[0] = -(1 - p.upfrontFeeRate);
  const a = annuityFactor(r, n);
  for (let t = 1; t <= n; t++) flows[t] = unitInstallment(p.method, r, n, a, t) + p.monthlyFeeRate;
  return flows;
}

/** Installment t of a loan of 1 at monthly rate r over n months (exact, unrounded); a = annuity factor. */
function unitInstallment(method: RepaymentMethod, r: number, n: number, a: number, t: number): number {
  switch (method) {
    case "equal-installment":
      return a;
    case "equal-principal":
      return 1 / n + (1 - (t - 1) / n) * r;
    case "interest-only":
      return t === n ? 1 + r : r;
    case "bullet":
      return t === n ? 1 + r * n : 0;
  }
}

/**
 * The APR of a product priced per unit of principal, from the IRR of its exact cash flows.
 *
 * Because `amortize` rounds every amount down (in the borrower's favour) and fees in fen are
 * rounded down too, the APR of any actual loan of this product is at or below this figure:
 * it is the bound used to enforce a cap without solving an IRR per offer.
 * @param p the unit pricing
 * @param convention `nominal` (12 x monthly IRR) or `effective` ((1 + IRR)^12 - 1)
 * @returns the APR as a decimal
 * @throws {TypeError|RangeError} on invalid pricing
 * @example unitApr({ annualRate: 0.12, termMonths: 12, method: "equal-installment", upfrontFeeRate: 0, monthlyFeeRate: 0 }, "nominal") // => 0.12 (to 1e-12)
 */
export function unitApr(p: UnitPricing, convention: AprConvention): number {
  return annualize(irrUnchecked(unitCashFlows(p)), 12, convention);
}

/**
 * The highest contract rate in [0, p.annualRate] whose APR (fees included) is at or below the cap.
 *
 * APR rises with the contract rate, so a bisection of 80 steps keeps the lower end, which always
 * satisfies the cap. Returns p.annualRate itself when it already does.
 * @param p the unit pricing (its annualRate is the rate wanted)
 * @param cap the cap and its convention
 * @returns the rate, or `NaN` when even a 0% rate breaks the cap (the fees alone exceed it)
 * @throws {TypeError|RangeError} on invalid pricing or cap
 * @example maxRateUnderCap({ annualRate: 0.24, termMonths: 12, method: "equal-installment", upfrontFeeRate: 0.01, monthlyFeeRate: 0 }, { rate: 0.24, convention: "nominal" })
 * // => 0.2204077 (repriced so that fee + interest stay at 24%; Python bisection over the IRR of the cash flows: 0.22040766586895782)
 */
export function maxRateUnderCap(p: UnitPricing, cap: RateCap): number {
  checkUnit(p, "maxRateUnderCap");
  checkCap(cap, "maxRateUnderCap");
  const at = (rate: number): number => unitApr({ ...p, annualRate: rate }, cap.convention);
  if (at(p.annualRate) <= cap.rate) return p.annualRate;
  if (!(at(0) <= cap.rate)) return Number.NaN;
  let lo = 0;
  let hi = p.annualRate;
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (at(mid) <= cap.rate) lo = mid;
    else hi = mid;
  }
  return lo;
}
