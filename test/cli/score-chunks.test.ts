/**
 * `riskcard score --workers 2` on inputs of several 1 MiB read chunks: the main thread reads into
 * buffers the workers hand back, carries partial lines from one chunk to the next and grows a buffer
 * for a line longer than itself. The output must be byte for byte the single-thread output, with
 * error records carrying the right line numbers across chunk boundaries.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_LINE, scoreLine } from "../../src/cli/score-line";
import { createEngine } from "../../src/decision/engine";
import { APPLICANTS, cli, tempDir } from "./helpers";

const dir = tempDir();
const applicants = readFileSync(APPLICANTS, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");

/** Scores `path` with 1 and with 2 workers; returns both outputs and the 2-worker run. */
async function both(path: string): Promise<{ one: string; two: string; err: string; code: number }> {
  const o1 = `${path}.w1.out`;
  const o2 = `${path}.w2.out`;
  const r1 = await cli(["score", path, "--as-of", "2026-06-30", "--out", o1]);
  const r2 = await cli(["score", path, "--as-of", "2026-06-30", "--out", o2, "--workers", "2"]);
  expect(r2.code).toBe(r1.code);
  return { one: readFileSync(o1, "utf8"), two: readFileSync(o2, "utf8"), err: r2.err, code: r2.code };
}

describe("riskcard score --workers 2 across read chunks", () => {
  it("matches one thread byte for byte on a multi-chunk file with CRLF, blank, invalid and over-long lines", async () => {
    // Line k (1-based) of the file; the expected error lines are worked out here, not by the code.
    const rows: string[] = [];
    const notJson: number[] = [];
    for (let i = 0; i < 420; i++) {
      if (i % 97 === 5) {
        rows.push("not json");
        notJson.push(rows.length);
      } else if (i % 61 === 7) rows.push("");
      else rows.push(applicants[i % applicants.length]! + (i % 3 === 0 ? "\r" : ""));
    }
    // A 2.5 MiB line (longer than one read chunk, shorter than MAX_LINE): a valid JSON non-applicant.
    rows.splice(200, 0, JSON.stringify({ pad: "x".repeat(5 << 19) }));
    const padLine = 201;
    for (let k = 0; k < notJson.length; k++) if (notJson[k]! > 200) notJson[k]! += 1;
    // A line longer than MAX_LINE characters: a "too long" error record in both paths.
    rows.splice(300, 0, "y".repeat(MAX_LINE + 10));
    const longLine = 301;
    for (let k = 0; k < notJson.length; k++) if (notJson[k]! > 300) notJson[k]! += 1;
    const path = join(dir, "chunks.jsonl");
    writeFileSync(path, rows.join("\n")); // no final line feed
    const { one, two, err, code } = await both(path);
    expect(code).toBe(1);
    expect(two).toBe(one);
    const records = two
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { line?: number; error?: { issues: { code: string }[] } });
    const blanks = rows.filter((r) => r === "").length;
    expect(records.length).toBe(rows.length - blanks);
    const errorLines = records.filter((r) => r.error !== undefined).map((r) => r.line);
    expect(errorLines).toEqual([...notJson, padLine, longLine].sort((a, b) => a - b));
    const long = records.find((r) => r.line === longLine)!;
    expect(long.error!.issues[0]!.code).toBe("too_big");
    const decisions = rows.length - blanks - notJson.length - 2;
    expect(err).toContain(`${rows.length - blanks} lines, ${decisions} decisions, ${notJson.length + 2} error records`);
  });

  it("matches one thread on a file of exactly whole chunks ending in a line feed, and on a one-line file", async () => {
    const many = join(dir, "many.jsonl");
    writeFileSync(many, `${Array.from({ length: 700 }, (_, i) => applicants[i % applicants.length]).join("\n")}\n`);
    const a = await both(many);
    expect(a.code).toBe(0);
    expect(a.two).toBe(a.one);
    expect(a.two.split("\n").length).toBe(701);
    const single = join(dir, "single.jsonl");
    writeFileSync(single, applicants[0]!);
    const b = await both(single);
    expect(b.code).toBe(0);
    expect(b.two).toBe(b.one);
    expect(b.two.split("\n").length).toBe(2);
  });

  it("writes one error record for a line longer than 16 MiB and goes on, in both paths", async () => {
    const path = join(dir, "huge.jsonl");
    writeFileSync(path, `${applicants[0]}\n${"z".repeat(4 * MAX_LINE + 1)}\n${applicants[1]}\n`);
    const r = await both(path);
    expect(r.code).toBe(1);
    expect(r.two).toBe(r.one);
    const records = r.two
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(records.map((x) => x.line ?? "decision")).toEqual(["decision", 2, "decision"]);
    expect(records[1].error.issues[0].code).toBe("too_big");
    expect(r.err).toContain("3 lines, 2 decisions, 1 error records");
  });

  it("drops a UTF-8 byte order mark at the start of the file (only there) in both paths", async () => {
    const path = join(dir, "bom.jsonl");
    // The BOM before line 1 is dropped; the one starting line 2 is a character of that line (not JSON).
    writeFileSync(path, `\uFEFF${applicants[0]}\n\uFEFF${applicants[1]}\n${applicants[2]}\n`);
    const r = await both(path);
    expect(r.two).toBe(r.one);
    const records = r.two
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(records.map((x) => x.line ?? "decision")).toEqual(["decision", 2, "decision"]);
    expect(records[1].error.issues[0].code).toBe("invalid_format");
  });

  it("accepts a CRLF line of exactly MAX_LINE characters (the CR is not part of the line) in both paths", async () => {
    const path = join(dir, "exact.jsonl");
    const head = '{"pad":"';
    const exact = `${head}${"x".repeat(MAX_LINE - head.length - 2)}"}`;
    expect(exact.length).toBe(MAX_LINE);
    writeFileSync(path, `${exact}\r\n${"y".repeat(MAX_LINE + 1)}\r\n`);
    const r = await both(path);
    expect(r.two).toBe(r.one);
    const records = r.two
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, any>);
    // Line 1 is read and parsed (valid JSON, not an applicant); line 2 is one character too long.
    expect(records[0].line).toBe(1);
    expect(records[0].error.issues[0].code).not.toBe("too_big");
    expect(records[1].line).toBe(2);
    expect(records[1].error.issues[0].code).toBe("too_big");
  });

  it("writes the same bytes with 1 and 2 workers as a naive whole-file reader, for generated files", async () => {
    const engine = createEngine();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const pieces = [
      fc.constantFrom(...applicants.slice(0, 20)).map((l) => Buffer.from(l)),
      fc.constant(Buffer.from("not json")),
      fc.constant(Buffer.from("   ")),
      fc.constant(Buffer.from("")),
      fc.constant(bom),
      fc.constant(Buffer.from("\r")),
      fc.constant(Buffer.from([0xff, 0xfe, 0xc3])), // invalid UTF-8
      fc.constant(Buffer.from('{"id":"\u5f20\u4e09 \ud83d\ude00"}')),
      fc.constant(Buffer.from("\u00e9\u4e2d")),
    ];
    const file = fc
      .array(fc.array(fc.oneof(...pieces), { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 12 })
      .chain((lines) =>
        fc.record({ lines: fc.constant(lines), crlf: fc.boolean(), finalLf: fc.boolean(), leadingBom: fc.boolean() }),
      )
      .map(({ lines, crlf, finalLf, leadingBom }) => {
        const end = Buffer.from(crlf ? "\r\n" : "\n");
        const parts = lines.flatMap((l, i) => (i < lines.length - 1 || finalLf ? [...l, end] : l));
        return Buffer.concat(leadingBom ? [bom, ...parts] : parts);
      });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        const path = join(dir, `gen-${run++}.jsonl`);
        writeFileSync(path, bytes);
        const expected = naiveScore(engine, readFileSync(path));
        const o1 = `${path}.w1.out`;
        await cli(["score", path, "--as-of", "2026-06-30", "--out", o1]);
        expect(readFileSync(o1, "utf8")).toBe(expected);
        if (run % 6 === 1) {
          const o2 = `${path}.w2.out`;
          await cli(["score", path, "--as-of", "2026-06-30", "--out", o2, "--workers", "2"]);
          expect(readFileSync(o2, "utf8")).toBe(expected);
        }
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});

/**
 * A naive reading of a JSONL file, written from the README's contract rather than from the CLI's
 * reader: decode the whole file as UTF-8 (a leading BOM dropped), split on LF, drop one CR ending a
 * line, skip blank lines, and decide each line alone (a line of more than MAX_LINE characters is a
 * "too_big" record).
 */
function naiveScore(engine: ReturnType<typeof createEngine>, bytes: Buffer): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  let out = "";
  text.split("\n").forEach((raw, i) => {
    const t = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (t.trim() !== "") out += `${scoreLine(engine, t, i + 1, Date.UTC(2026, 5, 30)).text}\n`;
  });
  return out;
}
