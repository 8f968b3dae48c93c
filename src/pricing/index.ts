/**
 * riskcard/pricing: IRR and APR of real cash flows (fees included), exact integer schedules,
 * and the per-unit pricing used to enforce a rate cap without an IRR per offer.
 */
export { annualize, apr, type AprOptions } from "./apr";
export {
  amortize,
  annuityFactor,
  installmentFen,
  type LoanTerms,
  MAX_ANNUAL_RATE,
  MAX_PRINCIPAL_FEN,
  MAX_TERM_MONTHS,
  type Schedule,
} from "./amortize";
export { type LoanWithFees, loanCashFlows } from "./cash-flows";
export {
  checkCap,
  DEFAULT_RATE_CAP,
  maxRateUnderCap,
  type RateCap,
  type UnitPricing,
  unitApr,
  unitCashFlows,
} from "./cap";
export { floorRateProduct, scaleRate } from "./decimal";
export {
  dailyRateDisclosure,
  type DisclosureFees,
  type DisclosureOptions,
  type RateDisclosure,
} from "./disclosure";
export { irr, irrTimed, npv } from "./irr";
export { addMonths, localDay, monthTime } from "./calendar";
export { type Prepayment, type PrepayOptions, prepay } from "./prepay";
export { dueDates, maxPaymentUnderCap, type ServicedLoan, type ServicingOptions } from "./servicing";
export { floorFen } from "./round";
export {
  type AprConvention,
  type Band,
  BANDS,
  isRepaymentMethod,
  type PolicyReason,
  REPAYMENT_METHODS,
  type RepaymentMethod,
  type ScheduleRow,
} from "./types";
