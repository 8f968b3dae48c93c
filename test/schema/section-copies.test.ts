/**
 * The named-field readers of the snapshot (`src/schema/fast-parse/section-copies.ts`) against the
 * generic loop they replace (`readKnown` over the kind's schema keys, the loop `copyKind` ran before):
 * the same keys in the same order with the same values, every field read exactly once, on objects
 * with keys in any order, missing keys, extra keys, `__proto__` keys, undefined values, inherited
 * fields and getters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SECTION_READERS, readIdentity, readKnown, readLoan } from "../../src/schema/fast-parse/section-copies";
import {
  APPLICANT_KEYS,
  APPLICATION_KEYS,
  BUREAU_KEYS,
  CONSENT_KEYS,
  DEVICES_KEYS,
  IDENTITY_KEYS,
  LOAN_KEYS,
  SOCIAL_KEYS,
} from "../../src/schema/fast-parse/sections";

type Rec = Record<string, unknown>;

/** An object built from `entries` as described: own data, own getter or inherited, in the given order. */
function build(
  entries: readonly (readonly [string, unknown, "own" | "getter" | "inherited"])[],
  reads: Map<string, number>,
): Rec {
  const proto: Rec = {};
  const o: Rec = Object.create(proto);
  for (const [k, v, how] of entries) {
    if (how === "inherited")
      Object.defineProperty(proto, k, { value: v, enumerable: true, configurable: true, writable: true });
    else if (how === "getter")
      Object.defineProperty(o, k, {
        get: () => {
          reads.set(k, (reads.get(k) ?? 0) + 1);
          return v;
        },
        enumerable: true,
        configurable: true,
      });
    else Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  }
  return o;
}

describe("section readers", () => {
  it("cover the eight fixed-shape kinds of the applicant", () => {
    expect(SECTION_READERS.map(([keys]) => keys)).toEqual([
      APPLICANT_KEYS,
      IDENTITY_KEYS,
      CONSENT_KEYS,
      APPLICATION_KEYS,
      SOCIAL_KEYS,
      BUREAU_KEYS,
      DEVICES_KEYS,
      LOAN_KEYS,
    ]);
  });

  it("copy the defined schema fields in schema order (hand-written cases)", () => {
    // identity's schema order: birthDate, ageYears, ..., cityCode (sections.ts IDENTITY_KEYS)
    const a = readIdentity({ cityCode: "BJ", extra: 1, ageYears: undefined, birthDate: "1990-01-01" });
    expect(Object.keys(a)).toEqual(["birthDate", "cityCode"]);
    expect(a).toEqual({ birthDate: "1990-01-01", cityCode: "BJ" });
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "principalFen": 5, "loanId": "l1"}') as Rec;
    const l = readLoan(withProto);
    expect(Object.keys(l)).toEqual(["loanId", "principalFen"]);
    expect(Object.getPrototypeOf(l)).toBe(Object.prototype);
  });

  it.each(SECTION_READERS.map(([keys, read], i) => [i, keys, read] as const))(
    "reader %i equals readKnown over its keys, reading each field once",
    (_i, keys, read) => {
      const list = [...keys];
      const value = fc.oneof(fc.constant(undefined), fc.integer(), fc.string(), fc.constant(null), fc.boolean());
      const key = fc.oneof(fc.constantFrom(...list), fc.constantFrom("extra", "__proto__", "constructor"), fc.string());
      const how = fc.constantFrom("own" as const, "getter" as const, "inherited" as const);
      fc.assert(
        fc.property(fc.uniqueArray(fc.tuple(key, value, how), { selector: (e) => e[0], maxLength: 14 }), (entries) => {
          const readsA = new Map<string, number>();
          const readsB = new Map<string, number>();
          const a = read(build(entries, readsA));
          const b = readKnown(build(entries, readsB), list);
          expect(Object.keys(a)).toEqual(Object.keys(b));
          expect(a).toEqual(b);
          expect(readsA).toEqual(readsB);
          for (const k of list) expect(readsA.get(k) ?? 0).toBeLessThanOrEqual(1);
        }),
        { numRuns: 500 },
      );
    },
  );
});
