import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inferKind, numericColumn, targetLabels } from "../../src/cli/columns";
import { isMissingCell, parseNumberCell, readCsv } from "../../src/cli/csv";
import { CliError } from "../../src/cli/errors";
import { GERMAN, readRecords, tempDir } from "./helpers";
import { itWithData } from "../real-data";

const dir = tempDir();
function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function dataError(p: Promise<unknown> | (() => unknown)): Promise<CliError> {
  try {
    if (typeof p === "function") p();
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error("expected a CliError");
}

describe("readCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and every line ending", async () => {
    const rows = 'a,b,c\r\n1,"x, y",3\r2,"say ""hi""",4\n3,"two\nlines",5\n';
    const t = await readCsv(file("q.csv", rows));
    expect(t.header).toEqual(["a", "b", "c"]);
    expect(t.rows).toBe(3);
    expect(t.columns[1]).toEqual(["x, y", 'say "hi"', "two\nlines"]);
    expect(t.columns[2]).toEqual(["3", "4", "5"]);
  });

  it("strips a UTF-8 byte-order mark, trims cells and skips blank lines", async () => {
    const t = await readCsv(
      file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("x, y\n 1 ,2\n\n3,4\n")])),
    );
    expect(t.header).toEqual(["x", "y"]);
    expect(t.columns[0]).toEqual(["1", "3"]);
  });

  it("reads the German credit fixture exactly as csv-parse/sync does (1,000 rows, CRLF, quoted commas)", async () => {
    const t = await readCsv(GERMAN);
    const ref = readRecords(GERMAN);
    expect(t.rows).toBe(1000);
    expect(ref.length).toBe(1000);
    t.header.forEach((h, j) => {
      expect(t.columns[j]).toEqual(ref.map((r) => r[h]));
    });
  });

  itWithData(
    "reads Give Me Some Credit: unnamed index column, hyphenated names, NA",
    ["give_me_some_credit.csv"],
    async (p) => {
      const t = await readCsv(p);
      expect(t.rows).toBe(150000);
      expect(t.header[0]).toBe("");
      expect(t.header).toContain("NumberOfTime30-59DaysPastDueNotWorse");
      // shared/datasets/README.md: MonthlyIncome is NA in 29,731 rows, NumberOfDependents in 3,924
      expect(numericColumn(t, "MonthlyIncome").filter((v) => v === null).length).toBe(29731);
      expect(numericColumn(t, "NumberOfDependents").filter((v) => v === null).length).toBe(3924);
      expect(targetLabels(t, "SeriousDlqin2yrs").labels.reduce((a, b) => a + b, 0)).toBe(10026);
    },
  );

  it("reports malformed files with the file and line, never a cell value", async () => {
    const e1 = await dataError(readCsv(file("ragged.csv", "a,b\n1,2\n3,SECRET,4\n")));
    expect(e1.message).toBe("ragged.csv line 3: 3 fields where the header has 2");
    const e2 = await dataError(readCsv(file("open.csv", 'a,b\n1,"SECRET\n')));
    expect(e2.message).toMatch(/^open\.csv: a quoted field opened near line \d+ is never closed$/);
    const e3 = await dataError(readCsv(join(dir, "nope.csv")));
    expect(e3.message).toBe("nope.csv: file not found");
    const e4 = await dataError(readCsv(file("empty.csv", "")));
    expect(e4.message).toContain("empty");
    const e5 = await dataError(readCsv(file("dup.csv", "a,a\n1,2\n")));
    expect(e5.message).toBe('dup.csv: column "a" appears twice in the header');
    const e6 = await dataError(readCsv(file("head.csv", "a,b\n")));
    expect(e6.message).toBe("head.csv: no data rows after the header");
    for (const e of [e1, e2, e3, e4, e5, e6]) expect(e.message).not.toContain("SECRET");
  });
});

describe("cells and columns", () => {
  it("treats empty and NA as missing, and only decimal numbers as numbers", () => {
    expect(["", "NA"].map(isMissingCell)).toEqual([true, true]);
    expect(["na", "0", "N/A"].map(isMissingCell)).toEqual([false, false, false]);
    expect(["12", "-0.5", "1e3", ".5", "+2"].map(parseNumberCell)).toEqual([12, -0.5, 1000, 0.5, 2]);
    for (const s of ["1,000", "abc", "Infinity", "0x10", "1e999", " "]) expect(parseNumberCell(s)).toBeNaN();
  });

  it("infers numeric and categorical columns and rejects a stray text cell in a numeric column", async () => {
    const t = await readCsv(file("k.csv", "n,c,m\n1,a,1\n2,b,2\nNA,c,SECRET\n,d,4\n"));
    expect(inferKind(t, "n")).toBe("numeric");
    expect(inferKind(t, "c")).toBe("categorical");
    const e = await dataError(() => inferKind(t, "m"));
    expect(e.message).toBe(
      'k.csv line 4: column "m" is numeric but holds a non-numeric value (pass --categorical m if the column is categorical)',
    );
    expect(numericColumn(t, "n")).toEqual([1, 2, null, null]);
  });

  it("turns the target into labels and rejects bad targets", async () => {
    const t = await readCsv(file("t.csv", "y,z,w,v\ngood,1,a,1\nbad,0,b,\ngood,1,c,0\n"));
    expect(Array.from(targetLabels(t, "y").labels)).toEqual([0, 1, 0]);
    expect(Array.from(targetLabels(t, "z").labels)).toEqual([1, 0, 1]);
    expect(Array.from(targetLabels(t, "z", "0").labels)).toEqual([0, 1, 0]);
    expect((await dataError(() => targetLabels(t, "w"))).message).toContain("more than two distinct values");
    expect((await dataError(() => targetLabels(t, "v"))).message).toBe('t.csv line 3: the target "v" is missing');
    expect((await dataError(() => targetLabels(t, "nope"))).message).toBe(
      't.csv: target column "nope" is not in the header',
    );
    expect((await dataError(() => targetLabels(t, "y", "SECRET"))).message).not.toContain("SECRET");
  });
});
