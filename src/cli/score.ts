import { type WriteStream, createWriteStream, openSync, readFileSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import type { EngineConfig } from "../decision/config";
import { type Engine, createEngine } from "../decision/engine";
import { LOCALES, type Locale, isLocale } from "../messages/locales";
import { RiskcardError } from "../schema/result";
import { type ParsedArgs, parseCommand, positionals, stringOpt } from "./args";
import { CliError, EXIT, issuesLine, usageError } from "./errors";
import { refuseCsvInput } from "./jsonl-sniff";
import type { CliIo, TextSink } from "./io";
import { writeText } from "./io";
import { createProgress } from "./progress";
import { MAX_LINE, parseAsOf } from "./score-line";
import { type ScoreChunk, type ScoreChunkResult, type ScoreWorkerData, parseChunk, scoreChunk } from "./score-worker";

/** Bytes read at a time; each read becomes one chunk of whole lines (for a worker, or scored in-thread). */
const CHUNK = 1 << 20;
/**
 * Longest line kept in memory, in bytes. A UTF-8 sequence of up to 3 bytes is one UTF-16 unit and a
 * 4-byte one two, so every line of at most `MAX_LINE` characters fits (with its CR); a longer line is skipped up to
 * its line feed (memory stays bounded) and gets the same "too long" error record as one of
 * `MAX_LINE` + 1 characters.
 */
const MAX_LINE_BYTES = 3 * MAX_LINE + 1;
/** Largest engine configuration file read, in bytes. */
const MAX_CONFIG = 20 << 20;

/**
 * Help text of `riskcard score`.
 * @example SCORE_HELP.startsWith("Usage: riskcard score") // => true
 */
export const SCORE_HELP = `Usage: riskcard score INPUT.jsonl [--engine CONFIG.json] [--out OUT.jsonl] [--as-of TIME] [--locale LOCALE] [--workers N]

Decides every application in INPUT.jsonl (one applicant JSON per line) with the decision engine
and writes one JSON record per input line, in input order, to OUT.jsonl (default: stdout).

  --engine CONFIG.json  engine configuration (createEngine's EngineConfig as JSON); default: the
                        shipped models (card, fraud rules, limit and pricing policy)
  --out OUT.jsonl       output file (default: stdout)
  --as-of TIME          decision time for every line: epoch ms or ISO 8601 (2026-06-30,
                        2026-06-30T12:00:00Z). Without it each line is decided as of its own
                        application.appliedAt; a line with neither gets an error record.
  --locale LOCALE       language of the decision's reasons and messages: en (default) or zh-CN
  --workers N           score in N worker threads (default 1: the main thread)

A line that is not valid JSON or not a valid applicant becomes an error record
{"line": N, "error": {"issues": [{"code", "path", "message"}]}} and the run goes on.
The file is streamed: memory stays constant whatever its size. A progress bar is drawn on
stderr when it is a terminal; a throughput line is printed on stderr at the end.

Exit codes: 0 every line decided; 1 some lines were error records, or the input or engine
configuration could not be read; 2 usage error; 3 a scoring worker failed or stopped before
answering (the output is then incomplete).
`;

/** Counts of a scoring run. */
interface Totals {
  decisions: number;
  errors: number;
}

/**
 * `riskcard score`: streams a JSONL file of applicants through the decision engine.
 * @param argv arguments after `score`
 * @param io output streams
 * @returns the exit code
 * @throws {CliError} on usage errors or unreadable input/configuration
 * @example await scoreCommand(["fixtures/applicants.jsonl", "--as-of", "2026-06-30", "--out", tmp("out.jsonl")], io) // => 0
 */
export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommand("score", argv, {
    engine: { type: "string" },
    out: { type: "string", short: "o" },
    "as-of": { type: "string" },
    locale: { type: "string" },
    workers: { type: "string" },
    // Not in the help: the benchmark peer of bench/cli-score.ts (same reading, chunking and workers; JSON.parse only).
    "parse-only": { type: "boolean" },
  });
  if (args.values.help === true) {
    io.stdout.write(SCORE_HELP);
    return 0;
  }
  const [input] = positionals("score", args, ["INPUT.jsonl"]) as [string];
  const { asOf, locale, workers } = scoreOptions(args);
  const parseOnly = args.values["parse-only"] === true;
  const engineConfig = readEngineConfig(stringOpt(args, "engine"));
  let engine: Engine;
  try {
    engine = createEngine(engineConfig as EngineConfig);
  } catch (e) {
    if (e instanceof RiskcardError) throw new CliError(`engine configuration: ${issuesLine(e.issues)}`);
    throw e;
  }
  let size: number;
  try {
    const st = statSync(input);
    if (!st.isFile()) throw new CliError(`${basename(input)}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${basename(input)}: file not found`);
  }
  refuseCsvInput(input, "score");
  const outPath = stringOpt(args, "out");
  const file = outPath === undefined ? null : openOutput(outPath);
  const sink: TextSink = file ?? io.stdout;
  const progress = createProgress(io.stderr, io.stderrIsTTY, size, () => performance.now());
  let bytes = 0;
  const t0 = performance.now();
  const totals: Totals = { decisions: 0, errors: 0 };
  const onProgress = (): void => progress.update(bytes, totals.decisions + totals.errors);
  const onBytes = (k: number): void => {
    bytes += k;
  };
  try {
    if (workers <= 1) await scoreInThread(engine, input, onBytes, asOf, locale, parseOnly, sink, totals, onProgress);
    else await scoreInWorkers(engineConfig, workers, input, onBytes, asOf, locale, parseOnly, sink, totals, onProgress);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR")
      throw new CliError(`cannot read or write a file (${code})`);
    throw e;
  } finally {
    progress.end();
    if (file !== null) await closeOutput(file, outPath!);
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = totals.decisions + totals.errors;
  const rate = n / Math.max(seconds, 1e-9);
  io.stderr.write(
    `riskcard score: ${n} lines, ${totals.decisions} decisions, ${totals.errors} error records in ${seconds.toFixed(2)} s (${Math.round(rate).toLocaleString("en-US")} applications/s, ${workers} worker${workers === 1 ? "" : "s"})\n`,
  );
  return totals.errors > 0 ? 1 : 0;
}

function scoreOptions(args: ParsedArgs): { asOf: number | null; locale: Locale | undefined; workers: number } {
  const asOfText = stringOpt(args, "as-of");
  let asOf: number | null = null;
  if (asOfText !== undefined) {
    asOf = parseAsOf(asOfText);
    if (asOf === null)
      throw usageError("--as-of must be epoch milliseconds or an ISO 8601 date (2026-06-30) or UTC date-time");
  }
  const w = stringOpt(args, "workers") ?? "1";
  if (!/^\d{1,3}$/.test(w) || Number(w) < 1 || Number(w) > 64)
    throw usageError("--workers must be an integer from 1 to 64");
  const locale = stringOpt(args, "locale");
  if (locale !== undefined && !isLocale(locale)) throw usageError(`--locale must be one of ${LOCALES.join(", ")}`);
  return { asOf, locale, workers: Number(w) };
}

function readEngineConfig(path: string | undefined): unknown {
  if (path === undefined) return {};
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG) throw new CliError(`${basename(path)}: larger than ${MAX_CONFIG >> 20} MiB`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${basename(path)}: file not found or unreadable`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${basename(path)}: not valid JSON`);
  }
}

/**
 * Opens the output file now, so that a directory, a missing folder or a read-only path is one clear
 * error before any work (a write stream would report it later, as an unhandled error event).
 */
function openOutput(path: string): WriteStream {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === "EISDIR" ? "is a directory" : code === "ENOENT" ? "its folder does not exist" : `${code ?? "error"}`;
    throw new CliError(`${basename(path)}: cannot write the output file (${why})`);
  }
  const stream = createWriteStream("", { fd });
  // A write error (disk full) is reported when the stream is closed; keep it from being unhandled.
  stream.on("error", () => {});
  return stream;
}

async function closeOutput(file: WriteStream, path: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    file.end((err?: Error | null) =>
      err
        ? reject(
            new CliError(
              `${basename(path)}: cannot write the output file (${(err as { code?: string }).code ?? err.name})`,
            ),
          )
        : resolve(),
    ),
  );
}

/** What both scoring paths take after their engine: the input file, progress and output callbacks, totals. */
type ScoreRun = [
  input: string,
  onBytes: (n: number) => void,
  asOf: number | null,
  locale: Locale | undefined,
  parseOnly: boolean,
  sink: TextSink,
  totals: Totals,
  onProgress: () => void,
];

/**
 * Scores the file in this thread, chunk by chunk, with the same reader and the same per-chunk
 * function as the workers (`lineChunks`, `scoreChunk`), so both paths write the same bytes.
 */
async function scoreInThread(
  engine: Engine,
  ...[input, onBytes, asOf, locale, parseOnly, sink, totals, onProgress]: ScoreRun
): Promise<void> {
  const pool: Uint8Array[] = [];
  let seq = 0;
  for await (const c of lineChunks(input, pool, onBytes)) {
    const chunk: ScoreChunk = { seq: seq++, ...c };
    const r = parseOnly ? parseChunk(chunk) : scoreChunk(engine, chunk, asOf, locale);
    pool.push(c.bytes);
    totals.decisions += r.decisions;
    totals.errors += r.errors;
    await writeText(sink, r.bytes);
    onProgress();
  }
}

/**
 * Starts a scoring worker. In the bundled CLI (`dist/cli/main.js`) the worker runs the bundle itself,
 * whose entry starts a worker when it finds its workerData. From sources (tsx, tests) the worker
 * starts at `scripts/score-worker-dev.mjs` (a development file, not shipped), which registers tsx and
 * then imports `score-worker.ts` (Node 20 does not apply `--import` hooks to a worker's entry module).
 * No code string is evaluated.
 */
function startWorker(data: ScoreWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts"))
    return new Worker(new URL("../../scripts/score-worker-dev.mjs", here), { workerData: data });
  // In the build this code may sit in a shared chunk (dist/chunk-*.js), which is no entry and would start
  // nothing: the worker starts at the CLI's entry, dist/cli/main.js (.cjs), which first checks its workerData.
  const dist = here.lastIndexOf("/dist/");
  const entry = dist < 0 ? here : `${here.slice(0, dist)}/dist/cli/main.${here.endsWith(".cjs") ? "cjs" : "js"}`;
  return new Worker(new URL(entry), { workerData: data });
}

/**
 * Whole lines of the input in a buffer that is handed to a worker (transferred) and handed back; or,
 * with `oversize`, one line longer than `MAX_LINE_BYTES` that was skipped (its bytes are not kept).
 */
interface LineChunk {
  readonly firstLine: number;
  readonly bytes: Uint8Array;
  readonly length: number;
  readonly oversize: boolean;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Reads a file into chunks of whole lines: each chunk is a buffer whose first `length` bytes end at
 * a line feed (the last chunk may not), with the 1-based number of its first line. A UTF-8 byte order
 * mark at the start of the file is dropped (anywhere else it stays, and that line is not JSON). The
 * file is read straight into buffers taken from `pool` (the caller hands each buffer back once
 * scored), so the main thread neither allocates, zero-fills nor copies a chunk, apart from the
 * partial line at its end; a buffer grows (doubling) only for a line longer than itself. A line
 * longer than `MAX_LINE_BYTES` is read past without being kept and comes out as an `oversize` chunk,
 * and the run goes on. Lines are not split here: `scoreChunk` decodes them.
 */
async function* lineChunks(input: string, pool: Uint8Array[], onBytes: (n: number) => void): AsyncGenerator<LineChunk> {
  const take = (atLeast: number): Uint8Array => {
    const b = pool.pop();
    return b !== undefined && b.length > atLeast ? b : new Uint8Array(Math.max(CHUNK, 2 * atLeast));
  };
  const fh = await open(input, "r");
  try {
    let buf = take(0);
    let filled = 0;
    let line = 1;
    let bomChecked = false;
    /** True while reading past a line longer than MAX_LINE_BYTES, up to its line feed. */
    let skipping = false;
    let eof = false;
    while (!eof) {
      if (filled === buf.length) {
        // No line feed in a full buffer: grow it, up to one byte past the longest line kept.
        const bigger = new Uint8Array(Math.min(2 * filled, MAX_LINE_BYTES + 1));
        bigger.set(buf);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
      if (bytesRead === 0) {
        eof = true;
      } else {
        onBytes(bytesRead);
        filled += bytesRead;
      }
      if (!bomChecked && (filled >= BOM.length || eof)) {
        bomChecked = true;
        if (filled >= BOM.length && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) {
          buf.copyWithin(0, BOM.length, filled);
          filled -= BOM.length;
        }
      }
      // A Buffer view for Node's memchr-based search (TypedArray#indexOf is about 10x slower).
      let view = Buffer.from(buf.buffer, buf.byteOffset, filled);
      if (skipping) {
        const nl = view.indexOf(10);
        if (nl < 0 && !eof) {
          filled = 0;
          continue;
        }
        yield { firstLine: line, bytes: new Uint8Array(0), length: 0, oversize: true };
        skipping = false;
        line++;
        if (nl < 0) break;
        buf.copyWithin(0, nl + 1, filled);
        filled -= nl + 1;
        view = Buffer.from(buf.buffer, buf.byteOffset, filled);
      }
      const last = view.lastIndexOf(10);
      if (last < 0) {
        if (filled > MAX_LINE_BYTES) {
          skipping = true;
          filled = 0;
        }
        continue;
      }
      let lines = 0;
      for (let p = view.indexOf(10); p >= 0 && p <= last; p = view.indexOf(10, p + 1)) lines++;
      const next = take(filled - last - 1);
      next.set(buf.subarray(last + 1, filled));
      yield { firstLine: line, bytes: buf, length: last + 1, oversize: false };
      line += lines;
      filled -= last + 1;
      buf = next;
    }
    if (skipping) yield { firstLine: line, bytes: new Uint8Array(0), length: 0, oversize: true };
    else if (filled > 0) yield { firstLine: line, bytes: buf, length: filled, oversize: false };
  } finally {
    await fh.close();
  }
}

async function scoreInWorkers(
  engineConfig: unknown,
  n: number,
  ...[input, onBytes, asOf, locale, parseOnly, sink, totals, onProgress]: ScoreRun
): Promise<void> {
  const data: ScoreWorkerData = {
    kind: "riskcard-score",
    engineConfig,
    asOf,
    ...(locale === undefined ? {} : { locale }),
    ...(parseOnly ? { parseOnly } : {}),
  };
  const workers = Array.from({ length: n }, () => startWorker(data));
  const pool: Uint8Array[] = [];
  const done = new Map<number, ScoreChunkResult>();
  let nextWrite = 0;
  let inFlight = 0;
  let failure: string | null = null;
  /** Set once every chunk was answered (or the run failed), before the workers are terminated. */
  let stopping = false;
  let wake: (() => void) | null = null;
  let drained: Promise<void> = Promise.resolve();
  const signal = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of workers) {
    w.on("message", (r: ScoreChunkResult) => {
      done.set(r.seq, r);
      pool.push(r.input);
      inFlight--;
      for (let next = done.get(nextWrite); next !== undefined; next = done.get(nextWrite)) {
        done.delete(nextWrite);
        nextWrite++;
        totals.decisions += next.decisions;
        totals.errors += next.errors;
        if (!sink.write(next.bytes)) drained = new Promise((resolve) => sink.once("drain", resolve));
      }
      onProgress();
      signal();
    });
    w.on("error", (e) => {
      failure ??= `a scoring worker failed (${e instanceof Error ? e.name : "error"})`;
      signal();
    });
    // A worker that ends before it was told to (it crashed, called exit, or never started scoring) can no
    // longer answer: without this the run would wait on it with nothing left to wake it, and Node would end
    // the process with exit code 0 and no output (issue 19).
    w.on("exit", (code: number) => {
      if (stopping) return;
      failure ??= `a scoring worker stopped before answering (exit code ${code})`;
      signal();
    });
    w.on("messageerror", () => {
      failure ??= "a scoring worker sent an answer that could not be read";
      signal();
    });
  }
  const check = (): void => {
    if (failure !== null) throw new CliError(failure, EXIT.internal);
  };
  const waitUntil = async (cond: () => boolean): Promise<void> => {
    check();
    while (!cond()) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      check();
    }
  };
  let seq = 0;
  try {
    for await (const c of lineChunks(input, pool, onBytes)) {
      await waitUntil(() => inFlight < 2 * n);
      await drained;
      const chunk: ScoreChunk = { seq, ...c };
      workers[seq % n]!.postMessage(chunk, [c.bytes.buffer as ArrayBuffer]);
      inFlight++;
      seq++;
    }
    await waitUntil(() => inFlight === 0);
    await drained;
  } finally {
    stopping = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
