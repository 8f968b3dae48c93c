import type { FeatureVector } from "../src/features/types";

/**
 * SYNTHETIC feature vectors for the scoring benches: `count` vectors over `names`, each value
 * missing with probability 0.05, the special value -1 with probability 0.03, else uniform in [0, 1),
 * drawn from `rand` (a seeded `mulberry32`).
 * @param rand the seeded generator
 * @param names the feature names every vector shares
 * @param count how many vectors
 * @returns the vectors
 */
export function syntheticVectors(rand: () => number, names: readonly string[], count: number): FeatureVector[] {
  return Array.from({ length: count }, () => {
    const values = new Float64Array(names.length);
    const missing = new Uint8Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const u = rand();
      if (u < 0.05) missing[i] = 1;
      else values[i] = u < 0.08 ? -1 : rand();
    }
    return { names, values, missing };
  });
}
