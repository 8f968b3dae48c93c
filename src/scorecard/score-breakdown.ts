import { compiledOf } from "./compile";
import type { Scorecard } from "./types";

/** One part of a score breakdown: a category of the card (or the base points, or the characteristics in no category). */
export interface ScorePart {
  /** The category's name as the card declares it; `"base"` for the starting points, `"other"` for characteristics in no category. */
  readonly category: string;
  /** The points this part contributed to the score. */
  readonly points: number;
  /** The category's weight in percent (`Scorecard.categories`), or null for `base` and `other`. */
  readonly weight: number | null;
  /** The names of the characteristics in the part. */
  readonly characteristics: readonly string[];
}

/**
 * The score split by the card's categories (credit history, debts, repayment ability, behaviour,
 * as the card declares them): the base points first, then one part per category in the card's
 * order, then `other` for characteristics in no category (left out when there are none). The parts
 * add up to the score: `score = basePoints + sum_c points[c]`, and every characteristic is in exactly
 * one part (sums of integer points are exact; fractional points may differ from `score` in the last
 * bits of a double, as any re-ordered sum).
 * @param card a loaded card (an expert card, or a points card with `categories`; without categories
 *   the breakdown is `base` and `other`)
 * @param points points per characteristic, as returned by `score(card, vector).points`
 * @returns the parts, frozen
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @throws {RangeError} when `points` does not have one finite number per characteristic
 * @example scoreBreakdown(pmmlSampleCard, [3, 0, 26]).map((p) => p.points) // => [0, 29] (base, then the PMML sample's three characteristics in "other")
 */
export function scoreBreakdown(card: Scorecard, points: ArrayLike<number>): readonly ScorePart[] {
  compiledOf(card);
  const chars = card.characteristics;
  if (points === null || typeof points !== "object" || points.length !== chars.length)
    throw new RangeError("scoreBreakdown: points must have one entry per characteristic");
  for (let c = 0; c < chars.length; c++)
    if (typeof points[c] !== "number" || !Number.isFinite(points[c]))
      throw new RangeError("scoreBreakdown: points must be finite numbers");
  const parts: ScorePart[] = [
    Object.freeze({ category: "base", points: card.basePoints, weight: null, characteristics: Object.freeze([]) }),
  ];
  const placed = new Uint8Array(chars.length);
  for (const cat of card.categories) {
    let sum = 0;
    for (const c of cat.characteristics) {
      sum += points[c]!;
      placed[c] = 1;
    }
    parts.push(
      Object.freeze({
        category: cat.name,
        points: sum,
        weight: cat.weight,
        characteristics: Object.freeze(cat.characteristics.map((c) => chars[c]!.name)),
      }),
    );
  }
  const rest: string[] = [];
  let sum = 0;
  for (let c = 0; c < chars.length; c++) {
    if (placed[c] === 1) continue;
    sum += points[c]!;
    rest.push(chars[c]!.name);
  }
  if (rest.length > 0)
    parts.push(Object.freeze({ category: "other", points: sum, weight: null, characteristics: Object.freeze(rest) }));
  return Object.freeze(parts);
}
