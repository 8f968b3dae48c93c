import { EN } from "../messages/en";
import type { PolicyReason } from "../pricing/types";

/** A reason with its English text from the message pack (`riskcard/messages`), the one place texts live. */
function reason(code: string): PolicyReason {
  const message = EN[code];
  if (message === undefined) throw new Error(`limits: no English text for reason ${code}`);
  return Object.freeze({ code, message });
}

/**
 * Every reason code an offer or a limit change can carry: frozen constants (no allocation on the
 * hot path), plain text, no personal data.
 * @example REASONS.PD_ABOVE_MAX.code // => "PD_ABOVE_MAX"
 */
export const REASONS = Object.freeze({
  PD_ABOVE_MAX: reason("PD_ABOVE_MAX"),
  OFFER_WITHDRAWN_RATE_CAP: reason("OFFER_WITHDRAWN_RATE_CAP"),
  PRICE_REPRICED_TO_CAP: reason("PRICE_REPRICED_TO_CAP"),
  INCOME_UNVERIFIED: reason("INCOME_UNVERIFIED"),
  LIMIT_CAPPED_BY_BAND: reason("LIMIT_CAPPED_BY_BAND"),
  LIMIT_CAPPED_BY_PRODUCT: reason("LIMIT_CAPPED_BY_PRODUCT"),
  LIMIT_CAPPED_BY_REGULATION: reason("LIMIT_CAPPED_BY_REGULATION"),
  LIMIT_CAPPED_BY_DTI: reason("LIMIT_CAPPED_BY_DTI"),
  DTI_NO_HEADROOM: reason("DTI_NO_HEADROOM"),
  LIMIT_SET_TO_REQUEST: reason("LIMIT_SET_TO_REQUEST"),
  REQUEST_BELOW_MINIMUM: reason("REQUEST_BELOW_MINIMUM"),
  TERM_ADJUSTED_TO_NEAREST: reason("TERM_ADJUSTED_TO_NEAREST"),
  LIMIT_BELOW_MINIMUM: reason("LIMIT_BELOW_MINIMUM"),
  RAISED_ON_TIME: reason("RAISED_ON_TIME"),
  RAISE_BLOCKED_BY_AFFORDABILITY: reason("RAISE_BLOCKED_BY_AFFORDABILITY"),
  RAISE_CAPPED: reason("RAISE_CAPPED"),
  RAISE_NEEDS_INCOME: reason("RAISE_NEEDS_INCOME"),
  HOLD_NOT_ENOUGH_CYCLES: reason("HOLD_NOT_ENOUGH_CYCLES"),
  HOLD_COOLDOWN: reason("HOLD_COOLDOWN"),
  HOLD_VOLATILE_SPENDING: reason("HOLD_VOLATILE_SPENDING"),
  FROZEN_PAST_DUE: reason("FROZEN_PAST_DUE"),
  FROZEN_FRAUD: reason("FROZEN_FRAUD"),
  REDUCED_SERIOUS_DELINQUENCY: reason("REDUCED_SERIOUS_DELINQUENCY"),
  REDUCED_FREQUENT_BORROWING: reason("REDUCED_FREQUENT_BORROWING"),
  REDUCED_FRAUD: reason("REDUCED_FRAUD"),
  REDUCED_MULTI_LENDING: reason("REDUCED_MULTI_LENDING"),
});
