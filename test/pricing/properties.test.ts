import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amortize, apr, loanCashFlows, REPAYMENT_METHODS, unitApr } from "../../src/pricing";

const method = fc.constantFrom(...REPAYMENT_METHODS);

describe("schedule properties", () => {
  it("principal sums exactly to the loan; every amount is a safe integer; balances fall to 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        method,
        (principalFen, annualRate, termMonths, m) => {
          const { rows } = amortize({ principalFen, annualRate, termMonths, method: m });
          expect(rows).toHaveLength(termMonths);
          let sum = 0;
          let prev = principalFen;
          for (const r of rows) {
            for (const v of [r.paymentFen, r.principalFen, r.interestFen, r.balanceFen]) {
              expect(Number.isSafeInteger(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
            expect(r.paymentFen).toBe(r.principalFen + r.interestFen);
            expect(r.balanceFen).toBe(prev - r.principalFen);
            // Interest never exceeds balance x monthly rate (rounded down, borrower's favour); a bullet
            // charges simple interest on the principal for the whole term at maturity, nothing before.
            const due = m === "bullet" ? (r.period === termMonths ? principalFen * termMonths : 0) : prev;
            expect(r.interestFen).toBeLessThanOrEqual(((due * annualRate) / 12) * (1 + 1e-14) + 1e-9);
            if (m === "interest-only" || m === "bullet") {
              expect(r.principalFen).toBe(r.period === termMonths ? principalFen : 0);
            }
            prev = r.balanceFen;
            sum += r.principalFen;
          }
          expect(sum).toBe(principalFen);
          expect(prev).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the APR of rounded cash flows with fees in fen never exceeds the APR of the exact flows", () => {
    // This is the lemma that lets makeOffer enforce the cap from per-band pricing (see amortize docs).
    // Loans whose flows all cancel (NaN APR) compare nothing: count the comparisons made.
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 5000, max: 2e7 }),
        fc.double({ min: 0, max: 0.36, noNaN: true }),
        fc.integer({ min: 1, max: 36 }),
        method,
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (principalFen, annualRate, termMonths, m, u, mf) => {
          const flows = loanCashFlows({
            principalFen,
            annualRate,
            termMonths,
            method: m,
            upfrontFeeFen: Math.floor(principalFen * u),
            monthlyFeeFen: Math.floor(principalFen * mf),
          });
          const unit = { annualRate, termMonths, method: m, upfrontFeeRate: u, monthlyFeeRate: mf };
          for (const convention of ["nominal", "effective"] as const) {
            const real = apr(flows, { periodsPerYear: 12, convention });
            if (Number.isNaN(real)) continue; // a 0% loan of a few fen with no fee: all flows cancel
            checked++;
            expect(real).toBeLessThanOrEqual(unitApr(unit, convention) + 1e-9);
          }
        },
      ),
      { numRuns: 400 },
    );
    // 400 runs x 2 conventions; principals start at 50 CNY, so almost none cancel.
    expect(checked).toBeGreaterThanOrEqual(700);
  });
});
