/**
 * The readable copy (`./internal.ts`) for an applicant validated in place (`parseApplicantJson`,
 * `engine.decideJson`): the snapshot attaches one to every columns object it builds, so `decide` reads
 * ordinary arrays; an applicant validated in place had none, and every `decide` of it copied the payment
 * and device-event columns again through `readableColumns`. Only those two sections get one here: they are
 * the ones the hot passes read through `readableColumns` (`features/pass-hot.ts`, `fraud/compute-facts.ts`);
 * the other columnar sections are read entry by entry where they are.
 * @internal
 */
import { keepReadable } from "./internal";

type Rec = Record<string, unknown>;

/** An object that is not an array (the columnar form of an event section). */
const isColumns = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

/** Attaches the readable form to one columns object: fresh copies of its arrays, or its own arrays (in a fresh holder object either way). */
function keep(cols: Rec, copy: boolean): void {
  const out: Record<string, unknown[]> = {};
  for (const key in cols) {
    const v = cols[key];
    if (Array.isArray(v)) out[key] = copy ? v.slice() : v;
  }
  keepReadable(cols, out);
}

/**
 * Attaches to the payment and device-event columns of a valid applicant (when sent as columns) their
 * readable form, before anything else holds them: with `copy`, fresh ordinary arrays holding the same
 * entries (the applicant is then frozen and handed out, as `parseApplicantJson` does); without it, the
 * columns' own arrays (for an applicant that stays unfrozen and that no code outside riskcard can reach:
 * `decideJson`).
 * @param a an applicant that passed validation in place, not frozen yet, its columns objects without a readable form
 * @param copy whether to copy the columns (true when `a` will be frozen and handed out)
 * @returns how many columns objects got one (0 to 2); `readableColumns` of each returns the attached form from now on
 * @example keepReadableInPlace(JSON.parse(JSON.stringify(toColumnar(applicant))), true) // => 2 (payments and device events in columns)
 * @internal
 */
export function keepReadableInPlace(a: Rec, copy: boolean): number {
  let n = 0;
  const payments = a.payments;
  if (isColumns(payments)) {
    keep(payments, copy);
    n++;
  }
  const devices = a.devices as Rec | undefined;
  const events = devices?.events;
  if (isColumns(events)) {
    keep(events, copy);
    n++;
  }
  return n;
}
