import { scheduleRows } from "../pricing/internal";
import { floorFen } from "../pricing/round";
import type { Band, PolicyReason, RepaymentMethod, ScheduleRow } from "../pricing/types";
import type { BandPricing, Policy, TermPricing } from "./policy";
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
  /** The amount the applicant asked for, fen: the offer is never above it. */
  readonly requestedAmountFen?: number;
  /** The term the applicant asked for, months: used when the band allows it, else the nearest allowed term. */
  readonly requestedTermMonths?: number;
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
  readonly reasons: readonly PolicyReason[];
}

/**
 * What `makeOffer` decided: an offer, or no offer with the reasons. Not a `Result`: "no offer" is an
 * outcome of valid input, not an error, so it is told apart by `offered`, never by `ok`.
 */
export type OfferOutcome =
  | { readonly offered: true; readonly offer: Offer }
  | { readonly offered: false; readonly reasons: readonly PolicyReason[] };

/**
 * What `makeOffer` records when asked (the decision trace): the starting limit and every bound it
 * tried, in order, with the one that set the limit. Reused by its owner between calls.
 */
export interface OfferSteps {
  /** The limit before the caps: income x band multiple, or the band's starter limit when income is not verified. */
  startFen: number;
  /** Every bound tried, in order: `band` (first-limit maximum), `product`, `regulatory`, `dti` (ability to pay), `request`. */
  readonly bounds: { readonly bound: "band" | "product" | "regulatory" | "dti" | "request"; readonly capFen: number }[];
  /** The last bound that lowered the limit, or `"income"` when none did. */
  binding: "income" | "band" | "product" | "regulatory" | "dti" | "request";
  /** The term chosen (months), or 0 when the offer stopped before. */
  termMonths: number;
}

/**
 * Fresh, empty offer steps to pass to `makeOffer`.
 * @returns steps with no bound tried
 * @example createOfferSteps().bounds // => []
 */
export function createOfferSteps(): OfferSteps {
  return { startFen: 0, bounds: [], binding: "income", termMonths: 0 };
}

const DECLINE_PD = Object.freeze({ offered: false as const, reasons: Object.freeze([REASONS.PD_ABOVE_MAX]) });
const DECLINE_DTI = Object.freeze({ offered: false as const, reasons: Object.freeze([REASONS.DTI_NO_HEADROOM]) });
const DECLINE_REQUEST_MIN = Object.freeze({
  offered: false as const,
  reasons: Object.freeze([REASONS.REQUEST_BELOW_MINIMUM]),
});
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
  optionalFen(input.requestedAmountFen, "requestedAmountFen");
  const term = input.requestedTermMonths;
  if (term !== undefined) {
    if (typeof term !== "number") throw new TypeError("makeOffer: requestedTermMonths must be a number");
    if (!Number.isInteger(term) || term < 1 || term > 600) {
      throw new RangeError("makeOffer: requestedTermMonths must be an integer in [1, 600]");
    }
  }
}

/**
 * The term pricing to offer: the requested term when the band allows it and it is available, else
 * the available allowed term nearest to it (the shorter on a tie); the default term without a
 * request. Undefined when nothing is available.
 */
function chooseTerm(bp: BandPricing, requested: number | undefined): TermPricing | undefined {
  if (requested === undefined) return bp.available ? bp : undefined;
  let best: TermPricing | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const t of bp.terms) {
    if (!t.available) continue;
    const d = Math.abs(t.termMonths - requested);
    if (d < bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Makes the credit offer for one application: a first limit from band and income under every
 * cap, never more than the amount requested, on the term requested when the band allows it, and
 * the band's price for that term under the rate cap. Synchronous; the price comes from the per-band,
 * per-term pricing compiled by `loadPolicy` (no IRR solved per call).
 *
 * Term: the requested term when it is among the band's `allowedTermsMonths` and not withdrawn by
 * the rate cap; otherwise the nearest such term (the shorter on a tie), with reason
 * `TERM_ADJUSTED_TO_NEAREST`; without a request, the band's `termMonths`.
 *
 * Limit: verified income x band multiple (or the band's starter limit when income is not
 * verified), then the lowest of: the band's first-limit maximum, the product maximum, the
 * regulatory cap min(maxUnsecuredFen, share x 12 x monthly income), and the ability-to-pay cap
 * floor((maxDti x income - obligations) / first payment per fen); rounded down to the product
 * step. Then, when an amount was requested below that limit, the offer is the requested amount (not
 * rounded to the step), with the single reason `LIMIT_SET_TO_REQUEST` (the caps did not bind).
 * Declined when pd > maxPd, every allowed term is withdrawn by the rate cap, there is no DTI
 * headroom, the limit is below the product minimum, or the requested amount is (`REQUEST_BELOW_MINIMUM`). APR: the band's APR of exact cash flows (fees
 * included), never above the cap; rounded real flows of any drawn amount are at or below it.
 * @param policy a policy from `loadPolicy`
 * @param input band, pd, income, obligations and the optional request
 * @param steps optional: cleared and filled with the starting limit and every bound tried (for a decision trace)
 * @returns `{ offered: true, offer }` or `{ offered: false, reasons }` (an outcome of valid input, not a `Result`)
 * @throws {TypeError} when policy or input has the wrong shape or types
 * @throws {RangeError} when band is unknown, pd is outside [0, 1], an amount is not a non-negative safe integer or the requested term is not an integer in [1, 600]
 * @example makeOffer(policy, { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true }).offered // => true
 */
export function makeOffer(policy: Policy, input: OfferInput, steps?: OfferSteps): OfferOutcome {
  checkInput(policy, input);
  if (steps !== undefined) {
    steps.startFen = 0;
    steps.bounds.length = 0;
    steps.binding = "income";
    steps.termMonths = 0;
  }
  const pricing = policy.pricing;
  if (input.pd > pricing.maxPd) return DECLINE_PD;
  const bp = policy.compiled[input.band];
  const requestedTerm = input.requestedTermMonths;
  const tp = chooseTerm(bp, requestedTerm);
  if (tp === undefined) return { offered: false, reasons: bp.reasons }; // only when the default term is withdrawn too
  if (steps !== undefined) steps.termMonths = tp.termMonths;
  const spec = policy.bands[input.band];
  const product = policy.product;
  const income = input.monthlyIncomeFen;
  const reasons: PolicyReason[] = [];
  let limit: number;
  if (input.incomeVerified && income !== undefined) {
    limit = floorFen(income * spec.incomeMultiple);
  } else {
    limit = spec.unverifiedLimitFen;
    reasons.push(REASONS.INCOME_UNVERIFIED);
  }
  if (steps !== undefined) {
    steps.startFen = limit;
    steps.bounds.push(
      { bound: "band", capFen: spec.maxFirstLimitFen },
      { bound: "product", capFen: product.maxLimitFen },
    );
  }
  if (limit > spec.maxFirstLimitFen) {
    limit = spec.maxFirstLimitFen;
    reasons.push(REASONS.LIMIT_CAPPED_BY_BAND);
    if (steps !== undefined) steps.binding = "band";
  }
  if (limit > product.maxLimitFen) {
    limit = product.maxLimitFen;
    reasons.push(REASONS.LIMIT_CAPPED_BY_PRODUCT);
    if (steps !== undefined) steps.binding = "product";
  }
  const reg = policy.regulatory;
  const regCap =
    income === undefined
      ? reg.maxUnsecuredFen
      : Math.min(reg.maxUnsecuredFen, floorFen(income * 12 * reg.maxShareOfAnnualIncome));
  if (steps !== undefined) steps.bounds.push({ bound: "regulatory", capFen: regCap });
  if (limit > regCap) {
    limit = regCap;
    reasons.push(REASONS.LIMIT_CAPPED_BY_REGULATION);
    if (steps !== undefined) steps.binding = "regulatory";
  }
  if (income !== undefined) {
    const headroom = floorFen(income * policy.affordability.maxDti) - (input.monthlyObligationsFen ?? 0);
    if (headroom <= 0) return DECLINE_DTI;
    const dtiCap = Math.floor(headroom / tp.firstPaymentPerFen);
    if (steps !== undefined) steps.bounds.push({ bound: "dti", capFen: dtiCap });
    if (limit > dtiCap) {
      limit = dtiCap;
      reasons.push(REASONS.LIMIT_CAPPED_BY_DTI);
      if (steps !== undefined) steps.binding = "dti";
    }
  }
  limit -= limit % product.limitStepFen;
  if (limit < product.minLimitFen) {
    reasons.push(REASONS.LIMIT_BELOW_MINIMUM);
    return { offered: false, reasons };
  }
  const requested = input.requestedAmountFen;
  if (requested !== undefined) {
    if (requested < product.minLimitFen) return DECLINE_REQUEST_MIN;
    if (steps !== undefined) steps.bounds.push({ bound: "request", capFen: requested });
    if (requested < limit) {
      limit = requested;
      if (steps !== undefined) steps.binding = "request";
      reasons.length = 0;
      reasons.push(REASONS.LIMIT_SET_TO_REQUEST);
    }
  }
  if (requestedTerm !== undefined && requestedTerm !== tp.termMonths) reasons.unshift(REASONS.TERM_ADJUSTED_TO_NEAREST);
  for (const r of tp.reasons) reasons.push(r);
  const preview = scheduleRows(limit, tp.annualRate, tp.termMonths, tp.method, PREVIEW_ROWS);
  const upfrontFeeFen = floorFen(limit * pricing.upfrontFeeRate);
  const monthlyFeeFen = floorFen(limit * pricing.monthlyFeeRate);
  return {
    offered: true,
    offer: {
      band: input.band,
      limitFen: limit,
      termMonths: tp.termMonths,
      method: tp.method,
      annualRate: tp.annualRate,
      aprNominal: tp.aprNominal,
      aprEffective: tp.aprEffective,
      upfrontFeeFen,
      monthlyFeeFen,
      monthlyPaymentFen: (preview[0] as ScheduleRow).paymentFen + monthlyFeeFen,
      schedulePreview: preview,
      reasons,
    },
  };
}
