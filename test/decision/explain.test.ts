/**
 * Explanations (issue 16 item 6): messages in the locale chosen per call, and reasons that never
 * describe data the applicant does not have. Applicants are the SYNTHETIC fixture population and
 * hand-built ones; expected texts come from the message packs (data, written by hand), expected
 * codes from the cards' characteristics (which feature each reads).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import type { Decision } from "../../src/decision/types";
import { EN, ZH_CN } from "../../src/messages";
import type { Applicant } from "../../src/schema/applicant";
import { RiskcardError } from "../../src/schema/result";
import { thrown } from "../thrown";
import { POPULATION_AS_OF as asOf, adult, population } from "./helpers";

const root = join(import.meta.dirname, "..", "..");
const json = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));
const engine = createEngine();
const expertEngine = createEngine({ card: "expert" });

/** Every message of a decision with its code (reasons, guards, fraud hits, offer reasons). */
function messages(d: Decision): [string, string][] {
  return [
    ...d.reasons.map((r): [string, string] => [r.code, r.message]),
    ...d.guards.map((g): [string, string] => [g.passed ? `guard.${g.code}.passed` : `guard.${g.code}`, g.message]),
    ...d.fraud.hits.map((h): [string, string] => [h.reasonCode, h.message]),
    ...(d.offer?.reasons ?? []).map((r): [string, string] => [r.code, r.message]),
  ];
}
/** The decision as JSON with every message blanked. */
function withoutMessages(d: Decision): string {
  return JSON.stringify(d, (k, v) => (k === "message" ? "" : v));
}

describe("locale per call", () => {
  it("zh-CN: every message is the Chinese pack's text for its code; nothing else changes", () => {
    let declines = 0;
    for (const a of population().slice(0, 300)) {
      for (const e of [engine, expertEngine]) {
        const en = e.decide(a, { asOf });
        const zh = e.decide(a, { asOf, locale: "zh-CN" });
        expect(withoutMessages(zh)).toBe(withoutMessages(en));
        for (const [code, message] of messages(zh)) expect(message, code).toBe(ZH_CN[code]);
        for (const [code, message] of messages(en)) expect(message, code).toBe(EN[code]);
        if (zh.outcome === "decline") declines++;
      }
    }
    expect(declines).toBeGreaterThan(10);
  });

  it("explains an under-age decline in Chinese", () => {
    const a = adult();
    const minor: Applicant = { ...a, identity: { ...a.identity, birthDate: "2010-01-01" } };
    const d = engine.decide(minor, { asOf, locale: "zh-CN" });
    expect(d.outcome).toBe("decline");
    expect(d.reasons[0]).toEqual({
      code: "guard.age_18_or_over",
      message: "未满18周岁，不能申请借款",
      source: "guard",
    });
  });

  it("en is the default, and the same as no locale", () => {
    for (const a of population().slice(0, 50))
      expect(JSON.stringify(engine.decide(a, { asOf, locale: "en" }))).toBe(JSON.stringify(engine.decide(a, { asOf })));
  });

  it("rejects another locale at ['locale'] without echoing it", () => {
    const e = thrown(() => engine.decide(adult(), { asOf, locale: "fr-MARKER" as "en" }), RiskcardError);
    expect(e.issues).toEqual([{ code: "invalid_value", path: ["locale"], message: 'must be "en" or "zh-CN"' }]);
    expect(JSON.stringify(e.issues)).not.toContain("MARKER");
    const r = engine.safeDecide(adult(), { asOf, locale: "zh" as "en" });
    expect(r.ok).toBe(false);
  });
});

/** The reason codes of a card's characteristics that read a feature of a section (by the feature's name prefix). */
function codesReading(chars: { feature: string; reasonCode: string }[], prefix: string): Set<string> {
  return new Set(chars.filter((c) => c.feature.startsWith(prefix)).map((c) => c.reasonCode));
}
const statChars = json("models/scorecard.json").characteristics;
const expertChars = json("models/expert-card.json").categories.flatMap(
  (c: { characteristics: unknown[] }) => c.characteristics,
);

describe("reasons never describe data the applicant does not have", () => {
  it("no bureau report: NO_BUREAU, and no bureau-behaviour reason (both cards)", () => {
    const statBureau = codesReading(statChars, "bureau_");
    const expertBureau = codesReading(expertChars, "bureau_");
    // the characteristics named in the card files (read by hand): four on the statistical card
    expect([...statBureau].sort()).toEqual([
      "bureau_delinquencies",
      "bureau_history_months",
      "bureau_inquiries_12m",
      "bureau_utilisation",
    ]);
    let noBureau = 0;
    fc.assert(
      fc.property(fc.nat(population().length - 1), (i) => {
        const { bureau: _b, ...a } = population()[i]!;
        for (const [e, codes] of [
          [engine, statBureau],
          [expertEngine, expertBureau],
        ] as const) {
          const d = e.decide(a, { asOf });
          const credit = d.reasons.filter((r) => r.source === "credit").map((r) => r.code);
          for (const c of credit) expect(codes.has(c), c).toBe(false);
          if (credit.includes("NO_BUREAU")) noBureau++;
          expect(d.reasons.map((r) => r.message)).not.toContain("High use of available credit");
        }
      }),
      { numRuns: 150, seed: 16 },
    );
    expect(noBureau).toBeGreaterThan(100);
  });

  it("no payments: NO_PAYMENTS, and no reason about payment behaviour", () => {
    const payCodes = codesReading(statChars, "pay_");
    fc.assert(
      fc.property(fc.nat(population().length - 1), (i) => {
        const { payments: _p, ...a } = population()[i]!;
        const d = engine.decide(a, { asOf });
        for (const r of d.reasons) expect(payCodes.has(r.code), r.code).toBe(false);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it("the case of the issue: an applicant without a credit report is told so, not 'High use of available credit'", () => {
    const { bureau: _b, ...a } = adult();
    const d = engine.decide(a, { asOf });
    const codes = d.reasons.map((r) => r.code);
    expect(codes).toContain("NO_BUREAU");
    expect(codes).not.toContain("bureau_utilisation");
    const zh = engine.decide(a, { asOf, locale: "zh-CN" });
    expect(zh.reasons.find((r) => r.code === "NO_BUREAU")!.message).toBe("没有查到您的征信报告");
  });

  it("with the bureau present, the bureau characteristics keep their own codes", () => {
    // population()[0] has a report and loses points on bureau_history_months (recorded baseline, line 1)
    const d = engine.decide(population()[0]!, { asOf });
    expect(d.reasons.map((r) => r.code)).toContain("bureau_history_months");
  });
});
