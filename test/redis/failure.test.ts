import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { VELOCITY_UNAVAILABLE, createEngine } from "../../src/index";
import { gatherFacts, recordApplicationAsync } from "../../src/fraud/velocity";
import { createRedisVelocityStore } from "../../src/redis";
import type { Applicant } from "../../src/schema/applicant";
import { applicant } from "../fraud/helpers";
import { REDIS_SERVER_BIN, T0, skipWithout } from "./helpers";

/** A free loopback port (bind to 0, read it, close). */
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

/** Starts a private redis-server (this test kills it, so it must not be the shared one). */
async function startServer(port: number, dir: string): Promise<ChildProcess> {
  const bin = REDIS_SERVER_BIN ?? "redis-server";
  const child = spawn(
    bin,
    ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dir],
    {
      stdio: "ignore",
    },
  );
  const probe = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } }).on(
    "error",
    () => {},
  );
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      await probe.close();
      return child;
    } catch {
      await sleep(100);
    }
  }
  throw new Error("the private redis-server did not start");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function app(i: number): Applicant {
  const a = applicant({ id: `p-${i}` });
  return { ...a, application: { ...a.application!, appliedAt: T0 - 60_000, deviceId: "dev-shared" } };
}

describe.skipIf(skipWithout("server binary"))("Redis velocity store: Redis down, slow, and back", () => {
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), "riskcard-redis-"));
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("kill mid-run: decisions go on with VELOCITY_UNAVAILABLE within the timeout, no unhandled rejection, counts resume", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on("unhandledRejection", onUnhandled);
    const port = await freePort();
    let server = await startServer(port, dir);
    children.push(server);
    const client = await createClient({
      url: `redis://127.0.0.1:${port}`,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: () => 50, connectTimeout: 500 },
    })
      .on("error", () => {})
      .connect();
    const timeoutMs = 250;
    const store = createRedisVelocityStore({ client, prefix: "rc-fail:", timeoutMs });
    const engine = createEngine();
    const asOf = T0;

    // one request of the reference server: gather, decide, record
    const handle = async (i: number) => {
      const a = app(i);
      const started = performance.now();
      const velocity = await gatherFacts(a, store, { asOf });
      const d = engine.decide(a, { asOf, velocity });
      const recorded = await recordApplicationAsync(store, a);
      return { d, velocity, recorded, ms: performance.now() - started };
    };

    // up: three applications from the shared device, then the fourth sees them
    for (let i = 0; i < 3; i++) expect((await handle(i)).recorded).toBe(true);
    const before = await handle(3);
    expect(before.velocity.unavailable).toBeUndefined();
    expect(before.d.reasons.some((r) => r.code === VELOCITY_UNAVAILABLE)).toBe(false);
    expect(before.velocity.values[0]).toBe(3); // device, apply, 1 h: the three before it

    // killed mid-run: 30 requests, 4 in flight; the server is killed when the 5th finishes, while
    // others are in flight; every request started after its death is checked
    let done = 0;
    let dead = false;
    let gate: Promise<void> | undefined;
    const during: Awaited<ReturnType<typeof handle>>[] = [];
    let next = 10;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < 40) {
          if (gate) await gate;
          const afterDeath = dead;
          const r = await handle(next++);
          if (afterDeath) during.push(r);
          if (++done === 5) {
            const s = server;
            gate = new Promise((res) =>
              s.once("exit", () => {
                dead = true;
                res();
              }),
            );
            s.kill("SIGKILL");
          }
        }
      }),
    );
    expect(during.length).toBeGreaterThanOrEqual(10);
    for (const r of during) {
      expect(r.velocity.unavailable).toBe(true);
      expect(r.d.outcome).not.toBe("approve"); // policy review: no approval without velocity
      expect(r.d.reasons.some((x) => x.code === VELOCITY_UNAVAILABLE)).toBe(true);
      expect(r.recorded).toBe(false);
      // each of the two store calls settles within its timeout: a bound of 2 x timeout plus
      // scheduling slack on a loaded 2-core machine (a hang on reconnection would blow it)
      expect(r.ms).toBeLessThan(2 * timeoutMs + 1000);
    }

    // back: a new empty server (no persistence) on the same port; the client reconnects by itself
    server = await startServer(port, dir);
    children.push(server);
    let back = false;
    for (let i = 0; i < 100 && !back; i++) {
      back = (await gatherFacts(app(100), store, { asOf })).unavailable === undefined;
      if (!back) await sleep(100);
    }
    expect(back).toBe(true);
    for (let i = 200; i < 202; i++) expect((await handle(i)).recorded).toBe(true);
    const after = await handle(202);
    expect(after.velocity.unavailable).toBeUndefined();
    expect(after.velocity.values[0]).toBe(2); // counting resumed from the two recorded since

    // slow: the server is paused (CLIENT PAUSE); calls give up at the timeout, before it answers
    const admin = await createClient({ url: `redis://127.0.0.1:${port}` })
      .on("error", () => {})
      .connect();
    await admin.sendCommand(["CLIENT", "PAUSE", "3000", "ALL"]);
    const pauseEnds = Date.now() + 3000;
    const slow = await handle(300);
    expect(slow.velocity.unavailable).toBe(true);
    expect(slow.recorded).toBe(false);
    expect(Date.now()).toBeLessThan(pauseEnds); // settled while Redis could not have answered
    await sleep(Math.max(0, pauseEnds - Date.now()) + 300); // the late replies arrive and are dropped
    await admin.close();
    await client.close();
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
  }, 60_000);
});
