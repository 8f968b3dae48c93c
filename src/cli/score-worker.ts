import { parentPort, workerData } from "node:worker_threads";
import { type Engine, createEngine } from "../decision/engine";
import type { Locale } from "../messages/locales";
import { issue } from "../schema/result";
import { MAX_LINE, scoreLine } from "./score-line";

/** What the main thread sends a scoring worker at start. */
export interface ScoreWorkerData {
  readonly kind: "riskcard-score";
  readonly engineConfig: unknown;
  readonly asOf: number | null;
  /** `--locale`, when given. */
  readonly locale?: Locale;
  /** `--parse-only` (the benchmark peer): `parseChunk` instead of `scoreChunk`. */
  readonly parseOnly?: boolean;
}

/**
 * A chunk of the input sent to a worker: whole lines as UTF-8 bytes in the first `length` bytes of
 * `bytes` (transferred, not copied), starting at 1-based line `firstLine`; or, with `oversize`, the
 * one line `firstLine` that was too long to keep (`bytes` is then empty).
 */
export interface ScoreChunk {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
  readonly length: number;
  readonly oversize: boolean;
}

/**
 * A worker's answer: the output of the chunk as UTF-8 bytes (one JSON record per line,
 * newline-terminated), and the chunk's input buffer handed back for the main thread to read into again.
 */
export interface ScoreChunkResult {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly decisions: number;
  readonly errors: number;
  readonly input: Uint8Array;
}

/**
 * Scores lines given as texts (null for a line that was too long).
 * @param engine the engine
 * @param lines 1-based line numbers
 * @param texts the lines' texts
 * @param asOf the decision time, or null to use each `application.appliedAt`
 * @param locale the language of the reasons, the engine's default when absent
 * @returns the output text (newline-terminated records) and counts
 * @example scoreTexts(createEngine(), [1], ["{}"], 0).errors // => 1
 */
export function scoreTexts(
  engine: Engine,
  lines: readonly number[],
  texts: readonly (string | null)[],
  asOf: number | null,
  locale?: Locale,
): { text: string; decisions: number; errors: number } {
  let text = "";
  let decisions = 0;
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = texts[i];
    const line = lines[i]!;
    const r = t === null || t === undefined ? tooLong(line) : scoreLine(engine, t, line, asOf, locale);
    text += `${r.text}\n`;
    if (r.ok) decisions++;
    else errors++;
  }
  return { text, decisions, errors };
}

function tooLong(line: number): { text: string; ok: false } {
  return {
    text: JSON.stringify({
      line,
      error: { issues: [issue("too_big", [], `line longer than ${MAX_LINE} characters`)] },
    }),
    ok: false,
  };
}

// ignoreBOM: a byte order mark is dropped at the start of the file only (by the reader), never at the
// start of a chunk, so the chunking cannot change what a line holds.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * The lines of a chunk to decide (LF or CRLF; blank lines skipped but counted; a line of more than
 * `MAX_LINE` characters, without its line end, as null: a "too long" error record).
 */
function chunkLines(chunk: ScoreChunk): { lines: number[]; texts: (string | null)[] } {
  const text = chunk.oversize ? "" : decoder.decode(chunk.bytes.subarray(0, chunk.length));
  const lines: number[] = chunk.oversize ? [chunk.firstLine] : [];
  const texts: (string | null)[] = chunk.oversize ? [null] : [];
  let start = 0;
  let line = chunk.firstLine;
  while (start < text.length) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end - start > MAX_LINE) {
      lines.push(line);
      texts.push(null);
    } else if (end > start) {
      const t = text.slice(start, end);
      if (t.trim() !== "") {
        lines.push(line);
        texts.push(t);
      }
    }
    line++;
    start = nl + 1;
  }
  return { lines, texts };
}

/**
 * Scores a chunk of whole lines (LF or CRLF; blank lines skipped but counted; a line of more than
 * `MAX_LINE` characters, without its line end, gets a "too long" error record).
 * @param engine the engine
 * @param chunk the chunk
 * @param asOf the decision time, or null to use each `application.appliedAt`
 * @param locale the language of the reasons, the engine's default when absent
 * @returns the output as UTF-8 bytes and counts
 * @example scoreChunk(createEngine(), { seq: 0, firstLine: 1, bytes: new TextEncoder().encode("{}\n"), length: 3, oversize: false }, 0).errors // => 1
 */
export function scoreChunk(engine: Engine, chunk: ScoreChunk, asOf: number | null, locale?: Locale): ScoreChunkResult {
  const { lines, texts } = chunkLines(chunk);
  const r = scoreTexts(engine, lines, texts, asOf, locale);
  return {
    seq: chunk.seq,
    bytes: encoder.encode(r.text),
    decisions: r.decisions,
    errors: r.errors,
    input: chunk.bytes,
  };
}

/**
 * The benchmark peer of `scoreChunk` (`riskcard score --parse-only`, bench/cli-score.ts): the same
 * decoding and line splitting, then only `JSON.parse` of each line; writes nothing. A line that is
 * not JSON (or too long) counts as an error.
 * @param chunk the chunk
 * @returns no output bytes, the lines parsed as `decisions` and the others as `errors`
 * @example parseChunk({ seq: 0, firstLine: 1, bytes: new TextEncoder().encode("{}\nx\n"), length: 5, oversize: false }).decisions // => 1
 */
export function parseChunk(chunk: ScoreChunk): ScoreChunkResult {
  const { texts } = chunkLines(chunk);
  let decisions = 0;
  let errors = 0;
  for (const t of texts) {
    if (t === null) {
      errors++;
      continue;
    }
    try {
      JSON.parse(t);
      decisions++;
    } catch {
      errors++;
    }
  }
  // a fresh empty buffer: the worker transfers it
  return { seq: chunk.seq, bytes: new Uint8Array(0), decisions, errors, input: chunk.bytes };
}

/**
 * The body of a scoring worker thread: compiles the engine once from `workerData`, then answers
 * each batch message with its output. Started by `riskcard score --workers N`.
 * @returns nothing; runs until the main thread terminates the worker
 * @example startScoreWorker() // in a worker thread whose workerData is a ScoreWorkerData
 */
export function startScoreWorker(): void {
  const data = workerData as ScoreWorkerData;
  const port = parentPort;
  if (port === null) throw new Error("startScoreWorker must run in a worker thread");
  const engine = createEngine(data.engineConfig ?? {});
  port.on("message", (chunk: ScoreChunk) => {
    const r = data.parseOnly === true ? parseChunk(chunk) : scoreChunk(engine, chunk, data.asOf, data.locale);
    port.postMessage(r, [r.bytes.buffer as ArrayBuffer, r.input.buffer as ArrayBuffer]);
  });
}

/**
 * Whether this thread is a scoring worker (the bundled CLI starts workers on its own file).
 * @returns true inside a worker started by `riskcard score`
 * @example isScoreWorker() // => false (in the main thread)
 */
export function isScoreWorker(): boolean {
  return parentPort !== null && (workerData as Partial<ScoreWorkerData> | null)?.kind === "riskcard-score";
}

if (isScoreWorker() && import.meta.url.endsWith("/score-worker.ts")) startScoreWorker();
