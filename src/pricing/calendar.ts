/**
 * Calendar arithmetic for servicing: local day numbers, due dates a whole number of months after
 * disbursement, and the contract-month time of a day.
 */

const DAY_MS = 86_400_000;

/**
 * The local calendar day of an instant, as whole days since 1970-01-01 in that time zone.
 * @param ms epoch milliseconds
 * @param utcOffsetMinutes the lender's UTC offset (480 for China)
 * @returns the day number
 * @example localDay(Date.UTC(2026, 0, 31, 20), 480) // => 20485 (2026-02-01 in Beijing)
 */
export function localDay(ms: number, utcOffsetMinutes: number): number {
  return Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * The day `months` calendar months after `day`, on the same day of the month, or the month's last
 * day when it is shorter (disbursed on 31 January: due 28 or 29 February, 31 March, 30 April, ...).
 * @param day a day number
 * @param months whole months, >= 0
 * @returns the day number
 * @example addMonths(20484, 1) // => 20512 (2026-01-31 + 1 month = 2026-02-28)
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

/**
 * Time of a day in contract months since disbursement: the whole months elapsed (due dates are
 * at 1, 2, 3, ...) plus the elapsed share of the current month in days. A loan repaid on its due
 * dates thus has the flows of its monthly schedule at whole months, and its APR is the schedule's.
 * @param start the disbursement day number
 * @param day a day number >= start
 * @returns k + (day - due_k) / (due_k+1 - due_k), due_k = addMonths(start, k) <= day < due_k+1
 * @example monthTime(20484, 20512) // => 1 (2026-01-31 to its first due date, 2026-02-28)
 */
export function monthTime(start: number, day: number): number {
  const s = new Date(start * DAY_MS);
  const x = new Date(day * DAY_MS);
  let k = (x.getUTCFullYear() - s.getUTCFullYear()) * 12 + (x.getUTCMonth() - s.getUTCMonth());
  if (k < 0) k = 0;
  let dk = addMonths(start, k);
  while (dk > day && k > 0) dk = addMonths(start, --k);
  const next = addMonths(start, k + 1);
  return k + (day - dk) / (next - dk);
}
