import type { Applicant } from "../schema/applicant";

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
  consent_given: ["Consent to the credit-bureau query was given", "No consent to the credit-bureau query was given before the decision"],
  real_name_verified: ["Real name is verified", "Real name is not verified"],
  id_verified: ["ID is verified against public records", "ID is not verified against public records"],
};

/**
 * Whole years between a `YYYY-MM-DD` birth date and an instant (UTC calendar).
 * @param birthDate a calendar date `YYYY-MM-DD`
 * @param asOf epoch milliseconds
 * @returns completed years of age at `asOf` (negative if born after it)
 * @example ageInYears("2008-07-01", Date.UTC(2026, 5, 30)) // => 17
 */
export function ageInYears(birthDate: string, asOf: number): number {
  const d = new Date(asOf);
  const y = Number(birthDate.slice(0, 4));
  const m = Number(birthDate.slice(5, 7));
  const day = Number(birthDate.slice(8, 10));
  let age = d.getUTCFullYear() - y;
  const month = d.getUTCMonth() + 1;
  if (month < m || (month === m && d.getUTCDate() < day)) age -= 1;
  return age;
}

/**
 * The applicant's age at `asOf`: from the birth date when given, else the declared `ageYears`.
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds
 * @returns whole years
 * @example applicantAge({ identity: { ageYears: 30, ... }, ... }, 0) // => 30
 */
export function applicantAge(applicant: Applicant, asOf: number): number {
  const { birthDate, ageYears } = applicant.identity;
  if (birthDate !== undefined) return ageInYears(birthDate, asOf);
  return ageYears ?? 0;
}

/**
 * Checks the compliance guards: age 18 or over at `asOf`, consent to the bureau query given at or
 * before `asOf`, real name verified, ID verified. A failed guard declines the application whatever
 * the score says.
 * @param applicant a validated applicant
 * @param asOf epoch milliseconds of the decision
 * @returns one `Guard` per code, in a fixed order
 * @example checkGuards(applicant, asOf).every((g) => g.passed) // => true for an adult who consented
 */
export function checkGuards(applicant: Applicant, asOf: number): readonly Guard[] {
  const c = applicant.consent;
  const results: [GuardCode, boolean][] = [
    ["age_18_or_over", applicantAge(applicant, asOf) >= 18],
    ["consent_given", c.creditBureauQuery && (c.givenAt === undefined || c.givenAt <= asOf)],
    ["real_name_verified", applicant.identity.realNameVerified],
    ["id_verified", applicant.identity.idVerified],
  ];
  return results.map(([code, passed]) => ({ code, passed, message: MESSAGES[code][passed ? 0 : 1] }));
}
