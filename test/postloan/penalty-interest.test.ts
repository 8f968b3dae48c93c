import { describe, expect, it } from "vitest";
import { penaltyInterest } from "../../src/postloan";

const beijing = (y: number, m: number, d: number, hour = 0) => Date.UTC(y, m - 1, d, hour - 8);

// 12,000 CNY, 12 months, equal principal at 24% (2% a month, exactly at the cap), disbursed 10 January 2026:
// 100,000 fen of principal a month; interest 24,000, 22,000, 20,000, ... Due 10 February, 10 March, ...
const loan = {
  principalFen: 1_200_000,
  annualRate: 0.24,
  termMonths: 12,
  method: "equal-principal" as const,
  disbursedAt: beijing(2026, 1, 10, 11),
};

describe("penaltyInterest (hand calculations)", () => {
  it("two installments unpaid on 20 March at 36% a year on principal; the cap trims the penalty", () => {
    const r = penaltyInterest(loan, [], { asOf: beijing(2026, 3, 20, 15), rate: 0.36 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    // Installment 1: due 10 February, 38 days late (28 + 10); installment 2: due 10 March, 10 days.
    expect(v.daysPastDue).toBe(38);
    expect(v.overduePrincipalFen).toBe(200_000);
    expect(v.overdueInterestFen).toBe(46_000);
    // floor(100,000 x 38 x 0.36 / 365) = 3747; floor(100,000 x 10 x 0.36 / 365) = 986.
    expect(v.installments.map((x) => [x.period, x.daysLate, x.principalDays, x.penaltyFen])).toEqual([
      [1, 38, 3_800_000, 3_747],
      [2, 10, 1_000_000, 986],
    ]);
    expect(v.penaltyAccruedFen).toBe(4_733);
    // The contract is exactly at 24% (the schedule's NPV at 2% a month is 0), so at the cap the two
    // overdue installments (124,000 due at month 1 and 122,000 at month 2) may grow at 2% a month to
    // asOf, month 2 + 10/31: 124,000 x 1.02^(1 + 10/31) + 122,000 x 1.02^(10/31).
    const most = Math.floor(124_000 * 1.02 ** (1 + 10 / 31) + 122_000 * 1.02 ** (10 / 31));
    expect(v.penaltyFen).toBe(most - 246_000);
    expect(v.penaltyFen).toBeLessThan(4_733);
    expect(v.capped).toBe(true);
    expect(v.penaltyWaivedFen).toBe(4_733 - v.penaltyFen);
    expect(v.amountDueFen).toBe(246_000 + v.penaltyFen);
    expect(v.aprNominal).toBeLessThanOrEqual(0.24 + 1e-12);
    expect(v.breachesCap).toBe(false);
  });

  it("a cheaper contract leaves room: the full penalty is charged", () => {
    const cheap = { ...loan, annualRate: 0.12 };
    const r = penaltyInterest(cheap, [], { asOf: beijing(2026, 3, 20, 15), rate: 0.18 });
    expect(r.ok && [r.value.penaltyAccruedFen, r.value.penaltyFen, r.value.capped]).toEqual([
      // floor(100,000 x 38 x 0.18 / 365) = 1873; floor(100,000 x 10 x 0.18 / 365) = 493
      1_873 + 493,
      1_873 + 493,
      false,
    ]);
  });

  it("payments go principal first; a late payment accrues penalty to the day it was paid", () => {
    const cheap = { ...loan, annualRate: 0.12 };
    // Installment 1 (100,000 principal + 12,000 interest) paid 5 days late, in two parts: 60,000 on
    // 12 February (2 days late), 52,000 on 15 February (5 days late). Penalty days: 60,000 x 2 + 40,000 x 5.
    const r = penaltyInterest(
      cheap,
      [
        { at: beijing(2026, 2, 15, 9), amountFen: 52_000 },
        { at: beijing(2026, 2, 12, 9), amountFen: 60_000 },
      ],
      { asOf: beijing(2026, 3, 1), rate: 0.365 },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.installments).toEqual([
      // floor(320,000 x 0.365 / 365) = 320
      { period: 1, dueAt: beijing(2026, 2, 10), daysLate: 5, principalDays: 320_000, penaltyFen: 320 },
    ]);
    expect(r.value.daysPastDue).toBe(0);
    expect(r.value.overduePrincipalFen).toBe(0);
    expect(r.value.amountDueFen).toBe(320);
    // Paying on the due day, or early, is on time.
    const onTime = penaltyInterest(cheap, [{ at: beijing(2026, 2, 10, 23), amountFen: 112_000 }], {
      asOf: beijing(2026, 3, 1),
      rate: 0.365,
    });
    expect(onTime.ok && onTime.value.penaltyAccruedFen).toBe(0);
    // More than the schedule asks for is reported, not applied: the schedule asks for 1,200,000 of
    // principal and 1% of each balance, 0.01 x (1,200,000 + 1,100,000 + ... + 100,000) = 78,000.
    const over = penaltyInterest(cheap, [{ at: beijing(2026, 2, 1), amountFen: 99_999_999 }], {
      asOf: beijing(2026, 3, 1),
      rate: 0.365,
    });
    expect(over.ok && over.value.unappliedFen).toBe(99_999_999 - 1_200_000 - 78_000);
  });

  it("returns issues for bad payments, without echoing values", () => {
    const asOf = beijing(2026, 3, 1);
    const future = penaltyInterest(loan, [{ at: asOf + 1, amountFen: 5 }], { asOf, rate: 0.3 });
    expect(!future.ok && future.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual(["in_future@0.at"]);
    const before = penaltyInterest(loan, [{ at: loan.disbursedAt - 1, amountFen: 5 }], { asOf, rate: 0.3 });
    expect(!before.ok && before.issues[0]?.code).toBe("invalid_value");
    const wrong = penaltyInterest(loan, [{ at: asOf, amountFen: -987_654 }, { at: "x" }], { asOf, rate: 0.3 });
    expect(wrong.ok).toBe(false);
    expect(JSON.stringify(wrong)).not.toContain("987654");
    expect(penaltyInterest(loan, "nope", { asOf, rate: 0.3 }).ok).toBe(false);
    expect(() => penaltyInterest(loan, [], { asOf: loan.disbursedAt - 1, rate: 0.3 })).toThrow(RangeError);
    expect(() => penaltyInterest(loan, [], { asOf, rate: -0.1 })).toThrow(RangeError);
    expect(() => penaltyInterest(loan, [], { asOf, rate: "0.3" as never })).toThrow(TypeError);
    expect(() => penaltyInterest({ ...loan, termMonths: 0 }, [], { asOf, rate: 0.3 })).toThrow(RangeError);
  });
});
