/**
 * `riskcard psi` (issue 18 item 4): the stability index per column between two CSV files, checked
 * against hand calculations on SYNTHETIC files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GERMAN, cli, expectOneLine, tempDir } from "./helpers";

const dir = tempDir();
const e = join(dir, "expected.csv");
const a = join(dir, "actual.csv");
writeFileSync(e, "x,c,only_e\n1,a,1\n2,a,1\n3,b,1\n4,b,1\n");
writeFileSync(a, "x,c\n1,a\n1,b\n1,b\n4,b\n");

describe("riskcard psi", () => {
  it("numeric column over quantiles of the expected file, categorical per category (by hand)", async () => {
    const json = join(dir, "psi.json");
    const r = await cli(["psi", e, a, "--bins", "2", "--json", json]);
    expect(r.code).toBe(0);
    // x: break at the median 3 -> [-inf,3) expected 2/4, actual 3/4; [3,inf) 2/4 vs 1/4:
    //   (0.75 - 0.5) ln(0.75 / 0.5) + (0.25 - 0.5) ln(0.25 / 0.5) = 0.25 ln 1.5 + 0.25 ln 2 = ln(3) / 4
    // c: a 2/4 vs 1/4, b 2/4 vs 3/4: the same ln(3) / 4 = 0.274653...
    const out = JSON.parse(readFileSync(json, "utf8")) as { columns: { column: string; index: number }[] };
    expect(out.columns.map((c) => c.column)).toEqual(["x", "c"]);
    for (const c of out.columns) expect(c.index).toBeCloseTo(Math.log(3) / 4, 12);
    expect(r.out).toMatch(/^x\s+numeric\s+2\s+0\.2747\s+major shift$/m);
    expect(r.out).toMatch(/^c\s+categorical\s+2\s+0\.2747\s+major shift$/m);
  });
  it("the same file twice: every column 0; a missing column or bad --bins is one clear error", async () => {
    const r = await cli(["psi", GERMAN, GERMAN, "--columns", "age_in_years,housing"]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n").slice(1)).toEqual([
      expect.stringMatching(/^age_in_years\s+numeric\s+\d+\s+0\.0000\s+stable$/),
      expect.stringMatching(/^housing\s+categorical\s+3\s+0\.0000\s+stable$/),
    ]);
    const m = await cli(["psi", e, a, "--columns", "only_e"]);
    expect(m.code).toBe(1);
    expectOneLine(m.err);
    expect((await cli(["psi", e, a, "--bins", "1"])).code).toBe(2);
    expect((await cli(["psi", e])).code).toBe(2);
  });
});
