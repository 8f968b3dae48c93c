/**
 * Named fixtures that doc examples may use (see test/docs/examples.test.ts). Each is small, built
 * from the shipped models or the SYNTHETIC/hand-written test data, and named for what it is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readCsv } from "../../src/cli/csv";
import { run } from "../../src/cli/run";
import { toDecisionRecord } from "../../src/decision";
import { createEngine } from "../../src/decision/engine";
import { computeFacts, createMemoryVelocityStore } from "../../src/fraud";
import { loadPolicyOrThrow, warningThresholds } from "../../src/limits";
import type { LogisticModel } from "../../src/logistic";
import { loadScorecardOrThrow, vectorFromRecord } from "../../src/scorecard";
import { trainScorecard } from "../../src/scorecard/train";
import { type Prepared, prepareNumeric } from "../../src/binning/internal/prepare";
import { germanCredit } from "../binning/german-credit";
import { captureIo } from "../cli/helpers";
import { adult, POPULATION_AS_OF } from "../decision/helpers";
import { pmmlSample } from "../scorecard/pmml-sample";

const root = resolve(fileURLToPath(import.meta.url), "../../..");

/** The moment the examples are "as of": 2026-06-30T00:00Z (the synthetic population's date). */
export const asOf = POPULATION_AS_OF;

/** A clean adult applicant with every section (test/decision/helpers.ts `adult()`), aged 36 at `asOf`. */
export const applicant = adult();

/** The shipped default policy (models/policy.json), loaded. */
export const policy = loadPolicyOrThrow(JSON.parse(readFileSync(join(root, "models/policy.json"), "utf8")));

/** The shipped fraud rule set JSON (models/fraud-rules.json), as parsed JSON. */
export const ruleSetJson: unknown = JSON.parse(readFileSync(join(root, "models/fraud-rules.json"), "utf8"));

/** The fraud facts of `applicant` at `asOf` (default fact configuration). */
export const facts = computeFacts(applicant, { asOf });

/** The PMML specification's sample scorecard (test/scorecard/pmml-sample.ts), loaded. */
export const pmmlSampleCard = loadScorecardOrThrow(pmmlSample());

/** A vector for `pmmlSampleCard`: department "engineering", age 25, income 500 (scores 29 by the PMML spec). */
export const pmmlVector = vectorFromRecord(pmmlSampleCard, { department: "engineering", age: 25, income: 500 });

/** An empty in-memory velocity store. */
export const store = createMemoryVelocityStore();

/** An in-memory CLI io that records what a command writes (test/cli/helpers.ts `captureIo`). */
export const io = captureIo();

/** The German credit CSV shipped in fixtures/ (1,000 rows, CC BY 4.0). */
export const germanCsv = join(root, "fixtures/german-credit/german_credit.csv");

/** A path `name` in a fresh temporary directory (for examples of commands that write files). */
export function tmp(name: string): string {
  tmpDir ??= mkdtempSync(join(tmpdir(), "riskcard-examples-"));
  return join(tmpDir, name);
}
let tmpDir: string | undefined;

/** Writes `value` as JSON to `tmp(name)` and returns the path (engine configurations for CLI examples). */
export function tmpJson(name: string, value: unknown): string {
  const path = tmp(name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** Writes the decision records of the first 5 SYNTHETIC fixture applicants to `tmp(name)` and returns the path. */
export function tmpRecords(name: string): string {
  const engine = createEngine();
  const lines = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8").split("\n").slice(0, 5);
  const path = tmp(name);
  writeFileSync(
    path,
    lines
      .map((l) => `${toDecisionRecord(engine.decide(JSON.parse(l), { asOf: POPULATION_AS_OF, trace: true }))}\n`)
      .join(""),
  );
  return path;
}

/** The warning thresholds of the default policy (`warningThresholds(policy)`). */
export const thresholds = warningThresholds(policy);

/** An account in good standing for `adjustLimit`: band B, 10,000 CNY limit, 6 on-time cycles, verified income. */
export const account = {
  limitFen: 1_000_000,
  band: "B",
  daysPastDue: 0,
  onTimeCycles: 6,
  drawdownsAt: [],
  fraudSignal: false,
  monthlyIncomeFen: 1_500_000,
  incomeVerified: true,
};

/** A one-column logistic model with intercept 0 and coefficient 1: p(x) = 1 / (1 + e^-x). */
export const model: LogisticModel = {
  intercept: 0,
  coefficients: [1],
  standardErrors: [0, 0],
  logLikelihood: 0,
  iterations: 1,
  converged: true,
};

/** The shipped statistical card (models/scorecard.json) and expert card (models/expert-card.json), as parsed JSON. */
export const scorecardJson = JSON.parse(readFileSync(join(root, "models/scorecard.json"), "utf8"));
export const expertCardJson = JSON.parse(readFileSync(join(root, "models/expert-card.json"), "utf8"));

/** The German credit data (test/binning/german-credit.ts): `german.num(column)`, `german.str(column)`, `german.y` (1 = bad). */
export const german = germanCredit();

/** The German credit CSV read by the CLI's reader (`readCsv`). */
export const germanTable = await readCsv(germanCsv);

/** 1 = bad, 0 = good, per German credit row. */
export const germanLabels = Uint8Array.from(german.y);

/** A card trained on German credit by `riskcard train` (target creditability, date 2026-01-02), its path and text. */
export const germanModelPath = tmp("german-model.json");
const trained = await run(
  ["train", germanCsv, "--target", "creditability", "--out", germanModelPath, "--date", "2026-01-02"],
  captureIo(),
);
if (trained !== 0) throw new Error("example fixtures: training the German credit card failed");
export const germanModelText = readFileSync(germanModelPath, "utf8");
export const germanCard = loadScorecardOrThrow(germanModelText);

/** `trainScorecard` on German credit's amount and duration (a `TrainedScorecard`). */
const t = trainScorecard(
  {
    columns: { amount: german.num("credit_amount"), duration: german.num("duration_in_month"), bad: german.y },
    target: "bad",
  },
  { date: "2026-06-30" },
);
if (!t.ok) throw new Error("example fixtures: trainScorecard failed");
export const germanTrained = t.value;

/** A numeric variable prepared for the binning internals (no special values): `prepareNumeric(values, labels, new Map(), 0, "binNumeric")`. */
export function preparedVariable(values: readonly (number | null)[], labels: readonly number[]): Prepared {
  return prepareNumeric(values, labels, new Map(), 0, "binNumeric");
}

/** Not in riskcard/cli since its barrel lists only the command-line entry points; the report examples score with it. */
export { scoreTable } from "../../src/cli/score-table";

/** The shipped default strategy (models/strategy.json), as parsed JSON. */
export const defaultStrategyJson = JSON.parse(readFileSync(join(root, "models/strategy.json"), "utf8"));
/** The shipped limit and pricing policy (models/policy.json), as parsed JSON (not loaded). */
export const policyJson = JSON.parse(readFileSync(join(root, "models/policy.json"), "utf8"));
/** `applicant` without a credit-bureau report (a thin file). */
export const thinFileApplicant = (() => {
  const { bureau: _bureau, ...rest } = adult();
  return rest;
})();
