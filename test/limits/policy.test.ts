import { describe, expect, it } from "vitest";
import { ArtefactError } from "../../src/schema/result";
import { loadPolicy, loadPolicyOrThrow, policyToJSON } from "../../src/limits";
import { defaultPolicy, defaultPolicyJson } from "./helpers";
import { thrown } from "../thrown";

const codes = (json: unknown) => {
  const r = loadPolicy(json);
  return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join(".")}`);
};

describe("loadPolicy", () => {
  it("loads the shipped policy, deep-frozen, with per-band pricing compiled", () => {
    const p = defaultPolicy();
    expect(p.format).toBe("riskcard.policy");
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.bands.A)).toBe(true);
    expect(Object.isFrozen(p.compiled.E)).toBe(true);
    // Band A: 12% with a 1% upfront fee; APR above 12% because of the fee, below the 24% cap.
    expect(p.compiled.A.annualRate).toBe(0.12);
    expect(p.compiled.A.repriced).toBe(false);
    expect(p.compiled.A.aprNominal).toBeGreaterThan(0.12);
    // Band E: 24% + 1% fee breaches the cap, so it is re-priced to the highest compliant rate.
    expect(p.compiled.E.repriced).toBe(true);
    expect(p.compiled.E.annualRate).toBeLessThan(0.24);
    expect(p.compiled.E.aprNominal).toBeLessThanOrEqual(0.24);
    expect(p.compiled.E.reasons.map((r) => r.code)).toEqual(["PRICE_REPRICED_TO_CAP"]);
  });

  it("round-trips through policyToJSON", () => {
    const p = defaultPolicy();
    const again = loadPolicyOrThrow(policyToJSON(p));
    expect(again.compiled).toEqual(p.compiled);
    expect(policyToJSON(again)).toEqual(defaultPolicyJson());
  });

  it("withdraws a breaching band when onCapBreach is withdraw", () => {
    const j = defaultPolicyJson();
    j.pricing.onCapBreach = "withdraw";
    const p = loadPolicyOrThrow(j);
    expect(p.compiled.E.available).toBe(false);
    expect(p.compiled.E.reasons.map((r) => r.code)).toEqual(["OFFER_WITHDRAWN_RATE_CAP"]);
    expect(p.compiled.D.available).toBe(true);
  });

  it("withdraws when repricing would go below the rate range", () => {
    const j = defaultPolicyJson();
    // An 8% upfront fee on 12 months costs about 15% a year by itself: even band A (12%) would
    // have to be re-priced below the 12% floor of the rate range, so every band is withdrawn.
    j.pricing.upfrontFeeRate = 0.08;
    const p = loadPolicyOrThrow(j);
    for (const b of ["A", "B", "C", "D", "E"] as const) expect(p.compiled[b].available).toBe(false);
  });

  it("rejects a cap above 24% unless allowAbove24 is set", () => {
    const j = defaultPolicyJson();
    j.pricing.cap.rate = 0.36;
    expect(codes(j)).toEqual(["too_big@pricing.cap.rate"]);
    j.pricing.cap.allowAbove24 = true;
    expect(loadPolicy(j).ok).toBe(true);
  });

  it("rejects wrong format, unknown version, non-objects", () => {
    expect(codes(null)).toEqual(["invalid_type@"]);
    expect(codes([1])).toEqual(["invalid_type@"]);
    expect(codes({ ...defaultPolicyJson(), format: "other" })).toEqual(["unsupported_version@format"]);
    expect(codes({ ...defaultPolicyJson(), version: 2 })).toEqual(["unsupported_version@version"]);
  });

  it("rejects prototype-polluting keys, deep nesting and oversized input", () => {
    const polluted = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(defaultPolicyJson()).slice(1)}`);
    expect(codes(polluted)).toEqual(["forbidden_key@__proto__"]);
    const j = defaultPolicyJson();
    j.bands.A.constructor = 1;
    expect(codes(j)).toEqual(["forbidden_key@bands.A.constructor"]);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep }; // deeper than MAX_JSON_DEPTH (72)
    expect(codes({ ...defaultPolicyJson(), description: deep })[0]).toMatch(/^too_complex/);
    // 5,000 values, over POLICY_LIMITS.maxNodes (2,000)
    expect(codes({ ...defaultPolicyJson(), description: new Array(5000).fill(0) })).toEqual(["too_big@"]);
  });

  it("reports field issues with closed codes and no input values", () => {
    const j = defaultPolicyJson();
    j.pricing.maxPd = "secret-value-123";
    j.bands.B.termMonths = 6.5;
    j.product.minLimitFen = -1;
    j.extra = true;
    const r = loadPolicy(j);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.issues.map((i) => `${i.code}@${i.path.join(".")}`).sort();
    expect(got).toEqual(
      [
        "invalid_type@pricing.maxPd",
        "not_integer@bands.B.termMonths",
        "too_small@product.minLimitFen",
        "unrecognized_key@extra",
      ].sort(),
    );
    expect(JSON.stringify(r.issues)).not.toContain("secret-value-123");
  });

  it("rejects inconsistent policies: rates out of range, bands out of order, min above max", () => {
    const j = defaultPolicyJson();
    j.bands.A.annualRate = 0.3;
    expect(codes(j)).toContain("inconsistent@bands.A.annualRate");
    const k = defaultPolicyJson();
    k.bands.C.incomeMultiple = 5; // worse band may not get a larger multiple than B
    expect(codes(k)).toEqual(["inconsistent@bands.C.incomeMultiple"]);
    const m = defaultPolicyJson();
    m.product.minLimitFen = 30_000_000;
    expect(codes(m)).toContain("inconsistent@product.minLimitFen");
    const n = defaultPolicyJson();
    n.bands.A.termMonths = 6; // shorter term: higher payment per fen than band B, so a lower DTI limit
    expect(codes(n)).toEqual(["inconsistent@bands.B"]);
  });

  it("checks allowedTermsMonths: strictly increasing and including the band's term", () => {
    const j = defaultPolicyJson();
    j.bands.B.allowedTermsMonths = [3, 12, 6];
    expect(codes(j)).toEqual(["inconsistent@bands.B.allowedTermsMonths.2"]);
    const k = defaultPolicyJson();
    k.bands.C.allowedTermsMonths = [3, 6];
    expect(codes(k)).toEqual(["inconsistent@bands.C.allowedTermsMonths"]);
    const m = defaultPolicyJson();
    m.bands.D.allowedTermsMonths = [];
    expect(codes(m)).toEqual(["too_small@bands.D.allowedTermsMonths"]);
    // Without the field a band is offered on its termMonths alone.
    const n = defaultPolicyJson();
    delete n.bands.A.allowedTermsMonths;
    expect(loadPolicyOrThrow(n).compiled.A.terms.map((t) => t.termMonths)).toEqual([12]);
  });

  it("loadPolicyOrThrow throws ArtefactError with the issues", () => {
    expect(() => loadPolicyOrThrow({})).toThrow(ArtefactError);
    expect(
      thrown(() => loadPolicyOrThrow({ format: "riskcard.policy", version: 1 }), ArtefactError).issues.length,
    ).toBeGreaterThan(0);
  });
});
