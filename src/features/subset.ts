import { unwrap } from "../schema/result";
import { compileSpecs } from "./compile";
import type { Catalog } from "./plan";
import type { FeatureSpec } from "./spec";

/**
 * The part of a catalog that computes the given features: those features plus every feature
 * they are derived from (ratio and combine inputs, transitively), in the catalog's order, with
 * the same local-time offset. Each value equals the full catalog's for the same applicant and
 * `asOf` (a feature depends only on its declaration and its inputs), at the cost of only what is
 * kept: a scorecard that reads 10 of 359 features needs 10 of them and their inputs.
 * @param catalog a compiled catalog
 * @param names the features wanted (in any order; duplicates are fine)
 * @returns a compiled catalog (frozen)
 * @throws {TypeError} when `names` is not an array of strings
 * @throws {RangeError} when a name is not a feature of the catalog
 * @example catalogSubset(defaultCatalog, ["pay_outflow_to_inflow_90d"]).names // => ["pay_inflow_90d_fen", "pay_outflow_90d_fen", "pay_outflow_to_inflow_90d"]
 */
export function catalogSubset(catalog: Catalog, names: readonly string[]): Catalog {
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string"))
    throw new TypeError("catalogSubset: names must be an array of feature names");
  const index = new Map(catalog.names.map((n, i) => [n, i]));
  const keep = new Uint8Array(catalog.names.length);
  const stack: number[] = [];
  for (const n of names) {
    const i = index.get(n);
    if (i === undefined) throw new RangeError("catalogSubset: the catalog has no feature of that name");
    stack.push(i);
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (keep[i] === 1) continue;
    keep[i] = 1;
    for (const d of inputsOf(catalog.specs[i]!)) stack.push(index.get(d)!);
  }
  const specs = catalog.specs.filter((_, i) => keep[i] === 1);
  return unwrap(compileSpecs(specs, { utcOffsetMinutes: catalog.utcOffsetMinutes }), "catalog subset");
}

/** The features a declaration reads (by name). */
function inputsOf(s: FeatureSpec): readonly string[] {
  switch (s.kind) {
    case "ratio":
      return typeof s.denominator === "string" ? [s.numerator, s.denominator] : [s.numerator];
    case "combine":
      return s.of;
    default:
      return [];
  }
}
