/**
 * Argument checks shared by the metrics. They throw `TypeError` / `RangeError` (programmer errors)
 * and never echo an input value: only the argument name and, where useful, the index.
 */

/** A numeric sequence: a plain array or any typed array. */
export type NumericArray = ArrayLike<number>;

/**
 * Checks that `xs` is an array-like of finite numbers.
 * @param xs the argument
 * @param fn the public function name, for the message
 * @param name the argument name, for the message
 * @throws {TypeError} when `xs` is not array-like or holds a non-number
 * @throws {RangeError} when an element is not finite
 * @example checkFinite([1, Infinity], "auc", "scores") // throws RangeError
 */
export function checkFinite(xs: unknown, fn: string, name: string): asserts xs is NumericArray {
  if (xs === null || typeof xs !== "object" || typeof (xs as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: ${name} must be an array or typed array of numbers`);
  }
  const a = xs as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be a number`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be finite`);
  }
}

/**
 * Checks that `labels` is an array-like of 0/1 of length `n`, and returns the number of bads (1).
 * @param labels the argument
 * @param n the expected length
 * @param fn the public function name, for the message
 * @returns the number of labels equal to 1
 * @throws {TypeError} when `labels` is not array-like or holds a non-number
 * @throws {RangeError} when the length differs from `n` or a label is not 0 or 1
 * @example checkLabels([0, 1, 1], 3, "auc") // => 2 (the bads)
 */
export function checkLabels(labels: unknown, n: number, fn: string): number {
  if (labels === null || typeof labels !== "object" || typeof (labels as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: labels must be an array or typed array of 0/1`);
  }
  const a = labels as ArrayLike<unknown>;
  if (a.length !== n) throw new RangeError(`${fn}: labels must have the same length as the scores`);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: labels[${i}] must be a number (0 or 1)`);
    if (v === 1) bad++;
    else if (v !== 0) throw new RangeError(`${fn}: labels[${i}] must be 0 (good) or 1 (bad)`);
  }
  return bad;
}

/** Scores split by class, each sorted ascending. */
export interface SplitScores {
  readonly bad: Float64Array;
  readonly good: Float64Array;
}

/**
 * Validates scores and labels and splits the scores into sorted bad and good arrays (two native
 * typed-array sorts, no comparator: much faster than an index sort).
 * @param scores finite scores
 * @param labels 0/1 labels, same length
 * @param fn the public function name, for messages
 * @param needBoth when true, both classes must be present
 * @returns the sorted scores of each class
 * @throws {TypeError|RangeError} on bad input (see `checkFinite`, `checkLabels`)
 * @example splitSorted([0.3, 0.1, 0.2], [1, 0, 1], "auc", true) // => { bad: Float64Array [0.2, 0.3], good: Float64Array [0.1] }
 */
export function splitSorted(scores: unknown, labels: unknown, fn: string, needBoth: boolean): SplitScores {
  checkFinite(scores, fn, "scores");
  const n = scores.length;
  const nBad = checkLabels(labels, n, fn);
  const lab = labels as ArrayLike<number>;
  if (needBoth && (nBad === 0 || nBad === n)) {
    throw new RangeError(`${fn}: labels must contain both classes (0 = good and 1 = bad)`);
  }
  const bad = new Float64Array(nBad);
  const good = new Float64Array(n - nBad);
  let b = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    if (lab[i] === 1) bad[b++] = scores[i]!;
    else good[g++] = scores[i]!;
  }
  bad.sort();
  good.sort();
  return { bad, good };
}
