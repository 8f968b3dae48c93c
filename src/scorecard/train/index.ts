/**
 * The training pipeline of `riskcard/scorecard`: `trainScorecard` turns a table with a binary
 * target into a scored, validated `riskcard.scorecard` artefact and a report; `trainTestSplit` is
 * its seeded stratified split.
 */
export { trainScorecard } from "./trainScorecard";
export { trainTestSplit } from "./trainTestSplit";
export { formatTrainReport } from "./formatReport";
export { modelCardMarkdown } from "./modelCard";
export type { ModelCardOptions } from "./modelCard";
export type {
  DropReason,
  MaskedColumn,
  ReasonSpec,
  SetMetrics,
  TrainOptions,
  TrainReport,
  TrainedScorecard,
  TrainingColumn,
  TrainingData,
  VariableReport,
} from "./types";
