/**
 * Freezes a plain JSON-like value and everything it holds.
 * @param v the value
 * @returns the same value, frozen
 * @example Object.isFrozen(deepFreeze({ a: [1] }).a) // => true
 */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
