import type { FeatureVector } from "../features/types";
import { compiledOf, indicesFor, scoreRow } from "./compile";
import type { FeatureBatch, ScoreResult, Scorecard } from "./types";

function checkVector(v: FeatureVector, need: number): void {
  if (v === null || typeof v !== "object") throw new TypeError("expected a FeatureVector");
  if (!(v.values instanceof Float64Array) || !(v.missing instanceof Uint8Array))
    throw new TypeError("a FeatureVector holds values in a Float64Array and missing flags in a Uint8Array");
  if (v.values.length !== v.names.length || v.missing.length !== v.names.length)
    throw new RangeError("FeatureVector names, values and missing must have the same length");
  if (need > v.values.length) throw new RangeError("FeatureVector is shorter than the card needs");
}

/**
 * Scores one feature vector: `score = basePoints + sum_c points_c`, where each characteristic's
 * points come from the attribute its feature falls in; a missing value takes the missing
 * attribute (else the fallback), a value in no attribute takes the fallback. Feature names are
 * resolved once per (card, names array) and cached.
 * @param card a loaded card
 * @param vector the feature vector
 * @param out optional buffers to reuse: `points` (Float64Array) and `attributes` (Int32Array) of the
 * card's characteristic count; the returned result then holds these same buffers
 * @returns `{ score, points, attributes }`; `attributes[c]` is the matched attribute index or -1 for the fallback
 * @throws {TypeError} when the card was not loaded/built by riskcard or the vector is malformed
 * @throws {RangeError} when the vector lacks a feature the card reads, or buffers are too short
 * @example score(pmmlSampleCard, vectorOf({ department: "engineering", age: 25, income: 500 })).score // => 29
 */
export function score(
  card: Scorecard,
  vector: FeatureVector,
  out?: { readonly points: Float64Array; readonly attributes: Int32Array },
): ScoreResult {
  const k = compiledOf(card);
  checkVector(vector, 0);
  const points = out?.points ?? new Float64Array(k.n);
  const attributes = out?.attributes ?? new Int32Array(k.n);
  if (points.length < k.n || attributes.length < k.n) throw new RangeError("score: output buffers are shorter than the card");
  const idx = indicesFor(k, vector.names);
  const s = scoreRow(k, idx, vector.values, vector.missing, 0, points, attributes);
  return { score: s, points, attributes };
}

/**
 * The hot path: scores one feature vector and returns only the total, allocating nothing per call
 * (same arithmetic and order as `score`). Pass `points` to also receive per-characteristic points.
 * @param card a loaded card
 * @param vector the feature vector
 * @param points optional Float64Array (length >= characteristic count) filled with the points
 * @returns the score
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @throws {RangeError} when the vector lacks a feature the card reads
 * @example scoreValue(pmmlSampleCard, vector) // => 29
 */
export function scoreValue(card: Scorecard, vector: FeatureVector, points?: Float64Array): number {
  const k = compiledOf(card);
  const len = vector.names.length;
  if (vector.values.length !== len || vector.missing.length !== len)
    throw new RangeError("FeatureVector names, values and missing must have the same length");
  const idx = indicesFor(k, vector.names);
  if (points !== undefined && points.length < k.n) throw new RangeError("scoreValue: points buffer is shorter than the card");
  return scoreRow(k, idx, vector.values, vector.missing, 0, points ?? null, null);
}

/**
 * Scores many rows that share one names array (row-major `values` and `missing`), giving exactly
 * the numbers `score` gives row by row.
 * @param card a loaded card
 * @param batch `{ names, values, missing }` with `values.length === missing.length === rows * names.length`
 * @param out optional Float64Array of length `rows` for the scores
 * @returns the scores, one per row
 * @throws {TypeError} when the card or batch is malformed
 * @throws {RangeError} when lengths disagree or a feature is absent from `names`
 * @example scoreBatch(card, { names, values, missing }) // => Float64Array [29, ...]
 */
export function scoreBatch(card: Scorecard, batch: FeatureBatch, out?: Float64Array): Float64Array {
  const k = compiledOf(card);
  if (!(batch.values instanceof Float64Array) || !(batch.missing instanceof Uint8Array))
    throw new TypeError("a FeatureBatch holds values in a Float64Array and missing flags in a Uint8Array");
  const p = batch.names.length;
  if (p === 0 || batch.values.length % p !== 0 || batch.missing.length !== batch.values.length)
    throw new RangeError("FeatureBatch values and missing must both hold rows * names.length entries");
  const rows = batch.values.length / p;
  const res = out ?? new Float64Array(rows);
  if (res.length !== rows) throw new RangeError("scoreBatch: output length must equal the number of rows");
  const idx = indicesFor(k, batch.names);
  for (let r = 0; r < rows; r++) res[r] = scoreRow(k, idx, batch.values, batch.missing, r * p, null, null);
  return res;
}
