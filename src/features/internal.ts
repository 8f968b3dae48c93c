/**
 * Internals of `src/features/` that other riskcard folders use (the engine fills its own buffers;
 * the fraud facts share the age and string-set kernels). Not part of the public API: no subpath
 * export, no compatibility promise; code outside `src/` imports `riskcard/features` instead.
 */
export { ageInYearsFast } from "./age-fast";
export { fillVector } from "./extract";
export { type StringTable, clearStringTable, markString, newStringTable } from "./string-table";
