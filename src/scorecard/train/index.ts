/**
 * The training pipeline of `riskcard/scorecard`: `trainScorecard` turns a table with a binary
 * target into a scored, validated `riskcard.scorecard` artefact and a report; `trainTestSplit` is
 * its seeded stratified split.
 */
export { trainScorecard } from "./train-scorecard";
export { trainTestSplit } from "./train-test-split";
export { formatTrainReport } from "./format-report";
export { modelCardMarkdown } from "./model-card";
export type { ModelCardOptions } from "./model-card";
export type {
  DropReason,
  MaskedColumn,
  ReasonSpec,
  SetMetrics,
  SharedTrainOptions,
  SplitOption,
  TrainOptions,
  TrainReport,
  TrainedScorecard,
  TrainingColumn,
  TrainingData,
  VariableReport,
} from "./types";
