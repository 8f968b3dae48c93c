/**
 * The fields of every section that has a columnar form (see `columnar.ts`), and the one reader that
 * gives row i of a validated section in either form, so each consumer keeps a single loop.
 * @internal
 */

/** The fields of one columnar section, in schema order (the first is the row count), and its optional ones. */
export interface SectionFields {
  readonly fields: readonly string[];
  readonly optional: ReadonlySet<string>;
}

const section = (fields: readonly string[], optional: readonly string[]): SectionFields =>
  Object.freeze({ fields: Object.freeze([...fields]), optional: new Set(optional) });

/**
 * The fields of each section with a columnar form, in the order of its row schema; the first field
 * is a required one and sets the row count. The zod schemas of `columnar.ts` have exactly these
 * columns (checked by a test).
 * @example SECTION_FIELDS.installments.fields // => ["dueAt", "amountFen"]
 * @internal
 */
export const SECTION_FIELDS = Object.freeze({
  payments: section(
    ["at", "amountFen", "direction", "channel", "counterparty", "merchantCategory"],
    ["counterparty", "merchantCategory"],
  ),
  deviceEvents: section(
    ["at", "kind", "deviceId", "ipHash", "lat", "lon", "cityCode"],
    ["ipHash", "lat", "lon", "cityCode"],
  ),
  deviceRecords: section(["deviceId", "firstSeenAt", "accountCount"], []),
  inquiries: section(["at", "kind", "lenderId", "productType"], ["lenderId", "productType"]),
  accounts: section(
    [
      "kind",
      "openedAt",
      "closedAt",
      "limitFen",
      "balanceFen",
      "monthlyPaymentFen",
      "worstDaysPastDue",
      "lenderId",
      "productType",
    ],
    ["closedAt", "limitFen", "monthlyPaymentFen", "lenderId", "productType"],
  ),
  delinquencies: section(["at", "daysPastDue", "amountFen"], ["amountFen"]),
  installments: section(["dueAt", "amountFen"], []),
  repayments: section(["at", "amountFen"], []),
});

/** A validated section in the columnar form: field -> column (`null` entries = absent on that row). */
export type SectionColumns = Readonly<Record<string, readonly unknown[] | undefined>>;

/**
 * The number of rows of a validated section in either form: the array's length, or the length of
 * the first column (every column is as long, `parseApplicant` checked it).
 * @param s the section: an array of rows or an object of columns
 * @param f the section's fields (`SECTION_FIELDS`)
 * @returns the row count
 * @example rowCount({ dueAt: [1, 2], amountFen: [5, 5] }, SECTION_FIELDS.installments) // => 2
 * @internal
 */
export function rowCount(s: readonly unknown[] | object, f: SectionFields): number {
  if (Array.isArray(s)) return s.length;
  return ((s as SectionColumns)[f.fields[0]!] as readonly unknown[]).length;
}

/**
 * Row i of a validated section in either form, without building a row per call: the row object
 * itself in the row form; in the columnar form, `scratch` filled with entry i of every column
 * (`null` entries and absent columns give undefined, as an absent field does), so a reader reads
 * the same values from both. The scratch is overwritten by the next call: read it before then.
 * @param s the section: an array of rows or an object of columns
 * @param i the row index, below `rowCount(s, f)`
 * @param f the section's fields (`SECTION_FIELDS`)
 * @param scratch a plain object owned by the caller (only written in the columnar form)
 * @returns the row, typed as the caller's row type
 * @example rowAt({ at: [7], amountFen: [5] }, 0, SECTION_FIELDS.repayments, {}) // => { at: 7, amountFen: 5 }
 * @internal
 */
export function rowAt<R>(s: readonly R[] | object, i: number, f: SectionFields, scratch: Record<string, unknown>): R {
  if (Array.isArray(s)) return s[i] as R;
  const cols = s as SectionColumns;
  const fields = f.fields;
  for (let k = 0; k < fields.length; k++) {
    const key = fields[k]!;
    const c = cols[key];
    const x = c === undefined ? undefined : c[i];
    scratch[key] = x === null ? undefined : x;
  }
  return scratch as R;
}

const NO_SCRATCH: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * The scratch row `rowAt` needs for a section: a fresh object for the columnar form (one per call
 * of the reader, not per row, and dropped with it), a shared empty one for the row form (never written).
 * @param s the section in either form
 * @returns the scratch to pass to `rowAt`
 * @example Object.isFrozen(scratchFor([])) // => true (the row form writes nothing)
 * @internal
 */
export function scratchFor(s: readonly unknown[] | object): Record<string, unknown> {
  return Array.isArray(s) ? NO_SCRATCH : {};
}
