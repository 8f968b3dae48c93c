import type { FactCatalog } from "./catalog";
import type { Condition, ListComparison, ValueComparison } from "./rule-set-schema";

/** A compiled condition: reads fact slots directly; no allocation, no async. */
export type Predicate = (v: Float64Array, m: Uint8Array, s: readonly (string | undefined)[]) => boolean;

const SMALL_SET = 8;

/**
 * A named list compiled for membership tests: its items, and a `Set` of them when the list is
 * longer than 8 (shorter lists are scanned). Built once per rule set and shared by every rule
 * that names the list.
 */
export interface CompiledList {
  readonly items: readonly (string | number)[];
  readonly set: ReadonlySet<string | number> | undefined;
}

/**
 * Compiles the named lists of a rule set once each, on first use, for `compileCondition`: rules
 * that name the same list share one `CompiledList` (40 rules naming a 1M-item list hold 1M items,
 * not 40M).
 * @example new ListCache({ vip: ["a", "b"] }).get("vip") === new ListCache({ vip: ["a", "b"] }).get("vip") // => false (one cache per rule set)
 */
export class ListCache {
  private readonly compiled = new Map<string, CompiledList>();
  private items = 0;
  /** @param lists the rule set's named lists */
  constructor(private readonly lists: Readonly<Record<string, readonly (string | number)[]>>) {}
  /**
   * The compiled list of that name (an empty one for an unknown name, which `checkCondition` rejects first).
   * @param name a list name of the rule set
   * @returns the shared compiled list
   */
  get(name: string): CompiledList {
    let c = this.compiled.get(name);
    if (c === undefined) {
      const items = Object.hasOwn(this.lists, name) ? this.lists[name]! : [];
      c = compileList(items);
      this.items += items.length;
      // (a list is compiled here once; every later rule naming it gets this same object)
      this.compiled.set(name, c);
    }
    return c;
  }
  /** Items held by the lists compiled so far, each list counted once however many rules name it. */
  get itemCount(): number {
    return this.items;
  }
}

/** Short lists are scanned (a fresh array of at most 8), longer ones looked up in a `Set`. */
function compileList(items: readonly (string | number)[]): CompiledList {
  if (items.length <= SMALL_SET) return Object.freeze({ items: [...items], set: undefined });
  return Object.freeze({ items, set: new Set<string | number>(items) });
}

/**
 * Compiles a checked condition into a closure over fact slots (no eval, no `new Function`).
 * A comparison on a missing fact is false, whatever the operator (`ne` and `notIn` included);
 * `not` of it is therefore true.
 * @param c a condition already checked against `catalog` (`checkCondition`)
 * @param catalog the fact catalog
 * @param lists the rule set's named lists, or a `ListCache` of them shared across conditions (what
 * `compileRules` passes, so each list is compiled once per rule set)
 * @returns the predicate
 * @example compileCondition({ fact: "identity.underage", op: "eq", value: false }, DEFAULT_FACT_CONFIG.catalog, {})(facts.values, facts.missing, facts.strings) // => true (the adult fixture)
 */
export function compileCondition(
  c: Condition,
  catalog: FactCatalog,
  lists: Readonly<Record<string, readonly (string | number)[]>> | ListCache,
): Predicate {
  const cache = lists instanceof ListCache ? lists : new ListCache(lists);
  return compile(c, catalog, cache);
}

function compile(c: Condition, catalog: FactCatalog, lists: ListCache): Predicate {
  if ("all" in c) {
    const ps = c.all.map((x) => compile(x, catalog, lists));
    if (ps.length === 1) return ps[0]!;
    if (ps.length === 2) {
      const [a, b] = ps as [Predicate, Predicate];
      return (v, m, s) => a(v, m, s) && b(v, m, s);
    }
    if (ps.length === 3) {
      const [a, b, d] = ps as [Predicate, Predicate, Predicate];
      return (v, m, s) => a(v, m, s) && b(v, m, s) && d(v, m, s);
    }
    return (v, m, s) => {
      for (let i = 0; i < ps.length; i++) if (!ps[i]!(v, m, s)) return false;
      return true;
    };
  }
  if ("any" in c) {
    const ps = c.any.map((x) => compile(x, catalog, lists));
    if (ps.length === 1) return ps[0]!;
    if (ps.length === 2) {
      const [a, b] = ps as [Predicate, Predicate];
      return (v, m, s) => a(v, m, s) || b(v, m, s);
    }
    if (ps.length === 3) {
      const [a, b, d] = ps as [Predicate, Predicate, Predicate];
      return (v, m, s) => a(v, m, s) || b(v, m, s) || d(v, m, s);
    }
    return (v, m, s) => {
      for (let i = 0; i < ps.length; i++) if (ps[i]!(v, m, s)) return true;
      return false;
    };
  }
  if ("not" in c) {
    const p = compile(c.not, catalog, lists);
    return (v, m, s) => !p(v, m, s);
  }
  const i = catalog.index.get(c.fact);
  if (i === undefined) throw new RangeError("condition names an unknown fact (check it first)");
  const type = catalog.facts[i]!.type;
  if ("list" in c) return membership(i, type === "string", (c as ListComparison).op === "notIn", lists.get(c.list));
  const cmp = c as ValueComparison;
  const op = cmp.op;
  const isString = type === "string";
  switch (op) {
    case "in":
    case "notIn":
      return membership(i, isString, op === "notIn", compileList([...(cmp.value as readonly (string | number)[])]));
    case "eq": {
      if (isString) {
        const k = cmp.value as string;
        return (_v, m, s) => m[i] === 0 && s[i] === k;
      }
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i] === k;
    }
    case "ne": {
      if (isString) {
        const k = cmp.value as string;
        return (_v, m, s) => m[i] === 0 && s[i] !== k;
      }
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i] !== k;
    }
    case "between": {
      const [lo, hi] = cmp.value as [number, number];
      return (v, m) => m[i] === 0 && v[i]! >= lo && v[i]! <= hi;
    }
    case "lt": {
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i]! < k;
    }
    case "lte": {
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i]! <= k;
    }
    case "gt": {
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i]! > k;
    }
    case "gte": {
      const k = numeric(cmp.value);
      return (v, m) => m[i] === 0 && v[i]! >= k;
    }
    default:
      return unknownOperator(op);
  }
}

/** A checked number or boolean literal as the fact slot holds it (booleans as 1 / 0). */
function numeric(value: unknown): number {
  return typeof value === "boolean" ? (value ? 1 : 0) : (value as number);
}

/** Exhaustiveness: a new `ComparisonOperator` fails to compile here until the switch handles it. */
function unknownOperator(_op: never): never {
  throw new RangeError("condition has an operator compileCondition does not handle (check it first)");
}

function membership(i: number, isString: boolean, negate: boolean, list: CompiledList): Predicate {
  const set = list.set;
  if (set === undefined) {
    const arr = list.items;
    const n = arr.length;
    if (isString) {
      return (_v, m, s) => {
        if (m[i] !== 0) return false;
        const x = s[i];
        for (let j = 0; j < n; j++) if (arr[j] === x) return !negate;
        return negate;
      };
    }
    return (v, m) => {
      if (m[i] !== 0) return false;
      const x = v[i];
      for (let j = 0; j < n; j++) if (arr[j] === x) return !negate;
      return negate;
    };
  }
  if (isString)
    return negate ? (_v, m, s) => m[i] === 0 && !set.has(s[i]!) : (_v, m, s) => m[i] === 0 && set.has(s[i]!);
  return negate ? (v, m) => m[i] === 0 && !set.has(v[i]!) : (v, m) => m[i] === 0 && set.has(v[i]!);
}
