import defaultRulesJson from "../../models/fraud-rules.json";
import { type CompiledRules, compileRulesOrThrow } from "./compile-rules";
import { DEFAULT_FACT_CONFIG, type FactConfig } from "./fact-config";
import { loadRuleSetOrThrow } from "./load-rule-set";
import type { RuleSet } from "./rule-set-schema";

let cached: RuleSet | undefined;

/**
 * The default rule set shipped in `models/fraud-rules.json` (see `models/README.md` for what it
 * checks and how it performs on the synthetic population), loaded and frozen once.
 * @returns the frozen rule set
 * @throws {ArtefactError} if the shipped artefact is invalid (a packaging bug)
 * @example defaultRuleSet().name // => "riskcard-default"
 */
export function defaultRuleSet(): RuleSet {
  cached ??= loadRuleSetOrThrow(defaultRulesJson);
  return cached;
}

/**
 * The default rule set compiled for a fact configuration.
 * @param config the fact configuration (default windows 1h/24h/30d); custom windows must keep the labels the rules name
 * @returns compiled rules
 * @throws {ArtefactError} when the configuration lacks facts the default rules name
 * @example compileDefaultRules().evaluate(computeFacts(applicant, { asOf })).action // => "none"
 */
export function compileDefaultRules(config: FactConfig = DEFAULT_FACT_CONFIG): CompiledRules {
  return compileRulesOrThrow(defaultRuleSet(), { config });
}
