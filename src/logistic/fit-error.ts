import { RiskcardError, issue } from "../schema/result";

/** Why a logistic fit failed. */
export type FitFailure = "separation" | "singular";

/**
 * Thrown by `fitLogistic` when the data admit no finite maximum-likelihood fit: perfect or
 * quasi-complete separation (a combination of columns predicts the label exactly), or a singular
 * design (collinear or constant columns). Carries one `invalid_value` issue at path `["X"]`.
 * @example new FitError("separation", "perfect separation").issues[0].code // => "invalid_value"
 */
export class FitError extends RiskcardError {
  readonly reason: FitFailure;
  constructor(reason: FitFailure, message: string) {
    super([issue("invalid_value", ["X"], message)], "logistic fit");
    this.name = "FitError";
    this.reason = reason;
  }
}
