/**
 * Errors as data: the closed set of issue codes, the `Result` type returned at every boundary,
 * and `RiskcardError`, thrown by the `parseX` variants with the same issues.
 *
 * Issues never echo input values (they may hold personal data): they say what was wrong and
 * where (`path`), not what the value was.
 */

/** The closed union of issue codes every boundary of riskcard reports. */
export type IssueCode =
  /** A value of the wrong JSON type (string where a number was expected, ...). */
  | "invalid_type"
  /** A required field is absent. */
  | "missing"
  /** A number, string or array below its minimum (negative amount, empty list, ...). */
  | "too_small"
  /** A number, string or array above its maximum (huge array, amount over the safe range, ...). */
  | "too_big"
  /** A number that must be an integer (money in fen, counts) is fractional. */
  | "not_integer"
  /** `NaN`, `Infinity` or `-Infinity` where a finite number is required. */
  | "not_finite"
  /** A string outside a closed enumeration. */
  | "invalid_enum"
  /** A key the schema does not know. */
  | "unrecognized_key"
  /** `__proto__`, `constructor` or `prototype` used as a key. */
  | "forbidden_key"
  /** A string that does not match its format (date, id pattern, ...). */
  | "invalid_format"
  /** A timestamp after the `asOf` of the call. */
  | "in_future"
  /** An artefact whose `format` or `version` this build cannot read. */
  | "unsupported_version"
  /** A reference to something that does not exist (unknown feature, fact, list, rule). */
  | "unknown_reference"
  /** Weights that must sum to 100% do not. */
  | "invalid_weights"
  /** Nesting deeper, or a structure larger, than the configured limit. */
  | "too_complex"
  /** Two fields that must agree do not (lower above upper, duplicate ids, ...). */
  | "inconsistent"
  /** Any other value the contract rejects; the message says which rule. */
  | "invalid_value"
  /**
   * The summary that ends a capped issue list: only the first `MAX_ISSUES` issues are returned,
   * and this last one says how many more were found (path `[]`, relative to the input).
   */
  | "too_many_issues";

/**
 * Stands in an issue path for an object key that is not a plain identifier (`safeKey`): such a key
 * may itself be personal data (`{"张三 13800138000": 1}`), so it is never echoed.
 * @example issue("unrecognized_key", ["张三 13800138000"], "unknown key").path[0] === KEY_PLACEHOLDER // => true
 */
export const KEY_PLACEHOLDER = "<key>";

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A key as it may appear in an issue path: itself when it is a plain identifier of at most 64
 * characters (`/^[A-Za-z_][A-Za-z0-9_]{0,63}$/`, as every key of riskcard's contracts is), else
 * `KEY_PLACEHOLDER`. `issue` applies it to every string segment of a path.
 * @param key an object key from the input
 * @returns the key, or `"<key>"`
 * @example safeKey("张三 13800138000") // => "<key>"
 */
export function safeKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : KEY_PLACEHOLDER;
}

/** Path to the offending value: object keys and array indices from the root. */
export type IssuePath = readonly (string | number)[];

/** One problem found in an input: a code from a closed union, where it is, and a plain message. */
export interface Issue {
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly message: string;
}

/** Success or failure with issues: the return type of every non-throwing boundary function. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Wraps a value as a successful result.
 * @param value the value
 * @returns `{ ok: true, value }`
 * @example ok(1) // => { ok: true, value: 1 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Wraps issues as a failed result.
 * @param issues one or more issues
 * @returns `{ ok: false, issues }`
 * @example fail([{ code: "missing", path: ["id"], message: "required" }]).ok // => false
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * Builds an issue. Every string segment of the path goes through `safeKey`, so a key that is not
 * a plain identifier (it may be personal data) is replaced by `KEY_PLACEHOLDER`.
 * @param code the issue code
 * @param path where the problem is
 * @param message what was wrong, without the value itself
 * @returns a frozen issue
 * @example issue("too_small", ["payments", 0, "amountFen"], "must be >= 0").path // => ["payments", 0, "amountFen"]
 * @example issue("unrecognized_key", ["张三 13800138000"], "unknown key").path // => ["<key>"]
 */
export function issue(code: IssueCode, path: IssuePath, message: string): Issue {
  const p: (string | number)[] = new Array(path.length);
  for (let i = 0; i < path.length; i++) {
    const s = path[i]!;
    p[i] = typeof s === "string" ? safeKey(s) : s;
  }
  return Object.freeze({ code, path: Object.freeze(p), message });
}

/**
 * The base class of errors thrown by riskcard's throwing variants (`parseApplicant.orThrow`,
 * `loadScorecard`, ...). It carries the same issues the `Result` would have held, and its message
 * lists codes and paths only.
 * @example new RiskcardError([issue("missing", ["id"], "required")]).message // => "invalid input: 1 issue\n  missing at id: required"
 */
export class RiskcardError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], what = "input") {
    super(formatIssues(issues, what));
    this.name = "RiskcardError";
    this.issues = issues;
  }
}

/**
 * Thrown when an artefact (model, rule set, policy) fails validation on load.
 * @example new ArtefactError([]) instanceof RiskcardError // => true
 */
export class ArtefactError extends RiskcardError {
  constructor(issues: readonly Issue[], what = "artefact") {
    super(issues, what);
    this.name = "ArtefactError";
  }
}

/**
 * Thrown when a configuration (weights, policies, engine config) is invalid.
 * @example new ConfigError([]).name // => "ConfigError"
 */
export class ConfigError extends RiskcardError {
  constructor(issues: readonly Issue[], what = "configuration") {
    super(issues, what);
    this.name = "ConfigError";
  }
}

/**
 * Formats issues as one line each: `code at path: message`.
 * @param issues the issues
 * @param what the kind of input, for the first line
 * @returns a multi-line message with no input values
 * @example formatIssues([issue("missing", ["id"], "required")]) // => "invalid input: 1 issue\n  missing at id: required"
 */
export function formatIssues(issues: readonly Issue[], what = "input"): string {
  const head = `invalid ${what}: ${issues.length} issue${issues.length === 1 ? "" : "s"}`;
  const shown = issues.slice(0, 20).map((i) => `  ${i.code} at ${formatPath(i.path)}: ${i.message}`);
  if (issues.length > 20) shown.push(`  ... and ${issues.length - 20} more`);
  return [head, ...shown].join("\n");
}

/**
 * Formats a path as `a.b[0].c`, or `(root)` when empty.
 * @param path the path
 * @returns the path as text
 * @example formatPath(["payments", 3, "amountFen"]) // => "payments[3].amountFen"
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

/**
 * Returns the value or throws a `RiskcardError` carrying the issues.
 * @param result a result
 * @param what the kind of input, for the message
 * @returns the value when `result.ok`
 * @throws {RiskcardError} when `result.ok` is false
 * @example unwrap(ok(3)) // => 3
 */
export function unwrap<T>(result: Result<T>, what = "input"): T {
  if (result.ok) return result.value;
  throw new RiskcardError(result.issues, what);
}
