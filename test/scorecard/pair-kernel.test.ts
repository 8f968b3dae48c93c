import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Characteristic,
  type RulesCharacteristic,
  type Scorecard,
  score,
  scoreBatch,
  scoreValue,
} from "../../src/scorecard";
import { compiledOf, nextUp } from "../../src/scorecard/compile";
import { andRule, CONSTS, cardOf, gCode, intervals, LEVELS, naiveRules, pairPredicate, xValue } from "./arbitraries";
import { naivePoints } from "./naive";

/**
 * The pair-term fast path (issue 20): a card whose rules characteristics are two-input terms over
 * features that have a binned (main) characteristic scores each pair from its inputs' bin states in
 * the padded kernels and one table cell. Checked against a naive evaluation written apart from the
 * code under test: each main characteristic read attribute by attribute (`naivePoints`), each pair
 * term's attributes read in order with PMML 4.4 three-valued logic (`evalPredicate`), the first true
 * one giving the points (else the fallback), summed from the base points in characteristic order.
 */

const pointsArb = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constantFrom(0.1, -2.75, 13.3));

const numericMain = (feature: string): fc.Arbitrary<Characteristic> =>
  fc
    .record({
      cuts: fc.uniqueArray(fc.constantFrom(...CONSTS), { minLength: 0, maxLength: 4 }),
      closure: fc.constantFrom("left" as const, "right" as const),
      special: fc.uniqueArray(fc.constantFrom(...CONSTS), { maxLength: 2 }),
      hasMissing: fc.boolean(),
      pts: fc.array(pointsArb, { minLength: 8, maxLength: 8 }),
    })
    .map(({ cuts, closure, special, hasMissing, pts }): Characteristic => {
      const b = [...cuts].sort((u, v) => u - v);
      const edges = [null, ...b, null];
      return {
        name: feature,
        feature,
        type: "numeric",
        closure,
        reasonCode: feature.toUpperCase(),
        attributes: [
          ...(special.length > 0 ? [{ kind: "special" as const, values: special, points: pts[7]! }] : []),
          ...edges
            .slice(1)
            .map((upper, i) => ({ kind: "interval" as const, lower: edges[i]!, upper, points: pts[i]! })),
          ...(hasMissing ? [{ kind: "missing" as const, points: pts[6]! }] : []),
        ],
        fallback: { points: -1.5 },
      };
    });

const categoricalMain: fc.Arbitrary<Characteristic> = fc
  .record({ pts: fc.array(pointsArb, { minLength: 3, maxLength: 3 }), hasMissing: fc.boolean() })
  .map(
    ({ pts, hasMissing }): Characteristic => ({
      name: "g",
      feature: "g",
      type: "categorical",
      levels: LEVELS,
      reasonCode: "G",
      attributes: [
        { kind: "categories", categories: ["a", "b"], points: pts[0]! },
        { kind: "categories", categories: ["c"], points: pts[1]! },
        ...(hasMissing ? [{ kind: "missing" as const, points: pts[2]! }] : []),
      ],
      fallback: { points: 4 },
    }),
  );

const FEATURE_PAIRS: readonly [string, string][] = [
  ["x", "y"],
  ["y", "x"],
  ["x", "g"],
  ["g", "y"],
];

const pairTerm = (q: number): fc.Arbitrary<RulesCharacteristic> =>
  fc
    .constantFrom(...FEATURE_PAIRS)
    .chain(([a, b]) =>
      fc.record({
        a: fc.constant(a),
        b: fc.constant(b),
        whens: fc.array(pairPredicate(a, b), { minLength: 1, maxLength: 6 }),
        pts: fc.array(pointsArb, { minLength: 6, maxLength: 6 }),
        fallback: pointsArb,
        unknownLevel: fc.constantFrom("missing" as const, "asIs" as const),
      }),
    )
    .map(({ a, b, whens, pts, fallback, unknownLevel }) => {
      const input = (f: string) => (f === "g" ? { feature: f, levels: LEVELS, unknownLevel } : { feature: f });
      return {
        name: `${a} x ${b} ${q}`,
        feature: a,
        type: "rules" as const,
        reasonCode: `P${q}`,
        inputs: [input(a), input(b)],
        attributes: whens.map((when, i) => ({ kind: "rule" as const, when, points: pts[i]! })),
        fallback: { points: fallback },
      };
    });

const cardArb = fc
  .record({
    x: numericMain("x"),
    y: numericMain("y"),
    g: categoricalMain,
    order: fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0]),
    pairs: fc.integer({ min: 1, max: 3 }).chain((m) => fc.tuple(...Array.from({ length: m }, (_, q) => pairTerm(q)))),
  })
  .map(({ x, y, g, order, pairs }) => {
    const mains = [x, y, g];
    return cardOf([...order.map((i) => mains[i]!), ...pairs], 100.25);
  });

const rowArb = fc.record({
  x: xValue,
  y: xValue,
  g: gCode,
  xm: fc.boolean(),
  ym: fc.boolean(),
  gm: fc.boolean(),
});
type Row = { x: number; y: number; g: number; xm: boolean; ym: boolean; gm: boolean };

/** The naive reading: per characteristic [points, attribute], and the total summed in characteristic order. */
function naive(card: Scorecard, r: Row): { total: number; points: number[]; attrs: number[] } {
  const val = { x: r.x, y: r.y, g: r.g } as Record<string, number>;
  const miss = { x: r.xm, y: r.ym, g: r.gm } as Record<string, boolean>;
  let total = card.basePoints;
  const points: number[] = [];
  const attrs: number[] = [];
  for (const ch of card.characteristics) {
    let p: number;
    let a: number;
    if (ch.type === "rules")
      [p, a] = naiveRules(
        ch,
        (f) => val[f]!,
        (f) => miss[f]!,
      );
    else [p, a] = naivePoints(ch, val[ch.feature]!, miss[ch.feature]!);
    total += p;
    points.push(p);
    attrs.push(a);
  }
  return { total, points, attrs };
}

function vectorOf(rows: readonly Row[], names: readonly string[]) {
  const values = new Float64Array(rows.length * names.length);
  const missing = new Uint8Array(values.length);
  rows.forEach((r, i) => {
    names.forEach((f, j) => {
      values[i * names.length + j] = (r as unknown as Record<string, number>)[f]!;
      missing[i * names.length + j] = (r as unknown as Record<string, boolean>)[`${f}m`] ? 1 : 0;
    });
  });
  return { names, values, missing };
}

describe("pair terms scored from their inputs' bin states (the fast pair path)", () => {
  it("score, scoreValue and scoreBatch equal the naive reading on random cards and rows (property)", () => {
    const names = ["g", "w", "y", "x"];
    let fast = 0;
    const widths = new Set<number>();
    const steps16 = new Set<number>();
    fc.assert(
      fc.property(cardArb, fc.array(rowArb, { minLength: 1, maxLength: 12 }), (card, rows) => {
        const k = compiledOf(card);
        const nPairs = card.characteristics.length - 3;
        // every pair's inputs have a main term and the refined partitions stay within 31 boundaries
        expect(k.nPairs).toBe(nPairs);
        expect(k.width).toBeGreaterThan(0);
        widths.add(k.width);
        // each padded characteristic's own search length: 3 steps up to 7 boundaries, 4 up to 15, else 5
        for (let c = 0; c < k.nPadded; c++) {
          const m = k.cutStart[c + 1]! - k.cutStart[c]!;
          expect(k.psteps[c]).toBe(m <= 7 ? 3 : m <= 15 ? 4 : 5);
          if (k.width === 16) steps16.add(k.psteps[c]!);
        }
        fast++;
        const batch = vectorOf(rows, names);
        const totals = scoreBatch(card, batch);
        rows.forEach((r, i) => {
          const want = naive(card, r);
          const vec = vectorOf([r], names);
          const res = score(card, vec);
          expect(res.score).toBe(want.total);
          expect(Array.from(res.points)).toEqual(want.points);
          expect(Array.from(res.attributes)).toEqual(want.attrs);
          expect(scoreValue(card, vec)).toBe(want.total);
          const pts = new Float64Array(card.characteristics.length);
          expect(scoreValue(card, vec, pts)).toBe(want.total);
          expect(Array.from(pts)).toEqual(want.points);
          expect(totals[i]).toBe(want.total);
        });
      }),
      { numRuns: 300 },
    );
    expect(fast).toBe(300);
    // both the 8-wide and the 16-wide kernels were exercised (32: the next test), and the 16-wide pair
    // kernel both with and without its top search step
    expect([...widths].sort()).toEqual([16, 8]);
    expect([...steps16].sort()).toEqual([3, 4]);
  });

  it("scoreBatch over more rows than one kernel call takes (256) equals the naive reading row by row (property)", () => {
    const names = ["x", "g", "y"];
    fc.assert(
      fc.property(cardArb, fc.array(rowArb, { minLength: 257, maxLength: 600 }), (card, rows) => {
        const totals = scoreBatch(card, vectorOf(rows, names));
        expect(totals).toHaveLength(rows.length);
        rows.forEach((r, i) => {
          expect(totals[i]).toBe(naive(card, r).total);
        });
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });

  it("on the 32-wide kernels: a main term with 20 boundaries, every row against the naive reading", () => {
    const cuts = Array.from({ length: 20 }, (_, i) => i / 2);
    const zCuts = Array.from({ length: 10 }, (_, i) => i - 3);
    const card = cardOf(
      [
        intervals(
          "x",
          cuts,
          [null, ...cuts].map((_, i) => (i * 7) % 5),
        ),
        intervals("y", [0], [1, 2]),
        // 10 boundaries: a 4-step search in the 32-wide layout (the pair kernel skips the top step)
        intervals(
          "g",
          zCuts,
          [null, ...zCuts].map((_, i) => i - 4.5),
        ),
        {
          name: "x x y",
          feature: "x",
          type: "rules",
          reasonCode: "XY",
          inputs: [{ feature: "x" }, { feature: "y" }],
          attributes: [
            {
              kind: "rule",
              when: {
                op: "and",
                args: [
                  { op: "le", feature: "x", value: 3.25 },
                  { op: "gt", feature: "y", value: 1 },
                ],
              },
              points: 4,
            },
            { kind: "rule", when: { op: "in", feature: "x", values: [8, 8.75] }, points: -6 },
            { kind: "rule", when: { op: "isMissing", feature: "y" }, points: 2.5 },
          ],
          fallback: { points: -0.5 },
        },
      ],
      7,
      "wide",
    );
    expect(compiledOf(card).width).toBe(32);
    expect(compiledOf(card).nPairs).toBe(1);
    expect(compiledOf(card).psteps).toEqual([5, 3, 4]);
    const xs = [
      -1,
      ...cuts,
      ...cuts.map(nextUp),
      ...cuts.map((c) => c + 0.25),
      3.25,
      nextUp(3.25),
      8.75,
      99,
      Number.NaN,
    ];
    const rows: Row[] = [];
    const zs = [-4, -3, nextUp(-3), 0.5, 6, 7];
    for (const x of xs)
      for (const y of [-1, 0, 1, nextUp(1), 2, Number.NaN])
        for (const m of [false, true])
          rows.push(
            { x, y, g: zs[rows.length % zs.length]!, xm: false, ym: m, gm: false },
            { x, y, g: zs[(rows.length + 1) % zs.length]!, xm: m, ym: false, gm: false },
          );
    const names = ["x", "y", "g"];
    const totals = scoreBatch(card, vectorOf(rows, names));
    rows.forEach((r, i) => {
      const want = naive(card, r);
      const res = score(card, vectorOf([r], names));
      expect(res.score).toBe(want.total);
      expect(Array.from(res.attributes)).toEqual(want.attrs);
      expect(totals[i]).toBe(want.total);
    });
    expect(rows.length).toBe(xs.length * 6 * 4);
  });

  it("takes the fast path on a hand-made pair and gives the hand-computed scores", () => {
    // u: [-inf, 1) 3, [1, +inf) 11, missing 5; v: [-inf, 2) -2, [2, +inf) 6; pair u x v: u < 0.5 and v >= 2: 7,
    // else u >= 0.5: -4, fallback 0.5 (u missing and not the first rule)
    const card = cardOf(
      [
        intervals("u", [1], [3, 11], 5),
        intervals("v", [2], [-2, 6]),
        {
          name: "u x v",
          feature: "u",
          type: "rules",
          reasonCode: "UV",
          inputs: [{ feature: "u" }, { feature: "v" }],
          attributes: [
            andRule({ op: "lt", feature: "u", value: 0.5 }, { op: "ge", feature: "v", value: 2 }, 7),
            { kind: "rule", when: { op: "ge", feature: "u", value: 0.5 }, points: -4 },
          ],
          fallback: { points: 0.5 },
        },
      ],
      100,
      "hand",
    );
    expect(compiledOf(card).nPairs).toBe(1);
    const at = (u: number, v: number, um = 0) =>
      score(card, { names: ["u", "v"], values: Float64Array.of(u, v), missing: Uint8Array.of(um, 0) });
    // u 0.2, v 3: 100 + 3 + 6 + 7 = 116, pair attribute 0
    expect(at(0.2, 3).score).toBe(116);
    expect(Array.from(at(0.2, 3).attributes)).toEqual([0, 1, 0]);
    // u 0.5 (the pair's boundary, inside u's first interval), v 3: 100 + 3 + 6 - 4 = 105, pair attribute 1
    expect(at(0.5, 3).score).toBe(105);
    expect(Array.from(at(0.5, 3).attributes)).toEqual([0, 1, 1]);
    // u 0.2, v 1: no rule is true: 100 + 3 - 2 + 0.5 = 101.5, pair attribute -1
    expect(at(0.2, 1).score).toBe(101.5);
    expect(at(0.2, 1).attributes[2]).toBe(-1);
    // u missing, v 3: u < 0.5 is unknown, so the `and` is unknown and u >= 0.5 unknown: 100 + 5 + 6 + 0.5 = 111.5
    expect(at(0, 3, 1).score).toBe(111.5);
    expect(Array.from(at(0, 3, 1).attributes)).toEqual([2, 1, -1]);
  });

  it("leaves a pair whose input has no main term, or a three-input term, to the rules tail", () => {
    const main = intervals("u", [], [1]);
    const rules = (inputs: string[]) => ({
      name: inputs.join(" x "),
      feature: inputs[0],
      type: "rules",
      reasonCode: "R",
      inputs: inputs.map((feature) => ({ feature })),
      attributes: [{ kind: "rule", when: { op: "lt", feature: inputs[1], value: 2 }, points: 9 }],
      fallback: { points: -9 },
    });
    const names = ["u", "v", "w"];
    const vec = { names, values: Float64Array.of(0, 1, 5), missing: new Uint8Array(3) };
    for (const card of [
      cardOf([main, rules(["u", "v"])]),
      cardOf([main, { ...main, name: "v", feature: "v" }, rules(["u", "v", "w"])]),
    ]) {
      expect(compiledOf(card).nPairs).toBe(0);
      expect(compiledOf(card).width).toBe(8);
    }
    // v < 2 holds (v = 1): 1 + 9
    expect(scoreValue(cardOf([main, rules(["u", "v"])]), vec)).toBe(10);
    // the rules tail after the padded kernel, and the general path (rules first), over 600 rows (three
    // kernel calls of at most 256 rows): u's one interval gives 1 point; v < 2 gives 9, v >= 2 or v
    // missing (unknown) the fallback -9
    const rows = 600;
    const values = new Float64Array(rows * 3);
    const missing = new Uint8Array(rows * 3);
    for (let r = 0; r < rows; r++) {
      values[r * 3 + 1] = (r % 7) - 2;
      missing[r * 3 + 1] = r % 5 === 0 ? 1 : 0;
    }
    const want = Array.from({ length: rows }, (_, r) => 1 + (r % 5 !== 0 && (r % 7) - 2 < 2 ? 9 : -9));
    for (const card of [cardOf([main, rules(["u", "v"])]), cardOf([rules(["u", "v"]), main])])
      expect(Array.from(scoreBatch(card, { names, values, missing }))).toEqual(want);
    expect(compiledOf(cardOf([rules(["u", "v"]), main])).width).toBe(0);
  });
});
