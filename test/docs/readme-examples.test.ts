/**
 * The README's code runs: every ```ts / ```js block of README.md is type-checked against the sources and,
 * unless marked, run, and each result it states as `// => literal` is compared with what the code gives.
 *
 * Conventions for a README block (CONTRIBUTING.md repeats them):
 * - Results are written as in doc comments (test/docs/examples.test.ts): `expr; // => literal (note)`,
 *   numbers to their printed precision, and in addition an object may end in `...` when it shows only some
 *   keys: `// => { limitFen: 100000, termMonths: 3, ... }`. A result may go on over the next comment lines
 *   when they are indented past `//`. A comment that is not `// =>` is prose and checks nothing.
 * - Imports from `riskcard` and `riskcard/<folder>` resolve to this checkout's `src/`; a string starting
 *   `node_modules/riskcard/` names the checkout's own file (the package ships `models/`).
 * - Names a block uses without declaring or importing come, in this order, from test/docs/readme-fixtures.ts
 *   (the README's `applicant`, `amount`, `y`, ...: SYNTHETIC or the shipped German credit data), from
 *   test/docs/example-fixtures.ts, and from the public barrels; for type-checking each such name has the type
 *   of that value (`any` when it has none: `app`, `req`, `res` of a web framework).
 * - The line right above a block may hold `<!-- example: typecheck-only: why -->` (the block needs a web
 *   server or Redis: it is type-checked, not run) and/or `<!-- example: continues -->` (the block goes on from
 *   the block above, whose code runs first) and/or `<!-- example: applicant = syn-00107 -->` (the block's
 *   `applicant` is that SYNTHETIC fixture applicant). A bare file name in quotes in a block
 *   (`"card.pmml"`, `"decisions.jsonl"`) names a file in a fresh temporary directory holding `card.pmml` (the
 *   shipped card as PMML): the block as run is given that path (the working directory is never changed).
 *
 * How: each block is written to `.tmp/readme-examples/` (git-ignored) as a module (no eval), imported by vitest
 * to run, and type-checked with the TypeScript compiler API under the repository's tsconfig (minus the unused
 * and implicit-return checks, which fragments cannot meet). test/docs/extract-examples.test.ts tests the reader,
 * including a wrong stated result and a type error that must be reported.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as exampleFixtures from "./example-fixtures";
import { checkResult } from "./extract-examples";
import { generateBlockModule, readReadmeBlocks, typeErrors } from "./readme-blocks";
import * as readmeFixtures from "./readme-fixtures";
import { barrelScope, root, walk } from "./scope";

const outDir = join(root, ".tmp", "readme-examples");
const srcDir = join(root, "src");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = readReadmeBlocks(readme);
const scope: Record<string, unknown> = {
  ...(await barrelScope(walk(srcDir))),
  ...exampleFixtures,
  ...readmeFixtures,
};
/** Each fixture name and the module whose export types it (the README's own fixtures first). */
const typedBy = new Map<string, string>([
  ...Object.keys(exampleFixtures).map((n) => [n, join(root, "test", "docs", "example-fixtures.ts")] as const),
  ...Object.keys(readmeFixtures).map((n) => [n, join(root, "test", "docs", "readme-fixtures.ts")] as const),
]);
// Relative file names (card.pmml, decisions.jsonl) are read and written in a fresh directory: the blocks as run
// name it, so that nothing depends on the worker's working directory (no process.chdir, which a vitest
// worker thread may not call).
const work = readmeFixtures.readmeWorkDir();
/** A bare file name in quotes (`"card.pmml"`), as a block reads or writes it. */
const BARE_FILE = /(["'`])([\w-]+\.(?:pmml|jsonl|json|csv|html|txt|xml))\1/g;
// The blocks as run: a path the README writes under `node_modules/riskcard/` names the checkout's file, a bare
// file name the work directory's.
const runBlocks = readReadmeBlocks(
  readme
    .replaceAll("node_modules/riskcard/", `${root}/`)
    .replace(BARE_FILE, (_, quote: string, name: string) => `${quote}${join(work, name)}${quote}`),
);

mkdirSync(outDir, { recursive: true });
const files = blocks.map((b, i) => {
  const at = (kind: string) => join(outDir, `${kind}-${String(b.line).padStart(4, "0")}.ts`);
  const run = at("run");
  const types = at("types");
  const block = runBlocks[i]!;
  writeFileSync(run, generateBlockModule(block, srcDir, new Set(Object.keys(scope))));
  writeFileSync(types, generateBlockModule(b, srcDir, new Set(), typedBy));
  return { block, run, types };
});

describe("README.md code blocks", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("names every file a run block reads or writes by its path in the work directory", () => {
    const named = runBlocks.flatMap((b) => (b.mode === "run" ? [...b.code.matchAll(BARE_FILE)] : []));
    expect(named).toEqual([]);
    const used = runBlocks.filter((b) => b.mode === "run" && b.code.includes(work));
    // card.pmml (the PMML block) and decisions.jsonl (the replay block) at least
    expect(used.length).toBeGreaterThanOrEqual(2);
  });

  it("every ts/js block is read; those not run say why", () => {
    expect(blocks.length).toBeGreaterThan(20);
    const notRun = blocks.filter((b) => b.mode === "typecheck");
    expect(notRun.filter((b) => b.why === "").map((b) => b.line)).toEqual([]);
    // most blocks run, and most of them state a result
    expect(notRun.length).toBeLessThanOrEqual(4);
    expect(blocks.reduce((n, b) => n + (b.mode === "run" ? b.example.checks.length : 0), 0)).toBeGreaterThan(25);
  });

  it("every block type-checks against the sources (free names typed by the fixtures)", () => {
    expect(
      typeErrors(
        files.map((f) => f.types),
        root,
      ),
    ).toEqual([]);
  }, 300_000);

  for (const { block, run } of files) {
    if (block.mode !== "run") continue;
    it(`README.md:${block.line} runs and gives the results it states (${block.example.checks.length})`, async () => {
      const mod = (await import(pathToFileURL(run).href)) as {
        checks: ((s: Record<string, unknown>) => Promise<() => Promise<unknown>>)[];
        whole: (s: Record<string, unknown>) => Promise<unknown>;
      };
      await mod.whole(scope);
      for (const [j, check] of block.example.checks.entries()) {
        const problem = await checkResult(check, await mod.checks[j]!(scope), true);
        if (problem !== null) expect.fail(`README.md:${block.line} ${check.expression}: ${problem}`);
      }
    });
  }
});
