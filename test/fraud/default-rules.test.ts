import { describe, expect, it } from "vitest";
import { compileRulesOrThrow } from "../../src/fraud/compile-rules";
import { computeFacts } from "../../src/fraud/compute-facts";
import { compileDefaultRules, defaultRuleSet } from "../../src/fraud/default-rules";
import { createFactConfig } from "../../src/fraud/fact-config";
import { createMemoryVelocityStore } from "../../src/fraud/velocity-store";
import { readVelocity, velocityKey } from "../../src/fraud/velocity";
import { AS_OF, HOUR, applicant } from "./helpers";

describe("default rule set (models/fraud-rules.json)", () => {
  const rules = compileDefaultRules();

  it("loads, is frozen and compiles against the default catalog", () => {
    expect(defaultRuleSet().name).toBe("riskcard-default");
    expect(Object.isFrozen(defaultRuleSet().rules)).toBe(true);
    expect(defaultRuleSet()).toBe(defaultRuleSet());
    expect(rules.ruleSet.rules.length).toBe(21);
  });

  it("a clean applicant gets no hits", () => {
    expect(rules.evaluate(computeFacts(applicant(), { asOf: AS_OF }))).toEqual({
      action: "none",
      fraudAction: "none",
      decidedBy: "none",
      score: 0,
      hits: [],
    });
  });

  it("under 18 is a compliance decline with its own reason code, not a fraud outcome", () => {
    const minor = applicant({
      identity: { birthDate: "2008-07-01", realNameVerified: true, idVerified: true, phoneVerified: true },
    });
    const r = rules.evaluate(computeFacts(minor, { asOf: AS_OF }));
    expect(r).toMatchObject({ action: "decline", decidedBy: "compliance", fraudAction: "none", score: 0 });
    expect(r.hits.map((h) => [h.reasonCode, h.family])).toEqual([["CMP-AGE", "compliance"]]);
  });

  it("the allow list cancels fraud outcomes but never the age rule", () => {
    const json = JSON.parse(JSON.stringify(defaultRuleSet()));
    json.lists.allowedApplicants = ["app-1"];
    const c = compileRulesOrThrow(json);
    const farm = applicant({
      devices: { events: [], records: [{ deviceId: "dev-1", firstSeenAt: 0, accountCount: 20 }] },
    });
    expect(compileDefaultRules().evaluate(computeFacts(farm, { asOf: AS_OF })).action).toBe("decline");
    expect(c.evaluate(computeFacts(farm, { asOf: AS_OF })).action).toBe("allow");
    const minor = applicant({
      identity: { ageYears: 16, realNameVerified: true, idVerified: true, phoneVerified: true },
    });
    expect(c.evaluate(computeFacts(minor, { asOf: AS_OF })).action).toBe("decline");
  });

  it("weak signals alone stay below review; two of them reach it", () => {
    const unverified = applicant({
      identity: { birthDate: "1990-01-01", realNameVerified: true, idVerified: false, phoneVerified: true },
    });
    expect(rules.evaluate(computeFacts(unverified, { asOf: AS_OF }))).toMatchObject({ action: "none", score: 20 });
    const plusYoung = applicant({ ...unverified, social: { accountAgeDays: 20, contactCount: 10 } });
    expect(rules.evaluate(computeFacts(plusYoung, { asOf: AS_OF }))).toMatchObject({ action: "none", score: 35 });
    const plusPhone = applicant({ ...plusYoung, identity: { ...unverified.identity, phoneVerified: false } });
    expect(rules.evaluate(computeFacts(plusPhone, { asOf: AS_OF }))).toMatchObject({ action: "review", score: 45 });
  });

  it("cross-account velocity from a store declines a device behind many applications", () => {
    const a = applicant();
    const store = createMemoryVelocityStore();
    for (let i = 0; i < 5; i++) store.record(velocityKey("device", "apply", "dev-1"), AS_OF - 3 * HOUR);
    const r = rules.evaluate(computeFacts(a, { asOf: AS_OF, velocity: readVelocity(a, store, { asOf: AS_OF }) }));
    expect(r.action).toBe("decline");
    expect(r.hits.map((h) => h.reasonCode)).toEqual(["FRD-VEL-DEVICE"]);
  });

  it("needs the window labels it names", () => {
    expect(() => compileDefaultRules(createFactConfig({ windows: [{ label: "2h", ms: 7_200_000 }] }))).toThrow();
  });
});
