/**
 * Validates a training table and turns it into what the pipeline works on: numeric columns as
 * Float64Array with NaN for missing, categorical columns as (string | null)[], labels as 0/1.
 * Data problems (no target, non-binary target, mixed types, infinite values) are issues; wrong
 * argument shapes (not an object, columns of different lengths) are programmer errors. Internal.
 */
import { type Issue, issue } from "../../schema/result";
import type { CheckedOptions } from "./options";
import type { TrainingColumn, TrainingData } from "./types";

/** A normalised candidate column. */
export type PreparedColumn =
  | { readonly kind: "numeric"; readonly values: Float64Array }
  | { readonly kind: "categorical"; readonly values: readonly (string | null)[] };

/** The validated table. */
export interface PreparedData {
  readonly n: number;
  readonly labels: Uint8Array;
  /** Candidate columns in input order (target and excluded columns left out). */
  readonly names: readonly string[];
  readonly columns: ReadonlyMap<string, PreparedColumn>;
  /** Every column but the target, in input order (candidates and excluded). */
  readonly order: readonly string[];
  /** Excluded columns and their kind (from the first non-missing cell). */
  readonly excluded: ReadonlyMap<string, "numeric" | "categorical">;
}

const MAX_ISSUES = 20;

/**
 * Checks and normalises a training table.
 * @param data the table
 * @param o checked options (target coding, exclude list, special values, reasons)
 * @returns the prepared data or issues (paths start with "columns" or "options")
 * @throws {TypeError} when data or a column has the wrong shape
 * @throws {RangeError} when columns differ in length
 */
export function prepareData(
  data: TrainingData,
  o: CheckedOptions,
): { ok: true; value: PreparedData } | { ok: false; issues: Issue[] } {
  if (data === null || typeof data !== "object")
    throw new TypeError("trainScorecard: data must be { columns, target }");
  const cols = data.columns;
  if (cols === null || typeof cols !== "object" || Array.isArray(cols))
    throw new TypeError("trainScorecard: data.columns must be an object of columns by name");
  if (typeof data.target !== "string")
    throw new TypeError("trainScorecard: data.target must be the name of the target column");
  const allNames = Object.keys(cols);
  let n = -1;
  for (const name of allNames) {
    const len = lengthOf(cols[name], name);
    if (n === -1) n = len;
    else if (len !== n)
      throw new RangeError(`trainScorecard: column "${name}" has a different length from the first column`);
  }
  const issues: Issue[] = [];
  const target = data.target;
  if (!Object.hasOwn(cols, target)) {
    return { ok: false, issues: [issue("missing", ["columns", target], "the target column is not in the data")] };
  }
  if (n === 0) return { ok: false, issues: [issue("too_small", ["columns"], "the data has no rows")] };
  const known = new Set(allNames);
  o.exclude.forEach((x, i) => {
    if (!known.has(x)) issues.push(issue("unknown_reference", ["options", "exclude", i], "not a column of the data"));
  });
  for (const [key, rec] of [
    ["specialValues", o.specialValues],
    ["breaks", o.breaks],
    ["trend", o.trend],
    ["reasons", o.reasons],
    ["missingReasons", o.missingReasons],
  ] as const) {
    for (const k of Object.keys(rec))
      if (!known.has(k)) issues.push(issue("unknown_reference", ["options", key, k], "not a column of the data"));
  }
  const labels = new Uint8Array(n);
  const t = cols[target] as TrainingColumn;
  let bads = 0;
  for (let i = 0; i < n && issues.length < MAX_ISSUES; i++) {
    const v = cellOf(t, i);
    if (v === null) {
      issues.push(issue("missing", ["columns", target, i], "the target is missing in this row"));
      continue;
    }
    if (o.bad !== undefined) {
      labels[i] = v === o.bad ? 1 : 0;
    } else if (v === 1 || v === 0) {
      labels[i] = v;
    } else {
      issues.push(
        issue(
          "invalid_value",
          ["columns", target, i],
          "the target must be 1 (bad) or 0 (good); set the bad value for other codings",
        ),
      );
      continue;
    }
    bads += labels[i]!;
  }
  if (issues.length === 0 && (bads === 0 || bads === n)) {
    issues.push(
      issue(
        "too_small",
        ["columns", target],
        `the target has only ${bads === 0 ? "good" : "bad"} rows; both classes are needed`,
      ),
    );
  }
  const excludeSet = new Set(o.exclude);
  const names: string[] = [];
  const order: string[] = [];
  const excluded = new Map<string, "numeric" | "categorical">();
  const columns = new Map<string, PreparedColumn>();
  for (const name of allNames) {
    if (name === target) continue;
    order.push(name);
    if (excludeSet.has(name)) {
      excluded.set(name, kindOf(cols[name] as TrainingColumn, n));
      continue;
    }
    const r = normalise(cols[name] as TrainingColumn, name, n, issues);
    if (r !== undefined) {
      columns.set(name, r);
      names.push(name);
      for (const key of ["specialValues", "breaks", "trend"] as const)
        if (r.kind === "categorical" && Object.hasOwn(o[key], name))
          issues.push(issue("inconsistent", ["options", key, name], `${key} apply to numeric columns only`));
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  if (names.length === 0)
    return {
      ok: false,
      issues: [issue("too_small", ["columns"], "no candidate column besides the target and the excluded ones")],
    };
  return { ok: true, value: { n, labels, names, columns, order, excluded } };
}

function lengthOf(c: unknown, name: string): number {
  if (c instanceof Float64Array || Array.isArray(c)) return c.length;
  if (c !== null && typeof c === "object") {
    const m = c as { values?: unknown; missing?: unknown };
    if (m.values instanceof Float64Array && m.missing instanceof Uint8Array) {
      if (m.values.length !== m.missing.length)
        throw new RangeError(`trainScorecard: column "${name}" values and missing differ in length`);
      return m.values.length;
    }
  }
  throw new TypeError(
    `trainScorecard: column "${name}" must be an array, a Float64Array or { values: Float64Array, missing: Uint8Array }`,
  );
}

function kindOf(c: TrainingColumn, n: number): "numeric" | "categorical" {
  for (let i = 0; i < n; i++) {
    const v = cellOf(c, i);
    if (v !== null) return typeof v === "string" ? "categorical" : "numeric";
  }
  return "numeric";
}

/** The raw cell (null when missing). */
function cellOf(c: TrainingColumn, i: number): number | string | null {
  if (c instanceof Float64Array) return Number.isNaN(c[i]!) ? null : c[i]!;
  if (Array.isArray(c)) {
    const v: unknown = c[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return null;
    return v as number | string;
  }
  const m = c as { values: Float64Array; missing: Uint8Array };
  return m.missing[i] === 1 || Number.isNaN(m.values[i]!) ? null : m.values[i]!;
}

function normalise(c: TrainingColumn, name: string, n: number, issues: Issue[]): PreparedColumn | undefined {
  let kind: "numeric" | "categorical" | undefined;
  const num = new Float64Array(n);
  const cat: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const v = cellOf(c, i);
    if (v === null) {
      num[i] = Number.NaN;
      cat.push(null);
      continue;
    }
    const k = typeof v === "number" ? "numeric" : typeof v === "string" ? "categorical" : undefined;
    if (k === undefined) {
      issues.push(issue("invalid_type", ["columns", name, i], "a cell must be a number, a string or missing"));
      return undefined;
    }
    if (kind !== undefined && k !== kind) {
      issues.push(
        issue(
          "invalid_type",
          ["columns", name, i],
          `a ${kind} column holds a ${k === "numeric" ? "number" : "string"} here; a column must be all numbers or all strings`,
        ),
      );
      return undefined;
    }
    kind = k;
    if (k === "numeric") {
      if (!Number.isFinite(v as number)) {
        issues.push(issue("not_finite", ["columns", name, i], "numeric cells must be finite (use null for missing)"));
        return undefined;
      }
      num[i] = v as number;
      cat.push(null);
    } else {
      num[i] = Number.NaN;
      cat.push(v as string);
    }
  }
  return kind === "categorical" ? { kind, values: cat } : { kind: "numeric", values: num };
}
