/**
 * Compiles a rules characteristic (version 2 artefacts) into one closure: predicates become
 * three-valued closures, points expressions arithmetic closures; no eval, no per-call allocation.
 * Internal: used by compile.ts.
 */
import type { Expression, Predicate, RulesCharacteristic } from "./types";

/** Three-valued logic, as PMML 4.4 predicates: false, true, unknown. */
const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
type Truth = 0 | 1 | 2;

/** Reads an input of a row: `values`, `missing`, the row offset and the per-card feature positions. */
type Row = (values: Float64Array, missing: Uint8Array, off: number, idx: Int32Array) => number;
type Pred = (values: Float64Array, missing: Uint8Array, off: number, idx: Int32Array) => Truth;

/**
 * Evaluates a rules characteristic on one row: the points of the first attribute whose predicate is
 * true (its expression's value when it has one), or the fallback's when none is true or the
 * expression is undefined. The matched attribute index (or -1) is left in `ruleState.attr`.
 */
export type RuleEval = (values: Float64Array, missing: Uint8Array, off: number, idx: Int32Array) => number;

/** The attribute matched by the last `RuleEval` call (scoring is synchronous). */
export const ruleState = { attr: -1 };

/**
 * Compiles a rules characteristic whose inputs sit at `idx[slot0 + j]` for input j.
 * A missing input, a NaN value and (with `unknownLevel: "missing"`) a categorical value outside the
 * levels read as missing; otherwise a categorical value outside the levels is an unknown category
 * (equal to no level).
 */
export function compileRules(c: RulesCharacteristic, slot0: number): RuleEval {
  const slots = new Map<string, { slot: number; levels: Map<string, number> | null; unknownMissing: boolean }>();
  c.inputs.forEach((inp, j) => {
    slots.set(inp.feature, {
      slot: slot0 + j,
      levels: inp.levels === undefined ? null : new Map(inp.levels.map((l, i) => [l, i])),
      unknownMissing: inp.unknownLevel === "missing",
    });
  });
  // Reads an input as a number, NaN for missing; categorical inputs as the level index or -1.
  const reader = (feature: string): Row => {
    const s = slots.get(feature)!;
    const slot = s.slot;
    if (s.levels === null)
      return (values, missing, off, idx) => {
        const i = off + idx[slot]!;
        return missing[i] === 1 ? Number.NaN : values[i]!;
      };
    const count = s.levels.size;
    const unknown = s.unknownMissing ? Number.NaN : -1;
    return (values, missing, off, idx) => {
      const i = off + idx[slot]!;
      if (missing[i] === 1) return Number.NaN;
      const v = values[i]!;
      if (Number.isNaN(v)) return Number.NaN;
      return Number.isInteger(v) && v >= 0 && v < count ? v : unknown;
    };
  };
  const code = (feature: string, v: number | string): number =>
    typeof v === "number" ? v : slots.get(feature)!.levels!.get(v)!;

  const pred = (p: Predicate): Pred => {
    switch (p.op) {
      case "true":
        return () => TRUE;
      case "false":
        return () => FALSE;
      case "isMissing": {
        const r = reader(p.feature);
        return (v, m, o, x) => (Number.isNaN(r(v, m, o, x)) ? TRUE : FALSE);
      }
      case "isNotMissing": {
        const r = reader(p.feature);
        return (v, m, o, x) => (Number.isNaN(r(v, m, o, x)) ? FALSE : TRUE);
      }
      case "in":
      case "notIn": {
        const r = reader(p.feature);
        const set = new Set(p.values.map((v) => code(p.feature, v)));
        const hit: Truth = p.op === "in" ? TRUE : FALSE;
        const miss: Truth = p.op === "in" ? FALSE : TRUE;
        return (v, m, o, x) => {
          const a = r(v, m, o, x);
          return Number.isNaN(a) ? UNKNOWN : set.has(a) ? hit : miss;
        };
      }
      case "and":
      case "or":
      case "xor":
      case "surrogate": {
        const args = p.args.map(pred);
        const n = args.length;
        if (p.op === "and")
          return (v, m, o, x) => {
            let out: Truth = TRUE;
            for (let i = 0; i < n; i++) {
              const t = args[i]!(v, m, o, x);
              if (t === FALSE) return FALSE;
              if (t === UNKNOWN) out = UNKNOWN;
            }
            return out;
          };
        if (p.op === "or")
          return (v, m, o, x) => {
            let out: Truth = FALSE;
            for (let i = 0; i < n; i++) {
              const t = args[i]!(v, m, o, x);
              if (t === TRUE) return TRUE;
              if (t === UNKNOWN) out = UNKNOWN;
            }
            return out;
          };
        if (p.op === "xor")
          return (v, m, o, x) => {
            let parity = 0;
            for (let i = 0; i < n; i++) {
              const t = args[i]!(v, m, o, x);
              if (t === UNKNOWN) return UNKNOWN;
              parity ^= t;
            }
            return parity === 1 ? TRUE : FALSE;
          };
        return (v, m, o, x) => {
          for (let i = 0; i < n; i++) {
            const t = args[i]!(v, m, o, x);
            if (t !== UNKNOWN) return t;
          }
          return UNKNOWN;
        };
      }
      default: {
        const r = reader(p.feature);
        const k = code(p.feature, p.value);
        const test = COMPARE[p.op];
        return (v, m, o, x) => {
          const a = r(v, m, o, x);
          return Number.isNaN(a) ? UNKNOWN : test(a, k) ? TRUE : FALSE;
        };
      }
    }
  };

  const expr = (e: Expression): Row => {
    if (e.op === "const") {
      const k = e.value;
      return () => k;
    }
    if (e.op === "field") return reader(e.feature);
    const args = e.args.map(expr);
    const f = e.fn;
    if (args.length === 1 && UNARY[f] !== undefined) {
      const g = UNARY[f]!;
      const a0 = args[0]!;
      return (v, m, o, x) => g(a0(v, m, o, x));
    }
    if (args.length === 2 && BINARY[f] !== undefined) {
      const g = BINARY[f]!;
      const a0 = args[0]!;
      const a1 = args[1]!;
      return (v, m, o, x) => g(a0(v, m, o, x), a1(v, m, o, x));
    }
    // n-ary aggregates: min, max, sum, avg, product (NaN, i.e. a missing argument, propagates)
    const n = args.length;
    const init = f === "min" ? Infinity : f === "max" ? -Infinity : f === "product" ? 1 : 0;
    const step = BINARY[f === "min" ? "min" : f === "max" ? "max" : f === "product" ? "*" : "+"]!;
    const divide = f === "avg";
    return (v, m, o, x) => {
      let acc = init;
      for (let i = 0; i < n; i++) acc = step(acc, args[i]!(v, m, o, x));
      return divide ? acc / n : acc;
    };
  };

  const attrs = c.attributes.map((a) => ({
    when: pred(a.when),
    points: a.points ?? 0,
    expression: a.expression === undefined ? null : expr(a.expression),
  }));
  const n = attrs.length;
  const fallback = c.fallback.points;
  return (values, missing, off, idx) => {
    for (let i = 0; i < n; i++) {
      const a = attrs[i]!;
      if (a.when(values, missing, off, idx) !== TRUE) continue;
      if (a.expression === null) {
        ruleState.attr = i;
        return a.points;
      }
      const p = a.expression(values, missing, off, idx);
      if (Number.isFinite(p)) {
        ruleState.attr = i;
        return p;
      }
      break;
    }
    ruleState.attr = -1;
    return fallback;
  };
}

const COMPARE: Record<"lt" | "le" | "gt" | "ge" | "eq" | "ne", (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
};

const UNARY: Partial<Record<string, (a: number) => number>> = {
  log10: Math.log10,
  ln: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  exp: Math.exp,
  floor: Math.floor,
  ceil: Math.ceil,
  // PMML round: to the nearest integer, halves up (as Java's Math.round).
  round: (a) => Math.floor(a + 0.5),
  min: (a) => a,
  max: (a) => a,
  sum: (a) => a,
  avg: (a) => a,
  product: (a) => a,
};

const BINARY: Partial<Record<string, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  pow: (a, b) => a ** b,
  // PMML threshold(x, y): 1 when x > y, else 0.
  threshold: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a > b ? 1 : 0),
  min: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b)),
  max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b)),
};
