import { describe, expect, it } from "vitest";
import { makeOffer, type OfferResult, parsePolicy } from "../../src/limits";
import { amortize } from "../../src/pricing";
import { defaultPolicy, defaultPolicyJson } from "./helpers";

const policy = defaultPolicy();
const reasonCodes = (r: OfferResult) => (r.ok ? r.offer.reasons : r.reasons).map((x) => x.code);

describe("makeOffer", () => {
  it("band A, verified 10,000 CNY a month: 3x income capped at the band's 10,000 CNY first limit", () => {
    // Hand calculation: 3 x 1,000,000 = 3,000,000 > band cap 1,000,000; regulatory 1/3 x 12 x
    // 1,000,000 = 4,000,000; DTI headroom 0.5 x 1,000,000 = 500,000 / 0.0888488 = 5,627,604 -> 1,000,000.
    const r = makeOffer(policy, { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
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
    expect(r.ok && r.offer.limitFen).toBe(325_000);
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_BAND", "LIMIT_CAPPED_BY_DTI"]);
  });

  it("caps the limit by the regulatory share of annual income", () => {
    const j = defaultPolicyJson();
    for (const b of ["A", "B", "C", "D", "E"]) j.bands[b].incomeMultiple = 6;
    j.bands.A.maxFirstLimitFen = 5_000_000;
    for (const b of ["B", "C", "D", "E"]) j.bands[b].maxFirstLimitFen = 1_000_000;
    const p = parsePolicy(j);
    // 6 x 200,000 = 1,200,000 > 1/3 x 12 x 200,000 = 800,000.
    const r = makeOffer(p, { band: "A", pd: 0.02, monthlyIncomeFen: 200_000, incomeVerified: true });
    expect(r.ok && r.offer.limitFen).toBe(800_000);
    expect(reasonCodes(r)).toEqual(["LIMIT_CAPPED_BY_REGULATION"]);
  });

  it("gives the band's starter limit when income is not verified", () => {
    const r = makeOffer(policy, { band: "B", pd: 0.05, incomeVerified: false });
    expect(r.ok && r.offer.limitFen).toBe(200_000);
    expect(reasonCodes(r)).toEqual(["INCOME_UNVERIFIED"]);
  });

  it("re-prices band E to the cap and says so", () => {
    const r = makeOffer(policy, { band: "E", pd: 0.2, monthlyIncomeFen: 500_000, incomeVerified: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
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
    expect(noRoom.ok).toBe(false);
    expect(reasonCodes(noRoom)).toEqual(["DTI_NO_HEADROOM"]);
    // 1 x 3,000 fen of income = 30 CNY < 50 CNY minimum.
    const tiny = makeOffer(policy, { band: "E", pd: 0.2, monthlyIncomeFen: 3_000, incomeVerified: true });
    expect(tiny.ok).toBe(false);
    expect(reasonCodes(tiny)).toContain("LIMIT_BELOW_MINIMUM");
    const j = defaultPolicyJson();
    j.pricing.onCapBreach = "withdraw";
    const w = makeOffer(parsePolicy(j), { band: "E", pd: 0.2, incomeVerified: false });
    expect(reasonCodes(w)).toEqual(["OFFER_WITHDRAWN_RATE_CAP"]);
  });

  it("adds the monthly fee to the monthly payment", () => {
    const j = defaultPolicyJson();
    j.pricing.monthlyFeeRate = 0.001;
    j.pricing.upfrontFeeRate = 0;
    const r = makeOffer(parsePolicy(j), { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true });
    expect(r.ok && r.offer.monthlyFeeFen).toBe(1_000);
    expect(r.ok && r.offer.monthlyPaymentFen).toBe(88_848 + 1_000);
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
