/**
 * The analyst workflow of issue 18 item 4 on the German credit fixture: `train --split-out` and
 * `report --split` (the report's AUC on the held-out rows equals the test AUC train prints, and the
 * AUC metric recomputed here on those rows), `riskcard bins` then `train --bins` (the edited cut
 * points are the card's), the binning and fitting flags, and characteristics with 0 points left out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auc } from "../../src/metrics";
import { type Scorecard, loadScorecard } from "../../src/scorecard";
import { withoutZeroCharacteristics } from "../../src/cli/zero-points";
import {
  GERMAN,
  cli,
  expectOneLine,
  germanData,
  germanTrainArgv,
  loadModel,
  rowsInInterval,
  scoresOf,
  splitRows,
  tempDir,
  trainGerman,
} from "./helpers";

const dir = tempDir();
const model = join(dir, "german.json");
const split = join(dir, "split.csv");
const { records, labels } = germanData();
let card: Scorecard;
let trainOut: string;

beforeAll(async () => {
  const r = await trainGerman(model, "--split-out", split);
  trainOut = r.run.out;
  card = r.card;
});

/** The AUC of the card on the seeded split's test rows: scoreRecord over csv-parse records, the metrics auc (higher score = good). */
function testRowsAuc(): number {
  const scores = scoresOf(card, records);
  const idx = splitRows(labels, 1);
  return auc(
    idx.map((i) => -scores[i]!),
    idx.map((i) => labels[i]!),
  );
}

describe("train --split-out and report --split", () => {
  it("the split file holds the seeded stratified split trainTestSplit(labels, 0.3, 1) makes", () => {
    const test = new Set(splitRows(labels, 1));
    const lines = readFileSync(split, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("row,part");
    expect(test.size).toBe(300);
    expect(lines.slice(1)).toEqual(Array.from(labels, (_, i) => `${i + 1},${test.has(i) ? "test" : "train"}`));
  });

  it("report --split shows the test rows only: its AUC is the test AUC train printed", async () => {
    const json = join(dir, "report.json");
    const r = await cli(["report", model, GERMAN, "--out", join(dir, "r.html"), "--split", split, "--json", json]);
    expect(r.code).toBe(0);
    const testAuc = /test: {2}300 rows, 90 bad, AUC (0\.\d{4})/.exec(trainOut)?.[1];
    expect(testAuc).toBeDefined();
    expect(r.err).toContain(`300 rows, AUC ${testAuc}`);
    const a = testRowsAuc();
    const data = JSON.parse(readFileSync(json, "utf8")) as { discrimination: { auc: number } };
    expect(data.discrimination.auc).toBeCloseTo(a, 12);
    const all = await cli(["report", model, GERMAN, "--out", join(dir, "r2.html"), "--split", split, "--part", "all"]);
    expect(all.err).toContain("1000 rows");
  });

  it("a split of another file, a malformed split, or --part without --split is one clear error", async () => {
    const other = join(dir, "other-split.csv");
    writeFileSync(other, "row,part\n1,train\n2,test\n");
    const r = await cli(["report", model, GERMAN, "--out", join(dir, "x.html"), "--split", other]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain("another file");
    writeFileSync(other, "nope\n");
    expect((await cli(["report", model, GERMAN, "--out", join(dir, "x.html"), "--split", other])).code).toBe(1);
    expect((await cli(["report", model, GERMAN, "--out", join(dir, "x.html"), "--part", "test"])).code).toBe(2);
  });
});

describe("validate MODEL.json DATA.csv --split", () => {
  it("measures the test rows only: its AUC is the test AUC train printed, recomputed here", async () => {
    const r = await cli(["validate", model, GERMAN, "--split", split, "--json"]);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out) as { valid: boolean; data: { rows: number; bads: number; auc: number } };
    expect(got.valid).toBe(true);
    // the seeded split: 300 test rows of which 90 bad (30% of 1,000 rows, 300 bad in German credit)
    expect(got.data.rows).toBe(300);
    expect(got.data.bads).toBe(90);
    const a = testRowsAuc();
    expect(got.data.auc).toBeCloseTo(a, 12);
    const testAuc = /test: {2}300 rows, 90 bad, AUC (0\.\d{4})/.exec(trainOut)?.[1];
    expect(a.toFixed(4)).toBe(testAuc);
    const text = await cli(["validate", model, GERMAN, "--split", split]);
    expect(text.out).toContain(`300 rows, 90 bad, AUC ${testAuc}`);
    const train = await cli(["validate", model, GERMAN, "--split", split, "--part", "train"]);
    expect(train.out).toContain("700 rows, 210 bad");
  });

  it("--split without DATA.csv, --part without --split, or a split of another file is one clear error", async () => {
    const noData = await cli(["validate", model, "--split", split]);
    expect(noData.code).toBe(2);
    expectOneLine(noData.err);
    expect((await cli(["validate", model, GERMAN, "--part", "test"])).code).toBe(2);
    const other = join(dir, "other-split-v.csv");
    writeFileSync(other, "row,part\n1,train\n2,test\n");
    const r = await cli(["validate", model, GERMAN, "--split", other]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain("another file");
  });
});

describe("riskcard bins and train --bins (manual adjustment)", () => {
  it("exports the numeric cut points; edited ones are the retrained card's bins", async () => {
    const bins = join(dir, "bins.csv");
    expect((await cli(["bins", model, "--out", bins])).code).toBe(0);
    const lines = readFileSync(bins, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("variable,breaks");
    const numeric = card.characteristics.filter((c) => c.type === "numeric");
    expect(lines.length - 1).toBe(numeric.length);
    for (const c of numeric) {
      const cuts = c.attributes.flatMap((a) => (a.kind === "interval" && a.lower !== null ? [a.lower] : []));
      expect(lines).toContain(`${c.feature},${cuts.join(";")}`);
    }
    // the analyst's edit: age cut at 25 and 40 only
    writeFileSync(bins, "variable,breaks\nage_in_years,25;40\n");
    const manual = await trainGerman(join(dir, "german-manual.json"), "--bins", bins);
    const age = manual.card.characteristics.find((c) => c.feature === "age_in_years");
    expect(
      age?.attributes
        .filter((a) => a.kind === "interval")
        .map((a) => (a.kind === "interval" ? [a.lower, a.upper] : [])),
    ).toEqual([
      [null, 25],
      [25, 40],
      [40, null],
    ]);
  });

  it("a bins table with an unknown column, unordered cuts or a categorical column is one clear error", async () => {
    const bins = join(dir, "bad-bins.csv");
    const out = join(dir, "never.json");
    for (const body of ["variable,breaks\nnope,1\n", "variable,breaks\nage_in_years,40;25\n", "a,b\n"]) {
      writeFileSync(bins, body);
      const r = await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--bins", bins]);
      expect(r.code).toBe(1);
      expectOneLine(r.err);
    }
    writeFileSync(bins, "variable,breaks\nhousing,1\n");
    const r = await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--bins", bins]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("numeric columns only");
  });
});

describe("binning and fitting flags", () => {
  it("--min-bin-share 0.2 gives no numeric bin under 20% of the training rows; --max-p-value drops weak variables", async () => {
    const out = join(dir, "german-flags.json");
    const { run: r, card: c } = await trainGerman(out, "--min-bin-share", "0.2", "--max-p-value", "0.01");
    const metrics = c.artefact.format === "riskcard.scorecard" ? c.artefact.training!.metrics! : {};
    // the training rows (700), counted on the raw records: every interval of a numeric characteristic holds >= 140
    const trainIdx = splitRows(labels, 0);
    for (const ch of c.characteristics) {
      if (ch.type !== "numeric") continue;
      for (const a of ch.attributes) {
        if (a.kind !== "interval") continue;
        expect(rowsInInterval(records, trainIdx, ch.feature, a).length).toBeGreaterThanOrEqual(0.2 * 700);
      }
    }
    expect(metrics).toBeDefined();
    expect(r.out).toMatch(/p-value/);
    expect(c.characteristics.length).toBeLessThan(card.characteristics.length);
    for (const bad of [
      ["--min-bin-share", "0.9"],
      ["--max-p-value", "2"],
    ])
      expect((await cli(germanTrainArgv(out, ...bad))).code).toBe(2);
  });

  it("a characteristic with 0 points in every bin is left out, every score unchanged", () => {
    // a SYNTHETIC zero characteristic added to the trained card's artefact
    const art = JSON.parse(readFileSync(model, "utf8")) as { characteristics: Record<string, unknown>[] };
    art.characteristics.push({
      name: "zero",
      feature: "age_in_years",
      type: "numeric",
      closure: "left",
      reasonCode: "zero",
      attributes: [
        { kind: "interval", lower: null, upper: 30, points: 0 },
        { kind: "interval", lower: 30, upper: null, points: 0 },
      ],
      fallback: { points: 0 },
    });
    const withZero = loadScorecard(art);
    if (!withZero.ok) throw new Error("the synthetic card does not load");
    const r = withoutZeroCharacteristics(withZero.value, withZero.value.artefact);
    expect(r.dropped).toEqual(["zero"]);
    expect(r.card.characteristics.map((c) => c.name)).toEqual(card.characteristics.map((c) => c.name));
    expect(scoresOf(r.card, records)).toEqual(scoresOf(withZero.value, records));
  });
});

describe("train --trend", () => {
  /** Bad rate per interval of a numeric characteristic, counted here on the raw training rows. */
  function badRates(c: Scorecard, feature: string): number[] {
    const ch = c.characteristics.find((x) => x.feature === feature);
    if (ch === undefined || ch.type !== "numeric") throw new Error(`${feature} is not in the card`);
    const trainIdx = splitRows(labels, 0);
    return ch.attributes.flatMap((a) => {
      if (a.kind !== "interval") return [];
      const rows = rowsInInterval(records, trainIdx, feature, a);
      return [rows.filter((i) => labels[i] === 1).length / rows.length];
    });
  }

  it("a declared trend gives a bad rate (so WoE) monotone in that direction", async () => {
    const { card: c } = await trainGerman(
      join(dir, "german-trend.json"),
      "--min-iv",
      "0",
      "--max-correlation",
      "1",
      "--trend",
      "duration_in_month=ascending",
      "--trend",
      "age_in_years=descending",
    );
    const up = badRates(c, "duration_in_month");
    const down = badRates(c, "age_in_years");
    expect(up.length).toBeGreaterThan(1);
    expect(down.length).toBeGreaterThan(1);
    for (let i = 1; i < up.length; i++) expect(up[i]!).toBeGreaterThanOrEqual(up[i - 1]!);
    for (let i = 1; i < down.length; i++) expect(down[i]!).toBeLessThanOrEqual(down[i - 1]!);
  });

  it("each trend gives the hand-merged bins of a SYNTHETIC U-shaped table; a column's trend overrides the global one", async () => {
    // SYNTHETIC: x = 1..5, 20 rows each, of which 10, 4, 2, 6, 12 bad (bad rates 0.5, 0.2, 0.1, 0.3, 0.6: a U).
    // --test-share 0, so every row trains. Without a trend the tree's bins are {1}, {2,3}, {4}, {5} (cuts 2, 4, 5:
    // asserted below with --trend none); each trend then merges adjacent bins that break it (pool adjacent violators):
    // - ascending: 0.5 > 4+2 of 40 = 0.15, merge: 16 of 60 = 0.267; then 0.3 and 0.6 rise: {1,2,3} {4} {5}, cuts 4, 5.
    // - descending: 0.5, 0.15, then 0.3 > 0.15, merge: 12 of 60 = 0.2; then 0.6 > 0.2, merge: 24 of 80 = 0.3 < 0.5:
    //   {1} {2,3,4,5}, cut 2.
    // - auto: the direction with the larger IV (bads B = 34, goods G = 66; IV = sum (b/B - g/G) ln((b/B)/(g/G))):
    //   ascending (16,44) (6,14) (12,8): 0.0683 + 0.0066 + 0.2477 = 0.3225; descending (10,10) (24,56): 0.0946 +
    //   0.0262 = 0.1208; so ascending, cuts 4, 5.
    // The test fails if --trend is ignored (cuts 2, 4, 5), if its direction is (auto: 4, 5 where descending gives 2),
    // or if a column's trend does not override the global one.
    const rows = [10, 4, 2, 6, 12].flatMap((bads, k) =>
      Array.from({ length: 20 }, (_, i) => `${k + 1},${i < bads ? 1 : 0}`),
    );
    const csv = join(dir, "u-shape.csv");
    writeFileSync(csv, `x,y\n${rows.join("\n")}\n`);
    const cuts = async (...trend: string[]): Promise<(number | null)[]> => {
      const out = join(dir, "u-shape.json");
      const argv = ["train", csv, "--target", "y", "--out", out, "--date", "2026-01-02", "--test-share", "0"];
      const r = await cli([...argv, "--min-iv", "0", ...trend]);
      expect(r.code).toBe(0);
      const x = loadModel(out).characteristics.find((c) => c.feature === "x")!;
      return x.attributes.flatMap((a) => (a.kind === "interval" && a.lower !== null ? [a.lower] : []));
    };
    expect(await cuts("--trend", "none")).toEqual([2, 4, 5]);
    expect(await cuts()).toEqual([2, 4, 5]);
    expect(await cuts("--trend", "ascending")).toEqual([4, 5]);
    expect(await cuts("--trend", "descending")).toEqual([2]);
    expect(await cuts("--trend", "auto")).toEqual([4, 5]);
    expect(await cuts("--trend", "x=descending")).toEqual([2]);
    expect(await cuts("--trend", "ascending", "--trend", "x=descending")).toEqual([2]);
    expect(await cuts("--trend", "x=descending", "--trend", "ascending")).toEqual([2]);
  });

  it("a bad trend, a trend on a categorical or unknown column, or with --method boosted is one clear error", async () => {
    const base = ["train", GERMAN, "--target", "creditability", "--out", join(dir, "x.json")];
    for (const [flag, code] of [
      [["--trend", "up"], 2],
      [["--trend", "duration_in_month=sideways"], 2],
      [["--trend", "=ascending"], 2],
      [["--trend", "ascending", "--method", "boosted"], 2],
      [["--trend", "purpose=ascending"], 1],
      [["--trend", "nope=ascending"], 1],
    ] as const) {
      const r = await cli([...base, ...flag]);
      expect(r.code).toBe(code);
      expectOneLine(r.err);
    }
  });
});
