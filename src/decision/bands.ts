import { type Band, BANDS } from "../pricing/types";
import { type Issue, issue } from "../schema/result";

export type { Band };

/**
 * Upper PD bounds of bands A to D (E takes the rest), strictly increasing in (0, 1).
 * The defaults put a 2% PD in band B and a 17% PD in band E. Band D ends at 15%, below the default
 * decline cutoff (`declinePd` 0.2), so that band E ([15%, 20%) before the cutoff) can be offered;
 * it ended at 20% until issue 16, which left band E entirely at or above the cutoff.
 * @example bandOf(0.17, DEFAULT_BAND_PD_BOUNDS) // => "E"
 */
export const DEFAULT_BAND_PD_BOUNDS: readonly [number, number, number, number] = [0.02, 0.05, 0.1, 0.15];

/**
 * The bands a configuration can never offer: a band whose lower PD bound is at or above the decline
 * cutoff (every PD in it is declined by the engine), or above the policy's `maxPd` (every PD in it
 * is refused an offer). Band A starts at 0 and is never reported.
 * @param bounds upper PD bounds of bands A to D
 * @param declinePd the engine's decline cutoff (declined when pd >= declinePd)
 * @param maxPd the policy's `pricing.maxPd` (no offer when pd > maxPd)
 * @returns one `inconsistent` issue per such band, at `bandPdBounds.<index of its lower bound>`, naming the band
 * @example unreachableBands([0.02, 0.05, 0.1, 0.2], 0.2, 0.35)[0].message
 * // => "band E can never be offered: its lower PD bound is at or above declinePd"
 */
export function unreachableBands(bounds: readonly number[], declinePd: number, maxPd: number): Issue[] {
  const out: Issue[] = [];
  for (let i = 1; i < BANDS.length; i++) {
    const lower = bounds[i - 1] as number;
    const band = BANDS[i] as Band;
    if (lower >= declinePd) {
      out.push(
        issue(
          "inconsistent",
          ["bandPdBounds", i - 1],
          `band ${band} can never be offered: its lower PD bound is at or above declinePd`,
        ),
      );
    } else if (lower > maxPd) {
      out.push(
        issue(
          "inconsistent",
          ["bandPdBounds", i - 1],
          `band ${band} can never be offered: its lower PD bound is above the policy's pricing.maxPd`,
        ),
      );
    }
  }
  return out;
}

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
