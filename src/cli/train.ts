import { statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { type BoostReport, trainBoostedScorecard } from "../boosting";
import { type Scorecard, type ScorecardJSON, loadScorecard, scorecardToJSON } from "../scorecard";
import {
  type TrainOptions,
  type TrainingColumn,
  formatTrainReport,
  trainScorecard,
  trainTestSplit,
} from "../scorecard/train";
import { type ParsedArgs, listOpt, parseCommand, positionals, stringOpt } from "./args";
import { columnIndex, readColumn, targetLabels } from "./columns";
import { type CsvTable, delimiterOpt, readCsv } from "./csv";
import { CliError, issuesLine, usageError } from "./errors";
import type { CliIo } from "./io";
import { readBinsTable } from "./bins";
import { referenceOf, withReference } from "./reference";
import { writeSplit } from "./split";
import { withoutZeroCharacteristics } from "./zero-points";
import { scoreTable } from "./score-table";

/**
 * Help text of `riskcard train`.
 * @example TRAIN_HELP.startsWith("Usage: riskcard train") // => true
 */
export const TRAIN_HELP = `Usage: riskcard train DATA.csv --target COL --out MODEL.json [options]

Screens the variables of DATA.csv, bins them (WoE), fits a logistic regression, scales the points
and writes a riskcard.scorecard artefact; prints a table of variables with IV and the train/test
AUC, KS and PSI. The model also records the training score deciles and attribute counts, so that
riskcard report can measure stability later from the model file alone.

  --target COL          the outcome column (required); two values, no missing cells
  --bad VALUE           the target value that means bad (default: 1 for 0/1, "bad" for good/bad)
  --out MODEL.json      where to write the model (required)
  --exclude COLS        columns that are not candidates (comma-separated, repeatable)
  --categorical COLS    treat these columns as categorical even if they hold numbers
  --method M            binning of numeric columns: tree (default), chimerge or monotonic;
                        or boosted: an additive boosted scorecard (cyclic gradient boosting over
                        fine quantile bins, early stopping and PD calibration on 15% of the
                        training rows; see the README)
  --monotone COL=DIR    boosted only: risk "increasing" or "decreasing" in COL (repeatable)
  --interactions N      boosted only: try the N best pairwise terms (0 to 20, default 0), each a
                        two-feature characteristic (a version 2 model) holding only the
                        interaction (purified; see the README); pairs are kept only when they
                        lower the log-loss of held-out validation rows significantly (the report
                        says which were kept and why); --monotone columns are not paired
  --special COL=V,V     special values of a numeric column, each its own bin (repeatable),
                        e.g. --special NumberOfTimes90DaysLate=96,98
  --test-share S        share of rows held out for testing, 0 to 0.9 (default 0.3; 0 = none)
  --seed N              seed of the stratified train/test split (default 1)
  --min-iv V            drop variables with IV below V (default 0.02)
  --max-bins N          most bins per numeric variable (default 8)
  --min-bin-share S     least share of rows in a bin, 0 to 0.5 (default 0.05); also the least
                        share of a special-value bin (smaller codes are pooled, see the README)
  --trend T             monotonic trend of the bad rate in every numeric column: ascending,
                        descending, auto (the direction with the larger IV) or none; or per
                        column, --trend COL=descending (repeatable; overrides --method there)
  --max-p-value P       backward elimination: drop the variable with the largest Wald p-value
                        above P and refit, 0 to 1 (default: off)
  --bins BINS.csv       cut points per numeric column from a bins table (riskcard bins writes
                        one; edit it and train again): those columns are binned exactly there
  --split-out SPLIT.csv write which rows were train and which test (row,part), for riskcard
                        report --split, so that a report on DATA.csv shows the test rows only
  --max-correlation R   of two variables whose WoE columns correlate above R, keep the one with
                        the higher IV (default 0.7; lower it when the fit reports collinear columns)
  --l2 LAMBDA           L2 (ridge) penalty of the logistic fit, >= 0 (default 0); a small value
                        such as 1 gives a finite fit when the data are separated
  --method monotonic    gives the monotonic trend (bad rate monotone, direction with the larger IV)

A characteristic whose points are 0 in every bin adds nothing to any score: it is left out of the
model (and named on stderr).
  --delimiter D         the CSV field delimiter: one character, or tab (default ,)
  --name NAME           model name (default: the data file's name)
  --date YYYY-MM-DD     training date written to the model (default: $SOURCE_DATE_EPOCH if set,
                        else the data file's modification date; riskcard never reads the clock)

CSV: a header row; comma-separated (or --delimiter); quoted fields; LF, CRLF or CR line ends; empty cells and NA
are missing. A column is numeric when every non-missing cell is a number. A column with an empty
header name (a row index, as in Give Me Some Credit) is ignored.

Exit codes: 0 model written; 1 data error (missing target or column, non-numeric value in a
numeric column, training failed); 2 usage error.
`;

/** The checked options of a train run. */
interface TrainArgs {
  readonly data: string;
  readonly target: string;
  readonly out: string;
  readonly bad: string | undefined;
  readonly exclude: readonly string[];
  readonly categorical: readonly string[];
  readonly method: "tree" | "chimerge" | "monotonic" | "boosted";
  readonly monotone: Readonly<Record<string, "increasing" | "decreasing">>;
  /** --trend: the trend of every numeric column (key ""), or per column. */
  readonly trend: Readonly<Record<string, Trend>>;
  readonly interactions: number | undefined;
  readonly special: Readonly<Record<string, number[]>>;
  readonly testShare: number;
  readonly seed: number;
  readonly minIv: number | undefined;
  readonly maxBins: number | undefined;
  readonly minBinShare: number | undefined;
  readonly maxPValue: number | undefined;
  readonly bins: string | undefined;
  readonly splitOut: string | undefined;
  readonly maxCorrelation: number | undefined;
  readonly l2: number | undefined;
  readonly delimiter: string | undefined;
  readonly name: string | undefined;
  readonly date: string | undefined;
}

function numberOpt(args: ParsedArgs, name: string, lo: number, hi: number, integer = false): number | undefined {
  const t = stringOpt(args, name);
  if (t === undefined) return undefined;
  const v = Number(t);
  if (t.trim() === "" || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
    throw usageError(`--${name} must be ${integer ? "an integer" : "a number"} from ${lo} to ${hi}`);
  }
  return v;
}

function trainArgs(argv: readonly string[]): TrainArgs | "help" {
  const args = parseCommand("train", argv, {
    target: { type: "string", short: "t" },
    bad: { type: "string" },
    out: { type: "string", short: "o" },
    exclude: { type: "string", multiple: true },
    categorical: { type: "string", multiple: true },
    method: { type: "string" },
    monotone: { type: "string", multiple: true },
    trend: { type: "string", multiple: true },
    interactions: { type: "string" },
    special: { type: "string", multiple: true },
    "test-share": { type: "string" },
    seed: { type: "string" },
    "min-iv": { type: "string" },
    "max-bins": { type: "string" },
    "min-bin-share": { type: "string" },
    "max-p-value": { type: "string" },
    bins: { type: "string" },
    "split-out": { type: "string" },
    "max-correlation": { type: "string" },
    l2: { type: "string" },
    delimiter: { type: "string" },
    name: { type: "string" },
    date: { type: "string" },
  });
  if (args.values.help === true) return "help";
  const [data] = positionals("train", args, ["DATA.csv"]) as [string];
  const target = stringOpt(args, "target");
  if (target === undefined) throw usageError("--target COL is required");
  const out = stringOpt(args, "out");
  if (out === undefined) throw usageError("--out MODEL.json is required");
  const method = stringOpt(args, "method") ?? "tree";
  if (method !== "tree" && method !== "chimerge" && method !== "monotonic" && method !== "boosted")
    throw usageError("--method must be tree, chimerge, monotonic or boosted");
  const monotone: Record<string, "increasing" | "decreasing"> = {};
  const mv = args.values.monotone;
  for (const m of Array.isArray(mv) ? mv.map(String) : []) {
    const eq = m.lastIndexOf("=");
    const dir = m.slice(eq + 1);
    if (eq <= 0 || (dir !== "increasing" && dir !== "decreasing"))
      throw usageError("--monotone must look like COL=increasing or COL=decreasing");
    monotone[m.slice(0, eq)] = dir;
  }
  if (Object.keys(monotone).length > 0 && method !== "boosted") throw usageError("--monotone needs --method boosted");
  const trend: Record<string, Trend> = {};
  const tv = args.values.trend;
  for (const t of Array.isArray(tv) ? tv.map(String) : []) {
    const eq = t.lastIndexOf("=");
    const dir = t.slice(eq + 1);
    if (eq === 0 || !isTrend(dir))
      throw usageError("--trend must be ascending, descending, auto or none, or look like COL=ascending");
    trend[eq < 0 ? "" : t.slice(0, eq)] = dir;
  }
  if (Object.keys(trend).length > 0 && method === "boosted")
    throw usageError("--trend does not apply to --method boosted (use --monotone)");
  const interactions = numberOpt(args, "interactions", 0, 20, true);
  if (interactions !== undefined && method !== "boosted") throw usageError("--interactions needs --method boosted");
  const special: Record<string, number[]> = {};
  const sv = args.values.special;
  for (const s of Array.isArray(sv) ? sv.map(String) : []) {
    const eq = s.lastIndexOf("=");
    const values =
      eq < 0
        ? []
        : s
            .slice(eq + 1)
            .split(",")
            .map((x) => Number(x.trim()));
    if (eq <= 0 || values.length === 0 || values.some((v) => !Number.isFinite(v)))
      throw usageError("--special must look like COL=96,98");
    special[s.slice(0, eq)] = values;
  }
  const date = stringOpt(args, "date");
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usageError("--date must be YYYY-MM-DD");
  return {
    data,
    target,
    out,
    bad: stringOpt(args, "bad"),
    exclude: listOpt(args, "exclude"),
    categorical: listOpt(args, "categorical"),
    method,
    monotone,
    trend,
    interactions,
    special,
    testShare: numberOpt(args, "test-share", 0, 0.9) ?? 0.3,
    seed: numberOpt(args, "seed", 0, 2 ** 31 - 1, true) ?? 1,
    minIv: numberOpt(args, "min-iv", 0, 10),
    maxBins: numberOpt(args, "max-bins", 2, 50, true),
    minBinShare: numberOpt(args, "min-bin-share", 0, 0.5),
    maxPValue: numberOpt(args, "max-p-value", Number.MIN_VALUE, 1),
    bins: stringOpt(args, "bins"),
    splitOut: stringOpt(args, "split-out"),
    maxCorrelation: numberOpt(args, "max-correlation", 0, 1),
    l2: numberOpt(args, "l2", 0, 1e6),
    delimiter: delimiterOpt(args),
    name: stringOpt(args, "name"),
    date,
  };
}

/** The training date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else the data file's mtime. */
function trainingDate(a: TrainArgs): string {
  if (a.date !== undefined) return a.date;
  const sde = process.env.SOURCE_DATE_EPOCH;
  if (sde !== undefined && /^\d{1,12}$/.test(sde)) return new Date(Number(sde) * 1000).toISOString().slice(0, 10);
  return new Date(statSync(a.data).mtimeMs).toISOString().slice(0, 10);
}

/**
 * Builds the training columns of `trainScorecard` from a CSV table: every column except the
 * target, the excluded ones and an unnamed index column, typed by inference or `--categorical`.
 * @param table the CSV table
 * @param a the options
 * @returns the columns and notes on what was skipped
 * @throws {CliError} on unknown column names or a non-numeric cell in a numeric column
 */
function candidateColumns(
  table: CsvTable,
  a: TrainArgs,
): { columns: Record<string, TrainingColumn>; notes: string[]; trend: Record<string, Trend> } {
  for (const nm of [...a.exclude, ...a.categorical, ...Object.keys(a.special), ...Object.keys(a.monotone)])
    columnIndex(table, nm, "column");
  for (const nm of Object.keys(a.trend)) if (nm !== "") columnIndex(table, nm, "column");
  const notes: string[] = [];
  const columns: Record<string, TrainingColumn> = {};
  const trend: Record<string, Trend> = {};
  const exclude = new Set(a.exclude);
  const categorical = new Set(a.categorical);
  for (const nm of table.header) {
    if (nm === a.target || exclude.has(nm)) continue;
    if (nm === "") {
      notes.push("ignored the column with an empty header name (a row index)");
      continue;
    }
    const col = readColumn(table, nm, categorical.has(nm) ? "categorical" : undefined);
    if (col.kind === "categorical" && Object.hasOwn(a.special, nm))
      throw new CliError(`${table.source}: --special names "${nm}", which is categorical`);
    if (col.kind === "categorical" && Object.hasOwn(a.trend, nm))
      throw new CliError(`${table.source}: --trend names "${nm}", which is categorical`);
    const tr = Object.hasOwn(a.trend, nm) ? a.trend[nm] : a.trend[""];
    if (col.kind === "numeric" && tr !== undefined) trend[nm] = tr;
    columns[nm] = col.values;
  }
  return { columns, notes, trend };
}

type Trend = "ascending" | "descending" | "auto" | "none";
const isTrend = (t: string): t is Trend => t === "ascending" || t === "descending" || t === "auto" || t === "none";

/**
 * `riskcard train`: trains a scorecard from a CSV file with the library's pipeline (`trainScorecard`).
 * @param argv arguments after `train`
 * @param io output streams
 * @returns the exit code (0 when the model was written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await trainCommand([germanCsv, "--target", "creditability", "--out", tmp("m.json"), "--date", "2026-01-02"], io) // => 0
 */
export async function trainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const a = trainArgs(argv);
  if (a === "help") {
    io.stdout.write(TRAIN_HELP);
    return 0;
  }
  const table = await readCsv(a.data, a.delimiter === undefined ? {} : { delimiter: a.delimiter });
  const { labels, bad } = targetLabels(table, a.target, a.bad);
  const { columns, notes, trend } = candidateColumns(table, a);
  columns[a.target] = Array.from(labels);
  const testMask = a.testShare > 0 ? trainTestSplit(labels, a.testShare, a.seed) : new Uint8Array(labels.length);
  const breaks = a.bins === undefined ? undefined : readBinsTable(a.bins, table);
  const common = {
    date: trainingDate(a),
    name: a.name ?? basename(a.data).replace(/\.csv$/i, ""),
    dataDescription: `${table.source}: ${table.rows} rows, target ${JSON.stringify(a.target)} with ${JSON.stringify(bad)} = bad`,
    split: { testMask },
    ...(Object.keys(a.special).length > 0 ? { specialValues: a.special } : {}),
    ...(a.maxBins !== undefined ? { maxBins: a.maxBins } : {}),
    ...(a.minBinShare !== undefined ? { minBinShare: a.minBinShare } : {}),
    ...(breaks !== undefined ? { breaks } : {}),
    ...(a.maxCorrelation !== undefined ? { maxCorrelation: a.maxCorrelation } : {}),
    ...(a.l2 !== undefined ? { l2: a.l2 } : {}),
  };
  let trained: { artefact: ScorecardJSON; card: Scorecard };
  let reportText: string;
  if (a.method === "boosted") {
    if (a.minIv !== undefined) throw usageError("--min-iv does not apply to --method boosted");
    if (a.maxPValue !== undefined || breaks !== undefined || a.minBinShare !== undefined)
      throw usageError("--max-p-value, --bins and --min-bin-share do not apply to --method boosted");
    const monotone = Object.keys(a.monotone).length > 0 ? { monotone: a.monotone } : {};
    const pairs = a.interactions !== undefined ? { interactions: a.interactions } : {};
    const r = trainBoostedScorecard({ columns, target: a.target }, { ...common, ...monotone, ...pairs });
    if (!r.ok) throw new CliError(`${table.source}: training failed: ${issuesLine(r.issues)}`);
    trained = r.value;
    reportText = formatBoostReport(r.value.report);
  } else {
    const options: TrainOptions = {
      ...common,
      method: a.method,
      ...(a.minIv !== undefined ? { minIv: a.minIv } : {}),
      ...(a.maxPValue !== undefined ? { maxPValue: a.maxPValue } : {}),
      ...(Object.keys(trend).length > 0 ? { trend } : {}),
    };
    const r = trainScorecard({ columns, target: a.target }, options);
    // The library's advice names its options (l2, maxCorrelation); on the command line they are flags.
    if (!r.ok) {
      const advice = issuesLine(r.issues)
        .replaceAll("use l2", "pass --l2 (e.g. --l2 1)")
        .replaceAll("lower maxCorrelation", "lower --max-correlation");
      throw new CliError(`${table.source}: training failed: ${advice}`);
    }
    trained = r.value;
    reportText = formatTrainReport(r.value.report);
  }
  const trainRows: number[] = [];
  for (let i = 0; i < labels.length; i++) if (testMask[i] === 0) trainRows.push(i);
  const { card, artefact, dropped } = withoutZeroCharacteristics(trained.card, trained.artefact);
  const reference = referenceOf(card, scoreTable(card, table), trainRows);
  const loaded = loadScorecard(withReference(artefact as ScorecardJSON, reference));
  if (!loaded.ok)
    throw new CliError(`internal: the model with its reference does not load: ${issuesLine(loaded.issues)}`, 3);
  try {
    writeFileSync(a.out, scorecardToJSON(loaded.value));
  } catch {
    throw new CliError(`${basename(a.out)}: cannot write the model file`);
  }
  if (a.splitOut !== undefined) writeSplit(a.splitOut, testMask);
  for (const n of notes) io.stderr.write(`riskcard train: ${n}\n`);
  for (const d of dropped)
    io.stderr.write(`riskcard train: left out "${d}": its points are 0 in every bin (it adds nothing to a score)\n`);
  io.stdout.write(reportText);
  io.stderr.write(
    `riskcard train: wrote ${basename(a.out)} (${loaded.value.characteristics.length} characteristics)${a.splitOut === undefined ? "" : ` and ${basename(a.splitOut)}`}\n`,
  );
  return 0;
}

/** Plain-text summary of a boosted training run: rounds, AUC per part, Brier, reliability table, shapes. */
function formatBoostReport(r: BoostReport): string {
  const auc = (x: { auc: number } | undefined): string => (x === undefined ? "-" : x.auc.toFixed(4));
  const lines = [
    `boosted scorecard: ${r.rounds} rounds, kept round ${r.bestRound}; Platt calibration a ${r.calibration.a.toFixed(4)}, b ${r.calibration.b.toFixed(4)}`,
    `AUC train ${auc(r.train)}, validation ${auc(r.validation)}, test ${auc(r.test)}`,
  ];
  if (r.pdCalibration !== undefined) {
    lines.push(
      `PD Brier score ${r.pdCalibration.brier.toFixed(5)}; reliability (group, rows, mean PD, observed bad rate):`,
    );
    for (const g of r.pdCalibration.table.rows)
      lines.push(`  ${g.group}\t${g.count}\t${g.meanPredicted.toFixed(4)}\t${g.observedRate.toFixed(4)}`);
  }
  lines.push("feature shapes (points over fine bins, missing first):");
  for (const s of r.shapes) lines.push(`  ${s.feature}: ${s.points.join(" ")}`);
  if (r.pairSelection.length > 0) {
    const ev = r.pairSetEvidence;
    lines.push(
      ev === undefined
        ? "pair selection (requested pairs; none kept):"
        : `pair selection: the ${ev.pairs} kept lower the held-out log-loss by ${ev.improvement.toExponential(3)} per row, z ${ev.z.toFixed(2)} (needed ${ev.threshold.toFixed(2)}, ${ev.rows} rows):`,
    );
    for (const p of r.pairSelection)
      lines.push(
        `  ${p.features[0]} x ${p.features[1]}: ${p.kept ? "kept" : "dropped"} (${p.reason}${p.z === undefined ? "" : `, own z ${p.z.toFixed(2)}`})`,
      );
  }
  if (r.pairs.length > 0) {
    lines.push(`pairwise terms (${r.pairRounds} rounds; points per cell, rows of the first feature's bins):`);
    for (const p of r.pairs) {
      lines.push(`  ${p.features[0]} x ${p.features[1]} (gain ${p.gain.toFixed(2)}):`);
      for (const row of p.points) lines.push(`    ${row.join(" ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The target column and bad value a model trained by `riskcard train` records in its training
 * description (`target "COL" with "VALUE" = bad`), or null.
 * @param description `training.data` of the model
 * @returns the target and bad value, or null
 * @example recordedTarget('german.csv: 1000 rows, target "creditability" with "bad" = bad') // => { target: "creditability", bad: "bad" }
 */
export function recordedTarget(description: string | undefined): { target: string; bad: string } | null {
  if (description === undefined) return null;
  const m = /target ("(?:[^"\\]|\\.)*") with ("(?:[^"\\]|\\.)*") = bad$/.exec(description);
  if (!m) return null;
  try {
    return { target: JSON.parse(m[1]!) as string, bad: JSON.parse(m[2]!) as string };
  } catch {
    return null;
  }
}
