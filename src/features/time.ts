/**
 * Milliseconds in one day.
 * @example DAY_MS // => 86400000
 */
export const DAY_MS = 86_400_000;
/**
 * Milliseconds in one hour.
 * @example HOUR_MS // => 3600000
 */
export const HOUR_MS = 3_600_000;

/**
 * Local hour of day (0-23) of an epoch-ms instant at a fixed offset from UTC.
 * @param t epoch milliseconds
 * @param offsetMs offset from UTC in milliseconds (China Standard Time: 8 h)
 * @returns the hour of day, 0 to 23
 * @example localHour(0, 8 * 3_600_000) // => 8
 */
export function localHour(t: number, offsetMs: number): number {
  const ms = t + offsetMs;
  return Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS);
}

/**
 * Whole days from `t` to `asOf` (floor), e.g. the age of a record.
 * @param t epoch milliseconds, not after `asOf`
 * @param asOf epoch milliseconds
 * @returns `floor((asOf - t) / 86,400,000)`
 * @example wholeDays(0, 86_400_000 * 1.5) // => 1
 */
export function wholeDays(t: number, asOf: number): number {
  return Math.floor((asOf - t) / DAY_MS);
}
