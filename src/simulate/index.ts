/**
 * riskcard/simulate: what-if simulation of a policy change (swap matrix, rates, losses) and the
 * PD cutoff for a target approval rate. Kept out of the root entry: a backend that only decides
 * does not load it.
 */
export {
  type EngineOrConfig,
  type GroupSummaries,
  type PolicySummary,
  type SimulateInput,
  type SimulationChange,
  type SimulationOutcome,
  type SimulationReport,
  segmentOf,
  simulate,
  toEngine,
} from "./simulate";
export { type CutoffOptions, type CutoffResult, cutoffForApprovalRate } from "./cutoff";
