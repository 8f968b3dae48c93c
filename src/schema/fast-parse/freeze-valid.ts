/**
 * Freezes a valid applicant in place, following the shape of `applicantSchema` (the same objects and
 * arrays `snapshot.ts` builds fresh and freezes: root, sections, event arrays or columns, loans and
 * their sub-arrays). Used by `parseApplicantJson` on a fresh `JSON.parse` result it has just
 * validated in place: no copy, and no `Object.keys` list per object as the generic `deepFreeze` makes.
 * Only for values that passed validation: a valid applicant holds no other objects or arrays.
 * @internal
 */
import { isObject } from "./context";

type Rec = Record<string, unknown>;

/** Freezes `o[key]` when it is an object (it holds only scalars in a valid applicant). */
function freezeField(o: Rec, key: string): void {
  const v = o[key];
  if (typeof v === "object" && v !== null) Object.freeze(v);
}

/** Freezes an array of objects that hold only scalars, each object and then the array. */
function freezeRows(a: unknown): void {
  if (!Array.isArray(a)) return;
  for (let i = 0; i < a.length; i++) Object.freeze(a[i]);
  Object.freeze(a);
}

/** Freezes an event section sent as rows (an array) or as columns (an object of arrays of scalars). */
function freezeEvents(v: unknown): void {
  if (Array.isArray(v)) freezeRows(v);
  else if (isObject(v)) {
    for (const key in v) Object.freeze(v[key]);
    Object.freeze(v);
  }
}

/**
 * Freezes every object and array of a valid applicant, in place.
 * @param a an applicant that passed validation (`parseApplicantInPlace`)
 * @returns nothing; `a` and everything it holds are frozen afterwards
 * @example const a = JSON.parse(JSON.stringify(applicant)); freezeValidApplicant(a); Object.isFrozen(a.identity) // => true
 * @internal
 */
export function freezeValidApplicant(a: Rec): void {
  freezeField(a, "identity");
  const consent = a.consent as Rec;
  freezeField(consent, "purposes");
  Object.freeze(consent);
  freezeField(a, "application");
  freezeEvents(a.payments);
  freezeField(a, "social");
  const bureau = a.bureau as Rec | undefined;
  if (bureau !== undefined) {
    freezeEvents(bureau.inquiries);
    freezeEvents(bureau.accounts);
    freezeEvents(bureau.delinquencies);
    Object.freeze(bureau);
  }
  const devices = a.devices as Rec | undefined;
  if (devices !== undefined) {
    freezeEvents(devices.events);
    freezeEvents(devices.records);
    Object.freeze(devices);
  }
  const loans = a.loans;
  if (Array.isArray(loans)) {
    for (let i = 0; i < loans.length; i++) {
      const loan = loans[i] as Rec;
      freezeEvents(loan.installments);
      freezeEvents(loan.repayments);
      Object.freeze(loan);
    }
    Object.freeze(loans);
  }
  Object.freeze(a);
}
