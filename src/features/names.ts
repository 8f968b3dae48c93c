import type { Catalog } from "./plan";

/**
 * The output names of a catalog, in vector order (the same frozen array every vector carries).
 * @param catalog a compiled catalog
 * @returns the frozen names
 * @example featureNames(defaultCatalog)[0] // => "age_years"
 */
export function featureNames(catalog: Catalog): readonly string[] {
  return catalog.names;
}

/**
 * The position of a feature in a catalog's vectors.
 * @param catalog a compiled catalog
 * @param name a feature name
 * @returns its index
 * @throws {RangeError} when the catalog has no such feature
 * @example featureIndex(defaultCatalog, "age_years") // => 0
 */
export function featureIndex(catalog: Catalog, name: string): number {
  const i = catalog.names.indexOf(name);
  if (i < 0) throw new RangeError("featureIndex: the catalog has no feature of that name");
  return i;
}
