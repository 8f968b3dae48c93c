/**
 * riskcard/cli: the `riskcard` command line as functions. `run(argv, io)` runs a subcommand
 * in-process (the bin `dist/cli/main.js` calls it with the process's streams and exits with its
 * code); `computeReport` gives every number of the validation report and `renderReport` its HTML,
 * apart, so tools can read the numbers.
 *
 * Explicit list: the CSV reader, column inference, argument parsing and the scoring workers stay
 * internal to the command line.
 */
export { CliError, EXIT } from "./errors";
export { type CliIo, nodeIo, type TextSink } from "./io";
export {
  type AttributeRow,
  type CharacteristicReport,
  computeReport,
  type ReportData,
  type ReportInput,
  type StabilityRow,
} from "./report-data";
export { renderReport } from "./report-html";
export { MAIN_HELP, run } from "./run";
