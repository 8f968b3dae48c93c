import { z } from "zod";

/**
 * The rule-set artefact (`format: "riskcard.rules"`, `version: 1`): rules as data.
 *
 * A condition is a tree of `all` / `any` / `not` nodes over comparisons
 * `{ fact, op, value }` (or `{ fact, op, list }` for membership in a named list of the rule set).
 * This file checks the shape only; `compileRules` checks references (facts, lists), types,
 * depth and size, with issue paths.
 */

/**
 * The rule-set format name written in every rule-set artefact.
 * @example RULE_SET_FORMAT // => "riskcard.rules"
 */
export const RULE_SET_FORMAT = "riskcard.rules";
/**
 * The only rule-set version this build reads.
 * @example RULE_SET_VERSION // => 1
 */
export const RULE_SET_VERSION = 1;

/**
 * Comparison operators of the rule language.
 * @example COMPARISON_OPERATORS.includes("between") // => true
 */
export const COMPARISON_OPERATORS = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "notIn", "between"] as const;
/**
 * Actions a rule can take. `score` only adds the rule's score: the rule set's thresholds turn the
 * sum of scores into review or decline, so weak signals count only in combination.
 * @example RULE_ACTIONS // => ["allow", "review", "decline", "score"]
 */
export const RULE_ACTIONS = ["allow", "review", "decline", "score"] as const;
/**
 * Rule families: fraud rules add to the fraud score; compliance rules (age under 18, ...) never do.
 * @example RULE_FAMILIES // => ["fraud", "compliance"]
 */
export const RULE_FAMILIES = ["fraud", "compliance"] as const;

/** A comparison operator. */
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
/** A rule action. */
export type RuleAction = (typeof RULE_ACTIONS)[number];
/** A rule family. */
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** Rule and list identifiers: 1-64 characters of [A-Za-z0-9_.-]. */
const ident = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/);

/** A comparison against a literal (or a pair for `between`, an array for `in`/`notIn`). */
export interface ValueComparison {
  readonly fact: string;
  readonly op: ComparisonOperator;
  readonly value: unknown;
}
/** Membership (`in`/`notIn`) in a named list of the rule set. */
export interface ListComparison {
  readonly fact: string;
  readonly op: "in" | "notIn";
  readonly list: string;
}
/** A condition node. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | ValueComparison
  | ListComparison;

/**
 * Conditions are validated by hand (`checkCondition`), not by zod, so that every problem gets a
 * precise path and code (unknown operator, wrong value shape, depth over 32) and recursion is
 * bounded before it starts.
 */
const conditionInput = z.custom<Condition>(() => true);

/**
 * The zod schema of one rule.
 * @example ruleSchema.safeParse({ id: "r1", when: { fact: "identity.underage", op: "eq", value: true }, action: "decline", reasonCode: "UNDERAGE", message: "applicant under 18" }).success // => true
 */
export const ruleSchema = z.strictObject({
  id: ident,
  description: z.string().max(500).optional(),
  family: z.enum(RULE_FAMILIES).default("fraud"),
  when: conditionInput,
  action: z.enum(RULE_ACTIONS),
  /** Added to the fraud score when the rule matches (fraud family only; compliance rules must say 0). */
  score: z.number().min(0).max(1_000).default(0),
  /** Stable reason code for the decision log and adverse-action notices: [A-Z0-9_-]{1,32}. */
  reasonCode: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Z0-9_-]+$/),
  /** Plain-text message shown with the hit; authored text, never built from input data. */
  message: z.string().min(1).max(200),
});

/**
 * The zod schema of a rule-set artefact (shape only; see `compileRules` for semantics).
 * @example ruleSetSchema.safeParse(ruleSetJson).success // => true
 */
export const ruleSetSchema = z.strictObject({
  format: z.literal(RULE_SET_FORMAT),
  version: z.literal(RULE_SET_VERSION),
  /** Name and revision of this rule set, for the decision log. */
  name: ident,
  revision: z.string().min(1).max(64),
  description: z.string().max(2_000).optional(),
  /** Named lists (block lists, allow lists) referenced by `{ fact, op: "in", list }`. */
  lists: z.record(ident, z.array(z.union([z.string().max(256), z.number()])).max(1_000_000)).default({}),
  /**
   * Score thresholds: a fraud score at or above `decline` (`review`) declines (reviews) even when
   * no single rule does. Omitted thresholds never fire.
   */
  thresholds: z
    .strictObject({ review: z.number().min(0).optional(), decline: z.number().min(0).optional() })
    .default({}),
  rules: z.array(ruleSchema).min(1).max(1_000),
});

/** A rule of a loaded rule set. */
export type Rule = z.output<typeof ruleSchema>;
/** A loaded, validated and deep-frozen rule set. */
export type RuleSet = z.output<typeof ruleSetSchema>;
/** The JSON a rule-set author writes (defaults may be omitted). */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
