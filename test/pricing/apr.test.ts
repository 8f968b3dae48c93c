import { describe, expect, it } from "vitest";
import { annualize, apr, loanCashFlows, maxRateUnderCap, unitApr, unitCashFlows } from "../../src/pricing";

const monthly = (convention: "nominal" | "effective") => ({ periodsPerYear: 12, convention }) as const;

describe("apr", () => {
  it("equals the contract rate when there are no fees (up to the borrower-favouring rounding)", () => {
    const f = loanCashFlows({ principalFen: 1_000_000, annualRate: 0.15, termMonths: 12, method: "equal-installment" });
    // reference.py "no-fee nominal": 0.14999008492384827798...
    expect(apr(f, monthly("nominal"))).toBeCloseTo(0.1499900849238483, 12);
  });

  it("computes the README example: 10,000 CNY, 12 months, 15%, 2% upfront fee", () => {
    const f = loanCashFlows({
      principalFen: 1_000_000,
      annualRate: 0.15,
      termMonths: 12,
      method: "equal-installment",
      upfrontFeeFen: 20_000,
    });
    // reference.py "worked": nominal 0.18881104773255847048..., effective 0.20603853046683615267...
    expect(apr(f, monthly("nominal"))).toBeCloseTo(0.18881104773255847, 12);
    expect(apr(f, monthly("effective"))).toBeCloseTo(0.20603853046683615, 12);
  });

  it("shows an add-on rate of 6% flat costs about 10.9% APR", () => {
    // 0% loan with a monthly fee of 0.5% of the original principal (6% a year, add-on).
    const f = loanCashFlows({
      principalFen: 1_000_000,
      annualRate: 0,
      termMonths: 12,
      method: "equal-installment",
      monthlyFeeFen: 5_000,
    });
    // reference.py "add-on 6% flat": nominal 0.10896347517716504..., effective 0.11457340992997346...
    expect(apr(f, monthly("nominal"))).toBeCloseTo(0.10896347517716504, 12);
    expect(apr(f, monthly("effective"))).toBeCloseTo(0.11457340992997346, 12);
  });

  it("annualizes by hand: 1% a month is 12% nominal and 1.01^12 - 1 effective", () => {
    expect(annualize(0.01, 12, "nominal")).toBeCloseTo(0.12, 15);
    expect(annualize(0.01, 12, "effective")).toBeCloseTo(1.01 ** 12 - 1, 15);
  });

  it("returns NaN for flows without an IRR and rejects bad options", () => {
    expect(apr([1, 2], monthly("nominal"))).toBeNaN();
    expect(() => apr([-1, 2], { periodsPerYear: 0, convention: "nominal" })).toThrow(RangeError);
    expect(() => apr([-1, 2], { periodsPerYear: 12, convention: "simple" as never })).toThrow(RangeError);
    expect(() => apr([-1, 2], null as never)).toThrow(TypeError);
  });
});

describe("unit pricing and the cap", () => {
  const base = { termMonths: 12, method: "equal-installment", upfrontFeeRate: 0.01, monthlyFeeRate: 0 } as const;

  it("unitApr without fees is the contract rate", () => {
    expect(unitApr({ ...base, annualRate: 0.18, upfrontFeeRate: 0 }, "nominal")).toBeCloseTo(0.18, 12);
    expect(unitApr({ ...base, annualRate: 0.12, upfrontFeeRate: 0 }, "effective")).toBeCloseTo(1.01 ** 12 - 1, 12);
  });

  it("unitCashFlows for equal principal by hand", () => {
    const f = unitCashFlows({
      annualRate: 0.12,
      termMonths: 2,
      method: "equal-principal",
      upfrontFeeRate: 0,
      monthlyFeeRate: 0,
    });
    expect(f[0]).toBe(-1);
    expect(f[1]).toBeCloseTo(0.5 + 0.01, 15);
    expect(f[2]).toBeCloseTo(0.5 + 0.005, 15);
  });

  it("maxRateUnderCap keeps a compliant rate and reprices a breaching one to the cap", () => {
    expect(maxRateUnderCap({ ...base, annualRate: 0.18 }, { rate: 0.24, convention: "nominal" })).toBe(0.18);
    const r = maxRateUnderCap({ ...base, annualRate: 0.24 }, { rate: 0.24, convention: "nominal" });
    expect(r).toBeLessThan(0.24);
    expect(r).toBeGreaterThan(0.2);
    const at = unitApr({ ...base, annualRate: r }, "nominal");
    expect(at).toBeLessThanOrEqual(0.24);
    expect(at).toBeGreaterThan(0.24 - 1e-12);
  });

  it("maxRateUnderCap under the effective convention is stricter", () => {
    const nominal = maxRateUnderCap({ ...base, annualRate: 0.24 }, { rate: 0.24, convention: "nominal" });
    const effective = maxRateUnderCap({ ...base, annualRate: 0.24 }, { rate: 0.24, convention: "effective" });
    expect(effective).toBeLessThan(nominal);
    expect(unitApr({ ...base, annualRate: effective }, "effective")).toBeLessThanOrEqual(0.24);
  });

  it("maxRateUnderCap is NaN when the fees alone break the cap", () => {
    // A 10% upfront fee on a 1-month loan costs far more than 24% a year.
    expect(
      maxRateUnderCap(
        { ...base, termMonths: 1, upfrontFeeRate: 0.1, annualRate: 0.12 },
        { rate: 0.24, convention: "nominal" },
      ),
    ).toBeNaN();
  });

  it("rejects bad pricing and caps", () => {
    expect(() => unitApr({ ...base, annualRate: -1 }, "nominal")).toThrow(RangeError);
    expect(() => unitCashFlows({ ...base, annualRate: 0.1, upfrontFeeRate: 1 })).toThrow(RangeError);
    expect(() => unitCashFlows(null as never)).toThrow(TypeError);
    expect(() => maxRateUnderCap({ ...base, annualRate: 0.1 }, { rate: 0, convention: "nominal" })).toThrow(RangeError);
    expect(() => maxRateUnderCap({ ...base, annualRate: 0.1 }, { rate: 0.24, convention: "x" as never })).toThrow(
      RangeError,
    );
  });
});
