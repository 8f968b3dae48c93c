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

  it("a credit report without an open credit card with a limit: NO_CREDIT_LIMIT, not 'High use of available credit' nor NO_BUREAU", () => {
    const a = adult();
    const b = a.bureau!;
    // the hand-built applicant's one account, a credit card (limit 30,000 CNY, balance 3,000: utilisation 0.1), made a
    // consumer loan, then a credit card without a limit: either way there is no limit to measure utilisation against
    const loan: Applicant = { ...a, bureau: { ...b, accounts: [{ ...b.accounts[0]!, kind: "consumer_loan" }] } };
    const { limitFen: _l, ...noLimit } = b.accounts[0]!;
    const card: Applicant = { ...a, bureau: { ...b, accounts: [noLimit] } };
    const all = createEngine({ maxReasons: 20 });
    for (const x of [loan, card]) {
      const d = all.decide(x, { asOf });
      const codes = d.reasons.map((r) => r.code);
      expect(codes).not.toContain("bureau_utilisation");
      expect(codes).not.toContain("NO_BUREAU");
      // models/scorecard.json, bureau_utilisation: best bin 16 points, missing 0, so 16 points below its best
      expect(d.reasons.find((r) => r.code === "NO_CREDIT_LIMIT")).toEqual({
        code: "NO_CREDIT_LIMIT",
        message: "No open credit card with a limit on the credit report",
        source: "credit",
        points: 16,
      });
      expect(d.reasons.map((r) => r.message)).not.toContain("High use of available credit");
      const zh = all.decide(x, { asOf, locale: "zh-CN" });
      expect(zh.reasons.find((r) => r.code === "NO_CREDIT_LIMIT")!.message).toBe(
        "您的征信报告里没有带额度的在用信用卡",
      );
      // the expert card's missing attribute says NO_BUREAU in its file: with a report present it is NO_CREDIT_LIMIT too
      const e = createEngine({ card: "expert", maxReasons: 20 }).decide(x, { asOf });
      const expertCodes = e.reasons.map((r) => r.code);
      expect(expertCodes).toContain("NO_CREDIT_LIMIT");
      expect(expertCodes).not.toContain("NO_BUREAU");
      expect(expertCodes).not.toContain("DB_UTIL");
    }
    // with the card and its limit, utilisation is measured and in its best bin: no utilisation reason at all
    const withCard = all.decide(a, { asOf }).reasons.map((r) => r.code);
    expect(withCard).not.toContain("NO_CREDIT_LIMIT");
    expect(withCard).not.toContain("bureau_utilisation");
  });

  it("over the fixtures: NO_CREDIT_LIMIT exactly when the report has no open credit card with a limit (both cards)", () => {
    /** Read here from the applicant: an account of kind credit_card, opened by asOf, not closed by then, with a limit above 0. */
    const hasCardLimit = (a: Applicant): boolean =>
      a.bureau!.accounts.some(
        (x) =>
          x.kind === "credit_card" &&
          x.openedAt <= asOf &&
          (x.closedAt === undefined || x.closedAt > asOf) &&
          (x.limitFen ?? 0) > 0,
      );
    const engines = [createEngine({ maxReasons: 20 }), createEngine({ card: "expert", maxReasons: 20 })];
    let without = 0;
    for (const a of population()) {
      if (a.bureau === undefined) continue;
      const has = hasCardLimit(a);
      if (!has) without++;
      for (const e of engines) {
        const codes = e.decide(a, { asOf }).reasons.map((r) => r.code);
        expect(codes.includes("NO_CREDIT_LIMIT"), a.id).toBe(!has);
        expect(codes).not.toContain("NO_BUREAU");
        if (!has) for (const c of ["bureau_utilisation", "DB_UTIL"]) expect(codes, a.id).not.toContain(c);
      }
    }
    // 120 of the fixture applicants with a report have no such card (counted with the same reading, by a script)
    expect(without).toBe(120);
  });

  it("with the bureau present, the bureau characteristics keep their own codes", () => {
    // population()[0] has a report and loses points on bureau_history_months (recorded baseline, line 1)
    const d = engine.decide(population()[0]!, { asOf });
    expect(d.reasons.map((r) => r.code)).toContain("bureau_history_months");
  });
});
