import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Band, loadPolicy, makeOffer, type OfferInput, type Policy } from "../../src/limits";
import { apr, BANDS, floorFen, loanCashFlows } from "../../src/pricing";
import { defaultPolicyJson } from "./helpers";

/** Policies around the default: fees, cap level and convention, breach handling, terms, methods. */
const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    upfront: fc.double({ min: 0, max: 0.05, noNaN: true }),
    monthly: fc.double({ min: 0, max: 0.004, noNaN: true }),
    cap: fc.double({ min: 0.15, max: 0.24, noNaN: true }),
    convention: fc.constantFrom("nominal", "effective"),
    breach: fc.constantFrom("reprice", "withdraw"),
    term: fc.constantFrom(3, 6, 12, 24, 36),
    method: fc.constantFrom("equal-installment", "equal-principal"),
  })
  .map((o) => {
    const j = defaultPolicyJson();
    j.pricing.upfrontFeeRate = o.upfront;
    j.pricing.monthlyFeeRate = o.monthly;
    j.pricing.cap = { rate: o.cap, convention: o.convention };
    j.pricing.onCapBreach = o.breach;
    j.pricing.rateRange.min = 0;
    for (const b of BANDS) {
      j.bands[b].termMonths = o.term;
      j.bands[b].method = o.method;
    }
    return loadPolicy(j);
  })
  .filter((r) => r.ok)
  .map((r) => (r as { ok: true; value: Policy }).value);

const inputArb = fc.record({
  band: fc.constantFrom(...BANDS),
  pd: fc.double({ min: 0, max: 1, noNaN: true }),
  monthlyIncomeFen: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
  incomeVerified: fc.boolean(),
  monthlyObligationsFen: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
});

function clean(o: Record<string, unknown>): OfferInput {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as OfferInput;
}

/**
 * Fewest of the 300 runs that must reach an offer for a property about offers to count (about half
 * do: 146-151 in three runs), and fewest band-to-band comparisons (568-593 in the same runs).
 */
const MIN_OFFERED = 100;
const MIN_COMPARED = 300;

describe("offer properties", () => {
  it("the APR of the offered cash flows (any amount drawn, fees included) is at or below the cap", () => {
    // Runs that end in a refusal check nothing here: count the ones that check an offer.
    let offered = 0;
    fc.assert(
      fc.property(policyArb, inputArb, fc.double({ min: 0, max: 1, noNaN: true }), (policy, input, share) => {
        const r = makeOffer(policy, clean(input));
        if (!r.offered) return;
        offered++;
        const o = r.offer;
        const cap = policy.pricing.cap;
        expect(cap.convention === "nominal" ? o.aprNominal : o.aprEffective).toBeLessThanOrEqual(cap.rate);
        const drawn = Math.max(policy.product.minLimitFen, Math.floor(o.limitFen * share));
        for (const amount of [o.limitFen, drawn]) {
          const flows = loanCashFlows({
            principalFen: amount,
            annualRate: o.annualRate,
            termMonths: o.termMonths,
            method: o.method,
            // The offer's own fees for the full limit; the same rounding rule for a partial drawdown.
            upfrontFeeFen: amount === o.limitFen ? o.upfrontFeeFen : floorFen(amount * policy.pricing.upfrontFeeRate),
            monthlyFeeFen: amount === o.limitFen ? o.monthlyFeeFen : floorFen(amount * policy.pricing.monthlyFeeRate),
          });
          expect(apr(flows, { periodsPerYear: 12, convention: cap.convention })).toBeLessThanOrEqual(cap.rate + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
    expect(offered).toBeGreaterThanOrEqual(MIN_OFFERED);
  });

  it("the limit is within the product bounds, on the step, and every amount is a safe integer", () => {
    let offered = 0;
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        const r = makeOffer(policy, clean(input));
        if (!r.offered) {
          expect(r.reasons.length).toBeGreaterThan(0);
          return;
        }
        offered++;
        const o = r.offer;
        expect(o.limitFen).toBeGreaterThanOrEqual(policy.product.minLimitFen);
        expect(o.limitFen).toBeLessThanOrEqual(policy.product.maxLimitFen);
        expect(o.limitFen).toBeLessThanOrEqual(policy.bands[o.band].maxFirstLimitFen);
        expect(o.limitFen).toBeLessThanOrEqual(policy.regulatory.maxUnsecuredFen);
        expect(o.limitFen % policy.product.limitStepFen).toBe(0);
        for (const v of [o.limitFen, o.monthlyPaymentFen, o.upfrontFeeFen, o.monthlyFeeFen]) {
          expect(Number.isSafeInteger(v)).toBe(true);
        }
        for (const row of o.schedulePreview) {
          for (const v of Object.values(row)) expect(Number.isSafeInteger(v)).toBe(true);
        }
        expect(o.schedulePreview).toHaveLength(Math.min(3, o.termMonths));
      }),
      { numRuns: 300 },
    );
    expect(offered).toBeGreaterThanOrEqual(MIN_OFFERED);
  });

  it("the limit never decreases when only the band improves", () => {
    // Runs where no band below A gets an offer compare nothing: count the comparisons made.
    let compared = 0;
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        let worse: number | undefined;
        for (let i = BANDS.length - 1; i >= 0; i--) {
          const r = makeOffer(policy, clean({ ...input, band: BANDS[i] as Band }));
          const limit = r.offered ? r.offer.limitFen : undefined;
          if (worse !== undefined) {
            compared++;
            expect(limit).toBeDefined();
            expect(limit as number).toBeGreaterThanOrEqual(worse);
          }
          if (limit !== undefined) worse = limit;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThanOrEqual(MIN_COMPARED);
  });
});
