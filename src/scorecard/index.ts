/**
 * riskcard/scorecard: pdo scaling, statistical (points) and expert (weighted) scorecards,
 * allocation-free scoring over feature vectors, PMML-style reason codes, probability of default,
 * and versioned JSON artefacts.
 */
export type {
  BinnedCharacteristic,
  CategoricalCharacteristic,
  CategoriesAttribute,
  Characteristic,
  ExpertCardJSON,
  ExpertCategory,
  Expression,
  ExpressionFunction,
  Fallback,
  FeatureBatch,
  IntervalAttribute,
  MissingAttribute,
  NumericCharacteristic,
  OddsConvention,
  Predicate,
  ReasonCode,
  ReasonMessage,
  RuleAttribute,
  RuleInput,
  RulesCharacteristic,
  Rounding,
  Scaling,
  ScalingParams,
  ScoreResult,
  Scorecard,
  ScorecardJSON,
  SpecialAttribute,
  TrainingInfo,
} from "./types";
export { pdoScaling } from "./pdo-scaling";
export { roundPoints } from "./round-points";
export { probabilityOfDefault } from "./probability-of-default";
export { buildScorecard, type BuildScorecardOptions } from "./build-scorecard";
export {
  SCORECARD_LIMITS,
  loadScorecard,
  loadExpertCard,
  loadScorecardOrThrow,
  parseScorecard,
  loadExpertCardOrThrow,
  parseExpertCard,
  scorecardToJSON,
} from "./load";
export { score, scoreValue, scoreBatch } from "./score";
export { cardFeatures, scoreRecord, vectorFromRecord } from "./score-record";
export { reasonCodes, type ReasonCodeOptions } from "./reason-codes";
export { scoreBreakdown, type ScorePart } from "./score-breakdown";
export { expertCardSchema, scorecardSchema } from "./schema";
export {
  type DropReason,
  formatTrainReport,
  type MaskedColumn,
  type ModelCardOptions,
  modelCardMarkdown,
  type ReasonSpec,
  type SetMetrics,
  type SharedTrainOptions,
  type SplitOption,
  type TrainedScorecard,
  type TrainingColumn,
  type TrainingData,
  type TrainOptions,
  type TrainReport,
  trainScorecard,
  trainTestSplit,
  type VariableReport,
} from "./train";
