/**
 * A lookup table in place of a rules characteristic's closures when its points are constant
 * (no expressions) and its predicates compare inputs with finite constants: the comparison
 * constants cut each numeric input into segments on which every predicate is constant, so the
 * characteristic is a table over the product of its inputs' states (missing, each segment; for a
 * categorical input missing, unknown, each level), filled once by evaluating the compiled rules on
 * one representative row per cell. Scoring a row then counts boundaries per input and reads one
 * cell: a two-dimensional term of a boosted card costs two small searches instead of walking its
 * attributes' predicates. Internal: used by compile.ts; checked against the closures in
 * test/scorecard/tabulate-rules.test.ts.
 */
import { nextUp } from "./compile";
import { type RuleEval, compileRules, ruleState } from "./compile-rules";
import type { Predicate, RulesCharacteristic } from "./types";

/** Most cells of a table (beyond it the closures score the characteristic). */
export const MAX_TABLE_CELLS = 4096;

/**
 * The boundaries of each numeric input (sorted, distinct): every value at which some predicate may
 * change truth; null when a predicate compares with a non-finite constant.
 */
function boundaries(c: RulesCharacteristic): Map<string, number[]> | null {
  const out = new Map<string, Set<number>>();
  for (const inp of c.inputs) if (inp.levels === undefined) out.set(inp.feature, new Set());
  let ok = true;
  const add = (feature: string, x: number | string, also: boolean): void => {
    const s = out.get(feature);
    if (s === undefined || typeof x !== "number") return; // categorical: its states are its levels
    if (!Number.isFinite(x)) {
      ok = false;
      return;
    }
    s.add(x);
    if (also) s.add(nextUp(x));
  };
  const walk = (p: Predicate): void => {
    switch (p.op) {
      case "true":
      case "false":
      case "isMissing":
      case "isNotMissing":
        return;
      case "in":
      case "notIn":
        for (const v of p.values) add(p.feature, v, true);
        return;
      case "and":
      case "or":
      case "xor":
      case "surrogate":
        for (const a of p.args) walk(a);
        return;
      case "lt":
      case "ge":
        add(p.feature, p.value, false);
        // `v < t` and `v >= t` switch at t
        return;
      case "le":
      case "gt":
        // `v <= t` and `v > t` switch at nextUp(t)
        if (typeof p.value === "number" && Number.isFinite(p.value)) add(p.feature, nextUp(p.value), false);
        else add(p.feature, p.value, false);
        return;
      default:
        add(p.feature, p.value, true);
    }
  };
  for (const a of c.attributes) walk(a.when);
  if (!ok) return null;
  return new Map([...out].map(([k, s]) => [k, [...s].sort((x, y) => x - y)]));
}

/**
 * The values at which some predicate of a two-input rules characteristic with constant points may
 * change truth, per input (sorted, distinct): a numeric input's comparison constants (and the next
 * double where a predicate switches just above one), a categorical input's level codes k and
 * nextUp(k) (a code between two levels is an unknown category). Between two neighbouring values,
 * and below the first and from the last on, every predicate is constant, so a cell of the two
 * inputs' partitions has one points value and attribute. Null when the characteristic is not a
 * two-input constant-points one or compares with a non-finite constant.
 * @param c the rules characteristic
 * @returns the boundaries of input 0 and input 1, or null
 * @example pairBoundaries({ name: "u x v", feature: "u", type: "rules", reasonCode: "UV", inputs: [{ feature: "u" }, { feature: "v" }], attributes: [{ kind: "rule", when: { op: "and", args: [{ op: "lt", feature: "u", value: 2 }, { op: "ge", feature: "v", value: 1 }] }, points: 7 }], fallback: { points: 0 } }) // => [[2], [1]] (u < 2 switches at 2, v >= 1 at 1)
 */
export function pairBoundaries(c: RulesCharacteristic): readonly [number[], number[]] | null {
  if (c.inputs.length !== 2 || c.attributes.some((a) => a.expression !== undefined)) return null;
  const bounds = boundaries(c);
  if (bounds === null) return null;
  const of = (j: number): number[] => {
    const inp = c.inputs[j]!;
    if (inp.levels === undefined) return bounds.get(inp.feature)!;
    return inp.levels.flatMap((_, k) => [k, nextUp(k)]);
  };
  return [of(0), of(1)];
}

/**
 * The table form of a rules characteristic whose inputs sit at `idx[slot0 + j]`, or null when it
 * has points expressions, compares with a non-finite constant, or would need more than
 * MAX_TABLE_CELLS cells. Gives exactly the points and attribute (`ruleState.attr`) of
 * `compileRules` on every row.
 * @param c the rules characteristic
 * @param slot0 the position of its first input among the card's feature slots
 * @returns the evaluator, or null
 */
export function tabulateRules(c: RulesCharacteristic, slot0: number): RuleEval | null {
  if (c.attributes.some((a) => a.expression !== undefined)) return null;
  const bounds = boundaries(c);
  if (bounds === null) return null;
  const m = c.inputs.length;
  // per input: numeric boundaries (states: 0 missing, 1 + count of boundaries <= v) or categorical
  // level count (states: 0 missing, 1 unknown, 2 + level)
  const cuts: (Float64Array | null)[] = [];
  const levels = new Int32Array(m);
  const unknownMissing = new Uint8Array(m);
  const states = new Int32Array(m);
  let cells = 1;
  c.inputs.forEach((inp, j) => {
    if (inp.levels === undefined) {
      const b = Float64Array.from(bounds.get(inp.feature)!);
      cuts.push(b);
      states[j] = b.length + 2;
    } else {
      cuts.push(null);
      levels[j] = inp.levels.length;
      unknownMissing[j] = inp.unknownLevel === "missing" ? 1 : 0;
      states[j] = inp.levels.length + 2;
    }
    cells *= states[j]!;
  });
  if (cells > MAX_TABLE_CELLS) return null;
  const stride = new Int32Array(m);
  let s = 1;
  for (let j = m - 1; j >= 0; j--) {
    stride[j] = s;
    s *= states[j]!;
  }
  // fill: one representative row per cell through the compiled rules
  const ref = compileRules(c, 0);
  const values = new Float64Array(m);
  const missing = new Uint8Array(m);
  const ix = Int32Array.from({ length: m }, (_, j) => j);
  const pts = new Float64Array(cells);
  const attr = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    for (let j = 0; j < m; j++) {
      const st = Math.floor(cell / stride[j]!) % states[j]!;
      const b = cuts[j];
      missing[j] = st === 0 ? 1 : 0;
      if (b === null) values[j] = st <= 1 ? -1 : st - 2;
      else values[j] = st <= 1 ? Number.NEGATIVE_INFINITY : b[st - 2]!;
    }
    pts[cell] = ref(values, missing, 0, ix);
    attr[cell] = ruleState.attr;
  }
  const slots = Int32Array.from({ length: m }, (_, j) => slot0 + j);
  // The state of input j's value: 0 missing (or NaN); numeric 1 + boundaries <= v (a branch-free
  // count, as the scorer's general path, for up to 16 boundaries); categorical 2 + level, 1 unknown.
  const stateOf = (j: number, v: number, isMissing: boolean): number => {
    if (isMissing || Number.isNaN(v)) return 0;
    const b = cuts[j];
    if (b === null) {
      const n = levels[j]!;
      return Number.isInteger(v) && v >= 0 && v < n ? v + 2 : unknownMissing[j] === 1 ? 0 : 1;
    }
    if (b.length <= 16) {
      let st = 1;
      for (let k = 0; k < b.length; k++) st += +(b[k]! <= v);
      return st;
    }
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  if (m === 2) {
    // a pair term: both inputs read directly, no loop over inputs
    const a0 = slot0;
    const a1 = slot0 + 1;
    const w0 = stride[0]!;
    return (vals, miss, off, idx) => {
      const i0 = off + idx[a0]!;
      const i1 = off + idx[a1]!;
      const cell = stateOf(0, vals[i0]!, miss[i0] === 1) * w0 + stateOf(1, vals[i1]!, miss[i1] === 1);
      ruleState.attr = attr[cell]!;
      return pts[cell]!;
    };
  }
  return (vals, miss, off, idx) => {
    let cell = 0;
    for (let j = 0; j < m; j++) {
      const i = off + idx[slots[j]!]!;
      cell += stateOf(j, vals[i]!, miss[i] === 1) * stride[j]!;
    }
    ruleState.attr = attr[cell]!;
    return pts[cell]!;
  };
}
