import { type JsonLimits, capIssues, deepFreeze, guardJson } from "../schema/json-guard";
import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { type ConditionContext, checkCondition } from "./check-condition";
import { RULE_SET_FORMAT, RULE_SET_VERSION, type Rule, type RuleSet, ruleSetSchema } from "./rule-set-schema";

/**
 * Most JSON values accepted in one rule-set artefact (lists included).
 * @example MAX_RULE_SET_VALUES // => 2000000
 */
export const MAX_RULE_SET_VALUES = 2_000_000;

/**
 * Size budget of a rule-set artefact (`guardJson`): `MAX_RULE_SET_VALUES` values and 64 Mi
 * characters in strings and keys (named lists of device or account ids are the bulk of it).
 * @example RULE_SET_LIMITS.maxChars // => 67108864 (64 Mi)
 */
export const RULE_SET_LIMITS: JsonLimits = Object.freeze({ maxNodes: MAX_RULE_SET_VALUES, maxChars: 64 * 1024 * 1024 });

const loaded = new WeakSet<object>();

/**
 * Whether a value is a rule set returned by `loadRuleSet` (so `compileRules` can skip the shape checks).
 * @param value anything
 * @returns true for a loaded, frozen rule set
 * @example isLoadedRuleSet(parseRuleSet(ruleSetJson)) // => true
 */
export function isLoadedRuleSet(value: unknown): value is RuleSet {
  return typeof value === "object" && value !== null && loaded.has(value);
}

/**
 * Validates a rule-set artefact (`format: "riskcard.rules"`, `version: 1`) and returns it
 * deep-frozen. First the pre-scan every loader shares (`guardJson` with `RULE_SET_LIMITS`: forbidden
 * keys, nesting over `MAX_JSON_DEPTH`, size, in time proportional to what is present), then shape (zod for the envelope, `checkCondition` for condition trees: operators,
 * value shapes, depth <= 32, <= 10,000 nodes), list references, unique rule ids, and that compliance
 * rules neither allow nor score. Facts are checked against a catalog by `compileRules`.
 * @param input anything, typically `JSON.parse` of the artefact
 * @returns `{ ok: true, value }` with the frozen rule set, or issues with paths (no input values)
 * @example loadRuleSet({ format: "riskcard.rules", version: 2 }).ok // => false (unsupported_version)
 */
export function loadRuleSet(input: unknown): Result<RuleSet> {
  const pre = guardJson(input, RULE_SET_LIMITS, { root: "object" });
  if (pre.length > 0) return fail(pre);
  const o = input as Record<string, unknown>;
  if (o.format !== RULE_SET_FORMAT)
    return fail([issue("unsupported_version", ["format"], `expected format ${RULE_SET_FORMAT}`)]);
  if (o.version !== RULE_SET_VERSION)
    return fail([issue("unsupported_version", ["version"], `this build reads version ${RULE_SET_VERSION}`)]);
  const r = validateWith(ruleSetSchema, input);
  if (!r.ok) return r;
  const set = r.value;
  const issues: Issue[] = [];
  const listTypes = new Map<string, "string" | "number">();
  for (const [name, items] of Object.entries(set.lists)) {
    const t = typeof items[0] === "number" ? "number" : "string";
    if (items.some((x) => typeof x !== t))
      issues.push(issue("inconsistent", ["lists", name], "list items must share one type"));
    listTypes.set(name, t);
  }
  const ctx: ConditionContext = { issues, nodes: 0, lists: listTypes };
  const ids = new Set<string>();
  const rules: Rule[] = [];
  set.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) issues.push(issue("inconsistent", ["rules", i, "id"], "duplicate rule id"));
    ids.add(rule.id);
    if (rule.family === "compliance" && (rule.action === "allow" || rule.action === "score"))
      issues.push(issue("inconsistent", ["rules", i, "action"], "a compliance rule declines or reviews"));
    if (rule.family === "compliance" && rule.score !== 0)
      issues.push(issue("inconsistent", ["rules", i, "score"], "compliance rules do not add to the fraud score"));
    const when = checkCondition(rule.when, ["rules", i, "when"], ctx, 1);
    if (when !== undefined) rules.push({ ...rule, when });
  });
  const t = set.thresholds;
  if (t.review !== undefined && t.decline !== undefined && t.review > t.decline)
    issues.push(issue("inconsistent", ["thresholds", "review"], "review threshold above decline threshold"));
  if (issues.length > 0) return fail(capIssues(issues));
  const frozen = deepFreeze({
    ...set,
    lists: Object.fromEntries(Object.entries(set.lists).map(([k, v]) => [k, [...v]])),
    rules,
  });
  loaded.add(frozen);
  return ok(frozen);
}

/**
 * Throwing twin of `loadRuleSet`: the same checks, the rule set itself or an `ArtefactError`.
 * @param input anything
 * @returns the frozen rule set
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example loadRuleSetOrThrow({}) // throws ArtefactError: invalid rule set: 1 issue
 */
export function loadRuleSetOrThrow(input: unknown): RuleSet {
  const r = loadRuleSet(input);
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues, "rule set");
}

/**
 * Deprecated name of `loadRuleSetOrThrow` (documented before the Result-or-throw rule).
 * @deprecated use `loadRuleSetOrThrow`
 * @param input anything
 * @returns the frozen rule set
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example parseRuleSet({}) // throws ArtefactError: invalid rule set: 1 issue
 */
export const parseRuleSet: (input: unknown) => RuleSet = loadRuleSetOrThrow;
