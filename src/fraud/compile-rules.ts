import { capIssues } from "../schema/json-guard";
import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import type { FactCatalog } from "./catalog";
import { type ConditionContext, checkCondition } from "./check-condition";
import { ListCache, type Predicate, compileCondition } from "./compile-condition";
import { DEFAULT_FACT_CONFIG, type FactConfig } from "./fact-config";
import type { Facts } from "./facts";
import { isLoadedRuleSet, loadRuleSet } from "./load-rule-set";
import type { RuleAction, RuleFamily, RuleSet } from "./rule-set-schema";

/** One matched rule, as reported: authored id, action, reason code and message (no input data). */
export interface RuleHit {
  readonly ruleId: string;
  readonly family: RuleFamily;
  readonly action: RuleAction;
  readonly reasonCode: string;
  readonly message: string;
  readonly score: number;
}

/** The outcome of evaluating a compiled rule set on one applicant's facts. */
export interface FraudEvaluation {
  /** The final action (see `compileRules` for the precedence); "none" when nothing fired. */
  readonly action: "allow" | "review" | "decline" | "none";
  /**
   * The outcome of the fraud family alone (compliance rules ignored), so a compliance decline
   * that also looks like fraud is still visible: "allow", "review", "decline" or "none".
   */
  readonly fraudAction: "allow" | "review" | "decline" | "none";
  /** What decided `action`: a compliance rule, a fraud rule or score threshold, or nothing. */
  readonly decidedBy: "compliance" | "fraud" | "none";
  /** Sum of the scores of matched fraud-family rules (compliance rules never count). */
  readonly score: number;
  /**
   * Every matched rule, in rule-set order (the same frozen objects every call). The evaluation and its
   * `hits` array are frozen and may be shared between calls that matched the same rules.
   */
  readonly hits: readonly RuleHit[];
}

/** A compiled rule set: evaluate facts synchronously, as many times as needed. */
export interface CompiledRules {
  readonly ruleSet: RuleSet;
  readonly config: FactConfig;
  readonly catalog: FactCatalog;
  /** Condition nodes compiled. */
  readonly nodeCount: number;
  /**
   * Items held by the compiled named lists: each list referenced by a rule is compiled once and
   * shared, so this is the sum of their lengths however many rules name them.
   */
  readonly listItemCount: number;
  /**
   * Evaluates every rule on the facts (all matches, no short-circuit between rules).
   * @throws {TypeError} when `facts` is not an object
   * @throws {RangeError} when the facts belong to another fact configuration
   */
  readonly evaluate: (facts: Facts) => FraudEvaluation;
}

/** Options of `compileRules`. */
export interface RuleCompileOptions {
  /** The fact configuration whose catalog the rules may name (`DEFAULT_FACT_CONFIG` when omitted). */
  readonly config?: FactConfig;
}

const NO_HITS: readonly RuleHit[] = Object.freeze([]);

/** Rule sets up to this size cache their evaluations by the set of matched rules (a bit mask in a double). */
const MASK_RULES = 52;

/** Distinct combinations of hits cached per compiled rule set; beyond it an evaluation is built each time. */
const MAX_CACHED_OUTCOMES = 4096;

/**
 * Most items in all the named lists of one rule set together (each list alone holds at most 1,000,000).
 * @example MAX_LIST_ITEMS // => 1000000
 */
export const MAX_LIST_ITEMS = 1_000_000;

/**
 * Compiles a rule set into closures after validating it once against the fact catalog:
 * unknown facts or lists, operators that do not apply to a fact's type, values of the wrong
 * type, nesting over 32, more than 10,000 condition nodes and named lists holding more than
 * `MAX_LIST_ITEMS` items in total are rejected with issue paths. Each named list is compiled once
 * (a `Set` for more than 8 items) and shared by every rule that names it.
 *
 * Semantics: every rule is evaluated (all matches are reported, in rule-set order). A comparison
 * on a missing fact is false. The action follows this precedence:
 * 1. a compliance-family `decline` hit (age under 18, ...) declines, and nothing overrides it;
 * 2. a fraud-family `allow` hit (allow list) cancels fraud declines, fraud reviews and score thresholds;
 * 3. otherwise a fraud `decline` hit, or a score at or above `thresholds.decline`, declines;
 * 4. then a compliance or fraud `review` hit, or a score at or above `thresholds.review`, reviews;
 * 5. then "allow" if an allow rule matched, else "none".
 * `score`-action rules only add to the score. `fraudAction` is the same precedence without compliance rules.
 * @param ruleSet a rule set from `loadRuleSet`, or raw JSON (loaded first)
 * @param options `{ config? }`
 * @returns `{ ok: true, value }` with the compiled rules, or issues with paths
 * @example compileRules(loadRuleSetOrThrow(ruleSetJson)).ok // => true
 */
export function compileRules(ruleSet: unknown, options: RuleCompileOptions = {}): Result<CompiledRules> {
  const config = options.config ?? DEFAULT_FACT_CONFIG;
  let set: RuleSet;
  if (isLoadedRuleSet(ruleSet)) set = ruleSet;
  else {
    const r = loadRuleSet(ruleSet);
    if (!r.ok) return r;
    set = r.value;
  }
  const catalog = config.catalog;
  const issues: Issue[] = [];
  const listTypes = new Map<string, "string" | "number">();
  let listItems = 0;
  for (const [name, items] of Object.entries(set.lists)) {
    listTypes.set(name, typeof items[0] === "number" ? "number" : "string");
    listItems += items.length;
  }
  if (listItems > MAX_LIST_ITEMS)
    return fail([issue("too_big", ["lists"], `the lists hold more than ${MAX_LIST_ITEMS} items in total`)]);
  const ctx: ConditionContext = { issues, nodes: 0, lists: listTypes, catalog };
  set.rules.forEach((rule, i) => {
    checkCondition(rule.when, ["rules", i, "when"], ctx, 1);
  });
  if (issues.length > 0) return fail(capIssues(issues));

  const n = set.rules.length;
  const lists = new ListCache(set.lists);
  const preds: Predicate[] = set.rules.map((r) => compileCondition(r.when, catalog, lists));
  const hitObjects: RuleHit[] = set.rules.map((r) =>
    Object.freeze({
      ruleId: r.id,
      family: r.family,
      action: r.action,
      reasonCode: r.reasonCode,
      message: r.message,
      score: r.score,
    }),
  );
  // Per rule: bit flags of what a hit means, and the score it adds.
  const COMPLIANCE_DECLINE = 1;
  const ALLOW = 2;
  const FRAUD_DECLINE = 4;
  const COMPLIANCE_REVIEW = 8;
  const FRAUD_REVIEW = 16;
  const flags = new Uint8Array(n);
  const scores = new Float64Array(n);
  set.rules.forEach((r, i) => {
    const c = r.family === "compliance";
    flags[i] =
      r.action === "allow"
        ? ALLOW
        : r.action === "decline"
          ? c
            ? COMPLIANCE_DECLINE
            : FRAUD_DECLINE
          : r.action === "review"
            ? c
              ? COMPLIANCE_REVIEW
              : FRAUD_REVIEW
            : 0;
    scores[i] = c ? 0 : r.score;
  });
  const declineAt = set.thresholds.decline ?? Number.POSITIVE_INFINITY;
  const reviewAt = set.thresholds.review ?? Number.POSITIVE_INFINITY;

  /** The evaluation of one set of matched rules (given as a predicate on the rule index). */
  const outcome = (matched: (i: number) => boolean): FraudEvaluation => {
    let hits: RuleHit[] | undefined;
    let seen = 0;
    let score = 0;
    for (let i = 0; i < n; i++) {
      if (matched(i)) {
        if (hits === undefined) hits = [];
        hits.push(hitObjects[i]!);
        seen |= flags[i]!;
        score += scores[i]!;
      }
    }
    const out = hits === undefined ? NO_HITS : Object.freeze(hits);
    const allow = (seen & ALLOW) !== 0;
    const fraudAction: FraudEvaluation["fraudAction"] = allow
      ? "allow"
      : (seen & FRAUD_DECLINE) !== 0 || score >= declineAt
        ? "decline"
        : (seen & FRAUD_REVIEW) !== 0 || score >= reviewAt
          ? "review"
          : "none";
    if (seen & COMPLIANCE_DECLINE) return { action: "decline", fraudAction, decidedBy: "compliance", score, hits: out };
    if (fraudAction === "decline") return { action: "decline", fraudAction, decidedBy: "fraud", score, hits: out };
    if (seen & COMPLIANCE_REVIEW) return { action: "review", fraudAction, decidedBy: "compliance", score, hits: out };
    if (fraudAction === "none") return { action: "none", fraudAction, decidedBy: "none", score, hits: out };
    return { action: fraudAction, fraudAction, decidedBy: "fraud", score, hits: out };
  };

  const checkFacts = (facts: Facts): void => {
    if (typeof facts !== "object" || facts === null)
      throw new TypeError("evaluate expects facts from computeFacts or createFacts");
    if (facts.catalog !== catalog) throw new RangeError("facts belong to another fact configuration");
  };

  // The evaluation depends only on which rules matched. With at most MASK_RULES rules the matched set
  // is a number (bit i = 2^i, exact in a double) and its evaluation, frozen, is kept in a bounded cache:
  // an evaluation allocates nothing once its combination of hits has been seen, however many rules hit
  // (issue 19: each hit used to push onto a fresh array; bench/fraud.bench.ts, hit-heavy set).
  const evaluate: (facts: Facts) => FraudEvaluation =
    n > MASK_RULES
      ? (facts) => {
          checkFacts(facts);
          const v = facts.values;
          const m = facts.missing;
          const s = facts.strings;
          return outcome((i) => preds[i]!(v, m, s));
        }
      : (() => {
          const cache = new Map<number, FraudEvaluation>();
          const none = Object.freeze(outcome(() => false));
          return (facts: Facts): FraudEvaluation => {
            checkFacts(facts);
            const v = facts.values;
            const m = facts.missing;
            const s = facts.strings;
            let mask = 0;
            let bit = 1;
            for (let i = 0; i < n; i++, bit *= 2) if (preds[i]!(v, m, s)) mask += bit;
            if (mask === 0) return none;
            const hit = cache.get(mask);
            if (hit !== undefined) return hit;
            const fresh = Object.freeze(outcome((i) => Math.floor(mask / 2 ** i) % 2 === 1));
            if (cache.size < MAX_CACHED_OUTCOMES) cache.set(mask, fresh);
            return fresh;
          };
        })();

  return ok(
    Object.freeze({ ruleSet: set, config, catalog, nodeCount: ctx.nodes, listItemCount: lists.itemCount, evaluate }),
  );
}

/**
 * Throwing variant of `compileRules`.
 * @param ruleSet a loaded rule set or raw JSON
 * @param options `{ config? }`
 * @returns the compiled rules
 * @throws {ArtefactError} carrying the issues when the rule set is invalid for the catalog
 * @example compileRulesOrThrow(ruleSetJson).evaluate(facts).action // => "none" (the clean adult fixture)
 */
export function compileRulesOrThrow(ruleSet: unknown, options: RuleCompileOptions = {}): CompiledRules {
  const r = compileRules(ruleSet, options);
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues, "rule set");
}
