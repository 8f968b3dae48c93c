import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "../decision/engine";
import { scoreLine } from "./score-line";

/** What the main thread sends a scoring worker at start. */
export interface ScoreWorkerData {
  readonly kind: "riskcard-score";
  readonly engineConfig: unknown;
  readonly asOf: number | null;
}

/** A batch of lines sent to a worker. */
export interface ScoreBatch {
  readonly seq: number;
  readonly lines: readonly number[];
  readonly texts: readonly (string | null)[];
}

/** A worker's answer: the output text of the batch (one JSON record per line, newline-terminated). */
export interface ScoreBatchResult {
  readonly seq: number;
  readonly text: string;
  readonly decisions: number;
  readonly errors: number;
}

/**
 * Scores one batch of lines (in a worker or in the main thread).
 * @param engine the engine
 * @param batch the lines
 * @param asOf the decision time, or null to use each `application.appliedAt`
 * @returns the batch output
 * @example scoreBatchLines(engine, { seq: 0, lines: [1], texts: ["{}"] }, 0).errors // => 1
 */
export function scoreBatchLines(engine: ReturnType<typeof createEngine>, batch: ScoreBatch, asOf: number | null): ScoreBatchResult {
  let text = "";
  let decisions = 0;
  let errors = 0;
  for (let i = 0; i < batch.lines.length; i++) {
    const t = batch.texts[i];
    const line = batch.lines[i]!;
    const r =
      t === null || t === undefined
        ? { text: JSON.stringify({ line, error: { issues: [{ code: "too_big", path: [], message: "line too long" }] } }), ok: false }
        : scoreLine(engine, t, line, asOf);
    text += `${r.text}\n`;
    if (r.ok) decisions++;
    else errors++;
  }
  return { seq: batch.seq, text, decisions, errors };
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
  port.on("message", (batch: ScoreBatch) => {
    port.postMessage(scoreBatchLines(engine, batch, data.asOf));
  });
}

/**
 * Whether this thread is a scoring worker (the bundled CLI starts workers on its own file).
 * @returns true inside a worker started by `riskcard score`
 * @example isScoreWorker() // => false in the main thread
 */
export function isScoreWorker(): boolean {
  return parentPort !== null && (workerData as Partial<ScoreWorkerData> | null)?.kind === "riskcard-score";
}

if (isScoreWorker() && import.meta.url.endsWith("/score-worker.ts")) startScoreWorker();
