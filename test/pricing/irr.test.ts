import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { irr, irrTimed, npv } from "../../src/pricing";

describe("irr", () => {
  it("matches the published test of the npm `financial` package", () => {
    // financial (npm) test suite: irr([-100, 39, 59, 55, 20]) = 0.2809484 (to 7 decimals).
    expect(irr([-100, 39, 59, 55, 20])).toBeCloseTo(0.2809484, 7);
    // test/pricing/reference.py (Python decimal, 50 digits, bisection): 0.28094842115996110457...
    expect(irr([-100, 39, 59, 55, 20])).toBeCloseTo(0.2809484211599611, 14);
  });

  it("matches the IRR examples of the Excel documentation", () => {
    // Microsoft Excel IRR help: -2.1% after four years, 8.7% after five, -44.4% after two (guess -10%).
    expect(irr([-70000, 12000, 15000, 18000, 21000])).toBeCloseTo(-0.021, 3);
    expect(irr([-70000, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.087, 3);
    expect(irr([-70000, 12000, 15000])).toBeCloseTo(-0.444, 3);
    // reference.py: -0.0212448482734109910..., 0.0866309480365316142...
    expect(irr([-70000, 12000, 15000, 18000, 21000])).toBeCloseTo(-0.021244848273411, 13);
    expect(irr([-70000, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.0866309480365316, 13);
  });

  it("solves a one-period loan exactly by hand: -100 then 110 is 10%", () => {
    expect(irr([-100, 110])).toBeCloseTo(0.1, 14);
    expect(irr([100, -110])).toBeCloseTo(0.1, 14); // lender's side, same rate
    expect(irr([-1, 0, 0, 1])).toBe(0);
  });

  it("returns NaN when there is no sign change or too few flows", () => {
    expect(irr([1, 2, 3])).toBeNaN();
    expect(irr([-1, -2])).toBeNaN();
    expect(irr([0, 0, 0])).toBeNaN();
    expect(irr([-5])).toBeNaN();
    expect(irr([])).toBeNaN();
  });

  it("works on typed arrays and on flows where plain Newton from 10% diverges", () => {
    expect(irr(new Float64Array([-100, 39, 59, 55, 20]))).toBeCloseTo(0.2809484, 7);
    // A 1-day payday-style loan: very high periodic rate (here 900%): needs the bracket.
    expect(irr([-100, 1000])).toBeCloseTo(9, 10);
    // Rate near -100%: almost everything lost.
    expect(irr([-100, 0.5])).toBeCloseTo(-0.995, 10);
  });

  it("rejects bad input with TypeError or RangeError, never crashing inside", () => {
    expect(() => irr(null as unknown as number[])).toThrow(TypeError);
    expect(() => irr("abc" as unknown as number[])).toThrow(TypeError);
    expect(() => irr([1, "2"] as unknown as number[])).toThrow(TypeError);
    expect(() => irr([-1, Number.NaN])).toThrow(RangeError);
    expect(() => irr([-1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe("npv", () => {
  it("discounts by hand: -100 + 60/1.1 + 60/1.21", () => {
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 12);
    expect(npv(0.2809484211599611, [-100, 39, 59, 55, 20])).toBeCloseTo(0, 10);
  });
  it("rejects a rate at or below -100%", () => {
    expect(() => npv(-1, [1, 2])).toThrow(RangeError);
    expect(() => npv(Number.NaN, [1, 2])).toThrow(RangeError);
  });
});

describe("irrTimed", () => {
  it("solves fractional times by hand: 100 now, 105 in half a period is 1.05^2 - 1 a period", () => {
    expect(irrTimed([-100, 105], [0, 0.5])).toBeCloseTo(1.05 ** 2 - 1, 12);
    // Excel XIRR's documentation example, times in years (days / 365):
    // -10000 on 2008-01-01, 2750 on 03-01, 4250 on 10-30, 3250 on 2009-02-15, 2750 on 04-01 -> 0.373362535
    const days = [0, 60, 303, 411, 456];
    expect(
      irrTimed(
        [-10000, 2750, 4250, 3250, 2750],
        days.map((d) => d / 365),
      ),
    ).toBeCloseTo(0.373362535, 8);
  });

  it("equals irr (the fast Horner path) when the times are 0, 1, 2, ... (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 36 }),
        (out, back) => {
          const flows = [-out, ...back];
          const a = irr(flows);
          const b = irrTimed(
            flows,
            flows.map((_, i) => i),
          );
          if (Number.isNaN(a)) expect(b).toBeNaN();
          else expect(b).toBeCloseTo(a, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects mismatched lengths and negative or non-finite times", () => {
    expect(() => irrTimed([-1, 2], [0])).toThrow(RangeError);
    expect(() => irrTimed([-1, 2], [0, -1])).toThrow(RangeError);
    expect(() => irrTimed([-1, 2], [0, Number.NaN])).toThrow(RangeError);
    expect(() => irrTimed([-1, 2], null as never)).toThrow(TypeError);
  });
});
