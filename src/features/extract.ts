import type { AnyFormApplicant, DeviceRecord } from "../schema/applicant";
import { SECTION_FIELDS, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import { ageInYearsFast } from "./age-fast";
import { type LoanStats, loanStats, newLoanStats } from "./loans";
import { aggregateValue, runPass } from "./pass";
import { COMBINE, type Catalog, STEP, type Step } from "./plan";
import { defaultCatalog } from "./default-catalog";
import { newScratch } from "./sources";
import type { FeatureVector } from "./types";
import { DAY_MS } from "./time";
import type { Builtin } from "./spec";

/** Options of `extractFeatures`. */
export interface ExtractOptions {
  /** The moment the features are computed at (epoch ms); events after it are ignored. */
  readonly asOf: number;
  /** The catalog (default: `defaultCatalog`). */
  readonly catalog?: Catalog;
}

const scratch = newScratch();
const loanOut: LoanStats = newLoanStats();
const DEVICE_RECORD = SECTION_FIELDS.deviceRecords;

/**
 * Computes a catalog's features for one validated applicant as of `asOf`: one pass per event
 * array, events after `asOf` ignored, missing sections and empty denominators reported in the
 * missing mask (never `NaN` or `Infinity` in the values).
 * @param applicant a validated applicant (output of `parseApplicant`)
 * @param options `asOf` (epoch ms, required) and `catalog` (default `defaultCatalog`)
 * @returns a feature vector: the catalog's frozen names, a `Float64Array` of values and a `Uint8Array` missing mask
 * @throws {TypeError} when `applicant` is not an object or `asOf` is not a safe non-negative integer
 * @example extractFeatures(applicant, { asOf }).values[featureIndex(defaultCatalog, "age_years")] // => 36 (born 1990-03-15, asOf 2026-06-30)
 */
export function extractFeatures(applicant: AnyFormApplicant, options: ExtractOptions): FeatureVector {
  if (applicant === null || typeof applicant !== "object")
    throw new TypeError("extractFeatures: applicant must be a validated applicant object");
  if (options === null || typeof options !== "object")
    throw new TypeError("extractFeatures: options with asOf are required");
  const asOf = options.asOf;
  if (typeof asOf !== "number" || !Number.isSafeInteger(asOf) || asOf < 0)
    throw new TypeError("extractFeatures: asOf must be epoch milliseconds (a non-negative safe integer)");
  const catalog = options.catalog ?? defaultCatalog;
  const n = catalog.names.length;
  const out = { names: catalog.names, values: new Float64Array(n), missing: new Uint8Array(n) };
  fillVector(applicant, asOf, catalog, out.values, out.missing);
  return Object.freeze(out);
}

/**
 * Like `extractFeatures` (same values and missing mask), written into caller-owned buffers of the
 * catalog's length, for callers that reuse one vector per call (the decision engine). No checks:
 * the applicant must be validated and `asOf` a non-negative safe integer.
 * @param applicant a validated applicant
 * @param asOf epoch ms
 * @param catalog the catalog
 * @param values receives the values (0 where missing)
 * @param missing receives the missing mask
 * @internal
 */
export function fillVector(
  applicant: AnyFormApplicant,
  asOf: number,
  catalog: Catalog,
  values: Float64Array,
  missing: Uint8Array,
): void {
  extractInto(applicant, asOf, catalog, values);
  const n = catalog.names.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v) || v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      values[i] = 0;
      missing[i] = 1;
    } else missing[i] = 0;
  }
}

/** Fills `values` with raw feature values, `NaN` where missing. */
function extractInto(a: AnyFormApplicant, asOf: number, catalog: Catalog, values: Float64Array): void {
  const plan = catalog.plan;
  const offsetMs = catalog.utcOffsetMinutes * 60_000;
  const sources = plan.sources;
  // Aggregates first (each source's values written right after its pass; missing when the
  // section is absent), then the other steps in order (ratios and combines read earlier values).
  for (let i = 0; i < sources.length; i++) {
    const p = sources[i]!;
    const rows = p.src.rows(a);
    const out = p.outIndex;
    if (rows === undefined) {
      for (let j = 0; j < out.length; j++) values[out[j]!] = Number.NaN;
      continue;
    }
    runPass(p, rows, asOf, offsetMs, scratch);
    for (let j = 0; j < out.length; j++) values[out[j]!] = aggregateValue(p, j, asOf);
  }
  const loans = plan.usesLoans && a.loans !== undefined ? loanStats(a.loans, asOf, loanOut) : null;
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.k !== STEP.aggregate) values[i] = evalStep(s, a, asOf, offsetMs, values, loans);
  }
}

/** A non-aggregate step's raw value (aggregates are written by `extractInto`). */
function evalStep(
  s: Step,
  a: AnyFormApplicant,
  asOf: number,
  offsetMs: number,
  values: Float64Array,
  loans: LoanStats | null,
): number {
  switch (s.k) {
    case STEP.field: {
      const sec = a[s.section] as Record<string, unknown> | undefined;
      const v = sec?.[s.field];
      return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : Number.NaN;
    }
    case STEP.ratio: {
      const num = values[s.num]!;
      const den = s.den < 0 ? s.denConst : values[s.den]!;
      return den === 0 || Number.isNaN(den) || Number.isNaN(num) ? Number.NaN : num / den;
    }
    case STEP.combine: {
      let acc = values[s.of[0]!]!;
      for (let j = 1; j < s.of.length; j++) {
        const v = values[s.of[j]!]!;
        if (s.op === COMBINE.max) acc = Math.max(v, acc);
        else if (s.op === COMBINE.min) acc = Math.min(v, acc);
        else if (s.op === COMBINE.sum) acc += v;
        else acc -= v;
        if (Number.isNaN(v)) acc = Number.NaN;
      }
      return acc;
    }
    default: // STEP.builtin (STEP.aggregate never reaches here)
      return builtin(s.builtin, a, asOf, offsetMs, loans);
  }
}

function builtin(b: Builtin, a: AnyFormApplicant, asOf: number, offsetMs: number, loans: LoanStats | null): number {
  const id = a.identity;
  switch (b) {
    case "age_years":
      if (id.birthDate === undefined) return id.ageYears ?? Number.NaN;
      // A birth date after asOf gives no age (missing), not a negative one.
      return bornBy(ageInYearsFast(id.birthDate, asOf, offsetMs));
    case "income_monthly_fen":
      return id.verifiedMonthlyIncomeFen ?? id.declaredMonthlyIncomeFen ?? Number.NaN;
    case "income_verified":
      return id.verifiedMonthlyIncomeFen !== undefined ? 1 : 0;
    case "device_current_age_days": {
      const dev = a.application?.deviceId;
      const recs = a.devices?.records;
      if (dev === undefined || recs === undefined) return Number.NaN;
      let first = Number.POSITIVE_INFINITY;
      const n = rowCount(recs, DEVICE_RECORD);
      const sc = scratchFor(recs);
      for (let i = 0; i < n; i++) {
        const r = rowAt<DeviceRecord>(recs, i, DEVICE_RECORD, sc);
        if (r.deviceId === dev && r.firstSeenAt <= asOf && r.firstSeenAt < first) first = r.firstSeenAt;
      }
      return first === Number.POSITIVE_INFINITY ? Number.NaN : Math.floor((asOf - first) / DAY_MS);
    }
  }
  if (loans === null) return Number.NaN;
  switch (b) {
    case "loan_ontime_ratio":
      return loans.ontimeRatio;
    case "loan_current_dpd":
      return loans.currentDpd;
    case "loan_worst_dpd":
      return loans.worstDpd;
    case "loan_days_since_last_overdue":
      return loans.daysSinceLastOverdue;
    case "loan_installments_due":
      return loans.installmentsDue;
    case "loan_overdue_installments":
      return loans.overdueInstallments;
    default:
      return loans.outstandingFen;
  }
}

function bornBy(age: number): number {
  return age < 0 ? Number.NaN : age;
}
