/**
 * Internals of `src/fraud/` that other riskcard folders use: the Redis velocity store checks its
 * bucket levels as the memory store does. Not part of the public API: no subpath export, no
 * compatibility promise; code outside `src/` imports `riskcard/fraud`.
 */
export { checkBucketLevels } from "./velocity-store";
