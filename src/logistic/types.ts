/** A fitted logistic regression model: plain data, JSON-serialisable. */
export interface LogisticModel {
  /** The intercept (log-odds of the bad class, label 1, when all features are 0). */
  readonly intercept: number;
  /** One coefficient per column of X, in column order. */
  readonly coefficients: readonly number[];
  /** Standard errors, intercept first, then one per coefficient. */
  readonly standardErrors: readonly number[];
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Optional column names, when the caller supplied them. */
  readonly featureNames?: readonly string[];
}
