/**
 * `riskcard/metrics`: validation metrics for credit-risk scores. Labels are 1 = bad, 0 = good;
 * scores point towards bad by default (`higherIsBad: true`, e.g. a probability of default); pass
 * `higherIsBad: false` for scorecard points.
 */
export { auc } from "./auc";
export { gini } from "./gini";
export { ks } from "./ks";
export type { ScoreDirectionOptions } from "./direction";
export type { NumericArray } from "./internal/check";
