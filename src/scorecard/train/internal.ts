/**
 * Internals of the scorecard trainer that boosted training reuses: data preparation, option checks
 * and the per-set metrics. Not part of the public API: no subpath export, no compatibility promise.
 */
export { scoreColumns, setMetrics } from "./evaluate";
export { checkOptions } from "./options";
export { type PreparedColumn, prepareData } from "./prepare-data";
