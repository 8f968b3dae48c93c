/**
 * `riskcard train` on the German credit fixture: the model loads, its recorded train/test AUC and
 * KS equal what the metrics API computes from scores recomputed here (scoreRecord over csv-parse
 * records, labels from the file, the split from trainTestSplit), and malformed inputs fail with
 * one clear line and a non-zero exit.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readReference } from "../../src/cli/reference";
import { auc, ks, quantileBreaks } from "../../src/metrics";
import type { Scorecard } from "../../src/scorecard";
import {
  type CliRun,
  GERMAN,
  cli,
  expectOneLine,
  germanData,
  germanTrainArgv,
  loadModel,
  scoresOf,
  splitRows,
  tempDir,
  trainGerman,
} from "./helpers";
import { itWithData } from "../real-data";

const dir = tempDir();
const modelPath = join(dir, "german.json");
const { records, labels } = germanData();

let card: Scorecard;
let run: CliRun;
beforeAll(async () => {
  ({ run, card } = await trainGerman(modelPath));
});

describe("riskcard train on German credit", () => {
  it("writes a model that loads, and prints the variable table with IV and train/test AUC and KS", () => {
    expect(run.code).toBe(0);
    expect(card.kind).toBe("points");
    expect(card.characteristics.length).toBeGreaterThanOrEqual(5);
    expect(run.out).toMatch(/^variable\s+IV\s+bins/);
    expect(run.out).toMatch(/train: 700 rows, 210 bad, AUC 0\.\d{4}, KS 0\.\d{4}/);
    expect(run.out).toMatch(/test: {2}300 rows, 90 bad, AUC 0\.\d{4}, KS 0\.\d{4}/);
    expect(run.err).toContain("wrote german.json");
    const art = card.artefact;
    expect(art.format === "riskcard.scorecard" && art.training?.date).toBe("2026-01-02");
  });

  it("records train and test AUC/KS equal to the metrics API on independently recomputed scores", () => {
    const scores = scoresOf(card, records);
    const pick = (test: 0 | 1) => {
      const idx = splitRows(labels, test);
      return { s: Float64Array.from(idx, (i) => scores[i]!), y: Uint8Array.from(idx, (i) => labels[i]!) };
    };
    const tr = pick(0);
    const te = pick(1);
    const m = card.artefact.format === "riskcard.scorecard" ? card.artefact.training!.metrics! : {};
    expect(m.trainAuc).toBeCloseTo(auc(tr.s, tr.y, { higherIsBad: false }), 12);
    expect(m.testAuc).toBeCloseTo(auc(te.s, te.y, { higherIsBad: false }), 12);
    expect(m.trainKs).toBeCloseTo(ks(tr.s, tr.y), 12);
    expect(m.testKs).toBeCloseTo(ks(te.s, te.y), 12);
    expect(run.out).toContain(`AUC ${m.testAuc!.toFixed(4)}`);
    // a real model: better than chance on the holdout
    expect(m.testAuc).toBeGreaterThan(0.7);
  });

  it("stores the training score deciles and attribute counts as the reference distribution", () => {
    const ref = readReference(card);
    expect(ref).not.toBeNull();
    const scores = scoresOf(card, records);
    const train = Float64Array.from(splitRows(labels, 0), (i) => scores[i]!);
    expect(ref!.breaks).toEqual(quantileBreaks(train, 10));
    expect(ref!.scoreCounts.reduce((a, b) => a + b, 0)).toBe(700);
    for (const counts of ref!.attributeCounts) expect(counts.reduce((a, b) => a + b, 0)).toBe(700);
  });

  it("is deterministic: the same command writes the same bytes", async () => {
    const again = join(dir, "again.json");
    expect((await cli(germanTrainArgv(again))).code).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(modelPath, "utf8"));
  });

  it("accepts --method, --exclude and --categorical", async () => {
    const r = await cli(
      germanTrainArgv(
        join(dir, "mono.json"),
        "--method",
        "monotonic",
        "--exclude",
        "purpose,credit_history",
        "--categorical",
        "number_of_existing_credits_at_this_bank",
      ),
    );
    expect(r.code).toBe(0);
    expect(loadModel(join(dir, "mono.json")).characteristics.map((x) => x.feature)).not.toContain("purpose");
  });
});

describe("riskcard train: malformed input gives one clear line and a non-zero exit", () => {
  const csv = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const out = join(dir, "bad.json");

  it("missing target column", async () => {
    const r = await cli(["train", GERMAN, "--target", "nope", "--out", out]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toBe('riskcard train: german_credit.csv: target column "nope" is not in the header\n');
  });

  it("non-numeric value in a numeric column (the value is not echoed)", async () => {
    const lines = readFileSync(GERMAN, "utf8").split("\r\n");
    const header = lines[0]!.split(",");
    const j = header.indexOf("credit_amount");
    const row = lines[5]!.split(",");
    row[j] = "SECRET-4711";
    lines[5] = row.join(",");
    const r = await cli(["train", csv("nonnum.csv", lines.join("\r\n")), "--target", "creditability", "--out", out]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain('nonnum.csv line 6: column "credit_amount" is numeric but holds a non-numeric value');
    expect(r.err).not.toContain("SECRET");
  });

  it("unknown columns in --exclude, --categorical and --special", async () => {
    for (const opt of [
      ["--exclude", "nope"],
      ["--categorical", "nope"],
      ["--special", "nope=1"],
    ]) {
      const r = await cli(["train", GERMAN, "--target", "creditability", "--out", out, ...opt]);
      expect(r.code).toBe(1);
      expectOneLine(r.err);
      expect(r.err).toContain('column "nope" is not in the header');
    }
  });

  it("a target that is not binary, or one class only", async () => {
    const r1 = await cli(["train", GERMAN, "--target", "purpose", "--out", out]);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain("more than two distinct values");
    const r2 = await cli(["train", csv("one.csv", "x,y\n1,0\n2,0\n3,0\n"), "--target", "y", "--out", out]);
    expect(r2.code).toBe(1);
    expectOneLine(r2.err);
    expect(r2.err).toContain("one class only");
  });

  it("training that cannot find a variable reports the library's issue", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 2},7`).join("\n");
    const r = await cli(["train", csv("flat.csv", `y,x\n${rows}\n`), "--target", "y", "--out", out]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain("training failed");
  });

  it("usage errors exit 2", async () => {
    expect((await cli(["train", GERMAN, "--out", out])).code).toBe(2);
    expect((await cli(["train", GERMAN, "--target", "creditability"])).code).toBe(2);
    expect((await cli(["train", "--target", "creditability", "--out", out])).code).toBe(2);
    expect((await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--method", "forest"])).code).toBe(
      2,
    );
    expect((await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--date", "yesterday"])).code).toBe(
      2,
    );
    expect((await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--test-share", "2"])).code).toBe(2);
    expect((await cli(["train", GERMAN, "--target", "creditability", "--out", out, "--bogus"])).code).toBe(2);
  });
});

describe("riskcard train on Give Me Some Credit", () => {
  itWithData(
    "trains with NA, the unnamed index column and special codes 96/98; --special never makes the card worse (issue 18 item 5)",
    ["give_me_some_credit.csv"],
    async (p) => {
      const train = async (name: string, extra: string[]) => {
        const model = join(dir, name);
        const r = await cli([
          "train",
          p,
          "--target",
          "SeriousDlqin2yrs",
          "--out",
          model,
          "--date",
          "2026-01-02",
          ...extra,
        ]);
        expect(r.code).toBe(0);
        expect(r.err).toContain("ignored the column with an empty header name");
        const c = loadModel(model);
        const m = c.artefact.format === "riskcard.scorecard" ? c.artefact.training!.metrics! : {};
        return { card: c, testAuc: m.testAuc!, out: r.out };
      };
      // the README's command: 96 and 98 declared special in the three past-due columns
      const specials = [
        "NumberOfTime30-59DaysPastDueNotWorse",
        "NumberOfTimes90DaysLate",
        "NumberOfTime60-89DaysPastDueNotWorse",
      ].flatMap((c) => ["--special", `${c}=96,98`]);
      const plain = await train("gmsc-plain.json", []);
      const declared = await train("gmsc.json", specials);
      // Before the fix (main at 3417705) the declared run measured test AUC 0.8455 against 0.8528 without:
      // the one-or-more 60-89-day bin (4.94% once the codes left it) was merged away and the variable dropped.
      expect(declared.testAuc).toBeGreaterThanOrEqual(plain.testAuc);
      expect(declared.testAuc).toBeGreaterThan(0.85);
      const late = declared.card.characteristics.find((x) => x.feature === "NumberOfTime60-89DaysPastDueNotWorse");
      expect(late?.attributes.filter((a) => a.kind === "interval").length).toBeGreaterThanOrEqual(2);
      // 96 and 98 hold 269 of 150,000 rows (0.18%; `awk -F, 'NR>1 && ($5==96||$5==98)'` counts 269 rows), below the 5% minimum of a
      // special bin; with no missing values in these columns they are binned with the ordinary values.
      for (const ch of declared.card.characteristics)
        expect(ch.attributes.some((a) => a.kind === "special")).toBe(false);
      expect(
        declared.card.characteristics
          .find((x) => x.feature === "MonthlyIncome")
          ?.attributes.some((a) => a.kind === "missing"),
      ).toBe(true);
    },
    120_000,
  );
});

describe("riskcard train --method boosted on German credit", () => {
  it("writes a boosted card that loads, prints rounds, AUC per part, Brier and shapes; rejects --monotone without it", async () => {
    const out = join(dir, "german-boosted.json");
    const { run: r, card: c } = await trainGerman(
      out,
      "--method",
      "boosted",
      "--monotone",
      "duration_in_month=increasing",
    );
    expect(r.out).toMatch(/^boosted scorecard: \d+ rounds, kept round \d+/);
    expect(r.out).toMatch(/AUC train 0\.\d{4}, validation 0\.\d{4}, test 0\.\d{4}/);
    expect(r.out).toContain("PD Brier score");
    const dur = c.characteristics.find((x) => x.feature === "duration_in_month")!;
    const ivs = dur.attributes.filter((a) => a.kind === "interval");
    for (let k = 1; k < ivs.length; k++) expect(ivs[k]!.points).toBeLessThanOrEqual(ivs[k - 1]!.points);
    const bad = await cli(germanTrainArgv(out, "--monotone", "age_in_years=increasing"));
    expect(bad.code).toBe(2);
    expectOneLine(bad.err);
  });
  it("--interactions 3 prints which requested pairs were kept or dropped and why (none survives on German credit)", async () => {
    const out = join(dir, "german-boosted-pairs.json");
    const { run: r, card: c } = await trainGerman(out, "--method", "boosted", "--interactions", "3");
    expect(r.out).toContain("pair selection (requested pairs; none kept):");
    const lines = r.out.split("\n").filter((l) => / x .*: dropped \((no_gain|no_improvement|not_significant)/.test(l));
    expect(lines).toHaveLength(3);
    expect(c.characteristics.every((x) => x.type !== "rules")).toBe(true);
  });
});
