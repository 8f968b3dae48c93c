// Development bootstrap for `riskcard score --workers` run from sources (tsx, tests; src/cli/score.ts starts it): Node 20 does not
// apply `--import` hooks to a worker's entry module, so the worker registers tsx itself, then loads the
// TypeScript worker. The bundled CLI (dist/cli/main.js) never uses this file.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/score-worker.ts", import.meta.url).href);
