import type { FeatureVector } from "../features";
import { probabilityOfDefault } from "../scorecard/probability-of-default";
import { score } from "../scorecard/score";
import type { CategoriesAttribute, IntervalAttribute, Scorecard, SpecialAttribute } from "../scorecard/types";
import { BANDS, type Band } from "../pricing/types";
import { DEFAULT_BAND_PD_BOUNDS, bandOf } from "./bands";

/** Options of `improvementHints`. */
export interface ImprovementOptions {
  /** The band to reach (or better): `"A"` to `"E"`. */
  readonly targetBand: Band;
  /** Upper PD bounds of bands A to D (default `DEFAULT_BAND_PD_BOUNDS`, the engine's default). */
  readonly bandPdBounds?: readonly [number, number, number, number];
}

/** One characteristic change: move from the matched attribute to the attribute with the most points. */
export interface ImprovementHint {
  readonly characteristic: string;
  readonly feature: string;
  /** The characteristic's reason code (look its text up with `messageFor`). */
  readonly reasonCode: string;
  /** The attribute matched now (its index in the characteristic's attributes, -1 for the fallback). */
  readonly fromAttribute: number;
  /** The attribute to reach: its index and its definition (an interval, special values or categories). */
  readonly toAttribute: number;
  readonly target: IntervalAttribute | SpecialAttribute | CategoriesAttribute;
  /** Points gained by the change. */
  readonly points: number;
}

/** The result of `improvementHints`. */
export interface ImprovementHints {
  /** Whether the hints reach the target band (false: even every change at once does not). */
  readonly reachable: boolean;
  readonly band: Band;
  readonly score: number;
  /** The band and score once every hint is applied (all changes at once when unreachable). */
  readonly bandAfter: Band;
  readonly scoreAfter: number;
  /** The smallest set of changes that reaches the band, largest gain first (empty when already there). */
  readonly hints: readonly ImprovementHint[];
}

/**
 * The smallest set of characteristic changes that brings a scored applicant into `targetBand` or a
 * better one. Exact for additive cards: the score is `base + sum_c points_c`, so changing k
 * characteristics gains at most the sum of the k largest single gains (each characteristic moved to
 * its best attribute); the answer is the shortest prefix of the gains sorted largest first whose new
 * score's PD (the card's scaling) falls in the band. Only binned attributes are targets (intervals,
 * special values, categories: values an applicant can have), never the missing attribute or the
 * fallback; rules characteristics (several inputs) are not changed.
 * @param card a loaded card with a scaling
 * @param vector the applicant's feature vector (as scored)
 * @param options `targetBand`, and `bandPdBounds` (default the engine's)
 * @returns whether the band is reachable, the band and score before and after, and the hints
 * @throws {RangeError} when the target band is not A to E, the card has no scaling, or the vector lacks a feature the card reads
 * @example improvementHints(createEngine().card, extractFeatures({ ...applicant, social: undefined }, { asOf }), { targetBand: "A" }).hints.map((h) => h.characteristic) // => ["pay_by_channel_balance_product_sum_180d_fen"] (band B without social data; its best bin gains 63 points)
 */
export function improvementHints(
  card: Scorecard,
  vector: FeatureVector,
  options: ImprovementOptions,
): ImprovementHints {
  const target = options.targetBand;
  if (!BANDS.includes(target)) throw new RangeError('improvementHints: targetBand must be "A" to "E"');
  if (card.scaling === null) throw new RangeError("improvementHints: the card has no scaling (no PD, no band)");
  const bounds = options.bandPdBounds ?? DEFAULT_BAND_PD_BOUNDS;
  const rank = (b: Band) => BANDS.indexOf(b);
  const bandAt = (s: number) => bandOf(Math.min(1, Math.max(0, probabilityOfDefault(card, s))), bounds);
  const scored = score(card, vector);
  const now = scored.score;
  const candidates: ImprovementHint[] = [];
  card.characteristics.forEach((ch, c) => {
    if (ch.type === "rules") return;
    let best = -1;
    let bestPts = Number.NEGATIVE_INFINITY;
    ch.attributes.forEach((a, i) => {
      if (a.kind === "missing") return;
      if (a.points > bestPts) {
        best = i;
        bestPts = a.points;
      }
    });
    const gain = bestPts - scored.points[c]!;
    if (best < 0 || !(gain > 0)) return;
    candidates.push(
      Object.freeze({
        characteristic: ch.name,
        feature: ch.feature,
        reasonCode: ch.reasonCode,
        fromAttribute: scored.attributes[c]!,
        toAttribute: best,
        target: ch.attributes[best] as IntervalAttribute | SpecialAttribute | CategoriesAttribute,
        points: gain,
      }),
    );
  });
  // largest gain first; equal gains in card order (sort is stable)
  candidates.sort((x, y) => y.points - x.points);
  const band = bandAt(now);
  let s = now;
  let k = 0;
  while (rank(bandAt(s)) > rank(target) && k < candidates.length) s += candidates[k++]!.points;
  const bandAfter = bandAt(s);
  return Object.freeze({
    reachable: rank(bandAfter) <= rank(target),
    band,
    score: now,
    bandAfter,
    scoreAfter: s,
    hints: Object.freeze(candidates.slice(0, k)),
  });
}
