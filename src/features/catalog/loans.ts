import type { FeatureSpec } from "../spec";

/**
 * Repayment behaviour on this platform's own earlier loans.
 * @example loanFeatures.every((f) => defaultCatalog.names.includes(f.name)) // => true
 */
export const loanFeatures: readonly FeatureSpec[] = [
  {
    name: "loan_count",
    kind: "aggregate",
    source: "loans",
    aggregate: "count",
    unit: "count",
    description: "Loans taken on the platform",
  },
  {
    name: "loan_count_180d",
    kind: "aggregate",
    source: "loans",
    windowDays: 180,
    aggregate: "count",
    unit: "count",
    description: "Loans taken over 180 days",
  },
  {
    name: "loan_principal_365d_fen",
    kind: "aggregate",
    source: "loans",
    windowDays: 365,
    aggregate: "sum",
    field: "principalFen",
    unit: "fen",
    description: "Principal borrowed over 365 days",
  },
  {
    name: "loan_days_since_last_disbursed",
    kind: "aggregate",
    source: "loans",
    aggregate: "days_since_last",
    unit: "days",
    description: "Days since the latest disbursement; missing when none",
  },
  {
    name: "loan_installments_due",
    kind: "builtin",
    builtin: "loan_installments_due",
    unit: "count",
    description: "Installments due before asOf",
  },
  {
    name: "loan_overdue_installments",
    kind: "builtin",
    builtin: "loan_overdue_installments",
    unit: "count",
    description: "Due installments not repaid by their due date (repayments applied oldest first)",
  },
  {
    name: "loan_ontime_ratio",
    kind: "builtin",
    builtin: "loan_ontime_ratio",
    unit: "share",
    description: "Due installments repaid by their due date / due installments",
  },
  {
    name: "loan_current_dpd",
    kind: "builtin",
    builtin: "loan_current_dpd",
    unit: "days",
    description: "Days past due of the oldest unpaid due installment (0 when none)",
  },
  {
    name: "loan_worst_dpd",
    kind: "builtin",
    builtin: "loan_worst_dpd",
    unit: "days",
    description: "Worst days past due reached by any due installment",
  },
  {
    name: "loan_days_since_last_overdue",
    kind: "builtin",
    builtin: "loan_days_since_last_overdue",
    unit: "days",
    description: "Days since the due date of the latest installment not paid on time; missing when never",
  },
  {
    name: "loan_outstanding_due_fen",
    kind: "builtin",
    builtin: "loan_outstanding_fen",
    unit: "fen",
    description: "Amount due before asOf and not yet repaid",
  },
];
