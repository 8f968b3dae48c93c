/**
 * Checks 0/1 labels of length `n` and returns the bad count.
 * @param labels the labels argument
 * @param n the expected length
 * @param fn the public function name
 * @returns the number of labels equal to 1
 * @throws {TypeError} when not an array of numbers
 * @throws {RangeError} on a length mismatch or a label other than 0/1
 * @example checkLabels01([0, 1, 1], 3, "binNumeric") // => 2 (the bads)
 */
export function checkLabels01(labels: unknown, n: number, fn: string): number {
  if (labels === null || typeof labels !== "object" || typeof (labels as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: labels must be an array or typed array of 0/1`);
  }
  const a = labels as ArrayLike<unknown>;
  if (a.length !== n) throw new RangeError(`${fn}: labels must have the same length as values`);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v === 1) bad++;
    else if (v !== 0) {
      if (typeof v !== "number") throw new TypeError(`${fn}: labels[${i}] must be a number (0 or 1)`);
      throw new RangeError(`${fn}: labels[${i}] must be 0 (good) or 1 (bad)`);
    }
  }
  return bad;
}

/**
 * @internal checks an integer option in [min, max].
 * @example intOption(undefined, 5, 1, 10, "binNumeric", "maxBins") // => 5 (the default)
 */
export function intOption(v: unknown, def: number, min: number, max: number, fn: string, name: string): number {
  const x = v === undefined ? def : v;
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    throw new RangeError(`${fn}: ${name} must be an integer from ${min} to ${max}`);
  }
  return x;
}

/**
 * @internal checks a number option in [min, max].
 * @example numOption(1.5, 0.05, 0, 1, "binNumeric", "minBinShare") // throws RangeError
 */
export function numOption(v: unknown, def: number, min: number, max: number, fn: string, name: string): number {
  const x = v === undefined ? def : v;
  if (typeof x !== "number" || !(x >= min && x <= max))
    throw new RangeError(`${fn}: ${name} must be a number from ${min} to ${max}`);
  return x;
}
