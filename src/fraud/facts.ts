import type { FactCatalog } from "./catalog";
import type { FactConfig } from "./fact-config";

/**
 * Facts of one applicant, laid out by catalog slot: numbers and booleans (0/1) in `values`,
 * strings in `strings`, and `missing[i] === 1` where a fact has no value (then `values[i]` is 0).
 * Rules compiled for a catalog only accept facts of that same catalog.
 */
export interface Facts {
  readonly catalog: FactCatalog;
  readonly values: Float64Array;
  readonly missing: Uint8Array;
  readonly strings: (string | undefined)[];
}

/**
 * Allocates facts for a configuration, every fact missing.
 * @param config a fact configuration (its catalog sizes the buffers)
 * @returns empty facts, to fill with `computeFactsInto` and `setFact`
 * @example createFacts(DEFAULT_FACT_CONFIG).missing[0] // => 1
 */
export function createFacts(config: FactConfig): Facts {
  const n = config.catalog.facts.length;
  const missing = new Uint8Array(n);
  missing.fill(1);
  return {
    catalog: config.catalog,
    values: new Float64Array(n),
    missing,
    strings: new Array<string | undefined>(n).fill(undefined),
  };
}

/**
 * Marks every fact missing (reuse of a buffer between applicants).
 * @param facts facts to clear in place
 * @returns nothing
 * @example const f = createFacts(DEFAULT_FACT_CONFIG); setFact(f, "identity.ageYears", 30); clearFacts(f); readFact(f, "identity.ageYears") // => undefined (missing again)
 */
export function clearFacts(facts: Facts): void {
  facts.values.fill(0);
  facts.missing.fill(1);
  // only string facts hold strings (setFact and computeFactsInto write no other slot of `strings`)
  const slots = facts.catalog.stringSlots;
  const strings = facts.strings;
  for (let i = 0; i < slots.length; i++) strings[slots[i]!] = undefined;
}

/**
 * Sets one fact by name (custom facts, or overriding a built-in one), checking its type.
 * @param facts the facts to change in place
 * @param name a fact of the catalog
 * @param value a finite number, a boolean or a string matching the fact's type; `undefined` marks it missing
 * @returns nothing
 * @throws {RangeError} when the name is not in the catalog
 * @throws {TypeError} when the value's type does not match the fact's
 * @example const f = createFacts(DEFAULT_FACT_CONFIG); setFact(f, "identity.ageYears", 30); readFact(f, "identity.ageYears") // => 30
 */
export function setFact(facts: Facts, name: string, value: number | boolean | string | undefined): void {
  const i = facts.catalog.index.get(name);
  if (i === undefined) throw new RangeError("unknown fact name");
  if (value === undefined) {
    facts.values[i] = 0;
    facts.missing[i] = 1;
    facts.strings[i] = undefined;
    return;
  }
  const type = facts.catalog.facts[i]!.type;
  if (type === "number" && typeof value === "number" && Number.isFinite(value)) facts.values[i] = value;
  else if (type === "boolean" && typeof value === "boolean") facts.values[i] = value ? 1 : 0;
  else if (type === "string" && typeof value === "string") {
    facts.values[i] = 0;
    facts.strings[i] = value;
  } else throw new TypeError(`fact ${name} expects a ${type === "number" ? "finite number" : type}`);
  facts.missing[i] = 0;
}

/**
 * Reads one fact by name (for logs, tests and tooling; rules read slots directly).
 * @param facts the facts
 * @param name a fact of the catalog
 * @returns the number, boolean or string, or `undefined` when missing
 * @throws {RangeError} when the name is not in the catalog
 * @example readFact(facts, "identity.underage") // => false
 */
export function readFact(facts: Facts, name: string): number | boolean | string | undefined {
  const i = facts.catalog.index.get(name);
  if (i === undefined) throw new RangeError("unknown fact name");
  if (facts.missing[i] === 1) return undefined;
  const type = facts.catalog.facts[i]!.type;
  if (type === "string") return facts.strings[i];
  if (type === "boolean") return facts.values[i] === 1;
  return facts.values[i];
}

/**
 * All present facts as a plain object (for logging and for peers such as json-rules-engine).
 * @param facts the facts
 * @returns `{ name: value }` for every fact that is not missing
 * @example factsToObject(facts)["identity.underage"] // => false
 */
export function factsToObject(facts: Facts): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const f of facts.catalog.facts) {
    const v = readFact(facts, f.name);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}
