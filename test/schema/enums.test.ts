/**
 * The switch-based enum tests of the event predicates (`src/schema/fast-parse/enums.ts`) against the
 * lists they stand for (`PAYMENT_CHANNELS`, `DEVICE_EVENT_KINDS` in `src/schema/applicant.ts`, the
 * lists the zod schema is built from): `includes` on the list is the naive reference.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEVICE_EVENT_KINDS, PAYMENT_CHANNELS } from "../../src/schema/applicant";
import { isDeviceEventKind, isPaymentChannel } from "../../src/schema/fast-parse/enums";

const CASES: readonly [string, readonly string[], (v: unknown) => boolean][] = [
  ["isPaymentChannel", PAYMENT_CHANNELS, isPaymentChannel],
  ["isDeviceEventKind", DEVICE_EVENT_KINDS, isDeviceEventKind],
];

describe.each(CASES)("%s", (_name, list, test) => {
  it("accepts every value of its list", () => {
    for (const v of list) expect(test(v)).toBe(true);
  });

  it("rejects near misses and values of other types", () => {
    for (const v of list) {
      expect(test(v.toUpperCase())).toBe(false);
      expect(test(`${v} `)).toBe(false);
      expect(test(v.slice(1))).toBe(false);
      expect(test(new String(v))).toBe(false);
      expect(test([v])).toBe(false);
    }
    for (const v of [undefined, null, 0, true, {}, ""]) expect(test(v)).toBe(false);
  });

  it("agrees with list.includes on any string, including ones built from the list", () => {
    const near = fc
      .tuple(fc.constantFrom(...list), fc.string({ maxLength: 2 }), fc.boolean())
      .map(([v, s, front]) => (front ? s + v : v + s));
    fc.assert(
      fc.property(fc.oneof(fc.string(), near, fc.constantFrom(...list)), (s) => {
        expect(test(s)).toBe(list.includes(s));
      }),
      { numRuns: 2_000 },
    );
  });
});
