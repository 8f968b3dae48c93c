/**
 * `engine.decideJson(text, options)` / `engine.safeDecideJson(text, options)`: JSON text in, a decision
 * out, for a server or a JSONL reader that holds the body as text. The same steps as
 * `engine.decide(JSON.parse(text), options)`, at less cost: the value `JSON.parse` returns is validated
 * in place (as `parseApplicantJson` does), and since no code outside riskcard ever holds it (the text goes
 * in, a decision comes out) it is neither frozen nor registered as a `ParsedApplicant`: nothing can change
 * it between validation and use. No decision, trace or record holds a reference to any part of it (they
 * hold numbers, strings and objects the engine builds; a test walks them).
 * @internal
 */
import type { AnyFormApplicant } from "../schema/applicant";
import { applicantFromJsonText, applicantToDecide } from "../schema/internal";
import { type Issue, type Result, RiskcardError, fail } from "../schema/result";
import type { DecideOptions, Decision } from "./types";

/**
 * How an engine decides one input: check the options (issues under "decide options"), take the applicant
 * from the input (`json`: JSON text validated in place, `applicantFromJson`; else `applicantToDecide`),
 * then decide. Throws `RiskcardError` on bad options or a bad applicant when `throwing`, else returns them.
 * @internal
 */
export type DecideVia = (input: unknown, options: DecideOptions, json: boolean, throwing: boolean) => Result<Decision>;

/**
 * The applicant of a `decideJson` call: the JSON text validated in place, its readable columns the
 * columns' own arrays (`keepReadableInPlace`: no copy), neither frozen nor registered (see the file comment).
 * @param text JSON text (a string: `jsonMethods` checks it)
 * @returns the valid applicant, or the issues `parseApplicantJson` gives for the text
 * @example applicantFromJson("{").ok // => false (not JSON)
 * @internal
 */
export function applicantFromJson(text: unknown): Result<AnyFormApplicant> {
  return applicantFromJsonText(text as string, false);
}

/**
 * The applicant of a `decide` or `decideJson` call, by `DecideVia`'s `json` flag.
 * @param input the applicant as given (an object, or JSON text when `json`)
 * @param json whether `input` is JSON text
 * @returns the valid applicant or its issues
 * @example applicantOf("{}", true).ok // => false
 * @internal
 */
export function applicantOf(input: unknown, json: boolean): Result<AnyFormApplicant> {
  return json ? applicantFromJson(input) : applicantToDecide(input);
}

/**
 * A refusal of `DecideVia`: thrown as a `RiskcardError` (labelled `what`) when `throwing`, else returned.
 * @param issues the issues
 * @param what the kind of input ("decide options" or "applicant"), for the error's message
 * @param throwing whether to throw
 * @returns the failed Result
 * @throws {RiskcardError} when `throwing`
 * @example refuse([], "applicant", false).ok // => false
 * @internal
 */
export function refuse(issues: readonly Issue[], what: string, throwing: boolean): Result<Decision> {
  if (throwing) throw new RiskcardError(issues, what);
  return fail(issues);
}

/**
 * The decision of a `DecideVia` call made with `throwing` (which returns only decisions).
 * @param r the Result
 * @returns its decision
 * @example decisionOf({ ok: true, value: "d" } as never) // => "d"
 * @internal
 */
export function decisionOf(r: Result<Decision>): Decision {
  return (r as { readonly value: Decision }).value;
}

/** The JSON methods of an `Engine`. */
export interface JsonMethods {
  decideJson(text: string, options: DecideOptions): Decision;
  safeDecideJson(text: string, options: DecideOptions): Result<Decision>;
}

/**
 * `decideJson` and `safeDecideJson` of an engine from its `DecideVia`: a `text` that is not a string is a
 * programmer error (TypeError, as `parseApplicantJson`), checked before the options.
 * @param via the engine's way of deciding one input
 * @returns the two methods
 * @example jsonMethods(() => ({ ok: false, issues: [] })).safeDecideJson("{}", { asOf: 0 }).ok // => false
 * @internal
 */
export function jsonMethods(via: DecideVia): JsonMethods {
  return {
    decideJson: (text: string, options: DecideOptions): Decision => decisionOf(via(textOf(text), options, true, true)),
    safeDecideJson: (text: string, options: DecideOptions): Result<Decision> => via(textOf(text), options, true, false),
  };
}

function textOf(text: unknown): string {
  if (typeof text !== "string") throw new TypeError("decideJson expects the JSON text as a string");
  return text;
}
