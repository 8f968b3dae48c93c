/**
 * Internals of `src/pricing/` that other riskcard folders use: offers preview the first rows of a
 * schedule without building it all; post-loan penalty interest reuses the servicing plan, its cap
 * checks and the decimal rate floor. Not part of the public API: no subpath export, no
 * compatibility promise; code outside `src/` imports `riskcard/pricing` instead.
 */
export { scheduleRows } from "./amortize";
export { floorRateOf } from "./decimal";
export { allInApr, breaches, servicingPlanAt } from "./servicing";
