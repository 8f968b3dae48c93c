import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../../src/features/types";
import { loadScorecardOrThrow, reasonCodes, type Scorecard, score, scoreBatch, scoreValue } from "../../src/scorecard";
import { pmmlSample } from "./pmml-sample";

/** A random numeric card: each characteristic has sorted cut points, random points, a missing attribute or not. */
const cardArb = fc
  .array(
    fc.record({
      cuts: fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 5 }),
      pts: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
      hasMissing: fc.boolean(),
      right: fc.boolean(),
      special: fc.option(fc.integer({ min: -60, max: 60 })),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((specs) =>
    loadScorecardOrThrow({
      format: "riskcard.scorecard",
      version: 1,
      name: "random",
      scaling: null,
      rounding: "none",
      base: "separate",
      basePoints: 17.25,
      characteristics: specs.map((s, c) => {
        const cuts = [...s.cuts].sort((a, b) => a - b);
        const bounds = [null, ...cuts, null];
        const attributes: Record<string, unknown>[] = [];
        // Leave the first interval out to create a gap that falls to the fallback.
        for (let i = 1; i < bounds.length - 1; i++)
          attributes.push({ kind: "interval", lower: bounds[i], upper: bounds[i + 1], points: s.pts[i]! });
        if (s.special !== null) attributes.push({ kind: "special", values: [s.special], points: s.pts[0]! });
        if (s.hasMissing) attributes.push({ kind: "missing", points: s.pts[5]! });
        return {
          name: `c${c}`,
          feature: `f${c % 5}`,
          type: "numeric",
          closure: s.right ? "right" : "left",
          reasonCode: `R${c % 3}`,
          attributes,
          fallback: { points: -7.5 },
        };
      }),
    }),
  );

const rowArb = fc.array(fc.option(fc.integer({ min: -70, max: 70 }), { freq: 4 }), { minLength: 5, maxLength: 5 });
const NAMES = Object.freeze(["f0", "f1", "f2", "f3", "f4"]);
const vec = (row: (number | null)[], names: readonly string[] = NAMES): FeatureVector => ({
  names,
  values: Float64Array.from(row, (v) => v ?? 0),
  missing: Uint8Array.from(row, (v) => (v === null ? 1 : 0)),
});

describe("score", () => {
  it("single, value-only and batch scoring give identical numbers (property)", () => {
    fc.assert(
      fc.property(cardArb, fc.array(rowArb, { minLength: 1, maxLength: 20 }), (card, rows) => {
        const values = new Float64Array(rows.length * 5);
        const missing = new Uint8Array(rows.length * 5);
        rows.forEach((r, i) => {
          const v = vec(r);
          values.set(v.values, i * 5);
          missing.set(v.missing, i * 5);
        });
        const batch = scoreBatch(card, { names: NAMES, values, missing });
        rows.forEach((r, i) => {
          const single = score(card, vec(r));
          expect(Object.is(single.score, batch[i])).toBe(true);
          expect(Object.is(scoreValue(card, vec(r)), batch[i])).toBe(true);
          // The total is the base plus the per-characteristic points, in order.
          let sum = card.basePoints;
          for (const p of single.points) sum += p;
          expect(Object.is(sum, single.score)).toBe(true);
          expect(Number.isFinite(single.score)).toBe(true);
        });
      }),
    );
  });

  it("never scores a missing or unmatched value as zero silently (property)", () => {
    fc.assert(
      fc.property(cardArb, rowArb, (card, row) => {
        const r = score(card, vec(row));
        card.characteristics.forEach((ch, c) => {
          const a = r.attributes[c]!;
          const expected = a === -1 ? ch.fallback.points : ch.attributes[a]!.points;
          expect(r.points[c]).toBe(expected);
          const value = row[Number(ch.feature.slice(1))];
          if (value === null) expect(a === -1 || ch.attributes[a]!.kind === "missing").toBe(true);
          else if (a !== -1) expect(ch.attributes[a]!.kind).not.toBe("missing");
        });
      }),
    );
  });

  it("resolves names by name, whatever the order of the vector", () => {
    const card = loadScorecardOrThrow(pmmlSample());
    const a = {
      names: Object.freeze(["department", "age", "income"]),
      values: Float64Array.of(1, 25, 500),
      missing: new Uint8Array(3),
    };
    const b = {
      names: Object.freeze(["x", "income", "age", "department"]),
      values: Float64Array.of(9, 500, 25, 1),
      missing: new Uint8Array(4),
    };
    expect(score(card, a).score).toBe(29);
    expect(score(card, b).score).toBe(29);
    expect(scoreValue(card, a)).toBe(29);
    expect(scoreValue(card, b)).toBe(29);
  });

  it("reuses caller buffers", () => {
    const card = loadScorecardOrThrow(pmmlSample());
    const out = { points: new Float64Array(3), attributes: new Int32Array(3) };
    const v = {
      names: Object.freeze(["department", "age", "income"]),
      values: Float64Array.of(1, 25, 500),
      missing: new Uint8Array(3),
    };
    const r = score(card, v, out);
    expect(r.points).toBe(out.points);
    expect([...out.attributes]).toEqual([2, 2, 1]);
    const pts = new Float64Array(3);
    expect(scoreValue(card, v, pts)).toBe(29);
    expect([...pts]).toEqual([3, 0, 26]);
    expect(reasonCodes(card, pts, { max: 1 })).toHaveLength(1);
  });

  it("rejects bad input with TypeError/RangeError", () => {
    const card = loadScorecardOrThrow(pmmlSample());
    const v = {
      names: Object.freeze(["department", "age", "income"]),
      values: Float64Array.of(1, 25, 500),
      missing: new Uint8Array(3),
    };
    expect(() => score({ ...card } as Scorecard, v)).toThrow(TypeError);
    expect(() =>
      score(card, {
        ...v,
        names: Object.freeze(["department", "age"]),
        values: Float64Array.of(1, 2),
        missing: new Uint8Array(2),
      }),
    ).toThrow(RangeError);
    expect(() => score(card, { ...v, values: [1, 25, 500] as unknown as Float64Array })).toThrow(TypeError);
    expect(() => score(card, { ...v, missing: new Uint8Array(2) })).toThrow(RangeError);
    expect(() => score(card, null as unknown as FeatureVector)).toThrow(TypeError);
    expect(() => score(card, v, { points: new Float64Array(1), attributes: new Int32Array(3) })).toThrow(RangeError);
    expect(() => scoreValue(card, { ...v, missing: new Uint8Array(2) })).toThrow(RangeError);
    expect(() => scoreValue(card, v, new Float64Array(1))).toThrow(RangeError);
    expect(() => scoreBatch(card, { names: v.names, values: new Float64Array(4), missing: new Uint8Array(4) })).toThrow(
      RangeError,
    );
    expect(() =>
      scoreBatch(
        card,
        { names: v.names, values: new Float64Array(3), missing: new Uint8Array(3) },
        new Float64Array(2),
      ),
    ).toThrow(RangeError);
    expect(() =>
      scoreBatch(card, { names: v.names, values: [0, 0, 0] as unknown as Float64Array, missing: new Uint8Array(3) }),
    ).toThrow(TypeError);
  });
});

describe("reasonCodes", () => {
  const card = loadScorecardOrThrow({
    ...pmmlSample(),
    reasons: [
      { code: "RC1", message: "Department" },
      { code: "RC2", message: "Age" },
    ],
  });
  it("uses messages, sorts descending, keeps ties in characteristic order, caps at max", () => {
    // department missing (-9): 19 - (-9) = 28; age (29,39] 12: 18 - 12 = 6; income (1000,2500] 5: 10 - 5 = 5.
    expect(reasonCodes(card, [-9, 12, 5])).toEqual([
      { code: "RC1", message: "Department", points: 28 },
      { code: "RC2", message: "Age", points: 6 },
      { code: "RC3", message: "RC3", points: 5 },
    ]);
    // Ties: RC1 19-13 = 6 and RC2 18-12 = 6, first appearance order.
    expect(reasonCodes(card, [13, 12, 26]).map((r) => r.code)).toEqual(["RC1", "RC2"]);
    expect(reasonCodes(card, [-9, 12, 5], { max: 2 })).toHaveLength(2);
    expect(reasonCodes(card, [-9, 12, 5], { max: 0 })).toEqual([]);
  });

  it("drops zero totals unless includeZero (PMML keeps them)", () => {
    expect(reasonCodes(card, [19, 18, 10])).toEqual([]);
    expect(reasonCodes(card, [19, 18, 10], { includeZero: true }).map((r) => r.code)).toEqual(["RC1", "RC2", "RC3"]);
  });

  it("sums the differences of characteristics sharing a code", () => {
    const shared = loadScorecardOrThrow(JSON.parse(JSON.stringify(pmmlSample()).replaceAll('"RC3"', '"RC1"')));
    // RC1: (19 - 3) + (10 - 5) = 21; RC2: 18 - 0 = 18.
    expect(reasonCodes(shared, [3, 0, 5]).map((r) => [r.code, r.points])).toEqual([
      ["RC1", 21],
      ["RC2", 18],
    ]);
  });

  it("uses max/min attribute points when a characteristic has no baselineScore", () => {
    const j = JSON.parse(JSON.stringify(pmmlSample()));
    for (const c of j.characteristics) delete c.baselineScore;
    const nb = loadScorecardOrThrow(j);
    // max baselines: 19, 18, 26 => 16, 18, 0.
    expect(reasonCodes(nb, [3, 0, 26]).map((r) => [r.code, r.points])).toEqual([
      ["RC2", 18],
      ["RC1", 16],
    ]);
    // pointsAbove with min baselines -9, -3, -3: 12, 3, 29.
    expect(reasonCodes(nb, [3, 0, 26], { algorithm: "pointsAbove" }).map((r) => r.code)).toEqual(["RC3", "RC1", "RC2"]);
  });

  it("rejects bad input", () => {
    expect(() => reasonCodes(card, [1, 2])).toThrow(RangeError);
    expect(() => reasonCodes(card, [1, Number.NaN, 3])).toThrow(RangeError);
    expect(() => reasonCodes(card, [1, 2, 3], { max: -1 })).toThrow(RangeError);
    expect(() => reasonCodes(card, [1, 2, 3], { max: 1.5 })).toThrow(RangeError);
    expect(() => reasonCodes(card, [1, 2, 3], { algorithm: "x" as "pointsAbove" })).toThrow(RangeError);
    expect(() => reasonCodes(card, [1, 2, 3], { attributes: [0] })).toThrow(RangeError);
    expect(() => reasonCodes({ ...card }, [1, 2, 3])).toThrow(TypeError);
  });
});
