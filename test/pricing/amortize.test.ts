import { describe, expect, it } from "vitest";
import { amortize, annuityFactor, installmentFen, loanCashFlows } from "../../src/pricing";
import { thrown } from "../thrown";

describe("amortize", () => {
  it("equal-installment: 10,000 CNY at 12% over 12 months pays PMT(1%, 12, 10000) = 888.49 rounded down", () => {
    // Excel/Sheets PMT(0.01, 12, -10000) = 888.4878868 CNY -> 88848 fen (rounded down).
    expect(installmentFen(1_000_000, 0.12, 12)).toBe(88848);
    const { rows } = amortize({
      principalFen: 1_000_000,
      annualRate: 0.12,
      termMonths: 12,
      method: "equal-installment",
    });
    // Hand calculation: interest 1% of 1,000,000 = 10000; principal 88848 - 10000 = 78848.
    expect(rows[0]).toEqual({
      period: 1,
      paymentFen: 88848,
      principalFen: 78848,
      interestFen: 10000,
      balanceFen: 921152,
    });
    // Period 2: floor(921152 x 1%) = 9211; principal 79637.
    expect(rows[1]).toEqual({
      period: 2,
      paymentFen: 88848,
      principalFen: 79637,
      interestFen: 9211,
      balanceFen: 841515,
    });
    expect(rows).toHaveLength(12);
    expect(rows.reduce((s, r) => s + r.principalFen, 0)).toBe(1_000_000);
    expect(rows[11]?.balanceFen).toBe(0);
  });

  it("matches the reference schedule of reference.py for 10,000 CNY at 15% (the README example)", () => {
    // /usr/bin/python3 test/pricing/reference.py ("worked rows"), Python 3 decimal at 50 digits.
    const ref = [
      [1, 90258, 77758, 12500, 922242],
      [2, 90258, 78730, 11528, 843512],
      [3, 90258, 79715, 10543, 763797],
      [4, 90258, 80711, 9547, 683086],
      [5, 90258, 81720, 8538, 601366],
      [6, 90258, 82741, 7517, 518625],
      [7, 90258, 83776, 6482, 434849],
      [8, 90258, 84823, 5435, 350026],
      [9, 90258, 85883, 4375, 264143],
      [10, 90258, 86957, 3301, 177186],
      [11, 90258, 88044, 2214, 89142],
      [12, 90256, 89142, 1114, 0],
    ];
    const { rows } = amortize({
      principalFen: 1_000_000,
      annualRate: 0.15,
      termMonths: 12,
      method: "equal-installment",
    });
    expect(rows.map((r) => [r.period, r.paymentFen, r.principalFen, r.interestFen, r.balanceFen])).toEqual(ref);
  });

  it("equal-principal: 12,000 CNY at 12% over 12 months, by hand", () => {
    // Principal 100000 fen a month; interest 1% of the balance: 12000, 11000, ..., 1000.
    const { rows } = amortize({ principalFen: 1_200_000, annualRate: 0.12, termMonths: 12, method: "equal-principal" });
    rows.forEach((r, i) => {
      expect(r.principalFen).toBe(100_000);
      expect(r.interestFen).toBe(12_000 - 1000 * i);
      expect(r.paymentFen).toBe(112_000 - 1000 * i);
    });
  });

  it("puts the remainder of an uneven split on the last period and rounds interest down", () => {
    const { rows } = amortize({ principalFen: 1000, annualRate: 0.1, termMonths: 3, method: "equal-principal" });
    expect(rows.map((r) => r.principalFen)).toEqual([333, 333, 334]);
    // floor(1000 x 0.1 / 12) = floor(8.33) = 8; floor(667 x 0.1 / 12) = 5; floor(334 x 0.1 / 12) = 2
    expect(rows.map((r) => r.interestFen)).toEqual([8, 5, 2]);
  });

  it("interest-only with a balloon: 10,000 CNY at 18% over 6 months, by hand", () => {
    // Monthly interest 1,000,000 x 0.18 / 12 = 15000 fen every month; the balloon of 1,000,000 with the sixth.
    const { rows } = amortize({ principalFen: 1_000_000, annualRate: 0.18, termMonths: 6, method: "interest-only" });
    expect(rows.map((r) => [r.paymentFen, r.principalFen, r.interestFen, r.balanceFen])).toEqual([
      [15_000, 0, 15_000, 1_000_000],
      [15_000, 0, 15_000, 1_000_000],
      [15_000, 0, 15_000, 1_000_000],
      [15_000, 0, 15_000, 1_000_000],
      [15_000, 0, 15_000, 1_000_000],
      [1_015_000, 1_000_000, 15_000, 0],
    ]);
    // Uneven interest is rounded down: floor(3333 x 0.1 / 12) = floor(27.775) = 27.
    const odd = amortize({ principalFen: 3333, annualRate: 0.1, termMonths: 2, method: "interest-only" });
    expect(odd.rows.map((r) => r.paymentFen)).toEqual([27, 3360]);
  });

  it("bullet: principal plus simple interest for the whole term at maturity, nothing before", () => {
    // 10,000 CNY at 18.25% (0.05% a day x 365) for 3 months: floor(1,000,000 x 0.1825 x 3 / 12) = 45625 fen.
    const { rows } = amortize({ principalFen: 1_000_000, annualRate: 0.1825, termMonths: 3, method: "bullet" });
    expect(rows).toEqual([
      { period: 1, paymentFen: 0, principalFen: 0, interestFen: 0, balanceFen: 1_000_000 },
      { period: 2, paymentFen: 0, principalFen: 0, interestFen: 0, balanceFen: 1_000_000 },
      { period: 3, paymentFen: 1_045_625, principalFen: 1_000_000, interestFen: 45_625, balanceFen: 0 },
    ]);
    // floor(777 x 0.07 x 5 / 12) = floor(22.6625) = 22.
    const odd = amortize({ principalFen: 777, annualRate: 0.07, termMonths: 5, method: "bullet" });
    expect(odd.rows[4]).toEqual({ period: 5, paymentFen: 799, principalFen: 777, interestFen: 22, balanceFen: 0 });
  });

  it("handles a zero rate and a single period", () => {
    const zero = amortize({ principalFen: 1_200_000, annualRate: 0, termMonths: 12, method: "equal-installment" });
    expect(zero.rows.every((r) => r.paymentFen === 100_000 && r.interestFen === 0)).toBe(true);
    const one = amortize({ principalFen: 5000, annualRate: 0.24, termMonths: 1, method: "equal-installment" });
    expect(one.rows).toEqual([{ period: 1, paymentFen: 5100, principalFen: 5000, interestFen: 100, balanceFen: 0 }]);
  });

  it("returns a frozen schedule", () => {
    const s = amortize({ principalFen: 5000, annualRate: 0.24, termMonths: 3, method: "equal-installment" });
    expect(Object.isFrozen(s.rows)).toBe(true);
  });

  it("annuityFactor matches the closed form by hand", () => {
    expect(annuityFactor(0.01, 12)).toBeCloseTo(0.01 / (1 - 1.01 ** -12), 15);
    expect(annuityFactor(0, 4)).toBe(0.25);
  });

  it("rejects bad terms with TypeError or RangeError and messages without the value", () => {
    const ok = { principalFen: 100_000, annualRate: 0.1, termMonths: 12, method: "equal-installment" } as const;
    expect(() => amortize(null as never)).toThrow(TypeError);
    expect(() => amortize({ ...ok, principalFen: "1" as never })).toThrow(TypeError);
    expect(() => amortize({ ...ok, principalFen: -5 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, principalFen: 10.5 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, principalFen: 2 ** 60 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, annualRate: Number.NaN })).toThrow(RangeError);
    expect(() => amortize({ ...ok, annualRate: -0.1 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, termMonths: 0 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, termMonths: 1.5 })).toThrow(RangeError);
    expect(() => amortize({ ...ok, method: "balloon" as never })).toThrow(RangeError);
    expect(thrown(() => amortize({ ...ok, principalFen: -987654 }), RangeError).message).not.toContain("987654");
  });
});

describe("loanCashFlows", () => {
  it("withholds the upfront fee and adds the monthly fee to each installment", () => {
    expect(
      loanCashFlows({ principalFen: 1000, annualRate: 0, termMonths: 2, method: "equal-principal", upfrontFeeFen: 10 }),
    ).toEqual([-990, 500, 500]);
    expect(
      loanCashFlows({ principalFen: 1000, annualRate: 0, termMonths: 2, method: "equal-principal", monthlyFeeFen: 7 }),
    ).toEqual([-1000, 507, 507]);
  });
  it("rejects fees that are negative, fractional or not below the principal", () => {
    const base = { principalFen: 1000, annualRate: 0, termMonths: 2, method: "equal-principal" } as const;
    expect(() => loanCashFlows({ ...base, upfrontFeeFen: 1000 })).toThrow(RangeError);
    expect(() => loanCashFlows({ ...base, upfrontFeeFen: -1 })).toThrow(RangeError);
    expect(() => loanCashFlows({ ...base, monthlyFeeFen: 0.5 })).toThrow(RangeError);
    expect(() => loanCashFlows({ ...base, monthlyFeeFen: "1" as never })).toThrow(TypeError);
  });
});
