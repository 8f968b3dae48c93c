import { type Locale, messageFor } from "../messages";
import { scoreBreakdown } from "../scorecard/score-breakdown";
import type { Scorecard } from "../scorecard/types";
import type { BreakdownPart, Decision, DecisionReason, FraudHit } from "./types";

/**
 * A decision with every message in another locale, looked up by code in the message packs
 * (`riskcard/messages`): reasons (a guard reason's code is `guard.<code>`), guards (their passed or
 * failed text), fraud hits (by reason code) and the offer's reasons. A code the pack does not know
 * (a custom card's or rule set's) keeps the artefact's own message. Nothing but messages changes.
 * `en` returns the decision as is: its messages are the English pack's and the artefacts' own.
 * @param d a decision made by `decide` (English)
 * @param locale `"en"` or `"zh-CN"`
 * @returns the same decision for `en`, else a new frozen one
 * @example localizeDecision(createEngine().decide({ ...applicant, identity: { ...applicant.identity, ageYears: 17, birthDate: undefined } }, { asOf }), "zh-CN").reasons[0].message // => "未满18周岁，不能申请借款"
 */
export function localizeDecision(d: Decision, locale: Locale): Decision {
  if (locale === "en") return d;
  const reasons = Object.freeze(d.reasons.map((r) => translateReason(r, locale)));
  const guards = translatedOnce(d.guards, locale, translateGuards);
  const fraud = translatedOnce(d.fraud, locale, translateFraud);
  const offer =
    d.offer === null
      ? null
      : Object.freeze({
          ...d.offer,
          reasons: Object.freeze(d.offer.reasons.map((r) => translatedOnce(r, locale, translateCodeMessage))),
        });
  return Object.freeze({ ...d, reasons, guards, fraud, offer });
}

function translateCodeMessage<T extends { readonly code: string; readonly message: string }>(r: T, locale: Locale): T {
  return Object.freeze({ ...r, message: messageFor(r.code, locale, r.message) });
}

function translateGuards(guards: Decision["guards"], locale: Locale): Decision["guards"] {
  return Object.freeze(
    guards.map((g) =>
      Object.freeze({
        ...g,
        message: messageFor(g.passed ? `guard.${g.code}.passed` : `guard.${g.code}`, locale, g.message),
      }),
    ),
  );
}

function translateFraud(fraud: Decision["fraud"], locale: Locale): Decision["fraud"] {
  const hits = Object.freeze(
    fraud.hits.map((h): FraudHit => Object.freeze({ ...h, message: messageFor(h.reasonCode, locale, h.message) })),
  );
  return Object.freeze({ ...fraud, hits });
}

/**
 * Translations of the parts the engine shares between decisions (its guard lists and fraud parts, frozen
 * constants), made once per part and locale and then shared too: no allocation per decision, and
 * `stringifyDecision` writes each one's text once. A part that is not frozen is translated every time.
 */
const translations = new Map<Locale, WeakMap<object, object>>();

function translatedOnce<T extends object>(part: T, locale: Locale, translate: (part: T, locale: Locale) => T): T {
  if (!deepFrozen(part)) return translate(part, locale);
  let byPart = translations.get(locale);
  if (byPart === undefined) {
    byPart = new WeakMap();
    translations.set(locale, byPart);
  }
  const known = byPart.get(part);
  if (known !== undefined) return known as T;
  const t = translate(part, locale);
  byPart.set(part, t);
  return t;
}

/** Frozen, and so are the objects and arrays in it (a guard list, a fraud part: two levels of plain data). */
function deepFrozen(v: object): boolean {
  if (!Object.isFrozen(v)) return false;
  for (const x of Object.values(v)) if (typeof x === "object" && x !== null && !deepFrozen(x)) return false;
  return true;
}

function translateReason(r: DecisionReason, locale: Locale): DecisionReason {
  const message = messageFor(r.code, locale, r.message);
  // A reason as the engine makes it is rebuilt from a literal: objects spread from a frozen one get a map
  // each, which made every later read of localized reasons megamorphic (stringifyDecision ran 0.9x
  // JSON.stringify on zh-CN decisions, against 3x on English ones). Anything else keeps its own keys.
  const k = Object.keys(r);
  if (k[0] === "code" && k[1] === "message" && k[2] === "source") {
    if (k.length === 3) return Object.freeze({ code: r.code, message, source: r.source });
    if (k.length === 4 && k[3] === "points" && r.points !== undefined)
      return Object.freeze({ code: r.code, message, source: r.source, points: r.points });
  }
  return Object.freeze({ ...r, message });
}

/**
 * A decision's score breakdown (`decide(..., { explain: true })`): `scoreBreakdown` with each
 * category's label in the locale and points rounded to 2 decimals as the score is.
 * @param card the engine's card
 * @param points the points per characteristic as scored
 * @param locale the decision's locale
 * @returns the parts, frozen
 * @example breakdownOf(pmmlSampleCard, [3, 0, 26], "zh-CN")[0].label // => "基础分"
 */
export function breakdownOf(card: Scorecard, points: ArrayLike<number>, locale: Locale): readonly BreakdownPart[] {
  return Object.freeze(
    scoreBreakdown(card, points).map((p) =>
      Object.freeze({
        category: p.category,
        label: messageFor(`category.${p.category}`, locale, p.category),
        points: Math.round(p.points * 100) / 100,
        weight: p.weight,
      }),
    ),
  );
}
