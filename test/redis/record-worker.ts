/**
 * One of the writer processes of test/redis/concurrent.test.ts: records its share (index mod
 * workers) of the SYNTHETIC applications through the Redis store, 32 in flight, then prints
 * `recorded N failed M` and exits. Args: mode (standalone|cluster), url list, prefix, seed, n, worker, workers.
 */
import { recordApplicationAsync } from "../../src/fraud/velocity";
import { createRedisVelocityStore } from "../../src/redis";
import { connectCluster, connectStandalone, syntheticApplications } from "./helpers";

const [mode, urls, prefix, seed, n, worker, workers] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const client = mode === "cluster" ? await connectCluster(urls.split(",")) : await connectStandalone(urls);
const store = createRedisVelocityStore({ client, prefix, timeoutMs: 10_000 });
const all = syntheticApplications(Number(n), Number(seed), prefix);
const mine = all.filter((_, i) => i % Number(workers) === Number(worker));
let next = 0;
let failed = 0;
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (next < mine.length) {
      const a = mine[next++]!;
      if (!(await recordApplicationAsync(store, a))) failed++;
    }
  }),
);
await client.close();
console.log(`recorded ${mine.length} failed ${failed}`);
