/**
 * Consent per purpose (issue 16 item 7): a data category without consent is treated as absent for
 * features and facts alike, `dataUsed` lists what was read, today's consent shape keeps today's
 * behaviour, and an engine can require categories (a guard). Applicants are the SYNTHETIC fixture
 * population and hand-built ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import type { Applicant, ConsentPurposes, DeviceEvent } from "../../src/schema/applicant";
import { ConfigError } from "../../src/schema/result";
import { ZH_CN } from "../../src/messages";
import { thrown } from "../thrown";
import { POPULATION_AS_OF as asOf, adult, population } from "./helpers";

const engine = createEngine();
const json = (x: unknown) => JSON.stringify(x);

/** The applicant with the given per-purpose consent. */
function withPurposes(a: Applicant, purposes: ConsentPurposes): Applicant {
  return { ...a, consent: { ...a.consent, purposes } };
}

/** The same applicant with the location fields of its device events removed (by hand, not by applyConsent). */
function withoutLocation(a: Applicant): Applicant {
  if (a.devices === undefined) return a;
  const events = a.devices.events.map((e) => {
    const { lat: _a, lon: _b, cityCode: _c, ...rest } = e;
    return rest as DeviceEvent;
  });
  return { ...a, devices: { ...a.devices, events } };
}

const flags = fc.record({
  bureau: fc.constantFrom(true, false, undefined),
  payments: fc.constantFrom(true, false, undefined),
  social: fc.constantFrom(true, false, undefined),
  device: fc.constantFrom(true, undefined),
});
const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

describe("consent per purpose", () => {
  it("location not consented: the decision equals that of the applicant without location fields, and dataUsed omits location", () => {
    let withLocation = 0;
    fc.assert(
      fc.property(fc.nat(population().length - 1), flags, (i, f) => {
        const a = population()[i]!;
        const purposes = clean({ ...f, location: false });
        const refused = engine.decide(withPurposes(a, purposes), { asOf });
        const removed = engine.decide(withPurposes(withoutLocation(a), purposes), { asOf });
        expect(json(refused)).toBe(json(removed));
        expect(refused.dataUsed).not.toContain("location");
        if (a.devices?.events.some((e) => e.lat !== undefined || e.cityCode !== undefined) === true) withLocation++;
      }),
      { numRuns: 200, seed: 16 },
    );
    // the property checked something: applicants that had location data
    expect(withLocation).toBeGreaterThan(20);
  });

  it("a category not consented is the section removed (bureau, payments, social, device)", () => {
    fc.assert(
      fc.property(fc.nat(population().length - 1), (i) => {
        const a = population()[i]!;
        const all = { bureau: true, payments: true, social: true, location: true, device: true };
        const cases: [keyof typeof all, Applicant][] = [
          ["bureau", { ...a, bureau: undefined } as Applicant],
          ["payments", { ...a, payments: undefined } as Applicant],
          ["social", { ...a, social: undefined } as Applicant],
        ];
        const { deviceId: _d, ipHash: _i, ...app } = a.application ?? { appliedAt: 0 };
        cases.push(["device", { ...a, devices: undefined, application: a.application && app } as Applicant]);
        for (const [cat, removed] of cases) {
          const refused = engine.decide(withPurposes(a, { ...all, [cat]: false }), { asOf });
          const gone = engine.decide(withPurposes(JSON.parse(JSON.stringify(removed)), { ...all, [cat]: false }), {
            asOf,
          });
          expect(json(refused), cat).toBe(json(gone));
          expect(refused.dataUsed).not.toContain(cat);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("dataUsed lists the categories consented and present, in a fixed order", () => {
    const a = adult();
    const all = engine.decide(
      withPurposes(a, { bureau: true, payments: true, social: true, location: true, device: true }),
      { asOf },
    );
    // adult() has a bureau report, payments, social signals, an application device id, device events with a city code
    expect(all.dataUsed).toEqual(["bureau", "payments", "social", "location", "device"]);
    const some = engine.decide(withPurposes(a, { payments: true, device: true }), { asOf });
    expect(some.dataUsed).toEqual(["bureau", "payments", "device"]); // bureau follows creditBureauQuery when left out
    const none = engine.decide(withPurposes(a, { bureau: false }), { asOf });
    expect(none.dataUsed).toEqual([]);
  });

  it("today's consent shape (no purposes) reads everything and adds no dataUsed field", () => {
    const d = engine.decide(adult(), { asOf });
    expect("dataUsed" in d).toBe(false);
    const all = engine.decide(
      withPurposes(adult(), { bureau: true, payments: true, social: true, location: true, device: true }),
      { asOf },
    );
    const { dataUsed: _u, ...rest } = all;
    expect(json(rest)).toBe(json(d));
  });

  it("an engine can require categories: the purposes_consented guard declines without them", () => {
    const strict = createEngine({ requiredConsents: ["payments", "location"] });
    const missing = strict.decide(withPurposes(adult(), { payments: true }), { asOf });
    expect(missing.outcome).toBe("decline");
    expect(missing.reasons[0]!.code).toBe("guard.purposes_consented");
    expect(missing.guards.map((g) => g.code)).toEqual([
      "age_18_or_over",
      "consent_given",
      "real_name_verified",
      "id_verified",
      "purposes_consented",
    ]);
    const given = strict.decide(withPurposes(adult(), { payments: true, location: true, device: true }), { asOf });
    expect(given.guards.every((g) => g.passed)).toBe(true);
    // today's shape consents to everything
    expect(strict.decide(adult(), { asOf }).guards[4]!.passed).toBe(true);
    // the default engine requires nothing and lists four guards
    expect(engine.decide(withPurposes(adult(), {}), { asOf }).guards).toHaveLength(4);
    const zh = strict.decide(withPurposes(adult(), { payments: true }), { asOf, locale: "zh-CN" });
    expect(zh.reasons[0]!.message).toBe(ZH_CN["guard.purposes_consented"]);
  });

  it("createEngine rejects an unknown category", () => {
    const e = thrown(() => createEngine({ requiredConsents: ["gps" as "location"] }), ConfigError);
    expect(e.issues[0]!.path).toEqual(["requiredConsents", 0]);
  });

  it("replays a traced decision made with purposes, a required category and a locale as identical", () => {
    const strict = createEngine({ requiredConsents: ["social"] });
    for (const a of population().slice(0, 40)) {
      const d = strict.decide(withPurposes(a, { social: true, payments: true }), {
        asOf,
        trace: true,
        locale: "zh-CN",
      });
      const r = strict.replay(JSON.parse(JSON.stringify(d)));
      expect(r.mismatches.fields).toEqual([]);
      expect(r.identical).toBe(true);
    }
  });
});
