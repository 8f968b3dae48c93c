import type { AnyFormApplicant, Applicant } from "./applicant";
import type { DeviceEventColumns, PaymentColumns } from "./columnar";

/** The fields of each columnar section, in schema order, and which of them are optional. */
const PAYMENT_FIELDS = ["at", "amountFen", "direction", "channel", "counterparty", "merchantCategory"] as const;
const PAYMENT_OPTIONAL: ReadonlySet<string> = new Set(["counterparty", "merchantCategory"]);
const EVENT_FIELDS = ["at", "kind", "deviceId", "ipHash", "lat", "lon", "cityCode"] as const;
const EVENT_OPTIONAL: ReadonlySet<string> = new Set(["ipHash", "lat", "lon", "cityCode"]);

type Rec = Record<string, unknown>;

/** Rows to columns: a required field's column always; an optional one when some row has it, `null` where a row has not. */
function columnsOf(rows: readonly Rec[], fields: readonly string[], optional: ReadonlySet<string>): Rec {
  const out: Rec = {};
  for (const f of fields) {
    if (optional.has(f) && !rows.some((r) => r[f] !== undefined)) continue;
    out[f] = rows.map((r) => (r[f] === undefined && optional.has(f) ? null : r[f]));
  }
  return out;
}

/** Columns to rows: row i holds entry i of every column, without the `null` entries of optional columns. */
function rowsOf(cols: Rec, fields: readonly string[]): Rec[] {
  const n = (cols.at as readonly unknown[]).length;
  const rows: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const r: Rec = {};
    for (const f of fields) {
      const c = cols[f] as readonly unknown[] | undefined;
      if (c !== undefined && c[i] !== null) r[f] = c[i];
    }
    rows.push(r);
  }
  return rows;
}

/**
 * The same applicant with `payments` and `devices.events` in the columnar form
 * (`columnarApplicantSchema`): one array per field; an optional field becomes a column only when
 * some row has it, with `null` on the rows that have not. Sections already in columns are kept.
 * For hosts that hold rows and send columns; `decide` never calls it (it reads either form).
 * @param applicant an applicant (validated or not: the shape is not checked here)
 * @returns a new plain applicant (the other sections shared, not copied)
 * @example toColumnar({ ...applicant, payments: [{ at: 1, amountFen: 500, direction: "in", channel: "salary" }] }).payments // => { at: [1], amountFen: [500], direction: ["in"], channel: ["salary"] }
 */
export function toColumnar(applicant: AnyFormApplicant): AnyFormApplicant {
  const out: Rec = { ...applicant };
  const p = applicant.payments;
  if (Array.isArray(p)) out.payments = columnsOf(p, PAYMENT_FIELDS, PAYMENT_OPTIONAL) as PaymentColumns;
  const d = applicant.devices;
  if (d !== undefined && Array.isArray(d.events))
    out.devices = { ...d, events: columnsOf(d.events, EVENT_FIELDS, EVENT_OPTIONAL) as DeviceEventColumns };
  return out as AnyFormApplicant;
}

/**
 * The same applicant with `payments` and `devices.events` in the row form (`applicantSchema`): the
 * inverse of `toColumnar` (a `null` entry becomes an absent field). Sections already in rows are kept.
 * @param applicant an applicant whose columns are all as long as their `at` column
 * @returns a new plain applicant in the row form
 * @example toRows({ ...applicant, payments: { at: [1], amountFen: [500], direction: ["in"], channel: ["salary"], counterparty: [null] } }).payments // => [{ at: 1, amountFen: 500, direction: "in", channel: "salary" }]
 */
export function toRows(applicant: AnyFormApplicant): Applicant {
  const out: Rec = { ...applicant };
  const p = applicant.payments;
  if (p !== undefined && !Array.isArray(p)) out.payments = rowsOf(p, PAYMENT_FIELDS);
  const d = applicant.devices;
  if (d !== undefined && !Array.isArray(d.events)) out.devices = { ...d, events: rowsOf(d.events, EVENT_FIELDS) };
  return out as Applicant;
}
