import { type Issue, formatPath } from "../schema/result";

/**
 * Exit codes every subcommand uses (documented in `riskcard --help` and the README).
 * @example EXIT.usage // => 2 (EXIT.ok 0, EXIT.data 1)
 */
export const EXIT = Object.freeze({
  /** Success (for `validate`: the artefact is valid). */
  ok: 0,
  /** Bad data or a failed validation: unreadable file, malformed CSV, invalid artefact, missing column. */
  data: 1,
  /** Bad usage: unknown subcommand or option, missing argument. */
  usage: 2,
  /** An unexpected internal error (a bug in riskcard). */
  internal: 3,
});

/**
 * The error a subcommand throws to stop with one clear line on stderr and an exit code. Its
 * message never holds an input value (file paths and column names only).
 * @example new CliError("model.json: file not found").exitCode // => 1 (EXIT.data, the default)
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.data) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/**
 * A usage error (exit code 2).
 * @param message what was wrong with the command line
 * @returns the error, to throw
 * @example usageError("score: missing INPUT.jsonl").exitCode // => 2 (EXIT.usage)
 */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/**
 * Formats issues on one line: the first issue as `code at path: message`, then how many more.
 * @param issues at least one issue
 * @returns one line, no input values (issues never hold any)
 * @example issuesLine([issue("missing", ["format"], "required field is missing")]) // => "missing at format: required field is missing"
 */
export function issuesLine(issues: readonly Issue[]): string {
  const first = issues[0];
  if (!first) return "invalid";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
  return `${first.code} at ${formatPath(first.path)}: ${first.message}${more}`;
}
