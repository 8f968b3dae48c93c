/**
 * `riskcard/logistic`: logistic regression fitted by Newton / IRLS on ml-matrix (intercept,
 * optional L2, frequency weights, standard errors as statsmodels `Logit`), and plain predict
 * functions over rows or flat Float64Array designs. Labels are 1 = bad, 0 = good.
 */
export { fitLogistic, safeFitLogistic } from "./fitLogistic";
export type { FitLogisticOptions } from "./fitLogistic";
export { FitError } from "./fitError";
export type { FitFailure } from "./fitError";
export { predictProba, predictProbaBatch } from "./predictProba";
export type { LogisticModel } from "./types";
