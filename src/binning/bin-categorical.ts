import { chi2 } from "./internal/groups";
import { checkLabels01, intOption, numOption } from "./internal/labels";
import type { CategoricalBin, CategoricalBinning } from "./types";
import { signOf, woeIv, zeroCountOf } from "./woe";
import type { WoeOptions } from "./woe";

/** Options of `binCategorical`. */
export interface CategoricalBinningOptions extends WoeOptions {
  /** Most bins, missing excluded (default 8): adjacent groups (in bad-rate order) are chi-merged down to it. */
  readonly maxBins?: number;
  /** Least share of all rows in a bin (default 0.05): rarer groups merge into their closest neighbour by bad rate. */
  readonly minBinShare?: number;
  /** Manual grouping: every category seen must be in exactly one group; no merging is done. */
  readonly groups?: readonly (readonly string[])[];
  /** The variable name, copied to the result. */
  readonly feature?: string;
}

const FN = "binCategorical";

interface Group {
  cats: string[];
  g: number;
  b: number;
}

/**
 * Bins a categorical variable: categories are ordered by bad rate, rare groups (below
 * `minBinShare`) are merged into the adjacent group with the smaller chi-square, then adjacent
 * groups are chi-merged down to `maxBins`. Missing values (null / undefined) get their own bin,
 * last. WoE / IV as `woeIv` (default `ln(badShare / goodShare)`, zero counts replaced by 0.9).
 *
 * @param values category labels (strings), `null` / `undefined` for missing
 * @param labels 1 = bad, 0 = good, both classes present
 * @param options `maxBins`, `minBinShare`, manual `groups`, WoE options, `feature`
 * @returns `{ type: "categorical", bins, totalIv }`, bins in increasing bad rate, missing last
 * @throws {TypeError} when a value is not a string / null, or options have the wrong type
 * @throws {RangeError} on mismatched lengths, bad labels, one class only, or bad options / groups
 * @example binCategorical(["a", "a", "b", "b"], [0, 1, 1, 1], { minBinShare: 0 }).bins.map((b) => b.categories) // => [["a"], ["b"]]
 */
export function binCategorical(
  values: ArrayLike<string | null | undefined>,
  labels: ArrayLike<number>,
  options: CategoricalBinningOptions = {},
): CategoricalBinning {
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object`);
  const maxBins = intOption(options.maxBins, 8, 1, 10000, FN, "maxBins");
  const minShare = numOption(options.minBinShare, 0.05, 0, 0.5, FN, "minBinShare");
  const zeroCount = zeroCountOf(options, FN);
  const sign = signOf(options, FN);
  if (values === null || typeof values !== "object" || typeof (values as { length?: unknown }).length !== "number") {
    throw new TypeError(`${FN}: values must be an array of strings or null`);
  }
  const n = values.length;
  const totalBad = checkLabels01(labels, n, FN);
  if (n === 0) throw new RangeError(`${FN}: values must not be empty`);
  if (totalBad === 0 || totalBad === n)
    throw new RangeError(`${FN}: labels must contain both classes (0 = good and 1 = bad)`);
  const counts = new Map<string, { g: number; b: number }>();
  let mg = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const bad = labels[i] === 1;
    if (v === null || v === undefined) {
      if (bad) mb++;
      else mg++;
      continue;
    }
    if (typeof v !== "string") throw new TypeError(`${FN}: values[${i}] must be a string or null`);
    let c = counts.get(v);
    if (c === undefined) {
      c = { g: 0, b: 0 };
      counts.set(v, c);
    }
    if (bad) c.b++;
    else c.g++;
  }
  let groups: Group[];
  if (options.groups !== undefined) {
    groups = manualGroups(options.groups, counts);
  } else {
    groups = [...counts.entries()].map(([k, c]) => ({ cats: [k], g: c.g, b: c.b }));
    groups.sort((x, y) => rate(x) - rate(y) || (x.cats[0]! < y.cats[0]! ? -1 : 1));
    const minCount = minShare * n;
    while (groups.length > 1) {
      let k = 0;
      for (let i = 1; i < groups.length; i++) if (size(groups[i]!) < size(groups[k]!)) k = i;
      if (size(groups[k]!) >= minCount) break;
      const left = k === 0 ? Number.POSITIVE_INFINITY : chiOf(groups[k - 1]!, groups[k]!);
      const right = k === groups.length - 1 ? Number.POSITIVE_INFINITY : chiOf(groups[k]!, groups[k + 1]!);
      mergeInto(groups, left <= right ? k - 1 : k);
    }
    while (groups.length > maxBins) {
      let best = 0;
      for (let i = 1; i + 1 < groups.length; i++) {
        if (chiOf(groups[i]!, groups[i + 1]!) < chiOf(groups[best]!, groups[best + 1]!)) best = i;
      }
      mergeInto(groups, best);
    }
  }
  const shells: Omit<CategoricalBin, "woe" | "iv">[] = groups.map((x) => ({
    kind: "categories",
    categories: x.cats,
    count: x.g + x.b,
    good: x.g,
    bad: x.b,
    badRate: x.g + x.b === 0 ? 0 : x.b / (x.g + x.b),
  }));
  if (mg + mb > 0)
    shells.push({ kind: "missing", categories: [], count: mg + mb, good: mg, bad: mb, badRate: mb / (mg + mb) });
  const wi = woeIv(
    shells.map((s) => s.good),
    shells.map((s) => s.bad),
    { zeroCount, woeSign: sign === 1 ? "badOverGood" : "goodOverBad" },
  );
  return {
    type: "categorical",
    ...(options.feature === undefined ? {} : { feature: options.feature }),
    bins: shells.map((s, i) => ({ ...s, woe: wi.woe[i]!, iv: wi.iv[i]! })),
    totalIv: wi.totalIv,
    ...(sign === 1 ? {} : { woeSign: "goodOverBad" as const }),
  };
}

function size(x: Group): number {
  return x.g + x.b;
}

function rate(x: Group): number {
  return x.b / (x.g + x.b);
}

function chiOf(x: Group, y: Group): number {
  return chi2(x.g, x.b, y.g, y.b);
}

/** Merges group k + 1 into group k. */
function mergeInto(groups: Group[], k: number): void {
  const a = groups[k]!;
  const t = groups[k + 1]!;
  a.cats.push(...t.cats);
  a.g += t.g;
  a.b += t.b;
  groups.splice(k + 1, 1);
}

function manualGroups(spec: unknown, counts: ReadonlyMap<string, { g: number; b: number }>): Group[] {
  if (!Array.isArray(spec)) throw new TypeError(`${FN}: groups must be an array of arrays of strings`);
  const seen = new Set<string>();
  const out: Group[] = spec.map((grp: unknown, gi: number) => {
    if (!Array.isArray(grp) || grp.length === 0) throw new RangeError(`${FN}: groups[${gi}] must be a non-empty array`);
    const x: Group = { cats: [], g: 0, b: 0 };
    for (const c of grp as unknown[]) {
      if (typeof c !== "string") throw new TypeError(`${FN}: groups[${gi}] must hold strings`);
      if (seen.has(c)) throw new RangeError(`${FN}: a category is listed in more than one group (groups[${gi}])`);
      seen.add(c);
      x.cats.push(c);
      const k = counts.get(c);
      if (k !== undefined) {
        x.g += k.g;
        x.b += k.b;
      }
    }
    return x;
  });
  for (const c of counts.keys()) {
    if (!seen.has(c)) throw new RangeError(`${FN}: a category present in values is in no group`);
  }
  return out;
}
