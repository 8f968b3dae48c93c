/**
 * `npm run bench:http [-- --seconds S] [-- --quick]`: a bounded loopback HTTP benchmark. A node:http
 * server in a child process, listening on 127.0.0.1 only (an ephemeral port), answers POSTed
 * applicant bodies in one of two ways:
 * - decide: engine.safeDecideJson (JSON.parse, validated in place, then decided: the default engine, asOf fixed) + stringifyDecision
 *   (the same text as JSON.stringify, faster: bench/RESULTS.md, stringify);
 * - echo (the peer): JSON.parse + JSON.stringify of the parsed body, nothing else,
 * and the parent process sends the SYNTHETIC fixture applicants (fixtures/applicants.jsonl, cycled) over 8
 * keep-alive connections for a fixed time per round, alternating echo and decide rounds (3 rounds
 * each), and counts answered requests. The figure that matters is decide req/s over echo req/s on the
 * same bodies (goal 0.80, issue 19). Everything stops by itself: the server is closed and the child
 * process ends after the last round (or as soon as the parent goes away). A full run (no --quick) rewrites the `http` section of bench/RESULTS.md.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEngine, stringifyDecision } from "../src/index";
import { machineLine, writeResults } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const AS_OF = Date.UTC(2026, 5, 30);
const CONNECTIONS = 8;
const ROUNDS = 3;

type Mode = "decide" | "echo";

function serve(): void {
  const engine = createEngine();
  let mode: Mode = "echo";
  const handle = (body: string, res: ServerResponse): void => {
    let text: string;
    let status = 200;
    try {
      if (mode === "echo") text = JSON.stringify(JSON.parse(body));
      else {
        const r = engine.safeDecideJson(body, { asOf: AS_OF });
        if (r.ok) text = stringifyDecision(r.value);
        else {
          status = 422;
          text = JSON.stringify({ issues: r.issues });
        }
      }
    } catch {
      status = 400;
      text = '{"error":"bad request"}';
    }
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(Buffer.concat(chunks).toString("utf8"), res));
  });
  server.keepAliveTimeout = 60_000;
  const send = (m: object): void => {
    process.send!(m);
  };
  process.on("message", (m: { mode?: Mode; close?: boolean }) => {
    if (m.close) {
      server.closeAllConnections();
      server.close(() => process.disconnect());
      return;
    }
    if (m.mode) mode = m.mode;
    send({ ack: true });
  });
  // the parent gone (killed, crashed): stop too, nothing is left behind
  process.on("disconnect", () => process.exit(0));
  server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
}

async function drive(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const sArg = args.indexOf("--seconds");
  const seconds = sArg >= 0 ? Number(args[sArg + 1]) : quick ? 1 : 4;
  const bodies = readFileSync(join(here, "..", "fixtures", "applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "");
  // the server: this file again in a child process (through tsx, as this one), on loopback only
  const worker = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"] });
  const next = (): Promise<{ port?: number; ack?: boolean }> =>
    new Promise((resolve) => worker.once("message", resolve));
  const { port } = await next();
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let n = 0;
          res.on("data", (c: Buffer) => {
            n += c.length;
          });
          res.on("end", () => resolve(res.statusCode === 200 && n > 0 ? 1 : 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  let cursor = 0;
  const round = async (mode: Mode): Promise<number> => {
    worker.send({ mode });
    await next();
    const end = performance.now() + seconds * 1000;
    let ok = 0;
    let failed = 0;
    const loop = async (): Promise<void> => {
      while (performance.now() < end) {
        if ((await post(bodies[cursor++ % bodies.length]!)) === 1) ok++;
        else failed++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
    const elapsed = (performance.now() - t0) / 1000;
    if (failed > 0) throw new Error(`${failed} ${mode} requests were not answered with 200`);
    return ok / elapsed;
  };
  // warm-up, then alternating rounds
  await round("echo");
  await round("decide");
  const echo: number[] = [];
  const decide: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    echo.push(await round("echo"));
    decide.push(await round("decide"));
  }
  agent.destroy();
  worker.send({ close: true });
  await new Promise((resolve) => worker.once("exit", resolve));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const ratio = median(decide) / median(echo);
  const goal = 0.8;
  // The floor sits under the goal: quick runs on a shared 2-core machine swing by a third.
  const floor = 0.5;
  const machine = machineLine();
  const lines = [
    "<!-- suite:http -->",
    "### http",
    "",
    `\`npm run bench:http\`: node:http on 127.0.0.1, server in a child process, ${CONNECTIONS} keep-alive connections from the parent process, ${ROUNDS} alternating rounds of ${seconds} s per handler after one warm-up round each, the 1,040 SYNTHETIC fixture applicants cycled as bodies (about 9.0 KB each). decide = engine.safeDecideJson (JSON.parse, validated in place, neither copied nor frozen, then decided) + stringifyDecision (the text JSON.stringify writes); echo (peer) = JSON.parse + JSON.stringify of the body. Medians of the rounds.`,
    "",
    "| handler | req/s (median) | rounds |",
    "|---|---:|---|",
    `| decide | ${Math.round(median(decide))} | ${decide.map((x) => Math.round(x)).join(", ")} |`,
    `| (peer) echo | ${Math.round(median(echo))} | ${echo.map((x) => Math.round(x)).join(", ")} |`,
    "",
    "| ratio (decide req/s / echo req/s) | measured | goal | floor | |",
    "|---|---:|---:|---:|---|",
    `| parse + decide + respond vs JSON echo | ${ratio.toFixed(2)} | ${goal} | ${floor} | ${ratio >= floor ? "ok" : "BELOW FLOOR"} |`,
    "<!-- /suite:http -->",
  ];
  console.log(`riskcard bench:http (${quick ? "quick" : "full"}): ${machine}\n`);
  console.log(lines.slice(1, -1).join("\n"));
  if (!quick) writeResults(join(here, "RESULTS.md"), new Map([["http", lines.join("\n")]]), machine);
  if (ratio < floor) {
    console.error(`\nhttp: decide / echo is ${ratio.toFixed(2)}, floor ${floor}`);
    process.exitCode = 1;
  }
}

if (process.argv.includes("--serve")) serve();
else await drive();
