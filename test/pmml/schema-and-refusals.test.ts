import { describe, expect, it } from "vitest";
import { loadPmml, loadPmmlOrThrow } from "../../src/pmml";
import { probabilityOfDefault, reasonCodes, scoreRecord } from "../../src/scorecard";
import { ArtefactError } from "../../src/schema/result";
import { wrap } from "./models";

const num = (n: string) => `    <DataField name="${n}" optype="continuous" dataType="double"/>`;
const cat = (n: string, values: string[] = []) =>
  values.length === 0
    ? `    <DataField name="${n}" optype="categorical" dataType="string"/>`
    : `    <DataField name="${n}" optype="categorical" dataType="string">${values.map((v) => `<Value value="${v}"/>`).join("")}</DataField>`;
const mf = (n: string, extra = "") => `<MiningField name="${n}"${extra}/>`;
const ch = (body: string, name = "c", extra = "") =>
  `      <Characteristic name="${name}" reasonCode="R${name}"${extra}>\n${body}\n      </Characteristic>`;
const at = (score: number, pred: string) => `        <Attribute partialScore="${score}">${pred}</Attribute>`;
const sp = (f: string, op: string, v?: string | number) =>
  `<SimplePredicate field="${f}" operator="${op}"${v === undefined ? "" : ` value="${v}"`}/>`;

const issuesOf = (xml: string, opts = {}) => {
  const r = loadPmml(xml, opts);
  if (r.ok) throw new Error("expected a refusal");
  return r.issues;
};

describe("MiningSchema treatments", () => {
  it("missingValueReplacement scores a missing value as the replacement", () => {
    const xml = wrap(
      num("x"),
      ch([at(1, sp("x", "lessThan", 10)), at(2, sp("x", "greaterOrEqual", 10))].join("\n")),
      "",
      mf("x", ' missingValueReplacement="12"'),
    );
    const card = loadPmmlOrThrow(xml);
    expect(card.characteristics[0]!.type).toBe("numeric");
    expect([null, 3, 10].map((x) => scoreRecord(card, { x }).score)).toEqual([2, 1, 2]);
  });

  it("invalid categories: asMissing, asIs, asValue and returnInvalid", () => {
    const body = ch(
      [at(1, sp("k", "equal", "a")), at(2, sp("k", "equal", "b")), at(3, sp("k", "isMissing")), at(9, "<True/>")].join(
        "\n",
      ),
    );
    const make = (treatment: string) =>
      wrap(
        cat("k", ["a", "b"]),
        body,
        "",
        mf(
          "k",
          ` invalidValueTreatment="${treatment}"${treatment === "asValue" ? ' invalidValueReplacement="b"' : ""}`,
        ),
      );
    const s = (xml: string, k: string | null, opts = {}) => scoreRecord(loadPmmlOrThrow(xml, opts), { k }).score;
    expect(s(make("asMissing"), "z")).toBe(3); // unlisted -> missing -> isMissing
    expect(s(make("asIs"), "z")).toBe(9); // unlisted read as is -> True
    expect(s(make("asValue"), "z")).toBe(2); // unlisted -> "b"
    // returnInvalid: PMML gives no score for "z": refused unless unmatchedPoints.
    expect(issuesOf(make("returnInvalid"))[0]!.path).toEqual([
      "PMML",
      "Scorecard",
      0,
      "Characteristics",
      0,
      "Characteristic",
      0,
    ]);
    expect(s(make("returnInvalid"), "z", { unmatchedPoints: -50 })).toBe(-50);
    expect(s(make("returnInvalid"), "a", { unmatchedPoints: -50 })).toBe(1);
    expect(s(make("returnInvalid"), null, { unmatchedPoints: -50 })).toBe(3);
  });

  it("valid Intervals of a continuous field with asMissing", () => {
    const field = `    <DataField name="x" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="0" rightMargin="100"/></DataField>`;
    const xml = wrap(
      field,
      ch(
        [at(1, sp("x", "lessThan", 50)), at(2, sp("x", "greaterOrEqual", 50)), at(7, sp("x", "isMissing"))].join("\n"),
      ),
      "",
      mf("x", ' invalidValueTreatment="asMissing"'),
    );
    const card = loadPmmlOrThrow(xml);
    expect([-1, 0, 49, 50, 100, 100.5, null].map((x) => scoreRecord(card, { x }).score)).toEqual([7, 1, 1, 2, 2, 7, 7]);
  });
});

describe("reason-code settings", () => {
  it("baselineMethod max without baselineScore takes the highest partial score; mean is refused", () => {
    const body = ch([at(4, sp("x", "lessThan", 0)), at(10, sp("x", "greaterOrEqual", 0)), at(0, "<True/>")].join("\n"));
    const card = loadPmmlOrThrow(
      wrap(num("x"), body, ' baselineMethod="max"', mf("x")).replace(' baselineScore="0"', ""),
      {},
    );
    expect(reasonCodes(card, scoreRecord(card, { x: -1 }).points)).toEqual([{ code: "Rc", message: "Rc", points: 6 }]);
    const mean = issuesOf(wrap(num("x"), body, ' baselineMethod="mean"', mf("x")).replace(' baselineScore="0"', ""));
    expect(mean[0]).toMatchObject({
      code: "missing",
      path: ["PMML", "Scorecard", 0, "Characteristics", 0, "Characteristic", 0, "baselineScore"],
    });
  });

  it("useReasonCodes false gives no reason codes", () => {
    const card = loadPmmlOrThrow(
      wrap(
        num("x"),
        ch([at(1, sp("x", "lessThan", 0)), at(2, "<True/>")].join("\n")),
        ' useReasonCodes="false"',
        mf("x"),
      ),
    );
    expect(card.artefact).toMatchObject({ version: 2, useReasonCodes: false });
    expect(reasonCodes(card, scoreRecord(card, { x: 1 }).points)).toEqual([]);
  });
});

describe("refusals name the element", () => {
  const ok = ch(at(1, "<True/>"));
  const cases: [string, string, (string | number)[]][] = [
    [
      "a TreeModel",
      `<?xml version="1.0"?><PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><DataDictionary/><TreeModel functionName="regression"><MiningSchema/></TreeModel></PMML>`,
      ["PMML", "TreeModel", 0],
    ],
    ["a PMML 3 namespace", `<PMML xmlns="http://www.dmg.org/PMML-3_2"/>`, ["PMML"]],
    [
      "a TransformationDictionary",
      wrap(num("x"), ok).replace(
        "<DataDictionary>",
        '<TransformationDictionary><DerivedField name="d" optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></TransformationDictionary><DataDictionary>',
      ),
      ["PMML", "TransformationDictionary", 0],
    ],
    [
      "an unsupported function",
      wrap(
        num("x"),
        ch(
          `        <Attribute><True/><ComplexPartialScore><Apply function="isIn"><FieldRef field="x"/></Apply></ComplexPartialScore></Attribute>`,
          "c",
          ' baselineScore="0"',
        ),
        "",
        mf("x"),
      ),
      [
        "PMML",
        "Scorecard",
        0,
        "Characteristics",
        0,
        "Characteristic",
        0,
        "Attribute",
        0,
        "ComplexPartialScore",
        0,
        "Apply",
        0,
        "function",
      ],
    ],
    [
      "a NormContinuous expression",
      wrap(
        num("x"),
        ch(
          `        <Attribute><True/><ComplexPartialScore><NormContinuous field="x"/></ComplexPartialScore></Attribute>`,
        ),
        "",
        mf("x"),
      ),
      [
        "PMML",
        "Scorecard",
        0,
        "Characteristics",
        0,
        "Characteristic",
        0,
        "Attribute",
        0,
        "ComplexPartialScore",
        0,
        "NormContinuous",
        0,
      ],
    ],
    [
      "a Value marked missing",
      wrap(
        `    <DataField name="k" optype="categorical" dataType="string"><Value value="NA" property="missing"/></DataField>`,
        ok,
        "",
        mf("k"),
      ),
      ["PMML", "DataDictionary", 0, "DataField", 0, "Value", 0],
    ],
    [
      "outlier treatment",
      wrap(num("x"), ok, "", mf("x", ' outliers="asExtremeValues"')),
      ["PMML", "Scorecard", 0, "MiningSchema", 0, "MiningField", 0, "outliers"],
    ],
    [
      "a predicate on an unknown field",
      wrap(num("x"), ch(at(1, sp("y", "lessThan", 1))), "", mf("x")),
      [
        "PMML",
        "Scorecard",
        0,
        "Characteristics",
        0,
        "Characteristic",
        0,
        "Attribute",
        0,
        "SimplePredicate",
        0,
        "field",
      ],
    ],
    [
      "LocalTransformations",
      wrap(num("x"), ok, "", mf("x")).replace(
        "<Characteristics>",
        '<LocalTransformations><DerivedField name="d" optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></LocalTransformations><Characteristics>',
      ),
      ["PMML", "Scorecard", 0, "LocalTransformations", 0],
    ],
  ];
  for (const [what, xml, path] of cases)
    it(what, () => {
      expect(issuesOf(xml).map((i) => i.path)).toContainEqual(path);
    });

  it("caps size and depth, and throws ArtefactError from loadPmmlOrThrow", () => {
    expect(issuesOf("x".repeat(5_000_001))[0]!.code).toBe("too_big");
    expect(issuesOf(`${"<a>".repeat(100)}${"</a>".repeat(100)}`)[0]!.code).toBe("too_complex");
    expect(() => loadPmmlOrThrow("<PMML/>")).toThrow(ArtefactError);
  });
});

describe("binary logistic RegressionModel", () => {
  const doc = (extra = "") => `<?xml version="1.0"?>
<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
  <DataDictionary>
    <DataField name="utilisation" optype="continuous" dataType="double"/>
    <DataField name="housing" optype="categorical" dataType="string"><Value value="own"/><Value value="rent"/><Value value="free"/></DataField>
    <DataField name="bad" optype="categorical" dataType="string"><Value value="1"/><Value value="0"/></DataField>
  </DataDictionary>
  <RegressionModel functionName="classification" normalizationMethod="logit">
    <MiningSchema>
      <MiningField name="utilisation"${extra}/>
      <MiningField name="housing" invalidValueTreatment="asIs" missingValueReplacement="own"/>
      <MiningField name="bad" usageType="target"/>
    </MiningSchema>
    <RegressionTable intercept="-2.5" targetCategory="1">
      <NumericPredictor name="utilisation" coefficient="1.75"/>
      <CategoricalPredictor name="housing" value="rent" coefficient="0.4"/>
      <CategoricalPredictor name="housing" value="free" coefficient="0.9"/>
    </RegressionTable>
    <RegressionTable intercept="0" targetCategory="0"/>
  </RegressionModel>
</PMML>`;
  // By hand (PMML 4.4 RegressionModel, logit): P(bad = "1") = 1 / (1 + exp(-(-2.5 + 1.75 u + b_housing))).
  const pBad = (u: number, h: number) => 1 / (1 + Math.exp(-(-2.5 + 1.75 * u + h)));

  it("gives the logistic probability as the card's PD", () => {
    const card = loadPmmlOrThrow(doc(' missingValueReplacement="0.3"'));
    const cases: [number | null, string | null, number][] = [
      [0.2, "own", pBad(0.2, 0)],
      [0.8, "rent", pBad(0.8, 0.4)],
      [1.3, "free", pBad(1.3, 0.9)],
      [null, "rent", pBad(0.3, 0.4)], // utilisation replaced by 0.3
      [0.5, null, pBad(0.5, 0)], // housing replaced by "own"
      [0.5, "boat", pBad(0.5, 0)], // an unlisted category read as is: no predictor term
    ];
    for (const [u, h, p] of cases) {
      const s = scoreRecord(card, { utilisation: u, housing: h }).score;
      expect(probabilityOfDefault(card, s)).toBeCloseTo(p, 12);
    }
  });

  it("refuses a model whose missing input gives no prediction, unless unmatchedPoints", () => {
    expect(issuesOf(doc())[0]!.path).toEqual([
      "PMML",
      "RegressionModel",
      0,
      "RegressionTable",
      0,
      "NumericPredictor",
      0,
    ]);
    expect(loadPmml(doc(), { unmatchedPoints: 0 }).ok).toBe(true);
  });

  it("badCategory flips the direction", () => {
    const a = loadPmmlOrThrow(doc(' missingValueReplacement="0.3"'));
    const b = loadPmmlOrThrow(doc(' missingValueReplacement="0.3"'), { badCategory: "0" });
    const r = { utilisation: 0.7, housing: "rent" };
    expect(probabilityOfDefault(b, scoreRecord(b, r).score)).toBeCloseTo(
      1 - probabilityOfDefault(a, scoreRecord(a, r).score),
      12,
    );
  });
});
