import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeOffer, type OfferOutcome, loadPolicyOrThrow } from "../../src/limits";
import { amortize } from "../../src/pricing";
import { defaultPolicy, defaultPolicyJson } from "./helpers";

const policy = defaultPolicy();
const reasonCodes = (r: OfferOutcome) => (r.offered ? r.offer.reasons : r.reasons).map((x) => x.code);

describe("makeOffer", () => {
  it("band A, verified 10,000 CNY a month: 3x income capped at the band's 10,000 CNY first limit", () => {
    // Hand calculation: 3 x 1,000,000 = 3,000,000 > band cap 1,000,000; regulatory 1/3 x 12 x
    // 1,000,000 = 4,000,000; DTI headroom 0.5 x 1,000,000 = 500,000 / 0.0888488 = 5,627,604 -> 1,000,000.
    const r = makeOffer(policy, { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true });
    expect(r.offered).toBe(true);
    if (!r.offered) return;
    const o = r.offer;
    expect(o.limitFen).toBe(1_000_000);
    expect(o.annualRate).toBe(0.12);
    expect(o.termMonths).toBe(12);
    expect(o.upfrontFeeFen).toBe(10_000); // 1% of 10,000 CNY
    expect(o.monthlyPaymentFen).toBe(88_848); // PMT(1%, 12, 10000) = 888.49 CNY, rounded down
    expect(o.schedulePreview).toEqual(
      amortize({ principalFen: 1_000_000, annualRate: 0.12, termMonths: 12, method: "equal-installment" }).rows.slice(
        0,
        3,
      ),
    );
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_BAND"]);
  });

  it("caps the limit by debt-to-income headroom, rounded down to the 50 CNY step", () => {
    // Band C (18%, 12 months): payment per fen = 0.015 / (1 - 1.015^-12) = 0.0916799929 (Python).
    // Headroom 0.5 x 800,000 - 370,000 = 30,000 fen; 30,000 / 0.0916799929 = 327,225.16 -> 325,000.
    const r = makeOffer(policy, {
      band: "C",
      pd: 0.1,
      monthlyIncomeFen: 800_000,
      incomeVerified: true,
      monthlyObligationsFen: 370_000,
    });
    expect(r.offered && r.offer.limitFen).toBe(325_000);
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_BAND", "LIMIT_CAPPED_BY_DTI"]);
  });

  it("caps the limit by the regulatory share of annual income", () => {
    const j = defaultPolicyJson();
    for (const b of ["A", "B", "C", "D", "E"]) j.bands[b].incomeMultiple = 6;
    j.bands.A.maxFirstLimitFen = 5_000_000;
    for (const b of ["B", "C", "D", "E"]) j.bands[b].maxFirstLimitFen = 1_000_000;
    const p = loadPolicyOrThrow(j);
    // 6 x 200,000 = 1,200,000 > 1/3 x 12 x 200,000 = 800,000.
    const r = makeOffer(p, { band: "A", pd: 0.02, monthlyIncomeFen: 200_000, incomeVerified: true });
    expect(r.offered && r.offer.limitFen).toBe(800_000);
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_REGULATION"]);
  });

  it("gives the band's starter limit when income is not verified", () => {
    const r = makeOffer(policy, { band: "B", pd: 0.05, incomeVerified: false });
    expect(r.offered && r.offer.limitFen).toBe(200_000);
    expect(reasonCodes(r)).toEqual(["INCOME_UNVERIFIED"]);
  });

  it("re-prices band E to the cap and says so", () => {
    const r = makeOffer(policy, { band: "E", pd: 0.2, monthlyIncomeFen: 500_000, incomeVerified: true });
    expect(r.offered).toBe(true);
    if (!r.offered) return;
    expect(r.offer.annualRate).toBeLessThan(0.24);
    expect(r.offer.aprNominal).toBeLessThanOrEqual(0.24);
    expect(reasonCodes(r)).toContain("PRICE_REPRICED_TO_CAP");
  });

  it("declines: pd above the maximum, no DTI headroom, limit below the minimum, band withdrawn", () => {
    expect(
      reasonCodes(makeOffer(policy, { band: "A", pd: 0.5, monthlyIncomeFen: 1_000_000, incomeVerified: true })),
    ).toEqual(["PD_ABOVE_MAX"]);
    const noRoom = makeOffer(policy, {
      band: "A",
      pd: 0.02,
      monthlyIncomeFen: 1_000_000,
      incomeVerified: true,
      monthlyObligationsFen: 500_000,
    });
    expect(noRoom.offered).toBe(false);
    expect(reasonCodes(noRoom)).toEqual(["DTI_NO_HEADROOM"]);
    // 1 x 3,000 fen of income = 30 CNY < 50 CNY minimum.
    const tiny = makeOffer(policy, { band: "E", pd: 0.2, monthlyIncomeFen: 3_000, incomeVerified: true });
    expect(tiny.offered).toBe(false);
    expect(reasonCodes(tiny)).toContain("LIMIT_BELOW_MINIMUM");
    const j = defaultPolicyJson();
    j.pricing.onCapBreach = "withdraw";
    const w = makeOffer(loadPolicyOrThrow(j), { band: "E", pd: 0.2, incomeVerified: false });
    expect(reasonCodes(w)).toEqual(["OFFER_WITHDRAWN_RATE_CAP"]);
  });

  it("adds the monthly fee to the monthly payment", () => {
    const j = defaultPolicyJson();
    j.pricing.monthlyFeeRate = 0.001;
    j.pricing.upfrontFeeRate = 0;
    const r = makeOffer(loadPolicyOrThrow(j), {
      band: "A",
      pd: 0.02,
      monthlyIncomeFen: 1_000_000,
      incomeVerified: true,
    });
    expect(r.offered && r.offer.monthlyFeeFen).toBe(1_000);
    expect(r.offered && r.offer.monthlyPaymentFen).toBe(88_848 + 1_000);
  });

  it("rejects programmer errors with TypeError or RangeError", () => {
    const ok = { band: "A", pd: 0.1, incomeVerified: true, monthlyIncomeFen: 100_000 } as const;
    expect(() => makeOffer({} as never, ok)).toThrow(TypeError);
    expect(() => makeOffer(policy, null as never)).toThrow(TypeError);
    expect(() => makeOffer(policy, { ...ok, band: "F" as never })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...ok, pd: Number.NaN })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...ok, pd: 1.5 })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...ok, pd: "0.1" as never })).toThrow(TypeError);
    expect(() => makeOffer(policy, { ...ok, monthlyIncomeFen: -1 })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...ok, monthlyIncomeFen: 1.5 })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...ok, monthlyObligationsFen: "x" as never })).toThrow(TypeError);
    expect(() => makeOffer(policy, { ...ok, incomeVerified: "yes" as never })).toThrow(TypeError);
  });
});

describe("makeOffer: the request honoured", () => {
  const a = { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true } as const;

  it("1,000 CNY over 3 months gets 1,000 CNY over 3 months when the band allows a 3-month term (issue 16)", () => {
    const r = makeOffer(policy, { ...a, requestedAmountFen: 100_000, requestedTermMonths: 3 });
    expect(r.offered).toBe(true);
    if (!r.offered) return;
    expect(r.offer.limitFen).toBe(100_000);
    expect(r.offer.termMonths).toBe(3);
    expect(reasonCodes(r)).toEqual(["LIMIT_SET_TO_REQUEST"]);
    // Band A at 12% on 3 months: PMT(1%, 3, 1000) = 1000 x 0.01 / (1 - 1.01^-3) = 340.0221 CNY -> 34002 fen.
    expect(r.offer.monthlyPaymentFen).toBe(34_002);
    expect(r.offer.upfrontFeeFen).toBe(1_000); // 1% of 1,000 CNY
    expect(r.offer.annualRate).toBe(0.12);
    // Without the request: 10,000 CNY over 12 months, as before issue 16.
    const plain = makeOffer(policy, a);
    expect(plain.offered && [plain.offer.limitFen, plain.offer.termMonths]).toEqual([1_000_000, 12]);
  });

  it("offers the limit the policy allows, with its reasons, when more is asked for", () => {
    const r = makeOffer(policy, { ...a, requestedAmountFen: 5_000_000, requestedTermMonths: 12 });
    expect(r.offered && r.offer.limitFen).toBe(1_000_000);
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_BAND"]);
    // An amount off the 50 CNY step is offered as asked.
    const odd = makeOffer(policy, { ...a, requestedAmountFen: 123_456 });
    expect(odd.offered && [odd.offer.limitFen, odd.offer.termMonths]).toEqual([123_456, 12]);
  });

  it("uses the nearest allowed term, the shorter on a tie, with a reason", () => {
    // The shipped policy allows 3, 6 and 12 months in every band.
    const term = (t: number) => {
      const r = makeOffer(policy, { ...a, requestedTermMonths: t });
      return r.offered ? [r.offer.termMonths, reasonCodes(r)[0]] : null;
    };
    expect(term(24)).toEqual([12, "TERM_ADJUSTED_TO_NEAREST"]);
    expect(term(1)).toEqual([3, "TERM_ADJUSTED_TO_NEAREST"]);
    expect(term(9)).toEqual([6, "TERM_ADJUSTED_TO_NEAREST"]); // 6 and 12 are both 3 months away
    expect(term(10)).toEqual([12, "TERM_ADJUSTED_TO_NEAREST"]);
    expect(term(6)).toEqual([6, "LIMIT_CAPPED_BY_BAND"]);
  });

  it("skips a term the rate cap withdraws", () => {
    // With onCapBreach "withdraw", band C's 18% plus the 1% fee is over 24% on 3 months (APR 24.2%).
    const j = defaultPolicyJson();
    j.pricing.onCapBreach = "withdraw";
    for (const b of ["C", "D", "E"]) j.bands[b].annualRate = 0.18;
    const p = loadPolicyOrThrow(j);
    expect(p.compiled.C.terms.map((t) => t.available)).toEqual([false, true, true]);
    const r = makeOffer(p, { band: "C", pd: 0.08, incomeVerified: false, requestedTermMonths: 3 });
    expect(r.offered && r.offer.termMonths).toBe(6);
    expect(reasonCodes(r)[0]).toBe("TERM_ADJUSTED_TO_NEAREST");
  });

  it("declines a request below the product minimum", () => {
    const r = makeOffer(policy, { ...a, requestedAmountFen: 4_999 });
    expect(reasonCodes(r)).toEqual(["REQUEST_BELOW_MINIMUM"]);
    expect(makeOffer(policy, { ...a, requestedAmountFen: 5_000 }).offered).toBe(true);
  });

  it("never offers more than asked, and the asked term whenever the band allows it (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("A" as const, "B" as const, "C" as const, "D" as const, "E" as const),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.option(fc.integer({ min: 0, max: 30_000_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        fc.boolean(),
        (band, income, amount, term, verified) => {
          const input = { band, pd: 0.05, monthlyIncomeFen: income, incomeVerified: verified };
          const r = makeOffer(policy, {
            ...input,
            ...(amount === undefined ? {} : { requestedAmountFen: amount }),
            ...(term === undefined ? {} : { requestedTermMonths: term }),
          });
          if (!r.offered) return;
          if (amount !== undefined) expect(r.offer.limitFen).toBeLessThanOrEqual(amount);
          const allowed = policy.bands[band].allowedTermsMonths ?? [policy.bands[band].termMonths];
          expect(allowed).toContain(r.offer.termMonths);
          if (term !== undefined && allowed.includes(term)) expect(r.offer.termMonths).toBe(term);
          if (term !== undefined) {
            const best = Math.min(...allowed.map((t) => Math.abs(t - term)));
            expect(Math.abs(r.offer.termMonths - term)).toBe(best);
          }
          expect(r.offer.aprNominal).toBeLessThanOrEqual(0.24 + 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rejects a requested term that is not an integer in [1, 600]", () => {
    expect(() => makeOffer(policy, { ...a, requestedTermMonths: 0 })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...a, requestedTermMonths: 2.5 })).toThrow(RangeError);
    expect(() => makeOffer(policy, { ...a, requestedTermMonths: "3" as never })).toThrow(TypeError);
    expect(() => makeOffer(policy, { ...a, requestedAmountFen: -1 })).toThrow(RangeError);
  });
});
