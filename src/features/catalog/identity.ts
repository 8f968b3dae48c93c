import type { FeatureSpec } from "../spec";

/**
 * Identity and application features.
 * @example identityFeatures[0].name // => "age_years"
 */
export const identityFeatures: readonly FeatureSpec[] = [
  {
    name: "age_years",
    kind: "builtin",
    builtin: "age_years",
    unit: "years",
    description: "Age in whole years at asOf (local date), from birthDate, else the declared ageYears",
  },
  {
    name: "income_monthly_fen",
    kind: "builtin",
    builtin: "income_monthly_fen",
    unit: "fen",
    description: "Monthly income: verified if present, else declared",
  },
  {
    name: "income_verified",
    kind: "builtin",
    builtin: "income_verified",
    unit: "flag",
    description: "1 when a verified monthly income is present, else 0",
  },
  {
    name: "income_declared_monthly_fen",
    kind: "field",
    section: "identity",
    field: "declaredMonthlyIncomeFen",
    unit: "fen",
    description: "Declared monthly income",
  },
  {
    name: "identity_real_name_verified",
    kind: "field",
    section: "identity",
    field: "realNameVerified",
    unit: "flag",
    description: "Real name verified by the host app (1/0)",
  },
  {
    name: "identity_id_verified",
    kind: "field",
    section: "identity",
    field: "idVerified",
    unit: "flag",
    description: "ID verified against public records (1/0)",
  },
  {
    name: "identity_phone_verified",
    kind: "field",
    section: "identity",
    field: "phoneVerified",
    unit: "flag",
    description: "Phone number verified (1/0)",
  },
  {
    name: "application_requested_amount_fen",
    kind: "field",
    section: "application",
    field: "requestedAmountFen",
    unit: "fen",
    description: "Requested loan amount",
  },
  {
    name: "application_requested_term_months",
    kind: "field",
    section: "application",
    field: "requestedTermMonths",
    unit: "months",
    description: "Requested term",
  },
  {
    name: "application_amount_to_income",
    kind: "ratio",
    numerator: "application_requested_amount_fen",
    denominator: "income_monthly_fen",
    unit: "ratio",
    description: "Requested amount / monthly income",
  },
];
