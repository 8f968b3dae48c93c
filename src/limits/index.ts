/**
 * riskcard/limits: the limit and pricing policy artefact, first offers (limit, price, schedule
 * preview) and dynamic limit adjustment for existing accounts.
 */
export type { Band, PolicyReason, RepaymentMethod, ScheduleRow } from "../pricing/types";
export { type Account, adjustLimit, type LimitAction, type LimitChange, warningThresholds } from "./adjust-limit";
export {
  type BureauRefresh,
  bureauRefreshSchema,
  DEFAULT_MULTI_LENDING,
  multiLendingDetected,
  multiLendingPolicy,
  type MultiLendingPolicy,
} from "./bureau-refresh";
export { createOfferSteps, type Offer, type OfferInput, type OfferOutcome, type OfferSteps, makeOffer } from "./offer";
export {
  type BandPricing,
  loadPolicy,
  loadPolicyOrThrow,
  parsePolicy,
  type Policy,
  POLICY_LIMITS,
  policyToJSON,
  RED_LINE_APR,
  type TermPricing,
} from "./policy";
export { type PolicySpec, policySchema } from "./policy-schema";
export { REASONS } from "./reasons";
