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
 * `too_big` issue without reading its elements.
 * @internal
 */
import { LIMITS } from "../limits";
import { isObject } from "./context";
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

type Rec = Record<string, unknown>;

/** A kind of object: its schema keys, as a list (read in this order) and a set. */
interface Kind {
  readonly keys: readonly string[];
  readonly known: ReadonlySet<string>;
}
const kind = (known: ReadonlySet<string>): Kind => ({ keys: [...known], known });

const ROOT = kind(APPLICANT_KEYS);
const IDENTITY = kind(IDENTITY_KEYS);
const CONSENT = kind(CONSENT_KEYS);
const PURPOSES = kind(PURPOSES_KEYS);
const APPLICATION = kind(APPLICATION_KEYS);
const SOCIAL = kind(SOCIAL_KEYS);
const BUREAU = kind(BUREAU_KEYS);
const DEVICES = kind(DEVICES_KEYS);
const LOAN = kind(LOAN_KEYS);
const PAYMENT = kind(PAYMENT_KEYS);
const DEVICE_EVENT = kind(EVENT_KEYS);
const DEVICE_RECORD = kind(RECORD_KEYS);
const INQUIRY = kind(INQ_KEYS);
const ACCOUNT = kind(ACC_KEYS);
const DELINQUENCY = kind(DEL_KEYS);
const INSTALLMENT = kind(INST_KEYS);
const REPAYMENT = kind(REP_KEYS);

/** The generic copy of an object of a kind (see the file comment). */
function copyKind(o: Rec, k: Kind): Rec {
  const c: Rec = {};
  const keys = k.keys;
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]!];
    if (v !== undefined) c[keys[i]!] = v;
  }
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

const copyPayment: Copier = (e) => {
  for (const k in e) if (!PAYMENT.known.has(k)) return copyKind(e, PAYMENT);
  const c: Rec = { at: e.at, amountFen: e.amountFen, direction: e.direction, channel: e.channel };
  const cp = e.counterparty;
  if (cp !== undefined) c.counterparty = cp;
  const mc = e.merchantCategory;
  if (mc !== undefined) c.merchantCategory = mc;
  return c;
};

const copyDeviceEvent: Copier = (e) => {
  for (const k in e) if (!DEVICE_EVENT.known.has(k)) return copyKind(e, DEVICE_EVENT);
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
};

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

/** Replaces `o[key]` (already read once, into the copy `o`) by its copy when it is an array. */
function arrayField(o: Rec, key: string, cap: number, copy: Copier): void {
  const v = o[key];
  if (Array.isArray(v)) o[key] = copyArray(v, cap, copy);
}

/** Replaces `o[key]` by its copy when it is an object, with `fill` copying its own arrays. */
function objectField(o: Rec, key: string, k: Kind, fill?: (c: Rec) => void): void {
  const v = o[key];
  if (!isObject(v)) return;
  const c = copyKind(v, k);
  if (fill !== undefined) fill(c);
  o[key] = Object.freeze(c);
}

function bureauArrays(c: Rec): void {
  arrayField(c, "inquiries", LIMITS.bureauInquiries, copyInquiry);
  arrayField(c, "accounts", LIMITS.bureauAccounts, copyAccount);
  arrayField(c, "delinquencies", LIMITS.bureauDelinquencies, copyDelinquency);
}

function deviceArrays(c: Rec): void {
  arrayField(c, "events", LIMITS.deviceEvents, copyDeviceEvent);
  arrayField(c, "records", LIMITS.deviceRecords, copyDeviceRecord);
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
    arrayField(o, "installments", LIMITS.installments, copyInstallment);
    arrayField(o, "repayments", LIMITS.repayments, copyRepayment);
    out.push(Object.freeze(o));
  }
  return Object.freeze(out);
}

/**
 * Copies an applicant-shaped input (see the file comment). Every getter or Proxy trap the
 * contract depends on runs once, here; the copy holds only own data properties.
 * @param input anything
 * @returns the deep-frozen copy, or `input` itself when it is not an object (validation rejects it)
 * @throws whatever a getter or Proxy trap of the input throws
 * @internal
 */
export function snapshotApplicant(input: unknown): unknown {
  if (!isObject(input)) return input;
  const o = copyKind(input, ROOT);
  objectField(o, "identity", IDENTITY);
  objectField(o, "consent", CONSENT, (c) => objectField(c, "purposes", PURPOSES));
  objectField(o, "application", APPLICATION);
  arrayField(o, "payments", LIMITS.payments, copyPayment);
  objectField(o, "social", SOCIAL);
  objectField(o, "bureau", BUREAU, bureauArrays);
  objectField(o, "devices", DEVICES, deviceArrays);
  const l = o.loans;
  if (Array.isArray(l)) o.loans = copyLoans(l);
  return Object.freeze(o);
}
