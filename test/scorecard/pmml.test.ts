import { describe, expect, it } from "vitest";
import { loadScorecardOrThrow, reasonCodes, score, scoreRecord, vectorFromRecord } from "../../src/scorecard";
import { pmmlSample } from "./pmml-sample";

// Expected values: jpmml/jpmml-evaluator pmml-evaluator/src/test/java/org/jpmml/evaluator/scorecard/
// CharacteristicReasonCodeTest.java and AttributeReasonCodeTest.java (input department
// "engineering", age 25, income 500d): Final Score 29; reason codes RC2, RC1 (attribute variant:
// RC2_3, RC1), no third code. By hand: 3 + 0 + 26 = 29; RC1 19 - 3 = 16, RC2 18 - 0 = 18,
// RC3 10 - 26 = -16 (dropped).
describe("PMML 4.4 sample scorecard (jpmml-evaluator test resources)", () => {
  const card = loadScorecardOrThrow(pmmlSample());
  const input = { department: "engineering", age: 25, income: 500 };

  it("scores 29", () => {
    const r = scoreRecord(card, input);
    expect(r.score).toBe(29);
    expect([...r.points]).toEqual([3, 0, 26]);
  });

  it("gives reason codes RC2 then RC1 with their points below baseline", () => {
    const r = scoreRecord(card, input);
    expect(reasonCodes(card, r.points)).toEqual([
      { code: "RC2", message: "RC2", points: 18 },
      { code: "RC1", message: "RC1", points: 16 },
    ]);
  });

  it("attribute-level codes give RC2_3 then RC1", () => {
    const card2 = loadScorecardOrThrow(pmmlSample(true));
    const r = scoreRecord(card2, input);
    expect(r.score).toBe(29);
    const codes = reasonCodes(card2, r.points, { attributes: r.attributes }).map((x) => x.code);
    expect(codes).toEqual(["RC2_3", "RC1"]);
    // Without the matched attributes the characteristic code is used.
    expect(reasonCodes(card2, r.points).map((x) => x.code)).toEqual(["RC2", "RC1"]);
  });

  it("treats missing and unknown values as PMML asMissing", () => {
    // department missing -9, age missing -1, income missing 5 => -5 (hand calculation).
    expect(scoreRecord(card, {}).score).toBe(-5);
    // "sales" is in no attribute: fallback -9 (asMissing); age 18 is in (-inf, 18]: -3; income 2500 in (1000, 2500]: 5.
    const r = scoreRecord(card, { department: "sales", age: 18, income: 2500 });
    expect([...r.points]).toEqual([-9, -3, 5]);
    expect(r.attributes[0]).toBe(-1);
  });

  it("right-closed intervals put boundary values in the lower attribute", () => {
    expect(scoreRecord(card, { department: "marketing", age: 29, income: 1000 }).points[1]).toBe(0);
    expect(scoreRecord(card, { department: "marketing", age: 29.5, income: 1000 }).points[1]).toBe(12);
    expect(scoreRecord(card, { department: "marketing", age: 39, income: 1000 }).points[2]).toBe(26);
  });

  it("pointsAbove with the characteristic baselines", () => {
    const r = scoreRecord(card, input);
    // RC3: 26 - 10 = 16; RC1: 3 - 19 < 0; RC2: 0 - 18 < 0.
    expect(reasonCodes(card, r.points, { algorithm: "pointsAbove" })).toEqual([
      { code: "RC3", message: "RC3", points: 16 },
    ]);
  });

  it("vectorFromRecord encodes categories as level indices", () => {
    const v = vectorFromRecord(card, input);
    expect(v.names).toEqual(["department", "age", "income"]);
    expect([...v.values]).toEqual([1, 25, 500]);
    expect(score(card, v).score).toBe(29);
    expect(() => vectorFromRecord(card, { age: "old" })).toThrow(TypeError);
  });
});
