import { type Result, fail, issue, ok } from "../../schema/result";
import type { SplitOption } from "./types";
/**
 * A seeded, stratified train/test split: the same seed and labels always give the same rows.
 */

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit seeded generator, uniform in [0, 1). The one
 * seeded generator of the training split, also used by tests and benchmarks for seeded data.
 * @param seed any safe integer (its low 32 bits are used)
 * @returns a function drawing the next number
 * @example const r = mulberry32(1); r() // => 0.6270739405881613 (the same on every run and platform)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits rows into train and test, stratified by class: within each class (label 1 = bad, 0 =
 * good) the row indices are shuffled by a Fisher-Yates shuffle driven by mulberry32(seed), and the
 * first `round(testShare * classCount)` go to test. Deterministic: no clock, no Math.random.
 * @param labels 1 = bad, 0 = good
 * @param testShare share of each class put in the test set, strictly between 0 and 1
 * @param seed the seed (a safe integer)
 * @returns a Uint8Array mask, 1 for a test row
 * @throws {TypeError} when labels is not array-like
 * @throws {RangeError} when a label is not 0/1, testShare is not in (0, 1) or seed is not a safe integer
 * @example trainTestSplit([0, 0, 0, 0, 1, 1], 0.5, 7).reduce((s, x) => s + x, 0) // => 3 (2 goods and 1 bad)
 */
export function trainTestSplit(labels: ArrayLike<number>, testShare: number, seed: number): Uint8Array {
  if (labels === null || typeof labels !== "object" || typeof labels.length !== "number")
    throw new TypeError("trainTestSplit: labels must be an array of 0/1");
  if (typeof testShare !== "number" || !(testShare > 0 && testShare < 1))
    throw new RangeError("trainTestSplit: testShare must be strictly between 0 and 1");
  if (!Number.isSafeInteger(seed)) throw new RangeError("trainTestSplit: seed must be a safe integer");
  const n = labels.length;
  const byClass: number[][] = [[], []];
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`trainTestSplit: labels[${i}] must be 0 or 1`);
    byClass[y]!.push(i);
  }
  const rand = mulberry32(seed);
  const mask = new Uint8Array(n);
  for (const rows of byClass) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = rows[i]!;
      rows[i] = rows[j]!;
      rows[j] = t;
    }
    const k = Math.round(testShare * rows.length);
    for (let i = 0; i < k; i++) mask[rows[i]!] = 1;
  }
  return mask;
}

/**
 * The test mask of a training run's `split` option, shared by `trainScorecard` and
 * `trainBoostedScorecard`: `"none"` (no test rows), `{ testMask }` (checked: one 0/1 entry per
 * row) or `{ testShare, seed }` (`trainTestSplit`); and the train and test row indices.
 * @param split the checked `split` option
 * @param labels 1 = bad, 0 = good, one per row
 * @returns the mask (1 = test) with the train and test row indices, or issues at `options.split.testMask`
 * @example splitRows({ testShare: 0.5, seed: 7 }, [0, 0, 0, 0, 1, 1]).ok // => true
 */
export function splitRows(
  split: SplitOption,
  labels: ArrayLike<number>,
): Result<{ readonly testMask: Uint8Array; readonly trainIdx: number[]; readonly testIdx: number[] }> {
  const n = labels.length;
  let testMask: Uint8Array;
  if (split === "none") testMask = new Uint8Array(n);
  else if ("testMask" in split) {
    if (split.testMask.length !== n)
      return fail([issue("inconsistent", ["options", "split", "testMask"], "must have one entry per row")]);
    testMask = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const m = split.testMask[i];
      if (m !== 0 && m !== 1)
        return fail([issue("invalid_value", ["options", "split", "testMask", i], "must be 0 (train) or 1 (test)")]);
      testMask[i] = m;
    }
  } else testMask = trainTestSplit(labels, split.testShare, split.seed);
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  for (let i = 0; i < n; i++) (testMask[i] === 1 ? testIdx : trainIdx).push(i);
  return ok({ testMask, trainIdx, testIdx });
}
