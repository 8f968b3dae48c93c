import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScorecardOrThrow, type Scorecard, score, scoreBatch, scoreValue } from "../../src/scorecard";
import { compiledOf } from "../../src/scorecard/compile";
import { naivePoints } from "./naive";

/**
 * The scoring kernels: the padded layout of width 8, 16 or 32 (an unrolled binary search; one
 * total-only kernel per width for scoreValue/scoreBatch, one kernel with outputs for score) and
 * the general path (more than 31 boundaries in a characteristic). Every path must give the numbers
 * of a naive reading of the attributes, summed from the base in characteristic order.
 */

/** A numeric characteristic over feature `f{feature}` with the given sorted integer cut points. */
function numeric(
  c: number,
  feature: number,
  cuts: readonly number[],
  right: boolean,
  special: number | null,
  hasMissing: boolean,
  pts: (i: number) => number,
): Record<string, unknown> {
  const bounds = [null, ...cuts, null];
  const attributes: Record<string, unknown>[] = [];
  // The first interval is left out: values below the first cut fall to the fallback.
  for (let i = 1; i < bounds.length - 1; i++)
    attributes.push({ kind: "interval", lower: bounds[i], upper: bounds[i + 1], points: pts(i) });
  if (special !== null) attributes.push({ kind: "special", values: [special], points: pts(100) });
  if (hasMissing) attributes.push({ kind: "missing", points: pts(200) });
  return {
    name: `c${c}`,
    feature: `f${feature}`,
    type: "numeric",
    closure: right ? "right" : "left",
    reasonCode: `R${c % 4}`,
    attributes,
    fallback: { points: -7.5 },
  };
}

function card(characteristics: Record<string, unknown>[], basePoints = 17.25): Scorecard {
  return loadScorecardOrThrow({
    format: "riskcard.scorecard",
    version: 1,
    name: "paths",
    scaling: null,
    rounding: "none",
    base: "separate",
    basePoints,
    characteristics,
  });
}

/** Scores `rows` every way (score, scoreValue with and without points, scoreBatch) and checks each against the naive sum. */
function checkAllPaths(
  sc: Scorecard,
  names: readonly string[],
  rows: readonly { values: number[]; missing: number[] }[],
): void {
  const p = names.length;
  const values = new Float64Array(rows.length * p);
  const missing = new Uint8Array(rows.length * p);
  rows.forEach((r, i) => {
    values.set(r.values, i * p);
    missing.set(r.missing, i * p);
  });
  const batch = scoreBatch(sc, { names, values, missing });
  const n = sc.characteristics.length;
  const pts = new Float64Array(n);
  rows.forEach((r, i) => {
    const v = { names, values: Float64Array.from(r.values), missing: Uint8Array.from(r.missing) };
    let expected = sc.basePoints;
    const expPoints: number[] = [];
    const expAttrs: number[] = [];
    sc.characteristics.forEach((ch) => {
      const f = names.indexOf(ch.feature);
      const [pt, at] = naivePoints(ch, r.values[f]!, r.missing[f] === 1);
      expected += pt;
      expPoints.push(pt);
      expAttrs.push(at);
    });
    const single = score(sc, v);
    expect(Object.is(single.score, expected)).toBe(true);
    expect([...single.points]).toEqual(expPoints);
    expect([...single.attributes]).toEqual(expAttrs);
    expect(Object.is(scoreValue(sc, v), expected)).toBe(true);
    expect(Object.is(scoreValue(sc, v, pts), expected)).toBe(true);
    expect([...pts]).toEqual(expPoints);
    expect(Object.is(batch[i], expected)).toBe(true);
  });
}

const NAMES = Object.freeze(["f0", "f1", "f2", "f3"]);
const valueArb = fc.oneof(
  { arbitrary: fc.integer({ min: -55, max: 55 }), weight: 4 },
  { arbitrary: fc.double({ min: -55, max: 55, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0), weight: 1 },
);
// Missing flags other than 0 and 1 are outside the FeatureVector contract; scoring reads only 1 as missing.
const rowArb = fc.record({
  values: fc.array(valueArb, { minLength: 4, maxLength: 4 }),
  missing: fc.array(fc.constantFrom(0, 0, 0, 1, 2), { minLength: 4, maxLength: 4 }),
});
const charArb = fc.record({
  // Up to 40 cut points (plus two boundaries for a special value): every width and the general path.
  cuts: fc
    .integer({ min: 1, max: 40 })
    .chain((k) => fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: k, maxLength: k })),
  right: fc.boolean(),
  special: fc.option(fc.integer({ min: -55, max: 55 })),
  hasMissing: fc.boolean(),
  feature: fc.integer({ min: 0, max: 3 }),
  scale: fc.double({ min: -3, max: 3, noNaN: true }),
});

describe("scoring kernels (padded widths 8/16/32 and the general path)", () => {
  it("every path agrees with the naive reading, bit for bit, on random multi-characteristic cards (property)", () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(
        fc.array(charArb, { minLength: 1, maxLength: 6 }),
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        (chars, rows) => {
          const sc = card(
            chars.map((s, c) =>
              numeric(
                c,
                s.feature,
                [...s.cuts].sort((a, b) => a - b),
                s.right,
                s.special,
                s.hasMissing,
                (i) => i * s.scale + 0.125,
              ),
            ),
          );
          seen.add(compiledOf(sc).width);
          checkAllPaths(sc, NAMES, rows);
        },
      ),
      { numRuns: 300 },
    );
    // The generator reaches every kernel.
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 8, 16, 32]);
  });

  it("picks the width from the most boundaries in any characteristic: 7 -> 8, 8 -> 16, 15 -> 16, 16 -> 32, 31 -> 32, 32 -> general", () => {
    // k cut points with the first interval left out give k boundaries.
    const cuts = (k: number) => Array.from({ length: k }, (_, i) => i * 2 - k);
    for (const [k, w] of [
      [7, 8],
      [8, 16],
      [15, 16],
      [16, 32],
      [31, 32],
      [32, 0],
    ] as const) {
      const sc = card([
        numeric(0, 0, cuts(2), false, null, true, (i) => i),
        numeric(1, 1, cuts(k), true, null, false, (i) => i * 10),
      ]);
      expect(compiledOf(sc).width).toBe(w);
      // Every boundary, the doubles either side of it, and the extremes.
      const probes: number[] = [
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        Number.NaN,
        -Number.MAX_VALUE,
        Number.MAX_VALUE,
      ];
      for (const b of cuts(k)) probes.push(b, b - 1e-9, b + 1e-9, b - 2 ** -40, b + 2 ** -40);
      const rows = probes.map((x) => ({ values: [0.5, x, 0, 0], missing: [0, 0, 0, 0] }));
      rows.push({ values: [0, 0, 0, 0], missing: [1, 1, 0, 0] });
      checkAllPaths(sc, NAMES, rows);
    }
  });

  it("categorical characteristics with many levels (wide and general layouts) score as the naive reading", () => {
    for (const levelsCount of [3, 7, 15, 40]) {
      const levels = Array.from({ length: levelsCount }, (_, i) => `L${i}`);
      const attributes = [
        { kind: "categories", categories: levels.filter((_, i) => i % 3 === 0), points: 4 },
        { kind: "categories", categories: levels.filter((_, i) => i % 3 === 1), points: -6 },
        { kind: "missing", points: -11 },
      ];
      const sc = card([
        {
          name: "cat",
          feature: "f0",
          type: "categorical",
          levels,
          reasonCode: "C",
          attributes,
          fallback: { points: -2 },
        },
        numeric(1, 1, [0, 10, 20], false, -1, false, (i) => i * 1.5),
      ]);
      const rows = [-2, -1, -0.5, 0, 0.5, 1, 2, levelsCount - 1, levelsCount, 1.5, Number.NaN].map((x) => ({
        values: [x, x * 7, 0, 0],
        missing: [0, 0, 0, 0],
      }));
      rows.push({ values: [1, 5, 0, 0], missing: [1, 0, 0, 0] });
      checkAllPaths(sc, NAMES, rows);
    }
  });

  it("a card read through several names arrays in turn keeps each array's own feature positions", () => {
    const sc = card([
      numeric(0, 0, [0, 10], false, null, false, (i) => i * 3),
      numeric(1, 2, [5], true, null, false, (i) => i + 1),
    ]);
    const a = Object.freeze(["f0", "f1", "f2"]);
    const b = Object.freeze(["f2", "f0"]);
    const va = { names: a, values: Float64Array.of(3, 0, 6), missing: new Uint8Array(3) };
    const vb = { names: b, values: Float64Array.of(6, 3), missing: new Uint8Array(2) };
    // f0 = 3 in [0, 10): interval 1, 3 points; f2 = 6 in (5, inf]: interval 1, 2 points; 17.25 + 3 + 2.
    for (let i = 0; i < 3; i++) {
      expect(scoreValue(sc, va)).toBe(22.25);
      expect(scoreValue(sc, vb)).toBe(22.25);
    }
  });
});
