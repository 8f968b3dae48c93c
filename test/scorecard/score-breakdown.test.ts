/**
 * scoreBreakdown and decide's { explain: true }: the score split by the card's categories, parts
 * summing to the score. Expert card weights and ranges from models/expert-card.json's description
 * (45/25/20/10 of a 350-950 range); a points card with categories worked by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import { loadScorecard, parseScorecard } from "../../src/scorecard/load";
import { score } from "../../src/scorecard/score";
import { scoreBreakdown } from "../../src/scorecard/score-breakdown";
import { vectorFromRecord } from "../../src/scorecard/score-record";
import { POPULATION_AS_OF as asOf, population } from "../decision/helpers";

const root = join(import.meta.dirname, "..", "..");
const statJson = JSON.parse(readFileSync(join(root, "models/scorecard.json"), "utf8"));

const interval = (lower: number | null, upper: number | null, points: number) => ({
  kind: "interval",
  lower,
  upper,
  points,
});
/** A SYNTHETIC three-characteristic card with two categories. */
const small = {
  format: "riskcard.scorecard",
  version: 1,
  name: "SYNTHETIC breakdown card",
  scaling: null,
  rounding: "none",
  base: "separate",
  basePoints: 100,
  characteristics: [
    {
      name: "a",
      feature: "a",
      type: "numeric",
      reasonCode: "A",
      attributes: [interval(null, 1, 10), interval(1, null, 20)],
      fallback: { points: 0 },
    },
    {
      name: "b",
      feature: "b",
      type: "numeric",
      reasonCode: "B",
      attributes: [interval(null, 1, 5), interval(1, null, -5)],
      fallback: { points: 0 },
    },
    {
      name: "c",
      feature: "c",
      type: "numeric",
      reasonCode: "C",
      attributes: [interval(null, 1, 7), interval(1, null, 3)],
      fallback: { points: 0 },
    },
  ],
  categories: [
    { name: "debts", characteristics: ["a", "b"] },
    { name: "behaviour", characteristics: ["c"] },
  ],
};

describe("scoreBreakdown", () => {
  it("splits a points card by its declared categories (by hand)", () => {
    const card = parseScorecard(small);
    const s = score(card, vectorFromRecord(card, { a: 2, b: 0, c: 2 }));
    // a = 20 (>= 1), b = 5 (< 1), c = 3 (>= 1): 100 + 20 + 5 + 3 = 128
    expect(s.score).toBe(128);
    expect(scoreBreakdown(card, s.points)).toEqual([
      { category: "base", points: 100, weight: null, characteristics: [] },
      // spans: a 20 - 0 = 20 (fallback 0 counts), b 5 - -5 = 10, c 7 - 0 = 7: weights 30/37 and 7/37
      { category: "debts", points: 25, weight: (100 * 30) / 37, characteristics: ["a", "b"] },
      { category: "behaviour", points: 3, weight: (100 * 7) / 37, characteristics: ["c"] },
    ]);
  });

  it("puts characteristics in no category in 'other'; a card without categories is base + other", () => {
    const card = parseScorecard({ ...small, categories: [{ name: "debts", characteristics: ["a"] }] });
    const s = score(card, vectorFromRecord(card, { a: 0, b: 2, c: 0 }));
    expect(scoreBreakdown(card, s.points).map((p) => [p.category, p.points])).toEqual([
      ["base", 100],
      ["debts", 10],
      ["other", 2],
    ]);
    // the shipped card declares categories (models/README.md); without the field a card loads with none
    const { categories: _declared, ...withoutCategories } = statJson;
    const plain = parseScorecard(withoutCategories);
    expect(plain.categories).toEqual([]);
    expect(parseScorecard(statJson).categories.map((c) => c.name)).toEqual([
      "credit history",
      "debts",
      "repayment ability",
      "behaviour",
    ]);
  });

  it("rejects categories naming an unknown or a twice-placed characteristic; cards without categories still load", () => {
    const r1 = loadScorecard({ ...small, categories: [{ name: "x", characteristics: ["zz"] }] });
    expect(r1.ok ? [] : r1.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["categories", 0, "characteristics", 0]],
    ]);
    const r2 = loadScorecard({
      ...small,
      categories: [
        { name: "x", characteristics: ["a"] },
        { name: "y", characteristics: ["a"] },
      ],
    });
    expect(r2.ok ? [] : r2.issues.map((i) => [i.code, i.path])).toEqual([
      ["inconsistent", ["categories", 1, "characteristics", 0]],
    ]);
    expect(loadScorecard(statJson).ok).toBe(true);
    expect(() => scoreBreakdown(parseScorecard(small), [1, 2])).toThrow(RangeError);
  });

  it("decide with explain: the expert card's four categories, each within its weight's share of 350-950, summing to the score", () => {
    const engine = createEngine({ card: "expert" });
    for (const a of population().slice(0, 200)) {
      const d = engine.decide(a, { asOf, explain: true, trace: true });
      const parts = d.breakdown!;
      expect(parts.map((p) => p.category)).toEqual([
        "base",
        "credit history",
        "debts",
        "repayment ability",
        "behaviour",
      ]);
      expect(parts.map((p) => p.weight)).toEqual([null, 45, 25, 20, 10]);
      expect(parts[0]!.points).toBe(350);
      for (const p of parts.slice(1)) {
        expect(p.points).toBeGreaterThanOrEqual(0);
        expect(p.points).toBeLessThanOrEqual((600 * p.weight!) / 100 + 1e-9);
      }
      const sum = parts.reduce((s, p) => s + p.points, 0);
      // parts are rounded to 2 decimals like the score: within 5 x 0.005 of the unrounded score
      expect(Math.abs(sum - d.trace!.scorecard.score)).toBeLessThanOrEqual(0.025 + 1e-9);
      const r = engine.replay(JSON.parse(JSON.stringify(d)));
      expect(r.identical).toBe(true);
    }
  });

  it("labels the categories in the decision's locale", () => {
    const engine = createEngine({ card: "expert" });
    const d = engine.decide(population()[0]!, { asOf, explain: true, locale: "zh-CN" });
    expect(d.breakdown!.map((p) => p.label)).toEqual(["基础分", "信用历史", "负债情况", "还款能力", "行为习惯"]);
    expect("breakdown" in engine.decide(population()[0]!, { asOf })).toBe(false);
  });
});
