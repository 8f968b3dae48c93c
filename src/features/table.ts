import type { Catalog } from "./plan";
import { type Section, SOURCES } from "./sources";
import type { Builtin, FeatureSpec } from "./spec";

const BUILTIN_SECTION: Record<Builtin, Section> = {
  age_years: "identity",
  income_monthly_fen: "identity",
  income_verified: "identity",
  loan_ontime_ratio: "loans",
  loan_current_dpd: "loans",
  loan_worst_dpd: "loans",
  loan_days_since_last_overdue: "loans",
  loan_installments_due: "loans",
  loan_overdue_installments: "loans",
  loan_outstanding_fen: "loans",
  device_current_age_days: "devices",
};

const BUILTIN_MISSING: Record<Builtin, string> = {
  age_years: "never (birthDate or ageYears is required); birth date after asOf",
  income_monthly_fen: "no verified and no declared income",
  income_verified: "never",
  loan_ontime_ratio: "loans absent, or no installment due",
  loan_current_dpd: "loans absent",
  loan_worst_dpd: "loans absent",
  loan_days_since_last_overdue: "loans absent, or never overdue",
  loan_installments_due: "loans absent",
  loan_overdue_installments: "loans absent",
  loan_outstanding_fen: "loans absent",
  device_current_age_days: "no application deviceId, no device records, or device not on record",
};

/**
 * The section (input part) a feature is computed from; derived features take their first input's.
 * @param catalog the catalog
 * @param i the feature's index
 * @returns the section
 * @example featureSection(defaultCatalog, 0) // => "identity"
 */
export function featureSection(catalog: Catalog, i: number): Section {
  const s = catalog.specs[i]!;
  switch (s.kind) {
    case "aggregate":
      return SOURCES[s.source].section;
    case "field":
      return s.section;
    case "builtin":
      return BUILTIN_SECTION[s.builtin];
    case "ratio":
      return featureSection(catalog, catalog.names.indexOf(s.numerator));
    case "combine":
      return featureSection(catalog, catalog.names.indexOf(s.of[0]!));
  }
}

function windowOf(catalog: Catalog, s: FeatureSpec): string {
  switch (s.kind) {
    case "aggregate":
      return s.windowDays === undefined ? "all to asOf" : `${s.windowDays} d`;
    case "ratio":
      return windowOf(catalog, catalog.specs[catalog.names.indexOf(s.numerator)]!);
    case "combine":
      return windowOf(catalog, catalog.specs[catalog.names.indexOf(s.of[0]!)]!);
    default:
      return "at asOf";
  }
}

function missingOf(catalog: Catalog, i: number): string {
  const s = catalog.specs[i]!;
  const sec = featureSection(catalog, i);
  switch (s.kind) {
    case "aggregate": {
      const what = s.source === "deviceRecords" ? "device records absent" : `${sec} absent`;
      if (s.aggregate === "bucket_cv") return `${what}, or nothing in the window`;
      if (["max", "min", "mean", "days_since_last", "days_since_first"].includes(s.aggregate))
        return s.emptyValue === undefined
          ? `${what}, or no matching event`
          : `${what} (${s.emptyValue} when no matching event)`;
      return what;
    }
    case "field":
      return `${s.section} or its ${s.field} absent`;
    case "ratio":
      return typeof s.denominator === "number"
        ? `${s.numerator} missing`
        : `${s.numerator} or ${s.denominator} missing, or ${s.denominator} = 0`;
    case "combine":
      return `any of ${s.of.join(", ")} missing`;
    case "builtin":
      return BUILTIN_MISSING[s.builtin];
  }
}

function how(s: FeatureSpec): string {
  switch (s.kind) {
    case "aggregate": {
      const w = s.where;
      const parts: string[] = [];
      for (const [f, v] of Object.entries(w?.in ?? {})) parts.push(`${f} in ${v.join("/")}`);
      for (const [f, v] of Object.entries(w?.gte ?? {})) parts.push(`${f} >= ${v}`);
      for (const [f, v] of Object.entries(w?.lte ?? {})) parts.push(`${f} <= ${v}`);
      for (const f of w?.present ?? []) parts.push(`${f} present`);
      if (w?.hours) parts.push(`local hour in [${w.hours[0]}, ${w.hours[1]})`);
      if (w?.open !== undefined) parts.push(w.open ? "open" : "closed");
      const agg = s.field === undefined ? s.aggregate : `${s.aggregate}(${s.field})`;
      return `${agg} of ${s.source}${parts.length ? ` where ${parts.join(", ")}` : ""}`;
    }
    case "field":
      return `${s.section}.${s.field}`;
    case "ratio":
      return `${s.numerator} / ${s.denominator}`;
    case "combine":
      return `${s.op}(${s.of.join(", ")})`;
    case "builtin":
      return `built-in ${s.builtin}`;
  }
}

/**
 * The catalog as a markdown table (name, section, unit, window, definition, description, missing
 * when), generated from the declarations so the docs cannot drift from the code.
 * @param catalog a compiled catalog
 * @returns markdown, one row per feature
 * @example catalogTable(defaultCatalog).split("\n").length // => 361 (header, rule, 359 rows)
 */
export function catalogTable(catalog: Catalog): string {
  const esc = (t: string): string => t.replace(/\|/g, "\\|");
  const rows = catalog.specs.map(
    (s, i) =>
      `| \`${s.name}\` | ${featureSection(catalog, i)} | ${s.unit} | ${windowOf(catalog, s)} | ${esc(how(s))} | ${esc(s.description)} | ${esc(missingOf(catalog, i))} |`,
  );
  return [
    "| feature | section | unit | window | definition | description | missing when |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
