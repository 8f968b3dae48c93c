import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../../src/features/types";
import {
  type ExpertCardJSON,
  loadExpertCard,
  loadExpertCardOrThrow,
  loadScorecard,
  probabilityOfDefault,
  reasonCodes,
  score,
  scorecardToJSON,
  scoreRecord,
} from "../../src/scorecard";

const path = join(import.meta.dirname, "../../models/expert-card.json");
const text = readFileSync(path, "utf8");
const shipped = (): ExpertCardJSON & Record<string, unknown> => JSON.parse(text);

// The feature names the lead's extractor produces (brief H5), by category.
const FEATURES = {
  "credit history": ["bureau_worst_dpd", "bureau_delinquencies_serious", "bureau_history_months", "loan_ontime_ratio"],
  debts: ["bureau_utilisation", "bureau_dti", "bureau_inquiries_6m"],
  "repayment ability": ["income_monthly_fen", "pay_net_flow_90d_fen", "pay_inflow_90d_fen"],
  behaviour: ["pay_risky_merchant_share_90d", "social_flagged_contact_share", "social_account_age_days"],
};
const ALL = Object.values(FEATURES).flat();
const BUREAU = ALL.filter((f) => f.startsWith("bureau_"));

describe("expert weighted card: weights", () => {
  it("rejects the seed's 50/30/20/10 with the actual sum in the message", () => {
    const j = shipped();
    const weights = [50, 30, 20, 10];
    const bad = { ...j, categories: j.categories.map((c, i) => ({ ...c, weight: weights[i]! })) };
    const r = loadExpertCard(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        {
          code: "invalid_weights",
          path: ["categories"],
          message: "category weights sum to 110%; they must sum to 100%",
        },
      ]);
    const r2 = loadScorecard({
      ...j,
      categories: j.categories.map((c, i) => ({ ...c, weight: [45, 25, 20, 9.5][i]! })),
    });
    expect(!r2.ok && r2.issues[0]!.message).toBe("category weights sum to 99.5%; they must sum to 100%");
  });

  it("rejects other malformed expert cards", () => {
    const j = shipped();
    const codes = (x: unknown) => {
      const r = loadExpertCard(x);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes({ ...j, range: { min: 950, max: 350 } })).toContain("inconsistent");
    expect(codes({ ...j, categories: [] })).toContain("too_small");
    expect(codes({ ...j, categories: j.categories.map((c) => ({ ...c, weight: -5 })) })).toContain("too_small");
    const flat = JSON.parse(text);
    for (const c of flat.categories[3].characteristics) {
      for (const a of c.attributes) a.points = 10;
      c.fallback.points = 10;
    }
    expect(codes(flat)).toContain("inconsistent");
    const dup = JSON.parse(text);
    dup.categories[1].characteristics[0].name = "worst_dpd";
    expect(codes(dup)).toContain("inconsistent");
    expect(codes({ ...j, scaling: null })).toContain("invalid_type");
    expect(codes({ ...j, version: 3 })).toEqual(["unsupported_version"]);
  });
});

describe("models/expert-card.json (the engine's cold-start card)", () => {
  const card = loadExpertCardOrThrow(text);

  it("is canonical: loading and writing it gives the same bytes", () => {
    expect(scorecardToJSON(card)).toBe(text);
    expect(scorecardToJSON(loadExpertCardOrThrow(scorecardToJSON(card)))).toBe(text);
    expect(Object.isFrozen(card.characteristics[0]!.attributes)).toBe(true);
  });

  it("has the four categories weighted 45/25/20/10 reading exactly the agreed features", () => {
    expect(card.kind).toBe("expert");
    expect(card.categories.map((c) => [c.name, c.weight])).toEqual([
      ["credit history", 45],
      ["debts", 25],
      ["repayment ability", 20],
      ["behaviour", 10],
    ]);
    for (const cat of card.categories)
      expect(cat.characteristics.map((i) => card.characteristics[i]!.feature)).toEqual(
        FEATURES[cat.name as keyof typeof FEATURES],
      );
  });

  it("gives every missing value neutral-to-cautious raw points, never the best or worst", () => {
    for (const cat of shipped().categories)
      for (const c of cat.characteristics) {
        const pts = c.attributes.filter((a) => a.kind !== "missing").map((a) => a.points);
        const miss = c.attributes.find((a) => a.kind === "missing");
        expect(miss, c.name).toBeDefined();
        expect(miss!.points).toBeGreaterThan(Math.min(...pts));
        expect(miss!.points).toBeLessThan(Math.max(...pts));
        expect(c.fallback.points).toBe(miss!.points);
      }
    const messages = new Set(shipped().reasons!.map((r) => r.code));
    for (const c of card.characteristics) expect(messages.has(c.reasonCode), c.reasonCode).toBe(true);
  });

  const best = {
    bureau_worst_dpd: 0,
    bureau_delinquencies_serious: 0,
    bureau_history_months: 120,
    loan_ontime_ratio: 1,
    bureau_utilisation: 0.1,
    bureau_dti: 0.1,
    bureau_inquiries_6m: 0,
    income_monthly_fen: 3_000_000,
    pay_net_flow_90d_fen: 2_000_000,
    pay_inflow_90d_fen: 5_000_000,
    pay_risky_merchant_share_90d: 0,
    social_flagged_contact_share: 0,
    social_account_age_days: 2000,
  };
  const worst = {
    bureau_worst_dpd: 120,
    bureau_delinquencies_serious: 3,
    bureau_history_months: 2,
    loan_ontime_ratio: 0.5,
    bureau_utilisation: 1.2,
    bureau_dti: 0.9,
    bureau_inquiries_6m: 10,
    income_monthly_fen: 100_000,
    pay_net_flow_90d_fen: -900_000,
    pay_inflow_90d_fen: 100_000,
    pay_risky_merchant_share_90d: 0.5,
    social_flagged_contact_share: 0.3,
    social_account_age_days: 10,
  };

  it("scores the best applicant 950 and the worst 350", () => {
    expect(scoreRecord(card, best).score).toBeCloseTo(950, 9);
    expect(scoreRecord(card, worst).score).toBeCloseTo(350, 9);
  });

  // Hand calculation for an applicant with every feature missing:
  // credit history span 100+100+(100-20)+100 = 380 (history length starts at 20), scale 600*0.45/380,
  // missing raw above minimum 45+45+(30-20)+50 = 150 -> 106.578947...;
  // debts 600*0.25/300 = 0.5, 50+45+60 = 155 -> 77.5;
  // repayment span 90+100+90 = 280, scale 600*0.2/280, (30-10)+(40-0)+(35-10) = 85 -> 36.428571...;
  // behaviour 600*0.1/300 = 0.2, 55+50+30 = 135 -> 27. Total 350 + 247.507518... = 597.507518...
  it("scores an all-missing applicant below the middle of the range (hand calculation)", () => {
    expect(scoreRecord(card, {}).score).toBeCloseTo(350 + (270 * 150) / 380 + 77.5 + (120 * 85) / 280 + 27, 9);
  });

  it("gives a thin-file applicant the 'no credit report' reason first", () => {
    const thin = Object.fromEntries(Object.entries(best).filter(([k]) => !BUREAU.includes(k)));
    const r = scoreRecord(card, { ...thin, loan_ontime_ratio: null });
    const codes = reasonCodes(card, r.points, { attributes: r.attributes });
    // Difference to the best attribute = scale * (100 - missing raw). NO_BUREAU: (270/380)*(55+55+70)
    // + 0.5*(50+55+40) = 127.894736... + 72.5; NO_LOAN_HISTORY (270/380)*50 = 35.526315...
    expect(codes[0]).toEqual({
      code: "NO_BUREAU",
      message: "No credit report available",
      points: expect.closeTo((270 * 180) / 380 + 72.5, 9),
    });
    expect(codes[1]).toEqual({
      code: "NO_LOAN_HISTORY",
      message: "No repayment history with this lender",
      points: expect.closeTo((270 * 50) / 380, 9),
    });
    const w = scoreRecord(card, worst);
    // Worst applicant: three credit-history characteristics tie at (270/380)*100 and keep card order;
    // history length costs (270/380)*80, more than any debts characteristic (0.5*100).
    expect(reasonCodes(card, w.points, { attributes: w.attributes }).map((x) => x.code)).toEqual([
      "CH_DPD",
      "CH_SERIOUS",
      "CH_ONTIME",
      "CH_LENGTH",
    ]);
  });

  it("maps score to PD through its configured scaling", () => {
    // 700 points at good:bad 9 => PD 1/10; 780 doubles the odds to 18 => PD 1/19.
    expect(probabilityOfDefault(card, 700)).toBeCloseTo(0.1, 12);
    expect(probabilityOfDefault(card, 780)).toBeCloseTo(1 / 19, 12);
    expect(probabilityOfDefault(card, 950)).toBeLessThan(probabilityOfDefault(card, 350));
  });

  it("stays in range, with each category within its weight's share (property)", () => {
    const names = Object.freeze([...ALL]);
    const val = fc.option(fc.double({ min: -2e6, max: 5e6, noNaN: true }), { freq: 3 });
    fc.assert(
      fc.property(fc.array(val, { minLength: ALL.length, maxLength: ALL.length }), (row) => {
        const v: FeatureVector = {
          names,
          values: Float64Array.from(row, (x) => x ?? 0),
          missing: Uint8Array.from(row, (x) => (x === null ? 1 : 0)),
        };
        const r = score(card, v);
        expect(r.score).toBeGreaterThanOrEqual(350 - 1e-9);
        expect(r.score).toBeLessThanOrEqual(950 + 1e-9);
        for (const cat of card.categories) {
          let sub = 0;
          for (const i of cat.characteristics) sub += r.points[i]!;
          expect(sub).toBeGreaterThanOrEqual(0);
          expect(sub).toBeLessThanOrEqual((600 * cat.weight) / 100 + 1e-9);
        }
      }),
    );
  });
});

describe("expert card with categorical characteristics and rounding", () => {
  it("rescales categorical points and rounds them half-up", () => {
    const card = loadExpertCardOrThrow({
      format: "riskcard.expert-card",
      version: 1,
      name: "tiny",
      range: { min: 300, max: 900 },
      scaling: {
        points0: 600,
        odds0: 19,
        pdo: 50,
        odds: "good:bad",
        factor: 50 / Math.LN2,
        offset: 600 - (50 / Math.LN2) * Math.log(19),
      },
      rounding: "half-up",
      categories: [
        {
          name: "a",
          weight: 70,
          characteristics: [
            {
              name: "job",
              feature: "job",
              type: "categorical",
              levels: ["none", "part", "full"],
              reasonCode: "JOB",
              attributes: [
                { kind: "categories", categories: ["none"], points: 0 },
                { kind: "categories", categories: ["part", "full"], points: 3 },
              ],
              fallback: { points: 1 },
            },
          ],
        },
        {
          name: "b",
          weight: 30,
          characteristics: [
            {
              name: "age",
              feature: "age",
              type: "numeric",
              reasonCode: "AGE",
              attributes: [{ kind: "interval", lower: 18, upper: null, points: 7 }],
              fallback: { points: 0 },
            },
          ],
        },
      ],
    });
    // a: scale 600*0.7/3 = 140 -> none 0, part/full 420, fallback 140. b: scale 600*0.3/7 -> 180 or 0.
    expect(scoreRecord(card, { job: "full", age: 30 }).score).toBe(900);
    expect(scoreRecord(card, { job: "other", age: 17 }).score).toBe(440);
    expect(scoreRecord(card, { job: "none", age: null }).score).toBe(300);
  });
});

describe("expert card on the synthetic population (fixtures/, the 1,000 applicants of the main model, 71 defaults)", () => {
  // Features from the library's own default catalog, as of the population's decision time.
  // Recorded on the current fixtures: AUC 0.7376, mean PD 8.9% against an observed default rate of 7.1%
  // (first recorded as 0.697 / 9.8% / 8.0% on an earlier draw of the population). The 40 rows issue 17 appended
  // after them are fraud families (60-80% defaults by construction, handled by the fraud rules) and are left out.
  it("ranks defaulters lower (AUC > 0.65) and its PD is cautious on average", async () => {
    const { extractFeatures } = await import("../../src/features");
    const card = loadExpertCardOrThrow(text);
    const lines = (f: string) =>
      readFileSync(join(import.meta.dirname, "../../fixtures", f), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
    const apps = lines("applicants.jsonl").slice(0, 1000);
    const outs = (lines("outcomes.jsonl") as { defaulted: boolean }[]).slice(0, 1000);
    const asOf = Date.UTC(2026, 5, 30);
    const s = apps.map((a) => score(card, extractFeatures(a, { asOf })).score);
    // AUC by the Mann-Whitney count: P(score of a non-defaulter > score of a defaulter), ties 1/2.
    let wins = 0;
    let pos = 0;
    for (let i = 0; i < s.length; i++) {
      if (!outs[i]!.defaulted) continue;
      pos++;
      for (let j = 0; j < s.length; j++) if (!outs[j]!.defaulted) wins += s[j]! > s[i]! ? 1 : s[j] === s[i] ? 0.5 : 0;
    }
    const auc = wins / (pos * (s.length - pos));
    expect(auc).toBeGreaterThan(0.65);
    const meanPd = s.reduce((acc, x) => acc + probabilityOfDefault(card, x), 0) / s.length;
    expect(meanPd).toBeGreaterThanOrEqual(pos / s.length);
    for (const x of s) expect(x >= 350 - 1e-9 && x <= 950 + 1e-9).toBe(true);
  });
});
