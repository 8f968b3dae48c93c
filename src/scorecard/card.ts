/**
 * Turns a validated artefact into a frozen `Scorecard` and registers its compiled form. The
 * expert card is rescaled into final-score points here, so both kinds score the same way.
 * Internal: the public entry points are loadScorecard, loadExpertCard and buildScorecard.
 */
import { attach, compile } from "./compile";
import { deepFreeze } from "../schema/json-guard";
import { roundPoints } from "./round-points";
import type { BinnedCharacteristic, Characteristic, ExpertCardJSON, Scorecard, ScorecardJSON } from "./types";

/**
 * Creates the card of a validated points artefact (the artefact is frozen and kept as is).
 * @example cardFromPoints(scorecardJson).kind // => "points"
 */
export function cardFromPoints(artefact: ScorecardJSON): Scorecard {
  deepFreeze(artefact);
  const card: Scorecard = {
    kind: "points",
    name: artefact.name,
    basePoints: artefact.basePoints,
    characteristics: artefact.characteristics,
    scaling: artefact.scaling,
    rounding: artefact.rounding,
    categories: pointsCategories(artefact),
    artefact,
  };
  attach(card, compile(card.basePoints, card.characteristics));
  return deepFreeze(card);
}

/**
 * The categories a points artefact declares, with characteristic indices and each category's weight:
 * its share (percent) of the card's points span, `100 * span_k / sum_k span_k` with `span_k` the sum
 * over its characteristics of (max - min) points (`pointsSpan`).
 */
function pointsCategories(artefact: ScorecardJSON): Scorecard["categories"] {
  const cats = artefact.categories;
  if (cats === undefined) return [];
  const chars = artefact.characteristics;
  const spans = cats.map((cat) =>
    cat.characteristics.reduce((s, n) => s + pointsSpan(chars.find((c) => c.name === n)!), 0),
  );
  const total = spans.reduce((a, b) => a + b, 0);
  return cats.map((cat, k) => ({
    name: cat.name,
    weight: total > 0 ? (100 * spans[k]!) / total : 0,
    characteristics: cat.characteristics.map((n) => chars.findIndex((c) => c.name === n)),
  }));
}

/** max - min points of a characteristic's attributes with points and its fallback. */
function pointsSpan(c: Characteristic): number {
  let min = c.fallback.points;
  let max = c.fallback.points;
  for (const a of c.attributes as readonly { readonly points?: number }[]) {
    if (a.points === undefined) continue;
    if (a.points < min) min = a.points;
    if (a.points > max) max = a.points;
  }
  return max - min;
}

/**
 * The lowest and highest points a characteristic can give (attributes and fallback).
 * @example pointsRange(pmmlSampleCard.characteristics[1]) // => { min: -3, max: 18 } (PMML age: -3 below 18, 18 from 39)
 */
export function pointsRange(c: BinnedCharacteristic): { min: number; max: number } {
  let min = c.fallback.points;
  let max = c.fallback.points;
  for (const a of c.attributes) {
    if (a.points < min) min = a.points;
    if (a.points > max) max = a.points;
  }
  return { min, max };
}

/**
 * Creates the card of a validated expert artefact. Category k with weight w_k (percent) and
 * characteristics j of raw points p: `span_k = sum_j (max_j - min_j)`,
 * `scale_k = (range.max - range.min) * w_k / 100 / span_k`, and each raw point becomes
 * `round(scale_k * (p - min_j))`; the base is `range.min`. So a category's sub-score runs from 0
 * to its weight's share of the range, and the (unrounded) score from `range.min` to `range.max`.
 * @example cardFromExpert(expertCardJson).kind // => "expert"
 */
export function cardFromExpert(artefact: ExpertCardJSON): Scorecard {
  deepFreeze(artefact);
  const width = artefact.range.max - artefact.range.min;
  const r = artefact.rounding;
  const characteristics: Characteristic[] = [];
  const categories: { name: string; weight: number; characteristics: number[] }[] = [];
  for (const cat of artefact.categories) {
    let span = 0;
    for (const c of cat.characteristics) {
      const { min, max } = pointsRange(c);
      span += max - min;
    }
    const scale = (width * cat.weight) / 100 / span;
    const members: number[] = [];
    for (const c of cat.characteristics) {
      const { min } = pointsRange(c);
      const t = (p: number): number => roundPoints(scale * (p - min), r);
      const base = {
        name: c.name,
        feature: c.feature,
        reasonCode: c.reasonCode,
        ...(c.baselineScore === undefined ? {} : { baselineScore: t(c.baselineScore) }),
        fallback: { ...c.fallback, points: t(c.fallback.points) },
      };
      members.push(characteristics.length);
      if (c.type === "numeric") {
        characteristics.push({
          ...base,
          type: "numeric",
          ...(c.closure === undefined ? {} : { closure: c.closure }),
          attributes: c.attributes.map((a) => ({ ...a, points: t(a.points) })),
        });
      } else {
        characteristics.push({
          ...base,
          type: "categorical",
          levels: c.levels,
          attributes: c.attributes.map((a) => ({ ...a, points: t(a.points) })),
        });
      }
    }
    categories.push({ name: cat.name, weight: cat.weight, characteristics: members });
  }
  const card: Scorecard = {
    kind: "expert",
    name: artefact.name,
    basePoints: artefact.range.min,
    characteristics,
    scaling: artefact.scaling,
    rounding: r,
    categories,
    artefact,
  };
  attach(card, compile(card.basePoints, card.characteristics));
  return deepFreeze(card);
}
