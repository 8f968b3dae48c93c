import type { AnyFormApplicant } from "./applicant";
import { applicantSchemaFor } from "./columnar";
import { parseApplicantFast, parseApplicantInPlace } from "./fast-parse";
import { freezeValidApplicant } from "./fast-parse/freeze-valid";
import { keepReadableInPlace } from "./readable-columns/in-place";
import { type Result, RiskcardError, fail, issue, ok } from "./result";
import { validateWith } from "./zod-issues";

/**
 * Validates an applicant against the zod contract: `applicantSchema`, with `payments` and
 * `devices.events` checked against their columnar schemas (`paymentColumnsSchema`,
 * `deviceEventColumnsSchema`) when they are sent as objects. Unknown keys are rejected.
 * @param input anything, typically `JSON.parse` of a request body
 * @returns `{ ok: true, value }` with the applicant, or `{ ok: false, issues }` (no input values in them)
 * @example parseApplicant({ id: "a1" }).ok // => false (identity and consent are missing)
 */
export function parseApplicantWithZod(input: unknown): Result<AnyFormApplicant> {
  return validateWith(applicantSchemaFor(input), input) as Result<AnyFormApplicant>;
}

declare const parsedBrand: unique symbol;

/**
 * An applicant returned by `parseApplicant`: validated, deep-frozen, and recognised by
 * `createEngine().decide`, which then does not validate it again. The brand is a type only; the
 * proof is a module-private registry of the values `parseApplicant` returned, so a look-alike
 * object (a copy, a spread, JSON round trip) is validated like any other input.
 */
export type ParsedApplicant = AnyFormApplicant & { readonly [parsedBrand]: true };

/** Every applicant `parseApplicant` has returned (frozen, so what was validated cannot change). */
const parsed = new WeakSet<object>();

/**
 * Validates an applicant; see `parseApplicantWithZod` for the contract. Runs the hand-written
 * fast path (`parseApplicantFast`), proven equal to the zod schema (same accepted inputs, issue
 * codes, paths, messages and order) by a differential property test. The accepted applicant is a
 * deep-frozen snapshot of the input (every value read once), not the input itself; passing it to
 * `decide` skips a second validation. Passing a value this function returned gives it back as is.
 * @param input anything
 * @returns a result with the frozen `ParsedApplicant` or the issues
 * @example parseApplicant({ id: "a1" }).ok // => false
 */
export function parseApplicant(input: unknown): Result<ParsedApplicant> {
  if (isParsedApplicant(input)) return ok(input);
  const r = parseApplicantFast(input);
  if (!r.ok) return fail(r.issues);
  parsed.add(r.value);
  return ok(r.value as ParsedApplicant);
}

/**
 * Parses and validates an applicant sent as JSON text (a request body, a JSONL line): the same
 * result as `parseApplicant(JSON.parse(text))` (same issues: codes, paths, messages, order; an equal
 * value; recognised by `decide` in the same way), at less cost. The value `JSON.parse` returns here
 * is plain data that no other code can reach (no getters, no Proxy, nothing can change it later),
 * so it is validated in place and, when valid, frozen in place: the snapshot copy that
 * `parseApplicant` makes of a caller's object (to guard against those) is not needed.
 * @param text the JSON text
 * @returns `{ ok: true, value }` with the frozen `ParsedApplicant`, or `{ ok: false, issues }`: one
 *   `invalid_format` issue at `[]` when the text is not JSON, else the issues `parseApplicant` gives
 * @throws {TypeError} when `text` is not a string
 * @example parseApplicantJson(JSON.stringify(applicant)).ok // => true
 * @example parseApplicantJson("{").ok // => false (not JSON: one invalid_format issue at the root)
 */
export function parseApplicantJson(text: string): Result<ParsedApplicant> {
  if (typeof text !== "string") throw new TypeError("parseApplicantJson expects a string");
  const r = applicantFromJsonText(text, true);
  if (!r.ok) return r;
  freezeValidApplicant(r.value as unknown as Record<string, unknown>);
  parsed.add(r.value);
  return ok(r.value as ParsedApplicant);
}

/**
 * JSON text to a valid applicant in place: `JSON.parse`, validation in place (`parseApplicantInPlace`)
 * and, when valid, the readable form of its payment and device-event columns attached
 * (`keepReadableInPlace`: copies when `handOut`, else the columns' own arrays). Neither frozen nor
 * registered: `parseApplicantJson` does that (`handOut`); `engine.decideJson`, whose applicant no code
 * outside riskcard ever reaches, does not need to.
 * @param text the JSON text (a string)
 * @param handOut whether the value will be frozen and handed out (then the readable columns are copies)
 * @returns the applicant, or one `invalid_format` issue at `[]` when the text is not JSON, or its issues
 * @example applicantFromJsonText("{", false).ok // => false
 * @internal
 */
export function applicantFromJsonText(text: string, handOut: boolean): Result<AnyFormApplicant> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail([issue("invalid_format", [], "not valid JSON text")]);
  }
  const r = parseApplicantInPlace(value);
  if (r.ok) keepReadableInPlace(r.value as unknown as Record<string, unknown>, handOut);
  return r;
}

/**
 * Whether a value was returned by `parseApplicant` (and is therefore valid and frozen).
 * @param value anything
 * @returns true only for values `parseApplicant` returned in this process
 * @example isParsedApplicant(parseApplicantOrThrow(applicant)) // => true
 */
export function isParsedApplicant(value: unknown): value is ParsedApplicant {
  return typeof value === "object" && value !== null && parsed.has(value);
}

/**
 * The applicant `decide` works on: a value from `parseApplicant` as is (validated once already),
 * anything else validated through a frozen snapshot (`parseApplicantFast`) that is not registered,
 * so it is never mistaken for a value the caller received from `parseApplicant`.
 * @param input anything
 * @returns the applicant to use, or the issues
 * @example applicantToDecide(parseApplicantOrThrow(applicant)).ok // => true (without validating again)
 * @internal
 */
export function applicantToDecide(input: unknown): Result<AnyFormApplicant> {
  if (isParsedApplicant(input)) return ok(input);
  return parseApplicantFast(input);
}

/**
 * Validates an applicant and returns it, or throws.
 * @param input anything
 * @returns the frozen `ParsedApplicant`
 * @throws {RiskcardError} carrying the issues when the input is not a valid applicant
 * @example parseApplicantOrThrow({}) // throws RiskcardError: invalid applicant: 3 issues
 */
export function parseApplicantOrThrow(input: unknown): ParsedApplicant {
  const r = parseApplicant(input);
  if (r.ok) return r.value;
  throw new RiskcardError(r.issues, "applicant");
}
