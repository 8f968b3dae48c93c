/**
 * The one guard of untrusted JSON, used by every loader before schema validation: one pre-scan
 * (size, depth, forbidden keys, values JSON cannot hold), one `deepFreeze`, one cap on the number
 * of issues returned. It sits in `src/schema/` (the bottom layer), so every folder may import it.
 *
 * Cost: the pre-scan visits each value present once, with no allocation per value, and checks an
 * array's `length` and an object's key count against the remaining budget *before* visiting their
 * items, so a sparse array of length 1e7, or a list twice the budget, is rejected without being
 * walked. Its issues never echo values, and keys only when they are plain identifiers (`issue`).
 */
import { type Issue, type IssuePath, type Result, fail, issue, ok } from "./result";

/**
 * The keys that could pollute a prototype when an artefact is copied or merged; rejected anywhere.
 * @example FORBIDDEN_KEYS.has("__proto__") // => true
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Deepest nesting of objects and arrays accepted in any artefact or configuration (the root
 * object or array is level 1). One limit for all, so the same too-deep fragment gets the same
 * issue path from every loader: 72 holds a rule set's 32 condition levels (two JSON levels each:
 * `{ "all": [ ... ] }`) under its envelope, and keeps every recursive walk after it shallow.
 * @example MAX_JSON_DEPTH // => 72 (32 condition levels x 2 JSON levels, plus the envelope)
 */
export const MAX_JSON_DEPTH = 72;

/**
 * Most issues any loader returns; past it, the first `MAX_ISSUES` and one `too_many_issues` summary.
 * @example MAX_ISSUES // => 100
 */
export const MAX_ISSUES = 100;

/** Size budget of one untrusted JSON value (per kind of artefact). */
export interface JsonLimits {
  /** Most values (objects, arrays, array slots, scalars); an array's length counts in full, holes included. */
  readonly maxNodes: number;
  /** Most characters in all strings and keys together (a proxy for the JSON text's size). */
  readonly maxChars: number;
}

/** What `guardJson` expects at the root. */
export type JsonRoot = "object" | "array" | "any";

/** Options of `guardJson`. */
export interface GuardOptions {
  /** The type the root must have (default `"any"`); a mismatch is one `invalid_type` issue at `[]`. */
  readonly root?: JsonRoot;
  /** Root keys whose values are not walked (checked by their own loader, e.g. the engine's artefacts). */
  readonly skipRootKeys?: ReadonlySet<string>;
}

/** Thrown inside the scan to stop at the first size or depth issue (never escapes `guardJson`). */
const STOP = Symbol("stop");

/**
 * Pre-scans untrusted JSON before schema validation. Issues, in this order of precedence:
 * `invalid_type` at `[]` when the root is not the expected type (nothing else is checked then);
 * `too_big` at `[]` when there are more than `limits.maxNodes` values or `limits.maxChars`
 * characters in strings and keys (the scan stops); `too_complex` at the first container nested
 * deeper than `MAX_JSON_DEPTH` (the scan stops); `forbidden_key` at each `__proto__`,
 * `constructor` or `prototype` key (path ending with the key); `invalid_type` at each value JSON
 * cannot hold (function, symbol, bigint, array hole or `undefined` item, object whose prototype
 * is not `Object.prototype` or `null`). At most `MAX_ISSUES` issues plus a summary (`capIssues`).
 * `undefined` object properties are accepted (a schema treats them as absent).
 * @param value the untrusted value (e.g. `JSON.parse` of a request or a file)
 * @param limits the size budget of this kind of input
 * @param options `root` type expected, `skipRootKeys`
 * @returns the issues, empty when the value may go on to schema validation
 * @example guardJson(JSON.parse('{"a":{"__proto__":{}}}'), { maxNodes: 100, maxChars: 1000 })[0].path // => ["a", "__proto__"]
 * @example guardJson({ list: new Array(1e7) }, { maxNodes: 100, maxChars: 1000 })[0].code // => "too_big"
 */
export function guardJson(value: unknown, limits: JsonLimits, options: GuardOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const root = options.root ?? "any";
  if (root !== "any") {
    const isArray = Array.isArray(value);
    const isObject = typeof value === "object" && value !== null && !isArray;
    if (root === "array" ? !isArray : !isObject)
      return [issue("invalid_type", [], root === "array" ? "expected a JSON array" : "expected a JSON object")];
  }
  const skip = options.skipRootKeys;
  const path: (string | number)[] = [];
  let nodes = 1;
  let chars = 0;
  let found = 0;
  const report = (code: "forbidden_key" | "invalid_type", message: string): void => {
    found++;
    if (issues.length < MAX_ISSUES) issues.push(issue(code, path, message));
  };
  const fatal = (code: "too_big" | "too_complex", at: IssuePath, message: string): never => {
    issues.length = 0;
    found = 0;
    issues.push(issue(code, at, message));
    throw STOP;
  };
  const add = (n: number, c: number): void => {
    nodes += n;
    chars += c;
    if (nodes > limits.maxNodes) fatal("too_big", [], `more than ${limits.maxNodes} values`);
    if (chars > limits.maxChars) fatal("too_big", [], `more than ${limits.maxChars} characters in strings and keys`);
  };
  const visit = (v: unknown, level: number): void => {
    switch (typeof v) {
      case "string":
        add(0, v.length);
        return;
      case "number":
      case "boolean":
        return;
      case "object":
        break;
      default:
        report("invalid_type", "not a JSON value");
        return;
    }
    if (v === null) return;
    if (level > MAX_JSON_DEPTH) fatal("too_complex", path, `nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(v)) {
      const n = v.length;
      add(n, 0); // before any item is read: a huge or sparse array costs O(1) to reject
      for (let i = 0; i < n; i++) {
        const x: unknown = v[i];
        path.push(i);
        if (x === undefined) report("invalid_type", "not a JSON value");
        else visit(x, level + 1);
        path.pop();
        if (found >= MAX_ISSUES + 1) return;
      }
      return;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      report("invalid_type", "expected a plain JSON object");
      return;
    }
    const keys = Object.keys(v);
    let keyChars = 0;
    for (let i = 0; i < keys.length; i++) keyChars += keys[i]!.length;
    add(keys.length, keyChars);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      path.push(k);
      if (FORBIDDEN_KEYS.has(k)) report("forbidden_key", "forbidden key");
      else if (!(level === 1 && skip?.has(k))) {
        const x: unknown = (v as Record<string, unknown>)[k];
        if (x !== undefined) visit(x, level + 1);
      }
      path.pop();
      if (found >= MAX_ISSUES + 1) return;
    }
  };
  try {
    visit(value, 1);
  } catch (e) {
    if (e !== STOP) throw e;
    return issues;
  }
  if (found > MAX_ISSUES) issues.push(summary(found - MAX_ISSUES, true));
  return issues;
}

function summary(more: number, atLeast: boolean): Issue {
  return issue(
    "too_many_issues",
    [],
    `${atLeast ? "at least " : ""}${more} more issue${more === 1 ? "" : "s"} not listed (only the first ${MAX_ISSUES} are)`,
  );
}

/**
 * Caps an issue list: the first `MAX_ISSUES` issues, then one `too_many_issues` issue at `[]`
 * saying how many more there were. A list within the cap is returned as is.
 * @param issues the issues found
 * @param stoppedEarly true when the caller stopped looking once over the cap (the count is then a minimum)
 * @returns at most `MAX_ISSUES + 1` issues
 * @example capIssues(Array.from({ length: 150 }, () => issue("missing", ["id"], "required"))).at(-1).message
 * // => "50 more issues not listed (only the first 100 are)"
 */
export function capIssues(issues: readonly Issue[], stoppedEarly = false): readonly Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const out = issues.slice(0, MAX_ISSUES);
  out.push(summary(issues.length - MAX_ISSUES, stoppedEarly));
  return out;
}

/**
 * The same issues with `prefix` put before each path (e.g. the config key an artefact sits under).
 * @param issues issues relative to a part of the input
 * @param prefix the path of that part
 * @returns issues relative to the whole input
 * @example prefixIssues([issue("missing", ["format"], "required")], ["rules"])[0].path // => ["rules", "format"]
 */
export function prefixIssues(issues: readonly Issue[], prefix: IssuePath): Issue[] {
  return issues.map((i) => issue(i.code, [...prefix, ...i.path], i.message));
}

/**
 * Parses JSON text after checking its length against the budget (`limits.maxChars`, plus room for
 * the punctuation of `limits.maxNodes` values), so oversized text is rejected before parsing.
 * @param text the JSON text
 * @param limits the size budget of this kind of artefact
 * @returns the parsed value, or one issue (`too_big`, or `invalid_format` when not JSON)
 * @example parseJsonText("{", { maxNodes: 10, maxChars: 10 }).ok // => false
 */
export function parseJsonText(text: string, limits: JsonLimits): Result<unknown> {
  const max = limits.maxChars + 8 * limits.maxNodes;
  if (text.length > max) return fail([issue("too_big", [], `JSON text longer than ${max} characters`)]);
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail([issue("invalid_format", [], "not valid JSON text")]);
  }
}

/**
 * Freezes a JSON-like value and everything it holds, in place, without recursion (so depth is no
 * limit); already frozen parts are not walked again, typed arrays are left as they are (they
 * cannot be frozen), and an array's items are read by index (a list of 1M strings allocates nothing).
 * @param value an object graph without cycles through unfrozen objects
 * @returns the same value, frozen
 * @example Object.isFrozen(deepFreeze({ a: [1] }).a) // => true
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || Object.isFrozen(v) || ArrayBuffer.isView(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === "object" && x !== null) stack.push(x);
      }
    } else for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}
