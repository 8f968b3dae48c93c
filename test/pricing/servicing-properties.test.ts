import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { penaltyInterest } from "../../src/postloan";
import {
  amortize,
  dueDates,
  maxRateUnderCap,
  prepay,
  REPAYMENT_METHODS,
  type RateCap,
  type ServicedLoan,
} from "../../src/pricing";

const DAY = 86_400_000;

/**
 * A loan priced under a cap as a policy would price it: a wanted rate, fees as shares of the
 * principal, re-priced to the highest rate whose APR (exact flows, fees included) meets the cap.
 * Fees in fen are floor(principal x share), so the real flows are at or below the exact ones.
 */
const pricedLoan = fc
  .record({
    principalFen: fc.integer({ min: 5_000, max: 20_000_000 }),
    wanted: fc.double({ min: 0, max: 0.36, noNaN: true }),
    termMonths: fc.integer({ min: 1, max: 24 }),
    method: fc.constantFrom(...REPAYMENT_METHODS),
    upfrontFeeRate: fc.constantFrom(0, 0.005, 0.01, 0.02, 0.03),
    monthlyFeeRate: fc.constantFrom(0, 0, 0.001, 0.002),
    prepaymentFeeRate: fc.constantFrom(0, 0.01, 0.03, 0.1),
    cap: fc.constantFrom<RateCap>(
      { rate: 0.24, convention: "nominal" },
      { rate: 0.24, convention: "effective" },
      { rate: 0.36, convention: "nominal" },
    ),
    disbursedAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
    utcOffsetMinutes: fc.constantFrom(480, 0, -300),
  })
  .map((x) => {
    const unit = {
      annualRate: x.wanted,
      termMonths: x.termMonths,
      method: x.method,
      upfrontFeeRate: x.upfrontFeeRate,
      monthlyFeeRate: x.monthlyFeeRate,
    };
    const annualRate = maxRateUnderCap(unit, x.cap);
    if (Number.isNaN(annualRate)) return null; // the fees alone exceed the cap: no product to service
    const loan: ServicedLoan = {
      principalFen: x.principalFen,
      annualRate,
      termMonths: x.termMonths,
      method: x.method,
      upfrontFeeFen: Math.floor(x.principalFen * x.upfrontFeeRate),
      monthlyFeeFen: Math.floor(x.principalFen * x.monthlyFeeRate),
      disbursedAt: x.disbursedAt,
      prepaymentFeeRate: x.prepaymentFeeRate,
    };
    return { loan, cap: x.cap, utcOffsetMinutes: x.utcOffsetMinutes };
  })
  .filter((x) => x !== null);

const charged = (r: { aprNominal: number; aprEffective: number }, cap: RateCap) =>
  cap.convention === "nominal" ? r.aprNominal : r.aprEffective;

describe("servicing properties: the all-in cost never above the cap", () => {
  it("prepay, over policies, rates, fees and prepayment dates (full and part repayments)", () => {
    fc.assert(
      fc.property(
        pricedLoan,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (p, when, part) => {
          const { loan, cap, utcOffsetMinutes } = p;
          const dues = dueDates(loan, { utcOffsetMinutes });
          const last = dues[dues.length - 1]!;
          const at = Math.min(last - 1, loan.disbursedAt + Math.floor(when * (last - loan.disbursedAt)));
          if (at < loan.disbursedAt) return;
          const full = prepay(loan, { at, cap, utcOffsetMinutes });
          const amountFen = part === undefined ? undefined : Math.max(1, Math.floor(part * full.balanceFen));
          const r = amountFen === undefined ? full : prepay(loan, { at, cap, utcOffsetMinutes, amountFen });
          expect(r.breachesCap).toBe(false);
          const apr = charged(r, cap);
          if (!Number.isNaN(apr)) expect(apr).toBeLessThanOrEqual(cap.rate + 1e-9);
          expect(r.payoffFen).toBe(r.principalFen + r.interestFen + r.feeFen - r.rebateFen);
          expect(r.interestFen).toBeGreaterThanOrEqual(0);
          expect(r.feeFen).toBeGreaterThanOrEqual(0);
          expect(r.rebateFen).toBeGreaterThanOrEqual(0);
          // The accrued interest never exceeds a full month's interest on the principal repaid
          // (at most 30 days at rate / 365 < rate / 12), except a bullet's, which runs from disbursement.
          if (loan.method !== "bullet")
            expect(r.interestFen).toBeLessThanOrEqual((r.principalFen * loan.annualRate) / 12 + 1e-6);
          // The revised schedule repays exactly what remains.
          expect(r.schedule.reduce((s, x) => s + x.principalFen, 0)).toBe(r.remainingBalanceFen);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("penaltyInterest, over policies, rates, penalty rates, days late and partial payments", () => {
    fc.assert(
      fc.property(
        pricedLoan,
        fc.array(fc.record({ late: fc.integer({ min: -10, max: 120 }), share: fc.constantFrom(0, 0.5, 1, 1, 1) }), {
          minLength: 24,
          maxLength: 24,
        }),
        fc.integer({ min: 0, max: 900 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (p, behaviour, asOfDays, rate) => {
          const { loan, cap, utcOffsetMinutes } = p;
          const asOf = loan.disbursedAt + asOfDays * DAY;
          const dues = dueDates(loan, { utcOffsetMinutes });
          const rows = amortize(loan).rows;
          const payments: { at: number; amountFen: number }[] = [];
          dues.forEach((d, i) => {
            const b = behaviour[i]!;
            const at = Math.max(loan.disbursedAt, d + b.late * DAY + DAY / 2);
            const owed = rows[i]!.paymentFen + (loan.monthlyFeeFen ?? 0);
            if (at <= asOf && b.share > 0) payments.push({ at, amountFen: Math.floor(owed * b.share) });
          });
          const r = penaltyInterest(loan, payments, { asOf, rate, cap, utcOffsetMinutes });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const v = r.value;
          expect(v.breachesCap).toBe(false);
          const apr = charged(v, cap);
          if (!Number.isNaN(apr)) expect(apr).toBeLessThanOrEqual(cap.rate + 1e-9);
          expect(v.penaltyFen).toBeLessThanOrEqual(v.penaltyAccruedFen);
          expect(v.penaltyFen).toBeGreaterThanOrEqual(0);
          expect(v.capped).toBe(v.penaltyFen < v.penaltyAccruedFen);
          expect(v.amountDueFen).toBe(v.overduePrincipalFen + v.overdueInterestFen + v.overdueFeeFen + v.penaltyFen);
          for (const x of [v.penaltyAccruedFen, v.amountDueFen, v.overduePrincipalFen]) {
            expect(Number.isSafeInteger(x)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
