import type { Band } from "../limits";

export type { Band };

/**
 * The bands from best to worst.
 * @example BANDS // => ["A", "B", "C", "D", "E"]
 */
export const BANDS: readonly Band[] = ["A", "B", "C", "D", "E"];

/**
 * Upper PD bounds of bands A to D (E takes the rest), strictly increasing in (0, 1).
 * The defaults put a 2% PD in band B and a 30% PD in band E.
 * @example bandOf(0.3, DEFAULT_BAND_PD_BOUNDS) // => "E"
 */
export const DEFAULT_BAND_PD_BOUNDS: readonly [number, number, number, number] = [0.02, 0.05, 0.1, 0.2];

/**
 * The band of a probability of default: A when `pd < bounds[0]`, B when `pd < bounds[1]`, ..., E otherwise.
 * @param pd probability of default in [0, 1]
 * @param bounds four increasing upper bounds for A to D
 * @returns the band
 * @example bandOf(0.03, [0.02, 0.05, 0.1, 0.2]) // => "B"
 */
export function bandOf(pd: number, bounds: readonly number[] = DEFAULT_BAND_PD_BOUNDS): Band {
  for (let i = 0; i < 4; i++) if (pd < (bounds[i] as number)) return BANDS[i] as Band;
  return "E";
}
