/**
 * fast-check arbitraries and hand-made pieces of version 2 cards with two-input (pair) terms, shared by
 * the pair-kernel, tabulate-rules and report-shapes tests: predicates over a numeric and a categorical
 * input, the values that sit on, just above and between their constants, interval characteristics, the
 * `and` cell of a boosted pair grid, and a card wrapper.
 */
import fc from "fast-check";
import { evalPredicate } from "../../src/pmml/predicates";
import { type Predicate, parseScorecard, type RulesCharacteristic, type Scorecard } from "../../src/scorecard";
import { nextUp } from "../../src/scorecard/compile";

/** The levels of every categorical input here (codes 0, 1, 2). */
export const LEVELS = ["a", "b", "c"];
/** The comparison constants of the numeric predicates. */
export const CONSTS = [-2, 0, 0.5, 1, 3, 7];

/** A one-feature predicate: a comparison by one of `ops` with one of `values`, a set test or a missing test. */
const leaf = (
  feature: string,
  values: readonly (number | string)[],
  ops: readonly ("lt" | "le" | "gt" | "ge" | "eq" | "ne")[],
): fc.Arbitrary<Predicate> =>
  fc.oneof(
    fc.record({ op: fc.constantFrom(...ops), feature: fc.constant(feature), value: fc.constantFrom(...values) }),
    fc.record({
      op: fc.constantFrom("in", "notIn" as const),
      feature: fc.constant(feature),
      values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: Math.min(3, values.length - 1) }),
    }),
    fc.record({ op: fc.constantFrom("isMissing", "isNotMissing" as const), feature: fc.constant(feature) }),
  ) as fc.Arbitrary<Predicate>;

/** A one-feature numeric predicate over CONSTS. */
export const numLeaf = (feature: string) => leaf(feature, CONSTS, ["lt", "le", "gt", "ge", "eq", "ne"]);

/** A one-feature categorical predicate over LEVELS. */
export const catLeaf = (feature: string) => leaf(feature, LEVELS, ["eq", "ne"]);

/** A leaf over feature `f`: categorical when `f` is "g", numeric otherwise. */
export const leafOf = (f: string): fc.Arbitrary<Predicate> => (f === "g" ? catLeaf(f) : numLeaf(f));

/** A predicate over two features: a leaf, `and` of one leaf per input (a boosted cell), or any connective of leaves. */
export const pairPredicate = (a: string, b: string): fc.Arbitrary<Predicate> => {
  const leaf = fc.oneof(leafOf(a), leafOf(b));
  return fc.oneof(
    leaf,
    fc.tuple(leafOf(a), leafOf(b)).map(([p, q]): Predicate => ({ op: "and", args: [p, q] })),
    fc.record({
      op: fc.constantFrom("and", "or", "xor", "surrogate" as const),
      args: fc.array(leaf, { minLength: 2, maxLength: 3 }),
    }) as fc.Arbitrary<Predicate>,
  );
};

/** Numeric values on, just above, between, below and above CONSTS; NaN and the infinities. */
export const xValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...CONSTS),
  fc.constantFrom(...CONSTS).map(nextUp),
  fc.constantFrom(-5, -1, 0.25, 0.75, 2, 5, 9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
/** Category codes of LEVELS, and codes outside them (negative, too large, fractional, NaN). */
export const gCode: fc.Arbitrary<number> = fc.constantFrom(0, 1, 2, -1, 3, 1.5, nextUp(0), Number.NaN);

/**
 * A numeric characteristic of consecutive intervals cut at `cuts` (ascending, left-closed), interval i
 * worth `points[i]`, with a missing attribute when `missing` is given.
 */
export function intervals(
  feature: string,
  cuts: readonly number[],
  points: readonly number[],
  missing?: number,
  fallback = 0,
) {
  const edges = [null, ...cuts, null];
  return {
    name: feature,
    feature,
    type: "numeric" as const,
    reasonCode: feature.toUpperCase(),
    attributes: [
      ...edges.slice(1).map((upper, i) => ({ kind: "interval" as const, lower: edges[i]!, upper, points: points[i]! })),
      ...(missing === undefined ? [] : [{ kind: "missing" as const, points: missing }]),
    ],
    fallback: { points: fallback },
  };
}

/** A rule true when both `a` and `b` are (a cell of a boosted pair grid). */
export const andRule = (a: Predicate, b: Predicate, points: number) => ({
  kind: "rule" as const,
  when: { op: "and" as const, args: [a, b] },
  points,
});

/** A version 2 card, unscaled and unrounded, of the given characteristics (validated by parseScorecard). */
export const cardOf = (characteristics: readonly unknown[], basePoints = 0, name = "pairs"): Scorecard =>
  parseScorecard({
    format: "riskcard.scorecard",
    version: 2,
    name,
    scaling: null,
    rounding: "none",
    base: "separate",
    basePoints,
    characteristics,
  });

/**
 * A rules characteristic read directly: each input's value (null when missing or NaN; a categorical
 * input's code as its level, an unknown code as null or "?" by `unknownLevel`), then the attributes in
 * order with PMML 4.4 three-valued logic (`evalPredicate`), the first true one giving its points.
 * @returns [points, attribute index or -1 for the fallback]
 */
export function naiveRules(
  ch: RulesCharacteristic,
  value: (feature: string) => number,
  missing: (feature: string) => boolean,
): [number, number] {
  const env = new Map<string, number | string | null>();
  for (const inp of ch.inputs) {
    const v = value(inp.feature);
    if (missing(inp.feature) || Number.isNaN(v)) env.set(inp.feature, null);
    else if (inp.levels === undefined) env.set(inp.feature, v);
    else {
      const level = Number.isInteger(v) && v >= 0 && v < inp.levels.length ? inp.levels[v]! : null;
      env.set(inp.feature, level ?? (inp.unknownLevel === "missing" ? null : "?"));
    }
  }
  const a = ch.attributes.findIndex((at) => evalPredicate(at.when, env) === 1);
  return [a < 0 ? ch.fallback.points : ch.attributes[a]!.points!, a];
}
