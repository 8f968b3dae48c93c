/**
 * `npm run bench:redis [-- --quick]`: what a shared Redis velocity store costs a decision, on
 * loopback, beside the in-process memory store measured in the same run.
 *
 * 1. Added latency per decision: `gatherFacts` + `recordApplicationAsync`, one decision at a time,
 *    p50/p99 for the memory store, Redis standalone and the 3-node Redis Cluster.
 * 2. Throughput: 100 decisions in flight (gather + decide + record), fixed duration.
 * 3. The reference server (examples/loan-server) under a bounded loopback load (32 connections,
 *    fixed duration): 1 instance on the memory store, 1 and 2 instances sharing one Redis.
 *
 * Needs the servers of `.ci/redis.sh start` (RISKCARD_REDIS_URL, RISKCARD_REDIS_CLUSTER_URLS);
 * without them it says so and exits 0 (or 1 with CI=true). A full run rewrites the `redis` section of
 * bench/RESULTS.md. Inputs are SYNTHETIC (test/redis/helpers.ts `syntheticApplications`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AsyncVelocityStore, type VelocityStore, createMemoryVelocityStore } from "../../src/fraud";
import { gatherFacts, recordApplicationAsync } from "../../src/fraud/velocity";
import { createEngine } from "../../src/index";
import { createRedisVelocityStore } from "../../src/redis";
import type { Applicant } from "../../src/schema/applicant";
import {
  CLUSTER_URLS,
  REDIS_URL,
  T0,
  connectCluster,
  connectStandalone,
  syntheticApplications,
} from "../../test/redis/helpers";
import { machineLine, writeResults } from "../harness";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const LATENCY_N = quick ? 300 : 3000;
const THROUGHPUT_MS = quick ? 500 : 3000;
const SERVER_MS = quick ? 1500 : 8000;
const SERVER_CONNECTIONS = 32;

if (!REDIS_URL || !CLUSTER_URLS?.length) {
  console.log('bench:redis: no Redis configured (eval "$(bash .ci/redis.sh start)"); nothing measured');
  process.exit(process.env.CI === "true" ? 1 : 0);
}

const engine = createEngine();
const apps = syntheticApplications(20_000, 7, "b");

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const us = (ms: number) => `${(ms * 1000).toFixed(0)} us`;

/**
 * Sequential gather + record latencies (ms) per store, after a warm-up; the stores take turns
 * decision by decision, so a burst of load on the shared machine hits every store alike.
 */
async function latencies(
  cases: readonly ((a: Applicant) => Promise<unknown>)[],
): Promise<{ p50: number; p99: number; mean: number }[]> {
  const times: number[][] = cases.map(() => []);
  for (let i = 0; i < LATENCY_N + 100; i++) {
    const a = apps[i % apps.length]!;
    for (let j = 0; j < cases.length; j++) {
      const t = performance.now();
      await cases[j]!(a);
      if (i >= 100) times[j]!.push(performance.now() - t);
    }
  }
  return times.map((ts) => {
    ts.sort((x, y) => x - y);
    return { p50: pct(ts, 50), p99: pct(ts, 99), mean: ts.reduce((acc, x) => acc + x, 0) / ts.length };
  });
}

/** Decisions per second with 100 in flight (gather + decide + record), and how many were unavailable. */
async function throughput(store: AsyncVelocityStore | VelocityStore): Promise<{ perSec: number; unavailable: number }> {
  let n = 0;
  let unavailable = 0;
  let next = 0;
  const end = performance.now() + THROUGHPUT_MS;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (performance.now() < end) {
        const a = apps[next++ % apps.length]!;
        const velocity = await gatherFacts(a, store, { asOf: T0 });
        if (velocity.unavailable) unavailable++;
        engine.decide(a, { asOf: T0, velocity });
        await recordApplicationAsync(store, a);
        n++;
      }
    }),
  );
  return { perSec: n / ((performance.now() - start) / 1000), unavailable };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts one reference server process on loopback; resolves when it listens. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "../../examples/loan-server/main.ts")], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", RISKCARD_REDIS_TIMEOUT_MS: "200" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      if (String(d).includes("loan server on")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, port };
}

/** A bounded load: 32 keep-alive connections round-robin over the ports for a fixed time. */
async function load(
  ports: number[],
): Promise<{ perSec: number; p50: number; p99: number; errors: number; unavailable: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: SERVER_CONNECTIONS });
  const bodies = apps.slice(0, 5000).map((a: Applicant) => JSON.stringify(a));
  const times: number[] = [];
  let errors = 0;
  let unavailable = 0;
  let next = 0;
  const end = performance.now() + SERVER_MS;
  const start = performance.now();
  const one = (port: number, body: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/loan-applications",
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => {
            text += d;
          });
          res.on("end", () => {
            if (text.includes("VELOCITY_UNAVAILABLE")) unavailable++;
            resolve(res.statusCode ?? 0);
          });
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: SERVER_CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const i = next++;
        const t = performance.now();
        const status = await one(ports[i % ports.length]!, bodies[i % bodies.length]!);
        times.push(performance.now() - t);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  times.sort((x, y) => x - y);
  return { perSec: times.length / elapsed, p50: pct(times, 50), p99: pct(times, 99), errors, unavailable };
}

async function main(): Promise<void> {
  const machine = machineLine();
  const loadBefore = loadavg()[0]!.toFixed(1);
  console.log(`riskcard bench:redis (${quick ? "quick" : "full"}): ${machine}`);
  const single = await connectStandalone();
  const cluster = await connectCluster();
  const prefix = `rc-bench:${Date.now()}:`;
  const stores: [string, AsyncVelocityStore | VelocityStore][] = [
    ["memory store (peer)", createMemoryVelocityStore()],
    ["Redis standalone", createRedisVelocityStore({ client: single, prefix, timeoutMs: 1000 })],
    ["Redis Cluster, 3 nodes", createRedisVelocityStore({ client: cluster, prefix, timeoutMs: 1000 })],
  ];
  await single.sendCommand(["CONFIG", "RESETSTAT"]); // for the server-side cost per script call below
  const lat: string[] = [];
  const thr: string[] = [];
  const decisionCase = (store: AsyncVelocityStore | VelocityStore) => async (a: Applicant) => {
    await gatherFacts(a, store, { asOf: T0 });
    await recordApplicationAsync(store, a);
  };
  const cases = [
    ...stores.map(([name, store]) => [name, decisionCase(store)] as const),
    // calibration peer: the two round trips alone (two sequential PINGs), same client, same turns
    [
      "(peer) two sequential node-redis PINGs",
      async () => {
        await single.ping();
        await single.ping();
      },
    ] as const,
  ];
  const ls = await latencies(cases.map(([, run]) => run));
  ls.forEach((l, j) => {
    lat.push(`| ${cases[j]![0]} | ${us(l.p50)} | ${us(l.p99)} | ${us(l.mean)} | ${us(l.p50 - ls[0]!.p50)} |`);
    console.log(lat.at(-1));
  });
  // calibration peer: the client's own round trip (PING, 100 in flight) on this machine, this run
  {
    let n = 0;
    const end = performance.now() + THROUGHPUT_MS;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (performance.now() < end) {
          await single.ping();
          n++;
        }
      }),
    );
    thr.push(
      `| (peer) node-redis PING alone, ops/s | ${Math.round(n / ((performance.now() - start) / 1000)).toLocaleString("en-US")} | - |`,
    );
    console.log(thr.at(-1));
  }
  // three interleaved rounds; the median round of each store is reported
  const rounds: { perSec: number; unavailable: number }[][] = stores.map(() => []);
  for (let r = 0; r < 3; r++) for (let j = 0; j < stores.length; j++) rounds[j]!.push(await throughput(stores[j]![1]));
  rounds.forEach((rs, j) => {
    const t = [...rs].sort((x, y) => x.perSec - y.perSec)[1]!;
    const all = rs.map((x) => Math.round(x.perSec).toLocaleString("en-US")).join(" / ");
    thr.push(`| ${stores[j]![0]} | ${Math.round(t.perSec).toLocaleString("en-US")} (${all}) | ${t.unavailable} |`);
    console.log(thr.at(-1));
  });
  // server-side time per call on the standalone server (INFO commandstats), scripts vs a plain HMGET
  const stats = String(await single.sendCommand(["INFO", "commandstats"]));
  const perCall = (cmd: string) =>
    /usec_per_call=([0-9.]+)/.exec(stats.split("\n").find((l) => l.startsWith(`cmdstat_${cmd}:`)) ?? "")?.[1] ?? "?";
  // memory per key, as Redis reports it (MEMORY USAGE, default levels, a busy device key)
  const bytes = await single.memoryUsage(`${prefix}{device|${apps[0]!.application!.deviceId}}apply`);

  const srv: string[] = [];
  const configs: [string, Record<string, string>, number][] = [
    ["1 instance, memory store (peer)", { RISKCARD_REDIS_URL: "", RISKCARD_REDIS_CLUSTER_URLS: "" }, 1],
    ["1 instance, Redis", { RISKCARD_REDIS_URL: REDIS_URL!, RISKCARD_REDIS_CLUSTER_URLS: "" }, 1],
    ["2 instances, one Redis", { RISKCARD_REDIS_URL: REDIS_URL!, RISKCARD_REDIS_CLUSTER_URLS: "" }, 2],
  ];
  for (const [name, env, n] of configs) {
    const started = await Promise.all(Array.from({ length: n }, () => startServer(env)));
    try {
      await load(started.map((s) => s.port)); // short warm-up pass is the first second of a quick run
      const r = await load(started.map((s) => s.port));
      srv.push(
        `| ${name} | ${Math.round(r.perSec).toLocaleString("en-US")} | ${(r.p50).toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.errors} | ${r.unavailable} |`,
      );
      console.log(srv.at(-1));
    } finally {
      for (const s of started) s.child.kill("SIGTERM");
    }
  }
  await single.close();
  await cluster.close();

  const section = [
    "<!-- suite:redis -->",
    "### redis",
    "",
    "`npm run bench:redis` (not part of `npm run bench`: it needs the Redis servers of `.ci/redis.sh start`). " +
      "Loopback only; SYNTHETIC applications (test/redis/helpers.ts, seed 7). The machine has 2 cores shared " +
      "with other jobs during the run (load averages below), so absolute figures are pessimistic and noisy; " +
      "compare rows of the same table, and the PING row, which calibrates what one client round trip costs here.",
    "",
    `Added latency per decision: \`gatherFacts\` + \`recordApplicationAsync\`, one decision at a time, ${LATENCY_N} decisions after 100 warm-up, the stores taking turns decision by decision.`,
    "",
    "| store | p50 | p99 | mean | p50 added vs memory |",
    "|---|---:|---:|---:|---:|",
    ...lat,
    "",
    `Throughput: gather + decide + record with 100 decisions in flight for ${THROUGHPUT_MS / 1000} s; three interleaved rounds, median (each round in brackets).`,
    "",
    "| store | decisions/s | unavailable (median round) |",
    "|---|---:|---:|",
    ...thr,
    "",
    `Reference server (examples/loan-server, one process per instance) under ${SERVER_CONNECTIONS} keep-alive ` +
      `connections for ${SERVER_MS / 1000} s after a warm-up pass of the same length; requests round-robin over the instances; ` +
      "the servers' Redis timeout is 200 ms.",
    "",
    "| setup | requests/s | p50 | p99 | non-200 | VELOCITY_UNAVAILABLE |",
    "|---|---:|---:|---:|---:|---:|",
    ...srv,
    "",
    `- 1-minute load average of the machine: ${loadBefore} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores).`,
    `- Server-side time per call on the standalone Redis during this run (INFO commandstats): EVALSHA ${perCall("evalsha")} us, ` +
      `HMGET (inside the scripts) ${perCall("hmget")} us, PING ${perCall("ping")} us; a decision makes 3 script calls to read and 3 to record.`,
    `- Redis memory per key (\`MEMORY USAGE\` of one device's apply hash, default levels): ${bytes} bytes.`,
    "<!-- /suite:redis -->",
  ].join("\n");
  console.log(`\n${section}`);
  if (!quick) writeResults(join(here, "../RESULTS.md"), new Map([["redis", section]]), machine);
}

await main();
