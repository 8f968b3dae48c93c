import { type FactCatalog, VELOCITY_DIMENSIONS, VELOCITY_KINDS } from "./catalog";

/**
 * Cross-account velocity counts for one applicant, in the catalog's velocity order
 * (dimension device/ip/identity, then kind apply/login, then window), produced by `readVelocity`
 * (sync store) or `gatherFacts` (async store) and passed to `computeFacts({ velocity })`.
 */
export interface VelocityCounts {
  readonly catalog: FactCatalog;
  readonly values: Float64Array;
  /** 1 where the count is unknown (no device id, no IP hash, store error). */
  readonly missing: Uint8Array;
  /**
   * True when the store did not answer (error, timeout or malformed reply): every count is then
   * missing, and `decide` adds the `VELOCITY_UNAVAILABLE` reason and applies its `velocityUnavailable` policy.
   */
  readonly unavailable?: boolean;
}

/**
 * Allocates velocity counts for a catalog, all missing.
 * @param catalog the fact catalog
 * @returns counts of length dimensions x kinds x windows
 * @example createVelocityCounts(DEFAULT_FACT_CONFIG.catalog).values.length // => 18
 */
export function createVelocityCounts(catalog: FactCatalog): VelocityCounts {
  const n = VELOCITY_DIMENSIONS.length * VELOCITY_KINDS.length * catalog.windows.length;
  const missing = new Uint8Array(n);
  missing.fill(1);
  return { catalog, values: new Float64Array(n), missing };
}
