/**
 * Internals of the scorecard trainer that boosted training reuses: data preparation, option checks
 * and the per-set metrics, the shared option keys and the split. Not part of the public API: no subpath export, no compatibility promise.
 */
export { scoreColumns, setMetrics } from "./evaluate";
export { SHARED_OPTION_KEYS, checkOptions } from "./options";
export { type PreparedColumn, prepareData } from "./prepare-data";
export { splitRows } from "./train-test-split";
