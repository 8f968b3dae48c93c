import {
  BUREAU_ACCOUNT_KINDS,
  DEVICE_EVENT_KINDS,
  INQUIRY_KINDS,
  MERCHANT_CATEGORIES,
  PAYMENT_CHANNELS,
  PRODUCT_TYPES,
} from "../schema/applicant";
import type { AnyFormApplicant } from "../schema/applicant";

/**
 * The event arrays a declarative feature can aggregate over.
 * @example SOURCE_NAMES.includes("payments") // => true
 */
export const SOURCE_NAMES = [
  "payments",
  "deviceEvents",
  "deviceRecords",
  "inquiries",
  "accounts",
  "delinquencies",
  "loans",
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** The applicant section a feature reads (used for docs and for missing-section policies). */
export type Section = "identity" | "application" | "payments" | "bureau" | "social" | "devices" | "loans";

/**
 * Per-event scratch filled by a source's reader: enum indices (0 = field absent, i + 1 = the
 * i-th allowed value), numbers (`NaN` = absent), strings (`undefined` = absent) and, for bureau
 * accounts, whether the account is open as of `asOf`. One scratch is reused for every event.
 */
export interface RowScratch {
  readonly e: Int32Array;
  readonly n: Float64Array;
  readonly s: (string | undefined)[];
  open: boolean;
}

/** How one event array is read: its fields and a reader that fills a scratch without allocating. */
export interface SourceDef {
  readonly name: SourceName;
  readonly section: Section;
  /** The field holding the event's time (filtered against `asOf` and windows). */
  readonly timeField: string;
  /** Closed-enumeration fields usable in `where.in`, in scratch order. */
  readonly enums: readonly { readonly field: string; readonly values: readonly string[] }[];
  /** Numeric fields usable in `field`, `where.gte`, `where.lte`, `where.present`, in scratch order. */
  readonly nums: readonly string[];
  /** String fields usable by `distinct`, in scratch order. */
  readonly strs: readonly string[];
  /** Whether `where.open` applies (bureau accounts). */
  readonly hasOpen: boolean;
  /**
   * The rows, or `undefined` when the section is absent (features from it are then missing). The
   * sources with a columnar form (every one but `loans`) give their columns object as it was
   * validated when the applicant was sent in that form (`Array.isArray` tells which); `runPass`
   * reads those columns directly.
   */
  readonly rows: (a: AnyFormApplicant) => readonly unknown[] | EventColumns | undefined;
  /** Fills the scratch from one row (of the row form, or `rowAt`'s view of row i of columns) and returns its time. */
  readonly read: (row: unknown, asOf: number, sc: RowScratch) => number;
}

/** A validated columnar event section (`paymentColumnsSchema`, `bureauInquiryColumnsSchema`, ...): field -> column. */
export type EventColumns = Readonly<Record<string, readonly unknown[] | undefined>>;

/**
 * Enumeration value -> index + 1 (0 is kept for "absent"), as a prototype-free object: a keyed
 * property load is cheaper than `Map.get` on the per-event path.
 */
function indexer(values: readonly string[]): Readonly<Record<string, number>> {
  const m: Record<string, number> = Object.create(null);
  values.forEach((v, i) => {
    m[v] = i + 1;
  });
  return m;
}

const DIRECTIONS = ["in", "out"] as const;
/**
 * @internal
 * @example dirIx.out // => 2 (index + 1; 0 is "absent")
 */
export const dirIx = indexer(DIRECTIONS);
/**
 * @internal
 * @example chIx[PAYMENT_CHANNELS[0]] // => 1
 */
export const chIx = indexer(PAYMENT_CHANNELS);
/**
 * @internal
 * @example catIx[MERCHANT_CATEGORIES[0]] // => 1
 */
export const catIx = indexer(MERCHANT_CATEGORIES);
/**
 * @internal
 * @example devKindIx[DEVICE_EVENT_KINDS[0]] // => 1
 */
export const devKindIx = indexer(DEVICE_EVENT_KINDS);
const inqIx = indexer(INQUIRY_KINDS);
const accIx = indexer(BUREAU_ACCOUNT_KINDS);
const productIx = indexer(PRODUCT_TYPES);

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === undefined ? Number.NaN : (v as number));

const payments: SourceDef = {
  name: "payments",
  section: "payments",
  timeField: "at",
  enums: [
    { field: "direction", values: DIRECTIONS },
    { field: "channel", values: PAYMENT_CHANNELS },
    { field: "merchantCategory", values: MERCHANT_CATEGORIES },
  ],
  nums: ["amountFen"],
  strs: ["counterparty"],
  hasOpen: false,
  rows: (a) => a.payments as readonly unknown[] | EventColumns | undefined,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.e[0] = dirIx[r.direction as string] ?? 0;
    sc.e[1] = chIx[r.channel as string] ?? 0;
    const c = r.merchantCategory;
    sc.e[2] = c === undefined ? 0 : (catIx[c as string] ?? 0);
    sc.n[0] = r.amountFen as number;
    sc.s[0] = r.counterparty as string | undefined;
    return r.at as number;
  },
};

const deviceEvents: SourceDef = {
  name: "deviceEvents",
  section: "devices",
  timeField: "at",
  enums: [{ field: "kind", values: DEVICE_EVENT_KINDS }],
  nums: [],
  strs: ["deviceId", "ipHash", "cityCode"],
  hasOpen: false,
  rows: (a) => a.devices?.events as readonly unknown[] | EventColumns | undefined,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.e[0] = devKindIx[r.kind as string] ?? 0;
    sc.s[0] = r.deviceId as string;
    sc.s[1] = r.ipHash as string | undefined;
    sc.s[2] = r.cityCode as string | undefined;
    return r.at as number;
  },
};

const deviceRecords: SourceDef = {
  name: "deviceRecords",
  section: "devices",
  timeField: "firstSeenAt",
  enums: [],
  nums: ["accountCount"],
  strs: ["deviceId"],
  hasOpen: false,
  rows: (a) => a.devices?.records as readonly unknown[] | EventColumns | undefined,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.n[0] = r.accountCount as number;
    sc.s[0] = r.deviceId as string;
    return r.firstSeenAt as number;
  },
};

const inquiries: SourceDef = {
  name: "inquiries",
  section: "bureau",
  timeField: "at",
  enums: [
    { field: "kind", values: INQUIRY_KINDS },
    { field: "productType", values: PRODUCT_TYPES },
  ],
  nums: [],
  strs: ["lenderId"],
  hasOpen: false,
  rows: (a) => a.bureau?.inquiries as readonly unknown[] | EventColumns | undefined,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.e[0] = inqIx[r.kind as string] ?? 0;
    const p = r.productType;
    sc.e[1] = p === undefined ? 0 : (productIx[p as string] ?? 0);
    sc.s[0] = r.lenderId as string | undefined;
    return r.at as number;
  },
};

const accounts: SourceDef = {
  name: "accounts",
  section: "bureau",
  timeField: "openedAt",
  enums: [
    { field: "kind", values: BUREAU_ACCOUNT_KINDS },
    { field: "productType", values: PRODUCT_TYPES },
  ],
  nums: ["limitFen", "balanceFen", "monthlyPaymentFen", "worstDaysPastDue"],
  strs: ["lenderId"],
  hasOpen: true,
  rows: (a) => a.bureau?.accounts as readonly unknown[] | EventColumns | undefined,
  read: (row, asOf, sc) => {
    const r = row as Row;
    sc.e[0] = accIx[r.kind as string] ?? 0;
    const p = r.productType;
    sc.e[1] = p === undefined ? 0 : (productIx[p as string] ?? 0);
    sc.s[0] = r.lenderId as string | undefined;
    sc.n[0] = num(r.limitFen);
    sc.n[1] = r.balanceFen as number;
    sc.n[2] = num(r.monthlyPaymentFen);
    sc.n[3] = r.worstDaysPastDue as number;
    const closed = r.closedAt;
    sc.open = closed === undefined || (closed as number) > asOf;
    return r.openedAt as number;
  },
};

const delinquencies: SourceDef = {
  name: "delinquencies",
  section: "bureau",
  timeField: "at",
  enums: [],
  nums: ["daysPastDue", "amountFen"],
  strs: [],
  hasOpen: false,
  rows: (a) => a.bureau?.delinquencies as readonly unknown[] | EventColumns | undefined,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.n[0] = r.daysPastDue as number;
    sc.n[1] = num(r.amountFen);
    return r.at as number;
  },
};

const loans: SourceDef = {
  name: "loans",
  section: "loans",
  timeField: "disbursedAt",
  enums: [],
  nums: ["principalFen"],
  strs: ["loanId"],
  hasOpen: false,
  rows: (a) => a.loans,
  read: (row, _asOf, sc) => {
    const r = row as Row;
    sc.n[0] = r.principalFen as number;
    sc.s[0] = r.loanId as string;
    return r.disbursedAt as number;
  },
};

/**
 * Every source by name.
 * @example Object.keys(SOURCES).length === SOURCE_NAMES.length // => true
 */
export const SOURCES: Readonly<Record<SourceName, SourceDef>> = Object.freeze({
  payments,
  deviceEvents,
  deviceRecords,
  inquiries,
  accounts,
  delinquencies,
  loans,
});

/**
 * Sizes of the scratch arrays: the most fields of each kind any source has.
 * @example SCRATCH_SIZES // => { e: 3, n: 4, s: 3 }
 */
export const SCRATCH_SIZES = Object.freeze({ e: 3, n: 4, s: 3 });

/**
 * Makes a scratch large enough for every source.
 * @returns a fresh scratch
 * @example newScratch().e.length // => 3
 */
export function newScratch(): RowScratch {
  return {
    e: new Int32Array(SCRATCH_SIZES.e),
    n: new Float64Array(SCRATCH_SIZES.n),
    s: new Array<string | undefined>(SCRATCH_SIZES.s).fill(undefined),
    open: false,
  };
}
