import { apr } from "./apr";
import { MAX_ANNUAL_RATE, MAX_PRINCIPAL_FEN } from "./amortize";
import { DEFAULT_RATE_CAP, type RateCap, checkCap, unitApr } from "./cap";
import { loanCashFlows } from "./cash-flows";
import { floorRateProduct, scaleRate } from "./decimal";
import type { RepaymentMethod } from "./types";

/**
 * Fees of a disclosed product: as shares of the principal (per-unit disclosure or a loan), or in
 * fen (a loan only, with `principalFen`). Each kind may be given once.
 */
export interface DisclosureFees {
  /** Fee withheld at disbursement, share of principal in [0, 1). */
  readonly upfrontFeeRate?: number;
  /** Service fee with every installment, share of the original principal in [0, 1]. */
  readonly monthlyFeeRate?: number;
  /** Fee withheld at disbursement, fen (needs `principalFen`). */
  readonly upfrontFeeFen?: number;
  /** Service fee with every installment, fen (needs `principalFen`). */
  readonly monthlyFeeFen?: number;
}

/** Options of `dailyRateDisclosure`. */
export interface DisclosureOptions {
  /** Term in months, 1..600. */
  readonly termMonths: number;
  readonly method: RepaymentMethod;
  readonly fees?: DisclosureFees;
  /** When given, the APR of this loan's real (rounded, fen) cash flows; otherwise of the exact per-unit flows. */
  readonly principalFen?: number;
  /** The cap to check against (default 24% nominal, the red line). */
  readonly cap?: RateCap;
}

/** What a borrower must be shown for a product quoted as a daily rate. */
export interface RateDisclosure {
  /** The daily rate quoted (0.0005 = 0.05% a day). */
  readonly dailyRate: number;
  /** Contract annual rate: daily rate x 365 (exact on the decimal: 0.0005 x 365 = 0.1825). */
  readonly contractAnnualRate: number;
  /** Monthly rate of the schedule: contract annual rate / 12. */
  readonly monthlyRate: number;
  /** APR from the IRR of the cash flows, fees included: 12 x monthly IRR. */
  readonly aprNominal: number;
  /** APR from the IRR of the cash flows, fees included: (1 + monthly IRR)^12 - 1. */
  readonly aprEffective: number;
  readonly cap: RateCap;
  /** True when the APR in the cap's convention is above the cap rate. */
  readonly breachesCap: boolean;
  /** `loan` when computed on a principal's rounded flows, `per-unit` on the exact flows of 1 unit. */
  readonly basis: "loan" | "per-unit";
  /** For a loan: total interest, total fees and everything the borrower repays, fen; otherwise null. */
  readonly totals: { readonly interestFen: number; readonly feeFen: number; readonly repaidFen: number } | null;
}

/** Largest daily rate accepted: the schedule functions' annual maximum / 365. */
const MAX_DAILY_RATE = MAX_ANNUAL_RATE / 365;

function feeRate(v: number | undefined, name: string, max: number, maxOpen: boolean): number {
  if (v === undefined) return 0;
  if (typeof v !== "number") throw new TypeError(`dailyRateDisclosure: fees.${name} must be a number`);
  if (!(v >= 0 && (maxOpen ? v < max : v <= max))) {
    throw new RangeError(`dailyRateDisclosure: fees.${name} must be in [0, ${max}${maxOpen ? ")" : "]"}`);
  }
  return v;
}

/**
 * Discloses a product quoted as a daily rate: the contract annual rate (daily x 365), the APR from the
 * IRR of the real cash flows, nominal and effective, and whether it breaches the cap.
 *
 * The schedule runs at the monthly rate daily x 365 / 12 under `amortize`'s rules; fees enter the
 * flows (upfront withheld from the disbursement, monthly added to each installment). With
 * `principalFen` the flows are that loan's, in fen, rounded as `amortize` rounds (fee rates become
 * floor(principal x rate)); without it they are the exact flows of 1 unit, the upper bound of every
 * loan's APR (see `unitApr`). 0.05% a day over 12 equal installments, no fees: 18.25% contract,
 * nominal APR 18.25%, effective (1 + 0.1825 / 12)^12 - 1 = 19.857%.
 * @param dailyRate the daily rate, in [0, 10 / 365]
 * @param options term, method, fees, optional principal and cap
 * @returns the disclosure (frozen)
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a value is out of range, a fee is given both as a rate and in fen, or a fee in fen has no principal
 * @example dailyRateDisclosure(0.0005, { termMonths: 12, method: "equal-installment" }).aprEffective // => 0.19856637054653015 (0.05% a day: (1 + 0.1825 / 12)^12 - 1)
 */
export function dailyRateDisclosure(dailyRate: number, options: DisclosureOptions): RateDisclosure {
  if (typeof dailyRate !== "number") throw new TypeError("dailyRateDisclosure: dailyRate must be a number");
  if (!Number.isFinite(dailyRate) || dailyRate < 0 || dailyRate > MAX_DAILY_RATE) {
    throw new RangeError("dailyRateDisclosure: dailyRate must be in [0, 10 / 365]");
  }
  if (options === null || typeof options !== "object") throw new TypeError("dailyRateDisclosure: options are required");
  const cap = options.cap ?? DEFAULT_RATE_CAP;
  checkCap(cap, "dailyRateDisclosure");
  const fees = options.fees ?? {};
  if (fees === null || typeof fees !== "object") throw new TypeError("dailyRateDisclosure: fees must be an object");
  if (fees.upfrontFeeRate !== undefined && fees.upfrontFeeFen !== undefined) {
    throw new RangeError("dailyRateDisclosure: give the upfront fee as a rate or in fen, not both");
  }
  if (fees.monthlyFeeRate !== undefined && fees.monthlyFeeFen !== undefined) {
    throw new RangeError("dailyRateDisclosure: give the monthly fee as a rate or in fen, not both");
  }
  const upfrontFeeRate = feeRate(fees.upfrontFeeRate, "upfrontFeeRate", 1, true);
  const monthlyFeeRate = feeRate(fees.monthlyFeeRate, "monthlyFeeRate", 1, false);
  const contractAnnualRate = scaleRate(dailyRate, 365);
  const { termMonths, method } = options;
  const principalFen = options.principalFen;
  let aprNominal: number;
  let aprEffective: number;
  let totals: RateDisclosure["totals"] = null;
  if (principalFen === undefined) {
    if (fees.upfrontFeeFen !== undefined || fees.monthlyFeeFen !== undefined) {
      throw new RangeError("dailyRateDisclosure: fees in fen need principalFen");
    }
    const unit = { annualRate: contractAnnualRate, termMonths, method, upfrontFeeRate, monthlyFeeRate };
    aprNominal = unitApr(unit, "nominal");
    aprEffective = unitApr(unit, "effective");
  } else {
    if (typeof principalFen !== "number") throw new TypeError("dailyRateDisclosure: principalFen must be a number");
    if (!Number.isSafeInteger(principalFen) || principalFen < 1 || principalFen > MAX_PRINCIPAL_FEN) {
      throw new RangeError(`dailyRateDisclosure: principalFen must be an integer in [1, ${MAX_PRINCIPAL_FEN}]`);
    }
    const upfrontFeeFen = fees.upfrontFeeFen ?? floorRateProduct(principalFen, 1, upfrontFeeRate, 1);
    const monthlyFeeFen = fees.monthlyFeeFen ?? floorRateProduct(principalFen, 1, monthlyFeeRate, 1);
    const flows = loanCashFlows({
      principalFen,
      annualRate: contractAnnualRate,
      termMonths,
      method,
      upfrontFeeFen,
      monthlyFeeFen,
    });
    aprNominal = apr(flows, { periodsPerYear: 12, convention: "nominal" });
    aprEffective = apr(flows, { periodsPerYear: 12, convention: "effective" });
    let repaid = 0;
    for (let t = 1; t < flows.length; t++) repaid += flows[t] as number;
    const feeFen = upfrontFeeFen + monthlyFeeFen * termMonths;
    totals = Object.freeze({
      interestFen: repaid - principalFen - monthlyFeeFen * termMonths,
      feeFen,
      repaidFen: repaid,
    });
  }
  const charged = cap.convention === "nominal" ? aprNominal : aprEffective;
  return Object.freeze({
    dailyRate,
    contractAnnualRate,
    monthlyRate: contractAnnualRate / 12,
    aprNominal,
    aprEffective,
    cap,
    breachesCap: charged > cap.rate,
    basis: principalFen === undefined ? "per-unit" : "loan",
    totals,
  });
}
