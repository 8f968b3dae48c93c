/**
 * Reading the `@example` tags of doc comments and checking their stated results, for
 * test/docs/examples.test.ts (the conventions are written at the top of that file).
 *
 * Nothing here evaluates code: the test writes each source file's examples into a generated
 * TypeScript module and imports it, so examples run exactly like any other code under vitest.
 */

/** One `@example` of one exported declaration. */
export interface Example {
  /** Source file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** The exported name the doc comment belongs to. */
  readonly exportName: string;
  /** The example's code with every `// =>` result and `// throws` note removed. */
  readonly code: string;
  /** Each stated result, in order; a statement list that precedes it runs first. */
  readonly checks: readonly Check[];
}

/** One stated outcome: the code before it (statements), the expression it is about, and what it says. */
export interface Check {
  /** Statements to run before the expression (may be empty). */
  readonly setup: string;
  /** The expression whose value (or throw) is stated. */
  readonly expression: string;
  /** `value`: `// => literal`; `throws`: `// throws ErrorName`. */
  readonly kind: "value" | "throws";
  /** The literal text (value) or the error class name (throws). */
  readonly expected: string;
  /** Anything written after the literal, e.g. `(statsmodels: 0.908)`. */
  readonly note: string;
}

/** One exported declaration with its doc comment (if any). */
export interface ExportDoc {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  /** `function`, `const`, `class`, `let`, `interface`, `type`, `enum`. */
  readonly kind: string;
  readonly doc: string | null;
  readonly examples: readonly Example[];
}

const EXPORT_RE =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/**
 * Every `export function|const|class|...` declaration of a source text, with the doc comment right
 * above it and that comment's examples. Re-exports (`export { a } from`) are not declarations.
 */
export function readExports(file: string, text: string): ExportDoc[] {
  const lines = text.split("\n");
  const out: ExportDoc[] = [];
  let docStart = -1;
  let docEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.startsWith("/**")) docStart = i;
    if (docStart >= 0 && docEnd < docStart && t.endsWith("*/")) {
      docEnd = i;
      continue;
    }
    const m = EXPORT_RE.exec(lines[i]!);
    if (m !== null) {
      const hasDoc = docEnd >= 0 && docEnd === i - 1;
      const doc = hasDoc ? lines.slice(docStart, docEnd + 1) : null;
      out.push({
        file,
        line: i + 1,
        name: m[2]!,
        kind: m[1]!.replace("*", ""),
        doc: doc === null ? null : doc.join("\n"),
        examples: doc === null ? [] : examplesOf(file, docStart + 1, doc, m[2]!),
      });
    }
    if (t !== "" && !t.startsWith("/**") && !t.startsWith("*") && !t.startsWith("//")) docEnd = -2;
  }
  return out;
}

/** The `@example` tags of one doc comment (lines as written, `/**` to `*\/`). */
function examplesOf(file: string, firstLine: number, doc: readonly string[], exportName: string): Example[] {
  const body = doc.map((l) =>
    l
      .replace(/^\s*\/\*\*\s?/, "")
      .replace(/\s*\*\/\s*$/, "")
      .replace(/^\s*\* ?/, ""),
  );
  const out: Example[] = [];
  for (let i = 0; i < body.length; i++) {
    const m = /^@example\b\s?(.*)$/.exec(body[i]!);
    if (m === null) continue;
    const code: string[] = m[1]!.trim() === "" ? [] : [m[1]!];
    let j = i + 1;
    for (; j < body.length && !body[j]!.startsWith("@"); j++) code.push(body[j]!);
    while (code.length > 0 && code[code.length - 1]!.trim() === "") code.pop();
    out.push(parseExample(file, firstLine + i, exportName, code));
    i = j - 1;
  }
  return out;
}

/** Splits `code // => result` at the first `//` that is outside strings (null when none). */
export function splitComment(line: string): [string, string] | null {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && line[i + 1] === "/") return [line.slice(0, i), line.slice(i + 2)];
  }
  return null;
}

/**
 * The last top-level statement of `code` split off: `[statements before, last expression]`.
 * Top level means outside brackets and strings; statements end at `;`.
 */
export function splitLastStatement(code: string): [string, string] {
  let depth = 0;
  let quote: string | null = null;
  let cut = -1;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ";" && depth === 0 && code.slice(i + 1).trim() !== "") cut = i;
  }
  const expr = code.slice(cut + 1).trim();
  return [code.slice(0, cut + 1), expr.endsWith(";") ? expr.slice(0, -1) : expr];
}

/** The example of code lines: their stated results split off as checks (also used for the README's code blocks). */
export function parseExample(file: string, line: number, exportName: string, lines: readonly string[]): Example {
  const checks: Check[] = [];
  const plain: string[] = [];
  let pending = "";
  for (const l of lines) {
    const parts = splitComment(l);
    const res = parts === null ? null : /^\s*(=>|throws\b)\s?(.*)$/.exec(parts[1]);
    if (parts === null || res === null) {
      plain.push(l);
      pending += `${l}\n`;
      continue;
    }
    plain.push(parts[0].trimEnd());
    const [before, expression] = splitLastStatement(pending + parts[0]);
    if (res[1] === "=>") {
      const { literal, note } = splitLiteral(res[2]!.trim());
      checks.push({ setup: before, expression, kind: "value", expected: literal, note });
    } else {
      const name = /^([A-Za-z_$][\w$]*)(.*)$/.exec(res[2]!.trim());
      checks.push({
        setup: before,
        expression,
        kind: "throws",
        expected: name?.[1] ?? "",
        note: name?.[2]?.trim() ?? "",
      });
    }
    // Later checks run after the whole line (an expression statement is harmless to repeat).
    pending += `${parts[0].trimEnd()};\n`;
  }
  return { file, line, exportName, code: plain.join("\n"), checks };
}

/** Splits a result into its literal and a trailing note (`0.5 (by hand)` -> `0.5`, `(by hand)`). */
export function splitLiteral(text: string): { literal: string; note: string } {
  // partial here only to find where the literal ends; parseLiteral decides whether `...` is allowed
  const p = new LiteralParser(text, true);
  try {
    p.value();
    return { literal: text.slice(0, p.pos).trim(), note: text.slice(p.pos).trim() };
  } catch {
    return { literal: text, note: "" };
  }
}

/** A number as written, so that it can be compared to its printed precision. */
export class Printed {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
  /** Half a unit of the last printed digit, or 0 for an integer written without `.`. */
  get tolerance(): number {
    const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(this.text.replace(/_/g, ""));
    if (m === null || m[2] === undefined) return 0;
    const decimals = m[2].length - Number(m[3] ?? 0);
    return 0.5 * 10 ** -decimals;
  }
}

/** A typed array as written: `Float64Array [1, 2]`. */
export class TypedLiteral {
  constructor(
    readonly type: string,
    readonly items: readonly unknown[],
  ) {}
}

/**
 * A parser for the literal subset used in results: numbers (kept with their text), `NaN`,
 * `Infinity`, strings in single or double quotes, `true`, `false`, `null`, `undefined`, arrays,
 * objects with bare or quoted keys, and typed arrays written `Float64Array [...]`.
 */
class LiteralParser {
  pos = 0;
  constructor(
    readonly s: string,
    readonly partial = false,
  ) {}
  private ws(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }
  private fail(what: string): never {
    throw new SyntaxError(`${what} at ${this.pos} in ${JSON.stringify(this.s)}`);
  }
  value(): unknown {
    this.ws();
    const c = this.s[this.pos];
    if (c === "[") return this.array();
    if (c === "{") return this.object();
    if (c === '"' || c === "'") return this.string();
    const num = /^[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos));
    if (num !== null) {
      this.pos += num[0].length;
      return new Printed(Number(num[0].replace(/_/g, "")), num[0]);
    }
    const word = /^-?[A-Za-z_$][\w$]*/.exec(this.s.slice(this.pos));
    if (word === null) this.fail("expected a literal");
    this.pos += word[0].length;
    switch (word[0]) {
      case "true":
        return true;
      case "false":
        return false;
      case "null":
        return null;
      case "undefined":
        return undefined;
      case "NaN":
        return Number.NaN;
      case "Infinity":
        return Number.POSITIVE_INFINITY;
      case "-Infinity":
        return Number.NEGATIVE_INFINITY;
    }
    if (/^(?:Float64|Float32|Int32|Uint32|Int16|Uint16|Int8|Uint8)Array$/.test(word[0])) {
      this.ws();
      if (this.s[this.pos] !== "[") this.fail("expected [ after a typed array name");
      return new TypedLiteral(word[0], this.array());
    }
    return this.fail(`unknown word ${word[0]}`);
  }
  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.s[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.pos++];
      if (c === "]") return out;
      if (c !== ",") this.fail("expected , or ]");
    }
  }
  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.ws();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      const c = this.s[this.pos];
      if (this.partial && this.s.startsWith("...", this.pos)) {
        // `{ a: 1, ... }`: the value may have other keys (README results only)
        this.pos += 3;
        Object.defineProperty(out, PARTIAL, { value: true });
        this.ws();
        if (this.s[this.pos++] !== "}") this.fail("expected } after ...");
        return out;
      }
      let key: string;
      if (c === '"' || c === "'") key = this.string();
      else {
        const m = /^[A-Za-z_$][\w$]*|^\d+/.exec(this.s.slice(this.pos));
        if (m === null) this.fail("expected a key");
        key = m[0];
        this.pos += key.length;
      }
      this.ws();
      if (this.s[this.pos++] !== ":") this.fail("expected :");
      out[key] = this.value();
      this.ws();
      const d = this.s[this.pos++];
      if (d === "}") return out;
      if (d !== ",") this.fail("expected , or }");
    }
  }
  private string(): string {
    const q = this.s[this.pos]!;
    let i = this.pos + 1;
    let raw = "";
    while (i < this.s.length && this.s[i] !== q) {
      if (this.s[i] === "\\") {
        raw += this.s.slice(i, i + 2);
        i += 2;
      } else raw += this.s[i++];
    }
    if (i >= this.s.length) this.fail("unterminated string");
    this.pos = i + 1;
    const escaped = q === "'" ? raw.replace(/\\'/g, "'").replace(/"/g, '\\"') : raw;
    return JSON.parse(`"${escaped}"`) as string;
  }
}

/** Marks an object literal written with a final `...` (`partial`): only the keys it names are compared. */
export const PARTIAL: unique symbol = Symbol("partial");

/**
 * Parses a result literal (see `LiteralParser`); throws `SyntaxError` when the text is not one
 * literal. With `partial`, an object may end in `...` (other keys allowed: the README's results).
 */
export function parseLiteral(text: string, partial = false): unknown {
  const p = new LiteralParser(text, partial);
  const v = p.value();
  if (text.slice(p.pos).trim() !== "")
    throw new SyntaxError(`trailing text after the literal in ${JSON.stringify(text)}`);
  return v;
}

/**
 * Where `actual` differs from the parsed `expected` literal (null when they agree): deep equality
 * with the same keys, arrays of the same length, typed arrays of the stated type, `NaN` equal to
 * `NaN`, and numbers within half a unit of their last printed digit (integers exactly).
 */
export function mismatch(actual: unknown, expected: unknown, path = "result"): string | null {
  if (expected instanceof Printed) {
    if (typeof actual !== "number") return `${path}: expected the number ${expected.text}, got ${describe(actual)}`;
    const tol = expected.tolerance;
    if (tol === 0 ? actual !== expected.value : !(Math.abs(actual - expected.value) <= tol * (1 + 1e-12)))
      return `${path}: expected ${expected.text}${tol === 0 ? "" : ` (within ${tol})`}, got ${actual}`;
    return null;
  }
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: expected ${expected}, got ${describe(actual)}`;
    return Object.is(actual, expected) || actual === expected ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (expected instanceof TypedLiteral) {
    const ctor = (actual as { constructor?: { name?: string } } | null)?.constructor?.name;
    if (ctor !== expected.type) return `${path}: expected a ${expected.type}, got ${describe(actual)}`;
    return mismatch(Array.from(actual as ArrayLike<number>), expected.items, path);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${describe(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], `${path}[${i}]`);
      if (m !== null) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return `${path}: expected an object, got ${describe(actual)}`;
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (PARTIAL in expected) {
      const absent = ek.filter((k) => !ak.includes(k));
      if (absent.length > 0) return `${path}: expected keys [${absent.join(", ")}] among [${ak.join(", ")}]`;
    } else if (ek.join(",") !== ak.join(","))
      return `${path}: expected keys [${ek.join(", ")}], got [${ak.join(", ")}]`;
    for (const k of ek) {
      const m = mismatch(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (m !== null) return m;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: expected ${describe(expected)}, got ${describe(actual)}`;
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === "object") return `a ${(v as object).constructor?.name ?? "null-prototype object"}`;
  return String(v);
}

/** The identifiers an example's code declares itself (`const x`, `let { a, b }`, function names). */
export function declaredNames(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) out.add(m[1]!);
  for (const m of code.matchAll(/\b(?:const|let|var)\s*[{[]([^=]*)[}\]]\s*=/g))
    for (const n of m[1]!.matchAll(/([A-Za-z_$][\w$]*)\s*(?:[,}\]]|$)/g)) out.add(n[1]!);
  return out;
}

/** The free-standing identifiers an example's code reads (not property names after `.`, not inside strings). */
export function usedNames(code: string): Set<string> {
  const noStrings = code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
  const noSpreads = noStrings.replace(/\.\.\./g, " ");
  const out = new Set<string>();
  for (const m of noSpreads.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)) out.add(m[1]!);
  return out;
}

/**
 * The source of a module that runs `examples`: `examples[i][j]` is an async function of the scope
 * (an object of names) that destructures the names example i uses, runs the statements before
 * check j and returns a thunk computing check j's expression. Only names in `inScope` that the
 * example does not declare itself are destructured; any other name is a ReferenceError when run.
 */
export function generateModule(file: string, examples: readonly Example[], inScope: ReadonlySet<string>): string {
  const fns = examples.map((ex) => {
    const own = declaredNames(ex.code);
    const names = [...usedNames(ex.code)].filter((n) => !own.has(n) && !RESERVED.has(n) && inScope.has(n)).sort();
    const checks = ex.checks.map((c) => {
      const pick = names.length === 0 ? "" : `const { ${names.map((n) => `${n}: ${n}`).join(", ")} } = scope;\n`;
      return `async (scope: any) => {\n${pick}${c.setup}\nreturn async () => (${c.expression});\n}`;
    });
    return `  // ${file}:${ex.line} ${ex.exportName}\n  [${checks.join(",\n")}]`;
  });
  return `// Generated by test/docs/examples.test.ts from ${file}; do not edit.\n/* eslint-disable */\nexport const examples = [\n${fns.join(",\n")}\n];\n`;
}

/** Words that are not names to look up in the scope (keywords and globals). */
export const RESERVED: ReadonlySet<string> = new Set(
  (
    "await async break case catch class const continue debugger default delete do else export extends false finally for " +
    "function if import in instanceof let new null of return super switch this throw true try typeof undefined var void " +
    "while with yield as Object Array Number String Boolean Math JSON Date Symbol Error TypeError RangeError Map Set " +
    "WeakMap Promise Float64Array Float32Array Int32Array Uint32Array Uint8Array Int8Array Int16Array Uint16Array BigInt " +
    "BigInt64Array NaN Infinity isNaN isFinite parseInt parseFloat process globalThis console TextEncoder TextDecoder structuredClone"
  ).split(" "),
);

/**
 * Runs one check's thunk and compares the outcome with the stated one: null when they agree,
 * else what differs.
 */
export async function checkResult(
  check: Check,
  thunk: () => Promise<unknown>,
  partial = false,
): Promise<string | null> {
  let value: unknown;
  try {
    value = await thunk();
  } catch (e) {
    if (check.kind === "throws") {
      for (let p = Object.getPrototypeOf(e); p !== null; p = Object.getPrototypeOf(p))
        if (p.constructor?.name === check.expected) return null;
      return `expected a ${check.expected}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
    }
    return `threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
  if (check.kind === "throws") return `expected a ${check.expected}, but it returned ${describe(value)}`;
  if (check.note !== "" && !check.note.startsWith("("))
    return `the text after the result must be a note in parentheses, got ${JSON.stringify(check.note)}`;
  let expected: unknown;
  try {
    expected = parseLiteral(check.expected, partial);
  } catch (e) {
    return `the stated result is not a literal: ${(e as Error).message}`;
  }
  return mismatch(value, expected);
}
