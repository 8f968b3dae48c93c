import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse";
import { type ParsedArgs, stringOpt } from "./args";
import { CliError, usageError } from "./errors";

/** A CSV file read column by column: raw cell text (trimmed), header names in file order. */
export interface CsvTable {
  /** The file's base name, for messages. */
  readonly source: string;
  readonly header: readonly string[];
  /** `columns[j][i]` is row `i` (0-based, header excluded) of column `j`. */
  readonly columns: readonly (readonly string[])[];
  readonly rows: number;
}

/**
 * The table restricted to some rows (e.g. the test rows of a split), in the order given.
 * @param table the table
 * @param rows 0-based row indices
 * @returns a table with those rows only
 * @example pickRows(germanTable, [0, 2]).rows // => 2
 */
export function pickRows(table: CsvTable, rows: readonly number[]): CsvTable {
  return {
    source: table.source,
    header: table.header,
    columns: table.columns.map((col) => rows.map((i) => col[i]!)),
    rows: rows.length,
  };
}

/** Longest record accepted, in characters (guards against a file with no line ends). */
const MAX_RECORD = 1 << 20;
/** Bytes looked at before parsing, to tell a binary or non-UTF-8 file and a different delimiter. */
const SNIFF = 64 << 10;
/** Delimiters recognised when a header does not hold the one in use. */
const CANDIDATES: readonly (readonly [string, string])[] = [
  [",", "comma"],
  [";", "semicolon"],
  ["\t", "tab"],
  ["|", "pipe"],
];

/** Options of `readCsv`. */
export interface CsvOptions {
  /** The field delimiter, one character (default `,`). */
  readonly delimiter?: string;
}

/**
 * Reads a `--delimiter` value: one character other than a quote or a line end; `tab` or `\t` for a tab.
 * @param text the option value
 * @returns the delimiter
 * @throws {CliError} exit code 2 on anything else
 * @example parseDelimiter("tab") // => "\t"
 */
export function parseDelimiter(text: string): string {
  const d = text === "tab" || text === "\\t" ? "\t" : text;
  if ([...d].length !== 1 || d === '"' || d === "\n" || d === "\r")
    throw usageError("--delimiter must be one character (not a quote or a line end), or tab");
  return d;
}

/**
 * The `--delimiter` option, checked.
 * @param args parsed arguments
 * @returns the delimiter, or undefined when absent
 * @throws {CliError} exit code 2 when it is not one character or tab
 * @example delimiterOpt({ values: { delimiter: "tab" }, positionals: [] }) // => "\t"
 */
export function delimiterOpt(args: ParsedArgs): string | undefined {
  const d = stringOpt(args, "delimiter");
  return d === undefined ? undefined : parseDelimiter(d);
}

/**
 * Reads a CSV file with a header row through csv-parse, streaming: quoted fields (with commas,
 * quotes and line breaks inside), LF, CRLF and bare CR line endings, a UTF-8 byte-order mark,
 * blank lines skipped, cells trimmed. Cells stay text; `columnValues` and friends type them.
 * Before parsing, the first 64 KiB are checked: a file with NUL bytes is reported as binary, one
 * that is not UTF-8 as such, and a header without the delimiter in use but with another common one
 * (`;`, tab, `|`, `,`) names that one and `--delimiter`.
 * @param path the file
 * @param options `delimiter` (default `,`)
 * @returns the table
 * @throws {CliError} exit code 1 when the file cannot be read, is binary or not UTF-8, seems to use
 *   another delimiter, has no header, repeats a column name, or a row is malformed (the message
 *   gives the line number, never the cell text)
 * @example (await readCsv("fixtures/german-credit/german_credit.csv")).rows // => 1000
 */
export async function readCsv(path: string, options: CsvOptions = {}): Promise<CsvTable> {
  const source = basename(path);
  const delimiter = options.delimiter ?? ",";
  sniff(path, source, delimiter);
  const src = createReadStream(path);
  const parser = src.pipe(
    parse({
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      info: true,
    }),
  );
  // pipe() does not forward a read error (a missing file): hand it to the parser, which rejects the loop.
  src.on("error", (e) => parser.destroy(e));
  let header: string[] | null = null;
  let columns: string[][] = [];
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = record;
        checkHeader(source, header);
        columns = header.map(() => []);
        continue;
      }
      if (record.length !== header.length) {
        throw new CliError(
          `${source} line ${info.lines}: ${record.length} fields where the header has ${header.length}`,
        );
      }
      for (let j = 0; j < record.length; j++) columns[j]!.push(record[j]!);
      rows++;
    }
  } catch (e) {
    throw csvError(source, e, rows);
  } finally {
    src.destroy();
  }
  if (header === null) throw new CliError(`${source}: the file is empty (a header row is required)`);
  if (rows === 0) throw new CliError(`${source}: no data rows after the header`);
  return { source, header, columns, rows };
}

/**
 * Looks at the start of the file before parsing, so that a binary file, a file in another encoding
 * or one with another delimiter gets a message that says so (instead of a missing column or a quote
 * error further on).
 */
function sniff(path: string, source: string, delimiter: string): void {
  const head = new Uint8Array(SNIFF);
  let n: number;
  try {
    const fd = openSync(path, "r");
    try {
      n = readSync(fd, head, 0, SNIFF, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw csvError(source, e, 0);
  }
  const bytes = head.subarray(0, n);
  if (bytes.includes(0)) throw new CliError(`${source}: not a text CSV file (it holds binary data)`);
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: n === SNIFF });
  } catch {
    throw new CliError(`${source}: not UTF-8 text (save the CSV as UTF-8, e.g. from GBK or Latin-1)`);
  }
  const text = new TextDecoder().decode(bytes);
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (d: string): number => {
    let c = 0;
    let quoted = false;
    for (const ch of header) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) c++;
    }
    return c;
  };
  if (header.trim() === "" || count(delimiter) > 0) return;
  let best: { d: string; name: string; n: number } | undefined;
  for (const [d, name] of CANDIDATES) {
    if (d === delimiter) continue;
    const k = count(d);
    if (k > 0 && (best === undefined || k > best.n)) best = { d, name, n: k };
  }
  if (best !== undefined) {
    const arg = best.d === "\t" ? "tab" : `'${best.d}'`;
    throw new CliError(
      `${source}: the header has no ${JSON.stringify(delimiter)} but ${best.n} ${best.name}${best.n > 1 ? "s" : ""}: it looks ${best.name}-separated; pass --delimiter ${arg}`,
    );
  }
}

function checkHeader(source: string, header: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new CliError(`${source}: column "${h}" appears twice in the header`);
    seen.add(h);
  }
}

function csvError(source: string, e: unknown, rows: number): CliError {
  if (e instanceof CliError) return e;
  const err = e as { code?: string; lines?: number };
  switch (err.code) {
    case "ENOENT":
      return new CliError(`${source}: file not found`);
    case "EACCES":
      return new CliError(`${source}: permission denied`);
    case "EISDIR":
      return new CliError(`${source}: is a directory, not a CSV file`);
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH":
      return new CliError(`${source} line ${err.lines ?? rows + 2}: wrong number of fields`);
    case "CSV_QUOTE_NOT_CLOSED":
      return new CliError(`${source}: a quoted field opened near line ${err.lines ?? rows + 2} is never closed`);
    case "CSV_MAX_RECORD_SIZE":
      return new CliError(`${source} line ${err.lines ?? rows + 2}: record longer than ${MAX_RECORD} characters`);
    default:
      if (typeof err.code === "string" && err.code.startsWith("CSV_")) {
        return new CliError(`${source} line ${err.lines ?? rows + 2}: malformed CSV (${err.code})`);
      }
      return new CliError(
        `${source}: cannot read the file (${typeof err.code === "string" ? err.code : "unknown error"})`,
      );
  }
}

/**
 * Whether a cell is missing: empty or the literal `NA` (R's and pandas' missing marker).
 * @param cell the trimmed cell text
 * @returns true when missing
 * @example isMissingCell("NA") // => true
 */
export function isMissingCell(cell: string): boolean {
  return cell === "" || cell === "NA";
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a decimal number cell (`12`, `-0.5`, `1e3`); anything else (`1,000`, `abc`, `Inf`) is not a number.
 * @param cell the trimmed cell text
 * @returns the number, or NaN when the cell is not a finite decimal number
 * @example parseNumberCell("1e3") // => 1000
 */
export function parseNumberCell(cell: string): number {
  if (!NUMBER.test(cell)) return Number.NaN;
  const v = Number(cell);
  return Number.isFinite(v) ? v : Number.NaN;
}
