/**
 * The fast checks of the columnar form of every event section (`paymentColumnsSchema`,
 * `deviceEventColumnsSchema`, ... in `../columnar.ts`), with zod's issue codes, paths and order: each
 * column in schema order (the array, then its entries at `[...section, column, index]`), then
 * unknown columns, then (when nothing aborted) the equal-length rule against the first column.
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
 * One column: its key, the entry check that reports issues, an allocation-free predicate for the
 * common case of a valid entry (the check runs only on entries it rejects), whether the column may
 * be absent and its entries null.
 */
interface ColumnDef {
  readonly key: string;
  readonly check: Entry;
  readonly valid: (v: unknown) => boolean;
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

/** An entry check with its predicate. */
interface Checker {
  readonly check: Entry;
  readonly valid: (v: unknown) => boolean;
}

const int = (f: NumericField): Checker => ({
  check: (ctx, v, pre, i) => checkInt(ctx, v, f, pre, i, undefined),
  valid: (v) => typeof v === "number" && v >= f.min && v <= f.max && Number.isSafeInteger(v),
});
const num = (f: NumericField): Checker => ({
  check: (ctx, v, pre, i) => checkNumber(ctx, v, f, pre, i, undefined),
  valid: (v) => typeof v === "number" && v >= f.min && v <= f.max,
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
});
const oneOf = (values: readonly unknown[]): Checker => {
  const f: EnumField = Object.freeze({ values: new Set(values), optional: false });
  return { check: (ctx, v, pre, i) => checkEnum(ctx, v, f, pre, i, undefined), valid: (v) => f.values.has(v) };
};

const col = (key: string, c: Checker, optional = false): ColumnDef =>
  Object.freeze({ key, check: c.check, valid: c.valid, optional });
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
 * `["devices", "events"]`, `["loans", 0, "installments"]`).
 * @internal
 */
export function checkColumns(ctx: Ctx, o: Record<string, unknown>, d: ColumnsDef, pre: Path): void {
  const before = ctx.aborting;
  const cols = d.columns;
  for (let c = 0; c < cols.length; c++) {
    const { key, check, valid, optional } = cols[c]!;
    const v = o[key];
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

/** Whether every entry of a column passes `valid` (or is null in an optional column). */
function allValid(v: readonly unknown[], valid: (x: unknown) => boolean, optional: boolean): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!(valid(x) || (x === null && optional))) return false;
  }
  return true;
}
