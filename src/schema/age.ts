/**
 * Whole years from a `YYYY-MM-DD` birth date to the local calendar date of `asOf`: the difference
 * of the years, minus one when the birthday (month, day) has not come yet that year. A 29 February
 * birthday comes on 1 March in common years. The one age rule shared by the features
 * (`age_years`), the fraud facts (`identity.underage`) and the engine's compliance guard.
 * @param birthDate a calendar date `YYYY-MM-DD` (validated by the schema)
 * @param asOf epoch ms
 * @param offsetMs offset of local time from UTC in ms (default 0; China Standard Time is 8 h)
 * @returns whole years, negative when the birth date is after the local date of `asOf`
 * @example ageInYears("2008-06-30", Date.UTC(2026, 5, 29, 16), 8 * 3_600_000) // => 18 (local date 2026-06-30)
 */
export function ageInYears(birthDate: string, asOf: number, offsetMs = 0): number {
  const d = new Date(asOf + offsetMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  return y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
}
