import { describe, expect, it } from "vitest";
import { addMonths, dueDates, localDay, monthTime, prepay } from "../../src/pricing";

/** Midnight of a Beijing calendar day (UTC+8), epoch ms. */
const beijing = (y: number, m: number, d: number, hour = 0) => Date.UTC(y, m - 1, d, hour - 8);

// 10,000 CNY at 0.05% a day (18.25% contract), 12 equal installments, disbursed 10 January 2026 (Beijing).
const loan = {
  principalFen: 1_000_000,
  annualRate: 0.1825,
  termMonths: 12,
  method: "equal-installment" as const,
  disbursedAt: beijing(2026, 1, 10, 9),
};

describe("calendar", () => {
  it("due dates keep the disbursement day, or the month's last day when shorter", () => {
    const jan31 = { ...loan, termMonths: 4, disbursedAt: beijing(2026, 1, 31, 15) };
    expect(dueDates(jan31)).toEqual([
      beijing(2026, 2, 28),
      beijing(2026, 3, 31),
      beijing(2026, 4, 30),
      beijing(2026, 5, 31),
    ]);
    // 2028 is a leap year: 29 February.
    expect(dueDates({ ...jan31, disbursedAt: beijing(2028, 1, 31) })[0]).toBe(beijing(2028, 2, 29));
    // The lender's calendar decides: 20:00 UTC on 31 January is already 1 February in Beijing.
    expect(localDay(Date.UTC(2026, 0, 31, 20), 480)).toBe(localDay(Date.UTC(2026, 1, 1), 0));
    expect(addMonths(localDay(Date.UTC(2026, 0, 31), 0), 13)).toBe(localDay(Date.UTC(2027, 1, 28), 0));
  });

  it("contract months: whole months at the due dates, a day in between at its share of the month", () => {
    const start = localDay(Date.UTC(2026, 0, 31), 0);
    expect(monthTime(start, start)).toBe(0);
    expect(monthTime(start, localDay(Date.UTC(2026, 1, 28), 0))).toBe(1);
    // 2 March: 2 days into the second month, which runs 28 February to 31 March (31 days).
    expect(monthTime(start, localDay(Date.UTC(2026, 2, 2), 0))).toBeCloseTo(1 + 2 / 31, 15);
  });
});

describe("prepay (hand calculations)", () => {
  it("a full payoff 30 days after disbursement: interest 10,000 x 0.05% x 30 = 150 CNY", () => {
    const r = prepay(loan, { at: beijing(2026, 2, 9, 18) });
    expect(r.paidInstallments).toBe(0);
    expect(r.days).toBe(30);
    // floor(1,000,000 x 0.1825 x 30 / 365) = 15000
    expect(r.interestFen).toBe(15_000);
    expect(r.payoffFen).toBe(1_015_000);
    expect(r.capped).toBe(false);
    expect(r.schedule).toEqual([]);
    expect(r.remainingBalanceFen).toBe(0);
    // Cash flows -1,000,000 at 0 and 1,015,000 at 30/31 month: 12 x (1.015^(31/30) - 1) = 18.44%.
    expect(r.aprNominal).toBeCloseTo(12 * (1.015 ** (31 / 30) - 1), 10);
  });

  it("on a due date: that installment is paid as scheduled, no interest accrues", () => {
    const r = prepay(loan, { at: beijing(2026, 2, 10, 12) });
    expect(r.paidInstallments).toBe(1);
    expect(r.days).toBe(0);
    expect(r.interestFen).toBe(0);
    expect(r.payoffFen).toBe(r.balanceFen);
  });

  it("the cap takes the fee, then the interest, then refunds part of the upfront fee (payoff two days in)", () => {
    const withFees = { ...loan, upfrontFeeFen: 10_000, prepaymentFeeRate: 0.03 };
    const r = prepay(withFees, { at: beijing(2026, 1, 12, 10) });
    expect(r.days).toBe(2);
    // Wanted: 1,000,000 + floor(1,000,000 x 0.1825 x 2 / 365) = 1,000 interest + 3% fee 30,000.
    // The borrower received 990,000 two days (2/31 month) ago; at the 24% cap (2% a month) at most
    // floor(990,000 x 1.02^(2/31)) can be asked for.
    const most = Math.floor(990_000 * 1.02 ** (2 / 31));
    expect(r.payoffFen).toBe(most);
    expect(r.capReductionFen).toBe(1_031_000 - most);
    expect(r.feeFen).toBe(0);
    expect(r.interestFen).toBe(0);
    expect(r.rebateFen).toBe(1_000_000 - most);
    expect(r.capped).toBe(true);
    expect(r.breachesCap).toBe(false);
    expect(r.aprNominal).toBeLessThanOrEqual(0.24);
  });

  it("a part repayment keeps the term and lowers the installments (equal principal, by hand)", () => {
    const ep = { ...loan, principalFen: 1_200_000, method: "equal-principal" as const };
    // 20 February: the 10 February installment is paid; balance 1,100,000; 10 days of interest on 500,000.
    const r = prepay(ep, { at: beijing(2026, 2, 20, 8), amountFen: 500_000 });
    expect(r.paidInstallments).toBe(1);
    expect(r.balanceFen).toBe(1_100_000);
    expect(r.interestFen).toBe(2_500); // floor(500,000 x 0.1825 x 10 / 365) = 2500
    expect(r.payoffFen).toBe(502_500);
    expect(r.remainingBalanceFen).toBe(600_000);
    expect(r.schedule).toHaveLength(11);
    // 600,000 over 11 periods: floor(600,000 / 11) = 54545 a month, the last 54550; the first
    // interest floor(600,000 x 0.1825 / 12) = 9125 (the remaining principal was out all month).
    expect(r.schedule[0]).toEqual({
      period: 2,
      paymentFen: 63_670,
      principalFen: 54_545,
      interestFen: 9_125,
      balanceFen: 545_455,
    });
    expect(r.schedule[10]?.principalFen).toBe(54_550);
  });

  it("a bullet accrues from disbursement", () => {
    const b = { ...loan, method: "bullet" as const, termMonths: 6 };
    const r = prepay(b, { at: beijing(2026, 4, 10, 23) });
    expect(r.days).toBe(90); // 10 January to 10 April 2026
    expect(r.interestFen).toBe(45_000); // floor(1,000,000 x 0.1825 x 90 / 365)
  });

  it("rejects bad input with TypeError or RangeError, never echoing a value", () => {
    const at = beijing(2026, 3, 1);
    expect(() => prepay(loan, { at: loan.disbursedAt - 1 })).toThrow(RangeError);
    expect(() => prepay(loan, { at: beijing(2027, 1, 10) })).toThrow(RangeError); // the last due date
    expect(() => prepay(loan, { at: "x" as never })).toThrow(TypeError);
    expect(() => prepay(loan, { at, amountFen: 0 })).toThrow(RangeError);
    expect(() => prepay(loan, { at, amountFen: 2_000_000 })).toThrow(RangeError);
    expect(() => prepay(loan, { at, amountFen: 1.5 })).toThrow(RangeError);
    expect(() => prepay({ ...loan, prepaymentFeeRate: 1 }, { at })).toThrow(RangeError);
    expect(() => prepay({ ...loan, disbursedAt: -1 }, { at })).toThrow(RangeError);
    expect(() => prepay({ ...loan, upfrontFeeFen: 1_000_000 }, { at })).toThrow(RangeError);
    expect(() => prepay(loan, { at, utcOffsetMinutes: 1000 })).toThrow(RangeError);
    expect(() => prepay(loan, { at, cap: { rate: -1, convention: "nominal" } })).toThrow(RangeError);
    expect(() => prepay(null as never, { at })).toThrow(TypeError);
    try {
      prepay(loan, { at, amountFen: 987_654_321 });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("987654321");
    }
  });
});
