/**
 * The README section "Columnar request form" stays true: its code block is run (written to a
 * git-ignored module under .tmp/ with the package imports pointed at src/, then imported: no eval)
 * and what its comments state is checked.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("<!-- section:columnar -->"), readme.indexOf("<!-- /section:columnar -->"));

describe("README: columnar request form", () => {
  it("its example runs: the same decision as the rows, and the inconsistent issue shown", async () => {
    const start = section.indexOf("```ts\n") + 6;
    const code = section.slice(start, section.indexOf("```", start));
    const src = join(root, "src");
    const module = code
      .replace('from "riskcard/schema"', `from ${JSON.stringify(join(src, "schema", "index.ts"))}`)
      .replace('from "riskcard"', `from ${JSON.stringify(join(src, "index.ts"))}`);
    const dir = join(root, ".tmp", "readme");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "columnar.ts");
    writeFileSync(file, `${module}\nexport { decision, issues, same };\n`);
    const m = (await import(pathToFileURL(file).href)) as {
      same: boolean;
      issues: unknown;
      decision: { score: number };
    };
    expect(m.same).toBe(true);
    expect(Number.isFinite(m.decision.score)).toBe(true);
    expect(m.issues).toEqual([
      { code: "inconsistent", path: ["payments", "channel"], message: "must have as many items as at" },
    ]);
  });
});
