/**
 * Pairwise interaction terms of the additive boosted scorecard: each feature's fine bins grouped
 * into a few coarse bins, candidate pairs ranked on the residuals of the main shapes by the FAST
 * procedure, and the chosen pairs boosted cyclically after the mains, one small tree over the
 * pair's grid of coarse cells per step (Lou, Caruana, Gehrke and Hooker, "Accurate intelligible
 * models with pairwise interactions", KDD 2013, section 4 "FAST"; Nori et al., "InterpretML",
 * 2019; written from the papers, not from their code). Internal: used by train-boosted-scorecard.ts.
 */
import type { Predicate, RulesCharacteristic } from "../scorecard/types";
import { earlyStop, logLoss, stopAfter } from "./boost-shapes";
import type { FineBinning } from "./fine-bins";
import { binCounts, histogram, sigmoidOf, startRows, stepRows } from "./row-pass";

/** A feature's coarse bins for pairs: the coarse bin of every fine bin, and what each coarse bin holds. */
export interface CoarseBinning {
  readonly feature: string;
  /** Coarse bin of each fine bin. */
  readonly ofFine: Uint8Array;
  /** Coarse bins: 0 missing, then specials or levels (kind "exact"), then interval groups. */
  readonly bins: readonly CoarseBin[];
}

/** One coarse bin: the missing bin, exact values (a special entry or a categorical level), or an interval. */
export type CoarseBin =
  | { readonly kind: "missing" }
  | { readonly kind: "special"; readonly values: readonly number[] }
  | { readonly kind: "level"; readonly level: string }
  | { readonly kind: "interval"; readonly lower: number | null; readonly upper: number | null };

/**
 * Groups a feature's fine bins into coarse bins for pairs: the missing bin, each special entry or
 * categorical level alone, and the ordered interval bins into at most `maxIntervals` runs of about
 * equal training rows (a run ends at the first fine bin where the cumulative count reaches the next
 * multiple of total / maxIntervals). Categorical features with more than `maxIntervals * 2` levels
 * are not pair candidates (null).
 * @param b the fine binning
 * @param counts training rows per fine bin
 * @param maxIntervals most interval runs (>= 1)
 * @returns the coarse binning, or null when the feature has too many levels for a pair
 */
export function coarseBins(b: FineBinning, counts: Float64Array, maxIntervals: number): CoarseBinning | null {
  const ofFine = new Uint8Array(b.bins);
  const bins: CoarseBin[] = [{ kind: "missing" }];
  if (b.type === "categorical") {
    if (b.levels.length > maxIntervals * 2) return null;
    b.levels.forEach((level, k) => {
      ofFine[k + 1] = bins.length;
      bins.push({ kind: "level", level });
    });
    return { feature: b.feature, ofFine, bins };
  }
  b.specials.forEach((values, k) => {
    ofFine[k + 1] = bins.length;
    bins.push({ kind: "special", values });
  });
  const first = b.firstOrdered;
  let total = 0;
  for (let k = first; k < b.bins; k++) total += counts[k]!;
  const edges: (number | null)[] = [null, ...b.cuts, null];
  let cum = 0;
  let start = 0; // index into the ordered bins where the current run starts
  let q = 1;
  for (let k = 0; k < b.bins - first; k++) {
    cum += counts[first + k]!;
    ofFine[first + k] = bins.length;
    const last = k === b.bins - first - 1;
    if (last || (q < maxIntervals && cum >= (q * total) / maxIntervals)) {
      bins.push({ kind: "interval", lower: edges[start]!, upper: edges[k + 1]! });
      start = k + 1;
      while (q < maxIntervals && cum >= (q * total) / maxIntervals) q++;
    }
  }
  return { feature: b.feature, ofFine, bins };
}

/** The cell of every row of a pair: `coarseA * nB + coarseB`. */
export function pairCells(a: CoarseBinning, b: CoarseBinning, finesA: Uint16Array, finesB: Uint16Array): Uint16Array {
  const nb = b.bins.length;
  const out = new Uint16Array(finesA.length);
  for (let i = 0; i < out.length; i++) out[i] = a.ofFine[finesA[i]!]! * nb + b.ofFine[finesB[i]!]!;
  return out;
}

/**
 * The FAST interaction tree of one pair on cell sums of gradients `g`, hessians `h` and rows `cnt`
 * over an `na x nb` grid (cell `r * nb + c`): one cut on either axis, then on each side its own
 * cut on the other axis (or none), every leaf with at least `minLeaf` rows; the gain is
 * `sum over leaves G^2/H - G^2/H` (second-order reduction of the logistic loss). Writes each
 * cell's leaf (0-3) to `leafOut` when given.
 * @returns the best gain (0 when no tree has a valid split)
 */
export function pairTree(
  g: Float64Array,
  h: Float64Array,
  cnt: Float64Array,
  na: number,
  nb: number,
  minLeaf: number,
  leafOut: Uint8Array | null,
): number {
  let gt = 0;
  let ht = 0;
  for (let k = 0; k < na * nb; k++) {
    gt += g[k]!;
    ht += h[k]!;
  }
  const parent = ht > 0 ? (gt * gt) / ht : 0;
  let best = 0;
  let bestAxis = -1;
  let bestCut = 0;
  let bestL = 0;
  let bestR = 0;
  // axis 0: cut rows (feature a), then columns on each side; axis 1: the transpose
  for (let axis = 0; axis < 2; axis++) {
    const n1 = axis === 0 ? na : nb;
    const n2 = axis === 0 ? nb : na;
    const at = (i: number, j: number): number => (axis === 0 ? i * nb + j : j * nb + i);
    const side = (lo: number, hi: number): { score: number; cut: number; rows: number } => {
      // sums over outer [lo, hi) per inner index, then the best inner cut
      let G = 0;
      let H = 0;
      let C = 0;
      const gs = new Float64Array(n2);
      const hs = new Float64Array(n2);
      const cs = new Float64Array(n2);
      for (let i = lo; i < hi; i++)
        for (let j = 0; j < n2; j++) {
          const k = at(i, j);
          gs[j] += g[k]!;
          hs[j] += h[k]!;
          cs[j] += cnt[k]!;
        }
      for (let j = 0; j < n2; j++) {
        G += gs[j]!;
        H += hs[j]!;
        C += cs[j]!;
      }
      let score = H > 0 ? (G * G) / H : 0;
      let cut = 0;
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let j = 0; j + 1 < n2; j++) {
        gl += gs[j]!;
        hl += hs[j]!;
        cl += cs[j]!;
        if (cl < minLeaf || C - cl < minLeaf || hl <= 0 || H - hl <= 0) continue;
        const s = (gl * gl) / hl + ((G - gl) * (G - gl)) / (H - hl);
        if (s > score) {
          score = s;
          cut = j + 1;
        }
      }
      return { score, cut, rows: C };
    };
    for (let c = 1; c < n1; c++) {
      const l = side(0, c);
      const r = side(c, n1);
      if (l.rows < minLeaf || r.rows < minLeaf) continue;
      const gain = l.score + r.score - parent;
      if (gain > best + 1e-12) {
        best = gain;
        bestAxis = axis;
        bestCut = c;
        bestL = l.cut;
        bestR = r.cut;
      }
    }
  }
  if (leafOut !== null)
    for (let r = 0; r < na; r++)
      for (let c = 0; c < nb; c++) {
        const [i, j] = bestAxis === 1 ? [c, r] : [r, c];
        const left = bestAxis >= 0 && i < bestCut;
        const inner = left ? bestL : bestR;
        leafOut[r * nb + c] = bestAxis < 0 ? 0 : (left ? 0 : 2) + (inner > 0 && j >= inner ? 1 : 0);
      }
  return best;
}

/**
 * Ranks candidate pairs by the gain of their FAST tree on the residuals of log-odds `f` (the main
 * shapes' model): for each pair, gradients and hessians of the logistic loss summed per cell,
 * then `pairTree`. Ties keep the earlier pair (pairs in order a < b over the candidate list).
 * @param cells per candidate pair, the cell of every row
 * @param sizes per candidate pair, `[na, nb]`
 * @param f the log-odds per row
 * @param y labels (1 = bad)
 * @param minLeaf fewest rows in a leaf
 * @returns pair indices, best first, with their gains
 */
export function rankPairs(
  cells: readonly Uint16Array[],
  sizes: readonly (readonly [number, number])[],
  f: Float64Array,
  y: Uint8Array,
  minLeaf: number,
): { pair: number; gain: number }[] {
  const prob = sigmoidOf(f);
  const out = cells.map((c, t) => {
    const [na, nb] = sizes[t]!;
    const g = new Float64Array(na * nb);
    const h = new Float64Array(na * nb);
    histogram(c, na * nb, prob, y, g, h);
    return { pair: t, gain: pairTree(g, h, binCounts(c, na * nb), na, nb, minLeaf, null) };
  });
  return out.sort((x, z) => z.gain - x.gain || x.pair - z.pair);
}

/** Settings of `boostPairs`. */
export interface PairParams {
  readonly learningRate: number;
  readonly maxRounds: number;
  readonly minSamplesLeaf: number;
  readonly patience: number;
}

/**
 * Boosts pair terms cyclically from the log-odds `f0` of the mains: each round visits the pairs
 * in order and, for pair t, sums gradients and hessians per cell, grows its FAST tree (`pairTree`)
 * and adds the shrunk Newton step `-learningRate * G_leaf / H_leaf` to every cell of each leaf.
 * With validation rows it keeps the round with the lowest validation log loss and stops after
 * `patience` rounds without improvement. Deterministic.
 * @returns per pair the log-odds added by each cell, the rounds run and the round kept
 */
export function boostPairs(
  train: { readonly cells: readonly Uint16Array[]; readonly f0: Float64Array; readonly labels: Uint8Array },
  sizes: readonly (readonly [number, number])[],
  params: PairParams,
  valid?: { readonly cells: readonly Uint16Array[]; readonly f0: Float64Array; readonly labels: Uint8Array },
): { tables: Float64Array[]; rounds: number; bestRound: number; validationLoss: number[] } {
  const y = train.labels;
  const most = Math.max(1, ...sizes.map(([a, b]) => a * b));
  const rows = startRows(train.f0.slice(), y, most);
  const fv = valid === undefined ? new Float64Array(0) : valid.f0.slice();
  const tables = sizes.map(([na, nb]) => new Float64Array(na * nb));
  const counts = train.cells.map((c, t) => binCounts(c, sizes[t]![0] * sizes[t]![1]));
  const stop = earlyStop(
    tables,
    valid === undefined || fv.length === 0 ? Number.POSITIVE_INFINITY : logLoss(fv, valid.labels),
  );
  let round = 0;
  const g = new Float64Array(most);
  const h = new Float64Array(most);
  const leaf = new Uint8Array(most);
  const delta = new Float64Array(most);
  const lg = new Float64Array(4);
  const lh = new Float64Array(4);
  const cellsOf = (t: number): number => sizes[t]![0] * sizes[t]![1];
  // sums of pair 0 before the first step; afterwards each step's pass over the rows also sums the
  // next pair's cells (one pass per step instead of two)
  if (tables.length > 0) histogram(train.cells[0]!, cellsOf(0), sigmoidOf(rows.f), y, g, h);
  while (round < params.maxRounds && tables.length > 0) {
    round++;
    for (let t = 0; t < tables.length; t++) {
      const [na, nb] = sizes[t]!;
      const m = na * nb;
      const cells = train.cells[t]!;
      pairTree(g, h, counts[t]!, na, nb, params.minSamplesLeaf, leaf);
      lg.fill(0);
      lh.fill(0);
      for (let k = 0; k < m; k++) {
        lg[leaf[k]!]! += g[k]!;
        lh[leaf[k]!]! += h[k]!;
      }
      const table = tables[t]!;
      for (let k = 0; k < m; k++) {
        const L = leaf[k]!;
        delta[k] = lh[L]! > 1e-12 ? (-params.learningRate * lg[L]!) / lh[L]! : 0;
        table[k] += delta[k]!;
      }
      const tn = t + 1 === tables.length ? 0 : t + 1;
      stepRows(rows, delta, cells, m, train.cells[tn]!, cellsOf(tn), g, h, tn === 0);
      if (valid !== undefined) {
        const vc = valid.cells[t]!;
        for (let i = 0; i < fv.length; i++) fv[i] += delta[vc[i]!]!;
      }
    }
    if (stopAfter(stop, round, tables, fv, valid?.labels, params.patience)) break;
  }
  return {
    tables: valid === undefined || fv.length === 0 ? tables : stop.best,
    rounds: round,
    bestRound: stop.bestRound,
    validationLoss: stop.losses,
  };
}

/** The predicate of a coarse bin of `feature` (intervals left-closed, as the fine bins). */
function binPredicate(feature: string, bin: CoarseBin): Predicate[] {
  switch (bin.kind) {
    case "missing":
      return [{ op: "isMissing", feature }];
    case "special":
      return [
        bin.values.length === 1
          ? { op: "eq", feature, value: bin.values[0]! }
          : { op: "in", feature, values: [...bin.values] },
      ];
    case "level":
      return [{ op: "eq", feature, value: bin.level }];
    default: {
      const out: Predicate[] = [];
      if (bin.lower !== null) out.push({ op: "ge", feature, value: bin.lower });
      if (bin.upper !== null) out.push({ op: "lt", feature, value: bin.upper });
      if (out.length === 0) out.push({ op: "isNotMissing", feature });
      return out;
    }
  }
}

/**
 * A pair term as a version 2 rules characteristic over two inputs: one attribute per cell of the
 * coarse grid, `and` of the two bins' predicates, with the cell's points. A special value may lie
 * inside an interval, and the first true attribute wins, so cells are ordered by how many of their
 * two bins are intervals (none, one, two), then row-major; a value in no cell (a level not seen in
 * training) takes the fallback, 0 points.
 * @param a the first feature's coarse bins (its `levels` when categorical)
 * @param b the second feature's
 * @param points the points of each cell `r * nb + c`
 * @param name the characteristic's name and reason code
 */
export function pairCharacteristic(
  a: CoarseBinning,
  levelsA: readonly string[] | null,
  b: CoarseBinning,
  levelsB: readonly string[] | null,
  points: readonly number[],
  name: string,
  reasonCode: string,
): RulesCharacteristic {
  const nb = b.bins.length;
  const cells: { rank: number; k: number; when: Predicate }[] = [];
  a.bins.forEach((ba, r) => {
    b.bins.forEach((bb, c) => {
      const rank = (ba.kind === "interval" ? 1 : 0) + (bb.kind === "interval" ? 1 : 0);
      const when: Predicate = { op: "and", args: [...binPredicate(a.feature, ba), ...binPredicate(b.feature, bb)] };
      cells.push({ rank, k: r * nb + c, when });
    });
  });
  cells.sort((x, y) => x.rank - y.rank || x.k - y.k);
  const input = (feature: string, levels: readonly string[] | null) =>
    levels === null ? { feature } : { feature, levels: [...levels] };
  return {
    name,
    feature: a.feature,
    type: "rules",
    reasonCode,
    inputs: [input(a.feature, levelsA), input(b.feature, levelsB)],
    attributes: cells.map((x) => ({ kind: "rule" as const, when: x.when, points: points[x.k]! })),
    fallback: { points: 0 },
  };
}

/** A label per coarse bin, for reports. */
export function coarseLabels(c: CoarseBinning): string[] {
  return c.bins.map((bin) => {
    switch (bin.kind) {
      case "missing":
        return "missing";
      case "special":
        return `= ${bin.values.join(", ")}`;
      case "level":
        return bin.level;
      default:
        return `[${bin.lower ?? Number.NEGATIVE_INFINITY}, ${bin.upper ?? Number.POSITIVE_INFINITY})`;
    }
  });
}
