import type { SourceDef, SourceName } from "./sources";
import type { StringTable } from "./string-table";
import type { Builtin, FeatureSpec } from "./spec";

/**
 * Aggregate op codes, in the order of `AGGREGATES`.
 * @example OP.days_since_last // => 6 (its index in AGGREGATES)
 */
export const OP = {
  count: 0,
  sum: 1,
  max: 2,
  min: 3,
  mean: 4,
  distinct: 5,
  days_since_last: 6,
  days_since_first: 7,
  bucket_cv: 8,
  active_buckets: 9,
} as const;

/**
 * How a step computes its feature (`Step.k`): an aggregate over a source (written by the source's
 * pass), a scalar field, a ratio, a combination of earlier features, or a built-in. Numbers so the
 * evaluation switch stays a jump table; read them by name.
 * @example STEP.ratio // => 2
 */
export const STEP = { aggregate: 0, field: 1, ratio: 2, combine: 3, builtin: 4 } as const;

/** A step kind, one of the values of `STEP`. */
export type StepKind = (typeof STEP)[keyof typeof STEP];

/**
 * How a combine step folds its inputs (`Step.op`), in the order of the spec's `op` values.
 * @example COMBINE.difference // => 3
 */
export const COMBINE = { max: 0, min: 1, sum: 2, difference: 3 } as const;

/** A combine op, one of the values of `COMBINE`. */
export type CombineOp = (typeof COMBINE)[keyof typeof COMBINE];

/**
 * State slots per aggregate: count, sum, max, min, latest time, earliest time.
 * @example SLOTS // => 6 (count, sum, max, min, latest, earliest)
 */
export const SLOTS = 6;

/**
 * The compiled form of the aggregates over one source, as parallel typed arrays (index = aggregate
 * within the source). Built once per catalog; the per-call state lives in `state`/`buckets`/`seen`.
 * @internal
 */
export interface SourcePlan {
  readonly src: SourceDef;
  readonly size: number;
  /** The output feature index of each aggregate (values are written there right after the pass). */
  readonly outIndex: Int32Array;
  readonly windowMs: Float64Array;
  /** 3 enum masks per aggregate (bit i = enum index i allowed; -1 = all). */
  readonly masks: Int32Array;
  readonly hourFrom: Int8Array;
  readonly hourTo: Int8Array;
  /** -1 no condition, 0 closed accounts only, 1 open accounts only. */
  readonly open: Int8Array;
  readonly condStart: Int32Array;
  readonly condField: Int32Array;
  readonly condLo: Float64Array;
  readonly condHi: Float64Array;
  readonly op: Int8Array;
  /** Numeric field index (sum/max/min/mean/bucket_cv; -1 = count) or string field index (distinct). */
  readonly field: Int32Array;
  readonly bucketMs: Float64Array;
  readonly nBuckets: Int32Array;
  readonly bucketOff: Int32Array;
  readonly emptyValue: Float64Array;
  /** Whether any aggregate uses `where.hours` (the local hour is then computed per event). */
  readonly needsHour: boolean;
  /** Sizes of the source's enum dimensions (values + 1 for "absent"), 1 for unused dimensions. */
  readonly dims: Int32Array;
  /** Hour of day -> hour class (hours that the same hour filters accept). */
  readonly hourClass: Int32Array;
  readonly nHourClasses: number;
  /**
   * The distinct finite windows, ascending: an event's age tier is the number of them its age
   * reaches (`age >= bound`), so tier t holds ages in `[bounds[t - 1], bounds[t])`. Empty when
   * windows are not folded into the event classes (then each aggregate checks its window).
   */
  readonly tierBounds: Float64Array;
  /** `tierBounds.length + 1`. */
  readonly nTiers: number;
  /** Whether windows are left to each aggregate (not folded, and some window is finite). */
  readonly checkWindows: boolean;
  /**
   * Event class (enum indices x hour class x age tier) -> the aggregates whose enum, hour and
   * window filters accept it: `classAggs[classStart[c] .. classStart[c + 1])`, with
   * `c = ((e0 + d0 * (e1 + d1 * e2)) * nHourClasses + hourClass) * nTiers + tier`. Precomputed so
   * one event visits only the aggregates it updates.
   */
  readonly classStart: Int32Array;
  readonly classAggs: Int32Array;
  /** Whether any aggregate has an `open` or numeric condition (checked per event). */
  readonly hasChecks: boolean;
  /**
   * Distinct counting: aggregates counting distinct values of one string field are grouped (at
   * most 31 per group); per call each group keeps one map from value to the bit mask of its
   * aggregates that have seen it, so one lookup per event and group serves all of them.
   * `distinctGroup[a]` / `distinctBit[a]` place aggregate `a` (-1 when not distinct).
   */
  readonly distinctGroup: Int32Array;
  readonly distinctBit: Int32Array;
  /** Per group: the string field it reads and its aggregates by bit (`groupAggs[g * 31 + bit]`). */
  readonly groupField: Int32Array;
  readonly groupAggs: Int32Array;
  /** Per-call state (reused across calls; extraction is synchronous). */
  readonly state: Float64Array;
  readonly buckets: Float64Array;
  /** Per group: value -> mask of the group's aggregates that counted it (cleared per call). */
  readonly seen: StringTable[];
  /** Per group: the mask of the current event (scratch). */
  readonly eventMask: Int32Array;
}

/**
 * How one output feature is evaluated. Every step has every field (unused ones hold neutral
 * values), so the evaluation loop sees one object shape. @internal
 */
export interface Step {
  /** What the step computes: a `STEP` value. */
  readonly k: StepKind;
  /** Aggregate: index of its source in `Plan.sources`, and of the aggregate within it. */
  readonly source: number;
  readonly agg: number;
  /** Field: the section and the field read. */
  readonly section: "identity" | "application" | "social" | "bureau";
  readonly field: string;
  /** Ratio: numerator and denominator feature indices (denominator -1: the constant `denConst`). */
  readonly num: number;
  readonly den: number;
  readonly denConst: number;
  /** Combine: how the features `of` are folded, a `COMBINE` value. */
  readonly op: CombineOp;
  readonly of: Int32Array;
  readonly builtin: Builtin;
}

/** The compiled plan of a catalog. @internal */
export interface Plan {
  readonly sources: readonly SourcePlan[];
  readonly bySource: Readonly<Partial<Record<SourceName, SourcePlan>>>;
  readonly steps: readonly Step[];
  readonly usesLoans: boolean;
}

/**
 * A compiled, frozen feature catalog: the declarations, the output names (one frozen array
 * shared by every vector) and the plan that extracts them.
 */
export interface Catalog {
  readonly names: readonly string[];
  readonly specs: readonly FeatureSpec[];
  /** Offset from UTC of local time, in minutes, for hour-of-day filters. */
  readonly utcOffsetMinutes: number;
  /** @internal */
  readonly plan: Plan;
}
