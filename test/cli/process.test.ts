/**
 * The `riskcard` command as a process, started the way a user starts it (package.json "bin"): a closed
 * stdout ends the run quietly, and no option or input gives a stack trace (README: one line on
 * stderr, exit 1 for data errors, 2 for usage errors, 3 for internal errors).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GuardedProcess, guardProcess } from "../../src/cli/guard-process";
import { APPLICANTS, GERMAN, cli, expectOneLine, repoRoot, tempDir } from "./helpers";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> };
const bin = join(repoRoot, pkg.bin.riskcard!);
const dir = tempDir();

/**
 * Runs the bin; when `closeAfterFirstChunk`, destroys its stdout pipe as soon as some output arrived
 * (what `| head -1` does), so later writes fail with EPIPE.
 */
function runBin(args: string[], closeAfterFirstChunk = false): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    child.stdout.on("data", () => {
      if (closeAfterFirstChunk) child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, err }));
  });
}

describe("riskcard as a process", () => {
  it("ends quietly with exit code 0 when stdout is closed early (| head -1), with 1 and 2 workers", async () => {
    // Enough lines that the output cannot fit in the pipe before it is closed.
    const big = join(dir, "big.jsonl");
    const lines = readFileSync(APPLICANTS, "utf8").trimEnd();
    writeFileSync(big, `${Array.from({ length: 4 }, () => lines).join("\n")}\n`);
    for (const workers of ["1", "2"]) {
      const r = await runBin(["score", big, "--as-of", "2026-06-30", "--workers", workers], true);
      expect(r.err, `--workers ${workers}`).toBe("");
      expect(r.code, `--workers ${workers}`).toBe(0);
    }
  });

  it("names a directory given as --out in one line, exit code 1", async () => {
    const r = await runBin(["score", APPLICANTS, "--as-of", "2026-06-30", "--out", dir]);
    expect(r.code).toBe(1);
    expectOneLine(r.err);
    expect(r.err).toMatch(/cannot write the output file \(is a directory\)/);
  });
});

describe("no option or input gives a stack trace", () => {
  const sub = join(dir, "sub");
  mkdirSync(sub, { recursive: true });
  const binary = join(dir, "binary.dat");
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const empty = join(dir, "empty.csv");
  writeFileSync(empty, "");
  const missingFolder = join(dir, "no-such-folder", "x.out");
  const cases: string[][] = [
    ["score", APPLICANTS, "--as-of", "2026-06-30", "--out", sub],
    ["score", APPLICANTS, "--as-of", "2026-06-30", "--out", missingFolder],
    ["score", APPLICANTS, "--as-of", "2026-06-30", "--workers", "2", "--out", sub],
    ["score", sub, "--as-of", "2026-06-30"],
    ["score", binary, "--as-of", "2026-06-30", "--out", join(dir, "b.out")],
    ["score", APPLICANTS, "--engine", sub],
    ["score", APPLICANTS, "--engine", binary],
    ["score", APPLICANTS, "--as-of", "not-a-date"],
    ["score", APPLICANTS, "--workers", "0"],
    ["score", APPLICANTS, "--workers", "1e3"],
    ["train", GERMAN, "--target", "creditability", "--out", sub],
    ["train", GERMAN, "--target", "creditability", "--out", missingFolder],
    ["train", sub, "--target", "y", "--out", join(dir, "m.json")],
    ["train", binary, "--target", "y", "--out", join(dir, "m.json")],
    ["train", empty, "--target", "y", "--out", join(dir, "m.json")],
    ["train", GERMAN, "--target", "creditability", "--out", join(dir, "m.json"), "--delimiter", ""],
    ["train", GERMAN, "--target", "creditability", "--out", join(dir, "m.json"), "--l2=-1"],
    ["report", join(repoRoot, "models/scorecard.json"), GERMAN, "--out", sub],
    ["report", sub, GERMAN, "--out", join(dir, "r.html")],
    ["report", binary, binary, "--out", join(dir, "r.html")],
    ["validate", sub],
    ["validate", binary],
    ["validate", empty],
  ];
  it.each(cases.map((c) => [c.join(" ").replaceAll(dir, "$TMP").replaceAll(repoRoot, "."), c]))(
    "%s",
    async (_name, argv) => {
      const r = await cli(argv as string[]);
      expect([1, 2]).toContain(r.code);
      expectOneLine(r.err);
    },
  );
});

describe("guardProcess", () => {
  /** A stand-in process that records listeners, stderr and the exit code. */
  function fakeProcess() {
    const listeners = new Map<string, (e: unknown) => void>();
    let err = "";
    let exitCode: number | undefined;
    const proc: GuardedProcess = {
      stdout: { on: (ev, fn) => listeners.set(`stdout:${ev}`, fn as (e: unknown) => void) },
      stderr: {
        on: (ev, fn) => listeners.set(`stderr:${ev}`, fn as (e: unknown) => void),
        write: (t) => {
          err += t;
          return true;
        },
      },
      on: (ev, fn) => listeners.set(ev, fn),
      exit: ((code: number) => {
        exitCode ??= code;
        return undefined as never;
      }) as (code: number) => never,
    };
    guardProcess(proc);
    return { fire: (ev: string, e: unknown) => listeners.get(ev)!(e), err: () => err, code: () => exitCode };
  }
  const errno = (code: string): Error => Object.assign(new Error(`write ${code} secret-value`), { code });

  it("EPIPE on stdout: exit code 0, nothing on stderr", () => {
    const p = fakeProcess();
    p.fire("stdout:error", errno("EPIPE"));
    expect(p.code()).toBe(0);
    expect(p.err()).toBe("");
  });

  it("another stdout error: one line with its code, exit code 1", () => {
    const p = fakeProcess();
    p.fire("stdout:error", errno("ENOSPC"));
    expect(p.code()).toBe(1);
    expect(p.err()).toBe("riskcard: cannot write to standard output (ENOSPC)\n");
  });

  it("an uncaught exception or unhandled rejection: one line with the class name only, exit code 3", () => {
    for (const ev of ["uncaughtException", "unhandledRejection"]) {
      const p = fakeProcess();
      p.fire(ev, new RangeError("value 13800138000 out of range"));
      expect(p.code()).toBe(3);
      expect(p.err()).toBe("riskcard: internal error (RangeError); please report it\n");
    }
  });
});
