import type { AnyFormApplicant, Applicant } from "./applicant";
import { SECTION_FIELDS, type SectionFields } from "./rows/section-rows";

type Rec = Record<string, unknown>;

/** Rows to columns: a required field's column always; an optional one when some row has it, `null` where a row has not. */
function columnsOf(rows: readonly Rec[], f: SectionFields): Rec {
  const out: Rec = {};
  for (const k of f.fields) {
    const optional = f.optional.has(k);
    if (optional && !rows.some((r) => r[k] !== undefined)) continue;
    out[k] = rows.map((r) => (r[k] === undefined && optional ? null : r[k]));
  }
  return out;
}

/** Columns to rows: row i holds entry i of every column, without the `null` entries of optional columns. */
function rowsOf(cols: Rec, f: SectionFields): Rec[] {
  const n = (cols[f.fields[0]!] as readonly unknown[]).length;
  const rows: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const r: Rec = {};
    for (const k of f.fields) {
      const c = cols[k] as readonly unknown[] | undefined;
      if (c !== undefined && c[i] !== null) r[k] = c[i];
    }
    rows.push(r);
  }
  return rows;
}

/** One section in the wanted form: converted when it is in the other form, kept (the same value) otherwise. */
type Convert = (v: unknown, f: SectionFields) => unknown;
const toCols: Convert = (v, f) => (Array.isArray(v) ? columnsOf(v as Rec[], f) : v);
const toRowsOf: Convert = (v, f) => (v !== undefined && v !== null && !Array.isArray(v) ? rowsOf(v as Rec, f) : v);

/** The applicant with every event section passed through `conv` (new objects along the way; the rest shared). */
function convert(applicant: AnyFormApplicant, conv: Convert): Rec {
  const out: Rec = { ...applicant };
  if (applicant.payments !== undefined) out.payments = conv(applicant.payments, SECTION_FIELDS.payments);
  const b = applicant.bureau;
  if (b !== undefined)
    out.bureau = {
      ...b,
      inquiries: conv(b.inquiries, SECTION_FIELDS.inquiries),
      accounts: conv(b.accounts, SECTION_FIELDS.accounts),
      delinquencies: conv(b.delinquencies, SECTION_FIELDS.delinquencies),
    };
  const d = applicant.devices;
  if (d !== undefined) {
    const devices: Rec = { ...d, events: conv(d.events, SECTION_FIELDS.deviceEvents) };
    if (d.records !== undefined) devices.records = conv(d.records, SECTION_FIELDS.deviceRecords);
    out.devices = devices;
  }
  const l = applicant.loans;
  if (l !== undefined)
    out.loans = l.map((loan) => ({
      ...loan,
      installments: conv(loan.installments, SECTION_FIELDS.installments),
      repayments: conv(loan.repayments, SECTION_FIELDS.repayments),
    }));
  return out;
}

/**
 * The same applicant with every event section in the columnar form (`columnarApplicantSchema`):
 * `payments`, `devices.events`, `devices.records`, the bureau's `inquiries`, `accounts` and
 * `delinquencies`, and each loan's `installments` and `repayments` (the loans stay objects). One
 * array per field; an optional field becomes a column only when some row has it, with `null` on
 * the rows that have not. Sections already in columns are kept. For hosts that hold rows and send
 * columns; `decide` never calls it (it reads either form).
 * @param applicant an applicant (validated or not: the shape is not checked here)
 * @returns a new plain applicant (the other parts shared, not copied)
 * @example toColumnar({ ...applicant, payments: [{ at: 1, amountFen: 500, direction: "in", channel: "salary" }] }).payments // => { at: [1], amountFen: [500], direction: ["in"], channel: ["salary"] }
 */
export function toColumnar(applicant: AnyFormApplicant): AnyFormApplicant {
  return convert(applicant, toCols) as AnyFormApplicant;
}

/**
 * The same applicant with every event section in the row form (`applicantSchema`): the inverse of
 * `toColumnar` (a `null` entry becomes an absent field). Sections already in rows are kept.
 * @param applicant an applicant whose columns are all as long as their section's first column
 * @returns a new plain applicant in the row form
 * @example toRows({ ...applicant, payments: { at: [1], amountFen: [500], direction: ["in"], channel: ["salary"], counterparty: [null] } }).payments // => [{ at: 1, amountFen: 500, direction: "in", channel: "salary" }]
 */
export function toRows(applicant: AnyFormApplicant): Applicant {
  return convert(applicant, toRowsOf) as Applicant;
}
