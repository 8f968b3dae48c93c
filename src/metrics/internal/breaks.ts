/**
 * Cut points: validation and bin lookup for left-closed bins `[b[i-1], b[i])`, with the first bin
 * open below and the last open above (so `k` breaks give `k + 1` bins).
 */

/**
 * Checks that `breaks` are finite and strictly increasing and copies them into a Float64Array.
 * @param breaks the cut points
 * @param fn the public function name, for the message
 * @returns the breaks as a Float64Array
 * @throws {TypeError} when not an array of numbers
 * @throws {RangeError} when not finite or not strictly increasing
 * @example checkBreaks([1, 1], "psi") // throws RangeError
 */
export function checkBreaks(breaks: unknown, fn: string): Float64Array {
  if (breaks === null || typeof breaks !== "object" || typeof (breaks as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: breaks must be an array of numbers`);
  }
  const a = breaks as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: breaks[${i}] must be a number`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: breaks[${i}] must be finite`);
    if (i > 0 && !(v > out[i - 1]!)) throw new RangeError(`${fn}: breaks must be strictly increasing (at index ${i})`);
    out[i] = v;
  }
  return out;
}

/**
 * The bin of `x`: the number of breaks `<= x` (binary search), in `0 .. breaks.length`.
 * @param breaks strictly increasing cut points
 * @param x a finite value
 * @returns the bin index
 * @example binOf(Float64Array.of(1, 2), 1) // => 1 (left-closed: [1, 2))
 */
export function binOf(breaks: Float64Array, x: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
