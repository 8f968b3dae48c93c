/**
 * `riskcard score`: each output line equals `createEngine().decide` on the same applicant, in
 * input order; invalid lines give error records and do not stop the run; workers give the same
 * bytes as one thread.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAsOf } from "../../src/cli/score-line";
import { createEngine } from "../../src/decision/engine";
import { APPLICANTS, cli, expectOneLine, tempDir } from "./helpers";

const dir = tempDir();
const lines = readFileSync(APPLICANTS, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const first = lines.slice(0, 60);
const input = join(dir, "in.jsonl");
writeFileSync(input, `${first.join("\n")}\n`);
const engine = createEngine();
const AS_OF = Date.UTC(2026, 5, 30);

function readOut(path: string): unknown[] {
  return readFileSync(path, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
}

describe("riskcard score", () => {
  it("writes one decision per line, equal to engine.decide with --as-of", async () => {
    const out = join(dir, "out.jsonl");
    const r = await cli(["score", input, "--as-of", "2026-06-30", "--out", out]);
    expect(r.code).toBe(0);
    const got = readOut(out);
    expect(got.length).toBe(first.length);
    got.forEach((d, i) => {
      expect(d).toEqual(JSON.parse(JSON.stringify(engine.decide(JSON.parse(first[i]!), { asOf: AS_OF }))));
    });
    expect(r.err).toMatch(
      /^riskcard score: 60 lines, 60 decisions, 0 error records in \d+\.\d\d s \([\d,]+ applications\/s, 1 worker\)\n$/,
    );
    expect(r.out).toBe("");
  });

  it("without --as-of decides each line as of its application.appliedAt", async () => {
    const out = join(dir, "applied.jsonl");
    expect((await cli(["score", input, "--out", out])).code).toBe(0);
    readOut(out).forEach((d, i) => {
      const a = JSON.parse(first[i]!) as { application: { appliedAt: number } };
      expect(d).toEqual(JSON.parse(JSON.stringify(engine.decide(a, { asOf: a.application.appliedAt }))));
    });
  });

  it("writes to stdout without --out", async () => {
    const r = await cli(["score", input, "--as-of", String(AS_OF)]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n").length).toBe(60);
  });

  it("turns invalid lines into error records with the line number and goes on (exit 1)", async () => {
    const a = JSON.parse(first[0]!) as Record<string, unknown>;
    const noTime = { ...a, application: undefined };
    const bad = [
      first[0],
      "not json {SECRET",
      "",
      JSON.stringify({ id: "x" }),
      JSON.stringify(noTime),
      `${first[1]}\r`,
      "[1,2]",
    ];
    const p = join(dir, "bad.jsonl");
    writeFileSync(p, bad.join("\n"));
    const out = join(dir, "bad.out.jsonl");
    const r = await cli(["score", p, "--out", out]);
    expect(r.code).toBe(1);
    const got = readOut(out) as Record<string, unknown>[];
    expect(got.length).toBe(6); // the blank line 3 is skipped
    expect(got[0]).toHaveProperty("outcome");
    expect(got[1]).toEqual({
      line: 2,
      error: { issues: [{ code: "invalid_format", path: [], message: "line is not valid JSON" }] },
    });
    expect(got[2]).toMatchObject({
      line: 4,
      error: { issues: [{ code: "missing", path: ["application", "appliedAt"] }] },
    });
    expect(got[3]).toMatchObject({
      line: 5,
      error: { issues: [{ code: "missing", path: ["application", "appliedAt"] }] },
    });
    expect(got[4]).toHaveProperty("outcome"); // CRLF line
    expect((got[5] as { line: number }).line).toBe(7);
    expect(readFileSync(out, "utf8")).not.toContain("SECRET");
    expect(r.err).toContain("6 lines, 2 decisions, 4 error records"); // non-blank lines
  });

  it("invalid applicants give the engine's issues (with --as-of)", async () => {
    const p = join(dir, "inv.jsonl");
    writeFileSync(p, `${JSON.stringify({ id: "x" })}\n`);
    const out = join(dir, "inv.out.jsonl");
    expect((await cli(["score", p, "--as-of", "2026-06-30", "--out", out])).code).toBe(1);
    const [rec] = readOut(out) as { line: number; error: { issues: { code: string }[] } }[];
    expect(rec!.line).toBe(1);
    expect(rec!.error.issues.map((i) => i.code)).toContain("missing");
  });

  it("gives the same bytes with 2 worker threads as with 1", async () => {
    const many = join(dir, "many.jsonl");
    writeFileSync(many, `${lines.slice(0, 300).join("\r\n")}\r\nnot json\n`);
    const o1 = join(dir, "w1.jsonl");
    const o2 = join(dir, "w2.jsonl");
    expect((await cli(["score", many, "--as-of", "2026-06-30", "--out", o1])).code).toBe(1);
    const r2 = await cli(["score", many, "--as-of", "2026-06-30", "--out", o2, "--workers", "2"]);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain("301 lines, 300 decisions, 1 error records");
    expect(r2.err).toContain("2 workers");
    expect(readFileSync(o2, "utf8")).toBe(readFileSync(o1, "utf8"));
  });

  it("draws a progress bar on stderr only when it is a terminal", async () => {
    const out = join(dir, "p.jsonl");
    const tty = await cli(["score", input, "--as-of", "2026-06-30", "--out", out], true);
    expect(tty.err).toContain("\r[");
    const pipe = await cli(["score", input, "--as-of", "2026-06-30", "--out", out], false);
    expect(pipe.err).not.toContain("\r");
  });

  it("rejects a bad engine configuration, a missing input and bad options", async () => {
    const cfg = join(dir, "cfg.json");
    writeFileSync(cfg, JSON.stringify({ reviewPd: 7 }));
    const r1 = await cli(["score", input, "--engine", cfg]);
    expect(r1.code).toBe(1);
    expectOneLine(r1.err);
    expect(r1.err).toContain("engine configuration: too_big at reviewPd"); // the one zod-issue mapper: a number over its maximum is too_big
    writeFileSync(cfg, "{");
    expect((await cli(["score", input, "--engine", cfg])).err).toBe("riskcard score: cfg.json: not valid JSON\n");
    const r3 = await cli(["score", join(dir, "nope.jsonl")]);
    expect(r3.code).toBe(1);
    expect(r3.err).toBe("riskcard score: nope.jsonl: file not found\n");
    expect((await cli(["score", input, "--workers", "0"])).code).toBe(2);
    expect((await cli(["score", input, "--as-of", "soon"])).code).toBe(2);
    expect((await cli(["score"])).code).toBe(2);
  });

  it("uses an engine configuration file", async () => {
    const cfg = join(dir, "cfg2.json");
    writeFileSync(cfg, JSON.stringify({ maxReasons: 1 }));
    const out = join(dir, "cfg.out.jsonl");
    expect((await cli(["score", input, "--engine", cfg, "--as-of", "2026-06-30", "--out", out])).code).toBe(0);
    const e1 = createEngine({ maxReasons: 1 });
    readOut(out).forEach((d, i) => {
      expect(d).toEqual(JSON.parse(JSON.stringify(e1.decide(JSON.parse(first[i]!), { asOf: AS_OF }))));
    });
  });
});

describe("parseAsOf", () => {
  it("reads epoch ms and ISO 8601 dates and UTC date-times, nothing else", () => {
    expect(parseAsOf("2026-06-30")).toBe(Date.UTC(2026, 5, 30));
    expect(parseAsOf("1782777600000")).toBe(Date.UTC(2026, 5, 30));
    expect(parseAsOf("2026-06-30T12:00:00Z")).toBe(Date.UTC(2026, 5, 30, 12));
    expect(parseAsOf("2026-06-30T12:00:00+08:00")).toBe(Date.UTC(2026, 5, 30, 4));
    for (const s of ["2026-06-30T12:00:00", "soon", "", "2026-13-45", "-5", "1e12"]) expect(parseAsOf(s)).toBeNull();
  });
});
