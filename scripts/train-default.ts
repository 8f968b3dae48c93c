/**
 * `npm run train:default` (a script, not part of the package build): trains the default
 * statistical scorecard shipped in `models/scorecard.json` from the SYNTHETIC population and writes
 * its model card into the scorecard section of `models/README.md`.
 *
 * Train: `generatePopulation({ seed: 1, size: 10_000 })`; holdout: the committed 1,000-row fixture
 * (seed 20260630). Fraud-class rows are left out of both (the fraud rules handle them). Features:
 * `extractFeatures` with the default catalog as of `POPULATION_AS_OF`. Deterministic: no clock,
 * fixed seeds, stable sorts; running it twice writes identical bytes (test/scorecard/train-default.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Outcome, POPULATION_AS_OF, generatePopulation } from "../fixtures/generate/population";
import { defaultCatalog, extractFeatures } from "../src/features";
import { ABSENT_SECTION_CODES, EN } from "../src/messages";
import { parseApplicantOrThrow, unwrap } from "../src/schema";
import { auc, ks, quantileBreaks, stabilityIndex } from "../src/metrics";
import { loadScorecardOrThrow, scoreValue, scorecardToJSON } from "../src/scorecard";
import {
  type ReasonSpec,
  type ScorecardJSON,
  type TrainOptions,
  type TrainedScorecard,
  modelCardMarkdown,
  trainScorecard,
} from "../src/scorecard";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The training configuration of the shipped card (recorded in the model card). */
export const DEFAULT_TRAINING = Object.freeze({
  trainSeed: 1,
  trainSize: 10_000,
  date: "2026-06-30",
  options: {
    name: "riskcard-default-scorecard",
    description:
      "Default statistical scorecard trained on SYNTHETIC data (riskcard's seeded population generator): a working example and a starting point, not a model of any real portfolio. Retrain on your own outcomes before lending.",
    method: "monotonic",
    maxBins: 6,
    minBinShare: 0.05,
    minIv: 0.02,
    maxMissingRate: 0.95,
    maxIdenticalRate: 0.95,
    maxCorrelation: 0.6,
    maxVariables: 25,
    maxPValue: 0.05,
    // stability screen (train-default only): CSI of a feature between the train population and the holdout
    maxStability: 0.1,
    // self-declared income cannot be verified and is easy to inflate; the card uses
    // income_monthly_fen (verified when present) instead
    exclude: ["income_declared_monthly_fen"],
    scaling: { points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" },
    rounding: "half-up",
    base: "separate",
    missingWithoutData: "riskiest",
  } satisfies Omit<TrainOptions, "date"> & { maxStability: number },
});

/**
 * The shipped card before issue 17 retrained it on the 359-feature catalog (compared on the same holdout).
 * @example PREVIOUS_CARD // => "test/scorecard/card-before-issue-17.json"
 */
export const PREVIOUS_CARD = "test/scorecard/card-before-issue-17.json";

/** Plain reason messages (no personal data) for the default catalog's features. */
export const REASON_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  age_years: "Age group with higher observed risk",
  income_monthly_fen: "Low monthly income",
  income_verified: "Income not verified",
  income_declared_monthly_fen: "Low declared income",
  application_requested_amount_fen: "Requested amount",
  application_amount_to_income: "Requested amount high relative to income",
  pay_inflow_30d_fen: "Low incoming payments",
  pay_inflow_90d_fen: "Low incoming payments",
  pay_inflow_180d_fen: "Low incoming payments",
  pay_net_flow_30d_fen: "Low or negative net cash flow",
  pay_net_flow_90d_fen: "Low or negative net cash flow",
  pay_net_flow_180d_fen: "Low or negative net cash flow",
  pay_outflow_to_inflow_90d: "Spending high relative to income",
  pay_salary_inflow_90d_fen: "Low or irregular salary payments",
  pay_salary_months_180d: "Low or irregular salary payments",
  pay_salary_regularity_180d: "Low or irregular salary payments",
  pay_outflow_volatility_180d: "Irregular spending",
  pay_risky_merchant_outflow_90d_fen: "Spending at high-risk merchants",
  pay_risky_merchant_share_90d: "Spending at high-risk merchants",
  pay_night_outflow_count_90d: "Frequent late-night spending",
  pay_night_share_90d: "Frequent late-night spending",
  pay_balance_product_in_90d_fen: "Little use of savings products",
  pay_balance_product_out_90d_fen: "Little use of savings products",
  pay_balance_product_count_90d: "Little use of savings products",
  pay_max_outflow_to_income_90d: "Large single payments relative to income",
  pay_days_since_last_inflow: "No recent incoming payments",
  pay_history_days: "Short payment history",
  bureau_history_months: "Short credit history",
  bureau_dti: "High debt payments relative to income",
  bureau_monthly_obligations_fen: "High monthly debt payments",
  bureau_inquiries_3m: "Many recent credit applications",
  bureau_inquiries_6m: "Many recent credit applications",
  bureau_inquiries_12m: "Many recent credit applications",
  bureau_credit_inquiries_6m: "Many recent credit applications",
  bureau_accounts_opened_6m: "Many recently opened accounts",
  bureau_microloans_open: "Open microloans",
  bureau_utilisation: "High use of available credit",
  bureau_account_worst_dpd: "Days past due on the credit report",
  bureau_delinquency_worst_dpd: "Days past due on the credit report",
  bureau_worst_dpd: "Days past due on the credit report",
  bureau_delinquencies: "Delinquencies on the credit report",
  bureau_delinquencies_30p: "Delinquencies on the credit report",
  bureau_delinquencies_serious: "Serious delinquencies on the credit report",
  bureau_delinquencies_90p: "Serious delinquencies on the credit report",
  bureau_delinquencies_12m: "Recent delinquencies on the credit report",
  bureau_days_since_last_delinquency: "Recent delinquency on the credit report",
  social_account_age_days: "Recently opened payment account",
  social_contact_count: "Few contacts",
  social_active_days_30: "Low recent account activity",
  social_activity_share_30: "Low recent account activity",
  social_flagged_contact_count: "Contacts linked to defaulted accounts",
  social_flagged_contact_share: "Contacts linked to defaulted accounts",
  social_defaulted_link_count: "Payments with accounts that defaulted",
  loan_ontime_ratio: "Late repayments on previous loans",
  loan_overdue_installments: "Late repayments on previous loans",
  loan_worst_dpd: "Late repayments on previous loans",
  loan_current_dpd: "Overdue amount with this lender",
  loan_days_since_last_overdue: "Recent late repayment with this lender",
  loan_outstanding_due_fen: "Overdue amount with this lender",
  // issue 17: the signals and the generated families a card may pick
  bureau_loan_inquiries_7d: "Many recent loan applications",
  bureau_loan_inquiries_30d: "Many recent loan applications",
  bureau_loan_inquiries_90d: "Many recent loan applications",
  bureau_loan_inquiry_lenders_7d: "Loan applications with many lenders",
  bureau_loan_inquiry_lenders_30d: "Loan applications with many lenders",
  bureau_loan_inquiry_lenders_90d: "Loan applications with many lenders",
  bureau_microloans_opened_30d: "Recently opened microloans",
  bureau_open_account_lenders: "Credit with many lenders",
  income_declared_to_verified: "Declared income above verified income",
  pay_by_channel_balance_product_sum_180d_fen: "Little use of savings products",
  pay_by_channel_balance_product_sum_365d_fen: "Little use of savings products",
  pay_days_since_last_salary: "No recent salary payment",
  pay_days_since_last_outflow: "No recent spending in the app",
});

/**
 * The scoring categories of the shipped card (the seeds' four, named as the expert card and the
 * `category.<name>` message keys name them), each with the default-catalog features it holds, as rules
 * tried in order: the first whose pattern matches a characteristic's feature places it. Credit history:
 * the length of the credit record and every past-due, delinquency or on-time record (bureau and this
 * lender's loans); debts: the rest of the credit report (use of credit, inquiries, open accounts,
 * balances, obligations) and the amount requested; repayment ability: income, incoming and net cash
 * flow, salary and savings-product flows; behaviour: social graph, spending patterns (merchants, night,
 * transfers), device and identity signals. models/README.md documents the mapping.
 * @example CARD_CATEGORIES.map(([name]) => name) // => ["credit history", "debts", "repayment ability", "behaviour"]
 */
export const CARD_CATEGORIES: readonly (readonly [string, RegExp])[] = Object.freeze([
  ["credit history", /^bureau_history_|^bureau_acc_(oldest|newest)_days$|^loan_|dpd|delinq|delq|overdue|ontime/],
  ["debts", /^bureau_|^application_/],
  [
    "repayment ability",
    /^income_|^pay_(inflow|in_|net_flow|salary|balance_product|by_channel_(salary|balance_product)|days_since_last_(salary|inflow)|outflow_to_inflow|max_outflow_to_income)/,
  ],
  ["behaviour", /^(social|pay|device|identity)_|^age_years$/],
] as const);

/**
 * The category of a default-catalog feature (`CARD_CATEGORIES`, first matching rule).
 * @param feature a feature name
 * @returns the category name
 * @throws {Error} when no rule matches (a new feature family must be placed on purpose)
 * @example categoryOf("bureau_utilisation") // => "debts"
 */
export function categoryOf(feature: string): string {
  for (const [name, pattern] of CARD_CATEGORIES) if (pattern.test(feature)) return name;
  throw new Error(`no scoring category for feature ${feature}: add it to CARD_CATEGORIES`);
}

/**
 * A trained card with its `categories` declared (inserted before `training`, the schema's key order),
 * reloaded so that `card`, `artefact` and `json` agree; the fit and the points are unchanged.
 * @param result the trained card
 * @returns the same card with categories
 */
function withCategories(result: TrainedScorecard): TrainedScorecard {
  const members = new Map<string, string[]>(CARD_CATEGORIES.map(([name]) => [name, []]));
  for (const ch of result.artefact.characteristics) members.get(categoryOf(ch.feature))!.push(ch.name);
  const categories = [...members]
    .filter(([, chars]) => chars.length > 0)
    .map(([name, characteristics]) => ({ name, characteristics }));
  const { training, ...rest } = result.artefact;
  const artefact = { ...rest, categories, ...(training === undefined ? {} : { training }) } as ScorecardJSON;
  const card = loadScorecardOrThrow(artefact);
  return { ...result, artefact: card.artefact as ScorecardJSON, card, json: scorecardToJSON(card) };
}

/** Applicant sections whose absence makes a feature missing, with the reason code used then. */
const SECTION_REASONS: readonly (readonly ["payments" | "bureau" | "social" | "loans", ReasonSpec])[] = (
  ["bureau", "payments", "social", "loans"] as const
).map((section) => {
  const code = ABSENT_SECTION_CODES[section];
  return [section, { code, message: EN[code]! }] as const;
});

/** One labelled sample as feature columns. */
export interface FeatureTable {
  readonly columns: Record<string, { values: Float64Array; missing: Uint8Array }>;
  readonly labels: Uint8Array;
  /** Per section, 1 where the applicant has no such section. */
  readonly absent: Record<string, Uint8Array>;
  readonly rows: number;
}

/**
 * Extracts the default catalog's features of non-fraud applicants as columns.
 * @param applicants raw applicants (validated here with parseApplicantOrThrow)
 * @param outcomes their outcomes, same order
 * @returns feature columns, labels (1 = defaulted) and section-absence masks
 */
export function featureTable(applicants: readonly unknown[], outcomes: readonly Outcome[]): FeatureTable {
  const keep: number[] = [];
  outcomes.forEach((o, i) => {
    if (!o.fraud) keep.push(i);
  });
  const names = defaultCatalog.names;
  const n = keep.length;
  const p = names.length;
  const values = names.map(() => new Float64Array(n));
  const missing = names.map(() => new Uint8Array(n));
  const labels = new Uint8Array(n);
  const absent: Record<string, Uint8Array> = {};
  for (const [s] of SECTION_REASONS) absent[s] = new Uint8Array(n);
  keep.forEach((i, r) => {
    const a = parseApplicantOrThrow(applicants[i]);
    const v = extractFeatures(a, { asOf: POPULATION_AS_OF });
    for (let j = 0; j < p; j++) {
      values[j]![r] = v.values[j]!;
      missing[j]![r] = v.missing[j]!;
    }
    labels[r] = outcomes[i]!.defaulted ? 1 : 0;
    for (const [s] of SECTION_REASONS) absent[s]![r] = a[s] === undefined ? 1 : 0;
  });
  const columns: FeatureTable["columns"] = {};
  names.forEach((nm, j) => {
    columns[nm] = { values: values[j]!, missing: missing[j]! };
  });
  return { columns, labels, absent, rows: n };
}

/**
 * Stability of one feature between two samples: the population stability index over ten
 * quantile bins of the first sample's present values plus one bin for missing values
 * (sum of (a - e) ln(a / e) over bins, empty shares taken as 1e-4).
 * @param a the reference sample (train)
 * @param b the other sample (holdout)
 * @returns the index (0 when the feature is missing everywhere in the reference)
 * @example featureStability({ values: Float64Array.of(1, 2), missing: Uint8Array.of(0, 0) }, { values: Float64Array.of(1, 2), missing: Uint8Array.of(0, 0) }) // => 0
 */
export function featureStability(
  a: { values: Float64Array; missing: Uint8Array },
  b: { values: Float64Array; missing: Uint8Array },
): number {
  const present = a.values.filter((_, i) => a.missing[i] === 0);
  if (present.length === 0) return 0;
  const breaks = quantileBreaks(present, 10);
  const binOf = (x: number): number => {
    let k = 0;
    while (k < breaks.length && x >= breaks[k]!) k++;
    return k;
  };
  const count = (c: { values: Float64Array; missing: Uint8Array }): Float64Array => {
    const out = new Float64Array(breaks.length + 2);
    for (let i = 0; i < c.values.length; i++) {
      const k = c.missing[i] === 1 ? breaks.length + 1 : binOf(c.values[i]!);
      out[k] = out[k]! + 1;
    }
    return out;
  };
  return stabilityIndex(count(a), count(b)).index;
}

/** Holdout AUC and KS of a card (points: higher is better). */
function holdoutFigures(
  card: ReturnType<typeof loadScorecardOrThrow>,
  hold: FeatureTable,
): { auc: number; ks: number } {
  const names = defaultCatalog.names;
  const scores = new Float64Array(hold.rows);
  const values = new Float64Array(names.length);
  const missing = new Uint8Array(names.length);
  for (let r = 0; r < hold.rows; r++) {
    names.forEach((nm, j) => {
      values[j] = hold.columns[nm]!.values[r]!;
      missing[j] = hold.columns[nm]!.missing[r]!;
    });
    scores[r] = scoreValue(card, { names, values, missing });
  }
  return { auc: auc(scores, hold.labels, { higherIsBad: false }), ks: ks(scores, hold.labels) };
}

/** The result of `trainDefaultCard`. */
export interface DefaultCard {
  readonly result: TrainedScorecard;
  /** `models/scorecard.json` text. */
  readonly json: string;
  /** The markdown between the scorecard markers of `models/README.md`. */
  readonly modelCard: string;
  /** Features left out by the stability screen (CSI above `maxStability`), with their index. */
  readonly unstable: readonly (readonly [string, number])[];
  /** Holdout AUC/KS of the new card and of `PREVIOUS_CARD` on the same rows (absent without that file). */
  readonly comparison?: { readonly now: { auc: number; ks: number }; readonly before: { auc: number; ks: number } };
}

/**
 * Trains the default card: synthetic train population + the committed fixture as holdout.
 * @param options `trainSize` / `trainSeed` override the shipped configuration (tests use a smaller one)
 * @returns the trained card, its JSON text and its model card
 * @throws {RiskcardError} when training fails
 */
export function trainDefaultCard(
  options: { readonly trainSize?: number; readonly trainSeed?: number } = {},
): DefaultCard {
  const trainSize = options.trainSize ?? DEFAULT_TRAINING.trainSize;
  const trainSeed = options.trainSeed ?? DEFAULT_TRAINING.trainSeed;
  const pop = generatePopulation({ seed: trainSeed, size: trainSize, asOf: POPULATION_AS_OF });
  const train = featureTable(pop.applicants, pop.outcomes);
  const lines = (f: string): unknown[] =>
    readFileSync(join(root, "fixtures", f), "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as unknown);
  const hold = featureTable(lines("applicants.jsonl"), lines("outcomes.jsonl") as Outcome[]);
  const n = train.rows + hold.rows;
  const columns: Record<string, { values: Float64Array; missing: Uint8Array }> = {};
  for (const nm of defaultCatalog.names) {
    const a = train.columns[nm]!;
    const b = hold.columns[nm]!;
    const values = new Float64Array(n);
    const missing = new Uint8Array(n);
    values.set(a.values, 0);
    values.set(b.values, train.rows);
    missing.set(a.missing, 0);
    missing.set(b.missing, train.rows);
    columns[nm] = { values, missing };
  }
  const target = new Float64Array(n);
  target.set(train.labels, 0);
  target.set(hold.labels, train.rows);
  const testMask = new Uint8Array(n);
  testMask.fill(1, train.rows);
  // a missing attribute says "no credit report" (etc.) only when the feature is missing exactly
  // when that section is absent, on every training row
  const missingReasons: Record<string, ReasonSpec> = {};
  for (const nm of defaultCatalog.names) {
    const m = train.columns[nm]!.missing;
    for (const [s, spec] of SECTION_REASONS) {
      const ab = train.absent[s]!;
      let same = true;
      let any = false;
      for (let i = 0; i < train.rows && same; i++) {
        if (m[i] !== ab[i]) same = false;
        if (ab[i] === 1) any = true;
      }
      if (same && any) missingReasons[nm] = spec;
    }
  }
  const reasons: Record<string, string> = {};
  for (const nm of defaultCatalog.names) if (Object.hasOwn(REASON_MESSAGES, nm)) reasons[nm] = REASON_MESSAGES[nm]!;
  // stability screen: a feature whose distribution moves between train and holdout is left out
  const { maxStability, ...trainOptions } = DEFAULT_TRAINING.options;
  const unstable: [string, number][] = [];
  for (const nm of defaultCatalog.names) {
    const psiValue = featureStability(train.columns[nm]!, hold.columns[nm]!);
    if (psiValue > maxStability) unstable.push([nm, psiValue]);
  }
  const holdBads = hold.labels.reduce((s, x) => s + x, 0);
  const trainBads = train.labels.reduce((s, x) => s + x, 0);
  const result = withCategories(
    unwrap(
      trainScorecard(
        { columns: { ...columns, defaulted: target }, target: "defaulted" },
        {
          ...trainOptions,
          exclude: [...trainOptions.exclude, ...unstable.map(([nm]) => nm)],
          date: DEFAULT_TRAINING.date,
          // The artefact text keeps its original "catalogue" spelling: changing it would change the card's digest and
          // so every recorded decision's versions (fixtures/decisions-baseline.jsonl).
          dataDescription:
            `SYNTHETIC applicants from riskcard's seeded generator (fixtures/generate/population.ts), fraud class excluded, ` +
            `features of the default catalogue as of 2026-06-30T00:00:00Z. Train: generatePopulation seed ${trainSeed}, ` +
            `${train.rows} rows (${trainBads} defaulted). Holdout: fixtures/applicants.jsonl (seed 20260630), ${hold.rows} rows (${holdBads} defaulted).`,
          split: { testMask },
          reasons,
          missingReasons,
        },
      ),
      "default scorecard training",
    ),
  );
  let comparison: DefaultCard["comparison"];
  try {
    const before = loadScorecardOrThrow(readFileSync(join(root, PREVIOUS_CARD), "utf8"));
    comparison = { now: holdoutFigures(result.card, hold), before: holdoutFigures(before, hold) };
  } catch {
    comparison = undefined;
  }
  return {
    result,
    json: result.json,
    modelCard: defaultModelCard(result, unstable, comparison),
    unstable,
    ...(comparison === undefined ? {} : { comparison }),
  };
}

function defaultModelCard(
  result: TrainedScorecard,
  unstable: readonly (readonly [string, number])[],
  comparison: DefaultCard["comparison"],
): string {
  const o = DEFAULT_TRAINING.options;
  return modelCardMarkdown(result, {
    title: "Default statistical scorecard (`scorecard.json`)",
    intro: [
      "**Trained on SYNTHETIC data.** Every applicant it was fitted and checked on was drawn by riskcard's seeded " +
        "population generator (`fixtures/generate/population.ts`, a latent creditworthiness driving every section; " +
        "see `fixtures/README.md`). No real person or portfolio is behind these numbers: the card shows the pipeline " +
        "working end to end and gives the engine a default. Retrain it on your own outcomes (`trainScorecard`, or " +
        "`riskcard train`) before lending.",
      "Written by `npm run train:default` (`scripts/train-default.ts`); do not edit this section by hand. Retraining " +
        "is deterministic (fixed seeds, no clock) and `test/scorecard/train-default.test.ts` checks that the shipped " +
        "file and the figures below are what the code computes.",
      "Missing values are explicit: every characteristic has a missing attribute. Thin-file applicants (no credit " +
        "report, no payment or loan history) score the missing attribute of each such characteristic, with the section's " +
        'reason code (for example `NO_BUREAU`, "No credit report available"); a characteristic that never saw a missing ' +
        "value in training gives missing values its lowest points. Values outside every attribute get the fallback, " +
        "the characteristic's lowest points.",
      "Scoring categories (the score breakdown of `explain: true`): each characteristic is placed by what it reads " +
        "(`CARD_CATEGORIES` in `scripts/train-default.ts`, first matching rule): credit history = length of the credit " +
        "record and every past-due, delinquency or on-time record; debts = the rest of the credit report (use of " +
        "credit, inquiries, accounts, balances) and the amount requested; repayment ability = income, incoming and " +
        "net cash flow, salary and savings-product flows; behaviour = social graph, spending patterns, device and " +
        `identity. This card: ${(result.artefact.categories ?? [])
          .map((c) => `${c.name} (${c.characteristics.map((n) => `\`${n}\``).join(", ")})`)
          .join("; ")}.`,
      ...(comparison === undefined
        ? []
        : [
            `Issue 17 retrained the card on the 359-feature catalog. On the same holdout (the committed fixture, fraud ` +
              `rows excluded), this card scores AUC ${comparison.now.auc.toFixed(4)} and KS ${comparison.now.ks.toFixed(4)}; ` +
              `the card it replaced (\`${PREVIOUS_CARD}\`, trained on the 101-feature catalog) scores AUC ` +
              `${comparison.before.auc.toFixed(4)} and KS ${comparison.before.ks.toFixed(4)}.`,
          ]),
    ],
    settings: [
      [
        "train / holdout",
        "train on generatePopulation({ seed: 1, size: 10,000 }); holdout on the committed 1,040-row fixture; fraud-class rows excluded from both",
      ],
      [
        "binning",
        `${o.method} (best-IV tree splits merged until the bad rate is monotone), at most ${o.maxBins} bins, at least ${o.minBinShare * 100}% of rows per bin; WoE = ln(bad share / good share)`,
      ],
      [
        "screening",
        `IV >= ${o.minIv}, missing rate <= ${o.maxMissingRate}, identical rate <= ${o.maxIdenticalRate}, |r| between WoE columns <= ${o.maxCorrelation}, at most ${o.maxVariables} variables by IV; stability: CSI between train and holdout (deciles of train plus a missing bin) <= ${o.maxStability}, ${unstable.length === 0 ? "no feature left out" : `left out: ${unstable.map(([nm, v]) => `\`${nm}\` ${v.toFixed(3)}`).join(", ")}`}`,
      ],
      [
        "excluded",
        "`income_declared_monthly_fen` (self-declared, unverifiable; the card reads `income_monthly_fen`, verified when present)",
      ],
      [
        "fit",
        `logistic regression on WoE (Newton/IRLS); a variable with a coefficient <= 0 (wrong sign) is dropped and the model refitted, then backward elimination while a Wald p-value is above ${o.maxPValue}`,
      ],
    ],
  });
}

const START = "<!-- section:scorecard -->";
const END = "<!-- /section:scorecard -->";

/**
 * Replaces the scorecard section of a models/README.md text; when the markers are absent they are
 * created before the first other section (or at the top of a file without sections).
 * @param readme the current file text ("" when absent)
 * @param section the new section body
 * @returns the new file text
 */
export function withSection(readme: string, section: string): string {
  const block = `${START}\n${section.trimEnd()}\n${END}`;
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + END.length);
  // absent: before the first other section (after the file's heading and intro), else at the top
  const first = readme.indexOf("<!-- section:");
  if (first >= 0) return `${readme.slice(0, first)}${block}\n\n${readme.slice(first)}`;
  return readme === "" ? `${block}\n` : `${block}\n\n${readme}`;
}

function main(): void {
  const t0 = process.hrtime.bigint();
  const { result, json, modelCard: section } = trainDefaultCard();
  writeFileSync(join(root, "models", "scorecard.json"), json);
  const readmePath = join(root, "models", "README.md");
  let readme = "";
  try {
    readme = readFileSync(readmePath, "utf8");
  } catch {
    readme = "";
  }
  writeFileSync(readmePath, withSection(readme, section));
  const r = result.report;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `wrote models/scorecard.json (${result.card.characteristics.length} characteristics) and the model card in models/README.md in ${(ms / 1000).toFixed(1)} s\n` +
      `train AUC ${r.train.auc.toFixed(4)} KS ${r.train.ks.toFixed(4)}; holdout AUC ${r.test?.auc.toFixed(4)} KS ${r.test?.ks.toFixed(4)}; PSI ${r.psi?.toFixed(4)}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
