import { ageInYears } from "../schema/age";
import type { Applicant } from "../schema/applicant";

/**
 * China Standard Time (UTC+8): the default local calendar for ages.
 * @example DEFAULT_UTC_OFFSET_MINUTES // => 480 (UTC+8)
 */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** The closed set of compliance guards every decision checks before scoring. */
export type GuardCode = "age_18_or_over" | "consent_given" | "real_name_verified" | "id_verified";

/** One compliance guard's outcome, with a plain message (no personal data). */
export interface Guard {
  readonly code: GuardCode;
  readonly passed: boolean;
  readonly message: string;
}

const MESSAGES: Record<GuardCode, readonly [string, string]> = {
  age_18_or_over: ["Applicant is 18 or over", "Applicants under 18 cannot be offered credit"],
  consent_given: [
    "Consent to the credit-bureau query was given",
    "No consent to the credit-bureau query was given before the decision",
  ],
  real_name_verified: ["Real name is verified", "Real name is not verified"],
  id_verified: ["ID is verified against public records", "ID is not verified against public records"],
};

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
  applicant: Applicant,
  asOf: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): number {
  const { birthDate, ageYears } = applicant.identity;
  if (birthDate !== undefined) return ageInYears(birthDate, asOf, utcOffsetMinutes * 60_000);
  return ageYears ?? 0;
}

/**
 * Checks the compliance guards: age 18 or over on the local date of `asOf`, consent to the bureau query given at or
 * before `asOf`, real name verified, ID verified. A failed guard declines the application whatever
 * the score says.
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds of the decision
 * @param utcOffsetMinutes the local calendar's offset from UTC for the age (default UTC+8)
 * @returns one `Guard` per code, in a fixed order
 * @example checkGuards(applicant, asOf).every((g) => g.passed) // => true (an adult who consented)
 */
export function checkGuards(
  applicant: Applicant,
  asOf: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): readonly Guard[] {
  return guardsOf(
    applicantAge(applicant, asOf, utcOffsetMinutes),
    consentGiven(applicant, asOf),
    applicant.identity.realNameVerified,
    applicant.identity.idVerified,
  );
}

/**
 * Whether consent to the bureau query was given at or before `asOf` (a missing time counts as given with the request).
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds of the decision
 * @returns true when the consent guard passes
 * @example consentGiven(applicant, asOf) // => true (consent given a minute before asOf)
 */
export function consentGiven(applicant: Applicant, asOf: number): boolean {
  const c = applicant.consent;
  return c.creditBureauQuery && (c.givenAt === undefined || c.givenAt <= asOf);
}

/**
 * The compliance guards from their derived inputs (what a decision trace records), in the fixed order of `checkGuards`.
 * @param ageYears age in whole years on the local date of `asOf`
 * @param consent whether consent was given at or before `asOf` (`consentGiven`)
 * @param realNameVerified the identity's real-name flag
 * @param idVerified the identity's ID flag
 * @returns one `Guard` per code
 * @example guardsOf(17, true, true, true)[0].passed // => false
 */
export function guardsOf(
  ageYears: number,
  consent: boolean,
  realNameVerified: boolean,
  idVerified: boolean,
): readonly Guard[] {
  return GUARD_SETS[(ageYears >= 18 ? 1 : 0) | (consent ? 2 : 0) | (realNameVerified ? 4 : 0) | (idVerified ? 8 : 0)]!;
}

const GUARD_ORDER: readonly GuardCode[] = ["age_18_or_over", "consent_given", "real_name_verified", "id_verified"];

/**
 * The 16 possible guard lists, deeply frozen and shared by every decision (bit i set: guard i passed):
 * no allocation per decision, and `serializeDecision` writes each list's text once.
 */
const GUARD_SETS: readonly (readonly Guard[])[] = Array.from({ length: 16 }, (_, mask) =>
  Object.freeze(
    GUARD_ORDER.map((code, i) => {
      const passed = (mask & (1 << i)) !== 0;
      return Object.freeze({ code, passed, message: MESSAGES[code][passed ? 0 : 1] });
    }),
  ),
);
