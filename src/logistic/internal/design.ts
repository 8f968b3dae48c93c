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
 * Checks X and copies it into a row-major design with a leading intercept column of ones.
 * @param X rows, each an array-like of p finite numbers
 * @param fn the public function name
 * @returns the design
 * @throws {TypeError} when X is not an array of array-likes of numbers
 * @throws {RangeError} on ragged rows, non-finite values or no rows
 * @example toDesign([[1, 2], [3, 4]], "fitLogistic") // => { n: 2, d: 3, data: Float64Array [1, 1, 2, 1, 3, 4] } (ones first: the intercept)
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
 * @example toLabels([0, 1], 2, "fitLogistic") // => Float64Array [0, 1]
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
 * @example toWeights(undefined, 2, "fitLogistic") // => Float64Array [1, 1] (no weights: every row counts once)
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

/** A design grouped by identical rows: binomial trials `t` (summed weights) and successes `s` (summed weight * y). */
export interface Grouped {
  readonly design: Design;
  readonly t: Float64Array;
  readonly s: Float64Array;
  /** True when every group holds one label only (complete separation is then possible). */
  readonly pure: boolean;
}

/**
 * Groups identical rows (bitwise-equal values) so that the fit works on distinct rows with
 * binomial counts: the log-likelihood, gradient and Hessian are the same sums, regrouped. WoE
 * designs have few distinct rows (a few thousand of 10^5), which makes each Newton pass that
 * much cheaper. Uses an open-addressing hash over the raw float bits; when more than half the
 * rows are distinct it returns the rows as they are.
 * @param D the design
 * @param y labels
 * @param w weights
 * @returns the grouped design
 */
export function groupRows(D: Design, y: Float64Array, w: Float64Array): Grouped {
  const { n, d, data } = D;
  const bits = new Uint32Array(data.buffer, data.byteOffset, n * d * 2);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1); // slot -> group id
  const first = new Int32Array(n); // group id -> first row
  const t = new Float64Array(n);
  const s = new Float64Array(n);
  let groups = 0;
  const limit = n >>> 1;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    const o = i * d * 2;
    for (let k = 0; k < d * 2; k++) h = Math.imul(h ^ bits[o + k]!, 0x01000193);
    let slot = (h ^ (h >>> 15)) & mask;
    let gid = -1;
    for (;;) {
      const cand = table[slot]!;
      if (cand < 0) break;
      const r = first[cand]! * d * 2;
      let same = true;
      for (let k = 0; k < d * 2; k++) {
        if (bits[r + k] !== bits[o + k]) {
          same = false;
          break;
        }
      }
      if (same) {
        gid = cand;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (gid < 0) {
      if (groups >= limit) return { design: D, t: w, s: mulInto(w, y), pure: true };
      gid = groups++;
      table[slot] = gid;
      first[gid] = i;
    }
    t[gid] = t[gid]! + w[i]!;
    s[gid] = s[gid]! + w[i]! * y[i]!;
  }
  const out = new Float64Array(groups * d);
  let pure = true;
  for (let g = 0; g < groups; g++) {
    out.set(data.subarray(first[g]! * d, first[g]! * d + d), g * d);
    if (s[g]! !== 0 && s[g]! !== t[g]!) pure = false;
  }
  return { design: { n: groups, d, data: out }, t: t.slice(0, groups), s: s.slice(0, groups), pure };
}

function mulInto(w: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i]! * y[i]!;
  return out;
}
