/**
 * `riskcard/binning`: numeric and categorical binning (manual breaks, equal frequency, chi-merge,
 * best-IV tree, monotonic constraint, special values, missing bin), weight of evidence and
 * information value, fast WoE encoding, and variable screening. Labels are 1 = bad, 0 = good;
 * WoE is `ln(badShare / goodShare)` unless `woeSign: "goodOverBad"`.
 */
export { binNumeric } from "./binNumeric";
export type { NumericBinningOptions } from "./binNumeric";
export { binCategorical } from "./binCategorical";
export type { CategoricalBinningOptions } from "./binCategorical";
export { applyBins, binWoe, compileBinning } from "./applyBins";
export type { ApplyBinsOptions, CompiledBinning } from "./applyBins";
export { woeIv } from "./woe";
export type { WoeIv, WoeOptions } from "./woe";
export { screenVariables } from "./screenVariables";
export type { ScreenOptions, ScreenReason, ScreenRow } from "./screenVariables";
export type { Binning, CategoricalBin, CategoricalBinning, NumericBin, NumericBinning } from "./types";
export { pearson } from "./pearson";
