import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneLine, GERMAN, repoRoot } from "./helpers";

describe("riskcard command line", () => {
  it("prints help for the program and each subcommand (exit 0)", async () => {
    const main = await cli(["--help"]);
    expect(main.code).toBe(0);
    expect(main.out).toContain("Exit codes");
    for (const c of ["train", "score", "report", "validate"]) {
      const r = await cli([c, "--help"]);
      expect(r.code, c).toBe(0);
      expect(r.out.startsWith(`Usage: riskcard ${c}`)).toBe(true);
      expect(r.out).toContain("Exit codes");
    }
  });

  it("usage errors: no command, unknown command, unknown option, missing option value (exit 2, one line)", async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    const unknown = await cli(["fly"]);
    expect(unknown.code).toBe(2);
    expectOneLine(unknown.err);
    const opt = await cli(["validate", "x.json", "--frobnicate"]);
    expect(opt.code).toBe(2);
    expect(opt.err).toBe("riskcard validate: unknown option --frobnicate\n");
    const noValue = await cli(["train", GERMAN, "--target"]);
    expect(noValue.code).toBe(2);
    expectOneLine(noValue.err);
  });

  it("runs as a process (tsx) with the documented exit codes and no stack trace", () => {
    const main = join(repoRoot, "src/cli/main.ts");
    const ok = spawnSync(
      process.execPath,
      ["--import", "tsx", main, "validate", join(repoRoot, "models/policy.json")],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("valid riskcard.policy");
    const bad = spawnSync(
      process.execPath,
      ["--import", "tsx", main, "report", "nope.json", GERMAN, "--out", "x.html"],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("riskcard report: nope.json: file not found or unreadable\n");
    const usage = spawnSync(process.execPath, ["--import", "tsx", main, "score"], { cwd: repoRoot, encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
