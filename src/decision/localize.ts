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
  const guards = Object.freeze(
    d.guards.map((g) =>
      Object.freeze({
        ...g,
        message: messageFor(g.passed ? `guard.${g.code}.passed` : `guard.${g.code}`, locale, g.message),
      }),
    ),
  );
  const hits = Object.freeze(
    d.fraud.hits.map((h): FraudHit => Object.freeze({ ...h, message: messageFor(h.reasonCode, locale, h.message) })),
  );
  const fraud = Object.freeze({ ...d.fraud, hits });
  const offer =
    d.offer === null
      ? null
      : Object.freeze({
          ...d.offer,
          reasons: Object.freeze(
            d.offer.reasons.map((r) => Object.freeze({ ...r, message: messageFor(r.code, locale, r.message) })),
          ),
        });
  return Object.freeze({ ...d, reasons, guards, fraud, offer });
}

function translateReason(r: DecisionReason, locale: Locale): DecisionReason {
  return Object.freeze({ ...r, message: messageFor(r.code, locale, r.message) });
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
