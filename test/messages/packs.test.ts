/**
 * The message packs hold a text, in both locales, for every code a stage can emit. The codes are
 * enumerated from the code's own closed lists (the limit and offer `REASONS`, `GUARD_CODES`, the
 * absent-data codes of sections and of features, the engine's own reasons) and from the shipped
 * artefacts (every reason code the two cards in models/ can report, every reason code of the shipped
 * rule set): adding a code to any of them without its texts fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ABSENT_FEATURE_CODES } from "../../src/decision/absent-data";
import { GUARD_CODES } from "../../src/decision/guards";
import { VELOCITY_UNAVAILABLE } from "../../src/decision/velocity-policy";
import { REASONS } from "../../src/limits/reasons";
import { ABSENT_SECTION_CODES, EN, LOCALES, MESSAGE_PACKS, ZH_CN, isLocale, messageFor } from "../../src/messages";

const root = join(import.meta.dirname, "..", "..");
const json = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));

interface Attr {
  readonly reasonCode?: string;
}
interface Char {
  readonly reasonCode: string;
  readonly attributes: readonly Attr[];
  readonly fallback: Attr;
}
/** Every reason code a card artefact can report, with the card's own message for it. */
function cardCodes(chars: readonly Char[], reasons: readonly { code: string; message: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const own = new Map(reasons.map((r) => [r.code, r.message]));
  const add = (c: string | undefined) => {
    if (c !== undefined) out.set(c, own.get(c) ?? c);
  };
  for (const ch of chars) {
    add(ch.reasonCode);
    add(ch.fallback.reasonCode);
    for (const a of ch.attributes) add(a.reasonCode);
  }
  for (const r of reasons) out.set(r.code, r.message);
  return out;
}

const statistical = json("models/scorecard.json");
const expert = json("models/expert-card.json");
const rules = json("models/fraud-rules.json");
const cardMessages = new Map([
  ...cardCodes(statistical.characteristics, statistical.reasons),
  ...cardCodes(
    expert.categories.flatMap((c: { characteristics: Char[] }) => c.characteristics),
    expert.reasons,
  ),
]);
const ruleMessages = new Map<string, string>(
  rules.rules.map((r: { reasonCode: string; message: string }) => [r.reasonCode, r.message]),
);

const ALL_CODES: readonly string[] = [
  ...Object.values(REASONS).map((r) => r.code),
  ...GUARD_CODES.flatMap((g) => [`guard.${g}`, `guard.${g}.passed`]),
  ...Object.values(ABSENT_SECTION_CODES),
  ...Object.values(ABSENT_FEATURE_CODES),
  VELOCITY_UNAVAILABLE,
  "credit.score_below_cutoff",
  ...cardMessages.keys(),
  ...ruleMessages.keys(),
  ...expert.categories.map((c: { name: string }) => `category.${c.name}`),
  "category.base",
];

describe("message packs", () => {
  it("have a text for every code in both locales", () => {
    expect(ALL_CODES.length).toBeGreaterThan(90);
    for (const locale of LOCALES) {
      const missing = ALL_CODES.filter((c) => !Object.hasOwn(MESSAGE_PACKS[locale], c));
      expect(missing, locale).toEqual([]);
    }
  });

  it("have the same keys in both locales, and no empty text", () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
    for (const t of [...Object.values(EN), ...Object.values(ZH_CN)]) expect(t.trim().length).toBeGreaterThan(0);
  });

  it("English texts are the artefacts' own messages (so English decisions keep their texts)", () => {
    for (const [code, message] of cardMessages) expect(EN[code], code).toBe(message);
    for (const [code, message] of ruleMessages) expect(EN[code], code).toBe(message);
    for (const r of Object.values(REASONS)) expect(r.message).toBe(EN[r.code]);
  });

  it("Chinese texts are written in Chinese: Han characters, no English words left in them", () => {
    for (const [code, text] of Object.entries(ZH_CN)) {
      expect(/[\u4e00-\u9fff]/.test(text), code).toBe(true);
      // Digits (18), and nothing in Latin letters: an untranslated word or a placeholder would show here.
      expect(/[A-Za-z]/.test(text), code).toBe(false);
    }
  });

  it("messageFor falls back to the given text, or the code, for a code no pack knows", () => {
    expect(messageFor("NO_BUREAU", "zh-CN")).toBe("没有查到您的征信报告");
    expect(messageFor("MY_CARD_CODE", "zh-CN", "My own message")).toBe("My own message");
    expect(messageFor("MY_CARD_CODE", "en")).toBe("MY_CARD_CODE");
    // inherited keys are not texts
    expect(messageFor("toString", "en")).toBe("toString");
  });

  it("isLocale accepts exactly the two locales", () => {
    expect(["en", "zh-CN", "zh-cn", "zh", "", undefined, null].map(isLocale)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
