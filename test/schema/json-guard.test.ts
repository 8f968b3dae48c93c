/**
 * The one untrusted-JSON guard, checked against a naive reference written here (a plain recursive
 * walk that counts everything and collects everything, with no early exit and no budget check
 * before reading), on fast-check values; plus deepFreeze, capIssues and safeKey by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Issue,
  KEY_PLACEHOLDER,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  capIssues,
  deepFreeze,
  guardJson,
  issue,
  parseJsonText,
  prefixIssues,
  safeKey,
} from "../../src/schema";

const FORBIDDEN = ["__proto__", "constructor", "prototype"];

/** Naive reference: values, characters, pre-order forbidden-key paths, path of the first container at level 73. */
function naive(v: unknown): {
  nodes: number;
  chars: number;
  forbidden: (string | number)[][];
  tooDeep?: (string | number)[];
} {
  let nodes = 0;
  let chars = 0;
  const forbidden: (string | number)[][] = [];
  let tooDeep: (string | number)[] | undefined;
  const walk = (x: unknown, path: (string | number)[], level: number): void => {
    nodes++;
    if (typeof x === "string") chars += x.length;
    if (typeof x !== "object" || x === null) return;
    if (level > MAX_JSON_DEPTH && tooDeep === undefined) tooDeep = path;
    if (Array.isArray(x))
      x.forEach((y, i) => {
        walk(y, [...path, i], level + 1);
      });
    else
      for (const k of Object.keys(x)) {
        chars += k.length;
        if (FORBIDDEN.includes(k)) {
          nodes++; // the value under a forbidden key is counted but not walked
          forbidden.push([...path, k]);
        } else walk((x as Record<string, unknown>)[k], [...path, k], level + 1);
      }
  };
  walk(v, [], 1);
  return tooDeep === undefined ? { nodes, chars, forbidden } : { nodes, chars, forbidden, tooDeep };
}

const BIG = { maxNodes: 1e9, maxChars: 1e12 };
const key = fc.oneof(fc.constantFrom(...FORBIDDEN, "a", "b"), fc.string({ maxLength: 4 }));
const json = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 })),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 4 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, x] of entries)
        Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
})).v;
/** Wraps a value in `n` levels of arrays or single-key objects, so some cases go past MAX_JSON_DEPTH. */
const wrapped = fc.tuple(json, fc.integer({ min: 0, max: 90 }), fc.boolean()).map(([v, n, arr]) => {
  let x: unknown = v;
  for (let i = 0; i < n; i++) x = arr ? [x] : { w: x };
  return x;
});

describe("guardJson against the naive reference", () => {
  it("depth and forbidden keys: the same issues, in pre-order", () => {
    fc.assert(
      fc.property(wrapped, (v) => {
        const ref = naive(v);
        const got = guardJson(v, BIG);
        if (ref.tooDeep !== undefined) {
          // the guard stops at the first too-deep container; forbidden keys met before it are dropped
          const path = ref.tooDeep.map((s) => (typeof s === "string" ? safeKey(s) : s));
          expect(got.map((i) => [i.code, i.path])).toEqual([["too_complex", path]]);
        } else {
          const want = ref.forbidden
            .slice(0, MAX_ISSUES)
            .map((p) => ["forbidden_key", p.map((s) => (typeof s === "string" ? safeKey(s) : s))]);
          if (ref.forbidden.length > MAX_ISSUES) want.push(["too_many_issues", []]);
          expect(got.map((i) => [i.code, i.path])).toEqual(want);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("size: too_big exactly when the reference counts more values or characters than the budget", () => {
    let over = 0;
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (v, maxNodes, maxChars) => {
        const ref = naive(v);
        if (ref.forbidden.length > 0) return; // forbidden keys are checked above
        const got = guardJson(v, { maxNodes, maxChars });
        const big = ref.nodes > maxNodes || ref.chars > maxChars;
        if (big) over++;
        expect(got.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual(big ? ["too_big@"] : []);
      }),
      { numRuns: 600 },
    );
    expect(over).toBeGreaterThan(50); // the property is not vacuous: many runs go over the budget
  });
});

describe("guardJson by hand", () => {
  it("root types, and values JSON cannot hold", () => {
    expect(guardJson([], BIG, { root: "object" })).toEqual([issue("invalid_type", [], "expected a JSON object")]);
    expect(guardJson({}, BIG, { root: "array" })).toEqual([issue("invalid_type", [], "expected a JSON array")]);
    expect(guardJson(null, BIG, { root: "object" })[0]!.code).toBe("invalid_type");
    expect(
      guardJson({ a: 1n, b: Symbol("s"), c: [undefined], d: new Map(), e: undefined }, BIG).map((i) => i.path),
    ).toEqual([["a"], ["b"], ["c", 0], ["d"]]);
    expect(guardJson(Object.create(null), BIG)).toEqual([]); // null-prototype objects are plain
  });

  it("skips the root keys it is told to (each checked by its own loader)", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(guardJson({ scorecard: deep, n: 1 }, BIG, { skipRootKeys: new Set(["scorecard"]) })).toEqual([]);
    expect(guardJson({ n: { scorecard: deep } }, BIG, { skipRootKeys: new Set(["scorecard"]) })[0]!.code).toBe(
      "too_complex",
    );
  });

  it("counts a 10-character key and a 5-character string: 15 characters; 3 values", () => {
    const v = { abcdefghij: "abcde" }; // root object + its one value = 2 values; 10 + 5 = 15 characters
    expect(guardJson(v, { maxNodes: 2, maxChars: 15 })).toEqual([]);
    expect(guardJson(v, { maxNodes: 1, maxChars: 15 })[0]!.message).toBe("more than 1 values");
    expect(guardJson(v, { maxNodes: 2, maxChars: 14 })[0]!.message).toBe("more than 14 characters in strings and keys");
    // an array's length counts in full, holes included: [ , , ] is 1 + 3 values
    expect(guardJson(new Array(3), { maxNodes: 3, maxChars: 0 })[0]!.code).toBe("too_big");
  });

  it("JSON text: length checked before parsing, then parsed", () => {
    const limits = { maxNodes: 1, maxChars: 2 }; // at most 2 + 8 * 1 = 10 characters of text
    expect(parseJsonText('"abcdefgh"', limits)).toEqual({ ok: true, value: "abcdefgh" });
    expect(parseJsonText('"abcdefghi"', limits)).toEqual({
      ok: false,
      issues: [issue("too_big", [], "JSON text longer than 10 characters")],
    });
    expect(parseJsonText("{", limits)).toEqual({
      ok: false,
      issues: [issue("invalid_format", [], "not valid JSON text")],
    });
  });
});

describe("deepFreeze", () => {
  it("freezes every object and array, however deep, and leaves typed arrays alone", () => {
    let chain: Record<string, unknown> = { end: [{ x: 1 }] };
    const head = chain;
    for (let i = 0; i < 20_000; i++) {
      const next = { end: [{ x: i }] };
      chain.next = next;
      chain = next;
    }
    deepFreeze(head);
    expect(Object.isFrozen(chain)).toBe(true);
    expect(Object.isFrozen((chain.end as object[])[0])).toBe(true);
    const t = { v: new Float64Array(2) };
    deepFreeze(t);
    expect(Object.isFrozen(t)).toBe(true);
    t.v[0] = 1;
    expect(t.v[0]).toBe(1);
  });
});

describe("capIssues, prefixIssues and safeKey", () => {
  const many = (n: number): Issue[] => Array.from({ length: n }, (_, i) => issue("missing", ["items", i], "required"));

  it("keeps lists within the cap, cuts longer ones with a counted summary", () => {
    expect(capIssues(many(MAX_ISSUES))).toHaveLength(MAX_ISSUES);
    const c = capIssues(many(MAX_ISSUES + 7));
    expect(c).toHaveLength(MAX_ISSUES + 1);
    expect(c[MAX_ISSUES - 1]!.path).toEqual(["items", MAX_ISSUES - 1]);
    expect(c[MAX_ISSUES]).toEqual(issue("too_many_issues", [], "7 more issues not listed (only the first 100 are)"));
    expect(capIssues(many(MAX_ISSUES + 1), true)[MAX_ISSUES]!.message).toBe(
      "at least 1 more issue not listed (only the first 100 are)",
    );
  });

  it("prefixes paths", () => {
    expect(prefixIssues(many(1), ["rules"])[0]!.path).toEqual(["rules", "items", 0]);
  });

  it("echoes plain identifiers up to 64 characters only", () => {
    for (const k of ["a", "_x", "camelCase9", "__proto__", `a${"b".repeat(63)}`]) expect(safeKey(k)).toBe(k);
    for (const k of ["", "9a", "a-b", "a.b", "张三", "a b", "13800138000", `a${"b".repeat(64)}`, "<key>"])
      expect(safeKey(k)).toBe(KEY_PLACEHOLDER);
    expect(issue("unrecognized_key", ["payments", 3, "张三 13800138000"], "unknown key").path).toEqual([
      "payments",
      3,
      "<key>",
    ]);
  });
});
