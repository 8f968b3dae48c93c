/**
 * Input checks for the logistic fit: rows of finite numbers copied into one flat row-major
 * Float64Array with a leading 1 (intercept) column. Errors name the argument and index, never a value.
 */

export interface Design {
  readonly n: number;
  /** Columns including the intercept (p + 1). */
  readonly d: number;
  /** Row-major n x d, column 0 all ones. */
  readonly data: Float64Array;
}

/**
 * @param X rows, each an array-like of p finite numbers
 * @param fn the public function name
 * @returns the design
 * @throws {TypeError} when X is not an array of array-likes of numbers
 * @throws {RangeError} on ragged rows, non-finite values or no rows
 */
export function toDesign(X: unknown, fn: string): Design {
  if (!Array.isArray(X)) throw new TypeError(`${fn}: X must be an array of rows`);
  const n = X.length;
  if (n === 0) throw new RangeError(`${fn}: X must have at least one row`);
  const first: unknown = X[0];
  if (first === null || typeof first !== "object" || typeof (first as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: X[0] must be an array of numbers`);
  }
  const p = (first as ArrayLike<number>).length;
  const d = p + 1;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (row === null || typeof row !== "object" || typeof (row as { length?: unknown }).length !== "number") {
      throw new TypeError(`${fn}: X[${i}] must be an array of numbers`);
    }
    const r = row as ArrayLike<unknown>;
    if (r.length !== p) throw new RangeError(`${fn}: X[${i}] must have ${p} columns like X[0]`);
    const o = i * d;
    data[o] = 1;
    for (let j = 0; j < p; j++) {
      const v = r[j];
      if (typeof v !== "number") throw new TypeError(`${fn}: X[${i}][${j}] must be a number`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: X[${i}][${j}] must be finite`);
      data[o + j + 1] = v;
    }
  }
  return { n, d, data };
}

/**
 * @param y labels
 * @param n rows
 * @param fn the public function name
 * @returns y as a Float64Array
 * @throws {TypeError|RangeError} when not 0/1 of length n
 */
export function toLabels(y: unknown, n: number, fn: string): Float64Array {
  if (y === null || typeof y !== "object" || typeof (y as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: y must be an array of 0/1`);
  }
  const a = y as ArrayLike<unknown>;
  if (a.length !== n) throw new RangeError(`${fn}: y must have one label per row of X`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v !== 0 && v !== 1) {
      if (typeof v !== "number") throw new TypeError(`${fn}: y[${i}] must be a number (0 or 1)`);
      throw new RangeError(`${fn}: y[${i}] must be 0 (good) or 1 (bad)`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * @param w weights or undefined
 * @param n rows
 * @param fn the public function name
 * @returns the weights (all ones when undefined)
 * @throws {TypeError|RangeError} when not finite, negative, wrong length, or summing to 0
 */
export function toWeights(w: unknown, n: number, fn: string): Float64Array {
  const out = new Float64Array(n);
  if (w === undefined) return out.fill(1);
  if (w === null || typeof w !== "object" || typeof (w as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: weights must be an array of numbers`);
  }
  const a = w as ArrayLike<unknown>;
  if (a.length !== n) throw new RangeError(`${fn}: weights must have one entry per row of X`);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: weights[${i}] must be a number`);
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${fn}: weights[${i}] must be finite and >= 0`);
    out[i] = v;
    s += v;
  }
  if (!(s > 0)) throw new RangeError(`${fn}: weights must sum to more than 0`);
  return out;
}
