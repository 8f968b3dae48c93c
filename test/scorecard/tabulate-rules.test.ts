import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evalPredicate } from "../../src/pmml/predicates";
import { type Predicate, type RulesCharacteristic, score, scoreBatch, scoreValue } from "../../src/scorecard";
import { compiledOf, nextUp } from "../../src/scorecard/compile";
import { compileRules, ruleState } from "../../src/scorecard/compile-rules";
import { MAX_TABLE_CELLS, tabulateRules } from "../../src/scorecard/tabulate-rules";
import { andRule, cardOf, gCode, intervals, LEVELS, naiveRules, pairPredicate, xValue } from "./arbitraries";
import { naivePoints } from "./naive";

/**
 * The table form of a rules characteristic (a boosted card's pair terms) against two references:
 * the compiled closures (`compileRules`) and a direct reading of the attributes with PMML
 * three-valued logic (`evalPredicate`), on rows that sit on, just above and between the
 * comparison constants, missing, NaN and unknown categories.
 */

const predicate = pairPredicate("x", "g");

function characteristic(
  whens: readonly Predicate[],
  unknownLevel: "missing" | "asIs",
  fallback: number,
): RulesCharacteristic {
  return {
    name: "x with g",
    feature: "x",
    type: "rules",
    reasonCode: "XG",
    inputs: [{ feature: "x" }, { feature: "g", levels: LEVELS, unknownLevel }],
    attributes: whens.map((when, i) => ({ kind: "rule" as const, when, points: 10 * i - 15 })),
    fallback: { points: fallback },
  };
}

describe("tabulateRules: the table gives the closures' and the direct reading's points and attribute", () => {
  it("on random two-input characteristics and rows (property)", () => {
    let tabulated = 0;
    fc.assert(
      fc.property(
        fc.array(predicate, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("missing" as const, "asIs" as const),
        fc.array(fc.tuple(xValue, fc.boolean(), gCode, fc.boolean()), { minLength: 1, maxLength: 20 }),
        (whens, unknownLevel, rows) => {
          const ch = characteristic(whens, unknownLevel, -99);
          const table = tabulateRules(ch, 0);
          expect(table).not.toBeNull();
          tabulated++;
          const closures = compileRules(ch, 0);
          const idx = Int32Array.of(0, 1);
          for (const [x, xm, g, gm] of rows) {
            const values = Float64Array.of(x, g);
            const missing = Uint8Array.of(xm ? 1 : 0, gm ? 1 : 0);
            const want = closures(values, missing, 0, idx);
            const wantAttr = ruleState.attr;
            expect(table!(values, missing, 0, idx)).toBe(want);
            expect(ruleState.attr).toBe(wantAttr);
            // direct reading: a missing or NaN input is null; a code outside the levels an unknown category
            const [direct, hit] = naiveRules(
              ch,
              (f) => (f === "x" ? x : g),
              (f) => (f === "x" ? xm : gm),
            );
            expect(want).toBe(direct);
            expect(wantAttr).toBe(hit);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(tabulated).toBe(400);
  });

  it("over more than 16 boundaries (the binary search) on every value between and at them", () => {
    const vals = Array.from({ length: 12 }, (_, i) => i * 1.5);
    const ch = characteristic(
      [
        {
          op: "and",
          args: [
            { op: "in", feature: "x", values: vals.slice(0, 6) },
            { op: "eq", feature: "g", value: "b" },
          ],
        },
        { op: "ge", feature: "x", value: 9 },
        { op: "le", feature: "x", value: 4.5 },
      ],
      "asIs",
      -1,
    );
    const table = tabulateRules(ch, 0)!;
    const closures = compileRules(ch, 0);
    const idx = Int32Array.of(0, 1);
    let rows = 0;
    for (const x of [-3, ...vals, ...vals.map(nextUp), ...vals.map((v) => v + 0.7), 40])
      for (const g of [0, 1, 2, -1]) {
        const values = Float64Array.of(x, g);
        const missing = new Uint8Array(2);
        expect(table(values, missing, 0, idx)).toBe(closures(values, missing, 0, idx));
        rows++;
      }
    expect(rows).toBe(4 * 38);
  });

  it("leaves expressions, non-finite constants and oversized grids to the closures", () => {
    const base = characteristic([{ op: "lt", feature: "x", value: 1 }], "asIs", 0);
    expect(
      tabulateRules(
        {
          ...base,
          attributes: [{ kind: "rule", when: { op: "true" }, expression: { op: "field", feature: "x" } }],
          baselineScore: 0,
        },
        0,
      ),
    ).toBeNull();
    expect(
      tabulateRules(
        { ...base, attributes: [{ kind: "rule", when: { op: "lt", feature: "x", value: Infinity }, points: 1 }] },
        0,
      ),
    ).toBeNull();
    // 4096 cells at most: x with n constants has n + 2 states, g has 5, so n = 818 exceeds the limit
    const many = Array.from({ length: Math.ceil(MAX_TABLE_CELLS / 5) }, (_, i) => i);
    expect(
      tabulateRules(
        { ...base, attributes: [{ kind: "rule", when: { op: "in", feature: "x", values: many }, points: 1 }] },
        0,
      ),
    ).toBeNull();
  });
});

describe("a card with pair terms after its binned characteristics: padded kernel plus table tail", () => {
  const pair: RulesCharacteristic = {
    name: "u x v",
    feature: "u",
    type: "rules",
    reasonCode: "UV",
    inputs: [{ feature: "u" }, { feature: "v" }],
    attributes: [
      andRule({ op: "isMissing", feature: "u" }, { op: "isNotMissing", feature: "v" }, -4),
      andRule({ op: "lt", feature: "u", value: 2 }, { op: "ge", feature: "v", value: 1 }, 7),
      andRule({ op: "ge", feature: "u", value: 2 }, { op: "lt", feature: "v", value: 1 }, -3.5),
    ],
    fallback: { points: 0.25 },
  };
  const numericChar = (f: string) => intervals(f, [1, 2.5], [3, 11, -2], 5, -1);
  const tail = cardOf([numericChar("u"), numericChar("v"), pair], 100.5);
  const head = cardOf([pair, numericChar("u"), numericChar("v")], 100.5);

  it("takes the padded path for the binned prefix only when the rules come last", () => {
    expect(compiledOf(tail).width).toBe(8);
    expect(compiledOf(tail).nPadded).toBe(2);
    expect(compiledOf(head).width).toBe(0);
  });

  it("every scoring entry point equals the naive sum, in both characteristic orders (property)", () => {
    const val = fc.oneof(
      fc.constantFrom(0, 1, 2, 2.5, 3, nextUp(1), nextUp(2)),
      fc.double({ min: -5, max: 5, noNaN: true }),
    );
    const names = ["v", "u"];
    fc.assert(
      fc.property(val, val, fc.boolean(), fc.boolean(), (u, v, um, vm) => {
        const vec = { names, values: Float64Array.of(v, u), missing: Uint8Array.of(vm ? 1 : 0, um ? 1 : 0) };
        const env = new Map<string, number | null>([
          ["u", um ? null : u],
          ["v", vm ? null : v],
        ]);
        const hit = pair.attributes.findIndex((a) => evalPredicate(a.when, env) === 1);
        const pairPts = hit < 0 ? 0.25 : pair.attributes[hit]!.points!;
        const [pu, au] = naivePoints(tail.characteristics[0]!, u, um);
        const [pv, av] = naivePoints(tail.characteristics[1]!, v, vm);
        for (const [card, order] of [
          [tail, [pu, pv, pairPts]],
          [head, [pairPts, pu, pv]],
        ] as const) {
          const want = 100.5 + order[0] + order[1] + order[2];
          const r = score(card, vec);
          expect(r.score).toBe(want);
          expect(scoreValue(card, vec)).toBe(want);
          expect(scoreBatch(card, vec)[0]).toBe(want);
          const pts = new Float64Array(3);
          expect(scoreValue(card, vec, pts)).toBe(want);
          expect(Array.from(pts)).toEqual([...order]);
          expect(Array.from(r.points)).toEqual([...order]);
        }
        expect(Array.from(score(tail, vec).attributes)).toEqual([au, av, hit]);
      }),
      { numRuns: 500 },
    );
  });
});
