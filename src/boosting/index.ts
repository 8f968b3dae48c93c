/**
 * `riskcard/boosting`: the additive boosted scorecard. `trainBoostedScorecard` learns one shape
 * per feature by cyclic gradient boosting over finely binned features (explainable-boosting-machine
 * style) and returns an ordinary `riskcard.scorecard` artefact; `boostShapes` is its boosting core.
 */
export { trainBoostedScorecard } from "./train-boosted-scorecard";
export { boostShapes } from "./boost-shapes";
export type { BinnedRows, BoostParams, BoostedShapes } from "./boost-shapes";
export type {
  BoostOptions,
  BoostReport,
  BoostedScorecard,
  CalibrationReport,
  FeatureShape,
  PairSelection,
  PairSelectionReason,
  PairSetEvidence,
  PairShape,
} from "./types";
