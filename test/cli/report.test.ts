/**
 * `riskcard report`: every number of the report equals the API's value computed here from
 * independently recomputed scores (scoreRecord over csv-parse records), a hand-checked small card,
 * and malformed inputs fail with one line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { woeIv } from "../../src/binning";
import type { ReportData } from "../../src/cli/report-data";
import { fmt } from "../../src/cli/report-html";
import { auc, gainsTable, gini, ks, psiTable, quantileBreaks } from "../../src/metrics";
import type { Scorecard } from "../../src/scorecard";
import {
  type CliRun,
  GERMAN,
  attributesOf,
  cli,
  expectOneLine,
  germanData,
  scoresOf,
  splitRows,
  tempDir,
  trainGerman,
} from "./helpers";
import { itWithData } from "../real-data";

const dir = tempDir();
const model = join(dir, "german.json");
const html = join(dir, "report.html");
const json = join(dir, "report.json");
const { records, labels } = germanData();
let card: Scorecard;
let data: ReportData;
let page: string;
let reportRun: CliRun;

beforeAll(async () => {
  card = (await trainGerman(model)).card;
  reportRun = await cli(["report", model, GERMAN, "--out", html, "--json", json]);
  data = JSON.parse(readFileSync(json, "utf8")) as ReportData;
  page = readFileSync(html, "utf8");
});

describe("riskcard report on German credit", () => {
  it("writes a self-contained HTML page with inline SVG charts", () => {
    expect(reportRun.code).toBe(0);
    expect(reportRun.err).toMatch(
      /^riskcard report: wrote report\.html: 1000 rows, AUC 0\.\d{4}, KS 0\.\d{4}, PSI 0\.\d{4}\n$/,
    );
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|<link |@import|url\(/);
    // ROC, KS, distribution, bad rate by band, stability, one chart per characteristic, and its
    // shape (points by attribute) in the Shapes section
    expect((page.match(/<svg /g) ?? []).length).toBe(5 + 2 * card.characteristics.length);
    expect(page).toContain("ROC curve");
    expect(page).toContain("KS curve");
  });

  it("reads target and bad value recorded by train (no --target needed)", () => {
    expect(data.data).toEqual({
      source: "german_credit.csv",
      target: "creditability",
      rows: 1000,
      bads: 300,
      goods: 700,
      badRate: 0.3,
    });
  });

  it("AUC, Gini, KS and the curves equal the metrics API", () => {
    const scores = scoresOf(card, records);
    const d = data.discrimination;
    expect(d.auc).toBe(auc(scores, labels, { higherIsBad: false }));
    expect(d.gini).toBe(gini(scores, labels, { higherIsBad: false }));
    expect(d.ks).toBe(ks(scores, labels));
    // the ROC curve's trapezoid area is the AUC; the KS curve's largest gap is the KS
    let area = 0;
    for (let i = 1; i < data.roc.fpr.length; i++)
      area += ((data.roc.fpr[i]! - data.roc.fpr[i - 1]!) * (data.roc.tpr[i]! + data.roc.tpr[i - 1]!)) / 2;
    expect(area).toBeCloseTo(d.auc, 12);
    const gaps = data.ksCurve.score.map((_, i) =>
      Math.abs(data.ksCurve.cumBadShare[i]! - data.ksCurve.cumGoodShare[i]!),
    );
    expect(Math.max(...gaps)).toBeCloseTo(d.ks, 12);
    expect(page).toContain(`ROC curve (AUC ${fmt.stat(d.auc)})`);
    expect(page).toContain(`KS ${fmt.stat(d.ks)} at score`);
    expect(page).toContain(`<div class="v">${fmt.stat(d.gini)}</div>`);
  });

  it("bad rate by band is the metrics gainsTable, and the table shows its figures", () => {
    const scores = scoresOf(card, records);
    expect(data.bands).toEqual(
      JSON.parse(JSON.stringify(gainsTable(scores, labels, { groups: 10, higherIsBad: false }))),
    );
    for (const b of data.bands) expect(page).toContain(`<td class="n">${fmt.pct(b.badRate)}</td>`);
    const hist = data.distribution;
    expect(hist.reduce((s, b) => s + b.bad, 0)).toBe(300);
    expect(hist.reduce((s, b) => s + b.good, 0)).toBe(700);
  });

  it("each characteristic's counts, bad rates, WoE, IV and points equal the API's", () => {
    const attrs = attributesOf(card, records);
    card.characteristics.forEach((c, ci) => {
      const rep = data.characteristics[ci]!;
      expect(rep.name).toBe(c.name);
      const m = c.attributes.length;
      const good = new Array<number>(m).fill(0);
      const bad = new Array<number>(m).fill(0);
      attrs.forEach((a, i) => {
        expect(a[ci]).toBeGreaterThanOrEqual(0); // no fallback on the training data itself
        (labels[i] === 1 ? bad : good)[a[ci]!]!++;
      });
      // WoE/IV over the attributes that hold rows (the explicit missing bin is empty on this data)
      const filled = [...good.keys()].filter((a) => good[a]! + bad[a]! > 0);
      const w = woeIv(
        filled.map((a) => good[a]!),
        filled.map((a) => bad[a]!),
      );
      expect(rep.rows.length).toBe(m);
      rep.rows.forEach((row, a) => {
        expect(row.good).toBe(good[a]);
        expect(row.bad).toBe(bad[a]);
        expect(row.count).toBe(good[a]! + bad[a]!);
        expect(row.badRate).toBe(row.count === 0 ? 0 : bad[a]! / row.count);
        const k = filled.indexOf(a);
        expect(row.woe).toBe(k < 0 ? null : w.woe[k]);
        expect(row.iv).toBe(k < 0 ? 0 : w.iv[k]);
        expect(row.points).toBe(c.attributes[a]!.points);
        if (row.woe !== null) expect(page).toContain(`<td class="n">${fmt.stat(row.woe)}</td>`);
      });
      expect(rep.iv).toBe(w.totalIv);
      expect(page).toContain(`IV ${fmt.stat(rep.iv)}`);
    });
  });

  it("PSI against the training distribution equals the metrics psiTable on the training split", () => {
    const scores = scoresOf(card, records);
    const train = Float64Array.from(splitRows(labels, 0), (i) => scores[i]!);
    const t = psiTable(train, scores, { breaks: quantileBreaks(train, 10) });
    expect(data.stability).not.toBeNull();
    expect(data.stability!.psi).toBeCloseTo(t.index, 14);
    data.stability!.rows.forEach((r, i) => {
      expect(r.expectedCount).toBe(t.bins[i]!.expectedCount);
      expect(r.actualCount).toBe(t.bins[i]!.actualCount);
    });
    expect(page).toContain(`PSI ${fmt.stat(data.stability!.psi)}`);
    for (const c of data.characteristics) expect(c.csi).not.toBeNull();
  });
});

describe("riskcard report: hand-checked numbers", () => {
  it("a one-characteristic card on 8 rows gives AUC 0.75, KS 0.5, WoE +-ln 3, IV ln 3", async () => {
    // Scores: x < 5 -> 10 points (rows y = 1, 1, 0, 1), x >= 5 -> 20 points (rows y = 0, 0, 1, 0).
    // AUC (higher score = better): bad@10 < good@20: 3*3 = 9 pairs, ties bad@10/good@10: 3*1, bad@20/good@20: 1*3,
    // so (9 + 0.5 * 6) / 16 = 0.75; Gini 0.5. KS at 10: bads 3/4, goods 1/4 -> 0.5.
    // WoE [-inf,5) = ln((3/4)/(1/4)) = ln 3, [5,inf) = -ln 3; IV = 0.5 ln 3 + 0.5 ln 3 = ln 3.
    const cardJson = {
      format: "riskcard.scorecard",
      version: 1,
      name: "hand",
      scaling: null,
      rounding: "none",
      base: "separate",
      basePoints: 0,
      characteristics: [
        {
          name: "x",
          feature: "x",
          type: "numeric",
          reasonCode: "X",
          fallback: { points: 0 },
          attributes: [
            { kind: "interval", lower: null, upper: 5, points: 10 },
            { kind: "interval", lower: 5, upper: null, points: 20 },
          ],
        },
      ],
    };
    const m = join(dir, "hand.json");
    const csv = join(dir, "hand.csv");
    writeFileSync(m, JSON.stringify(cardJson));
    writeFileSync(csv, "x,y\n1,1\n2,1\n3,0\n4,1\n6,0\n7,0\n8,1\n9,0\n");
    const out = join(dir, "hand.json.out");
    const r = await cli(["report", m, csv, "--target", "y", "--out", join(dir, "hand.html"), "--json", out]);
    expect(r.code).toBe(0);
    const d = JSON.parse(readFileSync(out, "utf8")) as ReportData;
    expect(d.discrimination.auc).toBe(0.75);
    expect(d.discrimination.gini).toBe(0.5);
    expect(d.discrimination.ks).toBe(0.5);
    expect(d.discrimination.ksScore).toBe(10);
    const rows = d.characteristics[0]!.rows;
    expect(rows.map((x) => x.label)).toEqual(["[-inf, 5)", "[5, +inf)"]);
    expect(rows[0]!.woe).toBeCloseTo(Math.log(3), 14);
    expect(rows[1]!.woe).toBeCloseTo(-Math.log(3), 14);
    expect(rows.map((x) => [x.count, x.good, x.bad, x.badRate, x.points])).toEqual([
      [4, 1, 3, 0.75, 10],
      [4, 3, 1, 0.25, 20],
    ]);
    expect(d.characteristics[0]!.iv).toBeCloseTo(Math.log(3), 14);
    expect(d.stability).toBeNull();
    expect(readFileSync(join(dir, "hand.html"), "utf8")).toContain("no training distribution");
  });
});

describe("riskcard report: malformed input", () => {
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const out = join(dir, "x.html");

  it("a column the model reads is missing from the data", async () => {
    const lines = readFileSync(GERMAN, "utf8").split("\r\n");
    const header = lines[0]!.split(",");
    const j = header.indexOf(card.characteristics[0]!.feature);
    const cut = lines.map((l) =>
      l
        .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
        .filter((_, k) => k !== j)
        .join(","),
    );
    const r = await cli(["report", model, file("cut.csv", cut.join("\r\n")), "--out", out]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toContain(`column "${card.characteristics[0]!.feature}" (read by characteristic`);
  });

  it("an invalid or unreadable model, a missing target, usage errors", async () => {
    const r1 = await cli([
      "report",
      file("m.json", '{"format":"riskcard.scorecard","version":9}'),
      GERMAN,
      "--out",
      out,
    ]);
    expect(r1.code).toBe(1);
    expectOneLine(r1.err);
    expect(r1.err).toContain("invalid model: unsupported_version at version");
    const r2 = await cli(["report", file("nj.json", "{"), GERMAN, "--out", out]);
    expect(r2.code).toBe(1);
    expect(r2.err).toBe("riskcard report: nj.json: not valid JSON\n");
    const r3 = await cli(["report", model, GERMAN, "--out", out, "--target", "nope"]);
    expect(r3.code).toBe(1);
    expectOneLine(r3.err);
    expect((await cli(["report", model, GERMAN])).code).toBe(2);
    expect((await cli(["report", model, "--out", out])).code).toBe(2);
  });

  itWithData("works on Give Me Some Credit (150,000 rows)", ["give_me_some_credit.csv"], async (p) => {
    const g = join(dir, "g.json");
    expect(
      (
        await cli([
          "train",
          p,
          "--target",
          "SeriousDlqin2yrs",
          "--out",
          g,
          "--date",
          "2026-01-02",
          "--special",
          "NumberOfTimes90DaysLate=96,98",
        ])
      ).code,
    ).toBe(0);
    const gj = join(dir, "g.report.json");
    const r = await cli(["report", g, p, "--out", join(dir, "g.html"), "--json", gj]);
    expect(r.code).toBe(0);
    const d = JSON.parse(readFileSync(gj, "utf8")) as ReportData;
    expect(d.data.rows).toBe(150000);
    expect(d.data.bads).toBe(10026);
    expect(d.discrimination.auc).toBeGreaterThan(0.84);
    expect(d.stability!.psi).toBeLessThan(0.01);
  });
});
