/**
 * riskcard/fraud: a data-driven fraud rule engine. Rule sets are versioned JSON artefacts
 * (`loadRuleSet`), compiled once to closures (`compileRules`), and evaluated synchronously on
 * precomputed facts (`computeFacts`), with cross-account velocity from a store
 * (`createMemoryVelocityStore`, `readVelocity`, `gatherFacts`).
 */

export * from "./catalog";
export * from "./check-condition";
export * from "./compile-condition";
export * from "./compile-rules";
export * from "./compute-facts";
export * from "./default-rules";
export * from "./fact-config";
export * from "./facts";
export * from "./geo";
export * from "./load-rule-set";
export * from "./rule-set-schema";
export * from "./velocity";
export * from "./velocity-counts";
export * from "./velocity-store";
