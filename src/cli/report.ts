import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { type Scorecard, loadScorecard } from "../scorecard";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, issuesLine, usageError } from "./errors";
import type { CliIo } from "./io";
import { LABELLED_DATA_OPTIONS, labelledData } from "./labelled-data";
import { readReference } from "./reference";
import { computeReport } from "./report-data";
import { renderReport } from "./report-html";
import { shapesOf } from "./report-shapes";
import { readJsonFile } from "./validate";

/**
 * Help text of `riskcard report`.
 * @example REPORT_HELP.startsWith("Usage: riskcard report") // => true
 */
export const REPORT_HELP = `Usage: riskcard report MODEL.json DATA.csv --out REPORT.html [--target COL] [--bad VALUE] [--json DATA.json] [--delimiter D]

Scores DATA.csv (a CSV with the model's columns and the outcome) with a scorecard and writes a
self-contained HTML validation report (inline SVG, no scripts, no network): ROC and KS curves,
score distributions of goods and bads, bad rate by score band, a chart and a table per
characteristic (counts, bad rate, WoE, IV, points), and PSI / CSI against the training
distribution recorded in the model by riskcard train.

  --out REPORT.html   where to write the report (required)
  --target COL        the outcome column (default: the one recorded by riskcard train)
  --bad VALUE         the target value that means bad (default: as recorded, or 1 / "bad")
  --json DATA.json    also write every number of the report as JSON
  --delimiter D       the CSV field delimiter: one character, or tab (default ,)
  --split SPLIT.csv   the split riskcard train --split-out wrote for DATA.csv: report on the rows of
                      --part only (default test), so that training rows are not mixed in
  --part P            test (default), train or all

Exit codes: 0 report written; 1 data error (invalid model, missing column, non-numeric value in
a numeric column, one class only); 2 usage error.
`;

/**
 * `riskcard report`: validation report of a scorecard on labelled CSV data.
 * @param argv arguments after `report`
 * @param io output streams
 * @returns the exit code (0 when the report was written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await reportCommand([germanModelPath, germanCsv, "--out", tmp("report.html")], io) // => 0
 */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("report", argv, {
    out: { type: "string", short: "o" },
    json: { type: "string" },
    ...LABELLED_DATA_OPTIONS,
  });
  if (args.values.help === true) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  const [modelPath, dataPath] = positionals("report", args, ["MODEL.json", "DATA.csv"]) as [string, string];
  const out = stringOpt(args, "out");
  if (out === undefined) throw usageError("--out REPORT.html is required");
  const card = loadModel(modelPath);
  const { table, labels, scored, target } = await labelledData(card, dataPath, args);
  const data = {
    ...computeReport({ card, scored, labels, source: table.source, target, reference: readReference(card) }),
    shapes: shapesOf(card, scored),
  };
  const jsonPath = stringOpt(args, "json");
  try {
    writeFileSync(out, renderReport(data));
    if (jsonPath !== undefined) writeFileSync(jsonPath, `${JSON.stringify(data)}\n`);
  } catch {
    throw new CliError(`cannot write the report file`);
  }
  const d = data.discrimination;
  io.stderr.write(
    `riskcard report: wrote ${basename(out)}: ${table.rows} rows, AUC ${d.auc.toFixed(4)}, KS ${d.ks.toFixed(4)}${data.stability === null ? "" : `, PSI ${data.stability.psi.toFixed(4)}`}\n`,
  );
  return 0;
}

function loadModel(path: string): Scorecard {
  const r = loadScorecard(readJsonFile(path));
  if (!r.ok) throw new CliError(`${basename(path)}: invalid model: ${issuesLine(r.issues)}`);
  return r.value;
}
