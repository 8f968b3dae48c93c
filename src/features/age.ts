/**
 * Whole years from a `YYYY-MM-DD` birth date to the local calendar date of `asOf`.
 * Birthdays on 29 February count as reached on 1 March in non-leap years.
 * @param birthDate a calendar date `YYYY-MM-DD` (validated by the schema)
 * @param asOf epoch ms
 * @param offsetMs offset of local time from UTC (China Standard Time: 8 h)
 * @returns age in whole years, or `NaN` when the birth date is after `asOf`
 * @example ageInYears("2000-06-15", Date.UTC(2024, 5, 14, 16), 8 * 3_600_000) // => 24 (local date 2024-06-15)
 */
export function ageInYears(birthDate: string, asOf: number, offsetMs: number): number {
  const d = new Date(asOf + offsetMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  const age = y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
  return age < 0 ? Number.NaN : age;
}
