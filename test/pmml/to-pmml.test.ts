import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import expertCard from "../../models/expert-card.json";
import scorecardJson from "../../models/scorecard.json";
import { createEngine } from "../../src/index";
import { loadPmml, loadPmmlOrThrow, toPmml } from "../../src/pmml";
import { type Scorecard, loadExpertCardOrThrow, loadScorecardOrThrow } from "../../src/scorecard";
import { pmmlSample } from "../scorecard/pmml-sample";
import {
  basicComplexPartialScore,
  complexPartialScore,
  compoundNestedPredicate,
  compoundPredicate,
  sampleScorecard,
} from "./models";
import { expectSameScoring, grid } from "./same-scoring";
import { xmllintValidate } from "./xmllint";

/** Every document this file exports, validated against the PMML 4.4 schema at the end. */
const exported: { name: string; xml: string }[] = [];
const exportCard = (name: string, card: Scorecard): string => {
  const xml = toPmml(card);
  exported.push({ name, xml });
  return xml;
};

afterAll(() => {
  // Fails (never skips) when xmllint or the schema is absent: CI installs libxml2-utils.
  const report = xmllintValidate(exported);
  expect(report).toBe("");
});

describe("toPmml", () => {
  it("re-imports the default engine card to identical decisions on all 1,040 fixture applicants", () => {
    const card = loadScorecardOrThrow(scorecardJson);
    const back = loadPmmlOrThrow(exportCard("default-card", card));
    expect(back.artefact).toMatchObject({ version: 1, scaling: card.scaling, reasons: card.artefact.reasons });
    const a = createEngine();
    const b = createEngine({ scorecard: back.artefact });
    const asOf = Date.UTC(2026, 5, 30);
    const applicants = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "applicants.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l !== "");
    expect(applicants).toHaveLength(1040);
    let differing = 0;
    for (const line of applicants) {
      const x = a.decide(JSON.parse(line), { asOf });
      const y = b.decide(JSON.parse(line), { asOf });
      const { versions: _v, ...xs } = x;
      const { versions: _w, ...ys } = y;
      if (JSON.stringify(xs) !== JSON.stringify(ys)) differing++;
    }
    expect(differing).toBe(0);
  });

  it("round-trips cards with categories, right-closed intervals and attribute reason codes", () => {
    const card = loadScorecardOrThrow(pmmlSample(true));
    const back = loadPmmlOrThrow(exportCard("sample", card));
    const records = grid({
      department: [null, "marketing", "engineering", "business", "sales"],
      age: [null, 0, 18, 18.25, 29, 39, 40],
      income: [null, 0, 1000, 1000.5, 2500, 2500.5],
    });
    for (const rec of records) expectSameScoring(card, back, rec);
  });

  it("round-trips rules characteristics (compound predicates, complex partial scores, pointsAbove)", () => {
    const models: [string, string, number | undefined][] = [
      ["complex-partial-score", complexPartialScore(), undefined],
      ["compound", compoundPredicate(), undefined],
      ["compound-nested", compoundNestedPredicate(), undefined],
      ["basic-complex", basicComplexPartialScore(), 0],
      ["sample-import", sampleScorecard(true), -9],
    ];
    const values = [null, -1001, -50, -20, -15, -5, 0, 1, 5, 7.4, 12, 25.4, 1000, 1500, 3000];
    const cats = [null, "classA", "classB", "classC", "classD"];
    for (const [name, xml, unmatched] of models) {
      const opts = unmatched === undefined ? {} : { unmatchedPoints: unmatched };
      const card = loadPmmlOrThrow(xml, opts);
      // An expression reading a missing input gives PMML no score and riskcard the fallback: the
      // re-import needs the same unmatchedPoints.
      const back = loadPmmlOrThrow(exportCard(name, card), opts);
      for (let i = 0; i < 300; i++) {
        const pick = <T>(xs: readonly T[], k: number): T => xs[(i * k + (i >> 2)) % xs.length]!;
        const rec = {
          input1: pick(values, 7),
          input2: name === "compound-nested" ? pick(cats, 3) : pick(values, 11),
          input3: pick(cats, 5),
          input4: pick(cats, 13),
          department: pick(["marketing", "engineering", "business", "sales", null], 3),
          age: pick(values, 5),
          income: pick(values, 3),
        };
        expectSameScoring(card, back, rec);
      }
    }
  });

  it("refuses expert cards, which have no PMML form", () => {
    expect(() => toPmml(loadExpertCardOrThrow(expertCard))).toThrow(TypeError);
    expect(loadPmml(exported[0]?.xml ?? "").ok).toBe(true);
  });
});
