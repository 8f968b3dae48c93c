import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/**
 * The benchmark harness shared by every `bench/*.bench.ts` file.
 *
 * A suite is a list of cases measured with tinybench (warm-up, then a fixed time per case) and a
 * list of ratios between a subject and a peer measured in the same run. Ratios are what we track:
 * they survive a noisy machine where absolute figures do not. Each ratio has a `floor`; the
 * runner exits non-zero when a ratio falls below it (set floors well under the goal).
 *
 * Cases whose single call is too short to time well (well under a microsecond) loop `batch` times
 * inside one call; every figure reported is per operation (per single call of the inner work).
 */

export interface BenchCase {
  /** Unique within the suite. */
  readonly name: string;
  /** The work; when `batch` > 1 it must perform the inner operation `batch` times. */
  readonly fn: () => unknown;
  /** How many inner operations one call of `fn` performs (default 1). */
  readonly batch?: number;
  /** Marks a case measured as a peer (another library or a naive implementation). */
  readonly peer?: boolean;
}

export interface BenchRatio {
  /** What the ratio says, e.g. "parseApplicant vs zod safeParse". */
  readonly name: string;
  /** The case whose speed we claim. */
  readonly subject: string;
  /** The case it is compared with. */
  readonly peer: string;
  /** The goal from the issue (peer time / subject time), for the table. */
  readonly goal?: number;
  /** Below this the run fails. */
  readonly floor: number;
}

export interface BenchSuite {
  readonly name: string;
  /** One or two sentences: what is measured, on what input (say when it is synthetic). */
  readonly description: string;
  readonly cases: readonly BenchCase[];
  readonly ratios?: readonly BenchRatio[];
  /** Extra lines for RESULTS.md (memory figures, sizes), computed in the run. */
  readonly notes?: () => readonly string[];
}

/**
 * Declares a suite (identity function, for type checking).
 * @param suite the suite
 * @returns the same suite
 */
export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

/** A bench file's default export: a suite, or a (possibly async) factory that does its setup. */
export type SuiteModule = BenchSuite | (() => BenchSuite | Promise<BenchSuite>);

/**
 * Replaces (or appends) each suite's section of RESULTS.md, stamped with the machine.
 * @param path the RESULTS.md path
 * @param sections suite name -> section text (between `<!-- suite:NAME -->` and `<!-- /suite:NAME -->`)
 * @param machine CPU, cores, memory and Node version
 */
export function writeResults(path: string, sections: Map<string, string>, machine: string): void {
  let text = existsSync(path)
    ? readFileSync(path, "utf8")
    : "# Benchmark results\n\nWritten by `npm run bench` (full mode). Each section is replaced when its suite runs; ratios are peer time over subject time measured in the same run.\n";
  for (const [name, body] of sections) {
    const stamped = body.replace(`### ${name}\n`, `### ${name}\n\nMachine: ${machine}.\n`);
    const re = new RegExp(
      `<!-- suite:${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} -->[\\s\\S]*?<!-- /suite:[^>]+ -->`,
    );
    text = re.test(text) ? text.replace(re, () => stamped) : `${text.trimEnd()}\n\n${stamped}\n`;
  }
  writeFileSync(path, text);
}

/**
 * The middle value of a list (the mean of the two middle values for an even count).
 * @param xs the values (not empty)
 * @returns their median
 * @example median([3, 1, 2]) // => 2
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * The machine a run measured on, for RESULTS.md.
 * @returns CPU model, cores, memory and Node version
 */
export function machineLine(): string {
  return `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
