import type { FactCatalog, VelocityCounts } from "../fraud";
import { type Locale, isLocale } from "../messages/locales";
import { type Issue, issue } from "../schema/result";

/**
 * The latest decision time accepted: 8.64e15 ms, the end of the range of a JavaScript `Date`
 * (ECMA-262, "Time Values and Time Range": ±100,000,000 days from the epoch), less 14 hours, the
 * largest local offset (UTC+14), so that the local calendar date of `asOf`, on which ages are
 * judged, is a `Date` too: 8,640,000,000,000,000 - 14 x 3,600,000 = 8,639,999,949,600,000.
 */
export const MAX_AS_OF = 8.64e15 - 14 * 3_600_000;

/**
 * `decide`'s options as read: `asOf`, and the velocity counts copied into a buffer of the engine.
 * One per engine, refilled by every call (decide is synchronous).
 * @internal
 */
export interface ReadOptions {
  asOf: number;
  /** The engine's own copy of the caller's counts, or undefined when none were given. */
  velocity: VelocityCounts | undefined;
  /** True when the caller's counts were marked `unavailable` (the velocity store failed: `gatherFacts`). */
  velocityUnavailable: boolean;
  /** Whether the caller asked for a trace (`trace: true`; anything else is no trace). */
  trace: boolean;
  /** The locale of the decision's messages (`en` when not given). */
  locale: Locale;
  /** Whether the caller asked for the score breakdown by category (`explain: true`). */
  explain: boolean;
}

const ROOT: readonly (string | number)[] = [];
const AS_OF = ["asOf"] as const;
const VELOCITY = ["velocity"] as const;
const LOCALE = ["locale"] as const;

/**
 * Reads and checks `decide`'s options, each value once: `asOf` must be an integer in
 * [0, `MAX_AS_OF`]; `velocity`, when given, must be counts of the engine's fact catalog
 * (`readVelocity` / `gatherFacts`) with 0/1 missing flags and finite counts >= 0. The counts are
 * copied into `buffer`, so nothing the caller holds is read again after the check; `locale`, when
 * given, must be `"en"` or `"zh-CN"`.
 * @param options anything (the second argument of `decide`)
 * @param catalog the fact catalog of the engine's rules
 * @param buffer velocity counts of that catalog, owned by the engine
 * @param out filled with what was read when there are no issues
 * @returns the issues (paths `["asOf"]`, `["velocity", ...]`, `["locale"]`, or `[]` for the options object), empty when valid
 * @example readDecideOptions({ asOf: Number.NaN }, DEFAULT_FACT_CONFIG.catalog, createVelocityCounts(DEFAULT_FACT_CONFIG.catalog), { asOf: 0, velocity: undefined, velocityUnavailable: false, trace: false, locale: "en", explain: false })[0].code // => "not_finite"
 * @internal
 */
export function readDecideOptions(
  options: unknown,
  catalog: FactCatalog,
  buffer: VelocityCounts,
  out: ReadOptions,
): readonly Issue[] {
  if (options === undefined) return [issue("missing", ROOT, "options { asOf } are required")];
  if (typeof options !== "object" || options === null)
    return [issue("invalid_type", ROOT, "expected an options object { asOf }")];
  let asOf: unknown;
  let velocity: unknown;
  let unavailable = false;
  let trace: unknown;
  let locale: unknown;
  let explain: unknown;
  try {
    asOf = (options as { asOf?: unknown }).asOf;
    velocity = (options as { velocity?: unknown }).velocity;
    trace = (options as { trace?: unknown }).trace;
    locale = (options as { locale?: unknown }).locale;
    explain = (options as { explain?: unknown }).explain;
    if (typeof velocity === "object" && velocity !== null)
      unavailable = (velocity as { unavailable?: unknown }).unavailable === true;
  } catch {
    return [issue("invalid_value", ROOT, "could not be read as plain data")];
  }
  const issues: Issue[] = [];
  const a = checkAsOf(asOf);
  if (a !== undefined) issues.push(a);
  if (velocity !== undefined) copyVelocity(velocity, catalog, buffer, issues);
  if (locale !== undefined && !isLocale(locale)) issues.push(issue("invalid_value", LOCALE, 'must be "en" or "zh-CN"'));
  if (issues.length > 0) return issues;
  out.asOf = asOf as number;
  out.velocity = velocity === undefined ? undefined : buffer;
  out.velocityUnavailable = unavailable;
  out.trace = trace === true;
  out.locale = locale === undefined ? "en" : (locale as Locale);
  out.explain = explain === true;
  return issues;
}

/**
 * Checks a decision time: an integer in [0, `MAX_AS_OF`].
 * @param v the value of `options.asOf`
 * @returns the issue at `["asOf"]`, or undefined when valid
 * @example checkAsOf(1.5)?.code // => "not_integer"
 * @internal
 */
export function checkAsOf(v: unknown): Issue | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_AS_OF) return undefined;
  if (v === undefined) return issue("missing", AS_OF, "required (epoch ms)");
  if (typeof v !== "number") return issue("invalid_type", AS_OF, "expected integer (epoch ms)");
  if (!Number.isFinite(v)) return issue("not_finite", AS_OF, "must be a finite number");
  if (!Number.isInteger(v)) return issue("not_integer", AS_OF, "must be an integer");
  if (v < 0) return issue("too_small", AS_OF, "must be >= 0");
  return issue("too_big", AS_OF, `must be <= ${MAX_AS_OF} (a local date a Date can hold)`);
}

/** Checks the caller's velocity counts and copies them into `buffer` (read once each). */
function copyVelocity(v: unknown, catalog: FactCatalog, buffer: VelocityCounts, issues: Issue[]): void {
  if (typeof v !== "object" || v === null) {
    issues.push(issue("invalid_type", VELOCITY, "expected velocity counts (readVelocity or gatherFacts)"));
    return;
  }
  try {
    const c = v as Partial<VelocityCounts>;
    const cat = c.catalog;
    const values = c.values;
    const missing = c.missing;
    if (cat !== catalog) {
      issues.push(issue("inconsistent", [...VELOCITY, "catalog"], "counts of another fact configuration"));
      return;
    }
    const n = buffer.values.length;
    // ArrayBuffer.isView is false for a Proxy, so these are real typed arrays from here on.
    if (!(ArrayBuffer.isView(values) && values instanceof Float64Array && values.length === n)) {
      issues.push(issue("invalid_type", [...VELOCITY, "values"], `expected a Float64Array of ${n} counts`));
      return;
    }
    if (!(ArrayBuffer.isView(missing) && missing instanceof Uint8Array && missing.length === n)) {
      issues.push(issue("invalid_type", [...VELOCITY, "missing"], `expected a Uint8Array of ${n} flags`));
      return;
    }
    const bv = buffer.values as Float64Array;
    const bm = buffer.missing as Uint8Array;
    for (let i = 0; i < n; i++) {
      const m = missing[i]!;
      const x = values[i]!;
      if (m > 1) issues.push(issue("invalid_value", [...VELOCITY, "missing", i], "must be 0 or 1"));
      else if (m === 0 && !(x >= 0 && x < Number.POSITIVE_INFINITY))
        issues.push(issue("invalid_value", [...VELOCITY, "values", i], "must be a finite count >= 0"));
      bm[i] = m;
      bv[i] = m === 0 ? x : 0;
    }
  } catch {
    issues.push(issue("invalid_value", VELOCITY, "could not be read as plain data"));
  }
}
