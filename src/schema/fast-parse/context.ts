import { FORBIDDEN_KEYS } from "../json-guard";
import { type Issue, type IssueCode, issue } from "../result";

/** A path segment list (object keys and array indices). */
export type Path = readonly (string | number)[];

/**
 * The arrays of one snapshot that were found valid element by element while they were copied
 * (bits `CHECKED_PAYMENTS`, `CHECKED_DEVICE_EVENTS`, and their columnar twins); filled by `snapshotApplicant` (`snapshot.ts`). @internal
 */
export interface Checked {
  checked: number;
}
/** `payments`: every element an object with schema keys only that passed `validPayment`. @internal */
export const CHECKED_PAYMENTS = 1;
/** `devices.events`: every element an object with schema keys only that passed `validDeviceEvent`. @internal */
export const CHECKED_DEVICE_EVENTS = 2;
/** `payments` in columns: every schema column an array within the cap, the required ones present, every entry valid (`copyChecked`). @internal */
export const CHECKED_PAYMENT_COLUMNS = 4;
/** `devices.events` in columns, as `CHECKED_PAYMENT_COLUMNS`. @internal */
export const CHECKED_DEVICE_EVENT_COLUMNS = 8;

/**
 * The mutable state of one fast parse: the issues found so far and how many of them would stop
 * zod's later checks (zod skips a schema's refinements once an issue without `continue` exists).
 * @internal
 */
export interface Ctx extends Checked {
  issues: Issue[];
  /** Count of issues after which zod does not run further non-`when` checks (type errors, enum errors). */
  aborting: number;
}

/**
 * Records an issue at `[...pre, idx?, key?]` (idx < 0 and key undefined are left out).
 * @internal
 */
export function report(
  ctx: Ctx,
  code: IssueCode,
  pre: Path,
  idx: number,
  key: string | undefined,
  message: string,
  aborts: boolean,
): void {
  const path: (string | number)[] = pre.slice();
  if (idx >= 0) path.push(idx);
  if (key !== undefined) path.push(key);
  ctx.issues.push(issue(code, path, message));
  if (aborts) ctx.aborting++;
}

/**
 * Reports a value that has the wrong type the way `fromZodIssues` maps zod's `invalid_type`.
 * @internal
 */
export function reportType(
  ctx: Ctx,
  v: unknown,
  expected: string,
  pre: Path,
  idx: number,
  key: string | undefined,
): void {
  if (v === undefined) report(ctx, "missing", pre, idx, key, "required", true);
  else if (typeof v === "number" && !Number.isFinite(v))
    report(ctx, "not_finite", pre, idx, key, "must be a finite number", true);
  else report(ctx, "invalid_type", pre, idx, key, `expected ${expected}`, true);
}

/**
 * Whether zod treats a value as an object (`typeof "object"`, not null, not an array). @internal
 * @example [isObject({}), isObject([]), isObject(null)] // => [true, false, false]
 */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reports every enumerable key (own or inherited, as `for...in` sees them) not in `known`, in
 * `for...in` order, as `unrecognized_key` (or `forbidden_key`); `issue` shows a key that is not a
 * plain identifier as `KEY_PLACEHOLDER`, as zod's path does.
 * @internal
 */
export function unknownKeys(ctx: Ctx, o: object, known: ReadonlySet<string>, pre: Path, idx: number): void {
  for (const k in o) {
    if (known.has(k)) continue;
    if (FORBIDDEN_KEYS.has(k)) report(ctx, "forbidden_key", pre, idx, k, "forbidden key", false);
    else report(ctx, "unrecognized_key", pre, idx, k, "unknown key", false);
  }
}
