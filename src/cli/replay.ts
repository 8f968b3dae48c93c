import { basename } from "node:path";
import { RiskcardError } from "../schema/result";
import { parseCommand, positionals, stringOpt } from "./args";
import { CliError, EXIT, issuesLine } from "./errors";
import type { CliIo } from "./io";
import { engineFromFile, readJsonl } from "./simulate";
import { createEngine } from "../decision/engine";
import type { RouteMismatch } from "../decision/types";

/**
 * Help text of `riskcard replay`.
 * @example REPLAY_HELP.startsWith("Usage: riskcard replay") // => true
 */
export const REPLAY_HELP = `Usage: riskcard replay RECORDS.jsonl [--engine CONFIG.json]

Checks an append-only log of decision records (one toDecisionRecord line each) against the
current artefacts: every decision is re-run from its trace (recorded features, facts and guard
inputs) and compared byte for byte. Prints a JSON summary on stdout: how many are identical and
changed, by artefact whose version differs, by decision field that changed, and by routing step
that would now choose differently ("segment full-file -> thin-file", "arm champion -> b": a strategy's
segment, an experiment's arm).

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
  const byRoute: Record<string, number> = {};
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
    for (const m of r.mismatches.route ?? []) {
      const key = routeKey(m);
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
  }
  const summary = {
    records: records.length,
    identical,
    changed,
    byArtefact: sorted(byArtefact),
    byField: sorted(byField),
    byRoute: sorted(byRoute),
  };
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  const rerouted = Object.values(byRoute).reduce((a, b) => a + b, 0);
  io.stderr.write(
    `riskcard replay: ${records.length} records, ${identical} identical, ${changed} changed` +
      `${rerouted === 0 ? "" : `, ${rerouted} routed differently`}\n`,
  );
  return changed === 0 ? EXIT.ok : EXIT.data;
}

/**
 * The summary key of a route mismatch: the step, then the recorded and the current choice (segment ids and arm
 * names come from the configuration, never from the applicant).
 * @param m the route mismatch of one replayed record
 * @returns `"step recorded -> current"`
 * @example routeKey({ step: "segment", recorded: "full-file", current: "thin-file" }) // => "segment full-file -> thin-file"
 */
function routeKey(m: RouteMismatch): string {
  return `${m.step} ${m.recorded} -> ${m.current}`;
}

function sorted(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}
