/**
 * The decision trace (issue 13): what it holds, what it never holds, and its size on the SYNTHETIC fixtures.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index";
import type { DecisionTrace } from "../../src/decision/types";
import type { Applicant } from "../../src/schema/applicant";
import rulesJson from "../../models/fraud-rules.json";
import policyJson from "../../models/policy.json";
import { POPULATION_AS_OF, adult, clone, population } from "./helpers";

const asOf = POPULATION_AS_OF;
const engine = createEngine();
const traceOf = (a: unknown): DecisionTrace =>
  (engine.decide(a, { asOf, trace: true }) as unknown as { trace: DecisionTrace }).trace;

// Values shaped like personal data, planted in every applicant field whose schema lets them in
// (pseudonym and place-code strings, the birth date, event coordinates).
const PHONE = "13912345678";
const ID_NUMBER = "110101198706051234";
const NAME = "ZhangSanFeng";
const BIRTH = "1987-06-05";
const LAT = 31.2304567;
const LON = 121.4737891;
function plant(a: Applicant): Applicant {
  const p = clone(a) as Applicant & Record<string, unknown>;
  const id = p.identity as Record<string, unknown>;
  id.birthDate = BIRTH;
  delete id.ageYears;
  id.cityCode = NAME;
  if (p.application !== undefined) Object.assign(p.application, { deviceId: PHONE, ipHash: ID_NUMBER });
  for (const e of p.devices?.events ?? [])
    Object.assign(e, { deviceId: PHONE, ipHash: ID_NUMBER, cityCode: NAME, lat: LAT, lon: LON });
  for (const r of p.devices?.records ?? []) Object.assign(r, { deviceId: PHONE });
  for (const [i, l] of (p.loans ?? []).entries()) Object.assign(l, { loanId: `${NAME}-${i}` });
  return p;
}

describe("decision trace: privacy", () => {
  it("never contains a planted name, ID number, phone, birth date or raw coordinates", () => {
    const planted = population().slice(0, 50).map(plant);
    // The planted values are really in the input, and the rules really read the fields holding them.
    const input = JSON.stringify(planted);
    for (const v of [PHONE, ID_NUMBER, NAME, BIRTH, String(LAT), String(LON)]) expect(input).toContain(v);
    for (const a of planted) {
      const t = traceOf(a);
      expect(Object.keys(t.facts)).toContain("application.deviceId");
      expect(Object.keys(t.facts)).toContain("application.ipHash");
      const text = JSON.stringify(t);
      for (const v of [PHONE, ID_NUMBER, NAME, BIRTH, "31.23", "121.47", "1987-06"]) expect(text).not.toContain(v);
    }
  });

  it("records a string fact only as the names of the lists holding it", () => {
    const rules = structuredClone(rulesJson) as unknown as { lists: Record<string, string[]> };
    rules.lists.blockedDevices = [PHONE];
    const listed = createEngine({ rules });
    const a = plant(adult());
    const t = (listed.decide(a, { asOf, trace: true }) as unknown as { trace: DecisionTrace }).trace;
    expect(t.facts["application.deviceId"]).toEqual({ lists: ["blockedDevices"] });
    expect(t.rules.hits).toContain("list.blockedDevice");
    expect(JSON.stringify(t)).not.toContain(PHONE);
  });
});

describe("decision trace: size", () => {
  it("has a median serialized size of 4 KB or less on the 1,040 fixtures", () => {
    const sizes = population()
      .map((a) => Buffer.byteLength(JSON.stringify(traceOf(a))))
      .sort((x, y) => x - y);
    expect(sizes).toHaveLength(1040);
    const median = (sizes[499]! + sizes[500]!) / 2;
    expect(median).toBeLessThanOrEqual(4096);
  });
});

describe("decision trace: contents", () => {
  it("leaves the decision itself unchanged, byte for byte", () => {
    for (const a of population().slice(0, 200)) {
      const { trace, ...rest } = engine.decide(a, { asOf, trace: true }) as unknown as Record<string, unknown>;
      expect(trace).toBeDefined();
      expect(JSON.stringify(rest)).toBe(JSON.stringify(engine.decide(a, { asOf })));
    }
  });

  it("explains the score: base points plus each characteristic's points, reasons against the baseline", () => {
    const card = engine.card as unknown as { basePoints?: number };
    for (const a of population().slice(0, 100)) {
      const d = engine.decide(a, { asOf, trace: true });
      const t = (d as unknown as { trace: DecisionTrace }).trace;
      const sum = t.scorecard.characteristics.reduce((s, c) => s + c.points, card.basePoints ?? 0);
      expect(sum).toBeCloseTo(t.scorecard.score, 9);
      expect(Math.round(t.scorecard.score * 100) / 100).toBe(d.score);
      for (const c of t.scorecard.characteristics) {
        // every characteristic reads a recorded feature
        expect(Object.keys(t.features)).toContain(c.feature);
        expect(c.baseline).toBeGreaterThanOrEqual(c.points);
      }
      // the credit reasons sum the points lost against the baselines per reason code (PMML pointsBelow):
      // the first is at least the largest single loss, and together they are at most the total loss
      const credit = d.reasons.filter((r) => r.source === "credit" && r.points !== undefined).map((r) => r.points!);
      const lost = t.scorecard.characteristics.map((c) => c.baseline - c.points).filter((x) => x > 0);
      if (lost.length > 0) expect(credit[0]!).toBeGreaterThanOrEqual(Math.max(...lost) - 0.005);
      const total = lost.reduce((s, x) => s + x, 0);
      expect(credit.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(total + 0.005);
    }
  });

  it("explains the limit: the lowest of the start and every bound, rounded down to the product step", () => {
    let offers = 0;
    for (const a of population()) {
      const d = engine.decide(a, { asOf, trace: true });
      const o = (d as unknown as { trace: DecisionTrace }).trace.offer;
      if (d.offer === null || o === null) continue;
      offers++;
      // the caps, then the product step, then a smaller requested amount as it is (policy terms, README)
      const caps = o.bounds.filter((b) => b.bound !== "request");
      const lowest = Math.min(o.startFen, ...caps.map((b) => b.capFen));
      const step = policyJson.product.limitStepFen;
      const capped = lowest - (lowest % step);
      const request = o.bounds.find((b) => b.bound === "request");
      const expected = request !== undefined && request.capFen < capped ? request.capFen : capped;
      expect(o.limitFen).toBe(expected);
      expect(o.limitFen).toBe(d.offer.limitFen);
      const capBinding = caps.find((b) => b.capFen === lowest && b.capFen < o.startFen);
      const binding = expected !== capped ? "request" : capBinding === undefined ? "income" : capBinding.bound;
      expect(o.binding).toBe(binding);
      expect(o.aprNominal).toBe(d.offer.aprNominal);
      expect(o.annualRate).toBeLessThanOrEqual(o.annualRateBeforeCap);
    }
    expect(offers).toBeGreaterThan(100);
  });

  it("records the guards' derived inputs and every rule's facts, hit or not", () => {
    const a = adult();
    const t = traceOf(a);
    // adult(): born 1990-03-15, decided 2026-06-30 (hand count: 36 years), consent a minute before asOf
    expect(t.guards).toEqual({
      ageYears: 36,
      consentGiven: true,
      consentAgeMs: 60_000,
      realNameVerified: true,
      idVerified: true,
      phoneVerified: true,
    });
    expect(t.facts["identity.underage"]).toBe(false);
    expect(t.rules.hits).toEqual([]);
  });
});
