/**
 * Hostile inputs for the differential tests of the fast validator against zod: weird values and
 * in-place mutations (replace a node, delete it, add an unknown or prototype key) of valid applicants.
 */
import fc from "fast-check";

/** Every node of a JSON-like tree, as the path of keys to it. */
export function nodes(
  v: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) nodes(v[i], [...path, i], out);
  } else if (v !== null && typeof v === "object")
    for (const k of Object.keys(v)) nodes((v as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

const WEIRD: unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  1.5,
  -1,
  31,
  61,
  131,
  10_001,
  2 ** 53,
  -(2 ** 53),
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER,
  "",
  "x",
  "é",
  "a b",
  "😀".repeat(20),
  "😀".repeat(65),
  "a".repeat(33),
  "a".repeat(129),
  "1990-02-30",
  "1990-13-01",
  "2000-02-29",
  "1900-02-29",
  "1990-1-01",
  "１９９０-01-01",
  "in",
  "login",
  "salary",
  "gambling",
  "credit_card",
  "loan_application",
  "microloan",
  "phone_change",
  "lender-1",
  "cash-loan",
  true,
  false,
  [],
  [1],
  ["a"],
  new Array(129).fill("a"),
  {},
  { length: 0 },
  { length: "x" },
  { length: 200 },
  Array.from({ length: 361 }, () => ({ dueAt: 0, amountFen: 0 })),
  Array.from({ length: 1_001 }, () => ({ at: 0, kind: "other" })),
];

export type Mutation = { readonly pick: number; readonly op: number; readonly value: number; readonly key: number };
/** A fresh copy of a weird value, so mutations never share (or loop through) objects. */
const weird = (i: number): unknown => structuredClone(WEIRD[i % WEIRD.length]);
const KEYS = ["zz", "__proto__", "constructor", "prototype", "toString", "at", "amount_fen"];

/** Applies a mutation in place: replace a node, delete it, or add an unknown key to an object. */
export function mutate(root: Record<string, unknown>, m: Mutation): unknown {
  const all = nodes(root);
  const path = all[m.pick % all.length]!;
  if (path.length === 0) return m.op % 5 === 0 ? weird(m.value) : root;
  let parent: Record<string | number, unknown> = root;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  switch (m.op % 5) {
    case 0:
    case 1:
      parent[last] = weird(m.value);
      break;
    case 2:
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    default: {
      const obj =
        target !== null && typeof target === "object" && !Array.isArray(target)
          ? (target as Record<string, unknown>)
          : root;
      Object.defineProperty(obj, KEYS[m.key % KEYS.length]!, {
        value: weird(m.value),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  }
  return root;
}

/** A mutation: which node, what to do, which weird value and key. */
export const mutationArb = fc.record({ pick: fc.nat(), op: fc.nat(), value: fc.nat(), key: fc.nat() });

/** The keys that name prototypes, which every reader rejects as `forbidden_key`. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const;

/**
 * JSON texts made from `base` by inserting `"key":value` as the first member of every `step`-th object
 * of the text, for each prototype-naming key and each of `values` (JSON texts): what a reader of JSON
 * text must reject as `forbidden_key` at that key, without touching `Object.prototype`.
 */
export function prototypeKeyTexts(
  base: string,
  values: readonly string[],
  step: number,
): { readonly key: string; readonly text: string }[] {
  const starts: number[] = [];
  for (let i = 0; i < base.length; i++) if (base[i] === "{") starts.push(i);
  const out: { key: string; text: string }[] = [];
  for (const key of PROTOTYPE_KEYS)
    for (const value of values)
      for (let s = 0; s < starts.length; s += step) {
        const at = starts[s]! + 1;
        out.push({ key, text: `${base.slice(0, at)}"${key}":${value},${base.slice(at)}` });
      }
  return out;
}
