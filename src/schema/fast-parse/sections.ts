import {
  BUREAU_ACCOUNT_KINDS,
  CONSENT_CATEGORIES,
  DEVICE_EVENT_KINDS,
  INQUIRY_KINDS,
  MERCHANT_CATEGORIES,
  OCCUPATIONS,
  PAYMENT_CHANNELS,
  PRODUCT_TYPES,
  isCalendarDate,
} from "../applicant";
import { BOUNDS, LIMITS } from "../limits";
import { SECTION_FIELDS } from "../rows/section-rows";
import {
  type EnumField,
  type NumericField,
  PLACE_CHARS,
  PSEUDONYM_CHARS,
  checkBool,
  checkEnum,
  checkInt,
  checkNumber,
  checkToken,
  isDateShape,
  isShapedCalendarDate,
  lengthChecks,
  optionalNumber,
  requiredNumber,
  tokenField,
} from "./checks";
import {
  ACCOUNT_COLUMNS,
  DELINQUENCY_COLUMNS,
  DEVICE_EVENT_COLUMNS,
  DEVICE_RECORD_COLUMNS,
  INQUIRY_COLUMNS,
  INSTALLMENT_COLUMNS,
  PAYMENT_COLUMNS,
  REPAYMENT_COLUMNS,
  type ColumnsDef,
  checkColumns,
} from "./columns";
import {
  CHECKED_DEVICE_EVENT_COLUMNS,
  CHECKED_DEVICE_EVENTS,
  CHECKED_PAYMENT_COLUMNS,
  CHECKED_PAYMENTS,
  type Ctx,
  type Path,
  isObject,
  report,
  reportType,
  unknownKeys,
} from "./context";
import {
  validAccount,
  validDelinquency,
  validDeviceEvent,
  validDeviceRecord,
  validInquiry,
  validPayment,
  validTimedAmount,
} from "./valid";

const keys = (...k: string[]): ReadonlySet<string> => new Set(k);
/** The keys of the applicant object (the sections), in schema order. @internal */
export const APPLICANT_KEYS = keys(
  "id",
  "identity",
  "consent",
  "application",
  "payments",
  "social",
  "bureau",
  "devices",
  "loans",
);
// Section paths (never mutated: report() copies them).
const IDENTITY_PATH: Path = ["identity"];
const CONSENT_PATH: Path = ["consent"];
const PURPOSES_PATH: Path = ["consent", "purposes"];
const APPLICATION_PATH: Path = ["application"];
const SOCIAL_PATH: Path = ["social"];
const BUREAU_PATH: Path = ["bureau"];
const DEVICES_PATH: Path = ["devices"];

const OCC = new Set<unknown>(OCCUPATIONS);
const CHANNELS = new Set<unknown>(PAYMENT_CHANNELS);
const CATEGORIES = new Set<unknown>(MERCHANT_CATEGORIES);
const DIRECTIONS = new Set<unknown>(["in", "out"]);
const DEV_KINDS = new Set<unknown>(DEVICE_EVENT_KINDS);
const INQ_KINDS = new Set<unknown>(INQUIRY_KINDS);
const ACC_KINDS = new Set<unknown>(BUREAU_ACCOUNT_KINDS);
const PRODUCTS = new Set<unknown>(PRODUCT_TYPES);

// Every checked field, once: bounds from BOUNDS (../limits), the same constants the zod schema reads.
const AT = requiredNumber(BOUNDS.epochMs);
const AT_OPTIONAL = optionalNumber(BOUNDS.epochMs);
const FEN = requiredNumber(BOUNDS.fen);
const FEN_OPTIONAL = optionalNumber(BOUNDS.fen);
const AGE_YEARS = optionalNumber(BOUNDS.ageYears);
const TERM_MONTHS = optionalNumber(BOUNDS.requestedTermMonths);
const ACCOUNT_AGE_DAYS = requiredNumber(BOUNDS.accountAgeDays);
const CONTACT_COUNT = requiredNumber(BOUNDS.socialCount);
const SOCIAL_COUNT_OPTIONAL = optionalNumber(BOUNDS.socialCount);
const ACTIVE_DAYS_30 = optionalNumber(BOUNDS.activeDays30);
const HISTORY_MONTHS = requiredNumber(BOUNDS.historyMonths);
const WORST_DAYS_PAST_DUE = requiredNumber(BOUNDS.worstDaysPastDue);
const DAYS_PAST_DUE = requiredNumber(BOUNDS.daysPastDue);
const LATITUDE = optionalNumber(BOUNDS.latitude);
const LONGITUDE = optionalNumber(BOUNDS.longitude);
const DEVICE_ACCOUNTS = requiredNumber(BOUNDS.deviceAccountCount);
const PSEUDONYM = tokenField(BOUNDS.pseudonymLength, PSEUDONYM_CHARS, false);
const PSEUDONYM_OPTIONAL = tokenField(BOUNDS.pseudonymLength, PSEUDONYM_CHARS, true);
const PLACE_CODE_OPTIONAL = tokenField(BOUNDS.placeCodeLength, PLACE_CHARS, true);
const CATEGORY_CODE_OPTIONAL = tokenField(BOUNDS.categoryCodeLength, PLACE_CHARS, true);
// Arrays: item counts from LIMITS (../limits), the caps the zod schema uses.
const PAYMENTS_ARRAY = optionalNumber({ min: 0, max: LIMITS.payments });
const INQUIRIES_ARRAY = requiredNumber({ min: 0, max: LIMITS.bureauInquiries });
const ACCOUNTS_ARRAY = requiredNumber({ min: 0, max: LIMITS.bureauAccounts });
const DELINQUENCIES_ARRAY = requiredNumber({ min: 0, max: LIMITS.bureauDelinquencies });
const EVENTS_ARRAY = requiredNumber({ min: 0, max: LIMITS.deviceEvents });
const RECORDS_ARRAY = optionalNumber({ min: 0, max: LIMITS.deviceRecords });
const LOANS_ARRAY = optionalNumber({ min: 0, max: LIMITS.loans });
const INSTALLMENTS_ARRAY = requiredNumber({ min: 1, max: LIMITS.installments });
const REPAYMENTS_ARRAY = requiredNumber({ min: 0, max: LIMITS.repayments });
const enumField = (values: ReadonlySet<unknown>, optional: boolean): EnumField => Object.freeze({ values, optional });
const OCCUPATION_FIELD = enumField(OCC, true);
const DIRECTION_FIELD = enumField(DIRECTIONS, false);
const CHANNEL_FIELD = enumField(CHANNELS, false);
const CATEGORY_FIELD = enumField(CATEGORIES, true);
const INQUIRY_KIND_FIELD = enumField(INQ_KINDS, false);
const ACCOUNT_KIND_FIELD = enumField(ACC_KINDS, false);
const DEVICE_EVENT_KIND_FIELD = enumField(DEV_KINDS, false);
const PRODUCT_FIELD = enumField(PRODUCTS, true);

/** An object-valued field: type check, `missing` when required and absent. Returns the object or undefined. */
function objectAt(
  ctx: Ctx,
  v: unknown,
  optional: boolean,
  pre: Path,
  idx: number,
  key: string | undefined,
): Record<string, unknown> | undefined {
  if (isObject(v)) return v;
  if (v === undefined && optional) return undefined;
  reportType(ctx, v, "object", pre, idx, key);
  return undefined;
}

/**
 * An array-valued field `z.array(el).min(min).max(max)`: over the cap, one `too_big` and no
 * element checks (zod's size cap); not an array, a type issue plus zod's length checks.
 * Returns the array when its elements should be checked.
 */
function arrayAt(
  ctx: Ctx,
  v: unknown,
  f: NumericField,
  pre: Path,
  idx: number,
  key: string,
): readonly unknown[] | undefined {
  const { min, max, optional } = f;
  if (Array.isArray(v)) {
    if (v.length > max) {
      report(ctx, "too_big", pre, idx, key, `must have at most ${max} items`, true);
      return undefined;
    }
    if (v.length < min) report(ctx, "too_small", pre, idx, key, `must have at least ${min} items`, false);
    return v;
  }
  if (v === undefined && optional) return undefined;
  reportType(ctx, v, "array", pre, idx, key);
  lengthChecks(ctx, v, min, max, pre, idx, key);
  return undefined;
}

/**
 * A section with a columnar form: an object is checked as columns (`checkColumns`, at `colPre`)
 * and gives no rows to check; anything else goes to `arrayAt`. Returns the rows to check.
 */
function columnsOrArray(
  ctx: Ctx,
  v: unknown,
  cols: ColumnsDef,
  colPre: Path,
  f: NumericField,
  pre: Path,
  idx: number,
  key: string,
  entriesChecked = false,
): readonly unknown[] | undefined {
  if (isObject(v)) {
    checkColumns(ctx, v, cols, colPre, entriesChecked);
    return undefined;
  }
  return arrayAt(ctx, v, f, pre, idx, key);
}

/** @internal */
export const IDENTITY_KEYS = keys(
  "birthDate",
  "ageYears",
  "realNameVerified",
  "idVerified",
  "phoneVerified",
  "occupation",
  "declaredMonthlyIncomeFen",
  "verifiedMonthlyIncomeFen",
  "cityCode",
);

/** `identitySchema`, including its refinement (run only when no aborting issue was found inside). */
export function identity(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, false, pre, -1, "identity");
  if (o === undefined) return;
  const P = IDENTITY_PATH;
  const before = ctx.aborting;
  const bd = o.birthDate;
  let shaped = false;
  if (bd !== undefined) {
    if (typeof bd !== "string") reportType(ctx, bd, "string", P, -1, "birthDate");
    else if (isDateShape(bd)) shaped = true;
    else report(ctx, "invalid_format", P, -1, "birthDate", "does not match the expected pattern", false);
  }
  checkInt(ctx, o.ageYears, AGE_YEARS, P, -1, "ageYears");
  checkBool(ctx, o.realNameVerified, false, P, -1, "realNameVerified");
  checkBool(ctx, o.idVerified, false, P, -1, "idVerified");
  checkBool(ctx, o.phoneVerified, false, P, -1, "phoneVerified");
  checkEnum(ctx, o.occupation, OCCUPATION_FIELD, P, -1, "occupation");
  checkInt(ctx, o.declaredMonthlyIncomeFen, FEN_OPTIONAL, P, -1, "declaredMonthlyIncomeFen");
  checkInt(ctx, o.verifiedMonthlyIncomeFen, FEN_OPTIONAL, P, -1, "verifiedMonthlyIncomeFen");
  checkToken(ctx, o.cityCode, PLACE_CODE_OPTIONAL, P, -1, "cityCode");
  unknownKeys(ctx, o, IDENTITY_KEYS, P, -1);
  if (ctx.aborting !== before) return;
  if (bd === undefined && o.ageYears === undefined)
    report(ctx, "missing", P, -1, "ageYears", "birthDate or ageYears is required", false);
  else if (bd !== undefined && !(shaped ? isShapedCalendarDate(bd as string) : isCalendarDate(bd as string)))
    report(ctx, "invalid_format", P, -1, "birthDate", "not a calendar date", false);
}

/** @internal */
export const CONSENT_KEYS = keys("creditBureauQuery", "givenAt", "purposes");
/** @internal */
export const PURPOSES_KEYS: ReadonlySet<string> = new Set(CONSENT_CATEGORIES);
/** `consentSchema`, with its optional `purposes` (`consentPurposesSchema`). */
export function consent(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, false, pre, -1, "consent");
  if (o === undefined) return;
  const P = CONSENT_PATH;
  checkBool(ctx, o.creditBureauQuery, false, P, -1, "creditBureauQuery");
  checkInt(ctx, o.givenAt, AT_OPTIONAL, P, -1, "givenAt");
  const purposes = objectAt(ctx, o.purposes, true, P, -1, "purposes");
  if (purposes !== undefined) {
    for (const c of CONSENT_CATEGORIES) checkBool(ctx, purposes[c], true, PURPOSES_PATH, -1, c);
    unknownKeys(ctx, purposes, PURPOSES_KEYS, PURPOSES_PATH, -1);
  }
  unknownKeys(ctx, o, CONSENT_KEYS, P, -1);
}

/** @internal */
export const APPLICATION_KEYS = keys(
  "appliedAt",
  "requestedAmountFen",
  "requestedTermMonths",
  "deviceId",
  "ipHash",
  "product",
  "channel",
);
/** `applicationSchema` (optional). */
export function application(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, true, pre, -1, "application");
  if (o === undefined) return;
  const P = APPLICATION_PATH;
  checkInt(ctx, o.appliedAt, AT, P, -1, "appliedAt");
  checkInt(ctx, o.requestedAmountFen, FEN_OPTIONAL, P, -1, "requestedAmountFen");
  checkInt(ctx, o.requestedTermMonths, TERM_MONTHS, P, -1, "requestedTermMonths");
  checkToken(ctx, o.deviceId, PSEUDONYM_OPTIONAL, P, -1, "deviceId");
  checkToken(ctx, o.ipHash, PSEUDONYM_OPTIONAL, P, -1, "ipHash");
  checkToken(ctx, o.product, CATEGORY_CODE_OPTIONAL, P, -1, "product");
  checkToken(ctx, o.channel, CATEGORY_CODE_OPTIONAL, P, -1, "channel");
  unknownKeys(ctx, o, APPLICATION_KEYS, P, -1);
}

/** @internal */
export const PAYMENT_KEYS = keys(...SECTION_FIELDS.payments.fields);
const PAY_PRE: Path = ["payments"];
/** `payments` (optional array of `paymentEventSchema`, or `paymentColumnsSchema`). */
export function payments(ctx: Ctx, v: unknown, pre: Path): void {
  const arr = columnsOrArray(
    ctx,
    v,
    PAYMENT_COLUMNS,
    PAY_PRE,
    PAYMENTS_ARRAY,
    pre,
    -1,
    "payments",
    (ctx.checked & CHECKED_PAYMENT_COLUMNS) !== 0,
  );
  if (arr === undefined || (ctx.checked & CHECKED_PAYMENTS) !== 0) return;
  for (let i = 0; i < arr.length; i++) {
    const e = arr[i];
    if (validPayment(e)) continue;
    if (!isObject(e)) {
      reportType(ctx, e, "object", PAY_PRE, i, undefined);
      continue;
    }
    checkInt(ctx, e.at, AT, PAY_PRE, i, "at");
    checkInt(ctx, e.amountFen, FEN, PAY_PRE, i, "amountFen");
    checkEnum(ctx, e.direction, DIRECTION_FIELD, PAY_PRE, i, "direction");
    checkEnum(ctx, e.channel, CHANNEL_FIELD, PAY_PRE, i, "channel");
    checkToken(ctx, e.counterparty, PSEUDONYM_OPTIONAL, PAY_PRE, i, "counterparty");
    checkEnum(ctx, e.merchantCategory, CATEGORY_FIELD, PAY_PRE, i, "merchantCategory");
    unknownKeys(ctx, e, PAYMENT_KEYS, PAY_PRE, i);
  }
}

/** @internal */
export const SOCIAL_KEYS = keys(
  "accountAgeDays",
  "contactCount",
  "activeDays30",
  "flaggedContactCount",
  "defaultedLinkCount",
);
/** `socialSchema` (optional). */
export function social(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, true, pre, -1, "social");
  if (o === undefined) return;
  const P = SOCIAL_PATH;
  checkInt(ctx, o.accountAgeDays, ACCOUNT_AGE_DAYS, P, -1, "accountAgeDays");
  checkInt(ctx, o.contactCount, CONTACT_COUNT, P, -1, "contactCount");
  checkInt(ctx, o.activeDays30, ACTIVE_DAYS_30, P, -1, "activeDays30");
  checkInt(ctx, o.flaggedContactCount, SOCIAL_COUNT_OPTIONAL, P, -1, "flaggedContactCount");
  checkInt(ctx, o.defaultedLinkCount, SOCIAL_COUNT_OPTIONAL, P, -1, "defaultedLinkCount");
  unknownKeys(ctx, o, SOCIAL_KEYS, P, -1);
}

/** @internal */
export const BUREAU_KEYS = keys(
  "reportedAt",
  "historyMonths",
  "inquiries",
  "accounts",
  "delinquencies",
  "monthlyObligationsFen",
);
/** @internal */
export const INQ_KEYS = keys(...SECTION_FIELDS.inquiries.fields);
/** @internal */
export const ACC_KEYS = keys(...SECTION_FIELDS.accounts.fields);
/** @internal */
export const DEL_KEYS = keys(...SECTION_FIELDS.delinquencies.fields);
const INQ_PRE: Path = ["bureau", "inquiries"];
const ACC_PRE: Path = ["bureau", "accounts"];
const DEL_PRE: Path = ["bureau", "delinquencies"];

/** `bureauSchema` (optional). */
export function bureau(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, true, pre, -1, "bureau");
  if (o === undefined) return;
  const P = BUREAU_PATH;
  checkInt(ctx, o.reportedAt, AT, P, -1, "reportedAt");
  checkInt(ctx, o.historyMonths, HISTORY_MONTHS, P, -1, "historyMonths");
  const inq = columnsOrArray(ctx, o.inquiries, INQUIRY_COLUMNS, INQ_PRE, INQUIRIES_ARRAY, P, -1, "inquiries");
  if (inq !== undefined)
    for (let i = 0; i < inq.length; i++) {
      const e = inq[i];
      if (validInquiry(e)) continue;
      if (!isObject(e)) {
        reportType(ctx, e, "object", INQ_PRE, i, undefined);
        continue;
      }
      checkInt(ctx, e.at, AT, INQ_PRE, i, "at");
      checkEnum(ctx, e.kind, INQUIRY_KIND_FIELD, INQ_PRE, i, "kind");
      checkToken(ctx, e.lenderId, PSEUDONYM_OPTIONAL, INQ_PRE, i, "lenderId");
      checkEnum(ctx, e.productType, PRODUCT_FIELD, INQ_PRE, i, "productType");
      unknownKeys(ctx, e, INQ_KEYS, INQ_PRE, i);
    }
  const acc = columnsOrArray(ctx, o.accounts, ACCOUNT_COLUMNS, ACC_PRE, ACCOUNTS_ARRAY, P, -1, "accounts");
  if (acc !== undefined)
    for (let i = 0; i < acc.length; i++) {
      const e = acc[i];
      if (validAccount(e)) continue;
      if (!isObject(e)) {
        reportType(ctx, e, "object", ACC_PRE, i, undefined);
        continue;
      }
      checkEnum(ctx, e.kind, ACCOUNT_KIND_FIELD, ACC_PRE, i, "kind");
      checkInt(ctx, e.openedAt, AT, ACC_PRE, i, "openedAt");
      checkInt(ctx, e.closedAt, AT_OPTIONAL, ACC_PRE, i, "closedAt");
      checkInt(ctx, e.limitFen, FEN_OPTIONAL, ACC_PRE, i, "limitFen");
      checkInt(ctx, e.balanceFen, FEN, ACC_PRE, i, "balanceFen");
      checkInt(ctx, e.monthlyPaymentFen, FEN_OPTIONAL, ACC_PRE, i, "monthlyPaymentFen");
      checkInt(ctx, e.worstDaysPastDue, WORST_DAYS_PAST_DUE, ACC_PRE, i, "worstDaysPastDue");
      checkToken(ctx, e.lenderId, PSEUDONYM_OPTIONAL, ACC_PRE, i, "lenderId");
      checkEnum(ctx, e.productType, PRODUCT_FIELD, ACC_PRE, i, "productType");
      unknownKeys(ctx, e, ACC_KEYS, ACC_PRE, i);
    }
  const del = columnsOrArray(
    ctx,
    o.delinquencies,
    DELINQUENCY_COLUMNS,
    DEL_PRE,
    DELINQUENCIES_ARRAY,
    P,
    -1,
    "delinquencies",
  );
  if (del !== undefined)
    for (let i = 0; i < del.length; i++) {
      const e = del[i];
      if (validDelinquency(e)) continue;
      if (!isObject(e)) {
        reportType(ctx, e, "object", DEL_PRE, i, undefined);
        continue;
      }
      checkInt(ctx, e.at, AT, DEL_PRE, i, "at");
      checkInt(ctx, e.daysPastDue, DAYS_PAST_DUE, DEL_PRE, i, "daysPastDue");
      checkInt(ctx, e.amountFen, FEN_OPTIONAL, DEL_PRE, i, "amountFen");
      unknownKeys(ctx, e, DEL_KEYS, DEL_PRE, i);
    }
  checkInt(ctx, o.monthlyObligationsFen, FEN, P, -1, "monthlyObligationsFen");
  unknownKeys(ctx, o, BUREAU_KEYS, P, -1);
}

/** @internal */
export const DEVICES_KEYS = keys("events", "records");
/** @internal */
export const EVENT_KEYS = keys(...SECTION_FIELDS.deviceEvents.fields);
/** @internal */
export const RECORD_KEYS = keys(...SECTION_FIELDS.deviceRecords.fields);
const EV_PRE: Path = ["devices", "events"];
const REC_PRE: Path = ["devices", "records"];

/** `devicesSchema` (optional), its `events` in the row or the columnar form. */
export function devices(ctx: Ctx, v: unknown, pre: Path): void {
  const o = objectAt(ctx, v, true, pre, -1, "devices");
  if (o === undefined) return;
  const P = DEVICES_PATH;
  const ev = columnsOrArray(
    ctx,
    o.events,
    DEVICE_EVENT_COLUMNS,
    EV_PRE,
    EVENTS_ARRAY,
    P,
    -1,
    "events",
    (ctx.checked & CHECKED_DEVICE_EVENT_COLUMNS) !== 0,
  );
  if (ev !== undefined && (ctx.checked & CHECKED_DEVICE_EVENTS) === 0) {
    let prev: Record<string, unknown> | undefined;
    for (let i = 0; i < ev.length; i++) {
      const e = ev[i];
      if (validDeviceEvent(e, prev)) {
        prev = e as Record<string, unknown>;
        continue;
      }
      if (!isObject(e)) {
        reportType(ctx, e, "object", EV_PRE, i, undefined);
        continue;
      }
      checkInt(ctx, e.at, AT, EV_PRE, i, "at");
      checkEnum(ctx, e.kind, DEVICE_EVENT_KIND_FIELD, EV_PRE, i, "kind");
      checkToken(ctx, e.deviceId, PSEUDONYM, EV_PRE, i, "deviceId");
      checkToken(ctx, e.ipHash, PSEUDONYM_OPTIONAL, EV_PRE, i, "ipHash");
      checkNumber(ctx, e.lat, LATITUDE, EV_PRE, i, "lat");
      checkNumber(ctx, e.lon, LONGITUDE, EV_PRE, i, "lon");
      checkToken(ctx, e.cityCode, PLACE_CODE_OPTIONAL, EV_PRE, i, "cityCode");
      unknownKeys(ctx, e, EVENT_KEYS, EV_PRE, i);
    }
  }
  const rec = columnsOrArray(ctx, o.records, DEVICE_RECORD_COLUMNS, REC_PRE, RECORDS_ARRAY, P, -1, "records");
  if (rec !== undefined)
    for (let i = 0; i < rec.length; i++) {
      const e = rec[i];
      if (validDeviceRecord(e)) continue;
      if (!isObject(e)) {
        reportType(ctx, e, "object", REC_PRE, i, undefined);
        continue;
      }
      checkToken(ctx, e.deviceId, PSEUDONYM, REC_PRE, i, "deviceId");
      checkInt(ctx, e.firstSeenAt, AT, REC_PRE, i, "firstSeenAt");
      checkInt(ctx, e.accountCount, DEVICE_ACCOUNTS, REC_PRE, i, "accountCount");
      unknownKeys(ctx, e, RECORD_KEYS, REC_PRE, i);
    }
  unknownKeys(ctx, o, DEVICES_KEYS, P, -1);
}

/** @internal */
export const LOAN_KEYS = keys("loanId", "disbursedAt", "principalFen", "installments", "repayments");
/** @internal */
export const INST_KEYS = keys(...SECTION_FIELDS.installments.fields);
/** @internal */
export const REP_KEYS = keys(...SECTION_FIELDS.repayments.fields);
const LOAN_PRE: Path = ["loans"];

/** `loans` (optional array of `platformLoanSchema`). */
export function loans(ctx: Ctx, v: unknown, pre: Path): void {
  const arr = arrayAt(ctx, v, LOANS_ARRAY, pre, -1, "loans");
  if (arr === undefined) return;
  for (let i = 0; i < arr.length; i++) {
    const l = arr[i];
    if (!isObject(l)) {
      reportType(ctx, l, "object", LOAN_PRE, i, undefined);
      continue;
    }
    checkToken(ctx, l.loanId, PSEUDONYM, LOAN_PRE, i, "loanId");
    checkInt(ctx, l.disbursedAt, AT, LOAN_PRE, i, "disbursedAt");
    checkInt(ctx, l.principalFen, FEN, LOAN_PRE, i, "principalFen");
    const IP: Path = ["loans", i, "installments"];
    const ins = columnsOrArray(
      ctx,
      l.installments,
      INSTALLMENT_COLUMNS,
      IP,
      INSTALLMENTS_ARRAY,
      LOAN_PRE,
      i,
      "installments",
    );
    if (ins !== undefined) {
      for (let j = 0; j < ins.length; j++) {
        const e = ins[j];
        if (validTimedAmount(e, "dueAt")) continue;
        if (!isObject(e)) {
          reportType(ctx, e, "object", IP, j, undefined);
          continue;
        }
        checkInt(ctx, e.dueAt, AT, IP, j, "dueAt");
        checkInt(ctx, e.amountFen, FEN, IP, j, "amountFen");
        unknownKeys(ctx, e, INST_KEYS, IP, j);
      }
    }
    const RP: Path = ["loans", i, "repayments"];
    const reps = columnsOrArray(ctx, l.repayments, REPAYMENT_COLUMNS, RP, REPAYMENTS_ARRAY, LOAN_PRE, i, "repayments");
    if (reps !== undefined) {
      for (let j = 0; j < reps.length; j++) {
        const e = reps[j];
        if (validTimedAmount(e, "at")) continue;
        if (!isObject(e)) {
          reportType(ctx, e, "object", RP, j, undefined);
          continue;
        }
        checkInt(ctx, e.at, AT, RP, j, "at");
        checkInt(ctx, e.amountFen, FEN, RP, j, "amountFen");
        unknownKeys(ctx, e, REP_KEYS, RP, j);
      }
    }
    unknownKeys(ctx, l, LOAN_KEYS, LOAN_PRE, i);
  }
}
