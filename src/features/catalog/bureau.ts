import type { FeatureSpec } from "../spec";

const inq = (months: number, days: number): FeatureSpec => ({
  name: `bureau_inquiries_${months}m`,
  kind: "aggregate",
  source: "inquiries",
  windowDays: days,
  aggregate: "count",
  unit: "count",
  description: `Hard inquiries over ${months} months (${days} days)`,
});
const delq = (dpd: number, name: string): FeatureSpec => ({
  name,
  kind: "aggregate",
  source: "delinquencies",
  where: { gte: { daysPastDue: dpd } },
  aggregate: "count",
  unit: "count",
  description: `Reported delinquencies reaching ${dpd}+ days past due`,
});
const REVOLVING = { in: { kind: ["credit_card"] }, open: true, present: ["limitFen"] };

/** Credit-bureau features; all missing for a thin-file applicant (no bureau report). */
export const bureauFeatures: readonly FeatureSpec[] = [
  { name: "bureau_history_months", kind: "field", section: "bureau", field: "historyMonths", unit: "months", description: "Months since the first account on file" },
  { name: "bureau_monthly_obligations_fen", kind: "field", section: "bureau", field: "monthlyObligationsFen", unit: "fen", description: "Reported monthly repayment obligations" },
  { name: "bureau_dti", kind: "ratio", numerator: "bureau_monthly_obligations_fen", denominator: "income_monthly_fen", unit: "ratio", description: "Debt-to-income: monthly obligations / monthly income (verified if present)" },
  inq(3, 90),
  inq(6, 180),
  inq(12, 365),
  { name: "bureau_credit_inquiries_6m", kind: "aggregate", source: "inquiries", where: { in: { kind: ["loan_application", "card_application"] } }, windowDays: 180, aggregate: "count", unit: "count", description: "Loan and card application inquiries over 6 months (180 days)" },
  { name: "bureau_accounts_open", kind: "aggregate", source: "accounts", where: { open: true }, aggregate: "count", unit: "count", description: "Accounts open at asOf" },
  { name: "bureau_accounts_opened_6m", kind: "aggregate", source: "accounts", windowDays: 180, aggregate: "count", unit: "count", description: "Accounts opened over 6 months (180 days)" },
  { name: "bureau_microloans_open", kind: "aggregate", source: "accounts", where: { open: true, in: { kind: ["microloan"] } }, aggregate: "count", unit: "count", description: "Open microloan accounts" },
  { name: "bureau_balance_open_fen", kind: "aggregate", source: "accounts", where: { open: true }, aggregate: "sum", field: "balanceFen", unit: "fen", description: "Total balance of open accounts" },
  { name: "bureau_revolving_balance_fen", kind: "aggregate", source: "accounts", where: REVOLVING, aggregate: "sum", field: "balanceFen", unit: "fen", description: "Balance of open revolving (credit card) accounts with a limit" },
  { name: "bureau_revolving_limit_fen", kind: "aggregate", source: "accounts", where: REVOLVING, aggregate: "sum", field: "limitFen", unit: "fen", description: "Limit of open revolving (credit card) accounts with a limit" },
  { name: "bureau_utilisation", kind: "ratio", numerator: "bureau_revolving_balance_fen", denominator: "bureau_revolving_limit_fen", unit: "ratio", description: "Revolving balance / revolving limit (open credit cards with a limit); missing when no limit" },
  { name: "bureau_account_worst_dpd", kind: "aggregate", source: "accounts", aggregate: "max", field: "worstDaysPastDue", emptyValue: 0, unit: "days", description: "Worst days past due reported on any account (0 when none)" },
  { name: "bureau_delinquency_worst_dpd", kind: "aggregate", source: "delinquencies", aggregate: "max", field: "daysPastDue", emptyValue: 0, unit: "days", description: "Worst days past due among reported delinquencies (0 when none)" },
  { name: "bureau_worst_dpd", kind: "combine", op: "max", of: ["bureau_account_worst_dpd", "bureau_delinquency_worst_dpd"], unit: "days", description: "Worst days past due on file (accounts and delinquencies)" },
  delq(1, "bureau_delinquencies"),
  delq(30, "bureau_delinquencies_30p"),
  delq(60, "bureau_delinquencies_serious"),
  delq(90, "bureau_delinquencies_90p"),
  { name: "bureau_delinquencies_12m", kind: "aggregate", source: "delinquencies", windowDays: 365, aggregate: "count", unit: "count", description: "Reported delinquencies over 12 months (365 days)" },
  { name: "bureau_days_since_last_delinquency", kind: "aggregate", source: "delinquencies", aggregate: "days_since_last", unit: "days", description: "Whole days since the most recent delinquency; missing when none" },
];
