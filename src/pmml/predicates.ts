/**
 * PMML predicates and expressions read into riskcard's `Predicate` and `Expression` data, and a
 * direct (recursive) reading of them over one record, used at import to prove which attribute
 * every input reaches. Internal to riskcard/pmml.
 */
import { type Issue, issue } from "../schema/result";
import { EXPRESSION_FUNCTIONS } from "../scorecard/internal";
import type { Expression, ExpressionFunction, Predicate } from "../scorecard/types";
import { type Field, pmmlNumber } from "./fields";
import type { XmlElement } from "./xml";

const PREDICATES = new Set(["SimplePredicate", "CompoundPredicate", "SimpleSetPredicate", "True", "False"]);
const EXPRESSIONS = new Set([
  "Constant",
  "FieldRef",
  "NormContinuous",
  "NormDiscrete",
  "Discretize",
  "MapValues",
  "TextIndex",
  "Apply",
  "Aggregate",
  "Lag",
]);
const OPERATORS: Record<string, "lt" | "le" | "gt" | "ge" | "eq" | "ne" | "isMissing" | "isNotMissing"> = {
  equal: "eq",
  notEqual: "ne",
  lessThan: "lt",
  lessOrEqual: "le",
  greaterThan: "gt",
  greaterOrEqual: "ge",
  isMissing: "isMissing",
  isNotMissing: "isNotMissing",
};
const FUNCTIONS: ReadonlySet<string> = new Set(EXPRESSION_FUNCTIONS);

/** The predicate element among an element's children (the first PMML predicate element), or null. */
export function predicateChild(el: XmlElement): XmlElement | null {
  return el.children.find((c) => PREDICATES.has(c.name)) ?? null;
}

/** The expression element among an element's children, or null. */
export function expressionChild(el: XmlElement): XmlElement | null {
  return el.children.find((c) => EXPRESSIONS.has(c.name)) ?? null;
}

/** Reads the contents of a PMML `Array` (space-separated tokens, double-quoted strings with `\"`). */
export function readArray(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]!);
  return out;
}

/** Reads a PMML predicate element; pushes an issue naming the element for anything unsupported. */
export function readPredicate(
  el: XmlElement,
  fields: ReadonlyMap<string, Field>,
  issues: Issue[],
  used: Set<string>,
): Predicate | null {
  const field = (): Field | null => {
    const f = fields.get(el.attrs.field ?? "");
    if (f === undefined) {
      issues.push(issue("unknown_reference", [...el.path, "field"], "the field is not an active MiningField"));
      return null;
    }
    used.add(f.name);
    return f;
  };
  const value = (f: Field, text: string | undefined, at: readonly (string | number)[]): number | string | null => {
    if (text === undefined) {
      issues.push(issue("missing", at, "a value is required"));
      return null;
    }
    if (f.categorical) return text;
    const n = pmmlNumber(text);
    if (n === null) issues.push(issue("invalid_value", at, "expected a number for a continuous field"));
    return n;
  };
  switch (el.name) {
    case "True":
      return { op: "true" };
    case "False":
      return { op: "false" };
    case "SimplePredicate": {
      const f = field();
      const op = OPERATORS[el.attrs.operator ?? ""];
      if (op === undefined) {
        issues.push(issue("invalid_enum", [...el.path, "operator"], "unknown SimplePredicate operator"));
        return null;
      }
      if (f === null) return null;
      if (op === "isMissing" || op === "isNotMissing") return { op, feature: f.name };
      if (f.categorical && op !== "eq" && op !== "ne") {
        issues.push(
          issue(
            "invalid_value",
            [...el.path, "operator"],
            "ordering comparisons on categorical fields are not supported",
          ),
        );
        return null;
      }
      const v = value(f, el.attrs.value, [...el.path, "value"]);
      return v === null ? null : { op, feature: f.name, value: v };
    }
    case "SimpleSetPredicate": {
      const f = field();
      const bo = el.attrs.booleanOperator;
      if (bo !== "isIn" && bo !== "isNotIn") {
        issues.push(issue("invalid_enum", [...el.path, "booleanOperator"], "expected isIn or isNotIn"));
        return null;
      }
      const arr = el.children.find((c) => c.name === "Array");
      if (arr === undefined) {
        issues.push(issue("missing", el.path, "SimpleSetPredicate needs an Array"));
        return null;
      }
      if (f === null) return null;
      const tokens = readArray(arr.text);
      if (tokens.length === 0) {
        issues.push(issue("too_small", arr.path, "empty Array"));
        return null;
      }
      const n = arr.attrs.n === undefined ? null : pmmlNumber(arr.attrs.n);
      if (n !== null && n !== tokens.length)
        issues.push(issue("inconsistent", [...arr.path, "n"], "Array n does not match its number of values"));
      const values: (number | string)[] = [];
      for (const t of tokens) {
        const v = value(f, t, arr.path);
        if (v === null) return null;
        values.push(v);
      }
      return { op: bo === "isIn" ? "in" : "notIn", feature: f.name, values };
    }
    case "CompoundPredicate": {
      const bo = el.attrs.booleanOperator;
      if (bo !== "and" && bo !== "or" && bo !== "xor" && bo !== "surrogate") {
        issues.push(issue("invalid_enum", [...el.path, "booleanOperator"], "expected and, or, xor or surrogate"));
        return null;
      }
      const args: Predicate[] = [];
      let okAll = true;
      for (const c of el.children) {
        if (c.name === "Extension") continue;
        if (!PREDICATES.has(c.name)) {
          issues.push(issue("invalid_value", c.path, "not a supported predicate"));
          okAll = false;
          continue;
        }
        const p = readPredicate(c, fields, issues, used);
        if (p === null) okAll = false;
        else args.push(p);
      }
      if (!okAll) return null;
      if (args.length < 2) {
        issues.push(issue("too_small", el.path, "CompoundPredicate needs at least two predicates"));
        return null;
      }
      return { op: bo, args };
    }
    default:
      issues.push(issue("invalid_value", el.path, "not a supported predicate"));
      return null;
  }
}

/** Reads a PMML expression made of Constant, FieldRef and Apply with arithmetic functions. */
export function readExpression(
  el: XmlElement,
  fields: ReadonlyMap<string, Field>,
  issues: Issue[],
  used: Set<string>,
): Expression | null {
  switch (el.name) {
    case "Constant": {
      if (el.attrs.missing === "true") {
        issues.push(issue("invalid_value", [...el.path, "missing"], "missing constants are not supported"));
        return null;
      }
      const v = pmmlNumber(el.text);
      if (v === null) {
        issues.push(issue("invalid_value", el.path, "expected a numeric Constant"));
        return null;
      }
      return { op: "const", value: v };
    }
    case "FieldRef": {
      if (el.attrs.mapMissingTo !== undefined) {
        issues.push(issue("invalid_value", [...el.path, "mapMissingTo"], "mapMissingTo is not supported"));
        return null;
      }
      const f = fields.get(el.attrs.field ?? "");
      if (f === undefined) {
        issues.push(issue("unknown_reference", [...el.path, "field"], "the field is not an active MiningField"));
        return null;
      }
      if (f.categorical) {
        issues.push(issue("invalid_type", [...el.path, "field"], "an expression reads continuous fields only"));
        return null;
      }
      used.add(f.name);
      return { op: "field", feature: f.name };
    }
    case "Apply": {
      const fn = el.attrs.function ?? "";
      if (!FUNCTIONS.has(fn)) {
        issues.push(
          issue("invalid_value", [...el.path, "function"], "function not supported (arithmetic functions only)"),
        );
        return null;
      }
      for (const a of ["mapMissingTo", "defaultValue"] as const)
        if (el.attrs[a] !== undefined) {
          issues.push(issue("invalid_value", [...el.path, a], `${a} is not supported`));
          return null;
        }
      if ((el.attrs.invalidValueTreatment ?? "returnInvalid") !== "returnInvalid") {
        issues.push(issue("invalid_value", [...el.path, "invalidValueTreatment"], "only returnInvalid is supported"));
        return null;
      }
      const args: Expression[] = [];
      for (const c of el.children) {
        if (c.name === "Extension") continue;
        if (!EXPRESSIONS.has(c.name)) {
          issues.push(issue("invalid_value", c.path, "not an expression"));
          return null;
        }
        const e = readExpression(c, fields, issues, used);
        if (e === null) return null;
        args.push(e);
      }
      return { op: "apply", fn: fn as ExpressionFunction, args };
    }
    default:
      issues.push(issue("invalid_value", el.path, "expression not supported (Constant, FieldRef and Apply only)"));
      return null;
  }
}

/** A record for the direct reading: a value per feature; absent or null is missing. */
export type Env = ReadonlyMap<string, number | string | null>;

/** PMML three-valued truth: 0 false, 1 true, 2 unknown. */
export type Truth = 0 | 1 | 2;

/** Evaluates a predicate over a record, PMML three-valued logic, by direct recursion. */
export function evalPredicate(p: Predicate, env: Env): Truth {
  switch (p.op) {
    case "true":
      return 1;
    case "false":
      return 0;
    case "isMissing":
      return (env.get(p.feature) ?? null) === null ? 1 : 0;
    case "isNotMissing":
      return (env.get(p.feature) ?? null) === null ? 0 : 1;
    case "in":
    case "notIn": {
      const v = env.get(p.feature) ?? null;
      if (v === null) return 2;
      const hit = p.values.includes(v);
      return (p.op === "in" ? hit : !hit) ? 1 : 0;
    }
    case "and": {
      const ts = p.args.map((a) => evalPredicate(a, env));
      return ts.includes(0) ? 0 : ts.includes(2) ? 2 : 1;
    }
    case "or": {
      const ts = p.args.map((a) => evalPredicate(a, env));
      return ts.includes(1) ? 1 : ts.includes(2) ? 2 : 0;
    }
    case "xor": {
      const ts = p.args.map((a) => evalPredicate(a, env));
      if (ts.includes(2)) return 2;
      return ts.filter((t) => t === 1).length % 2 === 1 ? 1 : 0;
    }
    case "surrogate":
      return p.args.map((a) => evalPredicate(a, env)).find((t) => t !== 2) ?? 2;
    default: {
      const v = env.get(p.feature) ?? null;
      if (v === null) return 2;
      const w = p.value;
      let r: boolean;
      if (p.op === "eq") r = v === w;
      else if (p.op === "ne") r = v !== w;
      else if (typeof v !== "number" || typeof w !== "number") return 2;
      else r = p.op === "lt" ? v < w : p.op === "le" ? v <= w : p.op === "gt" ? v > w : v >= w;
      return r ? 1 : 0;
    }
  }
}

/** The features an expression reads. */
export function expressionFields(e: Expression, out: Set<string> = new Set()): Set<string> {
  if (e.op === "field") out.add(e.feature);
  else if (e.op === "apply") for (const a of e.args) expressionFields(a, out);
  return out;
}

/** Calls `visit` with every value a predicate compares a feature with. */
function comparedValues(p: Predicate, feature: string, visit: (v: number | string) => void): void {
  switch (p.op) {
    case "and":
    case "or":
    case "xor":
    case "surrogate":
      for (const a of p.args) comparedValues(a, feature, visit);
      return;
    case "in":
    case "notIn":
      if (p.feature === feature) for (const v of p.values) visit(v);
      return;
    case "lt":
    case "le":
    case "gt":
    case "ge":
    case "eq":
    case "ne":
      if (p.feature === feature) visit(p.value);
      return;
    default:
      return;
  }
}

/** The numeric constants a predicate compares a feature with (the cut points of that feature). */
export function predicateConstants(p: Predicate, feature: string, out: Set<number>): void {
  comparedValues(p, feature, (v) => {
    if (typeof v === "number") out.add(v);
  });
}

/** The string values a predicate compares a feature with. */
export function predicateStrings(p: Predicate, feature: string, out: Set<string>): void {
  comparedValues(p, feature, (v) => {
    if (typeof v === "string") out.add(v);
  });
}
