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
  const c = applicant.consent;
  const results: [GuardCode, boolean][] = [
    ["age_18_or_over", applicantAge(applicant, asOf, utcOffsetMinutes) >= 18],
    ["consent_given", c.creditBureauQuery && (c.givenAt === undefined || c.givenAt <= asOf)],
    ["real_name_verified", applicant.identity.realNameVerified],
    ["id_verified", applicant.identity.idVerified],
  ];
  return results.map(([code, passed]) => ({ code, passed, message: MESSAGES[code][passed ? 0 : 1] }));
}
