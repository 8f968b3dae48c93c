/**
 * Card tables as Python scorecard tools write them, in and out: the shared row type, CSV text
 * through csv-parse (kept out of the core), and the number formats.
 */
import { parse } from "csv-parse/sync";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { loadScorecard } from "../scorecard/load";
import { pdoScaling } from "../scorecard/pdo-scaling";
import type { Characteristic, ScalingParams, Scorecard } from "../scorecard/types";

/** One row of a card table: the variable, the bin label and its points. */
export interface CardTableRow {
  readonly variable: string;
  readonly bin: string;
  readonly points: number;
}

/** Largest card table accepted, in rows. */
export const MAX_TABLE_ROWS = 100_000;

/**
 * Reads a card table given as CSV text (header row naming the columns) or as rows, with the
 * variable, bin and points columns named as the tool names them.
 */
export function readTable(
  table: string | readonly object[],
  columns: { readonly variable: string; readonly bin: string; readonly points: string },
): Result<CardTableRow[]> {
  let records: readonly Record<string, unknown>[];
  if (typeof table === "string") {
    if (table.length > 20_000_000)
      return fail([issue("too_big", [], "card table text longer than 20,000,000 characters")]);
    try {
      records = parse(table, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Record<
        string,
        unknown
      >[];
    } catch {
      return fail([issue("invalid_format", [], "card table is not valid CSV with a header row")]);
    }
  } else if (Array.isArray(table)) records = table as readonly Record<string, unknown>[];
  else return fail([issue("invalid_type", [], "expected CSV text or an array of rows")]);
  if (records.length > MAX_TABLE_ROWS) return fail([issue("too_big", [], `more than ${MAX_TABLE_ROWS} rows`)]);
  const issues: Issue[] = [];
  const rows: CardTableRow[] = [];
  records.forEach((r, i) => {
    if (r === null || typeof r !== "object") {
      issues.push(issue("invalid_type", [i], "expected a row object"));
      return;
    }
    const variable = r[columns.variable];
    const bin = r[columns.bin];
    const pts = r[columns.points];
    if (typeof variable !== "string" || variable.length === 0 || variable.length > 200) {
      issues.push(issue("invalid_value", [i, columns.variable], "expected a variable name of 1 to 200 characters"));
      return;
    }
    const points =
      typeof pts === "number" ? pts : typeof pts === "string" && pts.trim() !== "" ? Number(pts) : Number.NaN;
    if (!Number.isFinite(points)) {
      issues.push(issue("not_finite", [i, columns.points], "expected finite points"));
      return;
    }
    const b = bin === null || bin === undefined ? "" : typeof bin === "number" ? String(bin) : bin;
    if (typeof b !== "string" || b.length > 100_000) {
      issues.push(issue("invalid_value", [i, columns.bin], "expected a bin label"));
      return;
    }
    rows.push({ variable, bin: b, points });
  });
  return issues.length > 0 ? fail(issues) : ok(rows);
}

/**
 * A float as Python's `str(float)` writes it: the shortest round-trip digits (the same digits as
 * JavaScript's), in fixed notation when the decimal exponent is -4 to 15 (`8.0`, `0.0001`,
 * `1000000000000000.0`), else in exponent notation with at least two exponent digits (`1e-05`,
 * `1.5e+16`); `inf`, `-inf`, `nan`.
 * @param x the number
 * @returns the text
 * @example pyFloat(1e-5) // => "1e-05" (python3 -c 'print(repr(1e-5))')
 */
export function pyFloat(x: number): string {
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (Number.isNaN(x)) return "nan";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mant, exp] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mant.replace(".", "");
  const e = Number(exp);
  if (e >= -4 && e <= 15) {
    if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
    const int = digits.slice(0, e + 1).padEnd(e + 1, "0");
    const frac = digits.slice(e + 1);
    return `${sign}${int}.${frac === "" ? "0" : frac}`;
  }
  const m = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** Parses a Python float text (`8.0`, `-inf`, `inf`, `1e-07`); null when it is not one. */
export function parsePyFloat(text: string): number | null {
  const t = text.trim();
  if (t === "inf" || t === "+inf" || t === "Infinity") return Infinity;
  if (t === "-inf" || t === "-Infinity") return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line end.
 * @param s the text
 * @returns the field
 * @example csvField('a,"b"') // => "\"a,\"\"b\"\"\""
 */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV text with a header, quoting fields that need it. */
export function tableToCsv(rows: readonly CardTableRow[], header: readonly [string, string, string]): string {
  const q = csvField;
  const lines = [header.map(q).join(",")];
  for (const r of rows) lines.push([q(r.variable), q(r.bin), String(r.points)].join(","));
  return `${lines.join("\n")}\n`;
}

/** Loads the version 1 card of a card table: separate base points, no rounding, the given scaling. */
export function tableCard(
  name: string,
  description: string,
  basePoints: number,
  characteristics: readonly Characteristic[],
  scaling: ScalingParams | undefined,
): Result<Scorecard> {
  return loadScorecard({
    format: "riskcard.scorecard",
    version: 1,
    name,
    description,
    scaling: scaling === undefined ? null : pdoScaling(scaling),
    rounding: "none",
    base: "separate",
    basePoints,
    characteristics,
  });
}
