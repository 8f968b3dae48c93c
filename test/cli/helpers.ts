/**
 * Test helpers for the command line: an in-memory io, a temp directory, the data files, and an
 * independent CSV reader (csv-parse's sync API, not the CLI's streaming reader).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { CliIo } from "../../src/cli/io";
import { type Scorecard, loadScorecard, scoreRecord } from "../../src/scorecard";
import { trainTestSplit } from "../../src/scorecard/train";
import { run } from "../../src/cli/run";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const GERMAN = join(repoRoot, "fixtures/german-credit/german_credit.csv");
export const APPLICANTS = join(repoRoot, "fixtures/applicants.jsonl");

/** An io that records what a command writes. */
export interface Captured extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(tty = false): Captured {
  let out = "";
  let err = "";
  const dec = new TextDecoder();
  const sink = (append: (s: string) => void) => ({
    write(chunk: string | Uint8Array): boolean {
      append(typeof chunk === "string" ? chunk : dec.decode(chunk));
      return true;
    },
    once(): unknown {
      return undefined;
    },
  });
  return {
    stdout: sink((s) => {
      out += s;
    }),
    stderr: sink((s) => {
      err += s;
    }),
    stderrIsTTY: tty,
    out: () => out,
    err: () => err,
  };
}

/** What a CLI run wrote and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process. */
export async function cli(argv: string[], tty = false): Promise<CliRun> {
  const io = captureIo(tty);
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "riskcard-cli-"));
}

/** Reads a CSV with csv-parse/sync into records keyed by header (independent of the CLI reader). */
export function readRecords(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** One line, no stack trace, no "at " frames. */
export function expectOneLine(err: string): void {
  const lines = err.trimEnd().split("\n");
  if (lines.length !== 1) throw new Error(`expected one stderr line, got ${lines.length}:\n${err}`);
  if (/\n\s+at /.test(err) || /Error:/.test(err)) throw new Error(`stderr looks like a stack trace:\n${err}`);
}

/** Scores every record with the card, numbers for numeric characteristics (independent of the CLI's scoreTable). */
export function scoresOf(card: Scorecard, rows: Record<string, string>[]): Float64Array {
  const numeric = new Set(card.characteristics.filter((c) => c.type === "numeric").map((c) => c.feature));
  return Float64Array.from(rows, (r) => {
    const rec: Record<string, number | string> = {};
    for (const c of card.characteristics)
      rec[c.feature] = numeric.has(c.feature) ? Number(r[c.feature]) : r[c.feature]!;
    return scoreRecord(card, rec).score;
  });
}

/** The attribute each record falls in, per characteristic (scoreRecord's attributes). */
export function attributesOf(card: Scorecard, rows: Record<string, string>[]): Int32Array[] {
  const numeric = new Set(card.characteristics.filter((c) => c.type === "numeric").map((c) => c.feature));
  return rows.map((r) => {
    const rec: Record<string, number | string> = {};
    for (const c of card.characteristics)
      rec[c.feature] = numeric.has(c.feature) ? Number(r[c.feature]) : r[c.feature]!;
    return Int32Array.from(scoreRecord(card, rec).attributes);
  });
}

/** Loads a model file the CLI wrote; throws when it does not load. */
export function loadModel(path: string): Scorecard {
  const r = loadScorecard(readFileSync(path, "utf8"));
  if (!r.ok) throw new Error(`${path}: the model does not load`);
  return r.value;
}

/**
 * The `riskcard train` command line on German credit: target creditability, training date
 * 2026-01-02 (so the model's bytes do not depend on the file's date), writing `out`, then `flags`.
 */
export function germanTrainArgv(out: string, ...flags: string[]): string[] {
  return ["train", GERMAN, "--target", "creditability", "--out", out, "--date", "2026-01-02", ...flags];
}

/**
 * Trains on German credit (`germanTrainArgv`) and loads the model; throws, with what the command
 * wrote to stderr, unless it exits 0 and the model loads.
 */
export async function trainGerman(out: string, ...flags: string[]): Promise<{ run: CliRun; card: Scorecard }> {
  const r = await cli(germanTrainArgv(out, ...flags));
  if (r.code !== 0) throw new Error(`riskcard train exited ${r.code}: ${r.err}`);
  return { run: r, card: loadModel(out) };
}

let german: { records: Record<string, string>[]; labels: Uint8Array } | undefined;
/** German credit's records (csv-parse/sync, `readRecords`) and labels (1 = creditability "bad"), read once. */
export function germanData(): { records: Record<string, string>[]; labels: Uint8Array } {
  if (german === undefined) {
    const records = readRecords(GERMAN);
    german = { records, labels: Uint8Array.from(records, (r) => (r.creditability === "bad" ? 1 : 0)) };
  }
  return german;
}

/**
 * The row indices of one part of train's split with its defaults (--test-share 0.3, --seed 1):
 * `trainTestSplit(labels, 0.3, 1)`, part 0 the training rows, 1 the test rows.
 */
export function splitRows(labels: Uint8Array, part: 0 | 1): number[] {
  const mask = trainTestSplit(labels, 0.3, 1);
  return [...mask.keys()].filter((i) => mask[i] === part);
}

/** The rows (of `rows`) whose numeric `feature` lies in `[lower, upper)` (null: unbounded), counted on the raw records. */
export function rowsInInterval(
  records: Record<string, string>[],
  rows: readonly number[],
  feature: string,
  a: { lower: number | null; upper: number | null },
): number[] {
  return rows.filter((i) => {
    const v = Number(records[i]![feature]);
    return (a.lower === null || v >= a.lower) && (a.upper === null || v < a.upper);
  });
}
