import { z } from "zod";
import {
  DEVICE_EVENT_KINDS,
  MERCHANT_CATEGORIES,
  PAYMENT_CHANNELS,
  applicantSchema,
  devicesSchema,
  epochMs,
  fen,
  placeCode,
  pseudonym,
} from "./applicant";
import { BOUNDS, LIMITS } from "./limits";

/**
 * The columnar request form: an event section sent as one array per field instead of one object
 * per event, `{ payments: { at: [...], amountFen: [...], direction: [...], channel: [...] } }`.
 * Row i of the section is the i-th entry of every column. JSON of this form is about half the size
 * of the row form and parses about twice as fast (no key repeated per event).
 *
 * Which sections have a columnar form (the choice, and why):
 * - `payments` and `devices.events`: yes. They are the long arrays (caps of 100,000 and 20,000 rows
 *   in `LIMITS`), flat, and where the request's parse time goes.
 * - `devices.records`, `bureau.inquiries`, `bureau.accounts`, `bureau.delinquencies`: no. Their caps
 *   are 1,000 rows, a bureau report or device list is typically a few dozen rows, and they are read
 *   by several consumers (limits `bureauRefresh` shares the inquiry shape) that would each need a
 *   second reader for no measurable gain.
 * - `loans`: no. A loan nests its own `installments` and `repayments` arrays, so it is not a flat
 *   table; its sub-arrays are capped at 360 and 2,000 rows.
 *
 * Rules of a columnar section:
 * - the required fields of the row schema are required columns, each an array of the row field's type;
 * - an optional field is an optional column: absent means the field is absent on every row; present,
 *   it is an array whose entries are the field's value or `null`, and `null` means the field is
 *   absent on that row (JSON cannot write `undefined`). A `null` in a required column is rejected;
 * - every column present has as many entries as `at` (the row count): a column of another length is
 *   an `inconsistent` issue at `[section..., column]`;
 * - the row count is capped as the row form is (`LIMITS`): each column over the cap is `too_big`;
 * - unknown columns are rejected (`unrecognized_key`), as unknown row fields are.
 * Issues inside a column point at the column and index: `["payments", "amountFen", 12]`.
 *
 * `parseApplicant` decides the form of each of these sections by its JSON type: an array is the row
 * form, an object the columnar form; the two sections may use different forms. The validated
 * applicant keeps the form it was sent in (columns are not turned into rows).
 */

/** The message of a column whose length differs from `at`'s. */
export const COLUMN_LENGTH_MESSAGE = "must have as many items as at";

/** A column of `cap` entries at most, each `item`. */
const column = <T extends z.ZodType>(item: T, cap: number) => z.array(item).max(cap);

/**
 * Adds the equal-length rule to a columns object: each array column of another length than `at`
 * is an `inconsistent` issue at its key (zod runs it only when nothing inside aborted).
 */
function sameLength(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const n = (v.at as readonly unknown[]).length;
  for (const k in v) {
    const c = v[k];
    if (Array.isArray(c) && c.length !== n)
      ctx.addIssue({ code: "custom", path: [k], message: COLUMN_LENGTH_MESSAGE, params: { code: "inconsistent" } });
  }
}

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
    counterparty: column(pseudonym.nullable(), LIMITS.payments).optional(),
    merchantCategory: column(z.enum(MERCHANT_CATEGORIES).nullable(), LIMITS.payments).optional(),
  })
  .superRefine(sameLength);

/**
 * The columnar form of `devices.events` (see the module notes): one array per `deviceEventSchema` field.
 * @example deviceEventColumnsSchema.safeParse({ at: [0, 1], kind: ["login"], deviceId: ["d1", "d1"] }).success // => false (kind has 1 item, at 2)
 */
export const deviceEventColumnsSchema = z
  .strictObject({
    at: column(epochMs, LIMITS.deviceEvents),
    kind: column(z.enum(DEVICE_EVENT_KINDS), LIMITS.deviceEvents),
    deviceId: column(pseudonym, LIMITS.deviceEvents),
    ipHash: column(pseudonym.nullable(), LIMITS.deviceEvents).optional(),
    lat: column(
      z.number().min(BOUNDS.latitude.min).max(BOUNDS.latitude.max).nullable(),
      LIMITS.deviceEvents,
    ).optional(),
    lon: column(
      z.number().min(BOUNDS.longitude.min).max(BOUNDS.longitude.max).nullable(),
      LIMITS.deviceEvents,
    ).optional(),
    cityCode: column(placeCode.nullable(), LIMITS.deviceEvents).optional(),
  })
  .superRefine(sameLength);

const columnarDevicesSchema = devicesSchema.extend({ events: deviceEventColumnsSchema });

/**
 * The applicant with `payments` and `devices.events` in the columnar form (every other section as
 * in `applicantSchema`). `parseApplicant` also accepts either section in the row form.
 * @example columnarApplicantSchema.safeParse(toColumnar(applicant)).success // => true
 */
export const columnarApplicantSchema = applicantSchema.extend({
  payments: paymentColumnsSchema.optional(),
  devices: columnarDevicesSchema.optional(),
});

const paymentsColumnarOnly = applicantSchema.extend({ payments: paymentColumnsSchema.optional() });
const eventsColumnarOnly = applicantSchema.extend({ devices: columnarDevicesSchema.optional() });

const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The zod schema an input is checked against, section by section: `payments` and `devices.events`
 * in the columnar form when they are objects, in the row form otherwise (so a value of neither kind
 * gets the row form's "expected array").
 * @param input anything
 * @returns one of `applicantSchema`, `columnarApplicantSchema` or a mix of the two
 * @example applicantSchemaFor({ payments: [] }) === applicantSchema // => true
 * @internal
 */
export function applicantSchemaFor(input: unknown): z.ZodType {
  if (!isPlainObject(input)) return applicantSchema;
  const o = input as Record<string, unknown>;
  const cols = isPlainObject(o.payments);
  const d = o.devices;
  const evCols = isPlainObject(d) && isPlainObject((d as Record<string, unknown>).events);
  if (cols) return evCols ? columnarApplicantSchema : paymentsColumnarOnly;
  return evCols ? eventsColumnarOnly : applicantSchema;
}

/** Payments in the columnar form, as validated. */
export type PaymentColumns = z.infer<typeof paymentColumnsSchema>;
/** Device events in the columnar form, as validated. */
export type DeviceEventColumns = z.infer<typeof deviceEventColumnsSchema>;
