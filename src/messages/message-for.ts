import { EN } from "./en";
import type { Locale } from "./locales";
import { ZH_CN } from "./zh-cn";

/**
 * The message packs by locale: the one place every stage's codes are looked up in.
 * @example Object.keys(MESSAGE_PACKS) // => ["en", "zh-CN"]
 */
export const MESSAGE_PACKS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = Object.freeze({
  en: EN,
  "zh-CN": ZH_CN,
});

/**
 * The text of a code in a locale, or `fallback` when the pack has none (a code of a custom card
 * or rule set: its artefact's own message).
 * @param code a reason, guard (`guard.<code>`, `guard.<code>.passed`), fraud, limit or offer code
 * @param locale `"en"` or `"zh-CN"`
 * @param fallback what to return for a code the pack does not know (default: the code itself)
 * @returns the text
 * @example messageFor("NO_BUREAU", "zh-CN") // => "没有查到您的征信报告"
 */
export function messageFor(code: string, locale: Locale, fallback: string = code): string {
  const pack = MESSAGE_PACKS[locale];
  return Object.hasOwn(pack, code) ? (pack[code] as string) : fallback;
}
