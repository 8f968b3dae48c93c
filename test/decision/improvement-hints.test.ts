/**
 * improvementHints: the smallest set of characteristic changes that reaches a band, checked against
 * a brute-force search over every combination of changes on a small hand-made card (4 characteristics,
 * 3 value attributes and a missing attribute each: 4^4 = 256 combinations per applicant), and by
 * applying the hints and scoring again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_BAND_PD_BOUNDS, bandOf } from "../../src/decision/bands";
import { BANDS, type Band } from "../../src/pricing/types";
import { improvementHints } from "../../src/decision/improvement-hints";
import { parseScorecard } from "../../src/scorecard/load";
import { probabilityOfDefault } from "../../src/scorecard/probability-of-default";
import { score } from "../../src/scorecard/score";
import { vectorFromRecord } from "../../src/scorecard/score-record";

const root = join(import.meta.dirname, "..", "..");
// The shipped card's scaling (600 points at bad:good odds 1/19, 50 points to double the odds):
// 500 points is a PD of about 17% (band E), 700 about 1.3% (band A).
const scaling = JSON.parse(readFileSync(join(root, "models/scorecard.json"), "utf8")).scaling;

/** Attribute i of every characteristic: [lo, hi) with points; a representative value inside each. */
const BINS: [number | null, number | null, number][] = [
  [null, 10, 0],
  [10, 20, 25],
  [20, null, 50],
];
const REPRESENTATIVE = [5, 15, 25];
const POINTS = [
  [0, 25, 50],
  [0, 10, 40],
  [0, 30, 35],
  [0, 5, 20],
];
const FEATURES = ["f0", "f1", "f2", "f3"];
const card = parseScorecard({
  format: "riskcard.scorecard",
  version: 1,
  name: "SYNTHETIC hint test card",
  scaling,
  rounding: "none",
  base: "separate",
  basePoints: 520,
  characteristics: FEATURES.map((f, c) => ({
    name: f,
    feature: f,
    type: "numeric",
    closure: "left",
    reasonCode: `RC_${f}`,
    attributes: [
      ...BINS.map(([lower, upper], i) => ({ kind: "interval", lower, upper, points: POINTS[c]![i]! })),
      { kind: "missing", points: 12 },
    ],
    fallback: { points: 0 },
  })),
});

const bandAt = (s: number): Band => bandOf(probabilityOfDefault(card, s), DEFAULT_BAND_PD_BOUNDS);
const rank = (b: Band) => BANDS.indexOf(b);
const scoreOf = (rec: Record<string, number | null>) => score(card, vectorFromRecord(card, rec)).score;

/** The fewest characteristics to change (each to any value attribute) to reach the band, or -1. */
function bruteForce(rec: Record<string, number | null>, target: Band): number {
  let best = -1;
  // choice per characteristic: 0 = unchanged, 1..3 = move to attribute choice-1
  for (let m = 0; m < 4 ** 4; m++) {
    const changed = { ...rec };
    let k = 0;
    for (let c = 0; c < 4; c++) {
      const choice = Math.floor(m / 4 ** c) % 4;
      if (choice === 0) continue;
      changed[FEATURES[c]!] = REPRESENTATIVE[choice - 1]!;
      k++;
    }
    if (rank(bandAt(scoreOf(changed))) <= rank(target) && (best < 0 || k < best)) best = k;
  }
  return best;
}

const valueArb = fc.constantFrom<number | null>(null, 5, 15, 25);

describe("improvementHints", () => {
  it("finds the smallest set of changes (brute force over all 256 combinations), and applying it reaches the band", () => {
    let needChanges = 0;
    let unreachable = 0;
    fc.assert(
      fc.property(fc.tuple(valueArb, valueArb, valueArb, valueArb), fc.constantFrom(...BANDS), (vals, target) => {
        const rec = Object.fromEntries(FEATURES.map((f, i) => [f, vals[i]!]));
        const h = improvementHints(card, vectorFromRecord(card, rec), { targetBand: target });
        const min = bruteForce(rec, target);
        expect(h.reachable).toBe(min >= 0);
        if (min < 0) {
          unreachable++;
          return;
        }
        expect(h.hints.length).toBe(min);
        if (min > 0) needChanges++;
        const applied = { ...rec };
        for (const hint of h.hints) applied[hint.feature] = REPRESENTATIVE[hint.toAttribute]!;
        const after = scoreOf(applied);
        expect(rank(bandAt(after))).toBeLessThanOrEqual(rank(target));
        expect(h.scoreAfter).toBeCloseTo(after, 9);
        expect(h.bandAfter).toBe(bandAt(after));
      }),
      { numRuns: 300, seed: 16 },
    );
    expect(needChanges).toBeGreaterThan(30); // 48 with this seed
    expect(unreachable).toBeGreaterThan(5);
  });

  it("works the example by hand", () => {
    // all four at their worst value (attribute 0, 0 points): 520 points. PD at 520 with the shipped
    // scaling: odds bad:good = (1/19) * 2^((600 - 520) / 50) = 0.0526 * 3.03 = 0.1595, PD = 0.1595 / 1.1595 = 13.8%: band D.
    const rec = { f0: 5, f1: 5, f2: 5, f3: 5 };
    const h = improvementHints(card, vectorFromRecord(card, rec), { targetBand: "B" });
    expect(h.band).toBe("D");
    // band B needs PD < 5%: odds < 1/19, score > 600: +80 points at least. Largest gains: f0 +50, f1 +40 (90 >= 80).
    expect(h.hints.map((x) => [x.characteristic, x.points, x.toAttribute])).toEqual([
      ["f0", 50, 2],
      ["f1", 40, 2],
    ]);
    expect(h.scoreAfter).toBe(610);
    expect(h.hints[0]!.target).toEqual({ kind: "interval", lower: 20, upper: null, points: 50 });
  });

  it("returns no hint when already in the band, and rejects a bad band", () => {
    const v = vectorFromRecord(card, { f0: 25, f1: 25, f2: 25, f3: 25 });
    expect(improvementHints(card, v, { targetBand: "A" }).hints).toEqual([]);
    expect(() => improvementHints(card, v, { targetBand: "F" as Band })).toThrow(RangeError);
  });
});
