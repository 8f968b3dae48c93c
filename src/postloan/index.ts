/**
 * riskcard/postloan: days past due, delinquency buckets, collection stages, early-warning
 * triggers (which feed `adjustLimit` in riskcard/limits) and roll-rate matrices.
 */
export {
  BUCKETS,
  bucketIndex,
  type CollectionStage,
  collectionStage,
  type DelinquencyBucket,
  delinquencyBucket,
} from "./buckets";
export {
  type DaysPastDueOptions,
  type Delinquency,
  daysPastDue,
  MAX_INSTALLMENTS,
  MAX_REPAYMENTS,
  type RepaymentHistory,
} from "./days-past-due";
export {
  type AccountSignals,
  accountSignalsShape,
  coefficientOfVariation,
  type EarlyWarning,
  earlyWarnings,
  MAX_DRAWDOWNS,
  MAX_SPEND_MONTHS,
  type WarningCode,
  type WarningThresholds,
  WARNINGS,
  warningsOf,
} from "./early-warning";
export {
  type InstallmentPenalty,
  type PenaltyInterest,
  type PenaltyOptions,
  penaltyInterest,
} from "./penalty-interest";
export { MAX_SNAPSHOT_ACCOUNTS, type RollRateMatrix, rollRates, type SnapshotAccount } from "./roll-rate";
