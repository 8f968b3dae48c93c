// A scoring worker that answers its first chunk with nothing and then ends (test/cli/score-worker-failure.test.ts).
import { parentPort } from "node:worker_threads";

parentPort.once("message", (chunk) => {
  const bytes = new Uint8Array(0);
  parentPort.postMessage({ seq: chunk.seq, bytes, decisions: 0, errors: 0, input: chunk.bytes }, [chunk.bytes.buffer]);
  setTimeout(() => process.exit(0), 10);
});
