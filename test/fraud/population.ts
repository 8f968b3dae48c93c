/**
 * Measures the default fraud rules on the synthetic population (fixtures/applicants.jsonl with
 * labels in fixtures/outcomes.jsonl). Used by population.test.ts; run directly to print the table
 * written in models/README.md: `npx tsx test/fraud/population.ts`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { computeFacts } from "../../src/fraud/compute-facts";
import { compileDefaultRules } from "../../src/fraud/default-rules";
import { parseApplicantOrThrow } from "../../src/schema/parse";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
/** POPULATION_AS_OF of fixtures/README.md: 2026-06-30T00:00:00Z. */
export const POPULATION_AS_OF = Date.UTC(2026, 5, 30);

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  recall: number;
  precision: number;
  fpr: number;
}

/** The rules written for each issue-17 family; every other fraud rule belongs to the device-ring family. */
export const FAMILY_RULES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  multi_lender: ["bureau.multiLending"],
  account_takeover: ["device.accountTakeover"],
});

/** One fraud family: how many, how many the rule set flags, and how often the family's own rules hit non-fraud. */
export interface FamilyFigures {
  n: number;
  /** fraudAction review or decline. */
  flagged: number;
  recall: number;
  /** Non-fraud applicants flagged (review or decline) with at least one of the family's rules among the hits. */
  nonFraudHits: number;
  /** nonFraudHits / non-fraud applicants. */
  fpr: number;
}

export interface PopulationReport {
  n: number;
  fraud: number;
  /** Flagged = fraudAction review or decline (compliance rules excluded). */
  flagged: Confusion;
  /** Flagged = fraudAction decline only. */
  declined: Confusion;
  /** Per rule id: hits among fraud and among non-fraud applicants. */
  rules: Record<string, { fraud: number; other: number }>;
  complianceDeclines: number;
  /** Per fraud family (outcomes' `fraudFamily`). */
  families: Record<string, FamilyFigures>;
}

function confusion(pred: boolean[], truth: boolean[]): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  pred.forEach((p, i) => {
    if (p && truth[i]) tp++;
    else if (p) fp++;
    else if (truth[i]) fn++;
    else tn++;
  });
  return { tp, fp, fn, tn, recall: tp / (tp + fn), precision: tp / (tp + fp), fpr: fp / (fp + tn) };
}

/**
 * Runs the default rules on every applicant of the population (decision at POPULATION_AS_OF).
 * @returns confusion matrices and per-rule hit counts
 */
export function measurePopulation(): PopulationReport {
  const lines = (f: string) =>
    readFileSync(join(root, "fixtures", f), "utf8")
      .trim()
      .split("\n");
  const applicants = lines("applicants.jsonl").map((l) => parseApplicantOrThrow(JSON.parse(l)));
  const outcomes = lines("outcomes.jsonl").map(
    (l) => JSON.parse(l) as { id: string; fraud: boolean; fraudFamily?: string },
  );
  const rules = compileDefaultRules();
  const truth: boolean[] = [];
  const flagged: boolean[] = [];
  const declined: boolean[] = [];
  const perRule: Record<string, { fraud: number; other: number }> = {};
  let complianceDeclines = 0;
  const familyOf = (ruleId: string): string =>
    Object.keys(FAMILY_RULES).find((f) => FAMILY_RULES[f]!.includes(ruleId)) ?? "device_ring";
  const families: Record<string, FamilyFigures> = {};
  const family = (f: string): FamilyFigures => {
    families[f] ??= { n: 0, flagged: 0, recall: 0, nonFraudHits: 0, fpr: 0 };
    return families[f]!;
  };
  for (const f of ["device_ring", ...Object.keys(FAMILY_RULES)]) family(f);
  applicants.forEach((a, i) => {
    const o = outcomes[i]!;
    if (o.id !== a.id) throw new Error("outcomes out of order");
    const r = rules.evaluate(computeFacts(a, { asOf: POPULATION_AS_OF }));
    truth.push(o.fraud);
    flagged.push(r.fraudAction === "review" || r.fraudAction === "decline");
    declined.push(r.fraudAction === "decline");
    if (r.decidedBy === "compliance" && r.action === "decline") complianceDeclines++;
    for (const h of r.hits) {
      perRule[h.ruleId] ??= { fraud: 0, other: 0 };
      perRule[h.ruleId]![o.fraud ? "fraud" : "other"]++;
    }
    if (o.fraud) {
      const f = family(o.fraudFamily ?? "device_ring");
      f.n++;
      if (flagged[i]) f.flagged++;
    } else if (flagged[i]) {
      const hit = new Set(r.hits.filter((h) => h.family === "fraud").map((h) => familyOf(h.ruleId)));
      for (const f of hit) family(f).nonFraudHits++;
    }
  });
  const nonFraud = truth.filter((t) => !t).length;
  for (const f of Object.values(families)) {
    f.recall = f.flagged / f.n;
    f.fpr = f.nonFraudHits / nonFraud;
  }
  return {
    n: applicants.length,
    fraud: truth.filter(Boolean).length,
    flagged: confusion(flagged, truth),
    declined: confusion(declined, truth),
    rules: perRule,
    complianceDeclines,
    families,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(measurePopulation(), null, 2));
