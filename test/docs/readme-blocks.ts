/**
 * Reading the README's TypeScript and JavaScript code blocks, for test/docs/readme-examples.test.ts
 * (the conventions are written at the top of that file). Nothing here evaluates code: the test writes
 * each block into a generated module that vitest imports and TypeScript type-checks.
 */
import { basename, join } from "node:path";
import ts from "typescript";
import { type Example, RESERVED, declaredNames, parseExample, splitComment, usedNames } from "./extract-examples";

/** What the marker comment right above a block asks for. */
export type BlockMode = "run" | "typecheck";

/** One fenced code block of the README. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** `run` (the default) or `typecheck` (`<!-- example: typecheck-only: why -->` above the fence). */
  readonly mode: BlockMode;
  /** Why a block is only type-checked (the marker's text after `typecheck-only:`). */
  readonly why: string;
  /** The import declarations, as written. */
  readonly imports: readonly string[];
  /** The code without its imports, a block marked `continues` preceded by the block above's code. */
  readonly code: string;
  /** The block's code parsed as an example: its `// =>` results as checks. */
  readonly example: Example;
}

const FENCE = /^```(ts|typescript|js|javascript)\s*$/;
const MARKER = /^<!--\s*example:\s*(.*?)\s*-->\s*$/;
const IMPORT = /^import\s[\s\S]*?\sfrom\s+["'][^"']+["'];?[ \t]*(?:\/\/.*)?$/gm;

/**
 * The README's `ts`/`js` code blocks in order. A marker comment on the line right above the fence
 * may say `typecheck-only: <why>` (not run: it needs a server, Redis, ...) and/or `continues` (the
 * block goes on from the block above, whose code runs first, without its checks) and/or
 * `applicant = <fixture id>` (the block's `applicant` is that SYNTHETIC fixture applicant). A `// =>` result
 * may go on over the following comment lines indented past `//` (`//      more: 1 }`).
 */
export function readReadmeBlocks(text: string): ReadmeBlock[] {
  const lines = text.split("\n");
  const out: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!)) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const marker = start > 0 ? (MARKER.exec(lines[start - 1]!)?.[1] ?? "") : "";
    const typecheck = /typecheck-only/.exec(marker) !== null;
    const why = /typecheck-only:\s*(.*)$/.exec(marker)?.[1]?.trim() ?? "";
    const joined = joinContinuations(body).join("\n");
    const imports = [...joined.matchAll(IMPORT)].map((m) => m[0]!.replace(/\s*\/\/.*$/, ""));
    let code = joined.replace(IMPORT, "");
    const previous = out[out.length - 1];
    if (/\bcontinues\b/.test(marker) && previous !== undefined) {
      code = `${plainCode(previous.code)}\n${code}`;
      imports.unshift(...previous.imports);
    }
    const who = /\bapplicant\s*=\s*([\w-]+)/.exec(marker)?.[1];
    if (who !== undefined) code = `const applicant = fixtureApplicant(${JSON.stringify(who)});\n${code}`;
    const example = parseExample("README.md", start + 1, `README.md:${start + 1}`, code.split("\n"));
    out.push({ line: start + 1, mode: typecheck ? "typecheck" : "run", why, imports, code, example });
  }
  return out;
}

/**
 * Joins a `// =>` result's continuation comment lines onto it, and drops prose comments after code
 * (`f(x); // why`), so that a result on the next line is about `f(x)`.
 */
function joinContinuations(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const parts = splitComment(line);
    const prose = parts !== null && parts[0].trim() !== "" && !/^\s*(=>|throws\b)/.test(parts[1]);
    const l = prose ? parts[0].trimEnd() : line;
    const prev = out[out.length - 1];
    const cont = /^\s*\/\/\s{2,}(\S.*)$/.exec(l);
    if (prev !== undefined && cont !== null && /\/\/\s*=>/.test(prev)) out[out.length - 1] = `${prev} ${cont[1]}`;
    else out.push(l);
  }
  return out;
}

/** Code with its `// =>` results removed (a continued block runs the code above without re-checking it). */
function plainCode(code: string): string {
  return code
    .split("\n")
    .map((l) => l.replace(/\s*\/\/\s*(=>|throws\b).*$/, ""))
    .join("\n");
}

/**
 * An import specifier of a README block as the test resolves it: `riskcard` is the checkout's
 * `src/index`, `riskcard/<folder>` its `src/<folder>/index`; other specifiers are kept.
 */
export function resolveSpecifier(spec: string, srcDir: string): string {
  if (spec === "riskcard") return `${srcDir}/index`;
  const m = /^riskcard\/([a-z-]+)$/.exec(spec);
  return m === null ? spec : `${srcDir}/${m[1]}/index`;
}

/** The names an import declaration binds (`import { a, b as c } from`, `import * as d from`, `import e from`). */
export function importedNames(imports: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const imp of imports) {
    const head = /^import\s+(?:type\s+)?([\s\S]*?)\s+from\s/.exec(imp)?.[1] ?? "";
    for (const m of head.matchAll(/(?:^|[{,]\s*)(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?/g))
      out.add(m[2] ?? m[1]!);
    const ns = /\*\s+as\s+([A-Za-z_$][\w$]*)/.exec(head);
    if (ns !== null) out.add(ns[1]!);
  }
  return out;
}

/**
 * The source of the module that runs (or, for type-checking, declares) one README block: the block's
 * imports with riskcard specifiers resolved, then `checks[j]`, an async function of the scope that
 * destructures the free names the block uses, runs the code before check j and returns a thunk of check
 * j's expression, and `whole`, the same for the entire block. For type-checking (`typedBy`: name to the
 * module exporting its value), each free name is declared with the type of that export, or `any`.
 */
export function generateBlockModule(
  block: ReadmeBlock,
  srcDir: string,
  inScope: ReadonlySet<string>,
  typedBy?: ReadonlyMap<string, string>,
): string {
  const imports = block.imports.map((imp) =>
    imp.replace(
      /from\s+["']([^"']+)["']/,
      (_, spec: string) => `from ${JSON.stringify(resolveSpecifier(spec, srcDir))}`,
    ),
  );
  const bound = new Set([...declaredNames(block.code), ...importedNames(block.imports)]);
  const free = [...usedNames(block.code)].filter((n) => !bound.has(n) && !RESERVED.has(n)).sort();
  const header = `// Generated by test/docs/readme-examples.test.ts from README.md:${block.line}; do not edit.\n${imports.join("\n")}\n`;
  if (typedBy !== undefined) {
    const decls = free.map((n) => {
      const from = typedBy.get(n);
      return from === undefined
        ? `declare const ${n}: any;`
        : `declare const ${n}: typeof import(${JSON.stringify(from)}).${n};`;
    });
    return `${header}${decls.join("\n")}\nexport async function whole() {\n${block.code}\n}\n`;
  }
  const names = free.filter((n) => inScope.has(n));
  const pick = names.length === 0 ? "" : `const { ${names.join(", ")} } = scope;\n`;
  const checks = block.example.checks.map(
    (c) => `async (scope: any) => {\n${pick}${c.setup}\nreturn async () => (${c.expression});\n}`,
  );
  return `${header}export const checks = [\n${checks.join(",\n")}\n];\nexport async function whole(scope: any) {\n${pick}${block.code}\n}\n`;
}

/**
 * Type errors of generated type-checking modules under the repository's tsconfig (minus the unused and
 * implicit-return checks, which fragments cannot meet), as `file:line: message` (empty when none).
 */
export function typeErrors(paths: readonly string[], root: string): string[] {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noUnusedLocals: false,
    noUnusedParameters: false,
    noImplicitReturns: false,
    noEmit: true,
  };
  const program = ts.createProgram(paths, options);
  const out: string[] = [];
  for (const p of paths) {
    const sf = program.getSourceFile(p)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1;
      out.push(`${basename(p)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
  }
  return out;
}
