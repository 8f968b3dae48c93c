import type { NumericRange } from "../limits";
import { type Ctx, type Path, report, reportType } from "./context";

/**
 * A numeric field as the checkers see it: its bounds (from `BOUNDS`, shared with the zod schema)
 * and whether it may be absent. Built once per field at module load, so a check reads two
 * constants instead of taking them as positional arguments. @internal
 */
export interface NumericField {
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
}

/** A required numeric field within `bounds`. @internal */
export function requiredNumber(bounds: NumericRange): NumericField {
  return Object.freeze({ min: bounds.min, max: bounds.max, optional: false });
}

/** An optional numeric field within `bounds`. @internal */
export function optionalNumber(bounds: NumericRange): NumericField {
  return Object.freeze({ min: bounds.min, max: bounds.max, optional: true });
}

/** A token field (pseudonym, place code): its length bounds, its character table, whether it may be absent. @internal */
export interface TokenField {
  readonly minLength: number;
  readonly maxLength: number;
  readonly chars: Uint8Array;
  readonly optional: boolean;
}

/** A token field with length `bounds` (code points) and characters from `chars`. @internal */
export function tokenField(bounds: NumericRange, chars: Uint8Array, optional: boolean): TokenField {
  return Object.freeze({ minLength: bounds.min, maxLength: bounds.max, chars, optional });
}

/** A closed-enumeration field: its values and whether it may be absent. @internal */
export interface EnumField {
  readonly values: ReadonlySet<unknown>;
  readonly optional: boolean;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MIN_SAFE = Number.MIN_SAFE_INTEGER;

/**
 * Checks `z.int().min(f.min).max(f.max)` (`Infinity` for no upper bound) with zod's issue
 * sequence: type, integer, safe range, then the bounds. `undefined` is accepted when `f.optional`.
 * @internal
 */
export function checkInt(ctx: Ctx, v: unknown, f: NumericField, pre: Path, idx: number, key: string | undefined): void {
  if (typeof v === "number" && v >= f.min && v <= f.max && Number.isSafeInteger(v)) return;
  if (v === undefined && f.optional) return;
  intSlow(ctx, v, f.min, f.max, pre, idx, key);
}

function intSlow(ctx: Ctx, v: unknown, lo: number, hi: number, pre: Path, idx: number, key: string | undefined): void {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    reportType(ctx, v, "number", pre, idx, key);
    return;
  }
  if (!Number.isInteger(v)) {
    report(ctx, "not_integer", pre, idx, key, "must be an integer", true);
    return;
  }
  if (!Number.isSafeInteger(v)) {
    if (v > 0) report(ctx, "too_big", pre, idx, key, `must be <= ${MAX_SAFE}`, false);
    else report(ctx, "too_small", pre, idx, key, `must be >= ${MIN_SAFE}`, false);
  }
  if (!(v >= lo)) report(ctx, "too_small", pre, idx, key, `must be >= ${lo}`, false);
  if (!(v <= hi)) report(ctx, "too_big", pre, idx, key, `must be <= ${hi}`, false);
}

/**
 * Checks `z.number().min(f.min).max(f.max)` (finite number within bounds).
 * @internal
 */
export function checkNumber(
  ctx: Ctx,
  v: unknown,
  f: NumericField,
  pre: Path,
  idx: number,
  key: string | undefined,
): void {
  if (typeof v === "number" && v >= f.min && v <= f.max) return;
  if (v === undefined && f.optional) return;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    reportType(ctx, v, "number", pre, idx, key);
    return;
  }
  if (!(v >= f.min)) report(ctx, "too_small", pre, idx, key, `must be >= ${f.min}`, false);
  if (!(v <= f.max)) report(ctx, "too_big", pre, idx, key, `must be <= ${f.max}`, false);
}

/** Checks `z.boolean()`. @internal */
export function checkBool(
  ctx: Ctx,
  v: unknown,
  optional: boolean,
  pre: Path,
  idx: number,
  key: string | undefined,
): void {
  if (typeof v === "boolean" || (v === undefined && optional)) return;
  reportType(ctx, v, "boolean", pre, idx, key);
}

/** Checks `z.enum(f.values)`; a missing value is an enum error, as in zod. @internal */
export function checkEnum(ctx: Ctx, v: unknown, f: EnumField, pre: Path, idx: number, key: string | undefined): void {
  if (f.values.has(v) || (v === undefined && f.optional)) return;
  report(ctx, "invalid_enum", pre, idx, key, "not one of the allowed values", true);
}

/** Length in Unicode code points (a surrogate pair counts once), as zod measures strings. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

function lengthUnit(v: unknown): string {
  return Array.isArray(v) ? "items" : typeof v === "string" ? "characters" : "";
}

/**
 * zod's `min`/`max` length checks, which also run on a wrong-typed value that has a `length`
 * (an array where a string was expected, `{ length: ... }`), with zod's comparisons.
 * @internal
 */
export function lengthChecks(
  ctx: Ctx,
  v: unknown,
  min: number,
  max: number,
  pre: Path,
  idx: number,
  key: string | undefined,
): void {
  if (v === null || v === undefined) return;
  const units = (v as { length?: unknown }).length as number;
  if (units === undefined) return;
  const isStr = typeof v === "string";
  const unit = lengthUnit(v);
  if (min > 0) {
    const len = isStr && units >= min && units < min * 2 ? codePoints(v) : units;
    if (!(len >= min))
      report(ctx, "too_small", pre, idx, key, unit ? `must have at least ${min} ${unit}` : `must be >= ${min}`, false);
  }
  if (max < Number.POSITIVE_INFINITY) {
    const len = isStr && units > max ? codePoints(v) : units;
    if (!(len <= max))
      report(ctx, "too_big", pre, idx, key, unit ? `must have at most ${max} ${unit}` : `must be <= ${max}`, false);
  }
}

/** Character classes of the schema's string patterns, as 128-entry lookup tables. */
function charTable(extra: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (let c = 97; c <= 122; c++) t[c] = 1;
  for (const ch of extra) t[ch.charCodeAt(0)] = 1;
  return t;
}
/**
 * `[A-Za-z0-9_.:-]` (pseudonym). @internal
 * @example PSEUDONYM_CHARS[":".charCodeAt(0)] // => 1
 */
export const PSEUDONYM_CHARS = charTable("_.:-");
/**
 * `[A-Za-z0-9_-]` (place code). @internal
 * @example PLACE_CHARS[":".charCodeAt(0)] // => 0 (not in a place code)
 */
export const PLACE_CHARS = charTable("_-");

function allIn(s: string, table: Uint8Array): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] === 0) return false;
  }
  return true;
}

/**
 * Checks `z.string().min(f.minLength).max(f.maxLength).regex(/^[class]+$/)` for the pseudonym and place-code
 * patterns: type, length (code points), then pattern.
 * @internal
 */
export function checkToken(ctx: Ctx, v: unknown, f: TokenField, pre: Path, idx: number, key: string | undefined): void {
  if (typeof v === "string") {
    if (v.length <= f.maxLength && allIn(v, f.chars)) return;
    lengthChecks(ctx, v, f.minLength, f.maxLength, pre, idx, key);
    if (!allIn(v, f.chars)) report(ctx, "invalid_format", pre, idx, key, "does not match the expected pattern", false);
    return;
  }
  if (v === undefined && f.optional) return;
  reportType(ctx, v, "string", pre, idx, key);
  lengthChecks(ctx, v, f.minLength, f.maxLength, pre, idx, key);
}

/** The digit at `s[i]` (0-9), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * `^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$` without a regex engine. @internal
 * @example [isDateShape("2024-02-30"), isDateShape("2024-13-01")] // => [true, false] (shape only; the calendar is checked apart)
 */
export function isDateShape(s: string): boolean {
  if (s.length !== 10) return false;
  if (
    digitAt(s, 0) < 0 ||
    digitAt(s, 1) < 0 ||
    digitAt(s, 2) < 0 ||
    digitAt(s, 3) < 0 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45
  )
    return false;
  const m1 = digitAt(s, 5);
  const m2 = digitAt(s, 6);
  const okMonth = (m1 === 0 && m2 >= 1) || (m1 === 1 && m2 >= 0 && m2 <= 2);
  const a = digitAt(s, 8);
  const b = digitAt(s, 9);
  const okDay = (a === 0 && b >= 1) || ((a === 1 || a === 2) && b >= 0) || (a === 3 && b >= 0 && b <= 1);
  return okMonth && okDay;
}

/**
 * `isCalendarDate(s)` (`../applicant`) for a string that passed `isDateShape`, read from its char
 * codes (no slices, no numbers parsed from strings, no table allocated): the day exists in its month
 * of the proleptic Gregorian calendar. Only for date-shaped strings; `isCalendarDate` for the rest.
 * @internal
 * @param s a string for which `isDateShape(s)` is true
 * @returns whether the date exists
 * @example [isShapedCalendarDate("2024-02-29"), isShapedCalendarDate("2023-02-29")] // => [true, false]
 */
export function isShapedCalendarDate(s: string): boolean {
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const m = digitAt(s, 5) * 10 + digitAt(s, 6);
  const d = digitAt(s, 8) * 10 + digitAt(s, 9);
  if (d <= 28) return true;
  if (m === 2) return d === 29 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (d === 31) return m === 1 || m === 3 || m === 5 || m === 7 || m === 8 || m === 10 || m === 12;
  return true;
}
