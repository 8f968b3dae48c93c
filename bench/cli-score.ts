/**
 * `npx tsx bench/cli-score.ts [--lines N] [--quick]`: throughput of `riskcard score` in
 * applications per second on a JSONL of N lines (default 100,000) with 1 and 2 workers.
 *
 * A standalone script (not a `.bench.ts` suite) because it runs the command as a process: the
 * input is the SYNTHETIC fixtures/applicants.jsonl repeated into a temporary file (about 8.9 KB per
 * line, so 100,000 lines are about 890 MB; deleted afterwards), decided as of 2026-06-30 with the
 * default engine and written to a temporary output file. Each worker count runs `runs` times and
 * the best run is kept. A full run (no --quick) rewrites the `cli score` section of
 * bench/RESULTS.md, in the same marker style as bench/index.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const linesArg = args.indexOf("--lines");
const total = linesArg >= 0 ? Number(args[linesArg + 1]) : quick ? 5_000 : 100_000;
const runs = quick ? 1 : 2;
const NAME = "cli score";

const fixture = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8").split("\n").filter((l) => l.trim() !== "");
const dir = mkdtempSync(join(tmpdir(), "riskcard-bench-"));
const input = join(dir, "in.jsonl");
const output = join(dir, "out.jsonl");

interface Run {
  readonly workers: number;
  readonly seconds: number;
  readonly rate: number;
  readonly maxRssMiB: number | null;
}

function generate(): void {
  const fd = openSync(input, "w");
  let written = 0;
  while (written < total) {
    const take = Math.min(fixture.length, total - written);
    writeSync(fd, `${fixture.slice(0, take).join("\n")}\n`);
    written += take;
  }
  closeSync(fd);
}

function once(workers: number): Run {
  const time = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "maxrss=%M"] : [];
  const cmd = [...time, process.execPath, "--import", "tsx", join(root, "src/cli/main.ts"), "score", input, "--as-of", "2026-06-30", "--out", output, "--workers", String(workers)];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
  const m = /(\d+) lines, (\d+) decisions, (\d+) error records in ([\d.]+) s \(([\d,]+) applications\/s/.exec(r.stderr);
  if (r.status !== 0 || !m || Number(m[1]) !== total) throw new Error(`riskcard score failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr);
  return { workers, seconds: Number(m[4]), rate: Number(m[5]!.replace(/,/g, "")), maxRssMiB: rss ? Number(rss[1]) / 1024 : null };
}

function best(workers: number): Run {
  let b: Run | null = null;
  for (let i = 0; i < runs; i++) {
    const r = once(workers);
    console.log(`  workers ${workers}, run ${i + 1}: ${r.rate.toLocaleString("en-US")} applications/s in ${r.seconds.toFixed(2)} s${r.maxRssMiB === null ? "" : `, max RSS ${r.maxRssMiB.toFixed(0)} MiB`}`);
    if (b === null || r.rate > b.rate) b = r;
  }
  return b!;
}

function main(): void {
  const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`riskcard score bench (${quick ? "quick" : "full"}): ${total.toLocaleString("en-US")} lines; ${machine}`);
  try {
    generate();
    const size = statSync(input).size;
    const results = [best(1), best(2)];
    const [one, two] = results as [Run, Run];
    const lines = [
      `<!-- suite:${NAME} -->`,
      `### ${NAME}`,
      "",
      `Machine: ${machine}.`,
      "",
      `\`riskcard score\` (run from sources with tsx, as a process) on ${total.toLocaleString("en-US")} lines (${(size / 2 ** 20).toFixed(0)} MiB) made by repeating the SYNTHETIC fixtures/applicants.jsonl, decided as of 2026-06-30 with the default engine, output to a file; best of ${runs} runs per worker count. Written by \`npx tsx bench/cli-score.ts\`.`,
      "",
      "| workers | applications/s | seconds | max RSS |",
      "|---:|---:|---:|---:|",
      ...results.map((r) => `| ${r.workers} | ${Math.round(r.rate).toLocaleString("en-US")} | ${r.seconds.toFixed(2)} | ${r.maxRssMiB === null ? "-" : `${r.maxRssMiB.toFixed(0)} MiB`} |`),
      "",
      `- 2 workers vs 1: ${(two.rate / one.rate).toFixed(2)}x. With 1 worker the main thread reads, decides and writes; with N it reads byte chunks of whole lines and writes, and N worker threads parse and decide.`,
      `<!-- /suite:${NAME} -->`,
    ].join("\n");
    console.log(`\n${lines}`);
    if (!quick) {
      const path = join(root, "bench/RESULTS.md");
      let text = readFileSync(path, "utf8");
      const re = new RegExp(`<!-- suite:${NAME} -->[\\s\\S]*?<!-- /suite:${NAME} -->`);
      text = re.test(text) ? text.replace(re, () => lines) : `${text.trimEnd()}\n\n${lines}\n`;
      writeFileSync(path, text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
