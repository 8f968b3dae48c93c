#!/usr/bin/env node
/**
 * The `riskcard` executable (package.json `bin`, built to `dist/cli/main.js`). In a scoring worker
 * thread started by `riskcard score --workers N` on this same file, it runs the worker instead.
 */
import { nodeIo } from "./io";
import { run } from "./run";
import { isScoreWorker, startScoreWorker } from "./score-worker";

if (isScoreWorker()) {
  startScoreWorker();
} else {
  // No top-level await: tsup also emits a CommonJS build of this entry.
  void run(process.argv.slice(2), nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
