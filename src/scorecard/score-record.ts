import type { FeatureVector } from "../features/types";
import { score } from "./score";
import type { ScoreResult, Scorecard } from "./types";

/**
 * Builds the feature vector a card reads from a plain record: numbers as given; strings of a
 * categorical characteristic become their index in `levels` (an unknown string becomes -1, which
 * no attribute matches, so the fallback applies); `null`, `undefined` or a non-finite number is
 * missing. Convenient for tests, tools and documentation; the engine passes vectors directly.
 * @param card a loaded card
 * @param record feature name to value
 * @returns a FeatureVector over the card's features (names in characteristic order, deduplicated)
 * @throws {TypeError} when a string is given for a numeric feature
 * @example vectorFromRecord(pmmlSampleCard, { department: "business", age: 25 }).values // => Float64Array [2, 25, 0]
 */
export function vectorFromRecord(
  card: Scorecard,
  record: Readonly<Record<string, number | string | null | undefined>>,
): FeatureVector {
  const names: string[] = [];
  const levels = new Map<string, readonly string[] | null>();
  const add = (feature: string, lv: readonly string[] | null): void => {
    if (!levels.has(feature)) names.push(feature);
    levels.set(feature, lv ?? levels.get(feature) ?? null);
  };
  for (const c of card.characteristics) {
    if (c.type === "rules") for (const inp of c.inputs) add(inp.feature, inp.levels ?? null);
    else add(c.feature, c.type === "categorical" ? c.levels : null);
  }
  const values = new Float64Array(names.length);
  const missing = new Uint8Array(names.length);
  names.forEach((nm, i) => {
    const v = Object.hasOwn(record, nm) ? record[nm] : undefined;
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
      missing[i] = 1;
    } else if (typeof v === "string") {
      const lv = levels.get(nm);
      if (!lv) throw new TypeError(`feature "${nm}" is numeric: expected a number`);
      values[i] = lv.indexOf(v);
    } else if (typeof v === "number") {
      values[i] = v;
    } else throw new TypeError(`feature "${nm}": expected a number, a string, null or undefined`);
  });
  return { names: Object.freeze(names), values, missing };
}

/**
 * The features a card reads, each once, in order of first use (a rules characteristic reads all
 * its inputs).
 * @param card a loaded card
 * @returns the feature names
 * @example cardFeatures(pmmlSampleCard) // => ["department", "age", "income"]
 */
export function cardFeatures(card: Scorecard): string[] {
  const out = new Set<string>();
  for (const c of card.characteristics) {
    if (c.type === "rules") for (const inp of c.inputs) out.add(inp.feature);
    else out.add(c.feature);
  }
  return [...out];
}

/**
 * Scores a plain record (see `vectorFromRecord` for the encoding); a convenience over `score`.
 * @param card a loaded card
 * @param record feature name to value
 * @returns `{ score, points, attributes }`
 * @throws {TypeError} when a value has the wrong type for its feature
 * @example scoreRecord(pmmlSampleCard, { department: "engineering", age: 25, income: 500 }).score // => 29
 */
export function scoreRecord(
  card: Scorecard,
  record: Readonly<Record<string, number | string | null | undefined>>,
): ScoreResult {
  return score(card, vectorFromRecord(card, record));
}
