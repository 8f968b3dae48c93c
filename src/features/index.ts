export type { FeatureVector } from "./types";
export type { Catalog } from "./plan";
export type { CatalogCompileOptions } from "./compile";
export type { ExtractOptions } from "./extract";
export type { LoanStats } from "./loans";
export type { SourceName, Section } from "./sources";
export { CATALOG_LIMITS, compileCatalog } from "./compile";
export { catalogSubset } from "./subset";
export { defaultCatalog, defaultFeatureSpecs } from "./default-catalog";
export { extractFeatures } from "./extract";
export { featureIndex, featureNames } from "./names";
export { catalogToJSON, extendCatalog, loadCatalog } from "./load";
export { catalogTable, featureSection } from "./table";
export { loanStats, newLoanStats } from "./loans";
export { SOURCE_NAMES } from "./sources";
export {
  AGGREGATES,
  BUILTINS,
  CATALOG_FORMAT,
  CATALOG_VERSION,
  FEATURE_UNITS,
  MAX_CATALOG_FEATURES,
  SCALAR_FIELDS,
  catalogJsonSchema,
  featureSpecSchema,
  type Aggregate,
  type AggregateSpec,
  type Builtin,
  type CatalogJson,
  type FeatureSpec,
  type FeatureUnit,
  type Where,
} from "./spec";
