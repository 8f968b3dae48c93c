import type { Catalog } from "./plan";

/**
 * The output names of a catalogue, in vector order (the same frozen array every vector carries).
 * @param catalog a compiled catalogue
 * @returns the frozen names
 * @example featureNames(defaultCatalog)[0] // => "age_years"
 */
export function featureNames(catalog: Catalog): readonly string[] {
  return catalog.names;
}

/**
 * The position of a feature in a catalogue's vectors.
 * @param catalog a compiled catalogue
 * @param name a feature name
 * @returns its index
 * @throws {RangeError} when the catalogue has no such feature
 * @example featureIndex(defaultCatalog, "age_years") // => 0
 */
export function featureIndex(catalog: Catalog, name: string): number {
  const i = catalog.names.indexOf(name);
  if (i < 0) throw new RangeError("featureIndex: the catalogue has no feature of that name");
  return i;
}
