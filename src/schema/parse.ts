import { type Applicant, applicantSchema } from "./applicant";
import { parseApplicantFast } from "./fast-parse";
import { type Result, RiskcardError } from "./result";
import { validateWith } from "./zod-issues";

/**
 * Validates an applicant against `applicantSchema` (the zod contract). Unknown keys are rejected.
 * @param input anything, typically `JSON.parse` of a request body
 * @returns `{ ok: true, value }` with the applicant, or `{ ok: false, issues }` (no input values in them)
 * @example parseApplicant({ id: "a1" }).ok // => false (identity and consent are missing)
 */
export function parseApplicantWithZod(input: unknown): Result<Applicant> {
  return validateWith(applicantSchema, input);
}

/**
 * Validates an applicant; see `parseApplicantWithZod` for the contract. Runs the hand-written
 * fast path (`parseApplicantFast`), proven equal to the zod schema (same accepted inputs, issue
 * codes, paths, messages and order) by a differential property test; the accepted applicant is
 * the input object itself, not a copy.
 * @param input anything
 * @returns a result with the applicant or the issues
 * @example parseApplicant({ id: "a1" }).ok // => false
 */
export function parseApplicant(input: unknown): Result<Applicant> {
  return parseApplicantFast(input);
}

/**
 * Validates an applicant and returns it, or throws.
 * @param input anything
 * @returns the applicant
 * @throws {RiskcardError} carrying the issues when the input is not a valid applicant
 * @example parseApplicantOrThrow({}) // throws RiskcardError: invalid applicant: 3 issues
 */
export function parseApplicantOrThrow(input: unknown): Applicant {
  const r = parseApplicant(input);
  if (r.ok) return r.value;
  throw new RiskcardError(r.issues, "applicant");
}
