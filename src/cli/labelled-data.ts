import type { Scorecard } from "../scorecard";
import { type OptionSpec, type ParsedArgs, stringOpt } from "./args";
import { targetLabels } from "./columns";
import { type CsvTable, delimiterOpt, pickRows, readCsv } from "./csv";
import { usageError } from "./errors";
import { type TableScores, scoreTable } from "./score-table";
import { splitRows } from "./split";
import { recordedTarget } from "./train";

/**
 * The options of a command that scores labelled CSV data with a model (`report`, `validate`):
 * `--target`, `--bad`, `--delimiter`, `--split`, `--part`.
 * @example Object.keys(LABELLED_DATA_OPTIONS) // => ["target", "bad", "delimiter", "split", "part"]
 */
export const LABELLED_DATA_OPTIONS: OptionSpec = {
  target: { type: "string", short: "t" },
  bad: { type: "string" },
  delimiter: { type: "string" },
  split: { type: "string" },
  part: { type: "string" },
};

/** Labelled rows of a data file scored with a card. */
export interface LabelledData {
  /** The rows kept (all, or the `--part` of `--split`). */
  readonly table: CsvTable;
  /** 1 = bad, one per kept row. */
  readonly labels: Uint8Array;
  /** The card's scores and attributes of the kept rows. */
  readonly scored: TableScores;
  /** The outcome column. */
  readonly target: string;
  /** Which part of the split was kept, or null without `--split`. */
  readonly part: "test" | "train" | "all" | null;
}

/**
 * Reads DATA.csv, keeps the rows of `--part` (default test) of `--split` if given, reads the
 * outcome (`--target` / `--bad`, default: as recorded by `riskcard train`) and scores the rows.
 * @param card the model
 * @param dataPath the CSV file
 * @param args parsed arguments holding `LABELLED_DATA_OPTIONS`
 * @returns the kept rows, their labels and scores
 * @throws {CliError} exit code 2 on usage errors (bad `--part`, `--part` without `--split`, no target), 1 on data errors
 * @example (await labelledData(germanCard, germanCsv, { values: {}, positionals: [] })).table.rows // => 1000
 */
export async function labelledData(card: Scorecard, dataPath: string, args: ParsedArgs): Promise<LabelledData> {
  const art = card.artefact;
  const recorded = recordedTarget(art.format === "riskcard.scorecard" ? art.training?.data : undefined);
  const target = stringOpt(args, "target") ?? recorded?.target;
  if (target === undefined) throw usageError("--target COL is required (the model does not record its target)");
  const badArg = stringOpt(args, "bad") ?? (recorded !== null && recorded.target === target ? recorded.bad : undefined);
  const delimiter = delimiterOpt(args);
  const partArg = stringOpt(args, "part");
  const part = partArg ?? "test";
  if (part !== "test" && part !== "train" && part !== "all") throw usageError("--part must be test, train or all");
  const splitPath = stringOpt(args, "split");
  if (splitPath === undefined && partArg !== undefined) throw usageError("--part needs --split");
  const full = await readCsv(dataPath, delimiter === undefined ? {} : { delimiter });
  const table = splitPath === undefined ? full : pickRows(full, splitRows(splitPath, full.rows, part));
  const { labels } = targetLabels(table, target, badArg);
  return { table, labels, scored: scoreTable(card, table), target, part: splitPath === undefined ? null : part };
}
