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
