import { ageInYears } from "../schema/age";
import { DAY_MS } from "./time";

/** The range of instants a `Date` can hold (ECMAScript TimeClip). */
const MAX_DATE_MS = 8.64e15;

/** The digit at `s[i]` (0-9), or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * `ageInYears` (same result for every input) without a `Date` object or substrings: the civil
 * date of the local instant by integer arithmetic (H. Hinnant, "chrono-compatible low-level date
 * algorithms", civil_from_days), the birth date's digits read in place. Inputs outside the fast
 * path (a non-integer or out-of-range instant, a birth date not shaped `DDDD-DD-DD`) go to
 * `ageInYears` itself.
 * @param birthDate `YYYY-MM-DD`
 * @param asOf epoch ms
 * @param offsetMs the local calendar's offset from UTC in ms
 * @returns whole years completed on the local date of `asOf` (negative when born after it)
 * @example ageInYearsFast("2000-03-01", Date.UTC(2024, 1, 29), 0) // => 23
 * @internal
 */
export function ageInYearsFast(birthDate: string, asOf: number, offsetMs: number): number {
  const ms = asOf + offsetMs;
  if (!Number.isSafeInteger(ms) || ms > MAX_DATE_MS || ms < -MAX_DATE_MS || birthDate.length !== 10)
    return ageInYears(birthDate, asOf, offsetMs);
  const y0 = digit(birthDate, 0);
  const y1 = digit(birthDate, 1);
  const y2 = digit(birthDate, 2);
  const y3 = digit(birthDate, 3);
  const m0 = digit(birthDate, 5);
  const m1 = digit(birthDate, 6);
  const d0 = digit(birthDate, 8);
  const d1 = digit(birthDate, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return ageInYears(birthDate, asOf, offsetMs);
  const by = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const bm = m0 * 10 + m1;
  const bd = d0 * 10 + d1;
  // whole days since 1970-01-01 (floor), exact: the remainder corrects a rounded quotient
  let days = Math.floor(ms / DAY_MS);
  const rem = ms - days * DAY_MS;
  if (rem < 0) days--;
  else if (rem >= DAY_MS) days++;
  // civil_from_days
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
}
