/**
 * Allocation-free predicates for the common case: an event that is entirely valid. Each returns
 * true only when the detailed checks in `sections.ts` would report nothing for that event, so the
 * detailed checks (which build issues) run only on events that have a problem.
 * @internal
 */
import { BUREAU_ACCOUNT_KINDS, INQUIRY_KINDS, MERCHANT_CATEGORIES, PRODUCT_TYPES } from "../applicant";
import { BOUNDS, type NumericRange } from "../limits";
import { PLACE_CHARS, PSEUDONYM_CHARS } from "./checks";
import { isDeviceEventKind, isPaymentChannel } from "./enums";

const CATEGORIES = new Set<unknown>(MERCHANT_CATEGORIES);
const INQ_KINDS = new Set<unknown>(INQUIRY_KINDS);
const ACC_KINDS = new Set<unknown>(BUREAU_ACCOUNT_KINDS);
const PRODUCTS = new Set<unknown>(PRODUCT_TYPES);

/** The optional `lenderId` and `productType` of a bureau inquiry or account, when present, are valid. */
function validLender(e: Record<string, unknown>): boolean {
  const l = e.lenderId;
  if (l !== undefined && !token(l, PSEUDONYM, PSEUDONYM_CHARS)) return false;
  const p = e.productType;
  return p === undefined || PRODUCTS.has(p);
}

// The bounds the zod schema and the detailed checks use (BOUNDS in ../limits).
const AT = BOUNDS.epochMs;
const FEN = BOUNDS.fen;
const PSEUDONYM = BOUNDS.pseudonymLength;
const PLACE_CODE = BOUNDS.placeCodeLength;

/** A safe integer within `r`. */
function int(v: unknown, r: NumericRange): boolean {
  return typeof v === "number" && v >= r.min && v <= r.max && Number.isSafeInteger(v);
}

/** A number within `r` (finite, since both bounds of a `NumericRange` used here are). */
function num(v: unknown, r: NumericRange): boolean {
  return typeof v === "number" && v >= r.min && v <= r.max;
}

/** A string of the table's (ASCII) characters whose length is within `r`. */
function token(v: unknown, r: NumericRange, table: Uint8Array): boolean {
  if (typeof v !== "string") return false;
  const n = v.length;
  if (n < r.min || n > r.max) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 128 || table[c] === 0) return false;
  }
  return true;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether `k` is a key of `paymentEventSchema` (a switch: faster than a Set on Node 20). @internal
 * @example [paymentKey("at"), paymentKey("extra")] // => [true, false]
 */
export function paymentKey(k: string): boolean {
  switch (k) {
    case "at":
    case "amountFen":
    case "direction":
    case "channel":
    case "counterparty":
    case "merchantCategory":
      return true;
    default:
      return false;
  }
}

/**
 * The values of a payment object are valid (its keys are not looked at; see `validPayment`).
 * @example paymentValues({ at: 0, amountFen: 100, direction: "in", channel: "salary", extra: 1 }) // => true
 */
export function paymentValues(e: Record<string, unknown>): boolean {
  if (!int(e.at, AT) || !int(e.amountFen, FEN)) return false;
  const d = e.direction;
  if (d !== "in" && d !== "out") return false;
  if (!isPaymentChannel(e.channel)) return false;
  const cp = e.counterparty;
  if (cp !== undefined && !token(cp, PSEUDONYM, PSEUDONYM_CHARS)) return false;
  const mc = e.merchantCategory;
  return mc === undefined || CATEGORIES.has(mc);
}

/**
 * A valid `paymentEventSchema` object.
 * @example validPayment({ at: 0, amountFen: 100, direction: "in", channel: "salary" }) // => true
 */
export function validPayment(e: unknown): boolean {
  if (!isObj(e) || !paymentValues(e)) return false;
  for (const k in e) if (!paymentKey(k)) return false;
  return true;
}

/**
 * Whether `k` is a key of `deviceEventSchema`. @internal
 * @example [deviceEventKey("lat"), deviceEventKey("extra")] // => [true, false]
 */
export function deviceEventKey(k: string): boolean {
  switch (k) {
    case "at":
    case "kind":
    case "deviceId":
    case "ipHash":
    case "lat":
    case "lon":
    case "cityCode":
      return true;
    default:
      return false;
  }
}

/**
 * The values of a device event are valid (its keys are not looked at; see `validDeviceEvent`).
 * `prev` is the previous event found valid in the same array (or undefined): a string equal to
 * the one it held in the same field passed the same check, so it is not scanned again (events
 * mostly repeat the device, often the IP and city).
 * @example deviceEventValues({ at: 0, kind: "login", deviceId: "d1" }, undefined) // => true
 */
export function deviceEventValues(e: Record<string, unknown>, prev: Record<string, unknown> | undefined): boolean {
  if (!int(e.at, AT) || !isDeviceEventKind(e.kind)) return false;
  const dev = e.deviceId;
  if ((prev === undefined || dev !== prev.deviceId) && !token(dev, PSEUDONYM, PSEUDONYM_CHARS)) return false;
  const ip = e.ipHash;
  if (ip !== undefined && (prev === undefined || ip !== prev.ipHash) && !token(ip, PSEUDONYM, PSEUDONYM_CHARS))
    return false;
  const lat = e.lat;
  if (lat !== undefined && !num(lat, BOUNDS.latitude)) return false;
  const lon = e.lon;
  if (lon !== undefined && !num(lon, BOUNDS.longitude)) return false;
  const city = e.cityCode;
  return city === undefined || (prev !== undefined && city === prev.cityCode) || token(city, PLACE_CODE, PLACE_CHARS);
}

/**
 * A valid `deviceEventSchema` object (`prev` as in `deviceEventValues`).
 * @example validDeviceEvent({}) // => false
 */
export function validDeviceEvent(e: unknown, prev: Record<string, unknown> | undefined): boolean {
  if (!isObj(e) || !deviceEventValues(e, prev)) return false;
  for (const k in e) if (!deviceEventKey(k)) return false;
  return true;
}

/**
 * A valid `{ <timeKey>, amountFen }` object (installment with dueAt, repayment with at).
 * @example [validTimedAmount({ dueAt: 0, amountFen: 5 }, "dueAt"), validTimedAmount({ at: 0, amountFen: 5 }, "dueAt")] // => [true, false]
 */
export function validTimedAmount(e: unknown, timeKey: "at" | "dueAt"): boolean {
  if (!isObj(e)) return false;
  if (!int(e[timeKey], AT) || !int(e.amountFen, FEN)) return false;
  for (const k in e) if (k !== timeKey && k !== "amountFen") return false;
  return true;
}

/**
 * A valid `bureauInquirySchema` object.
 * @example validInquiry({ ...applicant.bureau.inquiries[0], extra: 1 }) // => false (unknown key)
 */
export function validInquiry(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (!int(e.at, AT) || !INQ_KINDS.has(e.kind) || !validLender(e)) return false;
  for (const k in e) if (k !== "at" && k !== "kind" && k !== "lenderId" && k !== "productType") return false;
  return true;
}

/**
 * A valid `bureauAccountSchema` object.
 * @example validAccount(applicant.bureau.accounts[0]) // => true
 */
export function validAccount(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (
    !ACC_KINDS.has(e.kind) ||
    !int(e.openedAt, AT) ||
    !int(e.balanceFen, FEN) ||
    !int(e.worstDaysPastDue, BOUNDS.worstDaysPastDue)
  )
    return false;
  if (e.closedAt !== undefined && !int(e.closedAt, AT)) return false;
  if (e.limitFen !== undefined && !int(e.limitFen, FEN)) return false;
  if (e.monthlyPaymentFen !== undefined && !int(e.monthlyPaymentFen, FEN)) return false;
  if (!validLender(e)) return false;
  for (const k in e) {
    switch (k) {
      case "kind":
      case "openedAt":
      case "closedAt":
      case "limitFen":
      case "balanceFen":
      case "monthlyPaymentFen":
      case "worstDaysPastDue":
      case "lenderId":
      case "productType":
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * A valid `bureauDelinquencySchema` object.
 * @example validDelinquency(null) // => false
 */
export function validDelinquency(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (!int(e.at, AT) || !int(e.daysPastDue, BOUNDS.daysPastDue)) return false;
  if (e.amountFen !== undefined && !int(e.amountFen, FEN)) return false;
  for (const k in e) if (k !== "at" && k !== "daysPastDue" && k !== "amountFen") return false;
  return true;
}

/**
 * A valid `deviceRecordSchema` object.
 * @example validDeviceRecord(applicant.devices.records[0]) // => true
 */
export function validDeviceRecord(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (
    !token(e.deviceId, PSEUDONYM, PSEUDONYM_CHARS) ||
    !int(e.firstSeenAt, AT) ||
    !int(e.accountCount, BOUNDS.deviceAccountCount)
  )
    return false;
  for (const k in e) if (k !== "deviceId" && k !== "firstSeenAt" && k !== "accountCount") return false;
  return true;
}
