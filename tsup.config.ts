import { defineConfig } from "tsup";

/** One entry per domain folder; each becomes a subpath export (see package.json "exports"). */
export const domains = [
  "schema",
  "features",
  "binning",
  "logistic",
  "scorecard",
  "metrics",
  "boosting",
  "fraud",
  "limits",
  "pricing",
  "postloan",
  "decision",
  "redis",
  "pmml",
  "interop",
  "simulate",
  "strategy",
  "messages",
] as const;

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(domains.map((d) => [`${d}/index`, `src/${d}/index.ts`])),
    "cli/index": "src/cli/index.ts",
    "cli/main": "src/cli/main.ts",
  },
  format: ["esm", "cjs"],
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  clean: true,
  sourcemap: false,
  splitting: true,
  treeshake: true,
  target: "node20",
});
