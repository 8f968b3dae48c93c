import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACT_CONFIG } from "../../src/fraud/fact-config";
import { applicationEvents, gatherFacts, readVelocity, recordApplication } from "../../src/fraud/velocity";
import { type VelocityQuery, createMemoryVelocityStore } from "../../src/fraud/velocity-store";
import { createRedisVelocityStore } from "../../src/redis";
import {
  CLUSTER_URLS,
  REDIS_URL,
  T0,
  connectCluster,
  connectStandalone,
  skipWithout,
  syntheticApplications,
} from "./helpers";

const N = 10_000;
const WORKERS = 4;
const SEED = 20261129;

function runWorker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "record-worker.ts"), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

/**
 * Four processes record the same 10,000 SYNTHETIC applications (each its quarter, concurrently)
 * through the Redis store; the reference is one memory store fed every application in one process.
 * Every count of every key written (device, IP, identity) over every default window (1 h, 24 h,
 * 30 d) at three asOf values must equal the reference's; a sample is also read through gatherFacts.
 */
async function checkAgainstReference(mode: "standalone" | "cluster", urls: string): Promise<void> {
  const prefix = `rc-test:${mode}:${process.pid}:${Date.now()}:`;
  const outs = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) =>
      runWorker([mode, urls, prefix, String(SEED), String(N), String(w), String(WORKERS)]),
    ),
  );
  expect(outs).toEqual(Array.from({ length: WORKERS }, () => `recorded ${N / WORKERS} failed 0`));

  const apps = syntheticApplications(N, SEED, prefix);
  const reference = createMemoryVelocityStore();
  for (const a of apps) recordApplication(reference, a);

  const client = mode === "cluster" ? await connectCluster() : await connectStandalone();
  try {
    const store = createRedisVelocityStore({ client, prefix, timeoutMs: 10_000 });
    // every key written, every window of the default configuration, at three times after the events
    const keys = [...new Set(apps.flatMap((a) => applicationEvents(a).map((e) => e.key)))];
    const queries: VelocityQuery[] = [];
    for (const asOf of [T0, T0 + 30 * 60_000, T0 + 20 * 3_600_000])
      for (const key of keys) for (const w of DEFAULT_FACT_CONFIG.windows) queries.push({ key, windowMs: w.ms, asOf });
    const got: number[] = [];
    for (let i = 0; i < queries.length; i += 500) got.push(...(await store.countMany(queries.slice(i, i + 500))));
    const want = queries.map((q) => reference.count(q.key, q.windowMs, q.asOf));
    expect(got).toEqual(want);
    // the comparison is not vacuous: every key was counted, some counts are large (the skewed devices)
    expect(keys.length).toBeGreaterThan(2000);
    expect(want.filter((n) => n > 0).length).toBeGreaterThan(keys.length);
    expect(Math.max(...want)).toBeGreaterThan(100);
    // and through gatherFacts, as a decision reads them (a sample of applicants)
    for (const a of apps.slice(0, 200)) {
      const g = await gatherFacts(a, store, { asOf: T0 });
      expect(g.unavailable).toBeUndefined();
      expect(Array.from(g.values)).toEqual(Array.from(readVelocity(a, reference, { asOf: T0 }).values));
    }
  } finally {
    await client.close();
  }
}

describe.skipIf(skipWithout("standalone"))("Redis velocity store: 4 writer processes vs the memory reference", () => {
  it("standalone Redis: every count equals the single-process memory store's", async () => {
    await checkAgainstReference("standalone", REDIS_URL ?? "");
  }, 180_000);
});

describe.skipIf(skipWithout("cluster"))("Redis velocity store: 4 writer processes on a 3-node Redis Cluster", () => {
  it("Redis Cluster: every count equals the single-process memory store's", async () => {
    await checkAgainstReference("cluster", (CLUSTER_URLS ?? []).join(","));
  }, 180_000);
});
