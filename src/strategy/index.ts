/**
 * riskcard/strategy: the strategy artefact (eligibility, then ordered segments routing to engine
 * configurations), its loader and coverage validator, the router, and the keyed-hash assignment of
 * champion/challenger experiments. `createEngine({ strategy })` and `createExperiment` are in the
 * root entry.
 */
export { armAt, assignmentPoint } from "./assign";
export { checkCoverage, conditionHolds, type DeclaredDomains, MAX_COVERAGE_CELLS } from "./coverage";
export { loadStrategy, loadStrategyOrThrow, STRATEGY_LIMITS, type Strategy } from "./load";
export { compileRouter, NOT_INVITED, type RouteAttributes, type Router } from "./route";
export {
  type AttributeName,
  type Condition,
  conditionSchema,
  ELIGIBILITY_SEGMENT,
  NO_OCCUPATION,
  OPEN_ATTRIBUTES,
  type OpenAttribute,
  OTHER_REGION,
  STRATEGY_FORMAT,
  type StrategySpec,
  strategySchema,
} from "./schema";
