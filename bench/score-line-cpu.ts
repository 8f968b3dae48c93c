/**
 * The in-process figure of bench/cli-score.ts: what one fixture line costs `riskcard score`'s own code
 * against its `--parse-only` peer, without process start, engine compilation, file reading or writing.
 *
 * Two pairs over the 1,040 SYNTHETIC fixture lines (fixtures/applicants.jsonl), in one process:
 * - chunk: `scoreChunk` (what a scoring worker does with a chunk: decode, split into lines, `scoreLine`
 *   each, join and encode the output) against `parseChunk` (the peer's worker: the same decoding and
 *   splitting, then `JSON.parse` of each line), both on the whole file as one chunk;
 * - line: `scoreLine` alone against `JSON.parse` alone on the same lines, split beforehand.
 * Each pair's two variants run back to back in every round (which pair and which side first alternating), each timed
 * with `process.cpuUsage` (user + system CPU of the process) over `passes` passes; every round gives a
 * ratio per pair (the peer's CPU over the subject's, as the command's CPU ratio), and the figures are the
 * medians over the rounds with their range. CPU time, unlike wall time, does not count the time spent
 * waiting for a core that a neighbour holds.
 *
 * Run alone: `npx tsx bench/score-line-cpu.ts [--rounds N] [--passes N]`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scoreLine } from "../src/cli/score-line";
import { type ScoreChunk, type ScoreChunkResult, parseChunk, scoreChunk } from "../src/cli/score-worker";
import { createEngine } from "../src/index";
import { median } from "./harness";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const AS_OF = Date.UTC(2026, 5, 30);

/** A pair's figures: CPU microseconds per line of subject and peer (medians over rounds) and the per-round ratios. */
export interface CpuPair {
  readonly subjectUs: number;
  readonly peerUs: number;
  /** Per round: peer CPU / subject CPU. */
  readonly ratios: readonly number[];
}

/** What {@link measureScoreLineCpu} returns. */
export interface ScoreLineCpu {
  readonly lines: number;
  readonly rounds: number;
  readonly passes: number;
  /** `scoreChunk` against `parseChunk`. */
  readonly chunk: CpuPair;
  /** `scoreLine` against `JSON.parse`, lines split beforehand. */
  readonly line: CpuPair;
}

/** CPU microseconds (user + system) spent by `fn` run `passes` times. */
function cpuOf(fn: () => void, passes: number): number {
  const c0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) fn();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

/**
 * Measures the decision's own CPU cost per fixture line against JSON.parse of the same line, in this process.
 * @param rounds how many alternating rounds (7 or more for a median worth reading)
 * @param passes passes over the 1,040 lines per variant and round
 * @returns per-line CPU medians and per-round ratios of both pairs
 * @throws Error when a fixture line does not give a decision (the figure would not be what it says)
 * @example measureScoreLineCpu(7, 1).chunk.ratios.length // => 7
 */
export function measureScoreLineCpu(rounds: number, passes: number): ScoreLineCpu {
  const texts = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  const n = texts.length;
  const bytes = new TextEncoder().encode(`${texts.join("\n")}\n`);
  const chunk: ScoreChunk = { seq: 0, firstLine: 1, bytes, length: bytes.length, oversize: false };
  const engine = createEngine();
  const check = (r: ScoreChunkResult, what: string): void => {
    if (r.decisions !== n || r.errors !== 0) throw new Error(`${what}: ${r.decisions} of ${n} fixture lines passed`);
  };
  check(scoreChunk(engine, chunk, AS_OF), "scoreChunk");
  check(parseChunk(chunk), "parseChunk");
  let sink = 0;
  const variants: readonly (() => void)[] = [
    () => {
      sink += scoreChunk(engine, chunk, AS_OF).bytes.length;
    },
    () => {
      sink += parseChunk(chunk).decisions;
    },
    () => {
      for (let i = 0; i < n; i++) sink += scoreLine(engine, texts[i]!, i + 1, AS_OF).text.length;
    },
    () => {
      for (let i = 0; i < n; i++) sink += JSON.parse(texts[i]!) === null ? 0 : 1;
    },
  ];
  // warm-up: every variant once, so the first round does not pay the JIT
  for (const v of variants) cpuOf(v, 1);
  const cpu: number[][] = variants.map(() => []);
  // each pair's two variants run back to back; which pair goes first and which side of a pair goes first
  // alternate from round to round, so a load that rises or falls through a round favours no side
  for (let r = 0; r < rounds; r++) {
    for (const first of r % 2 === 0 ? [0, 2] : [2, 0]) {
      for (const v of (r >> 1) % 2 === 0 ? [first, first + 1] : [first + 1, first]) {
        cpu[v]!.push(cpuOf(variants[v]!, passes));
      }
    }
  }
  if (sink === 0) throw new Error("nothing measured");
  const pair = (subject: number, peer: number): CpuPair => ({
    subjectUs: median(cpu[subject]!) / (passes * n),
    peerUs: median(cpu[peer]!) / (passes * n),
    ratios: cpu[subject]!.map((s, r) => cpu[peer]![r]! / s),
  });
  return { lines: n, rounds, passes, chunk: pair(0, 1), line: pair(2, 3) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const m = measureScoreLineCpu(arg("--rounds", 7), arg("--passes", 1));
  const show = (name: string, p: CpuPair): string =>
    `${name}: subject ${p.subjectUs.toFixed(0)} us/line, peer ${p.peerUs.toFixed(0)} us/line, ratio median ${median(p.ratios).toFixed(2)} (${Math.min(...p.ratios).toFixed(2)}-${Math.max(...p.ratios).toFixed(2)}); rounds ${p.ratios.map((x) => x.toFixed(2)).join(", ")}`;
  console.log(`${show("chunk", m.chunk)}\n${show("line", m.line)}`);
}
