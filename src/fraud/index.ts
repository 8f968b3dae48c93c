/**
 * riskcard/fraud: a data-driven fraud rule engine. Rule sets are versioned JSON artefacts
 * (`loadRuleSet`), compiled once to closures (`compileRules`), and evaluated synchronously on
 * precomputed facts (`computeFacts`), with cross-account velocity from a store
 * (`createMemoryVelocityStore`, `readVelocity`, `gatherFacts`).
 *
 * Explicit list: the condition compiler, the fact slot tables and the geo helpers stay internal.
 */
export {
  type FactCatalog,
  type FactDefinition,
  type FactType,
  FIXED_FACTS,
  VELOCITY_DIMENSIONS,
  VELOCITY_KINDS,
  type VelocityDimension,
  type VelocityKind,
  velocityFactName,
  WINDOWED_FACTS,
} from "./catalog";
export { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES, MAX_INLINE_VALUES } from "./check-condition";
export {
  type CompiledRules,
  compileRules,
  compileRulesOrThrow,
  type FraudEvaluation,
  MAX_LIST_ITEMS,
  type RuleCompileOptions,
  type RuleHit,
} from "./compile-rules";
export { type ComputeFactsOptions, computeFacts, computeFactsInto } from "./compute-facts";
export { compileDefaultRules, defaultRuleSet } from "./default-rules";
export {
  createFactConfig,
  DEFAULT_FACT_CONFIG,
  type FactConfig,
  type FactConfigInput,
  loadFactConfig,
} from "./fact-config";
export { clearFacts, createFacts, type Facts, factsToObject, readFact, setFact } from "./facts";
export { loadRuleSet, loadRuleSetOrThrow, MAX_RULE_SET_VALUES, parseRuleSet, RULE_SET_LIMITS } from "./load-rule-set";
export {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type Condition,
  type ListComparison,
  RULE_ACTIONS,
  RULE_FAMILIES,
  RULE_SET_FORMAT,
  RULE_SET_VERSION,
  type Rule,
  type RuleAction,
  type RuleFamily,
  type RuleSet,
  type RuleSetInput,
  ruleSchema,
  ruleSetSchema,
  type ValueComparison,
} from "./rule-set-schema";
export {
  applicationEvents,
  gatherFacts,
  readVelocity,
  recordApplication,
  recordApplicationAsync,
  type VelocityOptions,
  velocityKey,
} from "./velocity";
export { createVelocityCounts, type VelocityCounts } from "./velocity-counts";
export {
  type AsyncVelocityStore,
  type BucketLevel,
  createMemoryVelocityStore,
  DEFAULT_BUCKET_LEVELS,
  MAX_BUCKET_COUNT,
  type MemoryVelocityStore,
  type MemoryVelocityStoreOptions,
  type VelocityQuery,
  type VelocityEvent,
  type VelocityStore,
} from "./velocity-store";
