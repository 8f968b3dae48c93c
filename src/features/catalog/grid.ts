/**
 * The wide part of the default catalog: windows x filters x aggregates over every event source,
 * declared as data (the "300-dimension" profile of the seeds). Each helper below builds one family;
 * names say source, filter, aggregate and window, and every feature is documented in CATALOG.md.
 */
import { PRODUCT_TYPES } from "../../schema/applicant";
import type { AggregateSpec, FeatureSpec, FeatureUnit, Where } from "../spec";

type Agg = Pick<AggregateSpec, "aggregate" | "field" | "emptyValue" | "bucketDays">;

const COUNT: Agg = { aggregate: "count" };
const agg = (
  name: string,
  source: AggregateSpec["source"],
  where: Where | undefined,
  windowDays: number | undefined,
  a: Agg,
  unit: FeatureUnit,
  description: string,
): FeatureSpec => ({
  name,
  kind: "aggregate",
  source,
  ...(where === undefined ? {} : { where }),
  ...(windowDays === undefined ? {} : { windowDays }),
  ...a,
  unit,
  description,
});

/** Every combination of the lists, in order: `cross([1, 2], ["a"])` is `[[1, "a"], [2, "a"]]`. */
function cross<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}

const label = (s: string): string => s.replace(/_/g, " ");

// Payments.
const CHANNELS = ["merchant", "transfer", "red_packet", "salary", "balance_product", "bill", "refund"] as const;
const RISKY = ["gaming", "lottery", "gambling", "crypto", "cash_advance", "pawn"] as const;
const PAY_SUM: Agg = { aggregate: "sum", field: "amountFen" };
const PAY_MAX: Agg = { aggregate: "max", field: "amountFen" };
const PAY_MEAN: Agg = { aggregate: "mean", field: "amountFen" };

const paymentGrid: FeatureSpec[] = [
  ...cross(CHANNELS, [30, 180, 365]).flatMap(([ch, d]) => [
    agg(
      `pay_by_channel_${ch}_count_${d}d`,
      "payments",
      { in: { channel: [ch] } },
      d,
      COUNT,
      "count",
      `${label(ch)} payments (either direction) over ${d} days`,
    ),
    agg(
      `pay_by_channel_${ch}_sum_${d}d_fen`,
      "payments",
      { in: { channel: [ch] } },
      d,
      PAY_SUM,
      "fen",
      `Amount of ${label(ch)} payments (either direction) over ${d} days`,
    ),
  ]),
  ...cross(RISKY, [30, 90]).flatMap(([cat, d]) => [
    agg(
      `pay_risky_${cat}_count_${d}d`,
      "payments",
      { in: { direction: ["out"], merchantCategory: [cat] } },
      d,
      COUNT,
      "count",
      `Outgoing ${label(cat)} merchant payments over ${d} days`,
    ),
    agg(
      `pay_risky_${cat}_sum_${d}d_fen`,
      "payments",
      { in: { direction: ["out"], merchantCategory: [cat] } },
      d,
      PAY_SUM,
      "fen",
      `Amount of outgoing ${label(cat)} merchant payments over ${d} days`,
    ),
  ]),
  ...cross(["in", "out"] as const, [7, 30, 180, 365]).flatMap(([dir, d]) => [
    agg(
      `pay_${dir}_max_${d}d_fen`,
      "payments",
      { in: { direction: [dir] } },
      d,
      PAY_MAX,
      "fen",
      `Largest ${dir === "in" ? "incoming" : "outgoing"} payment over ${d} days; missing when none`,
    ),
    agg(
      `pay_${dir}_mean_${d}d_fen`,
      "payments",
      { in: { direction: [dir] } },
      d,
      PAY_MEAN,
      "fen",
      `Mean ${dir === "in" ? "incoming" : "outgoing"} payment over ${d} days; missing when none`,
    ),
  ]),
  ...cross(["in", "out"] as const, [7, 30, 180]).map(([dir, d]) =>
    agg(
      `pay_${dir}_counterparties_${d}d`,
      "payments",
      { in: { direction: [dir] } },
      d,
      { aggregate: "distinct", field: "counterparty" },
      "count",
      `Distinct counterparties of ${dir === "in" ? "incoming" : "outgoing"} payments over ${d} days`,
    ),
  ),
  agg(
    "pay_days_since_last_outflow",
    "payments",
    { in: { direction: ["out"] } },
    undefined,
    { aggregate: "days_since_last" },
    "days",
    "Whole days since the latest outgoing payment; missing when none",
  ),
  agg(
    "pay_days_since_last_salary",
    "payments",
    { in: { channel: ["salary"] } },
    undefined,
    { aggregate: "days_since_last" },
    "days",
    "Whole days since the latest salary payment; missing when none",
  ),
  ...[7, 30, 180].map((d) =>
    agg(
      `pay_night_outflows_${d}d`,
      "payments",
      { in: { direction: ["out"] }, hours: [0, 6] },
      d,
      COUNT,
      "count",
      `Outgoing payments between 00:00 and 06:00 local time over ${d} days`,
    ),
  ),
  ...[180, 360].map((d) =>
    agg(
      `pay_active_out_months_${d}d`,
      "payments",
      { in: { direction: ["out"] } },
      d,
      { aggregate: "active_buckets", bucketDays: 30 },
      "count",
      `30-day periods with an outgoing payment, of the ${d / 30} periods up to asOf`,
    ),
  ),
];

// Credit-bureau inquiries.
// (loan-application inquiries are counted in signals.ts)
const INQ_KINDS = ["card_application", "guarantee", "post_loan", "other"] as const;
const LOAN_PRODUCTS = ["cash_loan", "installment", "microloan", "bnpl", "credit_card"] as const;
const inquiryGrid: FeatureSpec[] = [
  ...cross(INQ_KINDS, [7, 30, 90, 180, 365]).map(([k, d]) =>
    agg(
      `bureau_inq_${k}_count_${d}d`,
      "inquiries",
      { in: { kind: [k] } },
      d,
      COUNT,
      "count",
      `${label(k)} inquiries over ${d} days`,
    ),
  ),
  ...cross(LOAN_PRODUCTS, [30, 90, 180]).map(([p, d]) =>
    agg(
      `bureau_inq_product_${p}_count_${d}d`,
      "inquiries",
      { in: { productType: [p] } },
      d,
      COUNT,
      "count",
      `Inquiries for a ${label(p)} product over ${d} days`,
    ),
  ),
  ...[30, 365].map((d) =>
    agg(
      `bureau_inquiry_lenders_${d}d`,
      "inquiries",
      undefined,
      d,
      { aggregate: "distinct", field: "lenderId" },
      "count",
      `Distinct lenders with any inquiry over ${d} days (inquiries without a lender id not counted)`,
    ),
  ),
  agg(
    "bureau_days_since_last_loan_inquiry",
    "inquiries",
    { in: { kind: ["loan_application"] } },
    undefined,
    { aggregate: "days_since_last" },
    "days",
    "Whole days since the latest loan-application inquiry; missing when none",
  ),
];

// Credit-bureau accounts (time field: openedAt).
const ACC_KINDS = ["credit_card", "consumer_loan", "mortgage", "car_loan", "microloan", "other"] as const;
// the schema's closed list of product types (one feature per product)
const PRODUCTS = PRODUCT_TYPES;
// (bureau_microloans_open and bureau_microloans_opened_30d are declared by hand elsewhere)
const accountGrid: FeatureSpec[] = [
  ...cross(ACC_KINDS, [30, 90, 365])
    .filter(([k, d]) => !(k === "microloan" && d === 30))
    .map(([k, d]) =>
      agg(
        `bureau_acc_${k}_opened_${d}d`,
        "accounts",
        { in: { kind: [k] } },
        d,
        COUNT,
        "count",
        `${label(k)} accounts opened over ${d} days`,
      ),
    ),
  ...ACC_KINDS.filter((k) => k !== "microloan").map((k) =>
    agg(
      `bureau_acc_${k}_open_count`,
      "accounts",
      { in: { kind: [k] }, open: true },
      undefined,
      COUNT,
      "count",
      `${label(k)} accounts open at asOf`,
    ),
  ),
  ...ACC_KINDS.flatMap((k) => [
    agg(
      `bureau_acc_${k}_open_balance_fen`,
      "accounts",
      { in: { kind: [k] }, open: true },
      undefined,
      { aggregate: "sum", field: "balanceFen" },
      "fen",
      `Balance of ${label(k)} accounts open at asOf`,
    ),
    agg(
      `bureau_acc_${k}_worst_dpd`,
      "accounts",
      { in: { kind: [k] } },
      undefined,
      { aggregate: "max", field: "worstDaysPastDue", emptyValue: 0 },
      "days",
      `Worst days past due on any ${label(k)} account (0 when none)`,
    ),
  ]),
  ...PRODUCTS.map((p) =>
    agg(
      `bureau_acc_product_${p}_open_count`,
      "accounts",
      { in: { productType: [p] }, open: true },
      undefined,
      COUNT,
      "count",
      `Accounts for a ${label(p)} product open at asOf`,
    ),
  ),
  ...[90, 365].map((d) =>
    agg(
      `bureau_acc_lenders_opened_${d}d`,
      "accounts",
      undefined,
      d,
      { aggregate: "distinct", field: "lenderId" },
      "count",
      `Distinct lenders of accounts opened over ${d} days (accounts without a lender id not counted)`,
    ),
  ),
  agg(
    "bureau_acc_open_monthly_payment_fen",
    "accounts",
    { open: true },
    undefined,
    { aggregate: "sum", field: "monthlyPaymentFen" },
    "fen",
    "Monthly payments reported on accounts open at asOf (accounts without one count 0)",
  ),
  agg(
    "bureau_acc_open_max_balance_fen",
    "accounts",
    { open: true },
    undefined,
    { aggregate: "max", field: "balanceFen" },
    "fen",
    "Largest balance of an account open at asOf; missing when none",
  ),
  agg(
    "bureau_acc_oldest_days",
    "accounts",
    undefined,
    undefined,
    { aggregate: "days_since_first" },
    "days",
    "Whole days since the oldest account was opened; missing when none",
  ),
  agg(
    "bureau_acc_newest_days",
    "accounts",
    undefined,
    undefined,
    { aggregate: "days_since_last" },
    "days",
    "Whole days since the newest account was opened; missing when none",
  ),
];

// Credit-bureau delinquencies (all of them over 365 days: bureau_delinquencies_12m).
const delinquencyGrid: FeatureSpec[] = [
  ...cross([1, 30, 60, 90] as const, [90, 180, 365, 730])
    .filter(([dpd, d]) => !(dpd === 1 && d === 365))
    .map(([dpd, d]) =>
      agg(
        `bureau_delq_${dpd}p_count_${d}d`,
        "delinquencies",
        { gte: { daysPastDue: dpd } },
        d,
        COUNT,
        "count",
        `Delinquencies reaching ${dpd}+ days past due over ${d} days`,
      ),
    ),
  ...[365, 730].map((d) =>
    agg(
      `bureau_delq_amount_${d}d_fen`,
      "delinquencies",
      undefined,
      d,
      { aggregate: "sum", field: "amountFen" },
      "fen",
      `Amounts reported on delinquencies over ${d} days (those without an amount count 0)`,
    ),
  ),
  agg(
    "bureau_delq_worst_dpd_365d",
    "delinquencies",
    undefined,
    365,
    { aggregate: "max", field: "daysPastDue", emptyValue: 0 },
    "days",
    "Worst days past due among delinquencies over 365 days (0 when none)",
  ),
];

// Device events and records (logins, applications, resets and profile changes over 30 days and all
// of them over 24 hours are declared by hand in devices.ts and signals.ts).
const DEV_KINDS = ["login", "apply", "payment", "password_reset", "profile_change", "phone_change"] as const;
const deviceGrid: FeatureSpec[] = [
  ...[...cross(DEV_KINDS, [7, 90, 180]), ...cross(["payment", "phone_change"] as const, [30])].map(([k, d]) =>
    agg(
      `device_ev_${k}_count_${d}d`,
      "deviceEvents",
      { in: { kind: [k] } },
      d,
      COUNT,
      "count",
      `${label(k)} events over ${d} day${d === 1 ? "" : "s"}`,
    ),
  ),
  ...cross(["deviceId", "ipHash", "cityCode"] as const, [1, 7, 180]).map(([f, d]) =>
    agg(
      `device_ev_distinct_${f === "deviceId" ? "devices" : f === "ipHash" ? "ips" : "cities"}_${d}d`,
      "deviceEvents",
      undefined,
      d,
      { aggregate: "distinct", field: f },
      "count",
      `Distinct ${f === "deviceId" ? "devices" : f === "ipHash" ? "IP hashes" : "city codes"} in device events over ${d} day${d === 1 ? "" : "s"}`,
    ),
  ),
  ...[7, 90].map((d) =>
    agg(
      `device_ev_night_count_${d}d`,
      "deviceEvents",
      { hours: [0, 6] },
      d,
      COUNT,
      "count",
      `Device events between 00:00 and 06:00 local time over ${d} days`,
    ),
  ),
  agg(
    "device_records_count",
    "deviceRecords",
    undefined,
    undefined,
    COUNT,
    "count",
    "Devices on record for the applicant",
  ),
  agg(
    "device_records_new_30d",
    "deviceRecords",
    undefined,
    30,
    COUNT,
    "count",
    "Devices first seen by the platform over 30 days",
  ),
  agg(
    "device_records_newest_days",
    "deviceRecords",
    undefined,
    undefined,
    { aggregate: "days_since_last" },
    "days",
    "Whole days since the platform first saw the applicant's newest device; missing when none",
  ),
];

// Platform loans (time field: disbursedAt).
const loanGrid: FeatureSpec[] = [
  ...[30, 90, 365].map((d) =>
    agg(`loan_count_${d}d`, "loans", undefined, d, COUNT, "count", `Loans taken on the platform over ${d} days`),
  ),
  ...[30, 90, 180].map((d) =>
    agg(
      `loan_principal_${d}d_fen`,
      "loans",
      undefined,
      d,
      { aggregate: "sum", field: "principalFen" },
      "fen",
      `Principal borrowed on the platform over ${d} days`,
    ),
  ),
  agg(
    "loan_max_principal_365d_fen",
    "loans",
    undefined,
    365,
    { aggregate: "max", field: "principalFen" },
    "fen",
    "Largest principal borrowed over 365 days; missing when none",
  ),
];

/**
 * The generated families of the default catalog, in output order (after the hand-written sections).
 * @example gridFeatures.length > 200 // => true
 */
export const gridFeatures: readonly FeatureSpec[] = [
  ...paymentGrid,
  ...inquiryGrid,
  ...accountGrid,
  ...delinquencyGrid,
  ...deviceGrid,
  ...loanGrid,
];
