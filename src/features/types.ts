/**
 * A feature vector: frozen names (shared by every vector of one catalog), a `Float64Array` of
 * values and a missing mask. A missing feature has `missing[i] === 1` and `values[i] === 0`; no
 * value is ever `NaN` or `Infinity`.
 */
export interface FeatureVector {
  /** Feature names, in catalog order; the same frozen array for every vector of a catalog. */
  readonly names: readonly string[];
  /** Values in catalog order (0 where missing). */
  readonly values: Float64Array;
  /** 1 where the feature is missing (no data, or an empty denominator), else 0. */
  readonly missing: Uint8Array;
}
