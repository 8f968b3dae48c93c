import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("the core stays light", () => {
  it("a bundle of createEngine and parseApplicant holds no XML parser, PMML or card-table code", async () => {
    const r = await build({
      stdin: {
        contents: 'export { createEngine, parseApplicant } from "./src/index";',
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.includes("src/scorecard/"))).toBe(true);
    expect(inputs.filter((f) => /saxes|xmlchars|src\/pmml\/|src\/interop\/|csv-parse/.test(f))).toEqual([]);
  });
});
