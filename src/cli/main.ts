#!/usr/bin/env node
/**
 * The `riskcard` executable (built to `dist/cli/main.js`, started by `bin/riskcard.js`). In a
 * scoring worker thread started by `riskcard score --workers N` on this same file, it runs the
 * worker instead.
 */
import { guardProcess } from "./guard-process";
import { nodeIo } from "./io";
import { run } from "./run";
import { isScoreWorker, startScoreWorker } from "./score-worker";

if (isScoreWorker()) {
  startScoreWorker();
} else {
  guardProcess(process);
  // No top-level await: tsup also emits a CommonJS build of this entry.
  void run(process.argv.slice(2), nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
