import { describe, expect, it } from "vitest";
import { loadPmml, loadPmmlOrThrow } from "../../src/pmml";
import { loadScorecardOrThrow, reasonCodes, scoreRecord } from "../../src/scorecard";
import { pmmlSample } from "../scorecard/pmml-sample";
import { expectSameScoring, grid } from "./same-scoring";
import {
  basicComplexPartialScore,
  complexPartialScore,
  compoundNestedPredicate,
  compoundPredicate,
  sampleScorecard,
} from "./models";

type Rec = Record<string, number | string | null>;
const run = (xml: string, rec: Rec, unmatchedPoints?: number) => {
  const card = loadPmmlOrThrow(xml, unmatchedPoints === undefined ? {} : { unmatchedPoints });
  const r = scoreRecord(card, rec);
  // PMML keeps codes whose difference is exactly 0 (jpmml: Double.compare(v, 0) >= 0).
  const codes = reasonCodes(card, r.points, { attributes: r.attributes, includeZero: true, max: 10 }).map(
    (x) => x.code,
  );
  return { score: r.score, codes, card };
};

describe("jpmml-evaluator scorecard tests (expected values from its test classes)", () => {
  // Source: jpmml/jpmml-evaluator pmml-evaluator/src/test/java/org/jpmml/evaluator/
  // CharacteristicReasonCodeTest.java: department "engineering", age 25, income 500 -> Final Score
  // 29, Reason Code 1 "RC2", Reason Code 2 "RC1", Reason Code 3 null.
  it("refuses the sample as is: a department outside the three listed gives PMML no score", () => {
    // No Value elements: every category is valid, so "sales" reaches no Attribute and PMML returns
    // an invalid result (jpmml: InvalidResultException); riskcard needs points for it.
    const r = loadPmml(sampleScorecard());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        expect.objectContaining({
          code: "invalid_value",
          path: ["PMML", "Scorecard", 0, "Characteristics", 0, "Characteristic", 0],
        }),
      ]);
  });

  it("characteristic reason codes: 29, RC2 then RC1", () => {
    const r = run(sampleScorecard(), { department: "engineering", age: 25, income: 500 }, -9);
    expect(r.score).toBe(29);
    expect(r.codes).toEqual(["RC2", "RC1"]);
    // Every characteristic reads one field with constant points: version 1, fast path.
    expect(r.card.artefact).toMatchObject({ version: 1 });
    expect(r.card.characteristics.map((c) => c.type)).toEqual(["categorical", "numeric", "numeric"]);
  });

  // Source: AttributeReasonCodeTest.java (same model, age attributes coded RC2_1..RC2_5): RC2_3, RC1.
  it("attribute reason codes: RC2_3 then RC1", () => {
    const r = run(sampleScorecard(true), { department: "engineering", age: 25, income: 500 }, -9);
    expect(r.score).toBe(29);
    expect(r.codes).toEqual(["RC2_3", "RC1"]);
  });

  // Source: ComplexPartialScoreTest.java: department and age null (-9 + -1); income null -> +3;
  // 1000 -> 0.03f * 1000 + 11; 1500 -> 5; 3000 -> 0.01f * 3000 - 18. jpmml reads the constants as
  // float (0.03f); riskcard computes in double, so the comparison allows the float's error (7e-7).
  it("complex partial scores", () => {
    const base = -9 + -1;
    const f = Math.fround;
    const cases: [number | null, number][] = [
      [null, base + 3],
      [1000, base + (f(0.03) * 1000 + 11)],
      [1500, base + 5],
      [3000, base + (f(0.01) * 3000 - 18)],
    ];
    for (const [income, want] of cases) {
      const r = run(complexPartialScore(), { department: null, age: null, income });
      expect(r.score).toBeCloseTo(want, 5);
    }
    const card = loadPmmlOrThrow(complexPartialScore());
    expect(card.artefact).toMatchObject({ version: 2 });
    expect(card.characteristics.map((c) => c.type)).toEqual(["categorical", "numeric", "rules"]);
  });

  it("the imported sample card scores like the hand-transcribed artefact on a grid of inputs", () => {
    // The hand transcription gives an unlisted department the missing points (-9).
    const imported = loadPmmlOrThrow(sampleScorecard(), { unmatchedPoints: -9 });
    const hand = loadScorecardOrThrow(pmmlSample());
    const records = grid({
      department: [null, "marketing", "engineering", "business", "sales"],
      age: [null, 0, 17, 18, 18.5, 29, 29.5, 39, 39.01, 80],
      income: [null, -5, 999, 1000, 1000.5, 2500, 2501, 1e9],
    });
    for (const rec of records) expectSameScoring(hand, imported, rec);
  });
});

describe("apache/incubator-kie-drools kie-pmml-trusty scorecard tests (expected values from the test classes)", () => {
  // Source: kie-pmml-models-scorecard-tests/src/test/java/org/kie/pmml/models/scorecard/tests/
  // CompoundPredicateScorecardTest.java, data(): input1, input2, input3, input4 -> score, reason codes.
  it("compound predicates (and, or, xor, True, False) with pointsAbove", () => {
    const rows: [number, number, string, string, number, string[]][] = [
      [-21.5, -7, "classA", "classB", -93, []],
      [-7, -7, "classA", "classB", -93, []],
      [2, 3.5, "classA", "classB", -68, ["characteristic1ReasonCode"]],
      [-8, 3, "classA", "classB", -58, ["characteristic1ReasonCode"]],
      [-8, -12.5, "classB", "classB", 135, ["characteristic3ReasonCode"]],
      [-8, 3, "classB", "classB", 170, ["characteristic3ReasonCode", "characteristic1ReasonCode"]],
      [5, 3, "classB", "classB", 160, ["characteristic3ReasonCode", "characteristic1ReasonCode"]],
      [-8, -50, "classC", "classC", 230.5, ["characteristic3ReasonCode", "characteristic2ReasonCode"]],
      [
        -8,
        3,
        "classC",
        "classC",
        265.5,
        ["characteristic3ReasonCode", "characteristic2ReasonCode", "characteristic1ReasonCode"],
      ],
      [
        5,
        3,
        "classC",
        "classC",
        255.5,
        ["characteristic3ReasonCode", "characteristic2ReasonCode", "characteristic1ReasonCode"],
      ],
    ];
    for (const [input1, input2, input3, input4, score, codes] of rows) {
      const r = run(compoundPredicate(), { input1, input2, input3, input4 });
      expect(r.score).toBe(score);
      expect(r.codes).toEqual(codes);
    }
  });

  // Source: CompoundNestedPredicateScorecardTest.java, data().
  it("nested compound predicates", () => {
    const rows: [number, string, number, string[]][] = [
      [-50, "classB", -8, ["characteristic2ReasonCode"]],
      [-50, "classD", -8, ["characteristic2ReasonCode"]],
      [-9, "classB", 75, ["characteristic1ReasonCode"]],
      [25.4, "classB", 75, ["characteristic1ReasonCode"]],
      [-7, "classA", -8, ["characteristic2ReasonCode"]],
      [-7, "classC", -15.5, ["characteristic1ReasonCode", "characteristic2ReasonCode"]],
      [5, "classB", -15.5, ["characteristic1ReasonCode", "characteristic2ReasonCode"]],
      [7.4, "classB", -15.5, ["characteristic1ReasonCode", "characteristic2ReasonCode"]],
      [12, "classB", 75, ["characteristic1ReasonCode"]],
      [12, "classD", 75, ["characteristic1ReasonCode"]],
    ];
    for (const [input1, input2, score, codes] of rows) {
      const r = run(compoundNestedPredicate(), { input1, input2 });
      expect(r.score).toBeCloseTo(score, 12);
      expect(r.codes).toEqual(codes);
    }
  });

  // Source: BasicComplexPartialScoreTest.java, data() (the drools test is @Disabled; each row is
  // re-derived by hand here: e.g. (-2, 3): 10 + (-2 + 3) + (-2 * 3) = 5; RC1 20 - 1 = 19, RC2 5 + 6 = 11).
  it("complex partial scores over two fields", () => {
    const rows: [number, number, number, string[]][] = [
      [-1005.5, 10200, -15, ["characteristic2ReasonCode"]],
      [-1001, 4, -3969, ["characteristic2ReasonCode"]],
      [2, 1002, 964, ["characteristic2ReasonCode"]],
      [10, 20, 240, []],
      [-2, 3, 5, ["characteristic1ReasonCode", "characteristic2ReasonCode"]],
    ];
    // A missing input2 with input1 > -1000 gives PMML no score (the expression reads it): refused
    // without unmatchedPoints.
    expect(loadPmml(basicComplexPartialScore()).ok).toBe(false);
    for (const [input1, input2, score, codes] of rows) {
      const r = run(basicComplexPartialScore(), { input1, input2 }, 0);
      expect(r.score).toBe(score);
      expect(r.codes).toEqual(codes);
    }
  });
});

describe("loadPmml refuses what it cannot honour", () => {
  it("returns issues for non-XML and DOCTYPEs without echoing the document", () => {
    const r = loadPmml("not xml <secret-name-123");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.issues)).not.toContain("secret");
    const xxe = `<?xml version="1.0"?><!DOCTYPE PMML [<!ENTITY x SYSTEM "file:///etc/passwd">]><PMML xmlns="http://www.dmg.org/PMML-4_4">&x;</PMML>`;
    const d = loadPmml(xxe);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.issues[0]!.message).toContain("DOCTYPE");
  });
});
