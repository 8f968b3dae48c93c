/**
 * riskcard/scorecard: pdo scaling, statistical (points) and expert (weighted) scorecards,
 * allocation-free scoring over feature vectors, PMML-style reason codes, probability of default,
 * and versioned JSON artefacts.
 */
export type {
  CategoricalCharacteristic,
  CategoriesAttribute,
  Characteristic,
  ExpertCardJSON,
  ExpertCategory,
  Fallback,
  FeatureBatch,
  IntervalAttribute,
  MissingAttribute,
  NumericCharacteristic,
  OddsConvention,
  ReasonCode,
  ReasonMessage,
  Rounding,
  Scaling,
  ScalingParams,
  ScoreResult,
  Scorecard,
  ScorecardJSON,
  SpecialAttribute,
  TrainingInfo,
} from "./types";
export { pdoScaling } from "./pdoScaling";
export { roundPoints } from "./roundPoints";
export { probabilityOfDefault } from "./probabilityOfDefault";
export { buildScorecard, type BuildScorecardOptions } from "./buildScorecard";
export { loadScorecard, loadExpertCard, parseScorecard, parseExpertCard, scorecardToJSON } from "./load";
export { score, scoreValue, scoreBatch } from "./score";
export { scoreRecord, vectorFromRecord } from "./scoreRecord";
export { reasonCodes, type ReasonCodeOptions } from "./reasonCodes";
export { expertCardSchema, scorecardSchema } from "./schema";
export * from "./train";
