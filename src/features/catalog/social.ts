import type { FeatureSpec } from "../spec";

/**
 * Social-graph features computed by the host app.
 * @example socialFeatures.every((f) => defaultCatalog.names.includes(f.name)) // => true
 */
export const socialFeatures: readonly FeatureSpec[] = [
  {
    name: "social_account_age_days",
    kind: "field",
    section: "social",
    field: "accountAgeDays",
    unit: "days",
    description: "Age of the app account",
  },
  {
    name: "social_contact_count",
    kind: "field",
    section: "social",
    field: "contactCount",
    unit: "count",
    description: "Contacts",
  },
  {
    name: "social_active_days_30",
    kind: "field",
    section: "social",
    field: "activeDays30",
    unit: "count",
    description: "Days with activity in the last 30",
  },
  {
    name: "social_activity_share_30",
    kind: "ratio",
    numerator: "social_active_days_30",
    denominator: 30,
    unit: "share",
    description: "Active days / 30",
  },
  {
    name: "social_flagged_contact_count",
    kind: "field",
    section: "social",
    field: "flaggedContactCount",
    unit: "count",
    description: "Contacts whose accounts are flagged (defaulted, fraud)",
  },
  {
    name: "social_flagged_contact_share",
    kind: "ratio",
    numerator: "social_flagged_contact_count",
    denominator: "social_contact_count",
    unit: "share",
    description: "Flagged contacts / contacts",
  },
  {
    name: "social_defaulted_link_count",
    kind: "field",
    section: "social",
    field: "defaultedLinkCount",
    unit: "count",
    description: "Money links with accounts known to have defaulted",
  },
];
