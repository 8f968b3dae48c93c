import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageInYearsFast } from "../../src/features/age-fast";
import { ageInYears } from "../../src/schema/age";

// The reference is `ageInYears` itself (Date-based): the fast path must agree on every input.
const pad = (n: number, w: number): string => String(n).padStart(w, "0");
const dateString = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const DAY = 86_400_000;

describe("ageInYearsFast", () => {
  it("equals ageInYears for any date string, instant and offset (incl. the Date range edges)", () => {
    fc.assert(
      fc.property(
        dateString,
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.integer({ min: 0, max: 4_102_444_800_000 }),
          fc.constantFrom(0, DAY - 1, DAY, -1, -DAY, 8.64e15, -8.64e15),
        ),
        fc.integer({ min: -720, max: 840 }).map((m) => m * 60_000),
        (bd, asOf, off) => {
          expect(ageInYearsFast(bd, asOf, off)).toBe(ageInYears(bd, asOf, off));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("hands inputs outside its fast path to ageInYears (same result, NaN included)", () => {
    const cases: [string, number, number][] = [
      ["2000-01-01", 8.64e15 + 1, 0], // past the Date range: NaN
      ["2000-01-01", 1.5, 0], // not an integer instant
      ["2000-1 -01", 0, 0], // whitespace Number() would trim
      ["20000-01-01", 0, 0],
      ["2000/02/29", Date.UTC(2024, 1, 28), 0],
    ];
    for (const [bd, asOf, off] of cases) expect(ageInYearsFast(bd, asOf, off)).toBe(ageInYears(bd, asOf, off));
  });

  it("counts a birthday on the local date of asOf as completed (hand-checked: 2000-02-29, UTC+8)", () => {
    // 2024-02-28T16:00Z is 2024-02-29 00:00 in UTC+8: the 24th birthday, not yet in UTC.
    expect(ageInYearsFast("2000-02-29", Date.UTC(2024, 1, 28, 16), 480 * 60_000)).toBe(24);
    expect(ageInYearsFast("2000-02-29", Date.UTC(2024, 1, 28, 16), 0)).toBe(23);
  });
});
