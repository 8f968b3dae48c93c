import { brier } from "../metrics/brier";
import { calibrationTable } from "../metrics/calibration-table";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { MAX_PADDED_CUTS } from "../scorecard/internal";
import { loadScorecard, scorecardToJSON } from "../scorecard/load";
import { probabilityOfDefault } from "../scorecard/probability-of-default";
import { roundPoints } from "../scorecard/round-points";
import {
  SHARED_OPTION_KEYS,
  checkOptions,
  prepareData,
  scoreColumns,
  setMetrics,
  splitRows,
} from "../scorecard/train/internal";
import { trainTestSplit } from "../scorecard/train/train-test-split";
import type { SetMetrics, TrainingData } from "../scorecard/train/types";
import type { Characteristic, Rounding, Scaling, ScorecardJSON } from "../scorecard/types";
import { type BoostParams, boostShapes } from "./boost-shapes";
import { type FineBinning, assignBins, fineBins } from "./fine-bins";
import { intervalRuns } from "./interval-runs";
import {
  type CoarseBinning,
  boostPairs,
  coarseBins,
  coarseLabels,
  pairCells,
  pairCharacteristic,
  rankPairs,
} from "./pairs";
import { purifyInto } from "./purify-pairs";
import { halves, keepZ, pairEvidence, pairsToDrop, weakestPairs } from "./select-pairs";
import type {
  BoostOptions,
  BoostReport,
  BoostedScorecard,
  CalibrationReport,
  FeatureShape,
  PairSelection,
  PairSetEvidence,
  PairShape,
} from "./types";

const OWN = new Set([
  "maxBins",
  "validationShare",
  "seed",
  "learningRate",
  "maxRounds",
  "maxLeaves",
  "minSamplesLeaf",
  "patience",
  "monotone",
  "calibrate",
  "refit",
  "maxCuts",
  "interactions",
  "pairBins",
  "pairLearningRate",
]);

/**
 * Trains an additive boosted scorecard (explainable-boosting-machine style) and returns it as an
 * ordinary `riskcard.scorecard` v1 artefact:
 * 1. checks options and data as `trainScorecard` does, splits train/test, and holds out a seeded,
 *    stratified validation part of the training rows (`validationShare`, default 0.15);
 * 2. bins every candidate finely (`maxBins` quantile intervals, one bin per special-value entry
 *    and per categorical level, a missing bin);
 * 3. learns one shape (log-odds of bad per bin) per feature by cyclic boosting on the logistic
 *    loss (`boostShapes`), with early stopping on the validation part and optional monotone
 *    constraints; bins without training rows get the feature's riskiest value;
 * 3b. with `interactions`, boosts the best pairs (FAST gain) after the mains and keeps them only
 *    when, on half the validation rows (the other half picks the pair rounds), the set lowers the
 *    log-loss by at least `keepZ(m)` standard errors; otherwise the weakest pair is dropped and the
 *    rest boosted again, after three drops the weaker half at once (`report.pairSelection` says which
 *    pairs were kept and why);
 * 4. purifies each pair term: the count-weighted mean of every row and column of
 *    its table moves into the two features' main shapes (Lengerich et al., AISTATS 2020), so the
 *    mains hold every one-feature effect and the pair only the interaction; a cell with fewer than
 *    `minSamplesLeaf` training rows gets 0 (its rows score on the mains alone);
 *    then centres each shape (row-weighted mean 0, moved into the intercept) and, unless
 *    `calibrate: false`, recalibrates on the validation part with Platt scaling
 *    (`logit PD = a + b * logit_raw`, maximum likelihood), folded into the shapes;
 * 5. turns each shape into points `-factor * shape` (`pdoScaling`), base points
 *    `offset - factor * intercept`, rounds them, and merges adjacent bins with equal points; the
 *    card's PD (`probabilityOfDefault`) is then the calibrated model's;
 * 6. scores every row through the public batch scorer and reports AUC / KS per part, and the
 *    Brier score and reliability table of the PD on the test rows.
 * Deterministic: the same data, options and seed give the same artefact bytes.
 * @param data `{ columns, target }` as for `trainScorecard`
 * @param options `date` (required) and the boosting options (see `BoostOptions`)
 * @returns `{ ok: true, value: { artefact, card, json, report } }` or issues (bad options, bad
 * data, one class only in a part)
 * @throws {TypeError} when data is not `{ columns, target }` or a column is not an array
 * @throws {RangeError} when columns differ in length
 * @example trainBoostedScorecard({ columns: { x: [1, 2, 3, 4, 5, 6, 7, 8], y: [0, 0, 1, 0, 1, 1, 0, 1] }, target: "y" }, { date: "2026-06-30", split: "none", validationShare: 0, minSamplesLeaf: 1 }).ok // => true
 */
export function trainBoostedScorecard(data: TrainingData, options: BoostOptions): Result<BoostedScorecard> {
  if (options === null || typeof options !== "object" || Array.isArray(options))
    return fail([issue("invalid_type", ["options"], "options must be an object with at least a date")]);
  const shared: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const k of Object.keys(options)) {
    if ((SHARED_OPTION_KEYS as readonly string[]).includes(k))
      shared[k] = (options as unknown as Record<string, unknown>)[k];
    else if (!OWN.has(k)) issues.push(issue("unrecognized_key", ["options", k], "unknown option"));
  }
  const co = checkOptions(shared);
  if (!co.ok) issues.push(...co.issues);
  const own = checkOwn(options, issues);
  if (!co.ok || issues.length > 0) return fail(issues);
  const o = co.value;
  const pd = prepareData(data, o);
  if (!pd.ok) return fail(pd.issues);
  const d = pd.value;
  for (const k of Object.keys(own.monotone)) {
    const c = d.columns.get(k);
    if (c === undefined)
      return fail([issue("unknown_reference", ["options", "monotone", k], "not a candidate column")]);
    if (c.kind !== "numeric")
      return fail([issue("inconsistent", ["options", "monotone", k], "monotone constraints apply to numeric columns")]);
  }

  // 1. test split, then validation split of the training rows
  const sp = splitRows(o.split, d.labels);
  if (!sp.ok) return fail(sp.issues);
  const { trainIdx: fitIdx, testIdx } = sp.value;
  const fitLabels = Uint8Array.from(fitIdx, (i) => d.labels[i]!);
  const fitBads = fitLabels.reduce((a, b) => a + b, 0);
  if (fitBads < 2 || fitBads > fitLabels.length - 2)
    return fail([
      issue("too_small", ["options", "split"], "the training rows need at least two bad and two good rows"),
    ]);
  const validMask =
    own.validationShare > 0 ? trainTestSplit(fitLabels, own.validationShare, own.seed) : new Uint8Array(fitIdx.length);
  const trainIdx: number[] = [];
  const validIdx: number[] = [];
  fitIdx.forEach((i, k) => {
    (validMask[k] === 1 ? validIdx : trainIdx).push(i);
  });
  const trainLabels = Uint8Array.from(trainIdx, (i) => d.labels[i]!);
  const validLabels = Uint8Array.from(validIdx, (i) => d.labels[i]!);

  // 2. fine bins
  const binnings: FineBinning[] = d.names.map((nm) =>
    fineBins(
      nm,
      d.columns.get(nm)!,
      trainIdx,
      own.maxBins,
      Object.hasOwn(o.specialValues, nm) ? o.specialValues[nm]! : [],
    ),
  );
  const trainBins = binnings.map((b, j) => assignBins(b, d.columns.get(d.names[j]!)!, trainIdx));
  const validBins = binnings.map((b, j) => assignBins(b, d.columns.get(d.names[j]!)!, validIdx));

  // 3. boosting
  const params: BoostParams = {
    learningRate: own.learningRate,
    maxRounds: own.maxRounds,
    maxLeaves: own.maxLeaves,
    minSamplesLeaf: own.minSamplesLeaf,
    patience: own.patience,
    monotone: d.names.map((nm) => {
      const m = Object.hasOwn(own.monotone, nm) ? own.monotone[nm] : undefined;
      return m === "increasing" ? 1 : m === "decreasing" ? -1 : 0;
    }),
    monotoneFrom: binnings.map((b) => b.firstOrdered),
  };
  const nBins = binnings.map((b) => b.bins);
  const stopped = boostShapes(
    { bins: trainBins, labels: trainLabels },
    nBins,
    params,
    validIdx.length > 0 ? { bins: validBins, labels: validLabels } : undefined,
  );
  // refit on train + validation rows for the chosen number of rounds
  const allBins =
    own.refit && validIdx.length > 0
      ? binnings.map((b, j) => assignBins(b, d.columns.get(d.names[j]!)!, fitIdx))
      : trainBins;
  const boosted =
    own.refit && validIdx.length > 0
      ? {
          ...boostShapes({ bins: allBins, labels: fitLabels }, nBins, { ...params, maxRounds: stopped.bestRound }),
          rounds: stopped.rounds,
          validationLoss: stopped.validationLoss,
        }
      : stopped;

  // 3b. pairwise interactions, boosted after the mains on their residuals
  const counts = allBins.map((col, j) => {
    const c = new Float64Array(nBins[j]!);
    for (const k of col) c[k]!++;
    return c;
  });
  const pairs =
    own.interactions > 0
      ? learnPairs()
      : { terms: [] as PairTerm[], rounds: 0, selection: [] as PairSelection[], evidence: undefined };
  function learnPairs(): {
    terms: PairTerm[];
    rounds: number;
    selection: PairSelection[];
    evidence: PairSetEvidence | undefined;
  } {
    const trainCounts = trainBins.map((col, j) => {
      const c = new Float64Array(nBins[j]!);
      for (const k of col) c[k]!++;
      return c;
    });
    const coarse = binnings.map((b, j) => coarseBins(b, trainCounts[j]!, own.pairBins));
    const cand: { a: number; b: number }[] = [];
    for (let a = 0; a < coarse.length; a++)
      for (let b = a + 1; b < coarse.length; b++)
        if (coarse[a] !== null && coarse[b] !== null && params.monotone[a] === 0 && params.monotone[b] === 0)
          cand.push({ a, b });
    const sizeOf = (q: { a: number; b: number }) => [coarse[q.a]!.bins.length, coarse[q.b]!.bins.length] as const;
    const cellsOf = (q: { a: number; b: number }, bins: readonly Uint16Array[]) =>
      pairCells(coarse[q.a]!, coarse[q.b]!, bins[q.a]!, bins[q.b]!);
    const fOf = (sh: readonly Float64Array[], icpt: number, bins: readonly Uint16Array[], rows: number) => {
      const f = new Float64Array(rows).fill(icpt);
      sh.forEach((shape, j) => {
        const col = bins[j]!;
        for (let i = 0; i < rows; i++) f[i] += shape[col[i]!]!;
      });
      return f;
    };
    const fTrain = fOf(stopped.shapes, stopped.intercept, trainBins, trainIdx.length);
    const ranked = rankPairs(
      cand.map((q) => cellsOf(q, trainBins)),
      cand.map(sizeOf),
      fTrain,
      trainLabels,
      own.minSamplesLeaf,
    );
    const requested = ranked.slice(0, own.interactions).map((r) => ({ ...cand[r.pair]!, gain: r.gain }));
    const names = (q: { a: number; b: number }): [string, string] => [d.names[q.a]!, d.names[q.b]!];
    const selection = new Map<{ a: number; b: number }, PairSelection>();
    for (const q of requested)
      if (!(q.gain > 0)) selection.set(q, { features: names(q), gain: q.gain, kept: false, reason: "no_gain" });
    let active = requested.filter((q) => q.gain > 0);
    const pp = {
      learningRate: own.pairLearningRate,
      maxRounds: own.maxRounds,
      minSamplesLeaf: own.minSamplesLeaf,
      patience: own.patience,
    };
    // Held-out rows split in two: the stopping half picks each fit's rounds; the selection half
    // (untouched by training and stopping) tests the set of pairs. Backward elimination: while the
    // set's held-out log-loss reduction is under keepZ(m) standard errors (m = the sets that may be
    // tested), the pair with the lowest z of its own is dropped and the rest boosted again; after
    // SINGLE_DROP_ROUNDS failed tests, the weaker half is dropped at once (select-pairs.ts).
    const half = halves(validLabels);
    const stopAt = validIdx.filter((_, k) => half[k] === 0);
    const selAt = validIdx.filter((_, k) => half[k] === 1);
    const binsAt = (rows: readonly number[]) =>
      binnings.map((b, j) => assignBins(b, d.columns.get(d.names[j]!)!, rows));
    const stopBins = binsAt(stopAt);
    const selBins = binsAt(selAt);
    const stopLabels = Uint8Array.from(stopAt, (i) => d.labels[i]!);
    const selLabels = Uint8Array.from(selAt, (i) => d.labels[i]!);
    const fStop = fOf(stopped.shapes, stopped.intercept, stopBins, stopAt.length);
    const fSel = fOf(stopped.shapes, stopped.intercept, selBins, selAt.length);
    const threshold = keepZ(active.length);
    let fit: ReturnType<typeof boostPairs> | undefined;
    let setEvidence: PairSetEvidence | undefined;
    let failedTests = 0;
    while (active.length > 0) {
      const sizes = active.map(sizeOf);
      fit = boostPairs(
        { cells: active.map((q) => cellsOf(q, trainBins)), f0: fTrain, labels: trainLabels },
        sizes,
        pp,
        validIdx.length > 0
          ? { cells: active.map((q) => cellsOf(q, stopBins)), f0: fStop, labels: stopLabels }
          : undefined,
      );
      if (validIdx.length === 0) {
        for (const q of active) selection.set(q, { features: names(q), gain: q.gain, kept: true, reason: "untested" });
        break;
      }
      if (fit.bestRound === 0) {
        for (const q of active)
          selection.set(q, { features: names(q), gain: q.gain, kept: false, reason: "no_improvement" });
        active = [];
        break;
      }
      const parts = active.map((q, t) => {
        const table = fit!.tables[t]!;
        return Float64Array.from(cellsOf(q, selBins), (k) => table[k]!);
      });
      const f = fSel.slice();
      const all = new Float64Array(f.length);
      for (const c of parts)
        for (let i = 0; i < f.length; i++) {
          f[i] += c[i]!;
          all[i] += c[i]!;
        }
      const joint = pairEvidence(f, all, selLabels);
      const ev = parts.map((c) => pairEvidence(f, c, selLabels));
      const passed = joint.z >= threshold;
      if (passed) setEvidence = { pairs: active.length, threshold, ...joint };
      const record = (t: number, kept: boolean) => {
        const q = active[t]!;
        const e = ev[t]!;
        selection.set(q, {
          features: names(q),
          gain: q.gain,
          kept,
          reason: kept ? "significant" : "not_significant",
          improvement: e.improvement,
          z: e.z,
          rows: e.rows,
        });
      };
      if (passed) {
        for (let t = 0; t < active.length; t++) record(t, true);
        break;
      }
      // the weakest pair, or after SINGLE_DROP_ROUNDS failed tests the weaker half (a bound on the refits)
      const dropped = new Set(
        weakestPairs(
          ev.map((e) => e.z),
          pairsToDrop(failedTests++, active.length),
        ),
      );
      for (const t of dropped) record(t, false);
      active = active.filter((_, t) => !dropped.has(t));
    }
    const report = requested.map((q) => selection.get(q)!);
    if (active.length === 0 || fit === undefined)
      return { terms: [], rounds: fit?.rounds ?? 0, selection: report, evidence: setEvidence };
    const sizes = active.map(sizeOf);
    const refitted =
      own.refit && validIdx.length > 0
        ? boostPairs(
            {
              cells: active.map((q) => cellsOf(q, allBins)),
              f0: fOf(boosted.shapes, boosted.intercept, allBins, fitIdx.length),
              labels: fitLabels,
            },
            sizes,
            { ...pp, maxRounds: fit.bestRound },
          )
        : fit;
    const terms = active.map((q, t) => {
      const cells = cellsOf(q, allBins);
      const cnt = new Float64Array(sizes[t]![0] * sizes[t]![1]);
      for (const k of cells) cnt[k]!++;
      return { ...q, ca: coarse[q.a]!, cb: coarse[q.b]!, table: refitted.tables[t]!, counts: cnt };
    });
    return { terms, rounds: fit.rounds, selection: report, evidence: setEvidence };
  }

  // 4. pair purification (each pair's one-feature parts into the mains; thin cells 0), empty
  // bins, centring, calibration
  let intercept = boosted.intercept;
  const mainShapes = boosted.shapes.map((sh) => sh.slice());
  for (const p of pairs.terms)
    purifyInto(
      p.table,
      p.counts,
      own.minSamplesLeaf,
      { shape: mainShapes[p.a]!, ofFine: p.ca.ofFine, bins: p.ca.bins.length },
      { shape: mainShapes[p.b]!, ofFine: p.cb.ofFine, bins: p.cb.bins.length },
    );
  const shapes = mainShapes.map((out, j) => {
    const c = counts[j]!;
    let top = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < out.length; k++) if (c[k]! > 0 && out[k]! > top) top = out[k]!;
    for (let k = 0; k < out.length; k++) if (c[k] === 0) out[k] = top;
    let mean = 0;
    for (let k = 0; k < out.length; k++) mean += c[k]! * out[k]!;
    mean /= allBins[0]!.length;
    for (let k = 0; k < out.length; k++) out[k] -= mean;
    intercept += mean;
    return out;
  });
  let platt = { a: 0, b: 1 };
  if (own.calibrate && validIdx.length > 0) {
    const raw = new Float64Array(validIdx.length).fill(intercept);
    shapes.forEach((sh, j) => {
      const col = validBins[j]!;
      for (let i = 0; i < raw.length; i++) raw[i] += sh[col[i]!]!;
    });
    for (const p of pairs.terms) {
      const cells = pairCells(p.ca, p.cb, validBins[p.a]!, validBins[p.b]!);
      for (let i = 0; i < raw.length; i++) raw[i] += p.table[cells[i]!]!;
    }
    platt = plattFit(raw, validLabels);
    intercept = platt.a + platt.b * intercept;
    for (const sh of shapes) for (let k = 0; k < sh.length; k++) sh[k] *= platt.b;
    for (const p of pairs.terms) for (let k = 0; k < p.table.length; k++) p.table[k] *= platt.b;
  }

  // 5. the card
  const mains = cardOf(binnings, shapes, counts, own.maxCuts, intercept, o.scaling, o.rounding, o.name, o.description);
  const draft = withPairs(mains, binnings, pairs.terms, o.scaling.factor, o.rounding);
  const first = loadScorecard(draft);
  if (!first.ok) return fail(first.issues);

  // 6. metrics
  const scores = scoreColumns(first.value, d.columns, d.n);
  const part = (idx: readonly number[]): SetMetrics | undefined => {
    const lab = Uint8Array.from(idx, (i) => d.labels[i]!);
    const b = lab.reduce((a, x) => a + x, 0);
    if (b === 0 || b === lab.length) return undefined;
    return setMetrics(
      Float64Array.from(idx, (i) => scores[i]!),
      lab,
    );
  };
  const trainM = part(trainIdx)!;
  const validM = part(validIdx);
  const testM = part(testIdx);
  const calIdx = testM !== undefined ? testIdx : validM !== undefined ? validIdx : [];
  let pdCal: CalibrationReport | undefined;
  if (calIdx.length >= 10) {
    const probs = Float64Array.from(calIdx, (i) => probabilityOfDefault(first.value, scores[i]!));
    const lab = Uint8Array.from(calIdx, (i) => d.labels[i]!);
    pdCal = { brier: brier(probs, lab), table: calibrationTable(probs, lab) };
  }
  const metrics: Record<string, number> = {
    trainRows: trainM.rows,
    trainBads: trainM.bads,
    trainAuc: trainM.auc,
    ...(validM === undefined ? {} : { validationRows: validM.rows, validationAuc: validM.auc }),
    ...(testM === undefined
      ? {}
      : { testRows: testM.rows, testBads: testM.bads, testAuc: testM.auc, testKs: testM.ks }),
    ...(pdCal === undefined ? {} : { brier: pdCal.brier }),
    rounds: boosted.rounds,
    bestRound: boosted.bestRound,
    variables: binnings.length,
    ...(pairs.terms.length === 0 ? {} : { interactions: pairs.terms.length, pairRounds: pairs.rounds }),
  };
  const desc =
    o.dataDescription ??
    `${d.n} rows (${d.labels.reduce((a, b) => a + b, 0)} bad), ${d.names.length} candidate variables; ${trainIdx.length} train, ${validIdx.length} validation and ${testIdx.length} test rows`;
  const final = loadScorecard({ ...draft, training: { data: desc, date: o.date, metrics } });
  if (!final.ok) return fail(final.issues);
  const card = final.value;
  const report: BoostReport = {
    rounds: boosted.rounds,
    bestRound: boosted.bestRound,
    validationLoss: boosted.validationLoss,
    calibration: platt,
    train: trainM,
    ...(validM === undefined ? {} : { validation: validM }),
    ...(testM === undefined ? {} : { test: testM }),
    ...(pdCal === undefined ? {} : { pdCalibration: pdCal }),
    shapes: binnings.map((b, j) => shapeOf(b, shapes[j]!, counts[j]!, o.scaling.factor, o.rounding)),
    pairs: pairs.terms.map((p) => pairShapeOf(binnings, p, o.scaling.factor, o.rounding)),
    pairRounds: pairs.rounds,
    pairSelection: pairs.selection,
    ...(pairs.evidence === undefined ? {} : { pairSetEvidence: pairs.evidence }),
  };
  return ok({ artefact: card.artefact as ScorecardJSON, card, json: scorecardToJSON(card), report });
}

interface OwnOptions {
  readonly maxBins: number;
  readonly validationShare: number;
  readonly seed: number;
  readonly learningRate: number;
  readonly maxRounds: number;
  readonly maxLeaves: number;
  readonly minSamplesLeaf: number;
  readonly patience: number;
  readonly monotone: Readonly<Record<string, "increasing" | "decreasing">>;
  readonly calibrate: boolean;
  readonly refit: boolean;
  readonly maxCuts: number;
  readonly interactions: number;
  readonly pairBins: number;
  readonly pairLearningRate: number;
}

/** A learned pair term: the two features (indices), their coarse bins, log-odds and rows per cell. */
interface PairTerm {
  readonly a: number;
  readonly b: number;
  readonly gain: number;
  readonly ca: CoarseBinning;
  readonly cb: CoarseBinning;
  readonly table: Float64Array;
  readonly counts: Float64Array;
}

function checkOwn(options: BoostOptions, issues: Issue[]): OwnOptions {
  const o = options as unknown as Record<string, unknown>;
  const num = (key: string, def: number, lo: number, hi: number, integer = false, open = false): number => {
    const v = o[key];
    if (v === undefined) return def;
    const at = ["options", key];
    if (typeof v !== "number") issues.push(issue("invalid_type", at, "must be a number"));
    else if (!Number.isFinite(v)) issues.push(issue("not_finite", at, "must be finite"));
    else if (integer && !Number.isInteger(v)) issues.push(issue("not_integer", at, "must be an integer"));
    else if (v < lo || (open && v === lo)) issues.push(issue("too_small", at, `must be ${open ? ">" : ">="} ${lo}`));
    else if (v > hi) issues.push(issue("too_big", at, `must be <= ${hi}`));
    else return v;
    return def;
  };
  const monotone: Record<string, "increasing" | "decreasing"> = {};
  const m = o.monotone;
  if (m !== undefined) {
    if (m === null || typeof m !== "object" || Array.isArray(m))
      issues.push(issue("invalid_type", ["options", "monotone"], "must be an object of column names"));
    else
      for (const [k, v] of Object.entries(m)) {
        if (v !== "increasing" && v !== "decreasing")
          issues.push(issue("invalid_enum", ["options", "monotone", k], 'must be "increasing" or "decreasing"'));
        else monotone[k] = v;
      }
  }
  if (o.refit !== undefined && typeof o.refit !== "boolean")
    issues.push(issue("invalid_type", ["options", "refit"], "must be true or false"));
  const cal = o.calibrate;
  if (cal !== undefined && typeof cal !== "boolean")
    issues.push(issue("invalid_type", ["options", "calibrate"], "must be true or false"));
  return {
    maxBins: num("maxBins", 64, 2, 1000, true),
    validationShare: num("validationShare", 0.15, 0, 0.5),
    seed: num("seed", 1, 0, Number.MAX_SAFE_INTEGER, true),
    learningRate: num("learningRate", 0.05, 0, 1, false, true),
    maxRounds: num("maxRounds", 2000, 1, 100_000, true),
    maxLeaves: num("maxLeaves", 3, 2, 64, true),
    minSamplesLeaf: num("minSamplesLeaf", 20, 1, 1e9, true),
    patience: num("patience", 50, 1, 100_000, true),
    monotone,
    calibrate: cal !== false,
    refit: o.refit !== false,
    maxCuts: num("maxCuts", 7, 1, MAX_PADDED_CUTS, true),
    interactions: num("interactions", 0, 0, 20, true),
    pairBins: num("pairBins", 6, 2, 16, true),
    pairLearningRate: num("pairLearningRate", 0.2, 0, 1, false, true),
  };
}

/**
 * Platt scaling by Newton's method: the maximum-likelihood `a, b` of `P(bad) = 1 / (1 + e^-(a + b z))`.
 * @param z raw log-odds per row
 * @param y labels
 * @returns the intercept a and slope b (a = 0, b = 1 when the fit fails)
 */
function plattFit(z: Float64Array, y: Uint8Array): { a: number; b: number } {
  let a = 0;
  let b = 1;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-(a + b * z[i]!)));
      const r = y[i]! - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * z[i]!;
      haa += w;
      hab += w * z[i]!;
      hbb += w * z[i]! * z[i]!;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-12)) return { a: 0, b: 1 };
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-12) break;
  }
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? { a, b } : { a: 0, b: 1 };
}

/** The scorecard artefact (without training metadata) of the learned shapes. */
function cardOf(
  binnings: readonly FineBinning[],
  shapes: readonly Float64Array[],
  counts: readonly Float64Array[],
  maxCuts: number,
  intercept: number,
  scaling: Scaling,
  rounding: Rounding,
  name: string,
  description: string | undefined,
): ScorecardJSON {
  const pts = (v: number): number => roundPoints(-scaling.factor * v, rounding) + 0;
  const codes = uniqueReasonCodes(binnings.map((b) => b.feature));
  const characteristics: Characteristic[] = binnings.map((b, j) => {
    const sh = shapes[j]!;
    const points = Array.from(sh, pts);
    const base = { name: b.feature, feature: b.feature, reasonCode: codes[j]! };
    let lowest = Number.POSITIVE_INFINITY;
    for (const p of points) if (p < lowest) lowest = p;
    const fallback = { points: lowest };
    if (b.type === "categorical") {
      const groups = new Map<number, string[]>();
      b.levels.forEach((l, k) => {
        const p = points[k + 1]!;
        const g = groups.get(p);
        if (g === undefined) groups.set(p, [l]);
        else g.push(l);
      });
      return {
        ...base,
        type: "categorical",
        levels: b.levels,
        attributes: [
          ...[...groups].map(([p, cats]) => ({ kind: "categories" as const, categories: cats, points: p })),
          { kind: "missing" as const, points: points[0]! },
        ],
        fallback,
      };
    }
    const attributes: (
      | { kind: "interval"; lower: number | null; upper: number | null; points: number }
      | {
          kind: "special";
          values: number[];
          points: number;
        }
    )[] = [];
    b.specials.forEach((v, k) => {
      attributes.push({ kind: "special", values: [...v], points: points[k + 1]! });
    });
    const runs = intervalRuns(b, sh, counts[j]!, scaling.factor, rounding, maxCuts);
    for (const r of runs) attributes.push({ kind: "interval", lower: r.lower, upper: r.upper, points: r.points });
    return {
      ...base,
      type: "numeric",
      attributes: [...attributes, { kind: "missing" as const, points: points[0]! }],
      fallback,
    };
  });
  return {
    format: "riskcard.scorecard",
    version: 1,
    name,
    ...(description === undefined ? {} : { description }),
    scaling,
    rounding,
    base: "separate",
    basePoints: roundPoints(scaling.offset - scaling.factor * intercept, rounding) + 0,
    characteristics,
    reasons: binnings.map((b, j) => ({ code: codes[j]!, message: b.feature.replace(/_/g, " ") })),
  };
}

/**
 * The card with its pair terms appended as version 2 rules characteristics (named "a x b", reason
 * code "a_x_b"); the card itself unchanged (version 1) without pairs.
 */
function withPairs(
  card: ScorecardJSON,
  binnings: readonly FineBinning[],
  terms: readonly PairTerm[],
  factor: number,
  rounding: Rounding,
): ScorecardJSON {
  if (terms.length === 0) return card;
  const pts = (v: number): number => roundPoints(-factor * v, rounding) + 0;
  const features = binnings.map((b) => b.feature);
  const codes = uniqueReasonCodes([...features, ...terms.map((p) => `${features[p.a]!}_x_${features[p.b]!}`)]).slice(
    features.length,
  );
  const taken = new Set(features);
  const names = terms.map((p) => {
    const stem = `${features[p.a]!} x ${features[p.b]!}`;
    let name = stem;
    for (let k = 2; taken.has(name); k++) name = `${stem} (${k})`;
    taken.add(name);
    return name;
  });
  const chars = terms.map((p, t) => {
    const A = binnings[p.a]!;
    const B = binnings[p.b]!;
    const code = codes[t]!;
    return pairCharacteristic(
      p.ca,
      A.type === "categorical" ? A.levels : null,
      p.cb,
      B.type === "categorical" ? B.levels : null,
      Array.from(p.table, pts),
      names[t]!,
      code,
    );
  });
  return {
    ...card,
    version: 2,
    characteristics: [...card.characteristics, ...chars],
    reasons: [
      ...(card.reasons ?? []),
      ...terms.map((p, t) => ({
        code: codes[t]!,
        message: `${binnings[p.a]!.feature.replace(/_/g, " ")} together with ${binnings[p.b]!.feature.replace(/_/g, " ")}`,
      })),
    ],
  };
}

function pairShapeOf(binnings: readonly FineBinning[], p: PairTerm, factor: number, rounding: Rounding): PairShape {
  const nb = p.cb.bins.length;
  const rows = (arr: ArrayLike<number>, f: (v: number) => number) =>
    p.ca.bins.map((_, r) => Array.from({ length: nb }, (_, c) => f(arr[r * nb + c]!)));
  return {
    features: [binnings[p.a]!.feature, binnings[p.b]!.feature],
    rowLabels: coarseLabels(p.ca),
    columnLabels: coarseLabels(p.cb),
    points: rows(p.table, (v) => roundPoints(-factor * v, rounding) + 0),
    counts: rows(p.counts, (v) => v),
    gain: p.gain,
  };
}

/**
 * Reason codes from column names, one per name and all different: characters outside
 * [A-Za-z0-9_.:-] become "_", at most 64; a code already given (two names that differ only in such
 * characters or after 64 of them) gets "_2", "_3", ... in place of its end. Deterministic in order.
 */
function uniqueReasonCodes(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((nm) => {
    const stem = nm.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 64) || "_";
    let code = stem;
    for (let k = 2; seen.has(code); k++) code = `${stem.slice(0, 64 - String(k).length - 1)}_${k}`;
    seen.add(code);
    return code;
  });
}

function shapeOf(
  b: FineBinning,
  shape: Float64Array,
  counts: Float64Array,
  factor: number,
  rounding: Rounding,
): FeatureShape {
  const labels: string[] = ["missing"];
  if (b.type === "categorical") labels.push(...b.levels);
  else {
    for (const s of b.specials) labels.push(`= ${s.join(", ")}`);
    const edges = [Number.NEGATIVE_INFINITY, ...b.cuts, Number.POSITIVE_INFINITY];
    for (let k = 0; k + 1 < edges.length; k++) labels.push(`[${edges[k]}, ${edges[k + 1]})`);
  }
  return {
    feature: b.feature,
    labels,
    points: Array.from(shape, (v) => roundPoints(-factor * v, rounding) + 0),
    counts: Array.from(counts),
  };
}
