/**
 * The fast checks of the columnar form of every event section (`paymentColumnsSchema`,
 * `deviceEventColumnsSchema`, ... in `../columnar.ts`), with zod's issue codes, paths and order: each
 * column in schema order (the array, then its entries at `[...section, column, index]`), then
 * unknown columns, then (when nothing aborted) the equal-length rule against the first column. The
 * common case, every entry valid, is found by the snapshot while it copies each column (`copyChecked`:
 * one loop per kind of entry, no call per entry), and the entry loops here then do not run; they run
 * (with a predicate call per entry, and the issue-reporting check on the entries it rejects) only on a
 * section with a problem.
 * @internal
 */
import {
  BUREAU_ACCOUNT_KINDS,
  DEVICE_EVENT_KINDS,
  INQUIRY_KINDS,
  MERCHANT_CATEGORIES,
  PAYMENT_CHANNELS,
  PRODUCT_TYPES,
} from "../applicant";
import { columnLengthMessage } from "../columnar";
import { BOUNDS, LIMITS } from "../limits";
import {
  type EnumField,
  type NumericField,
  PLACE_CHARS,
  PSEUDONYM_CHARS,
  type TokenField,
  checkEnum,
  checkInt,
  checkNumber,
  checkToken,
  lengthChecks,
  requiredNumber,
  tokenField,
} from "./checks";
import { type Ctx, type Path, report, reportType, unknownKeys } from "./context";

/** How the entries of one column are checked (`null` allowed when `nullable`). */
type Entry = (ctx: Ctx, v: unknown, pre: Path, i: number) => void;

/**
 * The kinds of column entry, each with its own copy-and-check loop (`copyChecked`): a safe integer
 * in range, a number in range, a token (length range and an ASCII character table), a value of a
 * closed set. @internal
 */
export const COLUMN_KIND = Object.freeze({ int: 0, num: 1, token: 2, oneOf: 3 });

/**
 * How one column's entries are checked: the entry check that reports issues, an allocation-free
 * predicate for the common case of a valid entry (the naive reference of `copyChecked`: the check
 * runs only on entries it rejects), and the same rule as data for `copyChecked` (`kind` and the
 * parameters it reads: `min`/`max` for numbers and token lengths, `chars` for tokens, `values` for sets).
 */
interface Checker {
  readonly check: Entry;
  readonly valid: (v: unknown) => boolean;
  readonly kind: number;
  readonly min: number;
  readonly max: number;
  readonly chars: Uint8Array;
  readonly values: ReadonlySet<unknown>;
}

/** One column: its key, its entry rule (`Checker`), whether the column may be absent and its entries null. @internal */
export interface ColumnDef extends Checker {
  readonly key: string;
  readonly optional: boolean;
}

/**
 * The columns of a section, in schema order, with its row cap (and least row count, on the required
 * columns) and key set; the first column sets the row count. @internal
 */
export interface ColumnsDef {
  readonly columns: readonly ColumnDef[];
  readonly keys: ReadonlySet<string>;
  readonly cap: number;
  readonly min: number;
}

const NO_CHARS = new Uint8Array(0);
const NO_VALUES: ReadonlySet<unknown> = new Set();

const int = (f: NumericField): Checker => ({
  check: (ctx, v, pre, i) => checkInt(ctx, v, f, pre, i, undefined),
  valid: (v) => typeof v === "number" && v >= f.min && v <= f.max && Number.isSafeInteger(v),
  kind: COLUMN_KIND.int,
  min: f.min,
  max: f.max,
  chars: NO_CHARS,
  values: NO_VALUES,
});
const num = (f: NumericField): Checker => ({
  check: (ctx, v, pre, i) => checkNumber(ctx, v, f, pre, i, undefined),
  valid: (v) => typeof v === "number" && v >= f.min && v <= f.max,
  kind: COLUMN_KIND.num,
  min: f.min,
  max: f.max,
  chars: NO_CHARS,
  values: NO_VALUES,
});
const token = (f: TokenField): Checker => ({
  check: (ctx, v, pre, i) => checkToken(ctx, v, f, pre, i, undefined),
  valid: (v) => {
    if (typeof v !== "string" || v.length < f.minLength || v.length > f.maxLength) return false;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 128 || f.chars[c] === 0) return false;
    }
    return true;
  },
  kind: COLUMN_KIND.token,
  min: f.minLength,
  max: f.maxLength,
  chars: f.chars,
  values: NO_VALUES,
});
const oneOf = (values: readonly unknown[]): Checker => {
  const f: EnumField = Object.freeze({ values: new Set(values), optional: false });
  return {
    check: (ctx, v, pre, i) => checkEnum(ctx, v, f, pre, i, undefined),
    valid: (v) => f.values.has(v),
    kind: COLUMN_KIND.oneOf,
    min: 0,
    max: 0,
    chars: NO_CHARS,
    values: f.values,
  };
};

const col = (key: string, c: Checker, optional = false): ColumnDef =>
  Object.freeze({
    key,
    check: c.check,
    valid: c.valid,
    kind: c.kind,
    min: c.min,
    max: c.max,
    chars: c.chars,
    values: c.values,
    optional,
  });
const def = (cap: number, columns: ColumnDef[], min = 0): ColumnsDef =>
  Object.freeze({ columns: Object.freeze(columns), keys: new Set(columns.map((c) => c.key)), cap, min });

const AT = int(requiredNumber(BOUNDS.epochMs));
const FEN = int(requiredNumber(BOUNDS.fen));
const PSEUDONYM = token(tokenField(BOUNDS.pseudonymLength, PSEUDONYM_CHARS, false));
const PRODUCT = oneOf(PRODUCT_TYPES);

/** `paymentColumnsSchema`. @internal */
export const PAYMENT_COLUMNS = def(LIMITS.payments, [
  col("at", AT),
  col("amountFen", FEN),
  col("direction", oneOf(["in", "out"])),
  col("channel", oneOf(PAYMENT_CHANNELS)),
  col("counterparty", PSEUDONYM, true),
  col("merchantCategory", oneOf(MERCHANT_CATEGORIES), true),
]);

/** `deviceEventColumnsSchema`. @internal */
export const DEVICE_EVENT_COLUMNS = def(LIMITS.deviceEvents, [
  col("at", AT),
  col("kind", oneOf(DEVICE_EVENT_KINDS)),
  col("deviceId", PSEUDONYM),
  col("ipHash", PSEUDONYM, true),
  col("lat", num(requiredNumber(BOUNDS.latitude)), true),
  col("lon", num(requiredNumber(BOUNDS.longitude)), true),
  col("cityCode", token(tokenField(BOUNDS.placeCodeLength, PLACE_CHARS, false)), true),
]);

/** `deviceRecordColumnsSchema`. @internal */
export const DEVICE_RECORD_COLUMNS = def(LIMITS.deviceRecords, [
  col("deviceId", PSEUDONYM),
  col("firstSeenAt", AT),
  col("accountCount", int(requiredNumber(BOUNDS.deviceAccountCount))),
]);

/** `bureauInquiryColumnsSchema`. @internal */
export const INQUIRY_COLUMNS = def(LIMITS.bureauInquiries, [
  col("at", AT),
  col("kind", oneOf(INQUIRY_KINDS)),
  col("lenderId", PSEUDONYM, true),
  col("productType", PRODUCT, true),
]);

/** `bureauAccountColumnsSchema`. @internal */
export const ACCOUNT_COLUMNS = def(LIMITS.bureauAccounts, [
  col("kind", oneOf(BUREAU_ACCOUNT_KINDS)),
  col("openedAt", AT),
  col("closedAt", AT, true),
  col("limitFen", FEN, true),
  col("balanceFen", FEN),
  col("monthlyPaymentFen", FEN, true),
  col("worstDaysPastDue", int(requiredNumber(BOUNDS.worstDaysPastDue))),
  col("lenderId", PSEUDONYM, true),
  col("productType", PRODUCT, true),
]);

/** `bureauDelinquencyColumnsSchema`. @internal */
export const DELINQUENCY_COLUMNS = def(LIMITS.bureauDelinquencies, [
  col("at", AT),
  col("daysPastDue", int(requiredNumber(BOUNDS.daysPastDue))),
  col("amountFen", FEN, true),
]);

/** `installmentColumnsSchema` (at least one row). @internal */
export const INSTALLMENT_COLUMNS = def(LIMITS.installments, [col("dueAt", AT), col("amountFen", FEN)], 1);

/** `repaymentColumnsSchema`. @internal */
export const REPAYMENT_COLUMNS = def(LIMITS.repayments, [col("at", AT), col("amountFen", FEN)]);

/**
 * Checks a columnar section `o` (a snapshot: see `snapshot.ts`) found at `pre` (`["payments"]`,
 * `["devices", "events"]`, `["loans", 0, "installments"]`). When `entriesChecked` (the snapshot found
 * every schema column an array within the cap, every required one present, and every entry valid:
 * `copyColumnsChecked`), the entry loops would report nothing and are skipped; the minimum row count,
 * the unknown keys and the equal lengths are still checked.
 * @internal
 */
export function checkColumns(
  ctx: Ctx,
  o: Record<string, unknown>,
  d: ColumnsDef,
  pre: Path,
  entriesChecked: boolean,
): void {
  const before = ctx.aborting;
  const cols = d.columns;
  for (let c = 0; c < cols.length; c++) {
    const { key, check, valid, optional } = cols[c]!;
    const v = o[key];
    if (entriesChecked) {
      // Every required column is an array within the cap here: only the minimum is left to check.
      if (!optional && (v as readonly unknown[]).length < d.min)
        report(ctx, "too_small", pre, -1, key, `must have at least ${d.min} items`, false);
      continue;
    }
    if (!Array.isArray(v)) {
      if (v === undefined && optional) continue;
      reportType(ctx, v, "array", pre, -1, key);
      lengthChecks(ctx, v, optional ? 0 : d.min, d.cap, pre, -1, key);
      continue;
    }
    if (v.length > d.cap) {
      report(ctx, "too_big", pre, -1, key, `must have at most ${d.cap} items`, true);
      continue;
    }
    if (v.length < d.min && !optional)
      report(ctx, "too_small", pre, -1, key, `must have at least ${d.min} items`, false);
    if (allValid(v, valid, optional)) continue;
    const at: Path = [...pre, key];
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === null && optional) continue;
      if (!valid(x)) check(ctx, x, at, i);
    }
  }
  unknownKeys(ctx, o, d.keys, pre, -1);
  if (ctx.aborting !== before) return;
  const first = cols[0]!.key;
  const n = (o[first] as readonly unknown[]).length;
  for (let c = 0; c < cols.length; c++) {
    const key = cols[c]!.key;
    const v = o[key];
    if (Array.isArray(v) && v.length !== n)
      report(ctx, "inconsistent", pre, -1, key, columnLengthMessage(first), false);
  }
}

/**
 * Whether every entry of a column passes `valid` (or is null in an optional column): the generic
 * check, one call per entry, the naive reference of `copyChecked`. @internal
 * @example allValid([1, null], (x) => x === 1, true) // => true
 */
export function allValid(v: readonly unknown[], valid: (x: unknown) => boolean, optional: boolean): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!(valid(x) || (x === null && optional))) return false;
  }
  return true;
}

// The copy-and-check loops, one per kind of entry (monomorphic: no call per entry). Each reads the
// first `n` entries of `a` once each, in order, writes them to `out[0..n)`, and returns whether every one
// is valid for its column (the same answer as `allValid` with the column's `valid`: a property test
// compares them). Once an entry fails, the rest is only copied.

/** Stands for "no entry passed yet" (module-private: no input holds it). */
const UNSEEN = Object.freeze({});

function copyInts(a: readonly unknown[], n: number, d: ColumnDef, out: unknown[]): boolean {
  const min = d.min;
  const max = d.max;
  const nullable = d.optional;
  let i = 0;
  for (; i < n; i++) {
    const x = a[i];
    out[i] = x;
    if (!(typeof x === "number" && x >= min && x <= max && Number.isSafeInteger(x)) && !(x === null && nullable)) break;
  }
  if (i === n) return true;
  for (i++; i < n; i++) out[i] = a[i];
  return false;
}

function copyNumbers(a: readonly unknown[], n: number, d: ColumnDef, out: unknown[]): boolean {
  const min = d.min;
  const max = d.max;
  const nullable = d.optional;
  let i = 0;
  for (; i < n; i++) {
    const x = a[i];
    out[i] = x;
    // NaN fails both comparisons; the bounds are finite, so the infinities fail one.
    if (!(typeof x === "number" && x >= min && x <= max) && !(x === null && nullable)) break;
  }
  if (i === n) return true;
  for (i++; i < n; i++) out[i] = a[i];
  return false;
}

function copyTokens(a: readonly unknown[], n: number, d: ColumnDef, out: unknown[]): boolean {
  const min = d.min;
  const max = d.max;
  const chars = d.chars;
  const nullable = d.optional;
  // A string identical to the last one that passed passed the same check (events repeat devices, counterparties).
  let last: unknown = UNSEEN;
  let i = 0;
  for (; i < n; i++) {
    const x = a[i];
    out[i] = x;
    if (x === last) continue;
    if (typeof x !== "string") {
      if (x === null && nullable) continue;
      break;
    }
    const len = x.length;
    if (len < min || len > max) break;
    let k = 0;
    for (; k < len; k++) {
      const c = x.charCodeAt(k);
      if (c >= 128 || chars[c] === 0) break;
    }
    if (k < len) break;
    last = x;
  }
  if (i === n) return true;
  for (i++; i < n; i++) out[i] = a[i];
  return false;
}

function copyOneOf(a: readonly unknown[], n: number, d: ColumnDef, out: unknown[]): boolean {
  const values = d.values;
  const nullable = d.optional;
  let last: unknown = UNSEEN;
  let i = 0;
  for (; i < n; i++) {
    const x = a[i];
    out[i] = x;
    if (x === last) continue;
    if (values.has(x)) last = x;
    else if (!(x === null && nullable)) break;
  }
  if (i === n) return true;
  for (i++; i < n; i++) out[i] = a[i];
  return false;
}

/**
 * Copies the first `n` entries of column `a` into `out[0..n)`, reading each once, and tells whether every
 * one is valid for column `d` (null allowed in an optional column): `allValid(a, d.valid, d.optional)`
 * without a call per entry, by one loop per kind of entry.
 * @param a the column (an array from the input)
 * @param n how many entries to read (the column's length, read once by the caller)
 * @param d the column's definition
 * @param out the array the entries are written to, of length `n` (preallocated: `new Array(n)` and
 *   indexed stores copy a 1,000-entry column about 5x faster than pushes to an empty array, Node 20)
 * @returns whether every entry is valid
 * @example copyChecked([1, 2], 2, PAYMENT_COLUMNS.columns[1], new Array(2)) // => true
 * @internal
 */
export function copyChecked(a: readonly unknown[], n: number, d: ColumnDef, out: unknown[]): boolean {
  switch (d.kind) {
    case COLUMN_KIND.int:
      return copyInts(a, n, d, out);
    case COLUMN_KIND.num:
      return copyNumbers(a, n, d, out);
    case COLUMN_KIND.token:
      return copyTokens(a, n, d, out);
    default:
      return copyOneOf(a, n, d, out);
  }
}
