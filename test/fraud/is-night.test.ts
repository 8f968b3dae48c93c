import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACT_CONFIG, createFactConfig } from "../../src/fraud";
import { isNight } from "../../src/fraud/compute-facts";

/** The definition: local hour by a floating-point modulo (exact for doubles), then the [start, end) test. */
function reference(at: number, offsetMinutes: number, start: number, end: number): boolean {
  const local = at + offsetMinutes * 60_000;
  const hour = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

describe("isNight", () => {
  it("matches the modulo definition for any instant, including extreme and fractional ones", () => {
    const config = DEFAULT_FACT_CONFIG;
    const instant = fc.oneof(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 0, max: 4_102_444_800_000 }),
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
    );
    fc.assert(
      fc.property(instant, (at) => {
        expect(isNight(at, config)).toBe(
          reference(at, config.utcOffsetMinutes, config.nightStartHour, config.nightEndHour),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it("wraps past midnight (22:00-05:00 at UTC-5, hand-checked)", () => {
    const config = createFactConfig({ utcOffsetMinutes: -300, nightStartHour: 22, nightEndHour: 5 });
    expect(isNight(Date.UTC(2026, 0, 2, 4), config)).toBe(true); // 23:00 local
    expect(isNight(Date.UTC(2026, 0, 2, 10), config)).toBe(false); // 05:00 local
    expect(isNight(Date.UTC(2026, 0, 2, 9, 59), config)).toBe(true); // 04:59 local
    expect(isNight(Date.UTC(2026, 0, 2, 2, 59), config)).toBe(false); // 21:59 local
  });
});
