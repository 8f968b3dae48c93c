import { describe, expect, it } from "vitest";
import { dailyRateDisclosure, floorRateProduct, scaleRate } from "../../src/pricing";

describe("dailyRateDisclosure", () => {
  it("0.05% a day, 12 equal installments, no fees: 18.25% contract, nominal 0.1825, effective 0.19857 (issue 16)", () => {
    const d = dailyRateDisclosure(0.0005, { termMonths: 12, method: "equal-installment" });
    // Hand calculation: 0.0005 x 365 = 0.1825; with no fees the IRR of the exact annuity is the
    // monthly rate 0.1825 / 12, so nominal = 0.1825 and effective = (1 + 0.1825 / 12)^12 - 1 = 0.19857
    // (Python decimal, test/pricing/reference.py: 0.1985663705465311702...).
    expect(d.contractAnnualRate).toBe(0.1825);
    expect(d.monthlyRate).toBeCloseTo(0.1825 / 12, 15);
    expect(Math.abs(d.aprNominal - 0.1825)).toBeLessThan(1e-5);
    expect(Math.abs(d.aprEffective - 0.19857)).toBeLessThan(1e-5);
    expect(d.aprEffective).toBeCloseTo(0.19856637054653117, 12);
    expect(d.breachesCap).toBe(false);
    expect(d.basis).toBe("per-unit");
    expect(d.totals).toBeNull();
    expect(Object.isFrozen(d)).toBe(true);
  });

  it("0.1% a day is flagged: 36.5% contract, above the 24% red line", () => {
    const d = dailyRateDisclosure(0.001, { termMonths: 12, method: "equal-installment" });
    expect(d.contractAnnualRate).toBe(0.365);
    expect(d.breachesCap).toBe(true);
    // effective (1 + 0.365 / 12)^12 - 1 = 0.43270 (hand calculation)
    expect(d.aprEffective).toBeCloseTo((1 + 0.365 / 12) ** 12 - 1, 12);
  });

  it("the cap is judged on the APR with fees, not on the contract rate", () => {
    // 0.06% a day = 21.9% contract, under 24%; a 3% upfront fee over 6 months pushes the APR over.
    const noFee = dailyRateDisclosure(0.0006, { termMonths: 6, method: "equal-installment" });
    expect(noFee.breachesCap).toBe(false);
    const fee = dailyRateDisclosure(0.0006, {
      termMonths: 6,
      method: "equal-installment",
      fees: { upfrontFeeRate: 0.03 },
    });
    expect(fee.contractAnnualRate).toBe(0.219);
    expect(fee.breachesCap).toBe(true);
    // An effective cap is stricter than the same rate stated as nominal.
    const eff = dailyRateDisclosure(0.0006, {
      termMonths: 12,
      method: "equal-installment",
      cap: { rate: 0.24, convention: "effective" },
    });
    expect(eff.aprNominal).toBeLessThan(0.24);
    expect(eff.aprEffective).toBeGreaterThan(0.24);
    expect(eff.breachesCap).toBe(true);
  });

  it("a loan's rounded flows: 10,000 CNY with a 1% upfront fee equal the Python decimal reference", () => {
    // /usr/bin/python3 test/pricing/reference.py (Python 3.11.2, decimal at 50 digits, bisection IRR):
    // "disclosure 10,000 CNY 1% upfront nominal 0.2019070772233069... effective 0.2216804029318108..."
    // "disclosure 10,000 CNY no fee nominal 0.1824900720106050... effective 0.1985546495031841..."
    // "disclosure 10,000 CNY totals 101582 1101582" (interest, repaid)
    const opts = { termMonths: 12, method: "equal-installment" as const, principalFen: 1_000_000 };
    const d = dailyRateDisclosure(0.0005, { ...opts, fees: { upfrontFeeRate: 0.01 } });
    expect(d.basis).toBe("loan");
    expect(d.aprNominal).toBeCloseTo(0.20190707722330695, 12);
    expect(d.aprEffective).toBeCloseTo(0.2216804029318109, 12);
    expect(d.totals).toEqual({ interestFen: 101_582, feeFen: 10_000, repaidFen: 1_101_582 });
    const inFen = dailyRateDisclosure(0.0005, { ...opts, fees: { upfrontFeeFen: 10_000 } });
    expect(inFen.aprNominal).toBe(d.aprNominal);
    const plain = dailyRateDisclosure(0.0005, opts);
    expect(plain.aprNominal).toBeCloseTo(0.182490072010605, 12);
    expect(plain.aprEffective).toBeCloseTo(0.1985546495031841, 12);
    // Rounding in the borrower's favour: a real loan's APR is at or below the per-unit figure.
    const unit = dailyRateDisclosure(0.0005, { termMonths: 12, method: "equal-installment" });
    expect(plain.aprNominal).toBeLessThanOrEqual(unit.aprNominal);
  });

  it("works for every repayment method", () => {
    for (const method of ["equal-installment", "equal-principal", "interest-only", "bullet"] as const) {
      const d = dailyRateDisclosure(0.0005, { termMonths: 6, method });
      // No fees: each schedule charges exactly the monthly rate on what is outstanding, so the
      // nominal APR is the contract rate (a bullet's simple interest is cheaper than compounding).
      if (method === "bullet") expect(d.aprNominal).toBeLessThan(0.1825);
      else expect(d.aprNominal).toBeCloseTo(0.1825, 12);
    }
  });

  it("rejects bad input with TypeError or RangeError, never echoing a value", () => {
    const ok = { termMonths: 12, method: "equal-installment" as const };
    expect(() => dailyRateDisclosure("0.0005" as never, ok)).toThrow(TypeError);
    expect(() => dailyRateDisclosure(-0.0001, ok)).toThrow(RangeError);
    expect(() => dailyRateDisclosure(Number.NaN, ok)).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.5, ok)).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, null as never)).toThrow(TypeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, termMonths: 0 })).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, method: "balloon" as never })).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, fees: { upfrontFeeRate: 1 } })).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, fees: { upfrontFeeFen: 100 } })).toThrow(RangeError);
    expect(() =>
      dailyRateDisclosure(0.0005, { ...ok, principalFen: 1000, fees: { upfrontFeeFen: 1, upfrontFeeRate: 0.01 } }),
    ).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, principalFen: 0.5 })).toThrow(RangeError);
    expect(() => dailyRateDisclosure(0.0005, { ...ok, cap: { rate: 0, convention: "nominal" } })).toThrow(RangeError);
    try {
      dailyRateDisclosure(0.0005, { ...ok, principalFen: -987_654 });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("987654");
    }
  });
});

describe("exact decimal helpers", () => {
  it("floorRateProduct reads the rate as written (hand calculations)", () => {
    // 100 x 0.29 = 29 exactly; plain floating point gives 28.999999999999996 and would lose a fen.
    expect(100 * 0.29).toBeLessThan(29);
    expect(floorRateProduct(100, 1, 0.29, 1)).toBe(29);
    expect(floorRateProduct(180, 1, 0.35, 1)).toBe(63); // 62.99999999999999 in floating point
    // 1,000,000 x 30 x 0.1825 / 365 = 15000: 10,000 CNY at 0.05% a day for 30 days
    expect(floorRateProduct(1_000_000, 30, 0.1825, 365)).toBe(15_000);
    // 12345 x 7 x 0.273 / 365 = 64.633... -> 64
    expect(floorRateProduct(12_345, 7, 0.273, 365)).toBe(64);
    // 5e-7 (exponent form): 10^9 x 1 x 5e-7 = 500
    expect(floorRateProduct(1e9, 1, 5e-7, 1)).toBe(500);
    expect(floorRateProduct(999, 1, 0.01, 1)).toBe(9);
    expect(() => floorRateProduct(1.5, 1, 0.1, 1)).toThrow(RangeError);
    expect(() => floorRateProduct(1, 1, -0.1, 1)).toThrow(RangeError);
    expect(() => floorRateProduct(1, 1, 0.1, 0)).toThrow(RangeError);
    expect(() => floorRateProduct(1e15, 1e15, 1, 1)).toThrow(RangeError);
  });

  it("scaleRate multiplies on the decimal", () => {
    expect(0.0003 * 365).not.toBe(0.1095);
    expect(scaleRate(0.0003, 365)).toBe(0.1095);
    expect(scaleRate(0.0005, 365)).toBe(0.1825);
    expect(scaleRate(2.5e-7, 4)).toBe(1e-6);
    expect(scaleRate(12, 3)).toBe(36);
  });
});
