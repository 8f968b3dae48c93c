import type { FeatureSpec } from "../spec";

const LOAN_INQUIRY = { kind: ["loan_application"] };
/** Account changes an account takeover leaves behind: password resets, phone and profile changes. */
const ACCOUNT_CHANGES = ["password_reset", "phone_change", "profile_change"];

const loanInquiries = (d: number): FeatureSpec => ({
  name: `bureau_loan_inquiries_${d}d`,
  kind: "aggregate",
  source: "inquiries",
  where: { in: LOAN_INQUIRY },
  windowDays: d,
  aggregate: "count",
  unit: "count",
  description: `Loan-application inquiries over ${d} days`,
});
const loanLenders = (d: number): FeatureSpec => ({
  name: `bureau_loan_inquiry_lenders_${d}d`,
  kind: "aggregate",
  source: "inquiries",
  where: { in: LOAN_INQUIRY },
  windowDays: d,
  aggregate: "distinct",
  field: "lenderId",
  unit: "count",
  description: `Distinct lenders with loan-application inquiries over ${d} days (inquiries without a lender id not counted)`,
});
const changes24h = (kinds: readonly string[], name: string, what: string): FeatureSpec => ({
  name,
  kind: "aggregate",
  source: "deviceEvents",
  where: { in: { kind: [...kinds] } },
  windowDays: 1,
  aggregate: "count",
  unit: "count",
  description: `${what} in the 24 hours up to asOf (decide's asOf is the application time)`,
});

/**
 * The named signals of multi-lender borrowing (多头借贷), account takeover and income inflation:
 * distinct lenders with loan inquiries, new microloans, account changes just before applying and
 * declared versus verified income. The fraud facts of the same names (`bureau.loanLenders30d`, ...)
 * are computed in `src/fraud/compute-facts.ts` from the application time.
 * @example signalFeatures.every((f) => defaultCatalog.names.includes(f.name)) // => true
 */
export const signalFeatures: readonly FeatureSpec[] = [
  ...[7, 30, 90, 180, 365].map(loanInquiries),
  ...[7, 30, 90, 180, 365].map(loanLenders),
  {
    name: "bureau_microloans_opened_30d",
    kind: "aggregate",
    source: "accounts",
    where: { in: { kind: ["microloan"] } },
    windowDays: 30,
    aggregate: "count",
    unit: "count",
    description: "Microloan accounts opened over 30 days",
  },
  {
    name: "bureau_open_account_lenders",
    kind: "aggregate",
    source: "accounts",
    where: { open: true },
    aggregate: "distinct",
    field: "lenderId",
    unit: "count",
    description: "Distinct lenders holding an account open at asOf (accounts without a lender id not counted)",
  },
  changes24h(["password_reset"], "device_password_resets_24h", "Password resets"),
  changes24h(["phone_change"], "device_phone_changes_24h", "Phone-number changes"),
  changes24h(["profile_change"], "device_profile_changes_24h", "Profile changes"),
  changes24h(ACCOUNT_CHANGES, "device_account_changes_24h", "Password resets, phone and profile changes"),
  {
    name: "income_verified_monthly_fen",
    kind: "field",
    section: "identity",
    field: "verifiedMonthlyIncomeFen",
    unit: "fen",
    description: "Verified monthly income",
  },
  {
    name: "income_declared_to_verified",
    kind: "ratio",
    numerator: "income_declared_monthly_fen",
    denominator: "income_verified_monthly_fen",
    unit: "ratio",
    description: "Declared / verified monthly income (income inflation when 1.5 or more)",
  },
];
