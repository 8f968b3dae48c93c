/**
 * Examples that run: every `@example` in the doc comments of `src/**\/*.ts` that states a result
 * is executed and its result compared with what the comment says.
 *
 * Conventions for writing an example (CONTRIBUTING.md repeats them):
 * - A result is written at the end of a line as `// => literal`, optionally followed by a note in
 *   parentheses: `irr([-100, 110]) // => 0.1 (by hand: 110 / 100 - 1)`. The literal is one of:
 *   a number, `NaN`, `Infinity`, a string in single or double quotes, `true`, `false`, `null`,
 *   `undefined`, an array, an object (bare or quoted keys), or a typed array written
 *   `Float64Array [0.75, 0.25]`. Nothing else: no `...`, no prose instead of a value.
 * - The value checked is that of the line's last statement; earlier statements (also on earlier
 *   lines of the same example) run first: `const m = createMonitor(o); monitorAdd(m, 0.7); m.counts // => Float64Array [0, 1]`.
 * - Numbers compare to their printed precision: `0.2809484` passes for any value within half a
 *   unit of the last printed digit (5e-8); an integer written without a point must be exact.
 *   Arrays, objects (same keys) and typed arrays (same type) compare deeply.
 * - A call that throws is written `// throws ErrorName`; the test checks the error is an instance
 *   of a class of that name (the thrown class or one it extends).
 * - `await` may be used; each example runs in an async function.
 * - Names an example may use, looked up in this order: the exports of the example's own module,
 *   the named fixtures of test/docs/example-fixtures.ts (an applicant, a policy, the PMML sample
 *   card, an in-memory CLI io, ...: see that file), the exports of the public barrels
 *   (`src/index.ts`, `src/<folder>/index.ts`), `readFileSync` (node:fs) and zod's `z`, then
 *   globals. An example must not rely on a name from any other place.
 *
 * How it runs (no eval anywhere): the test writes each source file's examples into a generated
 * TypeScript module under `.tmp/examples/` (git-ignored), one async function per stated result
 * that takes the scope as an argument and destructures the names the example uses, and imports
 * it; vitest transforms it like any other file. The extractor and the comparison are unit-tested
 * in test/docs/extract-examples.test.ts, including a wrong stated result that must be reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as fixtures from "./example-fixtures";
import { type Example, type ExportDoc, checkResult, generateModule, readExports } from "./extract-examples";
import { barrelScope, root, walk } from "./scope";

const outDir = join(root, ".tmp", "examples");

const sources = walk(join(root, "src"));
const docs: ExportDoc[] = sources.flatMap((p) => readExports(relative(root, p), readFileSync(p, "utf8")));
const byFile = new Map<string, Example[]>();
for (const d of docs)
  for (const e of d.examples) if (e.checks.length > 0) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);

const barrels = await barrelScope(sources);

/** Each file's scope: its own exports over the fixtures over the barrels. */
const scopes = new Map<string, Record<string, unknown>>();
for (const file of byFile.keys()) {
  const own = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
  scopes.set(file, { ...barrels, ...fixtures, ...own });
}

describe("doc examples with a stated result run and give it", () => {
  mkdirSync(outDir, { recursive: true });
  for (const [file, examples] of byFile) {
    describe(file, () => {
      const scope = scopes.get(file)!;
      const gen = join(outDir, `${file.replace(/[/\\.]/g, "_")}.ts`);
      writeFileSync(gen, generateModule(file, examples, new Set(Object.keys(scope))));
      for (const [i, ex] of examples.entries()) {
        it(`${ex.exportName} (line ${ex.line})`, async () => {
          const mod = (await import(pathToFileURL(gen).href)) as {
            examples: ((scope: Record<string, unknown>) => Promise<() => Promise<unknown>>)[][];
          };
          for (const [j, check] of ex.checks.entries()) {
            const problem = await checkResult(check, await mod.examples[i]![j]!(scope));
            if (problem !== null) expect.fail(`${file}:${ex.line} ${check.expression}: ${problem}`);
          }
        });
      }
    });
  }
});

describe("every public value export states a result in an example", () => {
  it("functions, constants and classes re-exported by a barrel have an example with // => or // throws", () => {
    const stated = new Set(docs.filter((d) => d.examples.some((e) => e.checks.length > 0)).map((d) => d.name));
    const declared = new Set(docs.map((d) => d.name));
    // `export { fmt as reportFormat }` in a barrel: the declaration is `fmt`.
    const alias = new Map<string, string>();
    for (const p of sources.filter((q) => q.endsWith(`${"/"}index.ts`)))
      for (const m of readFileSync(p, "utf8").matchAll(/\b([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g))
        alias.set(m[2]!, m[1]!);
    const publicNames = Object.keys(barrels)
      .filter((n) => n !== "readFileSync" && n !== "z")
      .map((n) => alias.get(n) ?? n);
    expect(publicNames.length).toBeGreaterThan(200);
    // A name re-exported under an alias has no declaration of its own name: listed, so it is seen.
    expect(publicNames.filter((n) => !declared.has(n))).toEqual([]);
    const unstated = publicNames.filter((n) => declared.has(n) && !stated.has(n));
    expect(unstated, `public exports without a stated result: ${unstated.join(", ")}`).toEqual([]);
  });
});
