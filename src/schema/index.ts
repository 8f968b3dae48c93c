/**
 * riskcard/schema: the input contract (zod schemas of an applicant and its records, with their
 * closed enumerations and numeric bounds), the columnar request form of `payments` and
 * `devices.events` (`columnarApplicantSchema`, `toColumnar`, `toRows`: see `columnar.ts`), the fast
 * validator `parseApplicant` (equal to the zod contract, property-tested), the JSON Schema exports, and errors as data (`Issue`, `Result`,
 * `RiskcardError`).
 *
 * Explicit list: the fast validator's section checkers stay internal.
 */
export { ageInYears } from "./age";
export {
  type AnyFormApplicant,
  type Applicant,
  type Application,
  applicantSchema,
  applicationSchema,
  type Bureau,
  type BureauAccount,
  type BureauInquiry,
  BUREAU_ACCOUNT_KINDS,
  bureauAccountSchema,
  bureauDelinquencySchema,
  bureauInquirySchema,
  bureauSchema,
  type Consent,
  CONSENT_CATEGORIES,
  type ConsentCategory,
  consentPurposesSchema,
  type ConsentPurposes,
  consentSchema,
  DEVICE_EVENT_KINDS,
  type DeviceEvent,
  type DeviceEventKind,
  deviceEventSchema,
  type DeviceRecord,
  deviceRecordSchema,
  type Devices,
  devicesSchema,
  epochMs,
  fen,
  type Identity,
  identitySchema,
  INQUIRY_KINDS,
  installmentSchema,
  MERCHANT_CATEGORIES,
  type MerchantCategory,
  OCCUPATIONS,
  type Occupation,
  PAYMENT_CHANNELS,
  type PaymentChannel,
  type PaymentEvent,
  paymentEventSchema,
  categoryCode,
  placeCode,
  type PlatformLoan,
  platformLoanSchema,
  PRODUCT_TYPES,
  type ProductType,
  pseudonym,
  RISKY_MERCHANT_CATEGORIES,
  repaymentSchema,
  type Social,
  socialSchema,
} from "./applicant";
export {
  columnarApplicantSchema,
  type DeviceEventColumns,
  deviceEventColumnsSchema,
  type PaymentColumns,
  paymentColumnsSchema,
} from "./columnar";
export { applicantJsonSchema, columnarApplicantJsonSchema } from "./json-schema";
export { toColumnar, toRows } from "./transpose";
export { BOUNDS, LIMITS, type NumericRange } from "./limits";
export {
  type ParsedApplicant,
  parseApplicant,
  parseApplicantJson,
  parseApplicantOrThrow,
  parseApplicantWithZod,
} from "./parse";
export {
  ArtefactError,
  ConfigError,
  fail,
  formatIssues,
  formatPath,
  type Issue,
  type IssueCode,
  type IssuePath,
  issue,
  KEY_PLACEHOLDER,
  ok,
  type Result,
  RiskcardError,
  safeKey,
  unwrap,
} from "./result";
export {
  capIssues,
  deepFreeze,
  FORBIDDEN_KEYS,
  type GuardOptions,
  guardJson,
  type JsonLimits,
  type JsonRoot,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  parseJsonText,
  prefixIssues,
} from "./json-guard";
export { fromZodIssues, validateWith } from "./zod-issues";
export { applyConsent, consentsTo, dataCategoriesOf } from "./consent";
