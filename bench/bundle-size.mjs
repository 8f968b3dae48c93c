// Bundle sizes of the main entry points, as a consumer's bundler sees the built package: each case is
// `export { names } from "riskcard/..."` bundled by esbuild (ESM, minified, platform node), with the
// bytes per package read from esbuild's metafile. Fails (exit 1) when a case is over its byte limit or
// when the core (createEngine, parseApplicant) pulls in a package it must not (ml-matrix, csv-parse).
//
//   node bench/bundle-size.mjs [--from DIR]
//
// DIR is a folder whose node_modules/riskcard is the package to measure (.ci/run passes the consumer
// folder where it installed the packed tarball). Without --from, it measures this checkout's dist/
// (run `npm run build` first) through a temporary folder that links to it.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * The cases and their limits in bytes (minified). Most of each figure is zod (about 454 KB when a
 * schema is used at all); the limits sit about 5% above the figures recorded in the README, so that a
 * new import path dragging in more code fails here instead of growing silently.
 */
const CASES = [
  { names: "createEngine, parseApplicant", from: "riskcard", limit: 712_000, core: true },
  { names: "createEngine", from: "riskcard", limit: 712_000, core: true },
  { names: "parseApplicant", from: "riskcard", limit: 500_000, core: true },
  { names: "extractFeatures", from: "riskcard/features", limit: 530_000 },
  { names: "compileRules", from: "riskcard/fraud", limit: 530_000 },
  { names: "makeOffer", from: "riskcard/limits", limit: 520_000 },
  { names: "pdoScaling", from: "riskcard/scorecard", limit: 490_000 },
  { names: "fitLogistic", from: "riskcard/logistic", limit: 85_000 },
  { names: "auc", from: "riskcard/metrics", limit: 10_000 },
  { names: "trainScorecard", from: "riskcard/scorecard", limit: 620_000 },
];
/** Packages the core must never bundle (training and CSV code). */
const FORBIDDEN_IN_CORE = ["ml-matrix", "csv-parse"];

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fromIndex = process.argv.indexOf("--from");
let consumer;
let cleanup = () => {};
if (fromIndex >= 0) consumer = resolve(process.argv[fromIndex + 1] ?? ".");
else {
  consumer = mkdtempSync(join(tmpdir(), "riskcard-bundle-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(repo, join(consumer, "node_modules", "riskcard"), "dir");
  cleanup = () => rmSync(consumer, { recursive: true, force: true });
}

/** The package a bundled input file belongs to ("riskcard" for the package's own files). */
function packageOf(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  return m === null || m[1] === "riskcard" ? "riskcard" : m[1];
}

let failed = false;
const rows = [];
try {
  for (const c of CASES) {
    const r = await build({
      stdin: { contents: `export { ${c.names} } from "${c.from}";`, resolveDir: consumer, loader: "js" },
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      logLevel: "silent",
      preserveSymlinks: false,
    });
    const out = Object.values(r.metafile.outputs)[0];
    const byPackage = new Map();
    for (const [file, info] of Object.entries(out.inputs)) {
      if (info.bytesInOutput === 0) continue;
      const p = packageOf(file.startsWith(repo) ? `node_modules/riskcard/${file}` : file);
      byPackage.set(p, (byPackage.get(p) ?? 0) + info.bytesInOutput);
    }
    const parts = [...byPackage].sort((a, b) => b[1] - a[1]).map(([p, b]) => `${p} ${(b / 1000).toFixed(1)} KB`);
    const problems = [];
    if (out.bytes > c.limit) problems.push(`over its limit of ${c.limit} bytes`);
    if (c.core) for (const p of FORBIDDEN_IN_CORE) if (byPackage.has(p)) problems.push(`pulls in ${p}`);
    if (problems.length > 0) failed = true;
    rows.push(
      `| \`${c.names}\` from \`${c.from}\` | ${out.bytes.toLocaleString("en-US")} | ${c.limit.toLocaleString("en-US")} | ${parts.join(", ")}${problems.length > 0 ? ` **${problems.join("; ")}**` : ""} |`,
    );
  }
} finally {
  cleanup();
}
console.log("| import | bytes (minified) | limit | by package |");
console.log("|---|---:|---:|---|");
for (const r of rows) console.log(r);
if (failed) {
  console.error("bundle-size: a case is over its limit or pulls in a forbidden package (see the table)");
  process.exit(1);
}
