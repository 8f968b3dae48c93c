/**
 * The snapshot that `parseApplicantFast` validates: a copy of the input made of fresh plain
 * objects and arrays, built by reading every value the contract looks at exactly once. Getters
 * and Proxies run here and nowhere else, so what is validated is what is used afterwards. Every
 * copied object and array is frozen as it is built, so the validated copy can be handed out
 * (`parseApplicant`) and nothing can change it later. (Always frozen, also inside `decide`: one
 * set of object shapes for the feature code to read; mixing frozen and unfrozen copies of the
 * same kinds made `decide` slower on Node 20.)
 *
 * The copy follows the shape of `applicantSchema` to its fixed depth (root, sections, event
 * arrays, loan sub-arrays). For each object, the schema's keys are read (`o[key]`, as zod reads
 * them, so an inherited or non-enumerable field counts) and copied when not undefined; a key that
 * `for...in` lists but the schema does not know is copied as an own key holding undefined, so
 * validation reports it in the same order without its value ever being read. Values of the wrong
 * kind (an array where an object is expected, ...) are kept as they are, and validation rejects
 * them reading nothing but their type and `length`. An array longer than its cap in `LIMITS` is not
 * copied: a sparse array of length cap + 1 stands in for it, so validation reports the same
 * `too_big` issue without reading its elements. An event section sent as an object (`payments`,
 * `devices.events`, `devices.records`, the bureau's three tables, a loan's installments and
 * repayments) is the columnar form (`../columnar.ts`): each column is copied into a fresh frozen
 * array of the same entries (`copyColumns`), so the copy keeps the form and no row object is built;
 * each column is checked while it is copied, and an ordinary-array copy of its entries is attached
 * for the hot passes (`../readable-columns/internal.ts`).
 * @internal
 */
import { LIMITS } from "../limits";
import { keepReadable } from "../readable-columns/internal";
import {
  CHECKED_DEVICE_EVENT_COLUMNS,
  CHECKED_DEVICE_EVENTS,
  CHECKED_PAYMENT_COLUMNS,
  CHECKED_PAYMENTS,
  type Checked,
  isObject,
} from "./context";
import {
  ACC_KEYS,
  APPLICANT_KEYS,
  APPLICATION_KEYS,
  BUREAU_KEYS,
  CONSENT_KEYS,
  PURPOSES_KEYS,
  DEL_KEYS,
  DEVICES_KEYS,
  EVENT_KEYS,
  IDENTITY_KEYS,
  INQ_KEYS,
  INST_KEYS,
  LOAN_KEYS,
  PAYMENT_KEYS,
  RECORD_KEYS,
  REP_KEYS,
  SOCIAL_KEYS,
} from "./sections";
import {
  ACCOUNT_COLUMNS as ACCOUNT_CHECKS,
  type ColumnsDef as ColumnChecks,
  DELINQUENCY_COLUMNS as DELINQUENCY_CHECKS,
  DEVICE_EVENT_COLUMNS as DEVICE_EVENT_CHECKS,
  DEVICE_RECORD_COLUMNS as DEVICE_RECORD_CHECKS,
  INQUIRY_COLUMNS as INQUIRY_CHECKS,
  INSTALLMENT_COLUMNS as INSTALLMENT_CHECKS,
  PAYMENT_COLUMNS as PAYMENT_CHECKS,
  copyChecked,
  REPAYMENT_COLUMNS as REPAYMENT_CHECKS,
} from "./columns";
import {
  readApplicant,
  readApplication,
  readBureau,
  readConsent,
  readDevices,
  readIdentity,
  readKnown,
  readLoan,
  readSocial,
} from "./section-copies";
import { deviceEventKey, deviceEventValues, paymentKey, paymentValues } from "./valid";

type Rec = Record<string, unknown>;

/**
 * A kind of object: its schema keys, as a list (read in this order) and a set, and the reader that
 * copies its defined schema fields (`readKnown` with `keys`, or a named-field twin of it).
 */
interface Kind {
  readonly keys: readonly string[];
  readonly known: ReadonlySet<string>;
  readonly read: (o: Rec) => Rec;
}
const kind = (known: ReadonlySet<string>, read?: (o: Rec) => Rec): Kind => {
  const keys = [...known];
  return { keys, known, read: read ?? ((o) => readKnown(o, keys)) };
};

const ROOT = kind(APPLICANT_KEYS, readApplicant);
const IDENTITY = kind(IDENTITY_KEYS, readIdentity);
const CONSENT = kind(CONSENT_KEYS, readConsent);
const PURPOSES = kind(PURPOSES_KEYS);
const APPLICATION = kind(APPLICATION_KEYS, readApplication);
const SOCIAL = kind(SOCIAL_KEYS, readSocial);
const BUREAU = kind(BUREAU_KEYS, readBureau);
const DEVICES = kind(DEVICES_KEYS, readDevices);
const LOAN = kind(LOAN_KEYS, readLoan);
const PAYMENT = kind(PAYMENT_KEYS);
const DEVICE_EVENT = kind(EVENT_KEYS);
const DEVICE_RECORD = kind(RECORD_KEYS);
const INQUIRY = kind(INQ_KEYS);
const ACCOUNT = kind(ACC_KEYS);
const DELINQUENCY = kind(DEL_KEYS);
const INSTALLMENT = kind(INST_KEYS);
const REPAYMENT = kind(REP_KEYS);

/** A columnar section as the snapshot sees it: its columns (as a kind), their checks and its row cap. */
interface ColumnsDef {
  readonly kind: Kind;
  readonly checks: ColumnChecks;
  readonly cap: number;
}
const columnsKind = (c: ColumnChecks): ColumnsDef => ({ kind: kind(c.keys), checks: c, cap: c.cap });
const PAYMENT_COLUMNS = columnsKind(PAYMENT_CHECKS);
const DEVICE_EVENT_COLUMNS = columnsKind(DEVICE_EVENT_CHECKS);
const DEVICE_RECORD_COLUMNS = columnsKind(DEVICE_RECORD_CHECKS);
const INQUIRY_COLUMNS = columnsKind(INQUIRY_CHECKS);
const ACCOUNT_COLUMNS = columnsKind(ACCOUNT_CHECKS);
const DELINQUENCY_COLUMNS = columnsKind(DELINQUENCY_CHECKS);
const INSTALLMENT_COLUMNS = columnsKind(INSTALLMENT_CHECKS);
const REPAYMENT_COLUMNS = columnsKind(REPAYMENT_CHECKS);

/** The generic copy of an object of a kind (see the file comment). */
function copyKind(o: Rec, k: Kind): Rec {
  const c = k.read(o);
  for (const key in o)
    if (!k.known.has(key))
      // defineProperty, not `c[key] =`: `c.__proto__ = undefined` would not create a key.
      Object.defineProperty(c, key, { value: undefined, enumerable: true, writable: true, configurable: true });
  return c;
}

type Copier = (o: Rec) => Rec;

// Events, the bulk of an applicant, are copied by one object literal per kind (the same result as
// `copyKind` when `for...in` lists only schema keys, which it checks without reading a value):
// faster to build, and to read once frozen (generic copies read up to 20x slower frozen, Node 20).
// A required key that is absent is copied as undefined, which validation reports as missing.

/** The literal copy of a payment, or undefined when `for...in` lists a key the schema does not know. */
function copyPayment(e: Rec): Rec | undefined {
  for (const k in e) if (!paymentKey(k)) return undefined;
  const c: Rec = { at: e.at, amountFen: e.amountFen, direction: e.direction, channel: e.channel };
  const cp = e.counterparty;
  if (cp !== undefined) c.counterparty = cp;
  const mc = e.merchantCategory;
  if (mc !== undefined) c.merchantCategory = mc;
  return c;
}

/** The literal copy of a device event, or undefined when `for...in` lists a key the schema does not know. */
function copyDeviceEvent(e: Rec): Rec | undefined {
  for (const k in e) if (!deviceEventKey(k)) return undefined;
  const c: Rec = { at: e.at, kind: e.kind, deviceId: e.deviceId };
  const ip = e.ipHash;
  if (ip !== undefined) c.ipHash = ip;
  const lat = e.lat;
  if (lat !== undefined) c.lat = lat;
  const lon = e.lon;
  if (lon !== undefined) c.lon = lon;
  const city = e.cityCode;
  if (city !== undefined) c.cityCode = city;
  return c;
}

const copyDeviceRecord: Copier = (e) => {
  for (const k in e) if (!DEVICE_RECORD.known.has(k)) return copyKind(e, DEVICE_RECORD);
  return { deviceId: e.deviceId, firstSeenAt: e.firstSeenAt, accountCount: e.accountCount };
};

/** Copies the optional `lenderId` and `productType` of an inquiry or account when present. */
function copyLender(e: Rec, c: Rec): Rec {
  const lender = e.lenderId;
  if (lender !== undefined) c.lenderId = lender;
  const product = e.productType;
  if (product !== undefined) c.productType = product;
  return c;
}

const copyInquiry: Copier = (e) => {
  for (const k in e) if (!INQUIRY.known.has(k)) return copyKind(e, INQUIRY);
  return copyLender(e, { at: e.at, kind: e.kind });
};

const copyAccount: Copier = (e) => {
  for (const k in e) if (!ACCOUNT.known.has(k)) return copyKind(e, ACCOUNT);
  const c: Rec = { kind: e.kind, openedAt: e.openedAt, balanceFen: e.balanceFen, worstDaysPastDue: e.worstDaysPastDue };
  const closed = e.closedAt;
  if (closed !== undefined) c.closedAt = closed;
  const limit = e.limitFen;
  if (limit !== undefined) c.limitFen = limit;
  const monthly = e.monthlyPaymentFen;
  if (monthly !== undefined) c.monthlyPaymentFen = monthly;
  return copyLender(e, c);
};

const copyDelinquency: Copier = (e) => {
  for (const k in e) if (k !== "at" && k !== "daysPastDue" && k !== "amountFen") return copyKind(e, DELINQUENCY);
  const c: Rec = { at: e.at, daysPastDue: e.daysPastDue };
  const amount = e.amountFen;
  if (amount !== undefined) c.amountFen = amount;
  return c;
};

const copyInstallment: Copier = (e) => {
  for (const k in e) if (k !== "dueAt" && k !== "amountFen") return copyKind(e, INSTALLMENT);
  return { dueAt: e.dueAt, amountFen: e.amountFen };
};

const copyRepayment: Copier = (e) => {
  for (const k in e) if (k !== "at" && k !== "amountFen") return copyKind(e, REPAYMENT);
  return { at: e.at, amountFen: e.amountFen };
};

/** The copy of an array of objects (elements that are not objects are kept, and rejected later). */
function copyArray(a: readonly unknown[], cap: number, copy: Copier): readonly unknown[] {
  const n = a.length;
  // A length over the cap (or not a length at all, from a Proxy) is only ever reported as too big.
  if (!(n <= cap)) return new Array(cap + 1);
  // push, not new Array(n): a packed array (no holes) reads faster in the feature loops.
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const e = a[i];
    out.push(isObject(e) ? Object.freeze(copy(e)) : e);
  }
  return Object.freeze(out);
}

// Payments and device events, the bulk of an applicant, are checked while they are copied: each
// copy is tested, right after it is built, with the predicate `sections.ts` would run on it
// (`validPayment`, `validDeviceEvent`; the key half of it is the `for...in` over the input that
// chose the literal copy, which holds schema keys only). When every element passes, the array is
// marked in `Checked` (`context.ts`) and validation skips its element loop: it would run the same deterministic
// predicate on the same frozen objects. Otherwise validation checks every element as before.

// Whether the array the last copyPayments / copyDeviceEvents call returned was all valid. Set just
// before returning, read by the caller right after (no input code runs in between, so a getter that
// parses another applicant cannot interleave).
let lastAllValid = false;

/** `payments` copied and checked (see above); sets `lastAllValid`. */
function copyPayments(a: readonly unknown[]): readonly unknown[] {
  const n = a.length;
  if (!(n <= LIMITS.payments)) {
    lastAllValid = false;
    return new Array(LIMITS.payments + 1);
  }
  const out: unknown[] = [];
  let all = true;
  for (let i = 0; i < n; i++) {
    const e = a[i];
    if (!isObject(e)) {
      all = false;
      out.push(e);
      continue;
    }
    let c = copyPayment(e);
    if (c === undefined) {
      all = false;
      c = copyKind(e, PAYMENT);
    } else if (all && !paymentValues(c)) all = false;
    out.push(Object.freeze(c));
  }
  lastAllValid = all;
  return Object.freeze(out);
}

/** `devices.events` copied and checked (see above, and `deviceEventValues` for `prev`); sets `lastAllValid`. */
function copyDeviceEvents(a: readonly unknown[]): readonly unknown[] {
  const n = a.length;
  if (!(n <= LIMITS.deviceEvents)) {
    lastAllValid = false;
    return new Array(LIMITS.deviceEvents + 1);
  }
  const out: unknown[] = [];
  let all = true;
  let prev: Rec | undefined;
  for (let i = 0; i < n; i++) {
    const e = a[i];
    if (!isObject(e)) {
      all = false;
      out.push(e);
      continue;
    }
    let c = copyDeviceEvent(e);
    if (c === undefined) {
      all = false;
      c = copyKind(e, DEVICE_EVENT);
    } else if (all) {
      if (deviceEventValues(c, prev)) prev = c;
      else all = false;
    }
    out.push(Object.freeze(c));
  }
  lastAllValid = all;
  return Object.freeze(out);
}

/**
 * Replaces `o[key]` (already read once, into the copy `o`) by its copy when it is an array, or by
 * its columns' copy (`copyColumns`) when it is an object (the columnar form of the section).
 */
function arrayField(o: Rec, key: string, cap: number, copy: Copier, cols: ColumnsDef): void {
  const v = o[key];
  if (Array.isArray(v)) o[key] = copyArray(v, cap, copy);
  else if (isObject(v)) o[key] = copyColumns(v, cols);
}

/** Replaces `o[key]` by its copy when it is an object, and returns the copy (not frozen yet: its arrays are copied next). */
function objectField(o: Rec, key: string, k: Kind): Rec | undefined {
  const v = o[key];
  if (!isObject(v)) return undefined;
  const c = copyKind(v, k);
  o[key] = c;
  return c;
}

function bureauArrays(c: Rec): void {
  arrayField(c, "inquiries", LIMITS.bureauInquiries, copyInquiry, INQUIRY_COLUMNS);
  arrayField(c, "accounts", LIMITS.bureauAccounts, copyAccount, ACCOUNT_COLUMNS);
  arrayField(c, "delinquencies", LIMITS.bureauDelinquencies, copyDelinquency, DELINQUENCY_COLUMNS);
}

function deviceArrays(c: Rec, state: Checked): void {
  const ev = c.events;
  if (Array.isArray(ev)) {
    c.events = copyDeviceEvents(ev);
    if (lastAllValid) state.checked |= CHECKED_DEVICE_EVENTS;
  } else if (isObject(ev)) c.events = copyColumns(ev, DEVICE_EVENT_COLUMNS, state, CHECKED_DEVICE_EVENT_COLUMNS);
  arrayField(c, "records", LIMITS.deviceRecords, copyDeviceRecord, DEVICE_RECORD_COLUMNS);
}

/**
 * The copy of a columnar section (any event section sent as columns): its schema
 * columns read once each, every column that is an array copied entry by entry into a fresh frozen
 * array (the entries are not rows: nothing is rebuilt), a column over the row cap replaced by the
 * stand-in of `copyArray`, anything else kept for validation to reject; unknown keys as in `copyKind`.
 * Each column is checked while it is copied (`copyChecked`, one loop per kind of entry): when every
 * schema column is an array within the cap, every required one is present and every entry is
 * valid, `bit` is set in `state.checked` (payments and device events; the other sections pass no
 * state and are checked in full) and validation skips the entry loops (`checkColumns`).
 * The entries are also kept in ordinary arrays for the feature and fraud passes (`keepReadable`).
 */
function copyColumns(o: Rec, d: ColumnsDef, state?: Checked, bit = 0): Rec {
  const c = copyKind(o, d.kind);
  const readable: Record<string, unknown[]> = {};
  const cols = d.checks.columns;
  const cap = d.cap;
  let all = true;
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    const key = col.key;
    const v = c[key];
    if (!Array.isArray(v)) {
      if (!(v === undefined && col.optional)) all = false;
      continue;
    }
    const n = v.length;
    if (!(n <= cap)) {
      c[key] = new Array(cap + 1);
      all = false;
      continue;
    }
    const out: unknown[] = new Array(n);
    if (!copyChecked(v, n, col, out)) all = false;
    readable[key] = out;
    c[key] = Object.freeze(out.slice());
  }
  if (all && state !== undefined) state.checked |= bit;
  keepReadable(c, readable);
  return Object.freeze(c);
}

/** The loans array: each loan with its installments and repayments. */
function copyLoans(a: readonly unknown[]): readonly unknown[] {
  const n = a.length;
  if (!(n <= LIMITS.loans)) return new Array(LIMITS.loans + 1);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const e = a[i];
    if (!isObject(e)) {
      out.push(e);
      continue;
    }
    const o = copyKind(e, LOAN);
    arrayField(o, "installments", LIMITS.installments, copyInstallment, INSTALLMENT_COLUMNS);
    arrayField(o, "repayments", LIMITS.repayments, copyRepayment, REPAYMENT_COLUMNS);
    out.push(Object.freeze(o));
  }
  return Object.freeze(out);
}

/**
 * Copies an applicant-shaped input (see the file comment). Every getter or Proxy trap the
 * contract depends on runs once, here; the copy holds only own data properties.
 * @param input anything
 * @param state receives in `checked` the bits of the event arrays found valid while copied (it is reset first)
 * @returns the deep-frozen copy, or `input` itself when it is not an object (validation rejects it)
 * @throws whatever a getter or Proxy trap of the input throws
 * @internal
 */
export function snapshotApplicant(input: unknown, state: Checked): unknown {
  state.checked = 0;
  if (!isObject(input)) return input;
  const o = copyKind(input, ROOT);
  freezeField(o, "identity", IDENTITY);
  const c = objectField(o, "consent", CONSENT);
  if (c !== undefined) {
    freezeField(c, "purposes", PURPOSES);
    Object.freeze(c);
  }
  freezeField(o, "application", APPLICATION);
  const p = o.payments;
  if (Array.isArray(p)) {
    o.payments = copyPayments(p);
    if (lastAllValid) state.checked |= CHECKED_PAYMENTS;
  } else if (isObject(p)) o.payments = copyColumns(p, PAYMENT_COLUMNS, state, CHECKED_PAYMENT_COLUMNS);
  freezeField(o, "social", SOCIAL);
  const b = objectField(o, "bureau", BUREAU);
  if (b !== undefined) {
    bureauArrays(b);
    Object.freeze(b);
  }
  const d = objectField(o, "devices", DEVICES);
  if (d !== undefined) {
    deviceArrays(d, state);
    Object.freeze(d);
  }
  const l = o.loans;
  if (Array.isArray(l)) o.loans = copyLoans(l);
  return Object.freeze(o);
}

/** `objectField`, then frozen (an object without arrays or objects inside). */
function freezeField(o: Rec, key: string, k: Kind): void {
  const c = objectField(o, key, k);
  if (c !== undefined) Object.freeze(c);
}
