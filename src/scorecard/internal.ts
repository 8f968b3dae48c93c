/**
 * Internals of `src/scorecard/` that other riskcard folders use: the engine selects reason codes
 * into reused buffers and traces their baselines; the interop and PMML writers read a card's
 * compiled cut points and the expression function list. Not part of the public API: no subpath
 * export, no compatibility promise; code outside `src/` imports `riskcard/scorecard` instead.
 * Core only: training internals are in `./train/internal.ts`, so the engine never loads ml-matrix.
 */
export { compiledOf, MAX_PADDED_CUTS, nextUp } from "./compile";
export { reasonBaselines, reasonCodeIndex, selectReasonCodes } from "./reason-codes";
export { EXPRESSION_FUNCTIONS } from "./schema";
