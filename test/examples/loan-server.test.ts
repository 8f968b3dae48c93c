import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createLoanServer } from "../../examples/loan-server/server";
import { createMemoryVelocityStore } from "../../src/fraud";
import { type Decision, createEngine } from "../../src/index";
import { createRedisVelocityStore } from "../../src/redis";
import type { Applicant } from "../../src/schema/applicant";
import { POPULATION_AS_OF, adult } from "../decision/helpers";
import { connectStandalone, skipWithout } from "../redis/helpers";

const engine = createEngine();
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(base: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${base}/loan-applications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** The hand-built clean adult (approved alone), as a different person on the given device. */
function person(i: number, deviceId: string): Applicant {
  const a = adult();
  return { ...a, id: `person-${i}`, application: { ...a.application!, deviceId } };
}

describe("examples/loan-server (memory store)", () => {
  it("validates, decides and answers; bad requests get 400/404/405/413 without echoing input", async () => {
    const base = await listen(
      createLoanServer({
        engine,
        store: createMemoryVelocityStore(),
        clock: () => POPULATION_AS_OF,
        maxBodyBytes: 10_000,
      }),
    );
    const ok = await post(base, JSON.stringify(adult()));
    expect(ok.status).toBe(200);
    expect((ok.json.decision as Decision).outcome).toBe("approve");
    expect(await post(base, "{not json")).toMatchObject({ status: 400, json: { error: "invalid_json" } });
    const bad = await post(base, JSON.stringify({ id: "x", secretName: "Zhang San" }));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("invalid_applicant");
    expect(JSON.stringify(bad.json)).not.toContain("Zhang San");
    expect((await post(base, "x".repeat(20_000))).status).toBe(413);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/loan-applications`)).status).toBe(405);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("two instances with their own memory stores each see only their share: the device rule does not fire", async () => {
    const a = await listen(
      createLoanServer({ engine, store: createMemoryVelocityStore(), clock: () => POPULATION_AS_OF }),
    );
    const b = await listen(
      createLoanServer({ engine, store: createMemoryVelocityStore(), clock: () => POPULATION_AS_OF }),
    );
    let last: Decision | undefined;
    for (let i = 0; i < 6; i++)
      last = (await post(i % 2 ? b : a, JSON.stringify(person(i, "d-farm")))).json.decision as Decision;
    expect(last!.fraud.hits.map((h) => h.reasonCode)).not.toContain("FRD-VEL-DEVICE");
  });
});

describe.skipIf(skipWithout("standalone"))("examples/loan-server: two instances sharing one Redis", () => {
  it("the sixth application from one device, five recorded by either instance, is declined (FRD-VEL-DEVICE)", async () => {
    const prefix = `rc-test:server:${process.pid}:${Date.now()}:`;
    const device = `d-farm-${process.pid}-${Date.now()}`;
    const clients = [await connectStandalone(), await connectStandalone()];
    try {
      const [a, b] = await Promise.all(
        clients.map((client) =>
          listen(
            createLoanServer({
              engine,
              store: createRedisVelocityStore({ client, prefix, timeoutMs: 2000 }),
              clock: () => POPULATION_AS_OF,
            }),
          ),
        ),
      );
      const decisions: Decision[] = [];
      for (let i = 0; i < 6; i++)
        decisions.push((await post(i % 2 ? b! : a!, JSON.stringify(person(i, device)))).json.decision as Decision);
      // the rule: velocity.device.apply.24h >= 5 declines (models/fraud-rules.json)
      expect(decisions.slice(0, 5).every((d) => !d.fraud.hits.some((h) => h.reasonCode === "FRD-VEL-DEVICE"))).toBe(
        true,
      );
      expect(decisions[5]!.outcome).toBe("decline");
      expect(decisions[5]!.fraud.hits.map((h) => h.reasonCode)).toContain("FRD-VEL-DEVICE");
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
