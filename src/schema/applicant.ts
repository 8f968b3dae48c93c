import { z } from "zod";
import type {
  BureauAccountColumns,
  BureauDelinquencyColumns,
  BureauInquiryColumns,
  DeviceEventColumns,
  DeviceRecordColumns,
  InstallmentColumns,
  PaymentColumns,
  RepaymentColumns,
} from "./columnar";
import { BOUNDS, LIMITS } from "./limits";

/**
 * The input contract of riskcard: one loan application with the applicant's records.
 *
 * Rules that hold everywhere:
 * - money is integer fen (non-negative safe integers; direction is a separate field);
 * - time is epoch milliseconds (non-negative safe integers);
 * - enumerations are closed;
 * - objects are strict: an unknown key is rejected (`unrecognized_key`), never stripped, so a
 *   misspelt field cannot silently turn into missing data;
 * - every section except `id`, `identity` and `consent` is optional. An absent section means
 *   "no data" (a thin-file applicant has no `bureau`); features computed from it are missing, not 0.
 * - arrays have caps (see `LIMITS`) so one request cannot exhaust memory.
 */

/**
 * Epoch milliseconds: a non-negative safe integer.
 * @example epochMs.safeParse(-1).success // => false
 */
export const epochMs = z.int().min(BOUNDS.epochMs.min);
/**
 * An amount of money in fen (1/100 CNY): a non-negative safe integer.
 * @example fen.safeParse(1.5).success // => false (fen are whole)
 */
export const fen = z.int().min(BOUNDS.fen.min);
/**
 * A pseudonymous identifier (no names, phone or ID numbers): 1-128 characters of [A-Za-z0-9_.:-].
 * @example pseudonym.safeParse("user 1").success // => false (no spaces)
 */
export const pseudonym = z
  .string()
  .min(BOUNDS.pseudonymLength.min)
  .max(BOUNDS.pseudonymLength.max)
  .regex(/^[A-Za-z0-9_.:-]+$/);
/** The pattern of a code (place code, category code): letters, digits, `_` and `-`. */
const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;
/**
 * A coarse location code (city or district code), 1-32 characters of [A-Za-z0-9_-].
 * @example placeCode.safeParse("SH-01").success // => true
 */
export const placeCode = z.string().min(BOUNDS.placeCodeLength.min).max(BOUNDS.placeCodeLength.max).regex(CODE_PATTERN);
/**
 * A host-defined category code (the product applied for, the channel the application came through):
 * 1-32 characters of [A-Za-z0-9_-], the place-code pattern with its own length bounds.
 * @example categoryCode.safeParse("cash-loan").success // => true
 */
export const categoryCode = z
  .string()
  .min(BOUNDS.categoryCodeLength.min)
  .max(BOUNDS.categoryCodeLength.max)
  .regex(CODE_PATTERN);

/**
 * Occupations an applicant can declare (closed).
 * @example OCCUPATIONS[0] // => "employee"
 */
export const OCCUPATIONS = [
  "employee",
  "civil_servant",
  "self_employed",
  "freelancer",
  "student",
  "unemployed",
  "retired",
  "other",
] as const;

/**
 * Channels of a wallet payment event (closed).
 * @example PAYMENT_CHANNELS.includes("salary") // => true
 */
export const PAYMENT_CHANNELS = [
  "merchant",
  "transfer",
  "red_packet",
  "salary",
  "balance_product",
  "bill",
  "refund",
  "other",
] as const;

/**
 * Merchant categories; `gambling`, `lottery`, `gaming`, `crypto`, `cash_advance` and `pawn` count as risky.
 * @example MERCHANT_CATEGORIES.includes("gambling") // => true
 */
export const MERCHANT_CATEGORIES = [
  "groceries",
  "dining",
  "transport",
  "utilities",
  "telecom",
  "retail",
  "travel",
  "education",
  "health",
  "housing",
  "entertainment",
  "gaming",
  "lottery",
  "gambling",
  "crypto",
  "cash_advance",
  "pawn",
  "other",
] as const;

/**
 * The merchant categories counted as risky by the features (`pay_risky_merchant_share_90d`, ...).
 * @example RISKY_MERCHANT_CATEGORIES.includes("groceries") // => false
 */
export const RISKY_MERCHANT_CATEGORIES: readonly MerchantCategory[] = [
  "gaming",
  "lottery",
  "gambling",
  "crypto",
  "cash_advance",
  "pawn",
];

/**
 * Kinds of device event (closed).
 * @example DEVICE_EVENT_KINDS.includes("login") // => true
 */
export const DEVICE_EVENT_KINDS = [
  "login",
  "apply",
  "payment",
  "password_reset",
  "profile_change",
  "phone_change",
] as const;
/**
 * Kinds of account on a credit-bureau report (closed).
 * @example BUREAU_ACCOUNT_KINDS.includes("credit_card") // => true
 */
export const BUREAU_ACCOUNT_KINDS = [
  "credit_card",
  "consumer_loan",
  "mortgage",
  "car_loan",
  "microloan",
  "other",
] as const;
/**
 * Kinds of credit-bureau inquiry (closed).
 * @example INQUIRY_KINDS.includes("loan_application") // => true
 */
export const INQUIRY_KINDS = ["loan_application", "card_application", "guarantee", "post_loan", "other"] as const;
/**
 * Credit product types named on bureau inquiries and accounts (closed), so that signals can tell a
 * microloan or cash loan from a mortgage.
 * @example PRODUCT_TYPES.includes("microloan") // => true
 */
export const PRODUCT_TYPES = [
  "cash_loan",
  "installment",
  "microloan",
  "credit_card",
  "mortgage",
  "car_loan",
  "bnpl",
  "other",
] as const;

export type Occupation = (typeof OCCUPATIONS)[number];
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];
export type ProductType = (typeof PRODUCT_TYPES)[number];

/**
 * Identity as verified by the host app: pre-filled real-name data plus what the user declared.
 * @example identitySchema.safeParse(applicant.identity).success // => true
 */
export const identitySchema = z
  .strictObject({
    /** Date of birth `YYYY-MM-DD`; either this or `ageYears` is required (birth date wins when both). */
    birthDate: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
      .optional(),
    /** Age in whole years as of the application, when the birth date is not shared. */
    ageYears: z.int().min(BOUNDS.ageYears.min).max(BOUNDS.ageYears.max).optional(),
    realNameVerified: z.boolean(),
    idVerified: z.boolean(),
    phoneVerified: z.boolean(),
    occupation: z.enum(OCCUPATIONS).optional(),
    /** Declared monthly income in fen. */
    declaredMonthlyIncomeFen: fen.optional(),
    /** Monthly income in fen verified from salary flows, tax or payroll records, when available. */
    verifiedMonthlyIncomeFen: fen.optional(),
    /** Declared city of residence (coarse code). */
    cityCode: placeCode.optional(),
  })
  .superRefine((v, ctx) => {
    // Runs only when the fields above are individually valid (zod skips refinements otherwise).
    if (v.birthDate === undefined && v.ageYears === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ageYears"],
        message: "birthDate or ageYears is required",
        params: { code: "missing" },
      });
    } else if (v.birthDate !== undefined && !isCalendarDate(v.birthDate)) {
      ctx.addIssue({
        code: "custom",
        path: ["birthDate"],
        message: "not a calendar date",
        params: { code: "invalid_format" },
      });
    }
  });

/**
 * Whether a `YYYY-MM-DD` string names a real calendar date (no 31 February).
 * @param s a string already matching `^\d{4}-\d{2}-\d{2}$`
 * @returns true when the date exists in the proleptic Gregorian calendar
 * @example isCalendarDate("2024-02-29") // => true
 */
export function isCalendarDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/**
 * The data categories an applicant consents to separately (`consent.purposes`): the credit-bureau
 * report (`bureau`), wallet payments (`payments`), social signals (`social`), the coordinates and
 * city codes of device events (`location`), and device events, device records and the
 * application's device id and network address (`device`).
 * @example CONSENT_CATEGORIES // => ["bureau", "payments", "social", "location", "device"]
 */
export const CONSENT_CATEGORIES = ["bureau", "payments", "social", "location", "device"] as const;
/** One data category of `consent.purposes`. */
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/**
 * Consent per data category: `true` allows the category's data to be used for this decision; a
 * category left out or `false` is not consented (`bureau` left out follows `creditBureauQuery`).
 * @example consentPurposesSchema.safeParse({ location: "no" }).success // => false (a boolean is required)
 */
export const consentPurposesSchema = z.strictObject({
  bureau: z.boolean().optional(),
  payments: z.boolean().optional(),
  social: z.boolean().optional(),
  location: z.boolean().optional(),
  device: z.boolean().optional(),
});

/**
 * Consent to query the credit bureau (refusing it means the application cannot proceed) and,
 * optionally, consent per data category (`purposes`). Without `purposes`, every section given is
 * used, as before; with it, a section without consent is treated as absent (`applyConsent`).
 * @example consentSchema.safeParse({ creditBureauQuery: "yes" }).success // => false (a boolean is required)
 */
export const consentSchema = z.strictObject({
  creditBureauQuery: z.boolean(),
  /** When consent was given (epoch ms). */
  givenAt: epochMs.optional(),
  /** Consent per data category; see `CONSENT_CATEGORIES`. */
  purposes: consentPurposesSchema.optional(),
});

/**
 * The application being decided.
 * @example applicationSchema.safeParse(applicant.application).success // => true
 */
export const applicationSchema = z.strictObject({
  appliedAt: epochMs,
  requestedAmountFen: fen.optional(),
  requestedTermMonths: z.int().min(BOUNDS.requestedTermMonths.min).max(BOUNDS.requestedTermMonths.max).optional(),
  deviceId: pseudonym.optional(),
  ipHash: pseudonym.optional(),
  /** The product applied for, as the host names it (application metadata, not a consent category). */
  product: categoryCode.optional(),
  /** The channel the application came through (app, web, partner, ...), as the host names it. */
  channel: categoryCode.optional(),
});

/**
 * One payment event in the host app's wallet.
 * @example paymentEventSchema.safeParse({ ...applicant.payments[0], amountFen: -1 }).success // => false
 */
export const paymentEventSchema = z.strictObject({
  at: epochMs,
  amountFen: fen,
  direction: z.enum(["in", "out"]),
  channel: z.enum(PAYMENT_CHANNELS),
  /** Pseudonymous counterparty (a friend's hashed account, a merchant id). */
  counterparty: pseudonym.optional(),
  merchantCategory: z.enum(MERCHANT_CATEGORIES).optional(),
});

/**
 * Social-graph signals computed by the host app.
 * @example socialSchema.safeParse(applicant.social).success // => true
 */
export const socialSchema = z.strictObject({
  accountAgeDays: z.int().min(BOUNDS.accountAgeDays.min).max(BOUNDS.accountAgeDays.max),
  contactCount: z.int().min(BOUNDS.socialCount.min).max(BOUNDS.socialCount.max),
  /** Days with any activity in the last 30 days. */
  activeDays30: z.int().min(BOUNDS.activeDays30.min).max(BOUNDS.activeDays30.max).optional(),
  /** Contacts whose accounts are flagged (defaulted, fraud-confirmed). */
  flaggedContactCount: z.int().min(BOUNDS.socialCount.min).max(BOUNDS.socialCount.max).optional(),
  /** Direct money links (transfers) with accounts known to have defaulted. */
  defaultedLinkCount: z.int().min(BOUNDS.socialCount.min).max(BOUNDS.socialCount.max).optional(),
});

/**
 * One inquiry on the credit-bureau report.
 * @example bureauInquirySchema.safeParse(applicant.bureau.inquiries[0]).success // => true
 */
export const bureauInquirySchema = z.strictObject({
  at: epochMs,
  kind: z.enum(INQUIRY_KINDS),
  /** Pseudonymous id of the lender that made the inquiry (so distinct lenders can be counted). */
  lenderId: pseudonym.optional(),
  /** The credit product applied for. */
  productType: z.enum(PRODUCT_TYPES).optional(),
});

/**
 * One account on the credit-bureau report; balances and limits in fen.
 * @example bureauAccountSchema.safeParse(applicant.bureau.accounts[0]).success // => true
 */
export const bureauAccountSchema = z.strictObject({
  kind: z.enum(BUREAU_ACCOUNT_KINDS),
  openedAt: epochMs,
  closedAt: epochMs.optional(),
  limitFen: fen.optional(),
  balanceFen: fen,
  monthlyPaymentFen: fen.optional(),
  /** Worst days past due ever reported on this account. */
  worstDaysPastDue: z.int().min(BOUNDS.worstDaysPastDue.min).max(BOUNDS.worstDaysPastDue.max),
  /** Pseudonymous id of the lender holding the account. */
  lenderId: pseudonym.optional(),
  /** The credit product of the account. */
  productType: z.enum(PRODUCT_TYPES).optional(),
});

/**
 * One delinquency on the credit-bureau report, by the days past due it reached.
 * @example bureauDelinquencySchema.safeParse({}).success // => false
 */
export const bureauDelinquencySchema = z.strictObject({
  at: epochMs,
  /** Days past due reached (30, 60, 90, 120, ...). */
  daysPastDue: z.int().min(BOUNDS.daysPastDue.min).max(BOUNDS.daysPastDue.max),
  amountFen: fen.optional(),
});

/**
 * The credit-bureau report obtained with consent. Absent for a thin-file applicant.
 * @example bureauSchema.safeParse(applicant.bureau).success // => true
 */
export const bureauSchema = z.strictObject({
  reportedAt: epochMs,
  /** Months since the first account on file. */
  historyMonths: z.int().min(BOUNDS.historyMonths.min).max(BOUNDS.historyMonths.max),
  inquiries: z.array(bureauInquirySchema).max(LIMITS.bureauInquiries),
  accounts: z.array(bureauAccountSchema).max(LIMITS.bureauAccounts),
  delinquencies: z.array(bureauDelinquencySchema).max(LIMITS.bureauDelinquencies),
  /** Total monthly repayment obligations reported, in fen. */
  monthlyObligationsFen: fen,
});

/**
 * A login or other device event.
 * @example deviceEventSchema.safeParse(applicant.devices.events[0]).success // => true
 */
export const deviceEventSchema = z.strictObject({
  at: epochMs,
  kind: z.enum(DEVICE_EVENT_KINDS),
  deviceId: pseudonym,
  ipHash: pseudonym.optional(),
  /** Coarse location (about city level) in degrees. */
  lat: z.number().min(BOUNDS.latitude.min).max(BOUNDS.latitude.max).optional(),
  lon: z.number().min(BOUNDS.longitude.min).max(BOUNDS.longitude.max).optional(),
  cityCode: placeCode.optional(),
});

/**
 * The platform's view of a device the applicant used.
 * @example deviceRecordSchema.safeParse(applicant.devices.records[0]).success // => true
 */
export const deviceRecordSchema = z.strictObject({
  deviceId: pseudonym,
  firstSeenAt: epochMs,
  /** Distinct accounts the platform has seen on this device. */
  accountCount: z.int().min(BOUNDS.deviceAccountCount.min).max(BOUNDS.deviceAccountCount.max),
});

/**
 * Device events and the platform's device records.
 * @example devicesSchema.safeParse(applicant.devices).success // => true
 */
export const devicesSchema = z.strictObject({
  events: z.array(deviceEventSchema).max(LIMITS.deviceEvents),
  records: z.array(deviceRecordSchema).max(LIMITS.deviceRecords).optional(),
});

/**
 * One scheduled installment of a platform loan.
 * @example installmentSchema.safeParse({ dueAt: asOf, amountFen: 88_848 }).success // => true
 */
export const installmentSchema = z.strictObject({
  dueAt: epochMs,
  amountFen: fen,
});

/**
 * One repayment made on a platform loan.
 * @example repaymentSchema.safeParse({ at: asOf, amountFen: -1 }).success // => false
 */
export const repaymentSchema = z.strictObject({
  at: epochMs,
  amountFen: fen,
});

/**
 * A loan previously taken on this platform, with its schedule and repayments.
 * @example platformLoanSchema.safeParse({ loanId: "l-1", disbursedAt: 0, principalFen: 100_000, installments: [], repayments: [] }).success // => false (at least one installment)
 */
export const platformLoanSchema = z.strictObject({
  loanId: pseudonym,
  disbursedAt: epochMs,
  principalFen: fen,
  installments: z.array(installmentSchema).min(1).max(LIMITS.installments),
  repayments: z.array(repaymentSchema).max(LIMITS.repayments),
});

/**
 * The applicant: the whole input of `decide`.
 * @example applicantSchema.safeParse(applicant).success // => true
 */
export const applicantSchema = z.strictObject({
  /** Pseudonymous applicant id (never a name, phone or ID number). */
  id: pseudonym,
  identity: identitySchema,
  consent: consentSchema,
  application: applicationSchema.optional(),
  payments: z.array(paymentEventSchema).max(LIMITS.payments).optional(),
  social: socialSchema.optional(),
  bureau: bureauSchema.optional(),
  devices: devicesSchema.optional(),
  loans: z.array(platformLoanSchema).max(LIMITS.loans).optional(),
});

export type Identity = z.infer<typeof identitySchema>;
export type Consent = z.infer<typeof consentSchema>;
export type ConsentPurposes = z.infer<typeof consentPurposesSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
export type Social = z.infer<typeof socialSchema>;
export type Bureau = z.infer<typeof bureauSchema>;
export type BureauAccount = z.infer<typeof bureauAccountSchema>;
export type BureauInquiry = z.infer<typeof bureauInquirySchema>;
export type DeviceEvent = z.infer<typeof deviceEventSchema>;
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;
export type Devices = z.infer<typeof devicesSchema>;
export type PlatformLoan = z.infer<typeof platformLoanSchema>;
/** A validated applicant in the row form (`applicantSchema`); what generators and hosts usually build. */
export type Applicant = z.infer<typeof applicantSchema>;
/** A bureau delinquency (one row of `bureau.delinquencies`). */
export type BureauDelinquency = z.infer<typeof bureauDelinquencySchema>;
/** One installment of a platform loan. */
export type Installment = z.infer<typeof installmentSchema>;
/** One repayment on a platform loan. */
export type Repayment = z.infer<typeof repaymentSchema>;
/** A bureau report whose event tables may each be in the row or the columnar form. */
export type AnyFormBureau = Omit<Bureau, "inquiries" | "accounts" | "delinquencies"> & {
  inquiries: BureauInquiry[] | BureauInquiryColumns;
  accounts: BureauAccount[] | BureauAccountColumns;
  delinquencies: BureauDelinquency[] | BureauDelinquencyColumns;
};
/** Device events and records, each in the row or the columnar form. */
export type AnyFormDevices = {
  events: DeviceEvent[] | DeviceEventColumns;
  records?: DeviceRecord[] | DeviceRecordColumns | undefined;
};
/** A platform loan (always an object) whose installments and repayments may each be in the row or the columnar form. */
export type AnyFormLoan = Omit<PlatformLoan, "installments" | "repayments"> & {
  installments: Installment[] | InstallmentColumns;
  repayments: Repayment[] | RepaymentColumns;
};
/**
 * An applicant whose event sections (`payments`, `devices.events`, `devices.records`,
 * `bureau.inquiries`, `bureau.accounts`, `bureau.delinquencies`, each loan's `installments` and
 * `repayments`) may each be in the row form (`applicantSchema`) or the columnar form
 * (`columnarApplicantSchema`): what `parseApplicant` returns and every reader of a validated
 * applicant accepts; a reader tells the forms apart with `Array.isArray` (or reads both through
 * `rowAt`).
 */
export type AnyFormApplicant = Omit<Applicant, "payments" | "devices" | "bureau" | "loans"> & {
  payments?: PaymentEvent[] | PaymentColumns | undefined;
  bureau?: AnyFormBureau | undefined;
  devices?: AnyFormDevices | undefined;
  loans?: AnyFormLoan[] | undefined;
};
