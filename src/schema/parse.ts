import type { z } from "zod";
import { type Applicant, applicantSchema } from "./applicant";
import { parseApplicantFast } from "./fast-parse";
import { type Issue, type IssueCode, type Result, RiskcardError, fail, issue, ok } from "./result";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Converts zod issues into riskcard issues: closed codes, the same paths, and messages that
 * never contain the input value. An unknown key becomes one `unrecognized_key` issue per key with
 * the key appended to the path (`forbidden_key` for `__proto__`, `constructor`, `prototype`).
 * @param issues zod issues, produced with `reportInput: true` so the kind of input can be told apart
 * @returns riskcard issues in zod's order
 * @example fromZodIssues(applicantSchema.safeParse({}, { reportInput: true }).error!.issues)[0].code // => "missing"
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
    switch (zi.code) {
      case "invalid_type": {
        const input = (zi as { input?: unknown }).input;
        if (input === undefined) out.push(issue("missing", path, "required"));
        else if (typeof input === "number" && !Number.isFinite(input))
          out.push(issue("not_finite", path, "must be a finite number"));
        else if (zi.expected === "int" && typeof input === "number")
          out.push(issue("not_integer", path, "must be an integer"));
        else out.push(issue("invalid_type", path, `expected ${zi.expected === "int" ? "integer" : zi.expected}`));
        break;
      }
      case "too_small":
        out.push(issue("too_small", path, boundMessage(zi.origin, ">=", zi.minimum)));
        break;
      case "too_big":
        out.push(issue("too_big", path, boundMessage(zi.origin, "<=", zi.maximum)));
        break;
      case "invalid_value":
        out.push(issue("invalid_enum", path, "not one of the allowed values"));
        break;
      case "invalid_format":
        out.push(
          issue(
            "invalid_format",
            path,
            zi.format === "regex" ? "does not match the expected pattern" : `not a valid ${zi.format}`,
          ),
        );
        break;
      case "unrecognized_keys":
        for (const k of zi.keys) {
          if (FORBIDDEN_KEYS.has(k)) out.push(issue("forbidden_key", [...path, k], "forbidden key"));
          else out.push(issue("unrecognized_key", [...path, k], "unknown key"));
        }
        break;
      case "custom": {
        const code = (zi.params as { code?: IssueCode } | undefined)?.code ?? "invalid_value";
        out.push(issue(code, path, zi.message));
        break;
      }
      default:
        out.push(issue("invalid_value", path, "invalid value"));
    }
  }
  return out;
}

function boundMessage(origin: string, op: string, bound: number | bigint): string {
  if (origin === "array") return `must have ${op === ">=" ? "at least" : "at most"} ${bound} items`;
  if (origin === "string") return `must have ${op === ">=" ? "at least" : "at most"} ${bound} characters`;
  return `must be ${op} ${bound}`;
}

/**
 * Validates an applicant against `applicantSchema` (the zod contract). Unknown keys are rejected.
 * @param input anything, typically `JSON.parse` of a request body
 * @returns `{ ok: true, value }` with the applicant, or `{ ok: false, issues }` (no input values in them)
 * @example parseApplicant({ id: "a1" }).ok // => false (identity and consent are missing)
 */
export function parseApplicantWithZod(input: unknown): Result<Applicant> {
  const r = applicantSchema.safeParse(input, { reportInput: true });
  return r.success ? ok(r.data) : fail(fromZodIssues(r.error.issues));
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
