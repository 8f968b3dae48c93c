/**
 * Messages that say what is wrong (issue 11 item 17): a binary file is "not a text CSV", a file in
 * another encoding "not UTF-8", a semicolon (or tab) file names its delimiter and `--delimiter`,
 * which `train` and `report` accept; the separation error's advice (an L2 penalty) is an option of
 * `train` (`--l2`), as is the correlation threshold the collinearity error names.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadScorecard } from "../../src/scorecard";
import { GERMAN, cli, expectOneLine, tempDir } from "./helpers";

const dir = tempDir();
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const train = (data: string, ...rest: string[]) =>
  cli(["train", data, "--target", "creditability", "--out", join(dir, "m.json"), "--date", "2026-01-02", ...rest]);

describe("riskcard train and report name the real problem with a file", () => {
  it("a binary file is not a text CSV (not a missing target column)", async () => {
    // A PNG signature and header chunk: NUL bytes in the first bytes.
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const r = await train(file("picture.csv", png));
    expect(r.code).toBe(1);
    expect(r.err).toBe("riskcard train: picture.csv: not a text CSV file (it holds binary data)\n");
  });

  it("a GBK file is not UTF-8 text", async () => {
    // "姓名,creditability\n张三,good\n" in GBK: 姓 D0D5, 名 C3FB, 张 D5C5, 三 C8FD.
    const gbk = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]),
      Buffer.from(",creditability\n"),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(",good\n"),
    ]);
    const r = await train(file("gbk.csv", gbk));
    expect(r.code).toBe(1);
    expect(r.err).toBe("riskcard train: gbk.csv: not UTF-8 text (save the CSV as UTF-8, e.g. from GBK or Latin-1)\n");
  });

  it("a semicolon file (quoted, decimal commas) names the delimiter instead of a quote error", async () => {
    const semi = file("semi.csv", '"a";"b";"creditability"\n"1,5";"2";"good"\n"2,5";"3";"bad"\n');
    const r = await train(semi);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `riskcard train: semi.csv: the header has no "," but 2 semicolons: it looks semicolon-separated; pass --delimiter ';'\n`,
    );
    const tab = await train(file("tab.tsv", "a\tb\tcreditability\n1\t2\tgood\n"));
    expect(tab.err).toBe(
      `riskcard train: tab.tsv: the header has no "," but 2 tabs: it looks tab-separated; pass --delimiter tab\n`,
    );
  });

  it("--delimiter ';' reads the German credit file saved with semicolons into the same model, byte for byte", async () => {
    // Re-written with csv-parse's reader (independent of the CLI's), fields joined by ";" (quoted
    // only when they hold a quote or a ";"), under the same file name so the models can be equal.
    const table = parse(readFileSync(GERMAN), { bom: true }) as string[][];
    const cell = (c: string): string => (/[";\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    mkdirSync(join(dir, "semi"), { recursive: true });
    const semi = join(dir, "semi", "german_credit.csv");
    writeFileSync(semi, `${table.map((r) => r.map(cell).join(";")).join("\n")}\n`);
    const comma = join(dir, "comma.json");
    const semicolon = join(dir, "semicolon.json");
    const a = await cli(["train", GERMAN, "--target", "creditability", "--out", comma, "--date", "2026-01-02"]);
    const b = await cli([
      "train",
      semi,
      "--target",
      "creditability",
      "--out",
      semicolon,
      "--date",
      "2026-01-02",
      "--delimiter",
      ";",
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readFileSync(semicolon, "utf8")).toBe(readFileSync(comma, "utf8"));
    const rep = await cli(["report", semicolon, semi, "--out", join(dir, "r.html"), "--delimiter", ";"]);
    expect(rep.code).toBe(0);
    const noDelim = await cli(["report", semicolon, semi, "--out", join(dir, "r.html")]);
    expect(noDelim.code).toBe(1);
    expect(noDelim.err).toContain("pass --delimiter ';'");
  });

  it("rejects a --delimiter that is not one character (exit 2, one line)", async () => {
    for (const d of ["", ";;", '"', "\n"]) {
      const r = await train(GERMAN, `--delimiter=${d}`);
      expect(r.code, JSON.stringify(d)).toBe(2);
      expectOneLine(r.err);
    }
  });
});

describe("riskcard train options named by the fit's errors", () => {
  // x separates y perfectly (y = 1 exactly when x > 100): WoE bins [< 101) and [101, +inf) hold one
  // class each, so an unpenalized logistic fit has no finite optimum; an L2 penalty has one.
  const rows = ["x,creditability"];
  for (let i = 1; i <= 200; i++) rows.push(`${i},${i > 100 ? "bad" : "good"}`);
  const sep = file("separated.csv", `${rows.join("\n")}\n`);

  it("a separated file fails with advice to pass --l2, and --l2 1 trains it", async () => {
    const r = await train(sep);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/separated.*pass --l2 \(e\.g\. --l2 1\)/);
    const ok = await train(sep, "--l2", "1");
    expect(ok.code).toBe(0);
    const m = loadScorecard(readFileSync(join(dir, "m.json"), "utf8"));
    expect(m.ok && m.value.characteristics.length).toBe(1);
    expect((await train(sep, "--l2=-1")).code).toBe(2);
  });

  it("--max-correlation 0 keeps only the strongest variable (every other WoE column correlates with it)", async () => {
    const r = await train(GERMAN, "--max-correlation", "0");
    expect(r.code).toBe(0);
    const m = loadScorecard(readFileSync(join(dir, "m.json"), "utf8"));
    expect(m.ok && m.value.characteristics.map((c) => c.feature)).toEqual(["status_of_existing_checking_account"]);
  });
});
