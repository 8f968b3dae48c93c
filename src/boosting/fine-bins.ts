/**
 * Fine binning for the boosted scorecard: numeric columns into quantile intervals (plus one bin
 * per special-value entry and a missing bin), categorical columns into one bin per level (plus a
 * missing bin). Bin order: missing first, then specials, then intervals (or levels).
 */
import type { PreparedColumn } from "../scorecard/train/internal";

/** The fine bins of one feature, learned on the training rows. */
export interface FineBinning {
  readonly feature: string;
  readonly type: "numeric" | "categorical";
  /** Numeric: special-value entries, each one bin (bins 1..specials.length). */
  readonly specials: readonly (readonly number[])[];
  /** Numeric: interval cut points c_0 < c_1 < ...; intervals (-inf, c_0), [c_0, c_1), ..., [c_last, inf). */
  readonly cuts: readonly number[];
  /** Categorical: the levels seen in training, sorted (bins 1..levels.length). */
  readonly levels: readonly string[];
  /** Total bins (missing included). */
  readonly bins: number;
  /** The first interval bin (numeric), or 1 (categorical). */
  readonly firstOrdered: number;
}

/**
 * Learns the fine bins of a column on the given rows: at most `maxBins` equal-frequency intervals
 * with cut points at the values of ranks floor(k m / maxBins), k = 1..maxBins-1, of the m sorted
 * non-missing, non-special values (ties collapse, so a column with few distinct values gets one
 * interval per value at most).
 * @param feature the column name
 * @param col the prepared column
 * @param rows training row indices
 * @param maxBins most intervals
 * @param specials special-value entries (numeric only)
 * @returns the binning
 */
export function fineBins(
  feature: string,
  col: PreparedColumn,
  rows: readonly number[],
  maxBins: number,
  specials: readonly (number | readonly number[])[],
): FineBinning {
  if (col.kind === "categorical") {
    const seen = new Set<string>();
    for (const i of rows) {
      const v = col.values[i];
      if (v !== null && v !== undefined) seen.add(v);
    }
    const levels = [...seen].sort();
    return { feature, type: "categorical", specials: [], cuts: [], levels, bins: levels.length + 1, firstOrdered: 1 };
  }
  const sp = specials.map((s) => (typeof s === "number" ? [s] : [...s]));
  const spSet = new Set(sp.flat());
  const vals: number[] = [];
  for (const i of rows) {
    const v = col.values[i]!;
    if (!Number.isNaN(v) && !spSet.has(v)) vals.push(v);
  }
  const sorted = Float64Array.from(vals).sort();
  const m = sorted.length;
  const cuts: number[] = [];
  for (let k = 1; k < maxBins && m > 0; k++) {
    const c = sorted[Math.floor((k * m) / maxBins)]!;
    if (c > sorted[0]! && (cuts.length === 0 || c > cuts[cuts.length - 1]!)) cuts.push(c);
  }
  return {
    feature,
    type: "numeric",
    specials: sp,
    cuts,
    levels: [],
    bins: 1 + sp.length + cuts.length + 1,
    firstOrdered: 1 + sp.length,
  };
}

/**
 * The bin of every given row (0 = missing). A categorical level not seen in training goes to bin 0
 * here (only validation rows can hold one); the card itself scores it with its fallback, the
 * characteristic's lowest points.
 * @param b the binning
 * @param col the column
 * @param rows row indices
 * @returns one bin index per row
 */
export function assignBins(b: FineBinning, col: PreparedColumn, rows: readonly number[]): Uint16Array {
  const out = new Uint16Array(rows.length);
  if (col.kind === "categorical") {
    const index = new Map(b.levels.map((l, k) => [l, k + 1]));
    rows.forEach((i, r) => {
      const v = col.values[i];
      out[r] = v === null || v === undefined ? 0 : (index.get(v) ?? 0);
    });
    return out;
  }
  const spIndex = new Map<number, number>();
  b.specials.forEach((s, k) => {
    for (const v of s) spIndex.set(v, k + 1);
  });
  const cuts = b.cuts;
  rows.forEach((i, r) => {
    const v = col.values[i]!;
    if (Number.isNaN(v)) return;
    const s = spIndex.get(v);
    if (s !== undefined) {
      out[r] = s;
      return;
    }
    // number of cuts <= v
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    out[r] = b.firstOrdered + lo;
  });
  return out;
}
