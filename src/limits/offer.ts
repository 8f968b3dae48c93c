import { scheduleRows } from "../pricing/amortize";
import { floorFen } from "../pricing/round";
import type { Band, ReasonCode, RepaymentMethod, ScheduleRow } from "../pricing/types";
import type { Policy } from "./policy";
import { REASONS } from "./reasons";

/** What `makeOffer` needs about one application (already validated by the engine). */
export interface OfferInput {
  /** Risk band from the score: `A` best, `E` worst. */
  readonly band: Band;
  /** Probability of default from the scorecard, in [0, 1]. */
  readonly pd: number;
  /** Monthly income, fen (declared or verified). */
  readonly monthlyIncomeFen?: number;
  /** Whether the income was verified (payroll, tax, bank flows). */
  readonly incomeVerified: boolean;
  /** Monthly payments on existing debts from the bureau report, fen. */
  readonly monthlyObligationsFen?: number;
}

/** A credit offer: limit, price and the start of the schedule. All money in fen. */
export interface Offer {
  readonly band: Band;
  readonly limitFen: number;
  readonly termMonths: number;
  readonly method: RepaymentMethod;
  /** Nominal annual contract rate. */
  readonly annualRate: number;
  /** APR from the IRR of the exact cash flows incl. fees; any amount drawn has an APR at or below it. */
  readonly aprNominal: number;
  readonly aprEffective: number;
  /** Fee withheld at disbursement when the full limit is drawn. */
  readonly upfrontFeeFen: number;
  /** Service fee paid with every installment when the full limit is drawn. */
  readonly monthlyFeeFen: number;
  /** First month's payment for the full limit over termMonths: installment + monthly fee. */
  readonly monthlyPaymentFen: number;
  /** First three rows of `amortize` for the full limit. */
  readonly schedulePreview: readonly ScheduleRow[];
  /** Why the offer looks as it does (repriced to cap, limit capped by DTI, ...). */
  readonly reasons: readonly ReasonCode[];
}

/** The result of `makeOffer`. */
export type OfferResult =
  | { readonly ok: true; readonly offer: Offer }
  | { readonly ok: false; readonly reasons: readonly ReasonCode[] };

const DECLINE_PD = Object.freeze({ ok: false as const, reasons: Object.freeze([REASONS.PD_ABOVE_MAX]) });
const DECLINE_DTI = Object.freeze({ ok: false as const, reasons: Object.freeze([REASONS.DTI_NO_HEADROOM]) });
const PREVIEW_ROWS = 3;

function optionalFen(v: number | undefined, name: string): void {
  if (v === undefined) return;
  if (typeof v !== "number") throw new TypeError(`makeOffer: ${name} must be a number`);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`makeOffer: ${name} must be a non-negative safe integer`);
}

function checkInput(policy: Policy, input: OfferInput): void {
  if (policy === null || typeof policy !== "object" || typeof policy.compiled !== "object") {
    throw new TypeError("makeOffer: policy must come from loadPolicy");
  }
  if (input === null || typeof input !== "object") throw new TypeError("makeOffer: input must be an object");
  const { band, pd, incomeVerified } = input;
  if (band !== "A" && band !== "B" && band !== "C" && band !== "D" && band !== "E") {
    throw new RangeError("makeOffer: band must be one of A, B, C, D, E");
  }
  if (typeof pd !== "number") throw new TypeError("makeOffer: pd must be a number");
  if (!(pd >= 0 && pd <= 1)) throw new RangeError("makeOffer: pd must be in [0, 1]");
  if (typeof incomeVerified !== "boolean") throw new TypeError("makeOffer: incomeVerified must be a boolean");
  optionalFen(input.monthlyIncomeFen, "monthlyIncomeFen");
  optionalFen(input.monthlyObligationsFen, "monthlyObligationsFen");
}

/**
 * Makes the credit offer for one application: a first limit from band and income under every
 * cap, and the band's price under the rate cap. Synchronous; the price comes from the per-band
 * pricing compiled by `loadPolicy` (no IRR solved per call).
 *
 * Limit: verified income x band multiple (or the band's starter limit when income is not
 * verified), then the lowest of: the band's first-limit maximum, the product maximum, the
 * regulatory cap min(maxUnsecuredFen, share x 12 x monthly income), and the ability-to-pay cap
 * floor((maxDti x income - obligations) / first payment per fen); rounded down to the product
 * step. Declined when pd > maxPd, the band is withdrawn by the rate cap, there is no DTI headroom,
 * or the limit is below the product minimum. APR: the band's APR of exact cash flows (fees
 * included), never above the cap; rounded real flows of any drawn amount are at or below it.
 * @param policy a policy from `loadPolicy`
 * @param input band, pd, income and obligations
 * @returns `{ ok: true, offer }` or `{ ok: false, reasons }`
 * @throws {TypeError} when policy or input has the wrong shape or types
 * @throws {RangeError} when band is unknown, pd is outside [0, 1] or an amount is not a non-negative safe integer
 * @example makeOffer(policy, { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true }).ok // => true
 */
export function makeOffer(policy: Policy, input: OfferInput): OfferResult {
  checkInput(policy, input);
  const pricing = policy.pricing;
  if (input.pd > pricing.maxPd) return DECLINE_PD;
  const bp = policy.compiled[input.band];
  if (!bp.available) return { ok: false, reasons: bp.reasons };
  const spec = policy.bands[input.band];
  const product = policy.product;
  const income = input.monthlyIncomeFen;
  const reasons: ReasonCode[] = [];
  let limit: number;
  if (input.incomeVerified && income !== undefined) {
    limit = floorFen(income * spec.incomeMultiple);
  } else {
    limit = spec.unverifiedLimitFen;
    reasons.push(REASONS.INCOME_UNVERIFIED);
  }
  if (limit > spec.maxFirstLimitFen) {
    limit = spec.maxFirstLimitFen;
    reasons.push(REASONS.LIMIT_CAPPED_BY_BAND);
  }
  if (limit > product.maxLimitFen) {
    limit = product.maxLimitFen;
    reasons.push(REASONS.LIMIT_CAPPED_BY_PRODUCT);
  }
  const reg = policy.regulatory;
  const regCap =
    income === undefined
      ? reg.maxUnsecuredFen
      : Math.min(reg.maxUnsecuredFen, floorFen(income * 12 * reg.maxShareOfAnnualIncome));
  if (limit > regCap) {
    limit = regCap;
    reasons.push(REASONS.LIMIT_CAPPED_BY_REGULATION);
  }
  if (income !== undefined) {
    const headroom = floorFen(income * policy.affordability.maxDti) - (input.monthlyObligationsFen ?? 0);
    if (headroom <= 0) return DECLINE_DTI;
    const dtiCap = Math.floor(headroom / bp.firstPaymentPerFen);
    if (limit > dtiCap) {
      limit = dtiCap;
      reasons.push(REASONS.LIMIT_CAPPED_BY_DTI);
    }
  }
  limit -= limit % product.limitStepFen;
  if (limit < product.minLimitFen) {
    reasons.push(REASONS.LIMIT_BELOW_MINIMUM);
    return { ok: false, reasons };
  }
  for (const r of bp.reasons) reasons.push(r);
  const preview = scheduleRows(limit, bp.annualRate, bp.termMonths, bp.method, PREVIEW_ROWS);
  const upfrontFeeFen = floorFen(limit * pricing.upfrontFeeRate);
  const monthlyFeeFen = floorFen(limit * pricing.monthlyFeeRate);
  return {
    ok: true,
    offer: {
      band: input.band,
      limitFen: limit,
      termMonths: bp.termMonths,
      method: bp.method,
      annualRate: bp.annualRate,
      aprNominal: bp.aprNominal,
      aprEffective: bp.aprEffective,
      upfrontFeeFen,
      monthlyFeeFen,
      monthlyPaymentFen: (preview[0] as ScheduleRow).paymentFen + monthlyFeeFen,
      schedulePreview: preview,
      reasons,
    },
  };
}
