import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkResult,
  declaredNames,
  generateModule,
  mismatch,
  parseLiteral,
  readExports,
  splitLastStatement,
  usedNames,
} from "./extract-examples";
import { generateBlockModule, importedNames, readReadmeBlocks, resolveSpecifier, typeErrors } from "./readme-blocks";
import { root } from "./scope";

/** A source file written for these tests, with a right and a deliberately wrong stated result. */
const SOURCE = [
  "/**",
  " * Adds two numbers.",
  " * @param a first",
  " * @returns the sum",
  " * @example add(0.1, 0.2) // => 0.3 (to the printed digit)",
  " * @example add(1, 1) // => 3",
  " */",
  "export function add(a: number, b: number): number {",
  "  return a + b;",
  "}",
  "",
  "/**",
  " * A multi-line example.",
  " * @example const m = [1, 2];",
  " * m.push(3); m // => [1, 2, 3]",
  " * m.length // => 3",
  " * @example JSON.parse('{') // throws SyntaxError",
  " */",
  "export const list = 1;",
  "",
  "export function undocumented(): void {}",
].join("\n");

describe("readExports", () => {
  const docs = readExports("src/x.ts", SOURCE);

  it("finds each exported declaration, its doc comment and its examples", () => {
    expect(docs.map((d) => [d.name, d.kind, d.doc !== null, d.examples.length])).toEqual([
      ["add", "function", true, 2],
      ["list", "const", true, 2],
      ["undocumented", "function", false, 0],
    ]);
    expect(docs[0]!.examples[0]!.checks).toEqual([
      { setup: "", expression: "add(0.1, 0.2)", kind: "value", expected: "0.3", note: "(to the printed digit)" },
    ]);
  });

  it("splits a multi-line example into checks that run after the lines before them", () => {
    const [multi, throws] = docs[1]!.examples;
    expect(multi!.checks.map((c) => [c.setup.replace(/\s+/g, " ").trim(), c.expression, c.expected])).toEqual([
      ["const m = [1, 2]; m.push(3);", "m", "[1, 2, 3]"],
      ["const m = [1, 2]; m.push(3); m;", "m.length", "3"],
    ]);
    expect(throws!.checks).toEqual([
      { setup: "", expression: "JSON.parse('{')", kind: "throws", expected: "SyntaxError", note: "" },
    ]);
  });

  it("reports a deliberately wrong stated result, and accepts the right ones", async () => {
    const [right, wrong] = docs[0]!.examples;
    const add = (a: number, b: number) => a + b;
    // 0.1 + 0.2 = 0.30000000000000004, within half a unit of the printed 0.3.
    expect(await checkResult(right!.checks[0]!, async () => add(0.1, 0.2))).toBeNull();
    expect(await checkResult(wrong!.checks[0]!, async () => add(1, 1))).toBe("result: expected 3, got 2");
  });

  it("checks a stated throw: the class or one it extends, and fails when nothing is thrown", async () => {
    const check = docs[1]!.examples[1]!.checks[0]!;
    expect(
      await checkResult(check, async () => {
        throw new SyntaxError("x");
      }),
    ).toBeNull();
    expect(await checkResult(check, async () => 1)).toBe("expected a SyntaxError, but it returned 1");
    expect(
      await checkResult({ ...check, expected: "Error" }, async () => {
        throw new RangeError("x");
      }),
    ).toBeNull();
  });

  it("rejects prose in place of a result, and prose after it that is not in parentheses", async () => {
    const base = { setup: "", expression: "x", kind: "value" as const, note: "" };
    expect(await checkResult({ ...base, expected: "e.g. 34" }, async () => 34)).toMatch(/not a literal/);
    expect(await checkResult({ ...base, expected: "1", note: "when piped" }, async () => 1)).toMatch(/parentheses/);
  });
});

describe("the stated-result comparison", () => {
  it("compares numbers to their printed precision (hand-worked cases)", () => {
    // 0.2809484: half a unit of the 7th decimal is 5e-8.
    expect(mismatch(0.28094842, parseLiteral("0.2809484"))).toBeNull();
    expect(mismatch(0.28094846, parseLiteral("0.2809484"))).not.toBeNull();
    // An integer without a point is exact.
    expect(mismatch(29.4, parseLiteral("29"))).not.toBeNull();
    expect(mismatch(29, parseLiteral("29"))).toBeNull();
    // 1.5e-3 has four decimals: tolerance 5e-5.
    expect(mismatch(0.00154, parseLiteral("1.5e-3"))).toBeNull();
    expect(mismatch(0.00156, parseLiteral("1.5e-3"))).not.toBeNull();
    expect(mismatch(Number.NaN, parseLiteral("NaN"))).toBeNull();
    expect(mismatch(1_000_000, parseLiteral("1_000_000"))).toBeNull();
  });

  it("compares arrays, objects and typed arrays deeply", () => {
    expect(mismatch([1, [2, "a"]], parseLiteral('[1, [2, "a"]]'))).toBeNull();
    expect(mismatch([1, 2], parseLiteral("[1, 2, 3]"))).toBe("result: expected 3 items, got 2");
    expect(mismatch({ ok: true, value: 1 }, parseLiteral("{ ok: true, value: 1 }"))).toBeNull();
    expect(mismatch({ ok: true, value: 1, x: 0 }, parseLiteral("{ ok: true, value: 1 }"))).toMatch(/keys/);
    expect(mismatch({ a: { b: 2 } }, parseLiteral("{ 'a': { b: 3 } }"))).toBe("result.a.b: expected 3, got 2");
    expect(mismatch(Float64Array.of(0.75, 0.25), parseLiteral("Float64Array [0.75, 0.25]"))).toBeNull();
    expect(mismatch([0.75, 0.25], parseLiteral("Float64Array [0.75, 0.25]"))).toMatch(/Float64Array/);
    expect(mismatch("a\nb", parseLiteral('"a\\nb"'))).toBeNull();
    expect(mismatch('{"a":1}', parseLiteral(`'{"a":1}'`))).toBeNull();
  });

  it("rejects text that is not one literal", () => {
    expect(() => parseLiteral("0.81...")).toThrow(SyntaxError);
    expect(() => parseLiteral("[29, ...]")).toThrow(SyntaxError);
    expect(() => parseLiteral("table.rows")).toThrow(SyntaxError);
  });
});

describe("code helpers", () => {
  it("splits off the last top-level statement", () => {
    expect(splitLastStatement("const a = f({ x: 1; }); g(a)")).toEqual(["const a = f({ x: 1; });", "g(a)"]);
    expect(splitLastStatement('f("a;b")')).toEqual(["", 'f("a;b")']);
  });

  it("finds the names an example reads and declares", () => {
    expect([...usedNames('f(a.b, { ...c }, "d e")')].sort()).toEqual(["a", "c", "f"]);
    expect([...declaredNames("const m = 1; let { a, b } = o;")].sort()).toEqual(["a", "b", "m"]);
  });

  it("generates a module that destructures only names in scope", () => {
    const ex = readExports("src/x.ts", SOURCE)[0]!.examples[0]!;
    const text = generateModule("src/x.ts", [ex], new Set(["add", "other"]));
    expect(text).toContain("const { add: add } = scope;");
    expect(text).toContain("return async () => (add(0.1, 0.2));");
    expect(text).not.toContain("other");
  });
});

describe("README code blocks (test/docs/readme-blocks.ts)", () => {
  const README = [
    "# a package",
    "",
    "```ts",
    'import { add } from "riskcard/maths";',
    "",
    "const x = add(1, 2); // prose after code is not a result",
    "x; // => 4",
    "({ a: 1, b: 2, c: [3] }); // => { a: 1,",
    "//      c: [3], ... }",
    "```",
    "",
    "<!-- example: continues; applicant = syn-00001 -->",
    "```ts",
    "x + 1; // => 4",
    "```",
    "",
    "<!-- example: typecheck-only: needs a server -->",
    "```js",
    "server.listen(80);",
    "```",
    "",
    "```sh",
    "riskcard score",
    "```",
  ].join("\n");
  const blocks = readReadmeBlocks(README);

  it("reads ts/js blocks with their markers, imports and results (continuation lines joined)", () => {
    expect(blocks.map((b) => [b.line, b.mode, b.why])).toEqual([
      [3, "run", ""],
      [13, "run", ""],
      [18, "typecheck", "needs a server"],
    ]);
    expect(blocks[0]!.imports).toEqual(['import { add } from "riskcard/maths";']);
    expect(blocks[0]!.example.checks.map((c) => [c.expression, c.expected])).toEqual([
      ["x", "4"],
      ["({ a: 1, b: 2, c: [3] })", "{ a: 1, c: [3], ... }"],
    ]);
    // a continued block runs the code above (without its checks) first, with the fixture applicant
    expect(blocks[1]!.code.startsWith('const applicant = fixtureApplicant("syn-00001");')).toBe(true);
    expect(blocks[1]!.code).toContain("const x = add(1, 2);");
    expect(blocks[1]!.example.checks.map((c) => c.expression)).toEqual(["x + 1"]);
    expect(blocks[1]!.imports).toEqual(blocks[0]!.imports);
  });

  it("reports a wrong stated result, and compares a partial object on the keys it names", async () => {
    const [wrong, partial] = blocks[0]!.example.checks;
    expect(await checkResult(wrong!, async () => 3, true)).toBe("result: expected 4, got 3");
    expect(await checkResult(partial!, async () => ({ a: 1, b: 2, c: [3] }), true)).toBeNull();
    expect(await checkResult(partial!, async () => ({ a: 2, c: [3] }), true)).toBe("result.a: expected 1, got 2");
    expect(await checkResult(partial!, async () => ({ a: 1 }), true)).toBe("result: expected keys [c] among [a]");
    // doc comments keep the strict form: no `...`
    expect(await checkResult(partial!, async () => ({ a: 1, c: [3] }))).toMatch(/not a literal/);
  });

  it("resolves riskcard specifiers to the sources and leaves others", () => {
    expect(resolveSpecifier("riskcard", "/r/src")).toBe("/r/src/index");
    expect(resolveSpecifier("riskcard/limits", "/r/src")).toBe("/r/src/limits/index");
    expect(resolveSpecifier("node:fs", "/r/src")).toBe("node:fs");
    expect([...importedNames(['import { a, b as c } from "x";', 'import * as d from "y";'])].sort()).toEqual([
      "a",
      "c",
      "d",
    ]);
  });

  it("generates a module whose free names come from the scope, and a type-checked one that reports a type error", () => {
    const run = generateBlockModule(blocks[1]!, "/r/src", new Set(["fixtureApplicant", "add"]));
    expect(run).toContain('import { add } from "/r/src/maths/index";');
    expect(run).toContain("const { fixtureApplicant } = scope;");
    const dir = mkdtempSync(join(tmpdir(), "readme-blocks-"));
    const file = join(dir, "types-0001.ts");
    const block = readReadmeBlocks('```ts\nconst n: number = "text";\n```')[0]!;
    writeFileSync(file, generateBlockModule(block, "/r/src", new Set(), new Map()));
    expect(typeErrors([file], root)).toEqual(["types-0001.ts:5: Type 'string' is not assignable to type 'number'."]);
  }, 120_000);
});
