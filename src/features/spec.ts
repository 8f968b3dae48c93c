import { z } from "zod";
import { SOURCE_NAMES } from "./sources";

/**
 * Units a feature can be in; `fen` features scale with money, the rest do not.
 * @example FEATURE_UNITS.includes("fen") // => true
 */
export const FEATURE_UNITS = ["fen", "count", "days", "months", "years", "ratio", "share", "per_day", "flag"] as const;
export type FeatureUnit = (typeof FEATURE_UNITS)[number];

/**
 * Aggregates of a declarative feature over the events of one source.
 * @example AGGREGATES.slice(0, 2) // => ["count", "sum"]
 */
export const AGGREGATES = [
  "count",
  "sum",
  "max",
  "min",
  "mean",
  "distinct",
  "days_since_last",
  "days_since_first",
  "bucket_cv",
  "active_buckets",
] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * Built-in features computed by code (those no aggregate can express).
 * @example BUILTINS[0] // => "age_years"
 */
export const BUILTINS = [
  "age_years",
  "income_monthly_fen",
  "income_verified",
  "loan_ontime_ratio",
  "loan_current_dpd",
  "loan_worst_dpd",
  "loan_days_since_last_overdue",
  "loan_installments_due",
  "loan_overdue_installments",
  "loan_outstanding_fen",
  "device_current_age_days",
] as const;
export type Builtin = (typeof BUILTINS)[number];

/**
 * Scalar fields a `field` feature may read, per section (booleans read as 1/0).
 * @example SCALAR_FIELDS.identity.includes("ageYears") // => true
 */
export const SCALAR_FIELDS = {
  identity: [
    "ageYears",
    "declaredMonthlyIncomeFen",
    "verifiedMonthlyIncomeFen",
    "realNameVerified",
    "idVerified",
    "phoneVerified",
  ],
  application: ["requestedAmountFen", "requestedTermMonths"],
  social: ["accountAgeDays", "contactCount", "activeDays30", "flaggedContactCount", "defaultedLinkCount"],
  bureau: ["historyMonths", "monthlyObligationsFen"],
} as const;
export type ScalarSection = keyof typeof SCALAR_FIELDS;

const featureName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);
const fieldName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/);
const days = z.int().min(1).max(36_500);

const base = {
  name: featureName,
  description: z.string().min(1).max(300),
  unit: z.enum(FEATURE_UNITS),
};

/**
 * Filter of a declarative feature; every condition must hold.
 * @example whereSchema.safeParse({ in: { direction: ["out"] } }).success // => true
 */
export const whereSchema = z.strictObject({
  /** Enumeration field -> allowed values (an absent optional field never matches). */
  in: z.record(fieldName, z.array(z.string().min(1).max(64)).min(1).max(64)).optional(),
  /** Numeric field -> inclusive lower bound (an absent field never matches). */
  gte: z.record(fieldName, z.number()).optional(),
  /** Numeric field -> inclusive upper bound (an absent field never matches). */
  lte: z.record(fieldName, z.number()).optional(),
  /** Numeric fields that must be present. */
  present: z.array(fieldName).max(8).optional(),
  /** Local hour range `[from, to)` (wraps past midnight when from > to), at the catalog's UTC offset. */
  hours: z.tuple([z.int().min(0).max(23), z.int().min(0).max(24)]).optional(),
  /** Bureau accounts only: open as of `asOf` (no `closedAt`, or closed after `asOf`). */
  open: z.boolean().optional(),
});
export type Where = z.infer<typeof whereSchema>;

/**
 * A feature aggregating the events of one source, filtered and windowed.
 * @example aggregateSpecSchema.safeParse({ name: "n", description: "payments", unit: "count", kind: "aggregate", source: "payments", aggregate: "median" }).success // => false (no such aggregate)
 */
export const aggregateSpecSchema = z.strictObject({
  ...base,
  kind: z.literal("aggregate"),
  source: z.enum(SOURCE_NAMES),
  where: whereSchema.optional(),
  /** Only events in `(asOf - windowDays days, asOf]`; without it, every event up to `asOf`. */
  windowDays: days.optional(),
  aggregate: z.enum(AGGREGATES),
  /** The numeric field for sum/max/min/mean/bucket_cv (omit to count), or the string field for distinct. */
  field: fieldName.optional(),
  /** Bucket width for bucket_cv / active_buckets (default 30 days); windowDays must be a multiple. */
  bucketDays: days.optional(),
  /** Value when the section is present but no event matches (max/min/mean/days_since_*; default missing). */
  emptyValue: z.number().optional(),
});

/**
 * A scalar field of a section (missing when the section or the field is absent).
 * @example fieldSpecSchema.safeParse({ kind: "field" }).success // => false
 */
export const fieldSpecSchema = z.strictObject({
  ...base,
  kind: z.literal("field"),
  section: z.enum(["identity", "application", "social", "bureau"]),
  field: fieldName,
});

/**
 * numerator / denominator (another feature or a positive constant); missing when either is missing or the denominator is 0.
 * @example ratioSpecSchema.safeParse({ kind: "ratio" }).success // => false
 */
export const ratioSpecSchema = z.strictObject({
  ...base,
  kind: z.literal("ratio"),
  numerator: featureName,
  denominator: z.union([featureName, z.number().positive()]),
});

/**
 * max, min, sum or difference (first minus the rest) of earlier features; missing when any input is.
 * @example combineSpecSchema.safeParse({ kind: "combine" }).success // => false
 */
export const combineSpecSchema = z.strictObject({
  ...base,
  kind: z.literal("combine"),
  op: z.enum(["max", "min", "sum", "difference"]),
  of: z.array(featureName).min(2).max(16),
});

/**
 * A feature computed by built-in code.
 * @example builtinSpecSchema.safeParse({ name: "age", description: "Age", unit: "years", kind: "builtin", builtin: "age_years" }).success // => true
 */
export const builtinSpecSchema = z.strictObject({
  ...base,
  kind: z.literal("builtin"),
  builtin: z.enum(BUILTINS),
});

/**
 * One feature declaration (JSON).
 * @example featureSpecSchema.safeParse({ name: "n", description: "payments", unit: "count", kind: "aggregate", source: "payments", aggregate: "count" }).success // => true
 */
export const featureSpecSchema = z.discriminatedUnion("kind", [
  aggregateSpecSchema,
  fieldSpecSchema,
  ratioSpecSchema,
  combineSpecSchema,
  builtinSpecSchema,
]);
export type FeatureSpec = z.infer<typeof featureSpecSchema>;
export type AggregateSpec = z.infer<typeof aggregateSpecSchema>;

/**
 * Current catalog artefact version.
 * @example CATALOG_FORMAT // => "riskcard.features"
 */
export const CATALOG_FORMAT = "riskcard.features";
/**
 * The catalog artefact version this build reads.
 * @example CATALOG_VERSION // => 1
 */
export const CATALOG_VERSION = 1;

/**
 * Most feature declarations in one catalog (a catalog artefact, or a base catalog and its extension).
 * @example MAX_CATALOG_FEATURES // => 2000
 */
export const MAX_CATALOG_FEATURES = 2_000;

/**
 * A catalog as a JSON artefact.
 * @example catalogJsonSchema.safeParse(catalogToJSON(defaultCatalog)).success // => true
 */
export const catalogJsonSchema = z.strictObject({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(CATALOG_VERSION),
  /** Offset from UTC of local time, in minutes, for `where.hours` (default 480, China Standard Time). */
  utcOffsetMinutes: z.int().min(-720).max(840).optional(),
  features: z.array(featureSpecSchema).min(1).max(MAX_CATALOG_FEATURES),
});
export type CatalogJson = z.infer<typeof catalogJsonSchema>;
