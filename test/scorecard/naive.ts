import type { Characteristic } from "../../src/scorecard";

/**
 * The artefact rules read attribute by attribute, as a reference for the compiled scoring paths:
 * returns [points, attribute index or -1 for the fallback]. A null interval bound is no bound.
 */
export function naivePoints(ch: Characteristic, value: number, missing: boolean): [number, number] {
  if (ch.type === "rules")
    throw new TypeError("naivePoints reads one-feature characteristics; see naiveRules in arbitraries.ts");
  if (missing) {
    const m = ch.attributes.findIndex((a) => a.kind === "missing");
    return m >= 0 ? [ch.attributes[m]!.points, m] : [ch.fallback.points, -1];
  }
  if (Number.isNaN(value)) return [ch.fallback.points, -1];
  if (ch.type === "categorical") {
    const level = Number.isInteger(value) ? ch.levels[value] : undefined;
    const i =
      level === undefined
        ? -1
        : ch.attributes.findIndex((a) => a.kind === "categories" && a.categories.includes(level));
    return i >= 0 ? [ch.attributes[i]!.points, i] : [ch.fallback.points, -1];
  }
  const s = ch.attributes.findIndex((a) => a.kind === "special" && a.values.includes(value));
  if (s >= 0) return [ch.attributes[s]!.points, s];
  const i = ch.attributes.findIndex((a) => {
    if (a.kind !== "interval") return false;
    // A null bound is no bound: an unbounded interval holds the infinite value on its open side too.
    const aboveLo = a.lower === null || (ch.closure === "right" ? value > a.lower : value >= a.lower);
    const belowHi = a.upper === null || (ch.closure === "right" ? value <= a.upper : value < a.upper);
    return aboveLo && belowHi;
  });
  return i >= 0 ? [ch.attributes[i]!.points, i] : [ch.fallback.points, -1];
}
