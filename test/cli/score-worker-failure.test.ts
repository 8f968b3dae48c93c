/**
 * `riskcard score --workers N` when a scoring worker fails: one that throws, one that ends at once
 * without answering (what a worker started at an entry that starts nothing does), one that calls
 * process.exit(1), and one that answers a chunk and then ends. Each must end the command with a clear
 * error and exit code 3 (EXIT.internal). Before the fix, a worker that ended without an error left the
 * run waiting on an answer that could never come: the real process then ended with exit code 0 and no
 * output, and here the test would time out. The workers are the small scripts in test/cli/workers/,
 * started in place of the real one through a mock of node:worker_threads' Worker (nothing else changes).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { APPLICANTS, cli, tempDir } from "./helpers";

const state = vi.hoisted(() => ({ script: null as string | null }));

vi.mock("node:worker_threads", async (importOriginal) => {
  const m = await importOriginal<typeof import("node:worker_threads")>();
  class TestWorker extends m.Worker {
    constructor(url: string | URL, options?: import("node:worker_threads").WorkerOptions) {
      super(state.script === null ? url : new URL(`./workers/${state.script}`, import.meta.url), options);
    }
  }
  return { ...m, Worker: TestWorker, default: { ...m, Worker: TestWorker } };
});

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scoreWith(script: string | null, workers = "2") {
  state.script = script;
  try {
    return await cli([
      "score",
      APPLICANTS,
      "--as-of",
      "2026-06-30",
      "--workers",
      workers,
      "--out",
      join(dir, "out.jsonl"),
    ]);
  } finally {
    state.script = null;
  }
}

describe("riskcard score: a scoring worker that fails ends the command with exit code 3", () => {
  it.each([
    ["exits.mjs", "a scoring worker stopped before answering (exit code 0)"],
    ["exit-1.mjs", "a scoring worker stopped before answering (exit code 1)"],
    ["answers-once.mjs", "a scoring worker stopped before answering (exit code 0)"],
    ["throws.mjs", "a scoring worker failed (Error)"],
  ])("%s", async (script, message) => {
    const r = await scoreWith(script);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`riskcard score: ${message}\n`);
  });

  it("with three workers as with two", async () => {
    const r = await scoreWith("exits.mjs", "3");
    expect(r.code).toBe(3);
    expect(r.err).toContain("stopped before answering");
  });

  it("the real worker still scores every line (the mock changes nothing when no script is set)", async () => {
    const r = await scoreWith(null);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^riskcard score: 1040 lines, 1040 decisions, 0 error records in /);
  });
});
