import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { type Engine, createEngine } from "../decision/engine";
import { createExperiment } from "../decision/experiment";
import { ConfigError, RiskcardError } from "../schema/result";
import { type SimulationOutcome, simulate } from "../simulate";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, EXIT, issuesLine, usageError } from "./errors";
import type { CliIo } from "./io";
import { parseAsOf } from "./score-line";
import { renderSimulation } from "./simulate-html";
import { readJsonFile } from "./validate";

/**
 * Help text of `riskcard simulate`.
 * @example SIMULATE_HELP.startsWith("Usage: riskcard simulate") // => true
 */
export const SIMULATE_HELP = `Usage: riskcard simulate --base A.json --candidate B.json APPLICANTS.jsonl --as-of TIME [--outcomes OUTCOMES.jsonl] [--html REPORT.html]

Decides every applicant with the base and the candidate engine configuration and prints the
comparison as JSON on stdout: the 3x3 outcome swap matrix, approval / review / decline rates, the
bad rate among approved applicants (with --outcomes: JSONL of { "id", "defaulted" }), total and
mean limit, mean APR, expected loss (sum of PD x limit), per-reason count changes and the ids
whose outcome, band or limit changed; with a strategy or an experiment, the same summary per segment
("segments") and per deciding arm ("arms"). Deterministic: the same files give the same bytes.

  --base A.json         the engine configuration in force ({} for the shipped defaults; { "strategy": ... } for
                        a strategy; { "champion", "challengers", "salt" } for a champion/challenger experiment)
  --candidate B.json    the configuration considered (the same three kinds)
  --as-of TIME          decision time: epoch ms or ISO 8601 (2026-06-30)
  --outcomes FILE       known outcomes by applicant id
  --html REPORT.html    also write a self-contained HTML page of the comparison

Exit codes: 0 written; 1 data error (invalid configuration, unreadable file, malformed line); 2 usage error.
`;

/**
 * Reads a JSONL file's values (one per non-empty line).
 * @param path the file
 * @returns the parsed values
 * @throws {CliError} exit code 1 when the file cannot be read or a line is not JSON (naming the line, never its text)
 * @example (await readJsonl("fixtures/outcomes.jsonl")).length // => 1040
 */
export async function readJsonl(path: string): Promise<unknown[]> {
  const name = basename(path);
  let text: string;
  try {
    if (statSync(path).size > MAX_JSONL) throw new CliError(`${name}: larger than ${MAX_JSONL >> 20} MiB`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${name}: file not found or unreadable`);
  }
  const out: unknown[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === "") continue;
    try {
      out.push(JSON.parse(l));
    } catch {
      throw new CliError(`${name}:${i + 1}: not valid JSON`);
    }
  }
  return out;
}

/** Largest JSONL file simulate and replay read whole (they keep every applicant or record in memory). */
const MAX_JSONL = 1 << 30;

/**
 * Compiles an engine from a configuration file.
 * @param path the JSON file
 * @returns the engine
 * @throws {CliError} exit code 1 when the file or the configuration is invalid
 * @example engineFromFile(tmpJson("base.json", {})).versions.engine // => "riskcard-engine@1"
 */
export function engineFromFile(path: string): Engine {
  try {
    const json = readJsonFile(path);
    // an experiment file ({ champion, challengers, salt }) compiles to an experiment, anything else to an engine
    if (typeof json === "object" && json !== null && Object.hasOwn(json, "champion"))
      return createExperiment(json as never);
    return createEngine(json as never);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof RiskcardError)
      throw new CliError(`${basename(path)}: invalid engine or experiment configuration: ${issuesLine(e.issues)}`);
    throw e;
  }
}

/**
 * Reads a required `--as-of`.
 * @param value the option's text
 * @returns epoch ms
 * @throws {CliError} exit code 2 when absent or not a time
 * @example requiredAsOf("2026-06-30") // => 1782777600000
 */
export function requiredAsOf(value: string | undefined): number {
  if (value === undefined) throw usageError("--as-of TIME is required (the decision time)");
  const asOf = parseAsOf(value);
  if (asOf === null)
    throw usageError("--as-of must be epoch milliseconds or an ISO 8601 date (2026-06-30) or UTC date-time");
  return asOf;
}

/**
 * `riskcard simulate`: what-if comparison of two engine configurations on a population.
 * @param argv arguments after `simulate`
 * @param io output streams
 * @returns the exit code (0 when the report was written)
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await simulateCommand(["--base", tmpJson("a.json", {}), "--candidate", tmpJson("b.json", { reviewPd: 0.1 }), "--as-of", "2026-06-30", "fixtures/applicants.jsonl"], io) // => 0
 */
export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("simulate", argv, {
    base: { type: "string" },
    candidate: { type: "string" },
    outcomes: { type: "string" },
    html: { type: "string" },
    "as-of": { type: "string" },
  });
  if (args.values.help === true) {
    io.stdout.write(SIMULATE_HELP);
    return EXIT.ok;
  }
  const [input] = positionals("simulate", args, ["APPLICANTS.jsonl"]) as [string];
  const basePath = stringOpt(args, "base");
  const candidatePath = stringOpt(args, "candidate");
  if (basePath === undefined || candidatePath === undefined)
    throw usageError("--base A.json and --candidate B.json are required");
  const asOf = requiredAsOf(stringOpt(args, "as-of"));
  const base = engineFromFile(basePath);
  const candidate = engineFromFile(candidatePath);
  const applicants = await readJsonl(input);
  const outcomesPath = stringOpt(args, "outcomes");
  const report =
    outcomesPath === undefined
      ? simulate({ base, candidate, applicants, asOf })
      : simulate({
          base,
          candidate,
          applicants,
          asOf,
          outcomes: (await readJsonl(outcomesPath)) as SimulationOutcome[],
        });
  io.stdout.write(`${JSON.stringify(report)}\n`);
  const html = stringOpt(args, "html");
  if (html !== undefined) {
    try {
      writeFileSync(html, renderSimulation(report, { base: basename(basePath), candidate: basename(candidatePath) }));
    } catch {
      throw new CliError("cannot write the HTML file");
    }
  }
  const b = report.base;
  const c = report.candidate;
  io.stderr.write(
    `riskcard simulate: ${report.decided} decided (${report.invalid} invalid); approval ${(b.approvalRate * 100).toFixed(1)}% -> ${(c.approvalRate * 100).toFixed(1)}%; ${report.changed.length} changed\n`,
  );
  for (const [kind, g] of [
    ["segment", report.segments],
    ["arm", report.arms],
  ] as const) {
    if (g === undefined) continue;
    for (const side of ["base", "candidate"] as const)
      for (const [id, s] of Object.entries(g[side]))
        io.stderr.write(
          `  ${side} ${kind} ${id}: ${s.approve + s.review + s.decline} decided, approve ${s.approve}, review ${s.review}, decline ${s.decline}\n`,
        );
  }
  return EXIT.ok;
}
