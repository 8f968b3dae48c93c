/**
 * The package as it is published and first used: `npm pack` builds before packing, the files the
 * manifest points at are shipped, `npx riskcard` works in a checkout after `npm ci` (no build), the
 * runtime dependencies are exactly what the runtime imports, and the core (`createEngine`,
 * `parseApplicant`) does not load training, CSV or CLI code. `.ci/run` checks the packed tarball
 * itself (installs it, loads CJS and ESM, runs the bin, measures bundle sizes).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
interface Manifest {
  main: string;
  module: string;
  types: string;
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

/** Every string leaf of the exports map. */
function exportTargets(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (x !== null && typeof x === "object") return Object.values(x).flatMap(exportTargets);
  return [];
}

/** All files under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe("npm pack ships the code", () => {
  it("builds before packing (prepack), so a fresh clone never packs a tarball without dist/", () => {
    expect(pkg.scripts.prepack).toMatch(/\bnpm run build\b|\btsup\b/);
    expect(pkg.scripts.build).toMatch(/\btsup\b/);
  });

  it("ships every file the manifest points at (main, module, types, exports, bin)", () => {
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin), ...exportTargets(pkg.exports)];
    // npm always packs package.json itself; a files entry covers itself and what is under it
    for (const t of targets.filter((t) => t !== "./package.json")) {
      const path = t.replace(/^\.\//, "");
      expect(
        pkg.files.some((f) => path === f || path.startsWith(`${f}/`)),
        t,
      ).toBe(true);
    }
  });

  it("builds every dist file the exports map names (one tsup entry per subpath)", () => {
    const config = (Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig) as { entry: Record<string, string> };
    const built = new Set(
      Object.keys(config.entry).flatMap((e) => [
        `./dist/${e}.js`,
        `./dist/${e}.cjs`,
        `./dist/${e}.d.ts`,
        `./dist/${e}.d.cts`,
      ]),
    );
    for (const t of exportTargets(pkg.exports).filter((t) => t.startsWith("./dist/"))) expect(built, t).toContain(t);
  });
});

describe("npx riskcard in a checkout", () => {
  it("runs the bin with node, from the sources, with no build (what npx runs after npm ci)", () => {
    const bin = join(root, pkg.bin.riskcard!);
    const r = spawnSync(process.execPath, [bin, "--help"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("Usage: riskcard <command>")).toBe(true);
    // The bin is a plain script in the package (not a build output), so npx can link it before any build.
    expect(pkg.bin.riskcard!.startsWith("./dist/")).toBe(false);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });
});

/** Bare package names imported by the files of `src/` (type-only imports excluded). */
function importedPackages(): Set<string> {
  const out = new Set<string>();
  for (const f of walk(join(root, "src")).filter((f) => /\.(ts|mts|mjs|js)$/.test(f))) {
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith(".") || spec.startsWith("node:") || builtinModules.includes(spec)) continue;
      // tsx is a dev tool: the bin's from-sources path uses it
      // only in a checkout (the bin falls back to dist/ when tsx is absent)
      if (relative(root, f) === "src/cli/bin.js") continue;
      out.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return out;
}

describe("runtime dependencies are what the runtime imports", () => {
  it("every dependency is imported by src/, and every package src/ imports is a dependency or peer", () => {
    const imported = importedPackages();
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})]);
    // An optional peer (the Redis client) may be imported nowhere: riskcard/redis takes a client the user
    // created and only states which client versions it supports. Every runtime dependency must be imported.
    const optionalPeers = new Set(
      Object.entries(
        (pkg as { peerDependenciesMeta?: Record<string, { optional?: boolean }> }).peerDependenciesMeta ?? {},
      )
        .filter(([, m]) => m.optional === true)
        .map(([name]) => name),
    );
    expect([...declared].filter((d) => !imported.has(d) && !optionalPeers.has(d))).toEqual([]);
    expect([...imported].filter((d) => !declared.has(d))).toEqual([]);
  });
});

describe("the core stays light", () => {
  /** The source files and packages an entry's import graph reaches (no tree shaking: what Node loads). */
  async function reach(entry: string): Promise<string[]> {
    const r = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      treeShaking: false,
      logLevel: "silent",
    });
    return Object.keys(r.metafile.inputs);
  }

  it("the root entry (createEngine, parseApplicant) loads no training, CSV, logistic or CLI code", async () => {
    const files = await reach("src/index.ts");
    expect(files.some((f) => f.includes("src/decision/engine.ts"))).toBe(true);
    const forbidden = files.filter((f) =>
      /node_modules\/(ml-matrix|csv-parse)\/|src\/scorecard\/train\/|src\/logistic\/|src\/binning\/|src\/cli\//.test(f),
    );
    expect(forbidden).toEqual([]);
  });
});
