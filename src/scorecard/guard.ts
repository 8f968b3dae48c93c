/**
 * Pre-validation of untrusted artefact JSON (before zod): prototype-polluting keys, nesting depth
 * and size; and the mapping of zod issues to riskcard issues (messages never echo input values).
 */
import type { z } from "zod";
import { type Issue, type IssueCode, issue } from "../schema/result";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** Limits on untrusted artefact JSON. */
export const ARTEFACT_LIMITS = Object.freeze({ maxDepth: 16, maxNodes: 200_000, maxStringLength: 1_000 });

/**
 * Walks a JSON value and reports forbidden keys, nesting over `maxDepth`, more than `maxNodes`
 * values, strings over `maxStringLength`, and non-plain objects. Stops early on size/depth.
 * @param json the untrusted value
 * @returns the issues (empty when the value is safe to hand to zod)
 */
export function scanJson(json: unknown): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  const walk = (v: unknown, path: (string | number)[], depth: number): boolean => {
    if (++nodes > ARTEFACT_LIMITS.maxNodes) {
      issues.push(issue("too_big", [], `artefact has more than ${ARTEFACT_LIMITS.maxNodes} values`));
      return false;
    }
    if (typeof v === "string") {
      if (v.length > ARTEFACT_LIMITS.maxStringLength)
        issues.push(issue("too_big", path, `string longer than ${ARTEFACT_LIMITS.maxStringLength} characters`));
      return true;
    }
    if (v === null || typeof v !== "object") return true;
    if (depth >= ARTEFACT_LIMITS.maxDepth) {
      issues.push(issue("too_complex", path, `nesting deeper than ${ARTEFACT_LIMITS.maxDepth} levels`));
      return false;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!walk(v[i], [...path, i], depth + 1)) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      issues.push(issue("invalid_type", path, "expected a plain JSON object"));
      return true;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN.has(k)) {
        issues.push(issue("forbidden_key", path, "forbidden key (__proto__, constructor or prototype)"));
        continue;
      }
      if (!walk((v as Record<string, unknown>)[k], [...path, k], depth + 1)) return false;
    }
    return true;
  };
  walk(json, [], 0);
  return issues;
}

/**
 * Converts zod issues to riskcard issues with messages that say what was expected, never the value.
 * Custom refinements carry their riskcard code in `params.code`.
 * @param zodIssues issues from a zod `safeParse`
 * @param input the value that was parsed (to tell a missing field from a wrong type)
 * @returns riskcard issues
 */
export function fromZodIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): Issue[] {
  return zodIssues.map((zi) => {
    const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
    switch (zi.code) {
      case "invalid_type": {
        const v = valueAt(input, path);
        if (v === undefined) return issue("missing", path, "required field is missing");
        if (zi.expected === "number" && typeof v === "number")
          return issue("not_finite", path, "expected a finite number");
        return issue("invalid_type", path, `expected ${zi.expected}`);
      }
      case "too_small":
        return issue(
          "too_small",
          path,
          `below the minimum (${String(zi.minimum)}${zi.origin === "array" ? " items" : zi.origin === "string" ? " characters" : ""})`,
        );
      case "too_big":
        return issue(
          "too_big",
          path,
          `above the maximum (${String(zi.maximum)}${zi.origin === "array" ? " items" : zi.origin === "string" ? " characters" : ""})`,
        );
      case "invalid_value":
        return issue("invalid_enum", path, `expected one of ${zi.values.map((x) => JSON.stringify(x)).join(", ")}`);
      case "unrecognized_keys":
        return issue("unrecognized_key", path, `${zi.keys.length} unknown key${zi.keys.length === 1 ? "" : "s"}`);
      case "invalid_format":
        return issue("invalid_format", path, `expected format ${zi.format}`);
      case "not_multiple_of":
        return issue("not_integer", path, "expected an integer");
      case "custom": {
        const code = (zi.params?.code as IssueCode | undefined) ?? "invalid_value";
        return issue(code, path, zi.message);
      }
      default:
        return issue("invalid_value", path, "invalid value");
    }
  });
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
