import type { Scorecard } from "./types";

/**
 * The probability of default of a score, the exact inverse of the card's pdo scaling:
 * `odds(bad:good) = exp((offset - score) / factor)`, `PD = 1 / (1 + exp((score - offset) / factor))`.
 * For a statistical card with `rounding: "none"` this equals the logistic model's probability;
 * with rounded points the score moves by at most 0.5 per characteristic (and base line), so the PD
 * is that of the rounded score. For an expert card the scaling is configured in the artefact (an
 * assumption to recalibrate once outcomes are known), not fitted.
 * @param card a loaded scorecard with a scaling
 * @param score a finite score
 * @returns the probability of default, in [0, 1]
 * @throws {RangeError} when the card has no scaling or the score is not finite
 * @example probabilityOfDefault(loadScorecardOrThrow({ ...scorecardJson, scaling: pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" }) }), 600) // => 0.05 (odds 1:19 at 600)
 */
export function probabilityOfDefault(card: Scorecard, score: number): number {
  const s = card.scaling;
  if (s === null) throw new RangeError("probabilityOfDefault: this card has no scaling");
  if (!Number.isFinite(score)) throw new RangeError("probabilityOfDefault: score must be finite");
  const z = (score - s.offset) / s.factor;
  // Two branches keep exp() from overflowing; exp(-z) for large z is fine.
  if (z >= 0) {
    const e = Math.exp(-z);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(z));
}
