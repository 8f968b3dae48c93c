/**
 * The experiment assignment: HMAC-SHA256 checked against the published test vectors of RFC 4231
 * (section 4, test cases 1 and 2: the first 6 bytes of the digest, read big-endian, over 2^48), arm
 * shares within 1 percentage point of their targets on 100,000 ids, and the same id giving the same
 * arm in two separate Node processes.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createExperiment } from "../../src/decision/experiment";
import { armAt, assignmentPoint } from "../../src/strategy";

const root = join(import.meta.dirname, "..", "..");

describe("assignmentPoint", () => {
  it("is the first 48 bits of HMAC-SHA256(salt, id) over 2^48 (RFC 4231 test cases 1 and 2)", () => {
    // RFC 4231 4.2: key = 20 bytes of 0x0b, data = "Hi There",
    // HMAC-SHA-256 = b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
    expect(assignmentPoint("\x0b".repeat(20), "Hi There")).toBe(0xb0344c61d8db / 2 ** 48);
    // RFC 4231 4.3: key = "Jefe", data = "what do ya want for nothing?",
    // HMAC-SHA-256 = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
    expect(assignmentPoint("Jefe", "what do ya want for nothing?")).toBe(0x5bdcc146bf60 / 2 ** 48);
  });

  it("armAt: consecutive slices of the live shares, the champion (-1) the rest", () => {
    const cum = [0.1, 0.15];
    expect([0, 0.0999, 0.1, 0.1499, 0.15, 0.999].map((p) => armAt(p, cum))).toEqual([0, 0, 1, 1, -1, -1]);
    expect(armAt(0.5, [])).toBe(-1);
  });

  it("arm shares are within 1 percentage point of their targets on 100,000 ids", () => {
    const x = createExperiment({
      champion: {},
      challengers: [
        { id: "ten", config: { card: "expert" }, share: 0.1, mode: "live" },
        { id: "five", config: { reviewPd: 0.1 }, share: 0.05, mode: "live" },
        { id: "watch", config: { card: "expert" }, mode: "shadow" },
      ],
      salt: "riskcard-test-salt",
    });
    const n: Record<string, number> = { champion: 0, ten: 0, five: 0 };
    for (let i = 0; i < 100_000; i++) n[x.armOf(`app-${i}`)]!++;
    const targets = { champion: 0.85, ten: 0.1, five: 0.05 };
    for (const [arm, share] of Object.entries(targets))
      expect(Math.abs(n[arm]! / 100_000 - share), arm).toBeLessThan(0.01);
    expect(n.champion! + n.ten! + n.five!).toBe(100_000);
    expect(x.arms.map((a) => [a.id, a.mode, a.share])).toEqual([
      ["champion", "champion", 0.85],
      ["ten", "live", 0.1],
      ["five", "live", 0.05],
      ["watch", "shadow", 0],
    ]);
  });

  it("gives the same arm to the same id in two separate processes", () => {
    const script = `import { assignmentPoint, armAt } from ${JSON.stringify(join(root, "src/strategy/index.ts"))};
      const out = [];
      for (let i = 0; i < 2000; i++) out.push(armAt(assignmentPoint("process-salt", "id-" + i), [0.1, 0.3]));
      process.stdout.write(out.join(","));`;
    const runOnce = () => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: root,
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const a = runOnce();
    const b = runOnce();
    expect(a.split(",")).toHaveLength(2000);
    expect(b).toBe(a);
    const here = Array.from({ length: 2000 }, (_, i) => armAt(assignmentPoint("process-salt", `id-${i}`), [0.1, 0.3]));
    expect(a).toBe(here.join(","));
    // and a different salt reshuffles
    const other = Array.from({ length: 2000 }, (_, i) => armAt(assignmentPoint("other-salt", `id-${i}`), [0.1, 0.3]));
    expect(other.join(",")).not.toBe(a);
  });
});
