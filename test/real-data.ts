/**
 * Tests that read the real datasets (Give Me Some Credit and others, see ../shared/datasets/README.md).
 * They take the folder from RISKCARD_DATA_DIR (resolved from the working directory), else
 * `../shared/datasets` beside the repository. A clone without the data still passes `npm test`: these
 * tests are skipped and the `RealDataNotice` reporter prints one line naming them; on CI (`CI` set)
 * they always run, and a missing file fails them.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { it } from "vitest";

declare module "vitest" {
  interface TaskMeta {
    /** The dataset files a real-data test reads (comma-separated). */
    realData?: string;
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The datasets folder: RISKCARD_DATA_DIR when set, else ../shared/datasets beside the repository.
 * @param env the environment (default `process.env`)
 * @returns an absolute path (which may not exist)
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.RISKCARD_DATA_DIR;
  return v !== undefined && v !== "" ? resolve(process.cwd(), v) : resolve(repoRoot, "../shared/datasets");
}

/**
 * A dataset file's path, or undefined when it is not there.
 * @param name the file name, e.g. "give_me_some_credit.csv"
 * @returns the path or undefined
 */
export function dataFile(name: string): string | undefined {
  const p = join(dataDir(), name);
  return existsSync(p) ? p : undefined;
}

/**
 * Whether this is a CI run (the `CI` variable set to anything but "", "0" or "false"): there, the
 * real-data tests must run.
 * @param env the environment (default `process.env`)
 * @returns true on CI
 */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI;
  return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

/**
 * Declares a test that reads real datasets. With every file present it runs with their paths; on CI
 * with a file missing it fails, naming the file and the folder; elsewhere it is skipped and tagged
 * (`meta.realData`) so the notice names it.
 * @param name the test name
 * @param files the dataset file names it reads
 * @param fn the test body, given the files' paths in order
 * @param timeout optional timeout in ms
 */
export function itWithData(
  name: string,
  files: readonly string[],
  fn: (...paths: string[]) => unknown,
  timeout?: number,
): void {
  const paths = files.map(dataFile);
  const options = { meta: { realData: files.join(", ") }, ...(timeout !== undefined ? { timeout } : {}) };
  const missing = files.filter((_, i) => paths[i] === undefined);
  if (missing.length === 0) it(name, options, () => fn(...(paths as string[])));
  else if (isCI())
    it(name, options, () => {
      throw new Error(
        `${missing.join(", ")} not found in ${dataDir()}: CI runs the real-data tests; set RISKCARD_DATA_DIR to the datasets folder`,
      );
    });
  else it.skip(name, options, () => {});
}
