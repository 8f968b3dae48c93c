/**
 * riskcard/decision: `createEngine(config)` compiles the scorecard, fraud rules and policy once;
 * `engine.decide(applicant, { asOf })` returns the decision (outcome, score, band, PD, reasons,
 * guards, fraud hits, offer, versions). The root entry `riskcard` re-exports the same engine.
 *
 * Explicit list: the guard checks, the content digest and the velocity-policy step stay internal.
 */
export { BANDS } from "../pricing/types";
export { type Band, bandOf, DEFAULT_BAND_PD_BOUNDS } from "./bands";
export { type EngineConfig, engineConfigSchema } from "./config";
export { createEngine, ENGINE_VERSION, type Engine } from "./engine";
export { safeCreateEngine } from "./safe-create-engine";
export type { Guard, GuardCode } from "./guards";
export {
  improvementHints,
  type ImprovementHint,
  type ImprovementHints,
  type ImprovementOptions,
} from "./improvement-hints";
export { breakdownOf, localizeDecision } from "./localize";
export { canonicalJson, RECORD_FORMAT, toDecisionRecord } from "./trace";
export type {
  ArtefactMismatch,
  BreakdownPart,
  DecideOptions,
  Decision,
  DecisionReason,
  DecisionTrace,
  DecisionVersions,
  ExperimentOutcome,
  FraudHit,
  ReasonSource,
  ReplayResult,
  RouteMismatch,
  ShadowOutcome,
  TraceCharacteristic,
  TracedDecision,
  TraceFact,
  TraceGuards,
  TraceOffer,
} from "./types";
export { VELOCITY_UNAVAILABLE, type VelocityUnavailablePolicy } from "./velocity-policy";
export {
  CHAMPION,
  createExperiment,
  type Experiment,
  type ExperimentArm,
  type ExperimentConfig,
  experimentConfigSchema,
  safeCreateExperiment,
} from "./experiment";
export { ELIGIBILITY_NOT_INVITED } from "./strategy-engine";
export { stringifyDecision } from "./stringify-decision";
