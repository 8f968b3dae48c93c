/**
 * Internals of `src/features/` that other riskcard folders use (the engine fills its own buffers;
 * the fraud facts share the age and string-set kernels, the fraud facts and the limit review the
 * multi-lending count). Not part of the public API: no subpath
 * export, no compatibility promise; code outside `src/` imports `riskcard/features` instead.
 */
export { ageInYearsFast } from "./age-fast";
export { fillVector } from "./extract";
export { type LoanInquiryCounts, loanInquiryCounts } from "./multi-lending";
export { type StringTable, clearStringTable, markString, newStringTable } from "./string-table";
