import { z } from "zod";
import {
  BUREAU_ACCOUNT_KINDS,
  DEVICE_EVENT_KINDS,
  INQUIRY_KINDS,
  MERCHANT_CATEGORIES,
  PAYMENT_CHANNELS,
  PRODUCT_TYPES,
  applicantSchema,
  bureauSchema,
  devicesSchema,
  epochMs,
  fen,
  placeCode,
  platformLoanSchema,
  pseudonym,
} from "./applicant";
import { BOUNDS, LIMITS } from "./limits";

/**
 * The columnar request form: an event section sent as one array per field instead of one object
 * per event, `{ payments: { at: [...], amountFen: [...], direction: [...], channel: [...] } }`.
 * Row i of the section is the i-th entry of every column. JSON of this form is about half the size
 * of the row form and parses about twice as fast (no key repeated per event).
 *
 * Which sections have a columnar form (the choice, and why): every event section, that is every
 * array of like records of the applicant.
 * - `payments`, `devices.events`: the long arrays (caps of 100,000 and 20,000 rows in `LIMITS`),
 *   where the request's parse time goes.
 * - `devices.records`, `bureau.inquiries`, `bureau.accounts`, `bureau.delinquencies`: flat tables
 *   of up to 1,000 rows; a host that stores a bureau report by column sends it as it has it.
 * - `loans[i].installments` and `loans[i].repayments`: each loan's events. The loan itself stays a
 *   row object in the `loans` array: it is an entity (an id, a principal, a disbursement date) that
 *   owns two event tables, not a row of a flat table, so `loans` has no columnar form; each loan
 *   may send either of its tables in either form.
 * The applicant's other parts (`identity`, `consent`, `application`, `social`, and the bureau's and
 * loans' own scalar fields) are single objects and have one form.
 *
 * Rules of a columnar section:
 * - the required fields of the row schema are required columns, each an array of the row field's type;
 * - an optional field is an optional column: absent means the field is absent on every row; present,
 *   it is an array whose entries are the field's value or `null`, and `null` means the field is
 *   absent on that row (JSON cannot write `undefined`). A `null` in a required column is rejected;
 * - every column present has as many entries as the section's first column (its first required
 *   field: `at` for payments, device events, inquiries, delinquencies and repayments; `kind` for
 *   accounts; `deviceId` for device records; `dueAt` for installments): a column of another length
 *   is an `inconsistent` issue at `[section..., column]`;
 * - the row count is bounded as the row form is (`LIMITS`): each column over the cap is `too_big`;
 *   a loan needs at least one installment, so each required installment column under 1 entry is
 *   `too_small`;
 * - unknown columns are rejected (`unrecognized_key`), as unknown row fields are.
 * Issues inside a column point at the column and index: `["payments", "amountFen", 12]`,
 * `["loans", 0, "repayments", "at", 3]`.
 *
 * `parseApplicant` decides the form of each section by its JSON type: an array is the row form, an
 * object the columnar form; every section may use its own form. The validated applicant keeps the
 * form each section was sent in (columns are not turned into rows): readers take either form
 * (`rows/section-rows.ts`); `toRows` and `toColumnar` convert a whole applicant.
 */

/**
 * The message of a column whose length differs from the section's first column.
 * @param first the first column's key
 * @returns the message
 * @example columnLengthMessage("at") // => "must have as many items as at"
 */
export const columnLengthMessage = (first: string): string => `must have as many items as ${first}`;
/** The message of a column whose length differs from `at`'s (payments, device events, ...). */
export const COLUMN_LENGTH_MESSAGE = columnLengthMessage("at");

/** A column of `min` (default 0) to `cap` entries, each `item` (zod checks min, then max). */
const column = <T extends z.ZodType>(item: T, cap: number, min = 0) =>
  (min > 0 ? z.array(item).min(min) : z.array(item)).max(cap);
/** An optional column: absent, or `cap` entries at most, each `item` or `null`. */
const optionalColumn = <T extends z.ZodType>(item: T, cap: number) => z.array(item.nullable()).max(cap).optional();

/**
 * The equal-length rule of a columns object whose first column is `first`: each array column of
 * another length is an `inconsistent` issue at its key (zod runs it only when nothing inside aborted).
 */
const sameLength =
  (first: string) =>
  (v: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const n = (v[first] as readonly unknown[]).length;
    for (const k in v) {
      const c = v[k];
      if (Array.isArray(c) && c.length !== n)
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: columnLengthMessage(first),
          params: { code: "inconsistent" },
        });
    }
  };

/**
 * The columnar form of `payments` (see the module notes): one array per `paymentEventSchema` field.
 * @example paymentColumnsSchema.safeParse({ at: [0], amountFen: [100], direction: ["in"], channel: ["salary"], counterparty: [null] }).success // => true
 */
export const paymentColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.payments),
    amountFen: column(fen, LIMITS.payments),
    direction: column(z.enum(["in", "out"]), LIMITS.payments),
    channel: column(z.enum(PAYMENT_CHANNELS), LIMITS.payments),
    counterparty: optionalColumn(pseudonym, LIMITS.payments),
    merchantCategory: optionalColumn(z.enum(MERCHANT_CATEGORIES), LIMITS.payments),
  })
  .superRefine(sameLength("at"));

const latitude = z.number().min(BOUNDS.latitude.min).max(BOUNDS.latitude.max);
const longitude = z.number().min(BOUNDS.longitude.min).max(BOUNDS.longitude.max);

/**
 * The columnar form of `devices.events` (see the module notes): one array per `deviceEventSchema` field.
 * @example deviceEventColumnsSchema.safeParse({ at: [0, 1], kind: ["login"], deviceId: ["d1", "d1"] }).success // => false (kind has 1 item, at 2)
 */
export const deviceEventColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.deviceEvents),
    kind: column(z.enum(DEVICE_EVENT_KINDS), LIMITS.deviceEvents),
    deviceId: column(pseudonym, LIMITS.deviceEvents),
    ipHash: optionalColumn(pseudonym, LIMITS.deviceEvents),
    lat: optionalColumn(latitude, LIMITS.deviceEvents),
    lon: optionalColumn(longitude, LIMITS.deviceEvents),
    cityCode: optionalColumn(placeCode, LIMITS.deviceEvents),
  })
  .superRefine(sameLength("at"));

/**
 * The columnar form of `devices.records` (see the module notes): one array per `deviceRecordSchema` field.
 * @example deviceRecordColumnsSchema.safeParse({ deviceId: ["d1"], firstSeenAt: [0], accountCount: [1] }).success // => true
 */
export const deviceRecordColumnsSchema = z
  .strictObject({
    deviceId: column(pseudonym, LIMITS.deviceRecords),
    firstSeenAt: column(epochMs, LIMITS.deviceRecords),
    accountCount: column(
      z.int().min(BOUNDS.deviceAccountCount.min).max(BOUNDS.deviceAccountCount.max),
      LIMITS.deviceRecords,
    ),
  })
  .superRefine(sameLength("deviceId"));

/**
 * The columnar form of `bureau.inquiries` (see the module notes): one array per `bureauInquirySchema` field.
 * @example bureauInquiryColumnsSchema.safeParse({ at: [0], kind: ["loan_application"], lenderId: [null] }).success // => true
 */
export const bureauInquiryColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.bureauInquiries),
    kind: column(z.enum(INQUIRY_KINDS), LIMITS.bureauInquiries),
    lenderId: optionalColumn(pseudonym, LIMITS.bureauInquiries),
    productType: optionalColumn(z.enum(PRODUCT_TYPES), LIMITS.bureauInquiries),
  })
  .superRefine(sameLength("at"));

/**
 * The columnar form of `bureau.accounts` (see the module notes): one array per `bureauAccountSchema`
 * field; the row count is the length of `kind`, the first field.
 * @example bureauAccountColumnsSchema.safeParse({ kind: ["credit_card"], openedAt: [0], balanceFen: [0], worstDaysPastDue: [] }).success // => false (worstDaysPastDue has 0 items, kind 1)
 */
export const bureauAccountColumnsSchema = z
  .strictObject({
    kind: column(z.enum(BUREAU_ACCOUNT_KINDS), LIMITS.bureauAccounts),
    openedAt: column(epochMs, LIMITS.bureauAccounts),
    closedAt: optionalColumn(epochMs, LIMITS.bureauAccounts),
    limitFen: optionalColumn(fen, LIMITS.bureauAccounts),
    balanceFen: column(fen, LIMITS.bureauAccounts),
    monthlyPaymentFen: optionalColumn(fen, LIMITS.bureauAccounts),
    worstDaysPastDue: column(
      z.int().min(BOUNDS.worstDaysPastDue.min).max(BOUNDS.worstDaysPastDue.max),
      LIMITS.bureauAccounts,
    ),
    lenderId: optionalColumn(pseudonym, LIMITS.bureauAccounts),
    productType: optionalColumn(z.enum(PRODUCT_TYPES), LIMITS.bureauAccounts),
  })
  .superRefine(sameLength("kind"));

/**
 * The columnar form of `bureau.delinquencies` (see the module notes): one array per `bureauDelinquencySchema` field.
 * @example bureauDelinquencyColumnsSchema.safeParse({ at: [0], daysPastDue: [0] }).success // => false (at least 1 day past due)
 */
export const bureauDelinquencyColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.bureauDelinquencies),
    daysPastDue: column(z.int().min(BOUNDS.daysPastDue.min).max(BOUNDS.daysPastDue.max), LIMITS.bureauDelinquencies),
    amountFen: optionalColumn(fen, LIMITS.bureauDelinquencies),
  })
  .superRefine(sameLength("at"));

/**
 * The columnar form of a loan's `installments` (see the module notes): one array per
 * `installmentSchema` field, at least one row as in the row form.
 * @example installmentColumnsSchema.safeParse({ dueAt: [], amountFen: [] }).success // => false (at least one installment)
 */
export const installmentColumnsSchema = z
  .strictObject({
    // min before max, as the row form's installments and the fast path's length checks report them
    dueAt: column(epochMs, LIMITS.installments, 1),
    amountFen: column(fen, LIMITS.installments, 1),
  })
  .superRefine(sameLength("dueAt"));

/**
 * The columnar form of a loan's `repayments` (see the module notes): one array per `repaymentSchema` field.
 * @example repaymentColumnsSchema.safeParse({ at: [1, 2], amountFen: [5, 5] }).success // => true
 */
export const repaymentColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.repayments),
    amountFen: column(fen, LIMITS.repayments),
  })
  .superRefine(sameLength("at"));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const pick = (cols: boolean, columnar: z.ZodType, rows: z.ZodType): z.ZodType => (cols ? columnar : rows);
const bureauShape = bureauSchema.shape;
const devicesShape = devicesSchema.shape;
const loanShape = platformLoanSchema.shape;

/** A loan with its installments and repayments each in the form `form` says (bit 1: installments, bit 2: repayments in columns). */
const loanSchemaOf = (form: number) =>
  platformLoanSchema.extend({
    installments: pick((form & 1) !== 0, installmentColumnsSchema, loanShape.installments),
    repayments: pick((form & 2) !== 0, repaymentColumnsSchema, loanShape.repayments),
  });
const LOAN_SCHEMAS = [0, 1, 2, 3].map(loanSchemaOf);

/**
 * The applicant with every sections' columnar form given by `mask` (bits: payments, device events,
 * device records, inquiries, accounts, delinquencies) and `loans` as given.
 */
function schemaOf(mask: number, loans: z.ZodType) {
  const bit = (b: number): boolean => (mask & (1 << b)) !== 0;
  return applicantSchema.extend({
    payments: pick(bit(0), paymentColumnsSchema.optional(), applicantSchema.shape.payments),
    bureau: bureauSchema
      .extend({
        inquiries: pick(bit(3), bureauInquiryColumnsSchema, bureauShape.inquiries),
        accounts: pick(bit(4), bureauAccountColumnsSchema, bureauShape.accounts),
        delinquencies: pick(bit(5), bureauDelinquencyColumnsSchema, bureauShape.delinquencies),
      })
      .optional(),
    devices: devicesSchema
      .extend({
        events: pick(bit(1), deviceEventColumnsSchema, devicesShape.events),
        records: pick(bit(2), deviceRecordColumnsSchema.optional(), devicesShape.records),
      })
      .optional(),
    loans,
  });
}

/**
 * The applicant with every event section in the columnar form (every other part as in
 * `applicantSchema`, each loan a row object with its installments and repayments as columns).
 * `parseApplicant` also accepts each section in the row form.
 * @example columnarApplicantSchema.safeParse(toColumnar(applicant)).success // => true
 */
export const columnarApplicantSchema = applicantSchema.extend({
  payments: paymentColumnsSchema.optional(),
  bureau: bureauSchema
    .extend({
      inquiries: bureauInquiryColumnsSchema,
      accounts: bureauAccountColumnsSchema,
      delinquencies: bureauDelinquencyColumnsSchema,
    })
    .optional(),
  devices: devicesSchema
    .extend({ events: deviceEventColumnsSchema, records: deviceRecordColumnsSchema.optional() })
    .optional(),
  loans: z
    .array(platformLoanSchema.extend({ installments: installmentColumnsSchema, repayments: repaymentColumnsSchema }))
    .max(LIMITS.loans)
    .optional(),
});

/** Built schemas by section-form key (at most 64 masks x 4 uniform loan forms). */
const schemaCache = new Map<string, z.ZodType>();

/** The form bits of a loan (see `loanSchemaOf`); not an object counts as rows (and is rejected as such). */
const loanForm = (l: unknown): number =>
  isPlainObject(l) ? (isPlainObject(l.installments) ? 1 : 0) | (isPlainObject(l.repayments) ? 2 : 0) : 0;

/**
 * The zod schema an input is checked against, section by section: each event section in the
 * columnar form when it is an object, in the row form otherwise (so a value of neither kind gets
 * the row form's "expected array"); each loan's installments and repayments likewise.
 * @param input anything
 * @returns `applicantSchema`, `columnarApplicantSchema` or the mix of the two the input's forms ask for
 * @example applicantSchemaFor({ payments: [] }) === applicantSchema // => true
 * @internal
 */
export function applicantSchemaFor(input: unknown): z.ZodType {
  if (!isPlainObject(input)) return applicantSchema;
  const o = input;
  const d = isPlainObject(o.devices) ? o.devices : undefined;
  const b = isPlainObject(o.bureau) ? o.bureau : undefined;
  const mask =
    (isPlainObject(o.payments) ? 1 : 0) |
    (d !== undefined && isPlainObject(d.events) ? 2 : 0) |
    (d !== undefined && isPlainObject(d.records) ? 4 : 0) |
    (b !== undefined && isPlainObject(b.inquiries) ? 8 : 0) |
    (b !== undefined && isPlainObject(b.accounts) ? 16 : 0) |
    (b !== undefined && isPlainObject(b.delinquencies) ? 32 : 0);
  const l = o.loans;
  const forms = Array.isArray(l) && l.length <= LIMITS.loans ? l.map(loanForm) : [];
  const uniform = forms.every((f) => f === forms[0]);
  if (mask === 0 && forms.every((f) => f === 0)) return applicantSchema;
  if (!uniform) {
    // Loans in different forms: a tuple of each loan's schema (the array is within its cap).
    const tuple = z.tuple(forms.map((f) => LOAN_SCHEMAS[f]!) as unknown as [z.ZodType, ...z.ZodType[]]).optional();
    return schemaOf(mask, tuple);
  }
  const lf = forms[0] ?? 0;
  const key = `${mask}/${lf}`;
  let s = schemaCache.get(key);
  if (s === undefined) {
    s = schemaOf(mask, z.array(LOAN_SCHEMAS[lf]!).max(LIMITS.loans).optional());
    schemaCache.set(key, s);
  }
  return s;
}

/** Payments in the columnar form, as validated. */
export type PaymentColumns = z.infer<typeof paymentColumnsSchema>;
/** Device events in the columnar form, as validated. */
export type DeviceEventColumns = z.infer<typeof deviceEventColumnsSchema>;
/** Device records in the columnar form, as validated. */
export type DeviceRecordColumns = z.infer<typeof deviceRecordColumnsSchema>;
/** Bureau inquiries in the columnar form, as validated. */
export type BureauInquiryColumns = z.infer<typeof bureauInquiryColumnsSchema>;
/** Bureau accounts in the columnar form, as validated. */
export type BureauAccountColumns = z.infer<typeof bureauAccountColumnsSchema>;
/** Bureau delinquencies in the columnar form, as validated. */
export type BureauDelinquencyColumns = z.infer<typeof bureauDelinquencyColumnsSchema>;
/** A loan's installments in the columnar form, as validated. */
export type InstallmentColumns = z.infer<typeof installmentColumnsSchema>;
/** A loan's repayments in the columnar form, as validated. */
export type RepaymentColumns = z.infer<typeof repaymentColumnsSchema>;
