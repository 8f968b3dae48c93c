/**
 * riskcard/fraud: a data-driven fraud rule engine. Rule sets are versioned JSON artefacts
 * (`loadRuleSet`), compiled once to closures (`compileRules`), and evaluated synchronously on
 * precomputed facts (`computeFacts`), with cross-account velocity from a store
 * (`createMemoryVelocityStore`, `readVelocity`, `gatherFacts`).
 */

export * from "./catalogue";
export * from "./checkCondition";
export * from "./compileCondition";
export * from "./compileRules";
export * from "./computeFacts";
export * from "./defaultRules";
export * from "./factConfig";
export * from "./facts";
export * from "./geo";
export * from "./loadRuleSet";
export * from "./ruleSetSchema";
export * from "./velocity";
export * from "./velocityCounts";
export * from "./velocityStore";
