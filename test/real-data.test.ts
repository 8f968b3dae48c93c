/**
 * A clone without the datasets passes `npm test` and says, in one line, which real-data tests did
 * not run and how to run them; on CI (`CI=true`) the same tests fail instead. Checked by running
 * vitest itself on a real-data test file with RISKCARD_DATA_DIR pointing at an empty folder.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./cli/helpers";
import { isCI } from "./real-data";
import { realDataNotice } from "./real-data-notice";

const vitest = join(repoRoot, "node_modules/vitest/vitest.mjs");
const empty = tempDir();

/** Runs vitest on one file in a child process, with a clean environment plus `env`. */
function vitestRun(file: string, env: Record<string, string>): { status: number | null; out: string } {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "CI" && k !== "NODE_ENV"),
  );
  const r = spawnSync(process.execPath, [vitest, "run", file], {
    cwd: repoRoot,
    env: { ...base, RISKCARD_DATA_DIR: empty, NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("real-data tests on a clone without the datasets", () => {
  it("pass with one line naming the tests that did not run and RISKCARD_DATA_DIR", () => {
    const r = vitestRun("test/logistic/gmsc.test.ts", {});
    expect(r.status, r.out).toBe(0);
    const notice = r.out.split("\n").filter((l) => l.startsWith("real-data tests not run"));
    expect(notice).toEqual([
      `real-data tests not run: 1 in test/logistic/gmsc.test.ts (1), give_me_some_credit.csv not found in ${empty}; set RISKCARD_DATA_DIR to the folder holding the datasets to run them (CI always runs them)`,
    ]);
  });

  it("fail on CI (CI=true), naming the missing file", () => {
    const r = vitestRun("test/logistic/gmsc.test.ts", { CI: "true" });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`give_me_some_credit.csv not found in ${empty}`);
  });

  it("every test file that reads the datasets declares its tests with itWithData", () => {
    const files = (function walk(d: string): string[] {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".test.ts") ? [join(d, e.name)] : [],
      );
    })(join(repoRoot, "test"));
    const readers = files.filter((f) =>
      /give_me_some_credit|german_credit_openml|gmscPath|dataFile\(/.test(readFileSync(f, "utf8")),
    );
    const undeclared = readers.filter(
      (f) => !f.endsWith("real-data.test.ts") && !readFileSync(f, "utf8").includes("itWithData("),
    );
    expect(undeclared.map((f) => relative(repoRoot, f))).toEqual([]);
  });
});

describe("realDataNotice and isCI", () => {
  it("counts per file, names the datasets once, and is null when nothing was skipped", () => {
    expect(realDataNotice([], "/d")).toBeNull();
    expect(
      realDataNotice(
        [
          { file: "test/a.test.ts", datasets: "x.csv" },
          { file: "test/a.test.ts", datasets: "x.csv" },
          { file: "test/b.test.ts", datasets: "x.csv, y.csv" },
        ],
        "/d",
      ),
    ).toBe(
      "real-data tests not run: 3 in test/a.test.ts (2), test/b.test.ts (1), x.csv, y.csv not found in /d; set RISKCARD_DATA_DIR to the folder holding the datasets to run them (CI always runs them)",
    );
  });
  it("reads CI as GitHub Actions and most services set it", () => {
    expect(isCI({ CI: "true" })).toBe(true);
    expect(isCI({ CI: "1" })).toBe(true);
    expect(isCI({ CI: "false" })).toBe(false);
    expect(isCI({ CI: "" })).toBe(false);
    expect(isCI({})).toBe(false);
  });
});
