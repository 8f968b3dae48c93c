import { type Issue, type IssuePath, issue } from "../schema/result";
import type { FactCatalog, FactType } from "./catalog";
import { COMPARISON_OPERATORS, type ComparisonOperator, type Condition } from "./rule-set-schema";

/**
 * Deepest condition nesting accepted (a comparison under 32 `all`/`any`/`not` nodes is depth 33).
 * @example MAX_CONDITION_DEPTH // => 32
 */
export const MAX_CONDITION_DEPTH = 32;
/**
 * Most condition nodes accepted in one rule set (all rules together).
 * @example MAX_CONDITION_NODES // => 10000
 */
export const MAX_CONDITION_NODES = 10_000;
/**
 * Most literals in one `in`/`notIn` array (use a named list for more).
 * @example MAX_INLINE_VALUES // => 10000
 */
export const MAX_INLINE_VALUES = 10_000;

/** State shared while checking the conditions of one rule set. */
export interface ConditionContext {
  readonly issues: Issue[];
  /** Nodes seen so far (all rules). */
  nodes: number;
  /** Named lists of the rule set, with the type of their elements. */
  readonly lists: ReadonlyMap<string, "string" | "number">;
  /** When given, facts must exist in it and comparisons must match their types. */
  readonly catalog?: FactCatalog;
}

const OPS = new Set<string>(COMPARISON_OPERATORS);
const COMPARISON_KEYS = new Set(["fact", "op", "value", "list"]);
const ORDER_OPS = new Set<ComparisonOperator>(["lt", "lte", "gt", "gte", "between"]);

type Scalar = number | boolean | string;

function scalarType(x: unknown): "number" | "boolean" | "string" | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? "number" : undefined;
  if (typeof x === "boolean") return "boolean";
  if (typeof x === "string" && x.length <= 256) return "string";
  return undefined;
}

/**
 * Checks one condition node and returns a frozen, normalised copy (so a loaded rule set never
 * shares objects with its input), or `undefined` after pushing issues. Depth and node count are
 * checked before descending, so recursion is bounded by `MAX_CONDITION_DEPTH`.
 * @param node the raw node
 * @param path where it is, for issues
 * @param ctx lists, optional catalog, issues and the node counter
 * @param depth nesting depth of this node (1 for a rule's `when`)
 * @returns the frozen copy, or undefined when invalid
 * @example Object.isFrozen(checkCondition({ fact: "identity.underage", op: "eq", value: true }, ["when"], { issues: [], nodes: 0, lists: new Map() }, 1)) // => true
 */
export function checkCondition(
  node: unknown,
  path: IssuePath,
  ctx: ConditionContext,
  depth: number,
): Condition | undefined {
  if (depth > MAX_CONDITION_DEPTH) {
    ctx.issues.push(issue("too_complex", path, `conditions nest deeper than ${MAX_CONDITION_DEPTH}`));
    return undefined;
  }
  ctx.nodes++;
  if (ctx.nodes === MAX_CONDITION_NODES + 1) {
    ctx.issues.push(issue("too_complex", path, `rule set has more than ${MAX_CONDITION_NODES} condition nodes`));
  }
  if (ctx.nodes > MAX_CONDITION_NODES) return undefined;
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    ctx.issues.push(issue(node === undefined ? "missing" : "invalid_type", path, "expected a condition object"));
    return undefined;
  }
  const o = node as Record<string, unknown>;
  const keys = Object.keys(o);
  for (const g of ["all", "any"] as const) {
    if (!(g in o)) continue;
    if (keys.length !== 1) return extraKeys(keys, g, path, ctx);
    const children = o[g];
    if (!Array.isArray(children)) {
      ctx.issues.push(issue("invalid_type", [...path, g], "expected an array of conditions"));
      return undefined;
    }
    if (children.length === 0) {
      ctx.issues.push(issue("too_small", [...path, g], "must have at least 1 items"));
      return undefined;
    }
    const out: Condition[] = [];
    let bad = false;
    for (let i = 0; i < children.length; i++) {
      const c = checkCondition(children[i], [...path, g, i], ctx, depth + 1);
      if (c === undefined) bad = true;
      else out.push(c);
      if (ctx.nodes > MAX_CONDITION_NODES) return undefined;
    }
    if (bad) return undefined;
    return Object.freeze(g === "all" ? { all: Object.freeze(out) } : { any: Object.freeze(out) });
  }
  if ("not" in o) {
    if (keys.length !== 1) return extraKeys(keys, "not", path, ctx);
    const c = checkCondition(o.not, [...path, "not"], ctx, depth + 1);
    return c === undefined ? undefined : Object.freeze({ not: c });
  }
  return checkComparison(o, keys, path, ctx);
}

function extraKeys(keys: string[], kept: string, path: IssuePath, ctx: ConditionContext): undefined {
  for (const k of keys)
    if (k !== kept) ctx.issues.push(issue("unrecognized_key", [...path, k], `a ${kept} node has no other keys`));
  return undefined;
}

function checkComparison(
  o: Record<string, unknown>,
  keys: string[],
  path: IssuePath,
  ctx: ConditionContext,
): Condition | undefined {
  const before = ctx.issues.length;
  const push = (i: Issue): void => {
    ctx.issues.push(i);
  };
  for (const k of keys)
    if (!COMPARISON_KEYS.has(k)) push(issue("unrecognized_key", [...path, k], "unknown key in a comparison"));
  const fact = o.fact;
  const op = o.op;
  if (fact === undefined) push(issue("missing", [...path, "fact"], "required"));
  else if (typeof fact !== "string" || fact.length === 0 || fact.length > 128)
    push(issue("invalid_type", [...path, "fact"], "expected a fact name"));
  if (op === undefined) push(issue("missing", [...path, "op"], "required"));
  else if (typeof op !== "string" || !OPS.has(op)) push(issue("invalid_enum", [...path, "op"], "unknown operator"));
  const hasValue = "value" in o;
  const hasList = "list" in o;
  if (hasValue === hasList)
    push(issue(hasValue ? "inconsistent" : "missing", [...path, "value"], "give exactly one of value or list"));
  if (ctx.issues.length > before) return undefined;
  const f = fact as string;
  const operator = op as ComparisonOperator;
  // Type of the fact (from the catalog), when known.
  let factType: FactType | undefined;
  if (ctx.catalog !== undefined) {
    const slot = ctx.catalog.index.get(f);
    if (slot === undefined) {
      push(issue("unknown_reference", [...path, "fact"], "unknown fact"));
      return undefined;
    }
    factType = ctx.catalog.facts[slot]!.type;
    if (factType === "boolean" && operator !== "eq" && operator !== "ne")
      push(issue("invalid_value", [...path, "op"], "a boolean fact takes eq or ne"));
    if (factType === "string" && ORDER_OPS.has(operator))
      push(issue("invalid_value", [...path, "op"], "a string fact takes eq, ne, in or notIn"));
  }
  if (hasList) {
    const name = o.list;
    if (operator !== "in" && operator !== "notIn")
      push(issue("inconsistent", [...path, "list"], "a list takes the in or notIn operator"));
    else if (typeof name !== "string") push(issue("invalid_type", [...path, "list"], "expected a list name"));
    else {
      const lt = ctx.lists.get(name);
      if (lt === undefined) push(issue("unknown_reference", [...path, "list"], "unknown list"));
      else if (factType !== undefined && factType !== lt)
        push(issue("invalid_type", [...path, "list"], `the list holds ${lt}s, the fact is a ${factType}`));
    }
    if (ctx.issues.length > before) return undefined;
    return Object.freeze({ fact: f, op: operator as "in" | "notIn", list: name as string });
  }
  const value = o.value;
  const want = (x: unknown, p: IssuePath): void => {
    const t = scalarType(x);
    if (t === undefined)
      push(issue("invalid_type", p, "expected a finite number, a boolean or a string of at most 256 characters"));
    else if (factType !== undefined && t !== factType)
      push(issue("invalid_type", p, `expected a ${factType} for this fact`));
  };
  let copy: Scalar | readonly Scalar[];
  if (operator === "in" || operator === "notIn") {
    if (!Array.isArray(value)) push(issue("invalid_type", [...path, "value"], "expected an array"));
    else if (value.length === 0) push(issue("too_small", [...path, "value"], "must have at least 1 items"));
    else if (value.length > MAX_INLINE_VALUES)
      push(issue("too_big", [...path, "value"], `must have at most ${MAX_INLINE_VALUES} items (use a list)`));
    else {
      for (let i = 0; i < value.length; i++) want(value[i], [...path, "value", i]);
      const t0 = scalarType(value[0]);
      if (value.some((x) => scalarType(x) !== t0))
        push(issue("inconsistent", [...path, "value"], "values must share one type"));
    }
    copy = Array.isArray(value) ? Object.freeze([...(value as Scalar[])]) : [];
  } else if (operator === "between") {
    if (!Array.isArray(value) || value.length !== 2)
      push(issue("invalid_type", [...path, "value"], "expected [low, high]"));
    else {
      value.forEach((x, i) => {
        if (typeof x !== "number" || !Number.isFinite(x))
          push(issue("invalid_type", [...path, "value", i], "expected a finite number"));
      });
      if (ctx.issues.length === before && (value[0] as number) > (value[1] as number))
        push(issue("inconsistent", [...path, "value"], "low is above high"));
    }
    copy = Array.isArray(value) ? Object.freeze([...(value as number[])]) : [];
  } else {
    want(value, [...path, "value"]);
    if (ORDER_OPS.has(operator) && typeof value !== "number" && ctx.issues.length === before)
      push(issue("invalid_type", [...path, "value"], "an order comparison needs a number"));
    copy = value as Scalar;
  }
  if (ctx.issues.length > before) return undefined;
  return Object.freeze({ fact: f, op: operator, value: copy });
}
