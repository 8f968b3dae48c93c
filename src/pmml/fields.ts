/**
 * PMML DataDictionary and MiningSchema: what each input field is (numeric or categorical, its
 * valid values or intervals) and how the model treats missing and invalid values. Internal.
 */
import { type Issue, issue } from "../schema/result";
import { type XmlElement, childrenNamed } from "./xml";

/** A valid range of a continuous field (PMML `Interval`); null margins are unbounded. */
export interface ValidInterval {
  readonly lo: number | null;
  readonly hi: number | null;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

/** One active input field of the model. */
export interface Field {
  readonly name: string;
  readonly categorical: boolean;
  /** Valid categories (`Value` elements), or null when every value is valid. */
  readonly validValues: readonly string[] | null;
  /** Valid ranges (`Interval` elements), or null when every number is valid. */
  readonly intervals: readonly ValidInterval[] | null;
  /** MiningField `invalidValueTreatment` (PMML default `returnInvalid`). */
  readonly invalid: "returnInvalid" | "asIs" | "asMissing" | "asValue";
  /** `invalidValueReplacement` (with `asValue`). */
  readonly invalidReplacement: number | string | null;
  /** `missingValueReplacement`. */
  readonly missingReplacement: number | string | null;
  /** Where the MiningField is, for issues. */
  readonly path: readonly (string | number)[];
}

const NUMERIC_TYPES = new Set(["integer", "float", "double"]);

/** Parses a PMML number (xs:double lexical form); null when it is not a finite number. */
export function pmmlNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads the DataDictionary and the model's MiningSchema into the model's active fields and its
 * target field names. Refuses what riskcard cannot honour (taxonomies, `Value` elements marked
 * missing or invalid, outlier treatments, unknown usage types), each with an issue at the element.
 */
export function readFields(
  dictionary: XmlElement,
  schema: XmlElement,
  issues: Issue[],
): { fields: Map<string, Field>; targets: string[] } {
  const fields = new Map<string, Field>();
  const targets: string[] = [];
  const dataFields = new Map<string, XmlElement>();
  for (const df of childrenNamed(dictionary, "DataField")) {
    const name = df.attrs.name;
    if (name === undefined || name.length === 0 || name.length > 200) {
      issues.push(issue("invalid_value", df.path, "DataField needs a name of 1 to 200 characters"));
      continue;
    }
    dataFields.set(name, df);
  }
  for (const t of childrenNamed(dictionary, "Taxonomy"))
    issues.push(issue("invalid_value", t.path, "Taxonomy is not supported"));
  for (const mf of childrenNamed(schema, "MiningField")) {
    const name = mf.attrs.name ?? "";
    const df = dataFields.get(name);
    if (df === undefined) {
      issues.push(issue("unknown_reference", [...mf.path, "name"], "MiningField names no DataField"));
      continue;
    }
    const usage = mf.attrs.usageType ?? "active";
    if (usage === "target" || usage === "predicted") {
      targets.push(name);
      continue;
    }
    if (usage === "supplementary") continue;
    if (usage !== "active") {
      issues.push(issue("invalid_value", [...mf.path, "usageType"], "only active and target fields are supported"));
      continue;
    }
    if ((mf.attrs.outliers ?? "asIs") !== "asIs")
      issues.push(
        issue("invalid_value", [...mf.path, "outliers"], "outlier treatments other than asIs are not supported"),
      );
    const optype = mf.attrs.optype ?? df.attrs.optype;
    const dataType = df.attrs.dataType ?? "";
    const categorical = optype === "categorical" || optype === "ordinal" || !NUMERIC_TYPES.has(dataType);
    if (!categorical && optype !== "continuous" && optype !== undefined)
      issues.push(issue("invalid_value", [...df.path, "optype"], "unknown optype"));
    const values: string[] = [];
    for (const v of childrenNamed(df, "Value")) {
      const prop = v.attrs.property ?? "valid";
      if (prop !== "valid") {
        issues.push(issue("invalid_value", v.path, "Value elements marked missing or invalid are not supported"));
        continue;
      }
      if (v.attrs.value === undefined) issues.push(issue("missing", [...v.path, "value"], "Value needs a value"));
      else values.push(v.attrs.value);
    }
    if (!categorical && values.length > 0)
      issues.push(issue("invalid_value", df.path, "Value lists on continuous fields are not supported"));
    const intervals: ValidInterval[] = [];
    for (const iv of childrenNamed(df, "Interval")) {
      const closure = iv.attrs.closure ?? "";
      const m = /^(open|closed)(Open|Closed)$/.exec(closure);
      const lo = iv.attrs.leftMargin === undefined ? null : pmmlNumber(iv.attrs.leftMargin);
      const hi = iv.attrs.rightMargin === undefined ? null : pmmlNumber(iv.attrs.rightMargin);
      if (
        m === null ||
        (iv.attrs.leftMargin !== undefined && lo === null) ||
        (iv.attrs.rightMargin !== undefined && hi === null)
      ) {
        issues.push(issue("invalid_value", iv.path, "Interval needs a closure and numeric margins"));
        continue;
      }
      if (categorical) {
        issues.push(issue("invalid_value", iv.path, "Interval on a categorical field is not supported"));
        continue;
      }
      intervals.push({ lo, hi, loClosed: m[1] === "closed", hiClosed: m[2] === "Closed" });
    }
    const invalid = mf.attrs.invalidValueTreatment ?? "returnInvalid";
    if (invalid !== "returnInvalid" && invalid !== "asIs" && invalid !== "asMissing" && invalid !== "asValue") {
      issues.push(issue("invalid_enum", [...mf.path, "invalidValueTreatment"], "unknown invalidValueTreatment"));
      continue;
    }
    const value = (text: string | undefined, at: string): number | string | null => {
      if (text === undefined) return null;
      if (categorical) return text;
      const n = pmmlNumber(text);
      if (n === null) issues.push(issue("invalid_value", [...mf.path, at], "expected a number for a continuous field"));
      return n;
    };
    const invalidReplacement = value(mf.attrs.invalidValueReplacement, "invalidValueReplacement");
    if (invalid === "asValue" && invalidReplacement === null)
      issues.push(issue("missing", [...mf.path, "invalidValueReplacement"], "asValue needs invalidValueReplacement"));
    fields.set(name, {
      name,
      categorical,
      validValues: values.length > 0 ? values : null,
      intervals: intervals.length > 0 ? intervals : null,
      invalid,
      invalidReplacement,
      missingReplacement: value(mf.attrs.missingValueReplacement, "missingValueReplacement"),
      path: mf.path,
    });
  }
  return { fields, targets };
}

/** Whether a value of a field is valid per its DataDictionary (`Value` list or `Interval`s). */
export function isValid(f: Field, v: number | string): boolean {
  if (typeof v === "string") return f.validValues === null || f.validValues.includes(v);
  if (f.intervals === null) return true;
  return f.intervals.some(
    (iv) =>
      (iv.lo === null || (iv.loClosed ? v >= iv.lo : v > iv.lo)) &&
      (iv.hi === null || (iv.hiClosed ? v <= iv.hi : v < iv.hi)),
  );
}
