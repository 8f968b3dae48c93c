/**
 * `npm run bench [-- --quick] [-- name-filter]`: runs every `bench/*.bench.ts` suite and prints
 * a table per suite (ops/s, mean, p99, samples) and its ratios. A full run (no --quick) rewrites
 * that suite's section of bench/RESULTS.md; sections of suites not run are kept. A suite with a ratio
 * below its floor is measured a second time (both runs printed); exits 1 when a ratio is below its
 * floor on that second run too.
 */
import { readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { type BenchSuite, type SuiteModule, machineLine, writeResults } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
const filters = args.filter((a) => !a.startsWith("--"));
const time = quick ? 150 : 1000;
const warmupTime = quick ? 50 : 250;

interface Row {
  name: string;
  opsPerSec: number;
  meanNs: number;
  p99Ns: number;
  samples: number;
  peer: boolean;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n >= 100) return Math.round(n).toLocaleString("en-US");
  if (n >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${fmt(ns / 1e6)} ms`;
  if (ns >= 1e3) return `${fmt(ns / 1e3)} us`;
  return `${fmt(ns)} ns`;
}

async function runSuite(suite: BenchSuite): Promise<{ rows: Row[]; ratioLines: string[]; failed: string[] }> {
  const bench = new Bench({ time, warmupTime, warmup: true });
  for (const c of suite.cases) bench.add(c.name, c.fn);
  await bench.run();
  const rows: Row[] = [];
  for (const c of suite.cases) {
    const task = bench.getTask(c.name);
    const r = task?.result as
      | { state?: string; latency?: { mean: number; p99: number; samplesCount: number }; error?: unknown }
      | undefined;
    if (!r?.latency) throw new Error(`bench case ${suite.name}/${c.name} failed: ${String(r?.error ?? r?.state)}`);
    const batch = c.batch ?? 1;
    const meanNs = (r.latency.mean * 1e6) / batch;
    rows.push({
      name: c.name,
      opsPerSec: 1e9 / meanNs,
      meanNs,
      p99Ns: (r.latency.p99 * 1e6) / batch,
      samples: r.latency.samplesCount,
      peer: c.peer ?? false,
    });
  }
  const ratioLines: string[] = [];
  const failed: string[] = [];
  for (const q of suite.ratios ?? []) {
    const s = rows.find((r) => r.name === q.subject);
    const p = rows.find((r) => r.name === q.peer);
    if (!s || !p) throw new Error(`ratio ${q.name} names an unknown case`);
    const ratio = p.meanNs / s.meanNs;
    const ok = ratio >= q.floor;
    ratioLines.push(
      `| ${q.name} | ${ratio.toFixed(ratio < 10 ? 2 : 1)}x | ${q.goal === undefined ? "-" : `${q.goal}x`} | ${q.floor}x | ${ok ? "ok" : "BELOW FLOOR"} |`,
    );
    if (!ok) failed.push(`${suite.name}: ${q.name} is ${ratio.toFixed(2)}x, floor ${q.floor}x`);
  }
  return { rows, ratioLines, failed };
}

function section(suite: BenchSuite, rows: Row[], ratioLines: string[], notes: readonly string[]): string {
  const lines = [
    `<!-- suite:${suite.name} -->`,
    `### ${suite.name}`,
    "",
    suite.description,
    "",
    "| case | ops/s | mean | p99 | samples |",
    "|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.peer ? "(peer) " : ""}${r.name} | ${fmt(r.opsPerSec)} | ${fmtNs(r.meanNs)} | ${fmtNs(r.p99Ns)} | ${r.samples} |`,
    ),
  ];
  if (ratioLines.length > 0) {
    lines.push(
      "",
      "| ratio (peer time / subject time) | measured | goal | floor | |",
      "|---|---:|---:|---:|---|",
      ...ratioLines,
    );
  }
  if (notes.length > 0) lines.push("", ...notes.map((n) => `- ${n}`));
  lines.push(`<!-- /suite:${suite.name} -->`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const machine = machineLine();
  console.log(`riskcard bench (${quick ? "quick" : "full"}): ${machine}`);
  const allFailed: string[] = [];
  const sections = new Map<string, string>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: SuiteModule };
    const suite = typeof mod.default === "function" ? await mod.default() : mod.default;
    let { rows, ratioLines, failed } = await runSuite(suite);
    if (failed.length > 0) {
      // A floor guards against a collapse, not against a noisy neighbour: a suite with a ratio below its
      // floor is measured once more, and the second run decides (both are printed).
      console.log(`\n${suite.name}: below floor on the first run (${failed.join("; ")}); measuring the suite again`);
      ({ rows, ratioLines, failed } = await runSuite(suite));
    }
    const notes = suite.notes?.() ?? [];
    const text = section(suite, rows, ratioLines, notes);
    console.log(`\n${text.split("\n").slice(1, -1).join("\n")}`);
    sections.set(suite.name, text);
    allFailed.push(...failed);
  }
  if (!quick) writeResults(join(here, "RESULTS.md"), sections, machine);
  if (allFailed.length > 0) {
    console.error(`\nratios below floor:\n${allFailed.join("\n")}`);
    process.exit(1);
  }
}

await main();
