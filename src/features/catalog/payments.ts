import type { FeatureSpec } from "../spec";

const OUT = { direction: ["out"] };
const IN = { direction: ["in"] };
const RISKY = ["gaming", "lottery", "gambling", "crypto", "cash_advance", "pawn"];
const flow = (dir: "in" | "out", d: number): FeatureSpec => ({
  name: `pay_${dir === "in" ? "inflow" : "outflow"}_${d}d_fen`,
  kind: "aggregate",
  source: "payments",
  where: { in: { direction: [dir] } },
  windowDays: d,
  aggregate: "sum",
  field: "amountFen",
  unit: "fen",
  description: `Sum of ${dir === "in" ? "incoming" : "outgoing"} payments over ${d} days`,
});
const net = (d: number): FeatureSpec => ({
  name: `pay_net_flow_${d}d_fen`,
  kind: "combine",
  op: "difference",
  of: [`pay_inflow_${d}d_fen`, `pay_outflow_${d}d_fen`],
  unit: "fen",
  description: `Inflow minus outflow over ${d} days (can be negative)`,
});

/** Payment-behaviour features (wallet events). */
export const paymentFeatures: readonly FeatureSpec[] = [
  flow("in", 30),
  flow("in", 90),
  flow("in", 180),
  flow("out", 30),
  flow("out", 90),
  flow("out", 180),
  net(30),
  net(90),
  net(180),
  { name: "pay_count_90d", kind: "aggregate", source: "payments", windowDays: 90, aggregate: "count", unit: "count", description: "Payment events over 90 days" },
  { name: "pay_outflow_count_90d", kind: "aggregate", source: "payments", where: { in: OUT }, windowDays: 90, aggregate: "count", unit: "count", description: "Outgoing payments over 90 days" },
  { name: "pay_outflow_to_inflow_90d", kind: "ratio", numerator: "pay_outflow_90d_fen", denominator: "pay_inflow_90d_fen", unit: "ratio", description: "Outflow / inflow over 90 days" },
  { name: "pay_salary_inflow_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...IN, channel: ["salary"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Salary inflow over 90 days" },
  { name: "pay_salary_months_180d", kind: "aggregate", source: "payments", where: { in: { ...IN, channel: ["salary"] } }, windowDays: 180, bucketDays: 30, aggregate: "active_buckets", unit: "count", description: "30-day periods of the last 180 days with a salary inflow (0-6)" },
  { name: "pay_salary_regularity_180d", kind: "ratio", numerator: "pay_salary_months_180d", denominator: 6, unit: "share", description: "Share of the six 30-day periods of the last 180 days with a salary inflow" },
  { name: "pay_outflow_volatility_180d", kind: "aggregate", source: "payments", where: { in: OUT }, windowDays: 180, bucketDays: 30, aggregate: "bucket_cv", field: "amountFen", unit: "ratio", description: "Coefficient of variation (population sd / mean) of outflow over six 30-day periods; missing when no outflow" },
  { name: "pay_merchant_outflow_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...OUT, channel: ["merchant"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Merchant spending over 90 days" },
  { name: "pay_risky_merchant_outflow_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...OUT, channel: ["merchant"], merchantCategory: RISKY } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Merchant spending in risky categories (gaming, lottery, gambling, crypto, cash_advance, pawn) over 90 days" },
  { name: "pay_risky_merchant_share_90d", kind: "ratio", numerator: "pay_risky_merchant_outflow_90d_fen", denominator: "pay_merchant_outflow_90d_fen", unit: "share", description: "Risky merchant spending / merchant spending over 90 days" },
  { name: "pay_night_outflow_count_90d", kind: "aggregate", source: "payments", where: { in: OUT, hours: [0, 6] }, windowDays: 90, aggregate: "count", unit: "count", description: "Outgoing payments between 00:00 and 06:00 local time over 90 days" },
  { name: "pay_night_share_90d", kind: "ratio", numerator: "pay_night_outflow_count_90d", denominator: "pay_outflow_count_90d", unit: "share", description: "Night-time share of outgoing payments over 90 days" },
  { name: "pay_balance_product_in_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...IN, channel: ["balance_product"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Redemptions from the balance (money-market) product over 90 days" },
  { name: "pay_balance_product_out_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...OUT, channel: ["balance_product"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Subscriptions into the balance product over 90 days" },
  { name: "pay_balance_product_count_90d", kind: "aggregate", source: "payments", where: { in: { channel: ["balance_product"] } }, windowDays: 90, aggregate: "count", unit: "count", description: "Balance-product events over 90 days" },
  { name: "pay_red_packet_count_90d", kind: "aggregate", source: "payments", where: { in: { channel: ["red_packet"] } }, windowDays: 90, aggregate: "count", unit: "count", description: "Red packets sent or received over 90 days" },
  { name: "pay_red_packet_out_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...OUT, channel: ["red_packet"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Red packets sent over 90 days" },
  { name: "pay_red_packet_share_90d", kind: "ratio", numerator: "pay_red_packet_count_90d", denominator: "pay_count_90d", unit: "share", description: "Red packets / payment events over 90 days" },
  { name: "pay_transfer_count_90d", kind: "aggregate", source: "payments", where: { in: { channel: ["transfer"] } }, windowDays: 90, aggregate: "count", unit: "count", description: "Friend transfers over 90 days" },
  { name: "pay_transfer_share_90d", kind: "ratio", numerator: "pay_transfer_count_90d", denominator: "pay_count_90d", unit: "share", description: "Friend transfers / payment events over 90 days" },
  { name: "pay_counterparties_90d", kind: "aggregate", source: "payments", windowDays: 90, aggregate: "distinct", field: "counterparty", unit: "count", description: "Distinct counterparties over 90 days" },
  { name: "pay_transfer_counterparties_90d", kind: "aggregate", source: "payments", where: { in: { channel: ["transfer", "red_packet"] } }, windowDays: 90, aggregate: "distinct", field: "counterparty", unit: "count", description: "Distinct friends in transfers and red packets over 90 days" },
  { name: "pay_max_outflow_90d_fen", kind: "aggregate", source: "payments", where: { in: OUT }, windowDays: 90, aggregate: "max", field: "amountFen", unit: "fen", description: "Largest single outgoing payment over 90 days" },
  { name: "pay_max_outflow_to_income_90d", kind: "ratio", numerator: "pay_max_outflow_90d_fen", denominator: "income_monthly_fen", unit: "ratio", description: "Largest outgoing payment over 90 days / monthly income" },
  { name: "pay_bill_outflow_90d_fen", kind: "aggregate", source: "payments", where: { in: { ...OUT, channel: ["bill"] } }, windowDays: 90, aggregate: "sum", field: "amountFen", unit: "fen", description: "Bill payments over 90 days" },
  { name: "pay_days_since_last_inflow", kind: "aggregate", source: "payments", where: { in: IN }, aggregate: "days_since_last", unit: "days", description: "Whole days since the most recent inflow" },
  { name: "pay_history_days", kind: "aggregate", source: "payments", aggregate: "days_since_first", unit: "days", description: "Whole days since the first payment event on file" },
];
