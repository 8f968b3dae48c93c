import type { AnyFormApplicant } from "./applicant";
import { checkToken, PSEUDONYM_CHARS, tokenField } from "./fast-parse/checks";
import { type Ctx, isObject, reportType, unknownKeys } from "./fast-parse/context";
import {
  APPLICANT_KEYS,
  application,
  bureau,
  consent,
  devices,
  identity,
  loans,
  payments,
  social,
} from "./fast-parse/sections";
import { snapshotApplicant } from "./fast-parse/snapshot";
import { capIssues } from "./json-guard";
import { BOUNDS } from "./limits";
import { type Result, fail, issue, ok } from "./result";

/** The applicant's `id`: a required pseudonym (bounds shared with the zod schema). */
const ID = tokenField(BOUNDS.pseudonymLength, PSEUDONYM_CHARS, false);

const ROOT: readonly (string | number)[] = [];

/**
 * Validates an applicant against the `applicantSchema` contract without zod: hand-written checks
 * that accept and reject exactly the inputs zod does, with the same issue codes, paths, messages
 * and order (proven by a differential fast-check test against `parseApplicantWithZod`), capped
 * the same way (`capIssues`: the first 100 and a `too_many_issues` summary).
 *
 * What is validated is a snapshot of the input (fresh plain objects and arrays, every value read
 * once), and the accepted applicant is that snapshot, deep-frozen: a getter or Proxy in the input
 * cannot change a value after it was checked, and the caller cannot change it later. A getter or
 * trap that throws gives one `invalid_value` issue at the root.
 * @param input anything, typically `JSON.parse` of a request body
 * @returns `{ ok: true, value }` with the frozen applicant, or `{ ok: false, issues }` (no input values in them)
 * @example parseApplicantFast({ id: "a1" }).ok // => false (identity and consent are missing)
 */
export function parseApplicantFast(input: unknown): Result<AnyFormApplicant> {
  const ctx: Ctx = { issues: [], aborting: 0, checked: 0 };
  let snap: unknown;
  try {
    snap = snapshotApplicant(input, ctx);
  } catch {
    return fail(UNREADABLE);
  }
  return validate(ctx, snap);
}

/**
 * `parseApplicantFast` without the snapshot, for a value nobody else holds that has no getters,
 * Proxies or inherited fields of its own (a fresh `JSON.parse` result: `parseApplicantJson`):
 * the same checks, run on the value itself, so the same issues (codes, paths, messages, order).
 * The accepted value is the input, not frozen (the caller freezes it in place).
 * @param value a fresh `JSON.parse` result that no other code can reach
 * @returns `{ ok: true, value }` with the input itself, or `{ ok: false, issues }`
 * @example parseApplicantInPlace(JSON.parse('{"id":"a1"}')).ok // => false
 * @internal
 */
export function parseApplicantInPlace(value: unknown): Result<AnyFormApplicant> {
  return validate({ issues: [], aborting: 0, checked: 0 }, value);
}

const UNREADABLE = Object.freeze([issue("invalid_value", ROOT, "could not be read as plain data")]);

/**
 * The checks proper, on a snapshot: each value is read from fresh plain objects only; the element
 * loops of the arrays in `ctx.checked` are skipped (the snapshot ran them).
 */
function validate(ctx: Ctx, input: unknown): Result<AnyFormApplicant> {
  if (!isObject(input)) {
    reportType(ctx, input, "object", ROOT, -1, undefined);
    return fail(ctx.issues);
  }
  checkToken(ctx, input.id, ID, ROOT, -1, "id");
  identity(ctx, input.identity, ROOT);
  consent(ctx, input.consent, ROOT);
  application(ctx, input.application, ROOT);
  payments(ctx, input.payments, ROOT);
  social(ctx, input.social, ROOT);
  bureau(ctx, input.bureau, ROOT);
  devices(ctx, input.devices, ROOT);
  loans(ctx, input.loans, ROOT);
  unknownKeys(ctx, input, APPLICANT_KEYS, ROOT, -1);
  return ctx.issues.length === 0 ? ok(input as unknown as AnyFormApplicant) : fail(capIssues(ctx.issues));
}
