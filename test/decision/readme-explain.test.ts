/**
 * The README section "Explanations in Chinese and English, and consent per purpose" stays true: its
 * worked decline (SYNTHETIC fixture applicant syn-00107) is decided again and compared with the text
 * block printed there, and the figures of its prose (hint, both breakdowns, dataUsed) are checked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import { improvementHints } from "../../src/decision/improvement-hints";
import { extractFeatures } from "../../src/features";
import { POPULATION_AS_OF as asOf, adult, population } from "./helpers";

const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("<!-- section:explain -->"), readme.indexOf("<!-- /section:explain -->"));
const applicant = population().find((a) => a.id === "syn-00107")!;

describe("README: explanations worked example", () => {
  it("prints the Chinese decline reasons shown", () => {
    const block = section.slice(section.indexOf("```text\n") + 8);
    const shown = block.slice(0, block.indexOf("```")).trim().split("\n");
    const d = createEngine().decide(applicant, { asOf, locale: "zh-CN" });
    expect(d.outcome).toBe("decline");
    expect(section).toContain(`score ${d.score}, PD ${Math.round(d.pd * 100) / 100}, band ${d.band}`);
    const lines = d.reasons.map((r) => `${r.message}${r.points === undefined ? "" : `（${r.points} 分）`}`);
    expect(lines).toEqual(shown);
  });

  it("the hint, the expert breakdown and dataUsed are as written", () => {
    const engine = createEngine();
    const h = improvementHints(engine.card, extractFeatures(applicant, { asOf }), { targetBand: "D" });
    expect(h.hints.map((x) => x.characteristic)).toEqual(["social_flagged_contact_share"]);
    expect(section).toContain(
      `+${h.hints[0]!.points} points, ${h.score} to ${h.scoreAfter}, band ${h.band} to ${h.bandAfter}`,
    );
    const x = createEngine({ card: "expert" }).decide(applicant, { asOf, locale: "zh-CN", explain: true });
    const prose = section.replace(/\s+/g, " ");
    for (const p of x.breakdown!)
      expect(prose).toContain(`${p.label} ${p.points}${p.weight === null ? "" : ` (${p.weight}%)`}`);
    expect(prose).toContain(`: ${x.score}.`);
    const y = engine.decide(applicant, { asOf, locale: "zh-CN", explain: true });
    const shown = y
      .breakdown!.map((p) => `${p.label} ${p.points}${p.weight === null ? "" : ` (${p.weight.toFixed(1)}%)`}`)
      .join(", ");
    expect(prose).toContain(`${shown}: ${y.score}.`);
    const d = engine.decide(
      { ...adult(), consent: { creditBureauQuery: true, purposes: { payments: true, device: true } } },
      { asOf },
    );
    expect(section).toContain(`.dataUsed; // => ${JSON.stringify(d.dataUsed).replace(/,/g, ", ")}`);
  });
});
