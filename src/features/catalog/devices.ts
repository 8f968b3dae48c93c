import type { FeatureSpec } from "../spec";

const distinct = (field: "deviceId" | "cityCode" | "ipHash", what: string, d: number, name: string): FeatureSpec => ({
  name,
  kind: "aggregate",
  source: "deviceEvents",
  windowDays: d,
  aggregate: "distinct",
  field,
  unit: "count",
  description: `Distinct ${what} over ${d} days`,
});
const kindCount = (kind: string, name: string, what: string): FeatureSpec => ({
  name,
  kind: "aggregate",
  source: "deviceEvents",
  where: { in: { kind: [kind] } },
  windowDays: 30,
  aggregate: "count",
  unit: "count",
  description: `${what} over 30 days`,
});

/**
 * Device and login features.
 * @example deviceFeatures.every((f) => defaultCatalog.names.includes(f.name)) // => true
 */
export const deviceFeatures: readonly FeatureSpec[] = [
  distinct("deviceId", "devices", 30, "device_distinct_30d"),
  distinct("deviceId", "devices", 90, "device_distinct_90d"),
  distinct("cityCode", "cities", 30, "device_distinct_cities_30d"),
  distinct("ipHash", "IP addresses", 30, "device_distinct_ips_30d"),
  kindCount("login", "device_logins_30d", "Logins"),
  {
    name: "device_logins_per_day_30d",
    kind: "ratio",
    numerator: "device_logins_30d",
    denominator: 30,
    unit: "per_day",
    description: "Logins per day over 30 days",
  },
  {
    name: "device_night_logins_30d",
    kind: "aggregate",
    source: "deviceEvents",
    where: { in: { kind: ["login"] }, hours: [0, 6] },
    windowDays: 30,
    aggregate: "count",
    unit: "count",
    description: "Logins between 00:00 and 06:00 local time over 30 days",
  },
  {
    name: "device_night_login_share_30d",
    kind: "ratio",
    numerator: "device_night_logins_30d",
    denominator: "device_logins_30d",
    unit: "share",
    description: "Night logins / logins over 30 days",
  },
  kindCount("password_reset", "device_password_resets_30d", "Password resets"),
  kindCount("profile_change", "device_profile_changes_30d", "Profile changes"),
  kindCount("apply", "device_applications_30d", "Applications"),
  {
    name: "device_current_age_days",
    kind: "builtin",
    builtin: "device_current_age_days",
    unit: "days",
    description: "Days since the platform first saw the application's device; missing when unknown",
  },
  {
    name: "device_oldest_age_days",
    kind: "aggregate",
    source: "deviceRecords",
    aggregate: "days_since_first",
    unit: "days",
    description: "Days since the platform first saw any of the applicant's devices",
  },
  {
    name: "device_max_accounts",
    kind: "aggregate",
    source: "deviceRecords",
    aggregate: "max",
    field: "accountCount",
    unit: "count",
    description: "Most accounts seen on one of the applicant's devices",
  },
];
