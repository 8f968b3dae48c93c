import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { csi, quantileBreaks } from "../metrics";
import { listOpt, parseCommand, positionals, stringOpt } from "./args";
import { columnIndex, inferKind, readColumn } from "./columns";
import { type CsvTable, delimiterOpt, readCsv } from "./csv";
import { CliError, usageError } from "./errors";
import { type CliIo, writeText } from "./io";

/**
 * Help text of `riskcard psi`.
 * @example PSI_HELP.startsWith("Usage: riskcard psi") // => true
 */
export const PSI_HELP = `Usage: riskcard psi EXPECTED.csv ACTUAL.csv [--columns COLS] [--bins N] [--json OUT.json] [--delimiter D]

Population stability of every column the two files share (or --columns): the stability index
sum (a - e) ln(a / e) over bins, where e and a are the shares of EXPECTED.csv and ACTUAL.csv rows in
a bin (a zero share counts as 0.0001). Numeric columns are cut at the deciles of EXPECTED.csv
(--bins N quantiles); categorical columns take one bin per category; missing cells (empty, NA) are a
bin of their own. PSI of a score column, CSI of a characteristic: the same formula (Siddiqi 2006).
Reading: below 0.10 stable, 0.10 to 0.25 some shift, above 0.25 a major shift.

  --columns COLS   only these columns (comma-separated, repeatable)
  --bins N         quantile bins of numeric columns, 2 to 100 (default 10)
  --json OUT.json  also write every bin's counts, shares and terms as JSON
  --delimiter D    the CSV field delimiter of both files (default ,)

Exit codes: 0 written; 1 data error (unreadable file, a column missing from one file, a numeric
column holding text in the other); 2 usage error.
`;

/** One column's stability: the index and its bins. */
export interface ColumnStability {
  readonly column: string;
  readonly kind: "numeric" | "categorical";
  readonly index: number;
  readonly bins: readonly {
    readonly label: string;
    readonly expected: number;
    readonly actual: number;
    readonly expectedShare: number;
    readonly actualShare: number;
    readonly term: number;
  }[];
}

/**
 * The stability index of one column between two tables: numeric columns over `bins` quantiles of the
 * expected values, categorical ones per category, missing cells in their own bin (the metrics `csi`).
 * @param expected the reference table
 * @param actual the current table
 * @param column the column name (in both)
 * @param bins quantile bins of a numeric column
 * @returns the index and its bins
 * @throws {CliError} exit code 1 when the column is missing from a table or its type differs
 * @example columnStability(germanTable, germanTable, "age_in_years", 10).index // => 0
 */
export function columnStability(expected: CsvTable, actual: CsvTable, column: string, bins: number): ColumnStability {
  const kind = inferKind(expected, column);
  const e = readColumn(expected, column, kind);
  const a = readColumn(actual, column, kind);
  let breaks: number[] | undefined;
  if (kind === "numeric") {
    const present = (e.values as (number | null)[]).filter((v): v is number => v !== null);
    breaks = present.length === 0 ? [] : [...new Set(quantileBreaks(present, bins))];
  }
  const r = csi(e.values, a.values, breaks === undefined ? {} : { breaks });
  return {
    column,
    kind,
    index: r.index,
    bins: r.bins.map((b) => ({
      label: b.label,
      expected: b.expectedCount,
      actual: b.actualCount,
      expectedShare: b.expectedShare,
      actualShare: b.actualShare,
      term: b.contribution,
    })),
  };
}

/**
 * `riskcard psi`: stability index per column between two CSV files.
 * @param argv arguments after `psi`
 * @param io output streams
 * @returns the exit code (0 when computed)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await psiCommand([germanCsv, germanCsv], io) // => 0
 */
export async function psiCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("psi", argv, {
    columns: { type: "string", multiple: true },
    bins: { type: "string" },
    json: { type: "string" },
    delimiter: { type: "string" },
  });
  if (args.values.help === true) {
    io.stdout.write(PSI_HELP);
    return 0;
  }
  const [ePath, aPath] = positionals("psi", args, ["EXPECTED.csv", "ACTUAL.csv"]) as [string, string];
  const binsText = stringOpt(args, "bins");
  const bins = binsText === undefined ? 10 : Number(binsText);
  if (!Number.isInteger(bins) || bins < 2 || bins > 100) throw usageError("--bins must be an integer from 2 to 100");
  const delimiter = delimiterOpt(args);
  const opts = delimiter === undefined ? {} : { delimiter };
  const expected = await readCsv(ePath, opts);
  const actual = await readCsv(aPath, opts);
  const wanted = listOpt(args, "columns");
  const shared = new Set(actual.header);
  const columns = wanted.length > 0 ? wanted : expected.header.filter((h) => h !== "" && shared.has(h));
  for (const c of columns) {
    columnIndex(expected, c);
    columnIndex(actual, c);
  }
  if (columns.length === 0) throw new CliError(`${expected.source} and ${actual.source} share no named column`);
  const results = columns.map((c) => columnStability(expected, actual, c, bins));
  const width = Math.max(6, ...columns.map((c) => c.length));
  const lines = [`${"column".padEnd(width)}  kind         bins      PSI  reading`];
  for (const r of results) {
    const reading = r.index < 0.1 ? "stable" : r.index <= 0.25 ? "some shift" : "major shift";
    lines.push(
      `${r.column.padEnd(width)}  ${r.kind.padEnd(11)}  ${String(r.bins.length).padStart(4)}  ${r.index.toFixed(4).padStart(7)}  ${reading}`,
    );
  }
  await writeText(io.stdout, `${lines.join("\n")}\n`);
  const jsonPath = stringOpt(args, "json");
  if (jsonPath !== undefined) {
    try {
      writeFileSync(
        jsonPath,
        `${JSON.stringify({ expected: expected.source, actual: actual.source, columns: results })}\n`,
      );
    } catch {
      throw new CliError(`${basename(jsonPath)}: cannot write the JSON file`);
    }
  }
  io.stderr.write(
    `riskcard psi: ${results.length} columns, ${expected.rows} expected and ${actual.rows} actual rows\n`,
  );
  return 0;
}
