import { EN } from "../messages/en";
import { ageInYearsFast } from "../features/internal";
import type { AnyFormApplicant, ConsentCategory } from "../schema/applicant";
import { consentsTo } from "../schema/consent";

/**
 * China Standard Time (UTC+8): the default local calendar for ages.
 * @example DEFAULT_UTC_OFFSET_MINUTES // => 480 (UTC+8)
 */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** The closed set of compliance guards every decision checks before scoring. */
export type GuardCode =
  | "age_18_or_over"
  | "consent_given"
  | "real_name_verified"
  | "id_verified"
  | "purposes_consented";

/**
 * Every guard code, in the order decisions list them (`purposes_consented` only when the engine requires categories).
 * @example GUARD_CODES.length // => 5
 */
export const GUARD_CODES: readonly GuardCode[] = [
  "age_18_or_over",
  "consent_given",
  "real_name_verified",
  "id_verified",
  "purposes_consented",
];

/** One compliance guard's outcome, with a plain message (no personal data). */
export interface Guard {
  readonly code: GuardCode;
  readonly passed: boolean;
  readonly message: string;
}

/**
 * The applicant's age at the local date of `asOf`: from the birth date when given, else the
 * declared `ageYears` (the schema requires one of them).
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds
 * @param utcOffsetMinutes the local calendar's offset from UTC (default UTC+8)
 * @returns whole years (negative for a birth date after `asOf`)
 * @example applicantAge(applicant, asOf) // => 36 (born 1990-03-15, asOf 2026-06-30)
 */
export function applicantAge(
  applicant: AnyFormApplicant,
  asOf: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): number {
  const { birthDate, ageYears } = applicant.identity;
  // ageInYearsFast: ageInYears's result for every input (property-tested), without a Date or substrings.
  if (birthDate !== undefined) return ageInYearsFast(birthDate, asOf, utcOffsetMinutes * 60_000);
  return ageYears ?? 0;
}

/**
 * Checks the compliance guards: age 18 or over on the local date of `asOf`, consent to the bureau query given at or
 * before `asOf`, real name verified, ID verified, and, when `required` is not empty, consent to every
 * required data category (`consent.purposes`). A failed guard declines the application whatever
 * the score says.
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds of the decision
 * @param utcOffsetMinutes the local calendar's offset from UTC for the age (default UTC+8)
 * @param required data categories the product requires consent to (engine option `requiredConsents`)
 * @returns one `Guard` per code, in a fixed order
 * @example checkGuards(applicant, asOf).every((g) => g.passed) // => true (an adult who consented)
 */
export function checkGuards(
  applicant: AnyFormApplicant,
  asOf: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
  required: readonly ConsentCategory[] = NONE,
): readonly Guard[] {
  return guardsOf(
    applicantAge(applicant, asOf, utcOffsetMinutes),
    consentGiven(applicant, asOf),
    applicant.identity.realNameVerified,
    applicant.identity.idVerified,
    required.length === 0 ? undefined : purposesConsented(applicant, required),
  );
}

const NONE: readonly ConsentCategory[] = [];

/**
 * Whether the applicant consented to every data category in `required` (`consentsTo`; without
 * `consent.purposes` every category counts as consented, except the bureau, which follows `creditBureauQuery`).
 * @param applicant a validated applicant
 * @param required data categories
 * @returns true when all are consented
 * @example purposesConsented({ ...applicant, consent: { creditBureauQuery: true, purposes: { payments: true } } }, ["location"]) // => false
 */
export function purposesConsented(applicant: AnyFormApplicant, required: readonly ConsentCategory[]): boolean {
  return required.every((c) => consentsTo(applicant.consent, c));
}

/**
 * Whether consent to the bureau query was given at or before `asOf` (a missing time counts as given with the request).
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds of the decision
 * @returns true when the consent guard passes
 * @example consentGiven(applicant, asOf) // => true (consent given a minute before asOf)
 */
export function consentGiven(applicant: AnyFormApplicant, asOf: number): boolean {
  const c = applicant.consent;
  return c.creditBureauQuery && (c.givenAt === undefined || c.givenAt <= asOf);
}

/**
 * The compliance guards from their derived inputs (what a decision trace records), in the fixed order of `checkGuards`.
 * @param ageYears age in whole years on the local date of `asOf`
 * @param consent whether consent was given at or before `asOf` (`consentGiven`)
 * @param realNameVerified the identity's real-name flag
 * @param idVerified the identity's ID flag
 * @param purposes whether the required data categories were consented (`purposesConsented`), or undefined when none are required (no such guard)
 * @returns one `Guard` per code
 * @example guardsOf(17, true, true, true)[0].passed // => false
 */
export function guardsOf(
  ageYears: number,
  consent: boolean,
  realNameVerified: boolean,
  idVerified: boolean,
  purposes?: boolean,
): readonly Guard[] {
  const mask = (ageYears >= 18 ? 1 : 0) | (consent ? 2 : 0) | (realNameVerified ? 4 : 0) | (idVerified ? 8 : 0);
  if (purposes === undefined) return GUARD_SETS[mask]!;
  return GUARD_SETS_WITH_PURPOSES[mask | (purposes ? 16 : 0)]!;
}

/**
 * The possible guard lists, deeply frozen and shared by every decision (bit i set: guard i of
 * `GUARD_CODES` passed): 16 without the `purposes_consented` guard, 32 with it; no allocation per
 * decision, and `stringifyDecision` writes each list's text once. Texts from the English message pack.
 */
function guardSets(codes: readonly GuardCode[]): readonly (readonly Guard[])[] {
  return Array.from({ length: 1 << codes.length }, (_, mask) =>
    Object.freeze(
      codes.map((code, i) => {
        const passed = (mask & (1 << i)) !== 0;
        return Object.freeze({ code, passed, message: EN[passed ? `guard.${code}.passed` : `guard.${code}`]! });
      }),
    ),
  );
}
const GUARD_SETS = guardSets(GUARD_CODES.slice(0, 4));
const GUARD_SETS_WITH_PURPOSES = guardSets(GUARD_CODES);
