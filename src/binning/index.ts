/**
 * `riskcard/binning`: numeric and categorical binning (manual breaks, equal frequency, chi-merge,
 * best-IV tree, monotonic constraint, special values, missing bin), weight of evidence and
 * information value, fast WoE encoding, and variable screening. Labels are 1 = bad, 0 = good;
 * WoE is `ln(badShare / goodShare)` unless `woeSign: "goodOverBad"`.
 */
export { binNumeric } from "./bin-numeric";
export type { NumericBinningOptions } from "./bin-numeric";
export { binCategorical } from "./bin-categorical";
export type { CategoricalBinningOptions } from "./bin-categorical";
export { applyBins, binWoe, compileBinning } from "./apply-bins";
export type { ApplyBinsOptions, CompiledBinning } from "./apply-bins";
export { woeIv } from "./woe";
export type { WoeIv, WoeOptions } from "./woe";
export { screenVariables } from "./screen-variables";
export type { ScreenOptions, ScreenReason, ScreenRow } from "./screen-variables";
export type { Binning, CategoricalBin, CategoricalBinning, NumericBin, NumericBinning } from "./types";
export { pearson } from "./pearson";
