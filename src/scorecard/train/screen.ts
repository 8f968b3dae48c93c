/**
 * Screening step of the pipeline: bins every candidate on the training rows with `screenVariables`
 * (missing rate, identical rate, IV), grouping columns by their special values since those are
 * binning options, then applies the correlation filter across all of them (the rule of
 * `screenVariables`: by decreasing IV, drop a variable whose WoE has |Pearson r| above the
 * threshold with one already kept) and the `maxVariables` cut. A variable whose training rows all
 * fall in one bin (constant WoE) is dropped as `identical_rate` whatever the thresholds. Internal.
 */
import { applyBins } from "../../binning/apply-bins";
import type { CategoricalBinningOptions } from "../../binning/bin-categorical";
import type { NumericBinningOptions } from "../../binning/bin-numeric";
import { screenVariables } from "../../binning/screen-variables";
import type { ScreenRow } from "../../binning/screen-variables";
import type { Binning } from "../../binning/types";
import type { CheckedOptions } from "./options";
import type { PreparedColumn } from "./prepare-data";
import type { DropReason } from "./types";
import { pearson } from "../../binning/pearson";

/** A screening verdict per candidate. */
export interface ScreenVerdict extends Omit<ScreenRow, "reason"> {
  readonly reason?: DropReason;
}

/** Screening output: verdicts in candidate order, binnings, and the selected names by decreasing IV. */
export interface Screened {
  readonly rows: readonly ScreenVerdict[];
  readonly binnings: ReadonlyMap<string, Binning>;
  readonly selected: readonly string[];
}

/**
 * Screens the candidates on the training rows.
 * @param names candidates in input order
 * @param train the training-row columns by name
 * @param labels training labels
 * @param o checked options
 * @returns verdicts, binnings and the selection
 */
export function screenCandidates(
  names: readonly string[],
  train: ReadonlyMap<string, PreparedColumn>,
  labels: Uint8Array,
  o: CheckedOptions,
): Screened {
  const numeric: NumericBinningOptions = {
    method: o.method === "chimerge" ? "chimerge" : "tree",
    ...(o.method === "monotonic" ? { monotonic: "auto" as const } : {}),
    maxBins: o.maxBins,
    minBinShare: o.minBinShare,
  };
  const categorical: CategoricalBinningOptions = { maxBins: o.maxBins, minBinShare: o.minBinShare };
  // one screenVariables call per distinct special-value and manual-breaks configuration (most columns: none)
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const sv = Object.hasOwn(o.specialValues, name) ? o.specialValues[name]! : [];
    const br = Object.hasOwn(o.breaks, name) ? o.breaks[name]! : null;
    const tr = Object.hasOwn(o.trend, name) ? o.trend[name]! : null;
    const key = JSON.stringify([sv, br, tr]);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [name]);
    else g.push(name);
  }
  const byName = new Map<string, ScreenVerdict>();
  const binnings = new Map<string, Binning>();
  for (const [key, members] of groups) {
    const [specials, br, tr] = JSON.parse(key) as [
      (number | number[])[],
      number[] | null,
      NonNullable<NumericBinningOptions["monotonic"]> | null,
    ];
    const trended: NumericBinningOptions = tr === null ? numeric : { ...numeric, monotonic: tr };
    const manual: NumericBinningOptions = br === null ? trended : { ...numeric, method: "manual", breaks: br };
    const cols: Record<string, Float64Array | readonly (string | null)[]> = {};
    for (const m of members) cols[m] = train.get(m)!.values;
    const r = screenVariables(cols, labels, {
      minIv: o.minIv,
      maxMissingRate: o.maxMissingRate,
      maxIdenticalRate: o.maxIdenticalRate,
      maxCorrelation: 1,
      numeric: specials.length > 0 ? { ...manual, specials } : manual,
      categorical,
    });
    for (const row of r.rows) {
      // a variable whose rows all fall in one bin has a constant WoE: it cannot enter the fit
      const b = r.binnings[row.name];
      const filled = b === undefined ? 0 : b.bins.filter((x) => x.count > 0).length;
      byName.set(row.name, row.kept && filled < 2 ? { ...row, kept: false, reason: "identical_rate" } : row);
    }
    for (const [k, b] of Object.entries(r.binnings)) binnings.set(k, b);
  }
  // correlation filter over all survivors, strongest IV first (stable for ties: input order)
  const order = names.filter((nm) => byName.get(nm)!.kept).sort((a, b) => byName.get(b)!.iv - byName.get(a)!.iv);
  const woe = new Map<string, Float64Array>();
  for (const nm of order) woe.set(nm, applyBins(binnings.get(nm)!, train.get(nm)!.values));
  const selected: string[] = [];
  for (const nm of order) {
    const row = byName.get(nm)!;
    let worst: { name: string; r: number } | undefined;
    for (const s of selected) {
      const c = Math.abs(pearson(woe.get(nm)!, woe.get(s)!));
      if (c > o.maxCorrelation && (worst === undefined || c > worst.r)) worst = { name: s, r: c };
    }
    if (worst !== undefined) {
      byName.set(nm, { ...row, kept: false, reason: "correlated", correlatedWith: worst.name, correlation: worst.r });
    } else if (selected.length >= o.maxVariables) {
      byName.set(nm, { ...row, kept: false, reason: "max_variables" });
    } else selected.push(nm);
  }
  return { rows: names.map((nm) => byName.get(nm)!), binnings, selected };
}
