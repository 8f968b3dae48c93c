import { type CsvTable, isMissingCell, parseNumberCell } from "./csv";
import { CliError } from "./errors";

/** A typed column: numbers (null = missing) or categories (null = missing). */
export type Column =
  | { readonly kind: "numeric"; readonly name: string; readonly values: (number | null)[] }
  | { readonly kind: "categorical"; readonly name: string; readonly values: (string | null)[] };

/**
 * The index of a column by name.
 * @param table the table
 * @param name the column name
 * @param role what the column is for, for the message (e.g. "target column")
 * @returns the index
 * @throws {CliError} exit code 1 when there is no such column
 * @example columnIndex(germanTable, "age_in_years", "column") // => 12
 */
export function columnIndex(table: CsvTable, name: string, role = "column"): number {
  let index = headerIndex.get(table);
  if (index === undefined) {
    // built once per table: a lookup per column by indexOf made wide files quadratic in columns
    index = new Map(table.header.map((h, j) => [h, j] as const));
    headerIndex.set(table, index);
  }
  const j = index.get(name);
  if (j === undefined) throw new CliError(`${table.source}: ${role} "${name}" is not in the header`);
  return j;
}

const headerIndex = new WeakMap<CsvTable, ReadonlyMap<string, number>>();

/**
 * A column as numbers: missing cells (`""`, `NA`) become null; any other non-number is an error.
 * @param table the table
 * @param name the column name
 * @returns the values
 * @throws {CliError} exit code 1 on an unknown column or a non-numeric cell (row number only, never the value)
 * @example numericColumn(germanTable, "credit_amount")[0] // => 1169
 */
export function numericColumn(table: CsvTable, name: string): (number | null)[] {
  const cells = table.columns[columnIndex(table, name)]!;
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (isMissingCell(c)) {
      out[i] = null;
      continue;
    }
    const v = parseNumberCell(c);
    if (Number.isNaN(v))
      throw new CliError(`${table.source} line ${i + 2}: column "${name}" is numeric but holds a non-numeric value`);
    out[i] = v;
  }
  return out;
}

/**
 * A column as categories: missing cells become null, others stay text.
 * @param table the table
 * @param name the column name
 * @returns the values
 * @throws {CliError} exit code 1 on an unknown column
 * @example categoricalColumn(germanTable, "housing")[0] // => "own"
 */
export function categoricalColumn(table: CsvTable, name: string): (string | null)[] {
  const cells = table.columns[columnIndex(table, name)]!;
  return cells.map((c) => (isMissingCell(c) ? null : c));
}

/**
 * Infers a column's type: numeric when every non-missing cell is a number; categorical when most
 * are not. A column that is mostly numbers with a few other cells is treated as a data error,
 * since a stray text value in a numeric column usually means a broken export.
 * @param table the table
 * @param name the column name
 * @returns `"numeric"` or `"categorical"`
 * @throws {CliError} exit code 1 on an unknown column, an all-missing column, or a mostly numeric
 *   column with non-numeric cells (the message points to the first such line and to `--categorical`)
 * @example inferKind(germanTable, "housing") // => "categorical"
 */
export function inferKind(table: CsvTable, name: string): "numeric" | "categorical" {
  const cells = table.columns[columnIndex(table, name)]!;
  let present = 0;
  let numbers = 0;
  let firstText = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (isMissingCell(c)) continue;
    present++;
    if (!Number.isNaN(parseNumberCell(c))) numbers++;
    else if (firstText < 0) firstText = i;
  }
  if (present === 0) throw new CliError(`${table.source}: column "${name}" has no values (every cell is empty or NA)`);
  if (numbers === present) return "numeric";
  if (numbers >= 0.5 * present) {
    throw new CliError(
      `${table.source} line ${firstText + 2}: column "${name}" is numeric but holds a non-numeric value (pass --categorical ${name} if the column is categorical)`,
    );
  }
  return "categorical";
}

/**
 * Reads a column with a given or inferred type.
 * @param table the table
 * @param name the column name
 * @param kind the type, or undefined to infer it
 * @returns the typed column
 * @throws {CliError} as `numericColumn` and `inferKind`
 * @example readColumn(germanTable, "age_in_years").kind // => "numeric"
 */
export function readColumn(table: CsvTable, name: string, kind?: "numeric" | "categorical"): Column {
  const k = kind ?? inferKind(table, name);
  return k === "numeric"
    ? { kind: "numeric", name, values: numericColumn(table, name) }
    : { kind: "categorical", name, values: categoricalColumn(table, name) };
}

/**
 * Turns the target column into labels 1 = bad, 0 = good. The bad value is `bad` when given;
 * otherwise `1` when the column holds only 0 and 1, or `bad` when it holds `good` and `bad`.
 * @param table the table
 * @param target the target column name
 * @param bad the value that marks a bad outcome (optional)
 * @returns the labels and the bad value used
 * @throws {CliError} exit code 1 on a missing target column, missing target cells, a target with
 *   other than two values, a bad value that does not occur, or one class only
 * @example targetLabels(germanTable, "creditability").bad // => "bad"
 */
export function targetLabels(table: CsvTable, target: string, bad?: string): { labels: Uint8Array; bad: string } {
  const cells = table.columns[columnIndex(table, target, "target column")]!;
  const distinct = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (isMissingCell(c)) throw new CliError(`${table.source} line ${i + 2}: the target "${target}" is missing`);
    distinct.add(c);
    if (distinct.size > 2)
      throw new CliError(
        `${table.source}: the target "${target}" has more than two distinct values (it must be binary)`,
      );
  }
  let badValue = bad;
  if (badValue === undefined) {
    if ([...distinct].every((v) => v === "0" || v === "1")) badValue = "1";
    else if ([...distinct].every((v) => v === "good" || v === "bad")) badValue = "bad";
    else throw new CliError(`${table.source}: cannot tell which target value is bad: pass --bad VALUE`);
  } else if (!distinct.has(badValue)) {
    throw new CliError(`${table.source}: the --bad value does not occur in the target "${target}"`);
  }
  if (distinct.size < 2)
    throw new CliError(`${table.source}: the target "${target}" has one class only (goods and bads are both needed)`);
  const labels = new Uint8Array(cells.length);
  for (let i = 0; i < cells.length; i++) labels[i] = cells[i] === badValue ? 1 : 0;
  return { labels, bad: badValue };
}
