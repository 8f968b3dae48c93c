import { createClient, createCluster } from "redis";
import type { Applicant } from "../../src/schema/applicant";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

/**
 * Where the real Redis servers are: `.ci/redis.sh start` starts them on loopback and prints these
 * variables (`.ci/run` does it for CI). With CI=true a test that needs Redis fails when they are
 * absent; without CI it is skipped with one notice.
 */
export const REDIS_URL = process.env.RISKCARD_REDIS_URL;
export const CLUSTER_URLS = process.env.RISKCARD_REDIS_CLUSTER_URLS?.split(",").filter((u) => u !== "");
export const REDIS_SERVER_BIN = process.env.RISKCARD_REDIS_SERVER_BIN;
const CI = process.env.CI === "true";

/** True when a test needing `what` must be skipped (not in CI, not configured); prints one notice. */
export function skipWithout(what: "standalone" | "cluster" | "server binary"): boolean {
  const present = what === "standalone" ? REDIS_URL : what === "cluster" ? CLUSTER_URLS?.length : REDIS_SERVER_BIN;
  if (present || CI) return false;
  console.warn(
    `riskcard/redis: skipping the ${what} Redis tests (run: eval "$(bash .ci/redis.sh start)"; CI=true makes them fail)`,
  );
  return true;
}

/** Loopback only: every Redis URL a test uses must point at this machine. */
export function loopback(url: string | undefined): string {
  if (url === undefined) throw new Error("Redis URL not set: start the servers with .ci/redis.sh start");
  const host = new URL(url).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host))
    throw new Error("Redis tests only use loopback addresses");
  return url;
}

/** A connected standalone client (errors swallowed by a listener: the store reports failures itself). */
export async function connectStandalone(url = REDIS_URL) {
  return createClient({ url: loopback(url), disableOfflineQueue: true })
    .on("error", () => {})
    .connect();
}

/** A connected cluster client over the three loopback nodes. */
export async function connectCluster(urls = CLUSTER_URLS) {
  if (urls === undefined) throw new Error("RISKCARD_REDIS_CLUSTER_URLS not set");
  return createCluster({
    rootNodes: urls.map((url) => ({ url: loopback(url) })),
    defaults: { disableOfflineQueue: true },
  })
    .on("error", () => {})
    .connect();
}

/** 2026-06-30T00:00:00Z. */
export const T0 = Date.UTC(2026, 5, 30);

/**
 * SYNTHETIC applications for the concurrency tests, seeded (mulberry32): `n` applications over the
 * 3 days before T0 from 300 devices, 200 IP hashes and 2,000 people, skewed so that some devices
 * and IPs carry many applications (a device farm) and most few. Every worker process and the
 * reference build the same list from the same seed.
 */
export function syntheticApplications(n: number, seed: number, tag: string): Applicant[] {
  const rnd = mulberry32(seed);
  const out: Applicant[] = [];
  for (let i = 0; i < n; i++) {
    const skew = (x: number, m: number) => Math.floor(x * x * m);
    const device = skew(rnd(), 300);
    const ip = skew(rnd(), 200);
    const person = Math.floor(rnd() * 2000);
    const appliedAt = T0 - Math.floor(rnd() * 3 * 86_400_000);
    out.push({
      id: `u${tag}-${person}`,
      identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
      consent: { creditBureauQuery: true },
      application: { appliedAt, deviceId: `d${tag}-${device}`, ipHash: `ip${tag}-${ip}` },
    });
  }
  return out;
}
