/**
 * A vitest reporter that ends the run with one line naming the real-data tests that did not run
 * (skipped by `itWithData` because their datasets were not found) and how to run them.
 */
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { dataDir } from "./real-data";

/** A skipped real-data test: its file (relative to the repository) and the datasets it reads. */
export interface SkippedRealData {
  readonly file: string;
  readonly datasets: string;
}

/**
 * The notice line, or null when every real-data test ran.
 * @param skipped the skipped real-data tests
 * @param dir the datasets folder that was looked in
 * @returns one line (no newline) or null
 */
export function realDataNotice(skipped: readonly SkippedRealData[], dir: string): string | null {
  if (skipped.length === 0) return null;
  const perFile = new Map<string, number>();
  for (const s of skipped) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
  const files = [...perFile].map(([f, n]) => `${f} (${n})`).join(", ");
  const datasets = [...new Set(skipped.flatMap((s) => s.datasets.split(", ")))].join(", ");
  return `real-data tests not run: ${skipped.length} in ${files}, ${datasets} not found in ${dir}; set RISKCARD_DATA_DIR to the folder holding the datasets to run them (CI always runs them)`;
}

/** Prints `realDataNotice` at the end of the run (the default export: vitest.config.ts names this file). */
export default class RealDataNotice implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedRealData[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const datasets = t.meta().realData;
        if (datasets !== undefined && t.result().state === "skipped")
          skipped.push({ file: relative(process.cwd(), m.moduleId), datasets });
      }
    }
    const line = realDataNotice(skipped, dataDir());
    if (line !== null) process.stdout.write(`\n${line}\n`);
  }
}
