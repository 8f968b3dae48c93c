import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateArtefact } from "../../src/cli/validate";
import { cli, expectOneLine, repoRoot, tempDir } from "./helpers";

const dir = tempDir();
const models = join(repoRoot, "models");
const read = (f: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(models, f), "utf8")) as Record<string, unknown>;
const file = (name: string, value: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof value === "string" ? value : JSON.stringify(value));
  return p;
};

describe("riskcard validate", () => {
  it("accepts the shipped expert card, fraud rules and policy (exit 0)", async () => {
    for (const [f, format] of [
      ["expert-card.json", "riskcard.expert-card"],
      ["fraud-rules.json", "riskcard.rules"],
      ["policy.json", "riskcard.policy"],
    ] as const) {
      const r = await cli(["validate", join(models, f)]);
      expect(r.code, f).toBe(0);
      expect(r.out).toMatch(new RegExp(`^${f.replace(".", "\\.")}: valid ${format.replace(".", "\\.")} \\(`));
    }
  });

  it("lists every issue of an invalid artefact and exits 1", async () => {
    const card = read("expert-card.json") as { categories: { weight: number }[] };
    card.categories[0]!.weight += 10;
    const r = await cli(["validate", file("weights.json", card)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^weights\.json: invalid riskcard\.expert-card: \d+ issues?\n {2}invalid_weights at categories: category weights sum to 110%; they must sum to 100%\n/,
    );
    const policy = read("policy.json");
    const r2 = await cli(["validate", file("policy.json", { ...policy, version: 2, extra: 1 })]);
    expect(r2.code).toBe(1);
    expect(r2.out).toContain("unsupported_version at version");
    const rules = read("fraud-rules.json") as { rules: Record<string, unknown>[] };
    rules.rules[0] = { ...rules.rules[0], action: "explode" };
    const r3 = await cli(["validate", file("rules.json", rules)]);
    expect(r3.code).toBe(1);
    expect(r3.out).toContain("rules.json: invalid riskcard.rules");
  });

  it("prints JSON with --json", async () => {
    const r = await cli(["validate", file("nofmt.json", { version: 1 }), "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      valid: false,
      format: null,
      issues: [
        {
          code: "missing",
          path: ["format"],
          message: "format must be riskcard.scorecard, riskcard.expert-card, riskcard.rules or riskcard.policy",
        },
      ],
    });
    expect(JSON.parse((await cli(["validate", join(models, "policy.json"), "--json"])).out)).toEqual({
      valid: true,
      format: "riskcard.policy",
      issues: [],
    });
  });

  it("rejects prototype-polluting keys and unknown formats", () => {
    const polluted = JSON.parse('{"format":"riskcard.scorecard","version":1,"__proto__":{"x":1}}');
    const v = validateArtefact(polluted);
    expect(v.valid).toBe(false);
    expect(v.issues.map((i) => i.code)).toContain("forbidden_key");
    expect(validateArtefact({ format: "riskcard.other" }).issues[0]!.code).toBe("unsupported_version");
    expect(validateArtefact([1, 2]).valid).toBe(false);
  });

  it("unreadable files give one line and exit 1; usage errors exit 2", async () => {
    const r1 = await cli(["validate", join(dir, "missing.json")]);
    expect(r1.code).toBe(1);
    expectOneLine(r1.err);
    expect(r1.err).toBe("riskcard validate: missing.json: file not found or unreadable\n");
    const r2 = await cli(["validate", file("broken.json", '{"format": SECRET')]);
    expect(r2.err).toBe("riskcard validate: broken.json: not valid JSON\n");
    expect((await cli(["validate"])).code).toBe(2);
    expect((await cli(["validate", "a.json", "b.csv", "c.csv"])).code).toBe(2);
  });
});
