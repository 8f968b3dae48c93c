import type { Applicant } from "./applicant";
import { checkToken, PSEUDONYM_CHARS } from "./fast-parse/checks";
import { type Ctx, isObject, reportType, unknownKeys } from "./fast-parse/context";
import { application, bureau, consent, devices, identity, loans, payments, social } from "./fast-parse/sections";
import { capIssues } from "./json-guard";
import { type Result, fail, ok } from "./result";

const APPLICANT_KEYS: ReadonlySet<string> = new Set([
  "id",
  "identity",
  "consent",
  "application",
  "payments",
  "social",
  "bureau",
  "devices",
  "loans",
]);
const ROOT: readonly (string | number)[] = [];

/**
 * Validates an applicant against the `applicantSchema` contract without zod: hand-written checks
 * that accept and reject exactly the inputs zod does, with the same issue codes, paths, messages
 * and order (proven by a differential fast-check test against `parseApplicantWithZod`), capped
 * the same way (`capIssues`: the first 100 and a `too_many_issues` summary).
 *
 * Unlike zod, the accepted input is returned as is, not copied: the applicant in the result is
 * the object passed in (zod's copy has the same keys and values, since unknown keys are rejected,
 * never stripped). Copy or freeze it if the caller may mutate it later.
 * @param input anything, typically `JSON.parse` of a request body
 * @returns `{ ok: true, value }` with the applicant, or `{ ok: false, issues }` (no input values in them)
 * @example parseApplicantFast({ id: "a1" }).ok // => false (identity and consent are missing)
 */
export function parseApplicantFast(input: unknown): Result<Applicant> {
  const ctx: Ctx = { issues: [], aborting: 0 };
  if (!isObject(input)) {
    reportType(ctx, input, "object", ROOT, -1, undefined);
    return fail(ctx.issues);
  }
  checkToken(ctx, input.id, 128, PSEUDONYM_CHARS, false, ROOT, -1, "id");
  identity(ctx, input.identity, ROOT);
  consent(ctx, input.consent, ROOT);
  application(ctx, input.application, ROOT);
  payments(ctx, input.payments, ROOT);
  social(ctx, input.social, ROOT);
  bureau(ctx, input.bureau, ROOT);
  devices(ctx, input.devices, ROOT);
  loans(ctx, input.loans, ROOT);
  unknownKeys(ctx, input, APPLICANT_KEYS, ROOT, -1);
  return ctx.issues.length === 0 ? ok(input as unknown as Applicant) : fail(capIssues(ctx.issues));
}
