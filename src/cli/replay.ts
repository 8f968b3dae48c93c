import { basename } from "node:path";
import { RiskcardError } from "../schema/result";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, EXIT, issuesLine } from "./errors";
import type { CliIo } from "./io";
import { engineFromFile, readJsonl } from "./simulate";
import { createEngine } from "../decision/engine";

/**
 * Help text of `riskcard replay`.
 * @example REPLAY_HELP.startsWith("Usage: riskcard replay") // => true
 */
export const REPLAY_HELP = `Usage: riskcard replay RECORDS.jsonl [--engine CONFIG.json]

Checks an append-only log of decision records (one toDecisionRecord line each) against the
current artefacts: every decision is re-run from its trace (recorded features, facts and guard
inputs) and compared byte for byte. Prints a JSON summary on stdout: how many are identical and
changed, by artefact whose version differs, and by decision field that changed.

  --engine CONFIG.json   the engine configuration to check against (default: the shipped artefacts)

Exit codes: 0 every record identical; 1 some record changed, or a data error (unreadable file,
malformed line, a line that is not a decision record); 2 usage error.
`;

/**
 * `riskcard replay`: re-runs a log of decision records and summarises what changed.
 * @param argv arguments after `replay`
 * @param io output streams
 * @returns 0 when every record replays identically, 1 otherwise
 * @throws {CliError} on usage errors (2) or data errors (1)
 * @example await replayCommand([tmpRecords("records.jsonl")], io) // => 0
 */
export async function replayCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("replay", argv, { engine: { type: "string" } });
  if (args.values.help === true) {
    io.stdout.write(REPLAY_HELP);
    return EXIT.ok;
  }
  const [input] = positionals("replay", args, ["RECORDS.jsonl"]) as [string];
  const enginePath = stringOpt(args, "engine");
  const engine = enginePath === undefined ? createEngine() : engineFromFile(enginePath);
  const records = await readJsonl(input);
  let identical = 0;
  let changed = 0;
  const byArtefact: Record<string, number> = {};
  const byField: Record<string, number> = {};
  for (const [i, rec] of records.entries()) {
    let r: ReturnType<typeof engine.replay>;
    try {
      r = engine.replay(rec);
    } catch (e) {
      if (e instanceof RiskcardError)
        throw new CliError(`${basename(input)}: record ${i + 1}: not a decision record: ${issuesLine(e.issues)}`);
      throw e;
    }
    if (r.identical) identical++;
    else changed++;
    for (const m of r.mismatches.artefacts) byArtefact[m.artefact] = (byArtefact[m.artefact] ?? 0) + 1;
    for (const f of r.mismatches.fields) byField[f] = (byField[f] ?? 0) + 1;
  }
  const summary = {
    records: records.length,
    identical,
    changed,
    byArtefact: sorted(byArtefact),
    byField: sorted(byField),
  };
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  io.stderr.write(`riskcard replay: ${records.length} records, ${identical} identical, ${changed} changed\n`);
  return changed === 0 ? EXIT.ok : EXIT.data;
}

function sorted(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}
