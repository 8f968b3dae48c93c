/**
 * `riskcard score --workers 2` on inputs of several 1 MiB read chunks: the main thread reads into
 * buffers the workers hand back, carries partial lines from one chunk to the next and grows a buffer
 * for a line longer than itself. The output must be byte for byte the single-thread output, with
 * error records carrying the right line numbers across chunk boundaries.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_LINE } from "../../src/cli/score-line";
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

  it("stops with one clear error line on a line longer than 16 MiB in the worker path", async () => {
    const path = join(dir, "huge.jsonl");
    writeFileSync(path, `${applicants[0]}\n${"z".repeat(4 * MAX_LINE + 1)}\n`);
    const r = await cli(["score", path, "--as-of", "2026-06-30", "--out", join(dir, "huge.out"), "--workers", "2"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`riskcard score: line 2 is longer than ${4 * MAX_LINE} bytes: is this a JSONL file?\n`);
  });
});
