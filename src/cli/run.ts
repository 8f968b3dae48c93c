import { applyCommand } from "./apply";
import { binsCommand } from "./bins";
import { CliError, EXIT } from "./errors";
import { pmmlCommand } from "./pmml";
import { psiCommand } from "./psi";
import type { CliIo } from "./io";
import { replayCommand } from "./replay";
import { reportCommand } from "./report";
import { scoreCommand } from "./score";
import { simulateCommand } from "./simulate";
import { trainCommand } from "./train";
import { validateCommand } from "./validate";

/**
 * The `riskcard` command's top-level help text.
 * @example MAIN_HELP.startsWith("Usage: riskcard <command>") // => true
 */
export const MAIN_HELP = `Usage: riskcard <command> [options]   (riskcard <command> --help for details)

Commands:
  train DATA.csv --target COL --out MODEL.json    train a scorecard from a CSV of past loans
  apply --model CARD DATA.csv [--out OUT.csv|OUT.jsonl]
                                                  points per characteristic, score, PD and reasons per
                                                  row (riskcard JSON, PMML or Python card tables)
  score INPUT.jsonl [--engine CONFIG.json] [--out OUT.jsonl] [--as-of TIME] [--workers N]
                                                  decide applications, streaming JSONL
  report MODEL.json DATA.csv --out REPORT.html    HTML validation report (ROC, KS, PSI, bins)
  validate ARTEFACT.json [DATA.csv [--split SPLIT.csv]]
                                                  check a scorecard, rule set or policy; with DATA.csv
                                                  also the card's AUC and KS on it (--split: test rows)
  simulate --base A.json --candidate B.json APPLICANTS.jsonl --as-of TIME [--outcomes F] [--html R.html]
                                                  what-if comparison of two engine configurations
  replay RECORDS.jsonl [--engine CONFIG.json]     re-run a log of decision records, summarise changes
  bins MODEL [--out BINS.csv]                     the card's cut points, to edit and reuse with train --bins
  psi EXPECTED.csv ACTUAL.csv                     stability index (PSI/CSI) of every shared column
  pmml import MODEL.pmml | export MODEL [--out F] convert between PMML 4.4 and riskcard JSON

Exit codes (every command):
  0  success
  1  data or validation error (unreadable or malformed file, missing column, invalid artefact,
     error records in score output, changed records in replay)
  2  usage error (unknown command or option, missing argument)
  3  internal error (a bug in riskcard: please report it)
Errors are one line on stderr; they name files, lines and columns, never the values in them.
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  train: trainCommand,
  apply: applyCommand,
  score: scoreCommand,
  report: reportCommand,
  validate: validateCommand,
  simulate: simulateCommand,
  replay: replayCommand,
  psi: psiCommand,
  pmml: pmmlCommand,
  bins: binsCommand,
};

/**
 * Runs the riskcard command line in-process: dispatches to a subcommand, turns every error into
 * one line on stderr (no stack trace, no input values) and returns the exit code.
 * @param argv the arguments after the program name (e.g. `["validate", "model.json"]`)
 * @param io where to write (`nodeIo()` for the process's streams)
 * @returns the exit code: 0 ok, 1 data/validation error, 2 usage error, 3 internal error
 * @example await run(["validate", "models/policy.json"], nodeIo()) // => 0
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout).write(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version" || command === "-v") {
    io.stdout.write("riskcard 0.1.0\n");
    return EXIT.ok;
  }
  const fn = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (fn === undefined) {
    io.stderr.write(
      `riskcard: unknown command (expected train, apply, score, report, validate, simulate, replay, bins, psi or pmml; see riskcard --help)\n`,
    );
    return EXIT.usage;
  }
  try {
    return await fn(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`riskcard ${command}: ${e.message}\n`);
      return e.exitCode;
    }
    const name = e instanceof Error ? e.name : "error";
    io.stderr.write(`riskcard ${command}: internal error (${name}); please report it\n`);
    return EXIT.internal;
  }
}
