import { type Issue, type Result, fail, issue } from "../schema/result";
import type {
  CategoricalCharacteristic,
  Characteristic,
  NumericCharacteristic,
  ScalingParams,
  Scorecard,
} from "../scorecard/types";
import { type CardTableRow, parsePyFloat, readTable, tableCard } from "./card-table";

/** Options of `fromOptbinningTable`. */
export interface OptbinningOptions {
  /** Each variable's `special_codes` (the table has a "Special" row but not the codes). */
  readonly specialCodes?: Readonly<Record<string, readonly (number | string)[]>>;
  /** Points added to every score (optbinning's `Scorecard.intercept_`, 0 when the intercept is spread into the points). */
  readonly intercept?: number;
  /** The scaling the card was built with, for PDs. */
  readonly scaling?: ScalingParams;
  /** The card's name (default "optbinning-card"). */
  readonly name?: string;
}

const NUMERIC_BIN = /^[[(]\s*([^,\s]+)\s*,\s*([^,\s]+)\s*\)$/;

/** Reads the categories of an optbinning categorical bin label (numpy's `str` of an array: `['a' 'b']`). */
function categories(label: string): string[] {
  const inner = label.trim().replace(/^\[/, "").replace(/\]$/, "");
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s,]+)/g;
  for (let m = re.exec(inner); m !== null; m = re.exec(inner)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/**
 * Reads optbinning's `Scorecard.table()` (style "summary": `Variable`, `Bin`, `Points`; "detailed"
 * works too) into a riskcard card that scores as `Scorecard.score` does: a numerical variable's bins
 * `(-inf, a)`, `[a, b)`, `[b, inf)` are left-closed at the lower bounds (`np.digitize(x, splits,
 * right=False)`), the `Special` row scores the variable's special codes (checked first), the
 * `Missing` row missing values, and an unseen category takes the last row of its variable (the
 * Missing row: optbinning's bin index -1). The table shows cut points with `show_digits` digits
 * (default 2): fit with enough digits for the import to reproduce the scores at the boundaries.
 * @param table CSV text with a header row, or rows with `Variable`, `Bin`, `Points`
 * @param options `specialCodes`, `intercept`, `scaling`, `name`
 * @returns the card or issues with row paths
 * @example fromOptbinningTable("Variable,Bin,Points\nage,\"(-inf, 26.00)\",-10\nage,\"[26.00, inf)\",8\nage,Special,0\nage,Missing,0\n").ok // => true
 */
export function fromOptbinningTable(
  table: string | readonly object[],
  options: OptbinningOptions = {},
): Result<Scorecard> {
  const read = readTable(table, { variable: "Variable", bin: "Bin", points: "Points" });
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const byVar = new Map<string, { row: CardTableRow; index: number }[]>();
  read.value.forEach((row, index) => {
    const list = byVar.get(row.variable) ?? [];
    list.push({ row, index });
    byVar.set(row.variable, list);
  });
  const characteristics: Characteristic[] = [];
  for (const [variable, list] of byVar) {
    const special = list.find((x) => x.row.bin === "Special");
    const missing = list.find((x) => x.row.bin === "Missing");
    const bins = list.filter((x) => x.row.bin !== "Special" && x.row.bin !== "Missing");
    if (missing === undefined || list[list.length - 1] !== missing) {
      issues.push(issue("invalid_value", [variable], "each variable ends with its Missing row"));
      continue;
    }
    if (bins.length === 0) {
      issues.push(issue("too_small", [variable], "a variable needs at least one bin"));
      continue;
    }
    const codes = options.specialCodes?.[variable] ?? [];
    const numeric = bins.every((b) => NUMERIC_BIN.test(b.row.bin));
    if (numeric) {
      const attributes: NumericCharacteristic["attributes"][number][] = [];
      let prev = -Infinity;
      bins.forEach((b, i) => {
        const m = NUMERIC_BIN.exec(b.row.bin)!;
        const lo = i === 0 ? -Infinity : parsePyFloat(m[1]!);
        const hiText = i === bins.length - 1 ? "inf" : NUMERIC_BIN.exec(bins[i + 1]!.row.bin)![1]!;
        const hi = parsePyFloat(hiText);
        if (lo === null || hi === null || !(lo < hi) || lo < prev) {
          issues.push(issue("invalid_format", [b.index, "Bin"], "expected ascending intervals [lower, upper)"));
          return;
        }
        prev = lo;
        attributes.push({
          kind: "interval",
          lower: lo === -Infinity ? null : lo,
          upper: hi === Infinity ? null : hi,
          points: b.row.points,
        });
      });
      const numCodes = codes.filter((c): c is number => typeof c === "number" && Number.isFinite(c));
      if (numCodes.length !== codes.length)
        issues.push(
          issue(
            "invalid_type",
            ["options", "specialCodes", variable],
            "a numerical variable's special codes are numbers",
          ),
        );
      if (numCodes.length > 0) attributes.push({ kind: "special", values: numCodes, points: special?.row.points ?? 0 });
      attributes.push({ kind: "missing", points: missing.row.points });
      characteristics.push({
        name: variable,
        feature: variable,
        type: "numeric",
        closure: "left",
        reasonCode: variable.slice(0, 64),
        attributes,
        fallback: { points: missing.row.points },
      });
    } else {
      const specialSet = new Set(codes.map(String));
      const levels: string[] = [...specialSet];
      const attributes: CategoricalCharacteristic["attributes"][number][] = [];
      if (specialSet.size > 0)
        attributes.push({ kind: "categories", categories: [...specialSet], points: special?.row.points ?? 0 });
      for (const b of bins) {
        const cats = categories(b.row.bin).filter((c) => !specialSet.has(c));
        const fresh = cats.filter((c) => !levels.includes(c));
        if (fresh.length !== cats.length) issues.push(issue("inconsistent", [b.index, "Bin"], "category in two bins"));
        levels.push(...fresh);
        if (fresh.length > 0) attributes.push({ kind: "categories", categories: fresh, points: b.row.points });
      }
      attributes.push({ kind: "missing", points: missing.row.points });
      characteristics.push({
        name: variable,
        feature: variable,
        type: "categorical",
        levels,
        reasonCode: variable.slice(0, 64),
        attributes,
        // optbinning leaves an unseen category at bin index -1, which numpy reads as the last row: Missing.
        fallback: { points: missing.row.points },
      });
    }
  }
  if (issues.length > 0) return fail(issues);
  if (characteristics.length === 0) return fail([issue("too_small", [], "the table has no variables")]);
  return tableCard(
    options.name ?? "optbinning-card",
    "Imported from an optbinning Scorecard.table()",
    options.intercept ?? 0,
    characteristics,
    options.scaling,
  );
}
