/**
 * The first half of the snapshot's copy of each fixed-shape object (`copyKind` in `snapshot.ts`):
 * its schema keys read in schema order (`o[key]`, so an inherited field counts, as zod reads it)
 * and copied when not undefined. One function per kind, with named reads and stores: the generic
 * loop over a key list (`readKnown`) does a megamorphic keyed load and store per key, which made
 * these copies a tenth of `parseApplicant` on the fixtures. Each must give the same object as
 * `readKnown` with its kind's keys (same keys, same order, same values): `test/schema/section-copies.test.ts`.
 * @internal
 */
import {
  APPLICANT_KEYS,
  APPLICATION_KEYS,
  BUREAU_KEYS,
  CONSENT_KEYS,
  DEVICES_KEYS,
  IDENTITY_KEYS,
  LOAN_KEYS,
  SOCIAL_KEYS,
} from "./sections";

type Rec = Record<string, unknown>;

/**
 * The generic reader: `keys` read from `o` in order, each copied when not undefined. @internal
 * @param o the object to copy
 * @param keys the schema keys, in schema order
 * @returns a fresh object with the defined values
 * @example readKnown({ b: 2, a: 1, c: undefined }, ["a", "b", "c"]) // => { a: 1, b: 2 }
 */
export function readKnown(o: Rec, keys: readonly string[]): Rec {
  const c: Rec = {};
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]!];
    if (v !== undefined) c[keys[i]!] = v;
  }
  return c;
}

/**
 * `readKnown(o, [...APPLICANT_KEYS])` for the applicant (its sections), with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readApplicant({ loans: 1, id: 2 })) // => ["id", "loans"]
 */
export function readApplicant(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.id;
  if (v0 !== undefined) c.id = v0;
  const v1 = o.identity;
  if (v1 !== undefined) c.identity = v1;
  const v2 = o.consent;
  if (v2 !== undefined) c.consent = v2;
  const v3 = o.application;
  if (v3 !== undefined) c.application = v3;
  const v4 = o.payments;
  if (v4 !== undefined) c.payments = v4;
  const v5 = o.social;
  if (v5 !== undefined) c.social = v5;
  const v6 = o.bureau;
  if (v6 !== undefined) c.bureau = v6;
  const v7 = o.devices;
  if (v7 !== undefined) c.devices = v7;
  const v8 = o.loans;
  if (v8 !== undefined) c.loans = v8;
  return c;
}

/**
 * `readKnown(o, [...IDENTITY_KEYS])` for `identity`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readIdentity({ cityCode: 1, birthDate: 2 })) // => ["birthDate", "cityCode"]
 */
export function readIdentity(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.birthDate;
  if (v0 !== undefined) c.birthDate = v0;
  const v1 = o.ageYears;
  if (v1 !== undefined) c.ageYears = v1;
  const v2 = o.realNameVerified;
  if (v2 !== undefined) c.realNameVerified = v2;
  const v3 = o.idVerified;
  if (v3 !== undefined) c.idVerified = v3;
  const v4 = o.phoneVerified;
  if (v4 !== undefined) c.phoneVerified = v4;
  const v5 = o.occupation;
  if (v5 !== undefined) c.occupation = v5;
  const v6 = o.declaredMonthlyIncomeFen;
  if (v6 !== undefined) c.declaredMonthlyIncomeFen = v6;
  const v7 = o.verifiedMonthlyIncomeFen;
  if (v7 !== undefined) c.verifiedMonthlyIncomeFen = v7;
  const v8 = o.cityCode;
  if (v8 !== undefined) c.cityCode = v8;
  return c;
}

/**
 * `readKnown(o, [...CONSENT_KEYS])` for `consent`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readConsent({ purposes: 1, creditBureauQuery: 2 })) // => ["creditBureauQuery", "purposes"]
 */
export function readConsent(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.creditBureauQuery;
  if (v0 !== undefined) c.creditBureauQuery = v0;
  const v1 = o.givenAt;
  if (v1 !== undefined) c.givenAt = v1;
  const v2 = o.purposes;
  if (v2 !== undefined) c.purposes = v2;
  return c;
}

/**
 * `readKnown(o, [...APPLICATION_KEYS])` for `application`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readApplication({ channel: 1, appliedAt: 2 })) // => ["appliedAt", "channel"]
 */
export function readApplication(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.appliedAt;
  if (v0 !== undefined) c.appliedAt = v0;
  const v1 = o.requestedAmountFen;
  if (v1 !== undefined) c.requestedAmountFen = v1;
  const v2 = o.requestedTermMonths;
  if (v2 !== undefined) c.requestedTermMonths = v2;
  const v3 = o.deviceId;
  if (v3 !== undefined) c.deviceId = v3;
  const v4 = o.ipHash;
  if (v4 !== undefined) c.ipHash = v4;
  const v5 = o.product;
  if (v5 !== undefined) c.product = v5;
  const v6 = o.channel;
  if (v6 !== undefined) c.channel = v6;
  return c;
}

/**
 * `readKnown(o, [...SOCIAL_KEYS])` for `social`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readSocial({ defaultedLinkCount: 1, accountAgeDays: 2 })) // => ["accountAgeDays", "defaultedLinkCount"]
 */
export function readSocial(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.accountAgeDays;
  if (v0 !== undefined) c.accountAgeDays = v0;
  const v1 = o.contactCount;
  if (v1 !== undefined) c.contactCount = v1;
  const v2 = o.activeDays30;
  if (v2 !== undefined) c.activeDays30 = v2;
  const v3 = o.flaggedContactCount;
  if (v3 !== undefined) c.flaggedContactCount = v3;
  const v4 = o.defaultedLinkCount;
  if (v4 !== undefined) c.defaultedLinkCount = v4;
  return c;
}

/**
 * `readKnown(o, [...BUREAU_KEYS])` for `bureau`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readBureau({ monthlyObligationsFen: 1, reportedAt: 2 })) // => ["reportedAt", "monthlyObligationsFen"]
 */
export function readBureau(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.reportedAt;
  if (v0 !== undefined) c.reportedAt = v0;
  const v1 = o.historyMonths;
  if (v1 !== undefined) c.historyMonths = v1;
  const v2 = o.inquiries;
  if (v2 !== undefined) c.inquiries = v2;
  const v3 = o.accounts;
  if (v3 !== undefined) c.accounts = v3;
  const v4 = o.delinquencies;
  if (v4 !== undefined) c.delinquencies = v4;
  const v5 = o.monthlyObligationsFen;
  if (v5 !== undefined) c.monthlyObligationsFen = v5;
  return c;
}

/**
 * `readKnown(o, [...DEVICES_KEYS])` for `devices`, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readDevices({ records: 1, events: 2 })) // => ["events", "records"]
 */
export function readDevices(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.events;
  if (v0 !== undefined) c.events = v0;
  const v1 = o.records;
  if (v1 !== undefined) c.records = v1;
  return c;
}

/**
 * `readKnown(o, [...LOAN_KEYS])` for a loan, with named reads and stores. @internal
 * @param o the object to copy
 * @returns a fresh object with its defined schema fields, in schema order
 * @example Object.keys(readLoan({ repayments: 1, loanId: 2 })) // => ["loanId", "repayments"]
 */
export function readLoan(o: Rec): Rec {
  const c: Rec = {};
  const v0 = o.loanId;
  if (v0 !== undefined) c.loanId = v0;
  const v1 = o.disbursedAt;
  if (v1 !== undefined) c.disbursedAt = v1;
  const v2 = o.principalFen;
  if (v2 !== undefined) c.principalFen = v2;
  const v3 = o.installments;
  if (v3 !== undefined) c.installments = v3;
  const v4 = o.repayments;
  if (v4 !== undefined) c.repayments = v4;
  return c;
}

/**
 * Each key set of `sections.ts` with its reader (for the test that proves them equal to `readKnown`). @internal
 * @example SECTION_READERS.length // => 8
 */
export const SECTION_READERS: readonly (readonly [ReadonlySet<string>, (o: Rec) => Rec])[] = [
  [APPLICANT_KEYS, readApplicant],
  [IDENTITY_KEYS, readIdentity],
  [CONSENT_KEYS, readConsent],
  [APPLICATION_KEYS, readApplication],
  [SOCIAL_KEYS, readSocial],
  [BUREAU_KEYS, readBureau],
  [DEVICES_KEYS, readDevices],
  [LOAN_KEYS, readLoan],
];
