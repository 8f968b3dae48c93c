import { parseArgs } from "node:util";
import { usageError } from "./errors";

/** The declared options of a subcommand, as `node:util` `parseArgs` takes them. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** Parsed command line: option values by name and positional arguments. */
export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: readonly string[];
}

/**
 * Parses a subcommand's arguments strictly (unknown options and missing option values are usage
 * errors), with `--help`/`-h` always accepted.
 * @param command the subcommand, for messages
 * @param argv the arguments after the subcommand
 * @param options the declared options
 * @returns values and positionals
 * @throws {CliError} exit code 2 on an unknown option or a missing value
 * @example parseCommand("score", ["in.jsonl", "--workers", "2"], { workers: { type: "string" } }).values.workers // => "2"
 */
export function parseCommand(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const r = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: r.values as ParsedArgs["values"], positionals: r.positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    // node's messages quote the option name only (never a value), but keep our own wording.
    const opt = /'(-{1,2}[^' ]+)/.exec(String((e as Error).message))?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw usageError(`unknown option ${opt ?? ""}`.trimEnd());
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw usageError(`option ${opt ?? "(unknown)"} needs a value`);
    throw usageError(`invalid arguments (see riskcard ${command} --help)`);
  }
}

/**
 * A string option's value (the last one when repeated).
 * @param args parsed arguments
 * @param name option name
 * @returns the value or undefined
 * @example stringOpt(parseCommand("train", ["--out", "model.json"], { out: { type: "string" } }), "out") // => "model.json"
 */
export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (Array.isArray(v)) return v.length > 0 ? String(v[v.length - 1]) : undefined;
  return typeof v === "string" ? v : undefined;
}

/**
 * A repeatable string option's values, each split on commas (`--exclude a,b --exclude c`).
 * @param args parsed arguments
 * @param name option name
 * @returns the values, empty when absent
 * @example listOpt(parseCommand("train", ["--exclude", "a,b", "--exclude", "c"], { exclude: { type: "string", multiple: true } }), "exclude") // => ["a", "b", "c"]
 */
export function listOpt(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  const raw = Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
  return raw
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Exactly `count` positional arguments, or a usage error naming what is missing.
 * @param command the subcommand
 * @param args parsed arguments
 * @param names names of the expected positionals, for messages
 * @returns the positionals
 * @throws {CliError} exit code 2 when there are too few or too many
 * @example positionals("report", parseCommand("report", ["m.json", "d.csv"], {}), ["MODEL.json", "DATA.csv"]) // => ["m.json", "d.csv"]
 */
export function positionals(command: string, args: ParsedArgs, names: readonly string[]): string[] {
  const p = args.positionals;
  if (p.length < names.length)
    throw usageError(`missing ${names.slice(p.length).join(" ")} (see riskcard ${command} --help)`);
  if (p.length > names.length) throw usageError(`too many arguments (expected ${names.join(" ")})`);
  return [...p];
}
