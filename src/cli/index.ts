/**
 * The riskcard command line as functions: `run(argv, io)` runs a subcommand in-process (the bin
 * `dist/cli/main.js` calls it with the process's streams); the report computation and rendering
 * are separate so tools and tests can read the numbers.
 */
export { run, MAIN_HELP } from "./run";
export { type CliIo, type TextSink, nodeIo } from "./io";
export { CliError, EXIT } from "./errors";
export { readCsv, isMissingCell, parseNumberCell, type CsvTable } from "./csv";
export { readColumn, inferKind, targetLabels, type Column } from "./columns";
export { scoreTable, type TableScores } from "./score-table";
export {
  computeReport,
  attributeLabel,
  type ReportData,
  type ReportInput,
  type CharacteristicReport,
  type AttributeRow,
  type StabilityRow,
} from "./report-data";
export { renderReport, fmt as reportFormat } from "./report-html";
export { readReference, referenceOf, withReference, type Reference } from "./reference";
export { validateArtefact, type Validation } from "./validate";
export { scoreLine, parseAsOf } from "./score-line";
