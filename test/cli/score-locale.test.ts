/**
 * `riskcard score --locale`: with zh-CN every reason of every decision is worded by the Chinese message
 * pack (`messageFor(code, "zh-CN")`), in one thread and in workers alike; a locale the library does not
 * have is one usage error naming the locales, without echoing the value given.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messageFor } from "../../src/messages";
import { APPLICANTS, cli, expectOneLine, tempDir } from "./helpers";

const dir = tempDir();
const input = join(dir, "in.jsonl");
writeFileSync(
  input,
  `${readFileSync(APPLICANTS, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(0, 80)
    .join("\n")}\n`,
);

interface Reason {
  readonly code: string;
  readonly message: string;
}

async function reasonsOf(extra: string[]): Promise<{ text: string; reasons: Reason[] }> {
  const out = join(dir, `out-${extra.join("-")}.jsonl`);
  const r = await cli(["score", input, "--as-of", "2026-06-30", "--out", out, ...extra]);
  expect(r.code).toBe(0);
  const text = readFileSync(out, "utf8");
  const reasons = text
    .trimEnd()
    .split("\n")
    .flatMap((l) => (JSON.parse(l) as { reasons: Reason[] }).reasons);
  return { text, reasons };
}

describe("riskcard score --locale", () => {
  it("words every reason with the zh-CN message pack", async () => {
    const { reasons } = await reasonsOf(["--locale", "zh-CN"]);
    expect(reasons.length).toBeGreaterThan(20);
    for (const r of reasons) {
      expect(r.message).toBe(messageFor(r.code, "zh-CN"));
      // a Chinese message has at least one CJK character (the pack is not English)
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("en is the default, and workers write the same bytes as one thread", async () => {
    const en = await reasonsOf([]);
    for (const r of en.reasons) expect(r.message).toBe(messageFor(r.code, "en"));
    expect((await reasonsOf(["--locale", "en"])).text).toBe(en.text);
    const zh = await reasonsOf(["--locale", "zh-CN"]);
    expect((await reasonsOf(["--locale", "zh-CN", "--workers", "2"])).text).toBe(zh.text);
  });

  it("rejects an unknown locale with one usage error listing the locales", async () => {
    const r = await cli(["score", input, "--as-of", "2026-06-30", "--locale", "fr-XYZ"]);
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toContain("en, zh-CN");
    expect(r.err).not.toContain("fr-XYZ");
    expect(r.out).toBe("");
  });
});
