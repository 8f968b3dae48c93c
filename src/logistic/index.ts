/**
 * `riskcard/logistic`: logistic regression fitted by Newton / IRLS on ml-matrix (intercept,
 * optional L2, frequency weights, standard errors as statsmodels `Logit`), and plain predict
 * functions over rows or flat Float64Array designs. Labels are 1 = bad, 0 = good.
 */
export { fitLogistic, safeFitLogistic } from "./fit-logistic";
export type { FitLogisticOptions } from "./fit-logistic";
export { FitError } from "./fit-error";
export type { FitFailure } from "./fit-error";
export { predictProba, predictProbaBatch } from "./predict-proba";
export type { LogisticModel } from "./types";
