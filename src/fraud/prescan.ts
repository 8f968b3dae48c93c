import { type Issue, issue } from "../schema/result";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Walks untrusted JSON-like input without recursion and reports what no schema should see:
 * prototype-polluting keys, nesting deeper than `maxDepth`, more than `maxNodes` values, and
 * values JSON cannot hold (functions, symbols, class instances).
 * @param input the raw input
 * @param maxDepth deepest nesting of objects/arrays accepted
 * @param maxNodes most values accepted (objects, arrays and scalars)
 * @returns issues (empty when the input may go on to schema validation)
 * @example prescan(JSON.parse('{"__proto__":{}}'), 100, 1000)[0].code // => "forbidden_key"
 */
export function prescan(input: unknown, maxDepth: number, maxNodes: number): Issue[] {
  const issues: Issue[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: input, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (++nodes > maxNodes) {
      issues.push(issue("too_big", [], `more than ${maxNodes} values`));
      return issues;
    }
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") continue;
    if (typeof v !== "object") {
      issues.push(issue("invalid_type", path, "not a JSON value"));
      continue;
    }
    if (path.length >= maxDepth) {
      issues.push(issue("too_complex", path, `nested deeper than ${maxDepth}`));
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      issues.push(issue("invalid_type", path, "not a plain object"));
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (FORBIDDEN.has(k)) issues.push(issue("forbidden_key", [...path, k], "forbidden key"));
      else stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
  return issues;
}

/**
 * Freezes an object graph in place, iteratively (no recursion limit).
 * @param value an object graph without cycles
 * @returns the same value, frozen
 * @example Object.isFrozen(deepFreeze({ a: [1] }).a) // => true
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}
