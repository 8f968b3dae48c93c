/**
 * A reference loan-application service in the style of a mini-program backend (node:http, no
 * framework): `POST /loan-applications` validates the applicant, gathers cross-account velocity
 * from the shared store (Redis, so every instance counts into the same memory), decides, records
 * the application, and answers with the decision. `GET /healthz` answers 200.
 *
 * In an application import from the package: `riskcard`, `riskcard/fraud`, `riskcard/redis`, `riskcard/schema`.
 * Here the sources are imported so the example runs from the repository with tsx.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AsyncVelocityStore, VelocityStore } from "../../src/fraud";
import { gatherFacts, recordApplicationAsync } from "../../src/fraud";
import { type Engine, parseApplicantJson } from "../../src/index";
import type { ParsedApplicant } from "../../src/schema";

/** Options of `createLoanServer`. */
export interface LoanServerOptions {
  /** A compiled engine (`createEngine(config)`), shared by every request. */
  readonly engine: Engine;
  /** The velocity store: `createRedisVelocityStore` for several instances, `createMemoryVelocityStore` for one. */
  readonly store: AsyncVelocityStore | VelocityStore;
  /** The decision time of a request (epoch ms); the host reads the clock, the library never does. Default `Date.now`. */
  readonly clock?: () => number;
  /** Largest request body accepted, in bytes (default 256 KiB). */
  readonly maxBodyBytes?: number;
}

/**
 * Creates the HTTP server (not listening yet: call `listen(port, "127.0.0.1")`).
 * Answers: 200 `{ decision }`; 400 `{ error: "invalid_json" }` or `{ error: "invalid_applicant", issues }`
 * (issues say where, never echo a value); 404; 405; 413 when the body is too large.
 * @param options `{ engine, store, clock?, maxBodyBytes? }`
 * @returns the server
 */
export function createLoanServer(options: LoanServerOptions): Server {
  const clock = options.clock ?? Date.now;
  const maxBody = options.maxBodyBytes ?? 256 * 1024;
  const { engine, store } = options;

  const decideRequest = async (applicant: ParsedApplicant): Promise<{ status: number; payload: unknown }> => {
    const asOf = clock();
    const velocity = await gatherFacts(applicant, store, { asOf }); // never waits past the store's timeout
    const decision = engine.decide(applicant, { asOf, velocity });
    await recordApplicationAsync(store, applicant); // false when the store is down: the answer goes out anyway
    return { status: 200, payload: { decision } };
  };

  return createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: "internal" }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return send(res, req.method === "GET" ? 200 : 405, { ok: req.method === "GET" });
    if (path !== "/loan-applications") return send(res, 404, { error: "not_found" });
    if (req.method !== "POST") return send(res, 405, { error: "method_not_allowed" });
    const text = await readBody(req, maxBody);
    if (text === undefined) return send(res, 413, { error: "body_too_large" });
    // JSON.parse and validation in one step: the parsed body is validated and frozen in place (no copy)
    const parsed = parseApplicantJson(text);
    if (!parsed.ok) {
      // the one issue of a body that is not JSON: invalid_format at the root (validation never reports that)
      const notJson = parsed.issues[0]?.code === "invalid_format" && parsed.issues[0].path.length === 0;
      return send(
        res,
        400,
        notJson ? { error: "invalid_json" } : { error: "invalid_applicant", issues: parsed.issues },
      );
    }
    const r = await decideRequest(parsed.value);
    send(res, r.status, r.payload);
  }
}

function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(over ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
