import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import scorecardJson from "../../models/scorecard.json";
import { createEngine } from "../../src/index";
import { fromScorecardpyTable, pyFloat, toScorecardpyCsv, toScorecardpyTable } from "../../src/interop";
import { loadScorecardOrThrow, scoreRecord } from "../../src/scorecard";
import { pmmlSample } from "../scorecard/pmml-sample";

/*
 * scorecardpy itself cannot be installed here (`pip download scorecardpy` fails: no route to the
 * package index), so the expected scores come from (1) hand calculations written out below and (2)
 * a naive reading of scorecardpy 0.1.9's `scorecard_ply` / `woepoints_ply1` (ShichenXie/scorecardpy,
 * scorecardpy/woebin.py and scorecard.py, read at commit 1935e0447990f89bc4e2b5884f83419a0c92ebe4):
 * split each bin on "%,%"; breaks = -inf, every interval bin's lower bound, inf; pd.cut(right=False)
 * labels "[lo,hi)" in Python's float format; a value equal to a special value takes that bin;
 * NaN becomes "missing"; merge on the label; the total is basepoints + the row sum, where pandas
 * skips NaN (a value in no bin adds 0).
 */

/** SYNTHETIC card in scorecardpy's layout (the shape `pd.concat(sc.scorecard(...))` writes). */
const CARD = `variable,bin,points
basepoints,,456.0
age.in.years,"[-inf,26.0)",-19.0
age.in.years,"[26.0,35.0)",-4.0
age.in.years,"[35.0,40.0)",12.0
age.in.years,"[40.0,inf)",8.0
credit.amount,missing,-7.0
credit.amount,"[-inf,1400.0)",5.0
credit.amount,"[1400.0,1800.0)",21.0
credit.amount,"[1800.0,4000.0)",9.0
credit.amount,"[4000.0,9200.0)",-11.0
credit.amount,"[9200.0,inf)",-32.0
credit.amount,"-1.0%,%-2.0",3.0
purpose,"retraining%,%car (used)",38.0
purpose,radio/television,14.0
purpose,"furniture/equipment%,%business",-2.0
purpose,missing,-5.0
`;

type Row = Record<string, number | string | null>;

/** scorecardpy's scoring of one row, step by step (see the header). */
function naiveScorecardpy(card: string, row: Row): number {
  const lines = card.trim().split("\n").slice(1);
  const parsed = lines.map((l) => {
    const m = /^([^,]+),("([^"]*)"|[^,]*),(.+)$/.exec(l)!;
    return { variable: m[1]!, bin: m[3] ?? m[2]!, points: Number(m[4]) };
  });
  let total = parsed.find((p) => p.variable === "basepoints")?.points ?? 0;
  const vars = [...new Set(parsed.map((p) => p.variable).filter((v) => v !== "basepoints"))];
  const py = (x: number): string =>
    x === Infinity ? "inf" : x === -Infinity ? "-inf" : Number.isInteger(x) ? `${x}.0` : String(x);
  for (const v of vars) {
    const bins = parsed.filter((p) => p.variable === v);
    const x = row[v] ?? null;
    let label: string;
    if (x === null) label = "missing";
    else if (typeof x === "string") label = x;
    else {
      const pieces = bins.flatMap((b) => b.bin.split("%,%"));
      const lows = pieces
        .filter((p) => p.startsWith("["))
        .map((p) => Number(p.slice(1, p.indexOf(",")).replace("inf", "Infinity")));
      const breaks = [...new Set([-Infinity, ...lows, Infinity])].sort((a, b) => a - b);
      const special = pieces.filter((p) => !p.startsWith("[") && p !== "missing").find((p) => Number(p) === x);
      if (special !== undefined) label = special;
      else {
        let i = 0;
        while (i + 1 < breaks.length && !(x >= breaks[i]! && x < breaks[i + 1]!)) i++;
        label = `[${py(breaks[i]!)},${py(breaks[i + 1]!)})`;
      }
    }
    const hit = bins.find((b) => b.bin.split("%,%").includes(label));
    total += hit === undefined ? 0 : hit.points; // pandas sum skips NaN
  }
  return total;
}

describe("scorecardpy card tables", () => {
  const card = fromScorecardpyTable(CARD);

  it("reads the table", () => {
    expect(card.ok).toBe(true);
    if (!card.ok) return;
    expect(card.value.basePoints).toBe(456);
    expect(card.value.characteristics.map((c) => c.type)).toEqual(["numeric", "numeric", "categorical"]);
  });

  it("scores as scorecardpy: hand calculations", () => {
    if (!card.ok) throw new Error("card");
    const s = (r: Row) => scoreRecord(card.value, r).score;
    // 456 + age 26 in [26,35): -4 + amount 1400 in [1400,1800): 21 + "radio/television": 14 = 487
    expect(s({ "age.in.years": 26, "credit.amount": 1400, purpose: "radio/television" })).toBe(487);
    // 456 + age 25.999 in [-inf,26): -19 + amount missing: -7 + "car (used)": 38 = 468
    expect(s({ "age.in.years": 25.999, "credit.amount": null, purpose: "car (used)" })).toBe(468);
    // 456 + age 40 in [40,inf): 8 + special -2: 3 + purpose missing: -5 = 462
    expect(s({ "age.in.years": 40, "credit.amount": -2, purpose: null })).toBe(462);
    // unseen purpose "education" matches no bin: scorecard_ply's row sum skips the NaN, +0;
    // age missing has no "missing" bin: +0. 456 + 0 + amount 9200: -32 + 0 = 424
    expect(s({ "age.in.years": null, "credit.amount": 9200, purpose: "education" })).toBe(424);
  });

  it("scores as scorecardpy: the naive reading on a grid", () => {
    if (!card.ok) throw new Error("card");
    const ages = [null, -5, 0, 25.99, 26, 34.5, 35, 39.999, 40, 99];
    const amounts = [null, -2, -1, 0, 1399.99, 1400, 1800, 3999, 4000, 9199.5, 9200, 1e7];
    const purposes = [
      null,
      "retraining",
      "car (used)",
      "radio/television",
      "business",
      "furniture/equipment",
      "education",
    ];
    for (const a of ages)
      for (const m of amounts)
        for (const p of purposes) {
          const r = { "age.in.years": a, "credit.amount": m, purpose: p };
          expect(scoreRecord(card.value, r).score).toBe(naiveScorecardpy(CARD, r));
        }
  });

  it("an interval whose label is not scorecardpy's cut label scores 0, as in scorecard_ply", () => {
    // Breaks are -inf, 0, 10, inf: the labels are "[-inf,0.0)", "[0.0,10.0)", "[10.0,inf)"; the
    // table's "[0.0,5.0)" merges with nothing, so values in [0, 10) score 0.
    const r = fromScorecardpyTable('variable,bin,points\nx,"[-inf,0.0)",1\nx,"[0.0,5.0)",2\nx,"[10.0,inf)",3\n');
    if (!r.ok) throw new Error("card");
    expect([-1, 0, 7, 10].map((x) => scoreRecord(r.value, { x }).score)).toEqual([1, 0, 0, 3]);
  });

  it("writes Python's float text", () => {
    // python3 -c 'for x in [8.0,0.5,1e-5,1e-4,1e16,1.5e16,123456789012345.6,0.014970059880239521,-3.25,1e300,2.5e-10,1000000000000000.0,0.1+0.2]: print(repr(x))'
    // (Python 3.11.7)
    const want = [
      "8.0",
      "0.5",
      "1e-05",
      "0.0001",
      "1e+16",
      "1.5e+16",
      "123456789012345.6",
      "0.014970059880239521",
      "-3.25",
      "1e+300",
      "2.5e-10",
      "1000000000000000.0",
      "0.30000000000000004",
    ];
    const xs = [
      8.0,
      0.5,
      1e-5,
      1e-4,
      1e16,
      1.5e16,
      123456789012345.6,
      0.014970059880239521,
      -3.25,
      1e300,
      2.5e-10,
      1e15,
      0.1 + 0.2,
    ];
    expect(xs.map(pyFloat)).toEqual(want);
  });

  it("round-trips the default engine card: identical scores and PDs on all 1,040 fixture applicants", () => {
    const original = loadScorecardOrThrow(scorecardJson);
    const csv = toScorecardpyCsv(original);
    expect(csv.split("\n")[0]).toBe("variable,bin,points");
    const back = fromScorecardpyTable(csv, { scaling: original.scaling! });
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    const a = createEngine();
    const b = createEngine({ scorecard: back.value.artefact });
    const asOf = Date.UTC(2026, 5, 30);
    const lines = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "applicants.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l !== "");
    expect(lines).toHaveLength(1040);
    let differing = 0;
    for (const l of lines) {
      const x = a.decide(JSON.parse(l), { asOf });
      const y = b.decide(JSON.parse(l), { asOf });
      if (x.score !== y.score || x.pd !== y.pd || x.band !== y.band || x.outcome !== y.outcome) differing++;
    }
    expect(differing).toBe(0);
  });

  it("round-trips right-closed intervals exactly and refuses what scorecardpy cannot express", () => {
    const sample = loadScorecardOrThrow(pmmlSample());
    // The categorical characteristic gives unseen departments -9; scorecardpy would give 0.
    expect(() => toScorecardpyTable(sample)).toThrow(RangeError);
    const numericOnly = loadScorecardOrThrow({
      ...pmmlSample(),
      characteristics: (pmmlSample().characteristics as unknown[]).slice(1),
    } as Record<string, unknown>);
    const back = fromScorecardpyTable(toScorecardpyTable(numericOnly));
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    for (const age of [null, -1, 18, 18.000001, 29, 29.5, 39, 39.0000001])
      for (const income of [null, 0, 1000, 1000.0001, 2500, 2600])
        expect(scoreRecord(back.value, { age, income }).score).toBe(scoreRecord(numericOnly, { age, income }).score);
  });

  it("reports bad tables with row paths, never their values", () => {
    const r = fromScorecardpyTable('variable,bin,points\nx,"[a,b)",1\ny,cat,secret-value\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual([[1, "points"]]);
      expect(JSON.stringify(r.issues)).not.toContain("secret");
    }
    expect(fromScorecardpyTable("not,a\ncsv").ok).toBe(false);
    expect(fromScorecardpyTable(42 as unknown as string).ok).toBe(false);
  });
});
