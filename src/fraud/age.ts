const DAY_MS = 86_400_000;

/**
 * Age in whole years at `asOf` from a `YYYY-MM-DD` birth date, using the UTC calendar date of
 * `asOf`: years between the dates, minus one when the birthday (month, day) has not come yet.
 * A 29 February birthday comes on 1 March in common years.
 * @param birthDate a calendar date `YYYY-MM-DD`
 * @param asOf epoch ms
 * @returns whole years (negative when the birth date is after asOf)
 * @example ageAt("2008-03-01", Date.UTC(2026, 1, 28)) // => 17
 */
export function ageAt(birthDate: string, asOf: number): number {
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  const d = new Date(Math.floor(asOf / DAY_MS) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const before = m < bm || (m === bm && day < bd);
  return y - by - (before ? 1 : 0);
}
