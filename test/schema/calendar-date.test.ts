/**
 * `isShapedCalendarDate` (char-code reading, `src/schema/fast-parse/checks.ts`) against
 * `isCalendarDate` (`src/schema/applicant.ts`, the refinement the zod schema runs) on date-shaped strings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/schema/applicant";
import { isDateShape, isShapedCalendarDate } from "../../src/schema/fast-parse/checks";

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

describe("isShapedCalendarDate", () => {
  it("follows the Gregorian leap-year rule (hand-checked dates)", () => {
    // 2000 divisible by 400: leap; 1900 by 100 not 400: not leap; 2024 by 4: leap; 2023: not.
    expect(isShapedCalendarDate("2000-02-29")).toBe(true);
    expect(isShapedCalendarDate("1900-02-29")).toBe(false);
    expect(isShapedCalendarDate("2024-02-29")).toBe(true);
    expect(isShapedCalendarDate("2023-02-29")).toBe(false);
    expect(isShapedCalendarDate("2024-02-30")).toBe(false);
    expect(isShapedCalendarDate("0000-02-29")).toBe(true);
    // April, June, September, November have 30 days; the others 31.
    expect(isShapedCalendarDate("2023-04-30")).toBe(true);
    expect(isShapedCalendarDate("2023-04-31")).toBe(false);
    expect(isShapedCalendarDate("2023-11-31")).toBe(false);
    expect(isShapedCalendarDate("2023-12-31")).toBe(true);
    expect(isShapedCalendarDate("2023-08-31")).toBe(true);
  });

  it("agrees with isCalendarDate on every day number of every month of sampled years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (y) => {
        for (let m = 1; m <= 12; m++)
          for (let d = 1; d <= 31; d++) {
            const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
            expect(isDateShape(s)).toBe(true);
            expect(isShapedCalendarDate(s)).toBe(isCalendarDate(s));
          }
      }),
      { numRuns: 300 },
    );
  });
});
