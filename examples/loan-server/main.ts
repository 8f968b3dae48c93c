/**
 * Runs the reference loan server: `npx tsx examples/loan-server/main.ts`.
 *
 * Environment (loopback addresses only in this repository's tests and benchmarks):
 * - `PORT` (default 8080), bound to `HOST` (default 127.0.0.1);
 * - `RISKCARD_REDIS_URL` (one Redis) or `RISKCARD_REDIS_CLUSTER_URLS` (comma-separated cluster nodes):
 *   the shared velocity store; with neither, an in-process memory store (one instance only);
 * - `RISKCARD_REDIS_TIMEOUT_MS` (default 50): the store's per-call timeout;
 * - `RISKCARD_VELOCITY_UNAVAILABLE` (`review` default, or `ignore`): the engine's policy when Redis fails.
 */
import { createClient, createCluster } from "redis";
import { createMemoryVelocityStore } from "../../src/fraud";
import { createEngine } from "../../src/index";
import { createRedisVelocityStore } from "../../src/redis";
import { createLoanServer } from "./server";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const timeoutMs = Number(process.env.RISKCARD_REDIS_TIMEOUT_MS ?? 50);
const policy = process.env.RISKCARD_VELOCITY_UNAVAILABLE === "ignore" ? "ignore" : "review";

// Errors are reported by the store (onError) and seen as VELOCITY_UNAVAILABLE; the client reconnects
// on its own. disableOfflineQueue: while disconnected, calls fail at once instead of queueing.
const clusterUrls = process.env.RISKCARD_REDIS_CLUSTER_URLS?.split(",").filter((u) => u !== "");
const client = clusterUrls?.length
  ? await createCluster({ rootNodes: clusterUrls.map((url) => ({ url })), defaults: { disableOfflineQueue: true } })
      .on("error", () => {})
      .connect()
  : process.env.RISKCARD_REDIS_URL
    ? await createClient({ url: process.env.RISKCARD_REDIS_URL, disableOfflineQueue: true })
        .on("error", () => {})
        .connect()
    : undefined;
let failures = 0;
const store = client
  ? createRedisVelocityStore({ client, timeoutMs, onError: () => void failures++ })
  : createMemoryVelocityStore();

const server = createLoanServer({ engine: createEngine({ velocityUnavailable: policy }), store });
server.listen(port, host, () => {
  console.log(`loan server on http://${host}:${port} (velocity store: ${client ? "redis" : "memory"})`);
});

const stop = () => {
  server.close();
  if (failures > 0) console.log(`velocity store failures: ${failures}`);
  void client?.close();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
