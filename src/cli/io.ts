import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { CliError } from "./errors";

/**
 * The streams a command writes to, so that tests can run `run(argv, io)` in-process and read what
 * a terminal would have shown.
 */

/** A text sink with Node's `write` contract (returns false when the caller should wait for `drain`). */
export interface TextSink {
  write(chunk: string | Uint8Array): boolean;
  once(event: "drain", listener: () => void): unknown;
}

/** Where a command writes: data on stdout, diagnostics and progress on stderr. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  readonly stderrIsTTY: boolean;
}

/**
 * The process's own streams.
 * @returns an io over `process.stdout` / `process.stderr`
 * @example typeof nodeIo().stderrIsTTY // => "boolean" (true in a terminal, false when piped)
 */
export function nodeIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY === true };
}

/**
 * Writes text (or UTF-8 bytes) and waits for the sink to drain when its buffer is full (backpressure).
 * @param sink the sink
 * @param text the text or bytes
 * @returns a promise resolved once the sink can take more
 * @example await writeText(io.stdout, "line\n") // => undefined (resolved once the sink can take more)
 */
export function writeText(sink: TextSink, text: string | Uint8Array): Promise<void> {
  if (sink.write(text)) return Promise.resolve();
  return new Promise((resolve) => sink.once("drain", resolve));
}

/**
 * Writes a command's text to standard output, or to the file `out` when the command was given one.
 * @param io the command's streams
 * @param out the `--out` file, or undefined for standard output
 * @param text the text
 * @param what what the text is, for the error (`<file>: cannot write the <what>`)
 * @returns a promise of the base name of `out` when the text went there (the caller says so on stderr), else undefined
 * @throws CliError when `out` cannot be written (the message names the file only by its base name)
 * @example await writeOutput(io, undefined, "a\n", "bins table") // => undefined
 */
export async function writeOutput(
  io: CliIo,
  out: string | undefined,
  text: string,
  what: string,
): Promise<string | undefined> {
  if (out === undefined) {
    await writeText(io.stdout, text);
    return undefined;
  }
  try {
    writeFileSync(out, text);
  } catch {
    throw new CliError(`${basename(out)}: cannot write the ${what}`);
  }
  return basename(out);
}
