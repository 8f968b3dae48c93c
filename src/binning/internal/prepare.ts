import { checkLabels01 } from "./labels";

/**
 * A numeric variable prepared for binning: the distinct regular values sorted once with their
 * good/bad counts and prefix sums, plus the missing and special-value counts. Everything later
 * (pre-binning, chi-merge, tree, monotonic merging) works on this, never on raw rows.
 */
export interface Prepared {
  readonly n: number;
  readonly totalBad: number;
  /** Distinct regular values, ascending. */
  readonly values: Float64Array;
  /** Prefix sums over distinct values: cg[j] = goods with value < values[j] (length m + 1). */
  readonly cg: Float64Array;
  readonly cb: Float64Array;
  readonly missingGood: number;
  readonly missingBad: number;
  /** Per special group (in the order given). */
  readonly specialGood: Float64Array;
  readonly specialBad: Float64Array;
}

/**
 * Splits rows into missing (null, undefined, NaN), special and regular values; sorts the regular
 * values of each class with a native typed-array sort and merges them into distinct values.
 * @param values the raw values
 * @param labels 0/1 labels
 * @param specials special values mapped to their group index
 * @param nSpecialGroups the number of special groups
 * @param fn the public function name, for messages
 * @returns the prepared variable
 * @throws {TypeError|RangeError} on bad values or labels
 * @example prepareNumeric([3, 1, 3, null], [1, 0, 0, 1], new Map(), 0, "binNumeric").values // => Float64Array [1, 3] (distinct regular values; null is missing)
 */
export function prepareNumeric(
  values: unknown,
  labels: unknown,
  specials: ReadonlyMap<number, number>,
  nSpecialGroups: number,
  fn: string,
): Prepared {
  if (values === null || typeof values !== "object" || typeof (values as { length?: unknown }).length !== "number") {
    throw new TypeError(`${fn}: values must be an array of numbers or null`);
  }
  const v = values as ArrayLike<unknown>;
  const n = v.length;
  const totalBad = checkLabels01(labels, n, fn);
  if (n === 0) throw new RangeError(`${fn}: values must not be empty`);
  if (totalBad === 0 || totalBad === n)
    throw new RangeError(`${fn}: labels must contain both classes (0 = good and 1 = bad)`);
  const y = labels as ArrayLike<number>;
  const badVals = new Float64Array(totalBad);
  const goodVals = new Float64Array(n - totalBad);
  let nb = 0;
  let ng = 0;
  let missingGood = 0;
  let missingBad = 0;
  const specialGood = new Float64Array(nSpecialGroups);
  const specialBad = new Float64Array(nSpecialGroups);
  const hasSpecials = specials.size > 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const isBad = y[i] === 1;
    if (x === null || x === undefined || (typeof x === "number" && Number.isNaN(x))) {
      if (isBad) missingBad++;
      else missingGood++;
      continue;
    }
    if (typeof x !== "number") throw new TypeError(`${fn}: values[${i}] must be a number or null`);
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: values[${i}] must be finite (or null / NaN for missing)`);
    if (hasSpecials) {
      const s = specials.get(x);
      if (s !== undefined) {
        if (isBad) specialBad[s]!++;
        else specialGood[s]!++;
        continue;
      }
    }
    if (isBad) badVals[nb++] = x;
    else goodVals[ng++] = x;
  }
  const bs = badVals.subarray(0, nb).sort();
  const gs = goodVals.subarray(0, ng).sort();
  // merge the two sorted arrays into distinct values with prefix counts
  const distinct = new Float64Array(nb + ng);
  const cg = new Float64Array(nb + ng + 1);
  const cb = new Float64Array(nb + ng + 1);
  let m = 0;
  let i = 0;
  let j = 0;
  while (i < nb || j < ng) {
    const s = i < nb && (j >= ng || bs[i]! <= gs[j]!) ? bs[i]! : gs[j]!;
    const i0 = i;
    const j0 = j;
    while (i < nb && bs[i] === s) i++;
    while (j < ng && gs[j] === s) j++;
    distinct[m] = s;
    cb[m + 1] = cb[m]! + (i - i0);
    cg[m + 1] = cg[m]! + (j - j0);
    m++;
  }
  return {
    n,
    totalBad,
    values: distinct.slice(0, m),
    cg: cg.slice(0, m + 1),
    cb: cb.slice(0, m + 1),
    missingGood,
    missingBad,
    specialGood,
    specialBad,
  };
}
