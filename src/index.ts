/**
 * riskcard: embeddable credit-risk scoring. The root entry holds what a backend needs to decide
 * one application; each domain has its own subpath (`riskcard/schema`, `riskcard/features`,
 * `riskcard/scorecard`, `riskcard/fraud`, `riskcard/limits`, `riskcard/pricing`, ...).
 */
export { createEngine, ENGINE_VERSION, type Engine } from "./decision/engine";
export { safeCreateEngine } from "./decision/safe-create-engine";
export type { EngineConfig } from "./decision/config";
export {
  CHAMPION,
  createExperiment,
  type Experiment,
  type ExperimentArm,
  type ExperimentConfig,
  safeCreateExperiment,
} from "./decision/experiment";
export { ELIGIBILITY_NOT_INVITED } from "./decision/strategy-engine";
export { stringifyDecision } from "./decision/stringify-decision";
export type {
  Decision,
  DecisionReason,
  DecideOptions,
  DecisionVersions,
  ExperimentOutcome,
  FraudHit,
  ShadowOutcome,
  ReasonSource,
} from "./decision/types";
export type { Guard, GuardCode } from "./decision/guards";
export { VELOCITY_UNAVAILABLE, type VelocityUnavailablePolicy } from "./decision/velocity-policy";
export { type Band, bandOf } from "./decision/bands";
export { applicantSchema, type Applicant } from "./schema/applicant";
export { applicantJsonSchema } from "./schema/json-schema";
export { parseApplicant, parseApplicantJson, parseApplicantOrThrow } from "./schema/parse";
export { type Issue, type IssueCode, type Result, RiskcardError, ArtefactError, ConfigError } from "./schema/result";
