import { type JsonLimits, MAX_ISSUES, capIssues, deepFreeze, guardJson } from "../schema/json-guard";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { fromZodIssues } from "../schema/zod-issues";
import { COMBINE, OP, type Catalog, type Plan, SLOTS, STEP, type SourcePlan, type Step } from "./plan";
import { SOURCES, type SourceName } from "./sources";
import { newStringTable } from "./string-table";
import { type AggregateSpec, type FeatureSpec, MAX_CATALOG_FEATURES, SCALAR_FIELDS, featureSpecSchema } from "./spec";
import { DAY_MS } from "./time";

/**
 * Size budget of feature declarations (`guardJson`): a catalog artefact, or the declarations given
 * to `extendCatalog` or `compileCatalog`: 200,000 values and 5,000,000 characters in strings and keys.
 * @example CATALOG_LIMITS // => { maxNodes: 200000, maxChars: 5000000 }
 */
export const CATALOG_LIMITS: JsonLimits = Object.freeze({ maxNodes: 200_000, maxChars: 5_000_000 });

const NUMERIC_AGGS = new Set(["sum", "max", "min", "mean", "bucket_cv"]);
const BUCKET_AGGS = new Set(["bucket_cv", "active_buckets"]);

/** Options of `compileCatalog`. */
export interface CatalogCompileOptions {
  /** Offset from UTC of local time in minutes, for hour filters (default 480: China Standard Time). */
  readonly utcOffsetMinutes?: number;
}

/**
 * Validates feature declarations (the shared pre-scan `guardJson` with `CATALOG_LIMITS`, at most
 * `MAX_CATALOG_FEATURES`, zod shape, unique names, references to earlier features, fields and enum
 * values known to their source) and compiles them into a frozen catalog. Stops looking once
 * `MAX_ISSUES` issues are found (then a `too_many_issues` summary ends the list).
 * @param specs feature declarations (a JSON array of plain objects)
 * @param options `utcOffsetMinutes` for hour-of-day filters
 * @returns `{ ok: true, value: catalog }` or `{ ok: false, issues }` with paths into `specs`
 * @example compileCatalog([{ name: "n", description: "payments", unit: "count", kind: "aggregate", source: "payments", aggregate: "count" }]).ok // => true
 */
export function compileCatalog(specs: readonly unknown[], options: CatalogCompileOptions = {}): Result<Catalog> {
  const pre = guardJson(specs, CATALOG_LIMITS, { root: "array" });
  return pre.length > 0 ? fail(pre) : compileSpecs(specs, options);
}

/**
 * `compileCatalog` without the pre-scan, for declarations already scanned (`loadCatalog`,
 * `extendCatalog`) or trusted (a compiled catalog's own). Issue paths start at the index in `specs`.
 * @internal
 */
export function compileSpecs(specs: readonly unknown[], options: CatalogCompileOptions): Result<Catalog> {
  if (specs.length > MAX_CATALOG_FEATURES)
    return fail([issue("too_big", [], `a catalog has at most ${MAX_CATALOG_FEATURES} features`)]);
  const issues: Issue[] = [];
  const parsed: FeatureSpec[] = [];
  const seen = new Map<string, number>();
  let stopped = false;
  for (let i = 0; i < specs.length; i++) {
    if (issues.length > MAX_ISSUES) {
      stopped = true;
      break;
    }
    const r = featureSpecSchema.safeParse(specs[i], { reportInput: true });
    if (!r.success) {
      for (const x of fromZodIssues(r.error.issues)) issues.push(issue(x.code, [i, ...x.path], x.message));
      continue;
    }
    const s = r.data;
    if (seen.has(s.name)) issues.push(issue("inconsistent", [i, "name"], "duplicate feature name"));
    checkSemantics(s, i, seen, issues);
    seen.set(s.name, i);
    parsed.push(s);
  }
  const off = options.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(off) || off < -720 || off > 840)
    issues.push(issue("invalid_value", ["utcOffsetMinutes"], "must be an integer from -720 to 840"));
  if (issues.length > 0) return fail(capIssues(issues, stopped));
  const names = Object.freeze(parsed.map((s) => s.name));
  const frozen = Object.freeze(parsed.map((s) => deepFreeze(structuredClone(s))));
  return ok(Object.freeze({ names, specs: frozen, utcOffsetMinutes: off, plan: buildPlan(frozen) }));
}

function checkSemantics(s: FeatureSpec, i: number, seen: Map<string, number>, issues: Issue[]): void {
  const ref = (name: string, path: (string | number)[]): void => {
    if (!seen.has(name)) issues.push(issue("unknown_reference", [i, ...path], "must name an earlier feature"));
  };
  switch (s.kind) {
    case "ratio":
      ref(s.numerator, ["numerator"]);
      if (typeof s.denominator === "string") ref(s.denominator, ["denominator"]);
      break;
    case "combine":
      s.of.forEach((n, j) => {
        ref(n, ["of", j]);
      });
      break;
    case "field":
      if (!(SCALAR_FIELDS[s.section] as readonly string[]).includes(s.field))
        issues.push(issue("unknown_reference", [i, "field"], `not a scalar field of ${s.section}`));
      break;
    case "aggregate":
      checkAggregate(s, i, issues);
      break;
    case "builtin":
      break;
  }
}

function checkAggregate(s: AggregateSpec, i: number, issues: Issue[]): void {
  const src = SOURCES[s.source];
  const enumFields = src.enums.map((e) => e.field);
  const w = s.where ?? {};
  for (const [f, vals] of Object.entries(w.in ?? {})) {
    const e = src.enums.find((x) => x.field === f);
    if (!e)
      issues.push(
        issue(
          "unknown_reference",
          [i, "where", "in", f],
          `not an enumeration field of ${s.source} (${enumFields.join(", ") || "none"})`,
        ),
      );
    else
      vals.forEach((v, j) => {
        if (!e.values.includes(v))
          issues.push(issue("invalid_enum", [i, "where", "in", f, j], "not one of the allowed values"));
      });
  }
  for (const key of ["gte", "lte"] as const)
    for (const f of Object.keys(w[key] ?? {}))
      if (!src.nums.includes(f))
        issues.push(issue("unknown_reference", [i, "where", key, f], `not a numeric field of ${s.source}`));
  (w.present ?? []).forEach((f, j) => {
    if (!src.nums.includes(f))
      issues.push(issue("unknown_reference", [i, "where", "present", j], `not a numeric field of ${s.source}`));
  });
  if (w.hours && w.hours[0] === w.hours[1])
    issues.push(issue("invalid_value", [i, "where", "hours"], "empty hour range"));
  if (w.open !== undefined && !src.hasOpen)
    issues.push(issue("invalid_value", [i, "where", "open"], `open applies to accounts only`));
  if (NUMERIC_AGGS.has(s.aggregate)) {
    if (s.field === undefined) {
      if (s.aggregate !== "bucket_cv")
        issues.push(issue("missing", [i, "field"], `${s.aggregate} needs a numeric field`));
    } else if (!src.nums.includes(s.field))
      issues.push(issue("unknown_reference", [i, "field"], `not a numeric field of ${s.source}`));
  } else if (s.aggregate === "distinct") {
    if (s.field === undefined) issues.push(issue("missing", [i, "field"], "distinct needs a string field"));
    else if (!src.strs.includes(s.field))
      issues.push(issue("unknown_reference", [i, "field"], `not a string field of ${s.source}`));
  } else if (s.field !== undefined) issues.push(issue("invalid_value", [i, "field"], `${s.aggregate} takes no field`));
  if (BUCKET_AGGS.has(s.aggregate)) {
    const b = s.bucketDays ?? 30;
    if (s.windowDays === undefined) issues.push(issue("missing", [i, "windowDays"], `${s.aggregate} needs a window`));
    else if (s.windowDays % b !== 0 || s.windowDays / b < 2 || s.windowDays / b > 120)
      issues.push(issue("inconsistent", [i, "bucketDays"], "windowDays must be 2 to 120 buckets of bucketDays"));
  } else if (s.bucketDays !== undefined)
    issues.push(issue("invalid_value", [i, "bucketDays"], "only for bucket aggregates"));
  if (
    s.emptyValue !== undefined &&
    (s.aggregate === "count" || s.aggregate === "sum" || s.aggregate === "distinct" || s.aggregate === "active_buckets")
  )
    issues.push(issue("invalid_value", [i, "emptyValue"], "this aggregate is never empty (0 when nothing matches)"));
}

const NO_INDICES = new Int32Array(0);

/** A step with every field (neutral values for those its kind does not use). */
function step(fields: Partial<Step> & Pick<Step, "k">): Step {
  return Object.freeze({
    k: fields.k,
    source: fields.source ?? -1,
    agg: fields.agg ?? -1,
    section: fields.section ?? "identity",
    field: fields.field ?? "",
    num: fields.num ?? -1,
    den: fields.den ?? -1,
    denConst: fields.denConst ?? 0,
    op: fields.op ?? COMBINE.max,
    of: fields.of ?? NO_INDICES,
    builtin: fields.builtin ?? "age_years",
  });
}

function buildPlan(specs: readonly FeatureSpec[]): Plan {
  const bySourceSpecs = new Map<SourceName, AggregateSpec[]>();
  const outIndex = new Map<SourceName, number[]>();
  const steps: (Step | { readonly sourceName: SourceName; readonly agg: number })[] = [];
  const index = new Map<string, number>();
  let usesLoans = false;
  specs.forEach((s, i) => {
    index.set(s.name, i);
    switch (s.kind) {
      case "aggregate": {
        const list = bySourceSpecs.get(s.source) ?? [];
        bySourceSpecs.set(s.source, list);
        steps.push({ sourceName: s.source, agg: list.length });
        list.push(s);
        const out = outIndex.get(s.source) ?? [];
        outIndex.set(s.source, out);
        out.push(i);
        break;
      }
      case "field":
        steps.push(step({ k: STEP.field, section: s.section, field: s.field }));
        break;
      case "ratio":
        steps.push(
          step({
            k: STEP.ratio,
            num: index.get(s.numerator)!,
            den: typeof s.denominator === "string" ? index.get(s.denominator)! : -1,
            denConst: typeof s.denominator === "number" ? s.denominator : 0,
          }),
        );
        break;
      case "combine":
        steps.push(
          step({
            k: STEP.combine,
            op: COMBINE[s.op],
            of: Int32Array.from(s.of, (n) => index.get(n)!),
          }),
        );
        break;
      case "builtin":
        if (s.builtin.startsWith("loan_")) usesLoans = true;
        steps.push(step({ k: STEP.builtin, builtin: s.builtin }));
        break;
    }
  });
  const sources: SourcePlan[] = [];
  const bySource: Partial<Record<SourceName, SourcePlan>> = {};
  const sourceIndex = new Map<SourceName, number>();
  for (const [name, list] of bySourceSpecs) {
    const p = sourcePlan(name, list, Int32Array.from(outIndex.get(name)!));
    sourceIndex.set(name, sources.length);
    sources.push(p);
    bySource[name] = p;
  }
  const resolved = steps.map((s) =>
    "sourceName" in s ? step({ k: STEP.aggregate, source: sourceIndex.get(s.sourceName)!, agg: s.agg }) : s,
  );
  return Object.freeze({
    sources: Object.freeze(sources),
    bySource: Object.freeze(bySource),
    steps: Object.freeze(resolved),
    usesLoans,
  });
}

function sourcePlan(name: SourceName, list: readonly AggregateSpec[], outIndex: Int32Array): SourcePlan {
  const src = SOURCES[name];
  const n = list.length;
  const conds: { a: number; f: number; lo: number; hi: number }[] = [];
  const masks = new Int32Array(n * 3).fill(-1);
  const p = {
    src,
    size: n,
    outIndex,
    windowMs: new Float64Array(n),
    masks,
    hourFrom: new Int8Array(n).fill(-1),
    hourTo: new Int8Array(n).fill(-1),
    open: new Int8Array(n).fill(-1),
    condStart: new Int32Array(n + 1),
    op: new Int8Array(n),
    field: new Int32Array(n).fill(-1),
    bucketMs: new Float64Array(n),
    nBuckets: new Int32Array(n),
    bucketOff: new Int32Array(n),
    emptyValue: new Float64Array(n),
  };
  let bucketTotal = 0;
  let needsHour = false;
  list.forEach((s, a) => {
    const w = s.where ?? {};
    p.windowMs[a] = s.windowDays === undefined ? Number.POSITIVE_INFINITY : s.windowDays * DAY_MS;
    for (const [f, vals] of Object.entries(w.in ?? {})) {
      const ei = src.enums.findIndex((e) => e.field === f);
      const values = src.enums[ei]!.values;
      let m = 0;
      for (const v of vals) m |= 1 << (values.indexOf(v) + 1);
      masks[a * 3 + ei] &= m;
    }
    for (const [f, lo] of Object.entries(w.gte ?? {}))
      conds.push({ a, f: src.nums.indexOf(f), lo, hi: Number.POSITIVE_INFINITY });
    for (const [f, hi] of Object.entries(w.lte ?? {}))
      conds.push({ a, f: src.nums.indexOf(f), lo: Number.NEGATIVE_INFINITY, hi });
    for (const f of w.present ?? [])
      conds.push({ a, f: src.nums.indexOf(f), lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY });
    if (w.hours) {
      p.hourFrom[a] = w.hours[0];
      p.hourTo[a] = w.hours[1];
      needsHour = true;
    }
    if (w.open !== undefined) p.open[a] = w.open ? 1 : 0;
    p.op[a] = OP[s.aggregate];
    if (s.field !== undefined)
      p.field[a] = s.aggregate === "distinct" ? src.strs.indexOf(s.field) : src.nums.indexOf(s.field);
    if (s.aggregate === "bucket_cv" || s.aggregate === "active_buckets") {
      const b = s.bucketDays ?? 30;
      p.bucketMs[a] = b * DAY_MS;
      p.nBuckets[a] = s.windowDays! / b;
      p.bucketOff[a] = bucketTotal;
      bucketTotal += p.nBuckets[a]!;
    }
    p.emptyValue[a] = s.emptyValue ?? Number.NaN;
  });
  // conditions grouped by aggregate (stable: conds were pushed in aggregate order)
  const condField = new Int32Array(conds.length);
  const condLo = new Float64Array(conds.length);
  const condHi = new Float64Array(conds.length);
  conds.forEach((c, j) => {
    condField[j] = c.f;
    condLo[j] = c.lo;
    condHi[j] = c.hi;
    p.condStart[c.a + 1] = j + 1;
  });
  for (let a = 1; a <= n; a++) if (p.condStart[a]! < p.condStart[a - 1]!) p.condStart[a] = p.condStart[a - 1]!;
  const dispatch = classDispatch(
    src.enums.map((e) => e.values.length + 1),
    n,
    masks,
    p.hourFrom,
    p.hourTo,
    p.windowMs,
  );
  const distinct = distinctGroups(list, p.field);
  // One object literal with every field spelled out (no spreads): every plan, whenever it is
  // compiled, gets the same hidden class, so the per-event code stays monomorphic when several
  // catalogs are in use (e.g. the engine's subset beside the default catalog).
  const plan: SourcePlan = {
    src: p.src,
    size: p.size,
    outIndex: p.outIndex,
    windowMs: p.windowMs,
    masks: p.masks,
    hourFrom: p.hourFrom,
    hourTo: p.hourTo,
    open: p.open,
    condStart: p.condStart,
    condField,
    condLo,
    condHi,
    op: p.op,
    field: p.field,
    bucketMs: p.bucketMs,
    nBuckets: p.nBuckets,
    bucketOff: p.bucketOff,
    emptyValue: p.emptyValue,
    needsHour,
    dims: dispatch.dims,
    hourClass: dispatch.hourClass,
    nHourClasses: dispatch.nHourClasses,
    tierBounds: dispatch.tierBounds,
    nTiers: dispatch.nTiers,
    checkWindows: dispatch.checkWindows,
    classStart: dispatch.classStart,
    classAggs: dispatch.classAggs,
    hasChecks: conds.length > 0 || p.open.some((o) => o >= 0),
    distinctGroup: distinct.distinctGroup,
    distinctBit: distinct.distinctBit,
    groupField: distinct.groupField,
    groupAggs: distinct.groupAggs,
    state: new Float64Array(n * SLOTS),
    buckets: new Float64Array(bucketTotal),
    seen: Array.from({ length: distinct.groupField.length }, newStringTable),
    eventMask: new Int32Array(distinct.groupField.length),
  };
  return Object.freeze(plan);
}

/** Groups the distinct aggregates by string field, at most 31 per group (one bit each in a mask). */
function distinctGroups(list: readonly AggregateSpec[], field: Int32Array) {
  const n = list.length;
  const distinctGroup = new Int32Array(n).fill(-1);
  const distinctBit = new Int32Array(n).fill(-1);
  const groupField: number[] = [];
  const groupAggs: number[] = [];
  const open = new Map<number, number>(); // field -> its group still filling
  list.forEach((s, a) => {
    if (s.aggregate !== "distinct") return;
    const f = field[a]!;
    let g = open.get(f);
    if (g === undefined || groupSize(groupAggs, g) === 31) {
      g = groupField.length;
      groupField.push(f);
      for (let b = 0; b < 31; b++) groupAggs.push(-1);
      open.set(f, g);
    }
    const bit = groupSize(groupAggs, g);
    groupAggs[g * 31 + bit] = a;
    distinctGroup[a] = g;
    distinctBit[a] = bit;
  });
  return { distinctGroup, distinctBit, groupField: Int32Array.from(groupField), groupAggs: Int32Array.from(groupAggs) };
}

function groupSize(groupAggs: readonly number[], g: number): number {
  let k = 0;
  while (k < 31 && groupAggs[g * 31 + k] !== -1) k++;
  return k;
}

/** Most class-table entries (classes x aggregates) for which age tiers are folded into the classes. */
const MAX_FOLDED_ENTRIES = 1 << 18;

/** Whether hour `h` is in `[from, to)`, wrapping past midnight when from > to. */
function inHours(h: number, from: number, to: number): boolean {
  return from < to ? h >= from && h < to : h >= from || h < to;
}

/**
 * Precomputes, for every event class (enum indices x hour class x age tier), the aggregates whose
 * enum, hour and window filters accept it. Windows are folded into the classes as age tiers unless
 * the table would grow past `MAX_FOLDED_ENTRIES` (then one tier, and each aggregate checks its window).
 */
function classDispatch(
  sizes: readonly number[],
  n: number,
  masks: Int32Array,
  hourFrom: Int8Array,
  hourTo: Int8Array,
  windowMs: Float64Array,
) {
  const dims = Int32Array.from([sizes[0] ?? 1, sizes[1] ?? 1, sizes[2] ?? 1]);
  // hour classes: hours with the same set of accepting hour filters share a class
  const sig = new Map<string, number>();
  const hourClass = new Int32Array(24);
  for (let h = 0; h < 24; h++) {
    let key = "";
    for (let a = 0; a < n; a++) key += hourFrom[a]! < 0 || inHours(h, hourFrom[a]!, hourTo[a]!) ? "1" : "0";
    if (!sig.has(key)) sig.set(key, sig.size);
    hourClass[h] = sig.get(key)!;
  }
  const nHourClasses = sig.size;
  const repHour = new Int32Array(nHourClasses);
  for (let h = 23; h >= 0; h--) repHour[hourClass[h]!] = h;
  const nBase = dims[0]! * dims[1]! * dims[2]! * nHourClasses;
  let bounds = Float64Array.from(new Set(Array.from(windowMs).filter((w) => Number.isFinite(w)))).sort();
  if (nBase * (bounds.length + 1) * Math.max(1, n) > MAX_FOLDED_ENTRIES) bounds = new Float64Array(0);
  const nTiers = bounds.length + 1;
  const classStart = new Int32Array(nBase * nTiers + 1);
  const aggs: number[] = [];
  for (let c = 0; c < nBase; c++) {
    const hc = c % nHourClasses;
    let rest = (c - hc) / nHourClasses;
    const e0 = rest % dims[0]!;
    rest = (rest - e0) / dims[0]!;
    const e1 = rest % dims[1]!;
    const e2 = (rest - e1) / dims[1]!;
    const h = repHour[hc]!;
    for (let t = 0; t < nTiers; t++) {
      // ages in tier t are >= bounds[t - 1]; a window w (one of the bounds, or Infinity) accepts them iff w > bounds[t - 1]
      const minAge = t === 0 ? Number.NEGATIVE_INFINITY : bounds[t - 1]!;
      for (let a = 0; a < n; a++) {
        if (
          (masks[a * 3]! & (1 << e0)) === 0 ||
          (masks[a * 3 + 1]! & (1 << e1)) === 0 ||
          (masks[a * 3 + 2]! & (1 << e2)) === 0
        )
          continue;
        if (hourFrom[a]! >= 0 && !inHours(h, hourFrom[a]!, hourTo[a]!)) continue;
        if (!(windowMs[a]! > minAge)) continue;
        aggs.push(a);
      }
      classStart[c * nTiers + t + 1] = aggs.length;
    }
  }
  const checkWindows = nTiers === 1 && windowMs.some((w) => Number.isFinite(w));
  return {
    dims,
    hourClass,
    nHourClasses,
    tierBounds: bounds,
    nTiers,
    checkWindows,
    classStart,
    classAggs: Int32Array.from(aggs),
  };
}
