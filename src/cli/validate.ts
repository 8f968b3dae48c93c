import { basename } from "node:path";
import { defaultCatalog, featureNames } from "../features";
import { compileRules } from "../fraud";
import { loadPolicy } from "../limits";
import { type Issue, type Result, formatPath } from "../schema/result";
import { type Scorecard, loadScorecard } from "../scorecard";
import { auc, ks } from "../metrics";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, usageError } from "./errors";
import { LABELLED_DATA_OPTIONS, labelledData } from "./labelled-data";
import type { CliIo } from "./io";
import { readTextFile } from "./read-file";

/**
 * Help text of `riskcard validate`.
 * @example VALIDATE_HELP.startsWith("Usage: riskcard validate") // => true
 */
export const VALIDATE_HELP = `Usage: riskcard validate ARTEFACT.json [DATA.csv [--split SPLIT.csv] [--part P]] [--json]

Checks a riskcard artefact before it goes live, by its "format" field:
  riskcard.scorecard    statistical (points) scorecard, e.g. from riskcard train
  riskcard.expert-card  expert weighted card (weights must sum to 100%)
  riskcard.rules        fraud rule set (rules compiled against the fact catalog)
  riskcard.policy       limit and pricing policy (bands priced under the APR cap)
and prints every problem found, one per line: code, where (JSON path) and what is wrong.

  --json   print {"valid", "format", "issues"} as JSON instead of text (with DATA.csv, also
           "data": {"rows", "bads", "auc", "ks"})

With DATA.csv (labelled data, a scorecard only), also scores the rows and prints their count, AUC
and KS; the options are those of riskcard report:
  --split SPLIT.csv   the split riskcard train --split-out wrote for DATA.csv: measure the rows of
                      --part only (default test), so that training rows are not mixed in
  --part P            test (default), train or all
  --target COL        the outcome column (default: the one recorded by riskcard train)
  --bad VALUE         the target value that means bad (default: as recorded, or 1 / "bad")
  --delimiter D       the CSV field delimiter: one character, or tab (default ,)

Exit codes: 0 valid; 1 invalid or unreadable; 2 usage error.
`;

const LABELLED_FLAGS = Object.keys(LABELLED_DATA_OPTIONS);

/** Discrimination of a valid scorecard on labelled data (`validate MODEL.json DATA.csv`). */
interface DataCheck {
  readonly rows: number;
  readonly bads: number;
  readonly auc: number;
  readonly ks: number;
}

/** The outcome of validating one artefact. */
export interface Validation {
  readonly valid: boolean;
  readonly format: string | null;
  readonly issues: readonly Issue[];
  /** Plain notes on a valid artefact (what it holds, caveats). */
  readonly notes: readonly string[];
}

/**
 * Validates a parsed artefact by its `format` with the loader of its domain.
 * @param value the parsed JSON
 * @returns whether it is valid, its format, the issues and notes
 * @example validateArtefact(JSON.parse(readFileSync("models/policy.json", "utf8"))).valid // => true
 */
export function validateArtefact(value: unknown): Validation {
  const format =
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof (value as { format?: unknown }).format === "string"
      ? ((value as { format: string }).format as string)
      : null;
  const fail = (issues: readonly Issue[]): Validation => ({ valid: false, format, issues, notes: [] });
  switch (format) {
    case "riskcard.scorecard":
    case "riskcard.expert-card": {
      const r = loadScorecard(value);
      return r.ok ? { valid: true, format, issues: [], notes: cardNotes(r.value) } : fail(r.issues);
    }
    case "riskcard.rules": {
      const r = compileRules(value);
      if (!r.ok) return fail(r.issues);
      const rules = r.value.ruleSet.rules.length;
      return { valid: true, format, issues: [], notes: [`${rules} rule${rules === 1 ? "" : "s"} compiled`] };
    }
    case "riskcard.policy": {
      const r: Result<unknown> = loadPolicy(value);
      return r.ok
        ? { valid: true, format, issues: [], notes: ["every band priced within the APR cap"] }
        : fail(r.issues);
    }
    default:
      return fail([
        {
          code: format === null ? "missing" : "unsupported_version",
          path: ["format"],
          message: "format must be riskcard.scorecard, riskcard.expert-card, riskcard.rules or riskcard.policy",
        },
      ]);
  }
}

function cardNotes(card: Scorecard): string[] {
  const catalog = new Set(featureNames(defaultCatalog));
  const outside = card.characteristics.filter((c) => !catalog.has(c.feature)).length;
  const notes = [
    `${card.characteristics.length} characteristics, ${card.scaling === null ? "no probability scale" : `pdo ${card.scaling.pdo}`}`,
  ];
  if (outside > 0) {
    notes.push(
      `${outside} characteristic${outside === 1 ? " reads a feature" : "s read features"} outside the default feature catalog: fine for CSV data (riskcard report), but the decision engine cannot run this card`,
    );
  }
  return notes;
}

/**
 * Reads a JSON artefact file (size-capped) and parses it.
 * @param path the file
 * @returns the parsed value
 * @throws {CliError} exit code 1 when the file is missing, too large or not JSON
 * @example readJsonFile("models/policy.json").format // => "riskcard.policy"
 */
export function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${basename(path)}: not valid JSON`);
  }
}

/**
 * `riskcard validate`: checks an artefact and prints what is wrong.
 * @param argv arguments after `validate`
 * @param io output streams
 * @returns 0 when valid, 1 when invalid
 * @throws {CliError} when the file cannot be read (exit 1) or on usage errors (exit 2)
 * @example await validateCommand(["models/policy.json"], io) // => 0
 */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("validate", argv, { json: { type: "boolean" }, ...LABELLED_DATA_OPTIONS });
  if (args.values.help === true) {
    io.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const names = args.positionals.length > 1 ? ["ARTEFACT.json", "DATA.csv"] : ["ARTEFACT.json"];
  const [path, dataPath] = positionals("validate", args, names) as [string, string | undefined];
  if (dataPath === undefined && LABELLED_FLAGS.some((f) => args.values[f] !== undefined))
    throw usageError("--target, --bad, --delimiter, --split and --part need DATA.csv");
  const value = readJsonFile(path);
  const v = validateArtefact(value);
  const name = basename(path);
  let measured: DataCheck | null = null;
  if (v.valid && dataPath !== undefined) {
    const card = loadScorecard(value);
    if (!card.ok) throw new CliError(`${name}: DATA.csv can be measured with a scorecard only`);
    const { labels, scored } = await labelledData(card.value, dataPath, args);
    let bads = 0;
    for (const l of labels) bads += l;
    measured = {
      rows: labels.length,
      bads,
      auc: auc(scored.scores, labels, { higherIsBad: false }),
      ks: ks(scored.scores, labels),
    };
  }
  if (args.values.json === true) {
    const out = { valid: v.valid, format: v.format, issues: v.issues };
    io.stdout.write(`${JSON.stringify(measured === null ? out : { ...out, data: measured })}\n`);
  } else if (v.valid) {
    io.stdout.write(`${name}: valid ${v.format} (${v.notes.join("; ")})\n`);
    if (measured !== null && dataPath !== undefined) {
      const split =
        stringOpt(args, "split") === undefined ? "" : ` (${stringOpt(args, "part") ?? "test"} rows of the split)`;
      io.stdout.write(
        `${basename(dataPath)}${split}: ${measured.rows} rows, ${measured.bads} bad, AUC ${measured.auc.toFixed(4)}, KS ${measured.ks.toFixed(4)}\n`,
      );
    }
  } else {
    const n = v.issues.length;
    const lines = [`${name}: invalid ${v.format ?? "artefact"}: ${n} issue${n === 1 ? "" : "s"}`];
    for (const i of v.issues.slice(0, 200)) lines.push(`  ${i.code} at ${formatPath(i.path)}: ${i.message}`);
    if (n > 200) lines.push(`  ... and ${n - 200} more`);
    io.stdout.write(`${lines.join("\n")}\n`);
  }
  return v.valid ? 0 : 1;
}
