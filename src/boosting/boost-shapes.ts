/**
 * The boosting core of the additive boosted scorecard: cyclic gradient boosting over binned
 * features, one feature at a time, on the logistic loss (the "explainable boosting machine"
 * procedure of Lou, Caruana and Gehrke, "Intelligible models for classification and regression",
 * KDD 2012, and Nori et al., "InterpretML", 2019; written from the papers, not from their code).
 */
import { binCounts, histogram, startRows, stepRows } from "./row-pass";

/** Settings of `boostShapes` (every field required; `trainBoostedScorecard` fills the defaults). */
export interface BoostParams {
  /** Shrinkage of every step, in (0, 1]. */
  readonly learningRate: number;
  /** Most full rounds (one step per feature each). */
  readonly maxRounds: number;
  /** Most leaves of the tree grown over one feature's ordered bins in a step (>= 2). */
  readonly maxLeaves: number;
  /** Fewest training rows in a leaf. */
  readonly minSamplesLeaf: number;
  /** Stop after this many rounds without a better validation loss (needs validation rows). */
  readonly patience: number;
  /** Per feature: 1 = log-odds of bad non-decreasing over the ordered bins from `monotoneFrom`, -1 non-increasing, 0 free. */
  readonly monotone: readonly number[];
  /** Per feature: the first bin of the ordered (interval) bins that a monotone constraint covers. */
  readonly monotoneFrom: readonly number[];
}

/** Binned rows: per feature one bin index per row, and the number of bins of each feature. */
export interface BinnedRows {
  readonly bins: readonly Uint16Array[];
  readonly labels: Uint8Array;
}

/** What `boostShapes` learned. */
export interface BoostedShapes {
  /** Log-odds of bad for a row in which every shape is 0 (starts at ln(bads/goods)). */
  readonly intercept: number;
  /** Per feature, the log-odds added by each bin (the best round's). */
  readonly shapes: readonly Float64Array[];
  /** Rounds run, and the round (1-based) whose shapes were kept (the last one without validation rows). */
  readonly rounds: number;
  readonly bestRound: number;
  /** Mean validation log loss after each round (empty without validation rows). */
  readonly validationLoss: readonly number[];
}

/**
 * Learns one shape (log-odds per bin) per feature by cyclic boosting: the intercept starts at
 * ln(B/G); each round visits the features in order and, for feature j, sums the gradients
 * `g_i = p_i - y_i` and hessians `h_i = p_i (1 - p_i)` of the logistic loss per bin, grows a tree
 * over the ordered bins greedily (best split by gain `G_L^2/H_L + G_R^2/H_R - G^2/H`, each leaf at
 * least `minSamplesLeaf` rows, at most `maxLeaves` leaves), adds the shrunk Newton step
 * `-learningRate * G_leaf / H_leaf` to every bin of each leaf, projects a monotone-constrained
 * shape back onto monotone shapes (weighted pool-adjacent-violators over its interval bins), and
 * updates every row's prediction before the next feature. With validation rows it keeps the round
 * with the lowest validation log loss and stops after `patience` rounds without improvement.
 * Deterministic: no randomness at all.
 * @param train training rows (bins per feature, labels 1 = bad)
 * @param nBins number of bins of each feature
 * @param params the settings
 * @param valid optional validation rows for early stopping
 * @returns the intercept, one shape per feature, rounds and the validation loss curve
 * @throws {RangeError} when the training rows hold one class only
 * @example boostShapes({ bins: [Uint16Array.of(0, 0, 1, 1)], labels: Uint8Array.of(0, 1, 1, 1) }, [2], { learningRate: 1, maxRounds: 1, maxLeaves: 2, minSamplesLeaf: 1, patience: 1, monotone: [0], monotoneFrom: [0] }).shapes[0][1] // => 1.3333333333333333
 */
export function boostShapes(
  train: BinnedRows,
  nBins: readonly number[],
  params: BoostParams,
  valid?: BinnedRows,
): BoostedShapes {
  const y = train.labels;
  const n = y.length;
  const p = train.bins.length;
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i]!;
  if (bads === 0 || bads === n) throw new RangeError("boostShapes: the training rows must hold both classes");
  const intercept = Math.log(bads / (n - bads));
  const maxB = Math.max(...nBins);
  const rows = startRows(new Float64Array(n).fill(intercept), y, maxB);
  const nv = valid === undefined ? 0 : valid.labels.length;
  const fv = new Float64Array(nv).fill(intercept);
  const shapes = nBins.map((b) => new Float64Array(b));
  const counts = train.bins.map((col, j) => binCounts(col, nBins[j]!));
  const stop = earlyStop(shapes, Number.POSITIVE_INFINITY);
  let round = 0;
  const g = new Float64Array(maxB);
  const h = new Float64Array(maxB);
  const delta = new Float64Array(maxB);
  const before = new Float64Array(maxB);
  const tree = treeScratch(params.maxLeaves);
  // histogram of feature 0 before the first step; afterwards each step's pass over the rows also
  // sums the next feature's histogram (one pass per step instead of two)
  histogram(train.bins[0]!, nBins[0]!, new Float64Array(n).fill(bads / n), y, g, h);
  while (round < params.maxRounds) {
    round++;
    for (let j = 0; j < p; j++) {
      const col = train.bins[j]!;
      const b = nBins[j]!;
      stepDeltas(g, h, counts[j]!, b, params, tree, delta);
      const shape = shapes[j]!;
      const m = params.monotone[j] ?? 0;
      if (m !== 0) {
        before.set(shape);
        for (let k = 0; k < b; k++) shape[k] += delta[k]!;
        projectMonotone(shape, counts[j]!, params.monotoneFrom[j]!, m);
        for (let k = 0; k < b; k++) delta[k] = shape[k]! - before[k]!;
      } else for (let k = 0; k < b; k++) shape[k] += delta[k]!;
      const jn = j + 1 === p ? 0 : j + 1;
      stepRows(rows, delta, col, b, train.bins[jn]!, nBins[jn]!, g, h, jn === 0);
      if (valid !== undefined) {
        const vc = valid.bins[j]!;
        for (let i = 0; i < nv; i++) fv[i] += delta[vc[i]!]!;
      }
    }
    if (stopAfter(stop, round, shapes, fv, valid?.labels, params.patience)) break;
  }
  return {
    intercept,
    shapes: valid === undefined || nv === 0 ? shapes : stop.best,
    rounds: round,
    bestRound: stop.bestRound,
    validationLoss: stop.losses,
  };
}

/**
 * Early stopping on the validation log-loss, shared by the shape and pair boosters: the best round so
 * far, a copy of its terms, its loss and the loss of every round.
 * @internal
 */
export interface EarlyStop {
  bestRound: number;
  bestLoss: number;
  best: Float64Array[];
  readonly losses: number[];
}

/** Starts early stopping at round 0 with a copy of `terms` and the loss to beat (`startLoss`). @internal */
export function earlyStop(terms: readonly Float64Array[], startLoss: number): EarlyStop {
  return { bestRound: 0, bestLoss: startLoss, best: terms.map((t) => t.slice()), losses: [] };
}

/**
 * Records the end of `round`: with no validation rows every round is the best; otherwise it adds the
 * validation log-loss of `fv`, keeps a copy of `terms` when the loss falls by more than 1e-9, and
 * says whether `patience` rounds have passed since the best one (then the booster stops).
 * @internal
 */
export function stopAfter(
  stop: EarlyStop,
  round: number,
  terms: readonly Float64Array[],
  fv: Float64Array,
  labels: Uint8Array | undefined,
  patience: number,
): boolean {
  if (labels === undefined || fv.length === 0) {
    stop.bestRound = round;
    return false;
  }
  const loss = logLoss(fv, labels);
  stop.losses.push(loss);
  if (loss < stop.bestLoss - 1e-9) {
    stop.bestLoss = loss;
    stop.bestRound = round;
    stop.best = terms.map((t) => t.slice());
    return false;
  }
  return round - stop.bestRound >= patience;
}

/** Mean logistic loss of log-odds `f` against labels. */
export function logLoss(f: Float64Array, y: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) {
    const z = f[i]!;
    // log(1 + e^z) - y z, computed stably
    s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
  }
  return s / f.length;
}

/** Segment bounds of `stepDeltas`'s tree, allocated once per boosting run. */
interface TreeScratch {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

function treeScratch(maxLeaves: number): TreeScratch {
  return { starts: new Int32Array(maxLeaves), ends: new Int32Array(maxLeaves) };
}

/** The step of one feature: a greedy tree of at most maxLeaves leaves over the ordered bins, written to `out`. */
function stepDeltas(
  g: Float64Array,
  h: Float64Array,
  cnt: Float64Array,
  b: number,
  params: BoostParams,
  tree: TreeScratch,
  out: Float64Array,
): void {
  // segments [start, end) of the ordered bins; split the one with the best gain until maxLeaves
  const { starts, ends } = tree;
  starts[0] = 0;
  ends[0] = b;
  let leaves = 1;
  while (leaves < params.maxLeaves) {
    let bestGain = 1e-12;
    let bestSeg = -1;
    let bestCut = -1;
    for (let s = 0; s < leaves; s++) {
      const lo = starts[s]!;
      const hi = ends[s]!;
      let gt = 0;
      let ht = 0;
      let ct = 0;
      for (let k = lo; k < hi; k++) {
        gt += g[k]!;
        ht += h[k]!;
        ct += cnt[k]!;
      }
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let k = lo; k < hi - 1; k++) {
        gl += g[k]!;
        hl += h[k]!;
        cl += cnt[k]!;
        const cr = ct - cl;
        if (cl < params.minSamplesLeaf || cr < params.minSamplesLeaf) continue;
        const hr = ht - hl;
        if (hl <= 0 || hr <= 0 || ht <= 0) continue;
        const gr = gt - gl;
        const gain = (gl * gl) / hl + (gr * gr) / hr - (gt * gt) / ht;
        if (gain > bestGain) {
          bestGain = gain;
          bestSeg = s;
          bestCut = k + 1;
        }
      }
    }
    if (bestSeg < 0) break;
    starts[leaves] = bestCut;
    ends[leaves] = ends[bestSeg]!;
    ends[bestSeg] = bestCut;
    leaves++;
  }
  for (let s = 0; s < leaves; s++) {
    let gs = 0;
    let hs = 0;
    for (let k = starts[s]!; k < ends[s]!; k++) {
      gs += g[k]!;
      hs += h[k]!;
    }
    const v = hs > 1e-12 ? (-params.learningRate * gs) / hs : 0;
    for (let k = starts[s]!; k < ends[s]!; k++) out[k] = v;
  }
}

/**
 * Weighted pool-adjacent-violators over `shape[from..]`: the closest (weighted least squares)
 * non-decreasing (dir 1) or non-increasing (dir -1) sequence; bins without rows weigh 1e-9.
 * @param shape the shape, projected in place
 * @param weights rows per bin
 * @param from first bin of the constrained run
 * @param dir 1 or -1
 */
export function projectMonotone(shape: Float64Array, weights: Float64Array, from: number, dir: number): void {
  const len = shape.length - from;
  if (len < 2) return;
  const val: number[] = [];
  const wt: number[] = [];
  const size: number[] = [];
  for (let k = from; k < shape.length; k++) {
    let v = dir * shape[k]!;
    let w = Math.max(weights[k]!, 1e-9);
    let s = 1;
    while (val.length > 0 && val[val.length - 1]! > v) {
      const pw = wt.pop()!;
      const pv = val.pop()!;
      v = (pv * pw + v * w) / (pw + w);
      w += pw;
      s += size.pop()!;
    }
    val.push(v);
    wt.push(w);
    size.push(s);
  }
  let k = from;
  for (let q = 0; q < val.length; q++) for (let r = 0; r < size[q]!; r++) shape[k++] = dir * val[q]!;
}
