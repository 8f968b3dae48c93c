import { type Issue, issue } from "../schema/result";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Walks untrusted JSON before schema validation: rejects prototype-polluting keys, nesting deeper
 * than `maxDepth` and structures with more than `maxNodes` values. Never echoes values.
 * @param json the parsed JSON
 * @param maxDepth deepest nesting allowed
 * @param maxNodes most values (objects, arrays and scalars) allowed
 * @returns the issues found (empty when the shape is acceptable)
 * @example guardJson(JSON.parse('{"__proto__":{}}'), 8, 100)[0].code // => "forbidden_key"
 */
export function guardJson(json: unknown, maxDepth: number, maxNodes: number): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  const walk = (v: unknown, path: (string | number)[], depth: number): boolean => {
    if (++nodes > maxNodes) {
      issues.push(issue("too_complex", [], `more than ${maxNodes} values`));
      return false;
    }
    if (v === null || typeof v !== "object") return true;
    if (depth > maxDepth) {
      issues.push(issue("too_complex", path, `nested deeper than ${maxDepth} levels`));
      return true;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!walk(v[i], [...path, i], depth + 1)) return false;
      return true;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN.has(k)) {
        issues.push(issue("forbidden_key", [...path, k], "forbidden key"));
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
 * Deep-freezes a plain JSON-like value in place.
 * @param v the value
 * @returns the same value, frozen
 * @example Object.isFrozen(deepFreeze({ a: { b: 1 } }).a) // => true
 */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}
