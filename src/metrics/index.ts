/**
 * `riskcard/metrics`: validation metrics for credit-risk scores. Labels are 1 = bad, 0 = good;
 * scores point towards bad by default (`higherIsBad: true`, e.g. a probability of default); pass
 * `higherIsBad: false` for scorecard points.
 */
export { auc } from "./auc";
export { gini } from "./gini";
export { ks } from "./ks";
export { brier } from "./brier";
export { stabilityIndex } from "./stability-index";
export type { StabilityBin, StabilityOptions } from "./stability-index";
export { quantileBreaks } from "./quantile-breaks";
export { psi, psiQuantile, psiTable } from "./psi";
export type { PsiBin, PsiOptions } from "./psi";
export { csi } from "./csi";
export type { CharacteristicValue, CsiBin, CsiOptions } from "./csi";
export { calibrationTable } from "./calibration-table";
export type { CalibrationRow, CalibrationTable } from "./calibration-table";
export { gainsTable } from "./gains-table";
export type { GainsRow } from "./gains-table";
export { createMonitor, createMonitorFromScores, monitorAdd, monitorPsi, monitorReset } from "./monitor";
export type { ScoreMonitor } from "./monitor";
export type { ScoreDirectionOptions } from "./direction";
export type { NumericArray } from "./internal/check";
