import type { PolicyReason } from "../pricing/types";

function reason(code: string, message: string): PolicyReason {
  return Object.freeze({ code, message });
}

/**
 * Every reason code an offer or a limit change can carry: frozen constants (no allocation on the
 * hot path), plain text, no personal data.
 * @example REASONS.PD_ABOVE_MAX.code // => "PD_ABOVE_MAX"
 */
export const REASONS = Object.freeze({
  PD_ABOVE_MAX: reason("PD_ABOVE_MAX", "estimated default risk is above the policy maximum"),
  OFFER_WITHDRAWN_RATE_CAP: reason(
    "OFFER_WITHDRAWN_RATE_CAP",
    "no price for this risk band keeps the APR under the rate cap",
  ),
  PRICE_REPRICED_TO_CAP: reason(
    "PRICE_REPRICED_TO_CAP",
    "rate lowered so that the APR including fees stays at the cap",
  ),
  INCOME_UNVERIFIED: reason("INCOME_UNVERIFIED", "income not verified: starter limit for the risk band"),
  LIMIT_CAPPED_BY_BAND: reason("LIMIT_CAPPED_BY_BAND", "limit capped at the first-limit maximum of the risk band"),
  LIMIT_CAPPED_BY_PRODUCT: reason("LIMIT_CAPPED_BY_PRODUCT", "limit capped at the product maximum"),
  LIMIT_CAPPED_BY_REGULATION: reason(
    "LIMIT_CAPPED_BY_REGULATION",
    "limit capped by the regulatory maximum (absolute amount or share of annual income)",
  ),
  LIMIT_CAPPED_BY_DTI: reason(
    "LIMIT_CAPPED_BY_DTI",
    "limit capped so that debt payments stay within the income share allowed",
  ),
  DTI_NO_HEADROOM: reason("DTI_NO_HEADROOM", "existing debt payments already use the income share allowed"),
  LIMIT_SET_TO_REQUEST: reason(
    "LIMIT_SET_TO_REQUEST",
    "the amount offered is the amount requested, within the limit the policy allows",
  ),
  REQUEST_BELOW_MINIMUM: reason("REQUEST_BELOW_MINIMUM", "the amount requested is below the product minimum"),
  TERM_ADJUSTED_TO_NEAREST: reason(
    "TERM_ADJUSTED_TO_NEAREST",
    "the term requested is not offered for this risk band; the nearest term offered is used",
  ),
  LIMIT_BELOW_MINIMUM: reason("LIMIT_BELOW_MINIMUM", "the limit that can be offered is below the product minimum"),
  RAISED_ON_TIME: reason("RAISED_ON_TIME", "limit raised after on-time repayment cycles"),
  RAISE_BLOCKED_BY_AFFORDABILITY: reason(
    "RAISE_BLOCKED_BY_AFFORDABILITY",
    "raise not possible: ability to pay or a regulatory or product cap does not allow a higher limit",
  ),
  RAISE_CAPPED: reason("RAISE_CAPPED", "raise limited by ability to pay or a regulatory or product cap"),
  RAISE_NEEDS_INCOME: reason("RAISE_NEEDS_INCOME", "raise needs a known income to re-check ability to pay"),
  HOLD_NOT_ENOUGH_CYCLES: reason("HOLD_NOT_ENOUGH_CYCLES", "not yet enough on-time repayment cycles for a raise"),
  HOLD_COOLDOWN: reason("HOLD_COOLDOWN", "the limit changed recently; next review after the cooldown"),
  HOLD_VOLATILE_SPENDING: reason("HOLD_VOLATILE_SPENDING", "limit held: spending has become volatile"),
  FROZEN_PAST_DUE: reason("FROZEN_PAST_DUE", "new drawdowns frozen while a payment is past due"),
  FROZEN_FRAUD: reason("FROZEN_FRAUD", "new drawdowns frozen on a fraud signal"),
  REDUCED_SERIOUS_DELINQUENCY: reason("REDUCED_SERIOUS_DELINQUENCY", "limit reduced on serious delinquency"),
  REDUCED_FREQUENT_BORROWING: reason("REDUCED_FREQUENT_BORROWING", "limit reduced on frequent borrowing"),
  REDUCED_FRAUD: reason("REDUCED_FRAUD", "limit reduced on a fraud signal"),
  REDUCED_MULTI_LENDING: reason(
    "REDUCED_MULTI_LENDING",
    "limit reduced: a refreshed credit report shows loan applications with many lenders",
  ),
});
