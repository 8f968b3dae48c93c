import { type FactCatalogue, VELOCITY_DIMENSIONS, VELOCITY_KINDS } from "./catalogue";

/**
 * Cross-account velocity counts for one applicant, in the catalogue's velocity order
 * (dimension device/ip/identity, then kind apply/login, then window), produced by `readVelocity`
 * (sync store) or `gatherFacts` (async store) and passed to `computeFacts({ velocity })`.
 */
export interface VelocityCounts {
  readonly catalogue: FactCatalogue;
  readonly values: Float64Array;
  /** 1 where the count is unknown (no device id, no IP hash, store error). */
  readonly missing: Uint8Array;
}

/**
 * Allocates velocity counts for a catalogue, all missing.
 * @param catalogue the fact catalogue
 * @returns counts of length dimensions x kinds x windows
 * @example createVelocityCounts(DEFAULT_FACT_CONFIG.catalogue).values.length // => 18
 */
export function createVelocityCounts(catalogue: FactCatalogue): VelocityCounts {
  const n = VELOCITY_DIMENSIONS.length * VELOCITY_KINDS.length * catalogue.windows.length;
  const missing = new Uint8Array(n);
  missing.fill(1);
  return { catalogue, values: new Float64Array(n), missing };
}
