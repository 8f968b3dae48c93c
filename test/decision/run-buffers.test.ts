/**
 * The decision assembly's reused state leaves nothing between calls, and the guards' fast age is the
 * schema's age. An engine keeps one points buffer and one attribute-index buffer for the card (score's
 * `out`) and refills them on every call; the explanation (`breakdown`) and the trace read them within the
 * call. Reference: the same applicant decided by an engine created for it alone (nothing decided before),
 * compared as JSON text, over random sequences of the 1,040 SYNTHETIC fixture applicants with random
 * options. The compliance guard's age comes from `ageInYearsFast` (the features' integer civil-date
 * arithmetic); its reference is `ageInYears` (a `Date` and substrings), on random dates, instants and offsets.
 * The key order of a decision with and without `dataUsed` is written out by hand from the documented
 * order of `Decision` (src/decision/types.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import { applicantAge, checkGuards } from "../../src/decision/guards";
import type { Applicant } from "../../src/schema/applicant";
import { ageInYears } from "../../src/schema/age";
import { POPULATION_AS_OF as asOf, population } from "./helpers";

describe("an engine's reused buffers", () => {
  it("a decision does not depend on what the engine decided before it (fresh engine per applicant as reference)", () => {
    const apps = population();
    const shared = createEngine();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            i: fc.integer({ min: 0, max: apps.length - 1 }),
            explain: fc.boolean(),
            trace: fc.boolean(),
          }),
          { minLength: 2, maxLength: 6 },
        ),
        (steps) => {
          for (const s of steps) {
            const options = { asOf, explain: s.explain, trace: s.trace };
            const got = JSON.stringify(shared.decide(apps[s.i], options));
            const want = JSON.stringify(createEngine().decide(apps[s.i], options));
            expect(got).toBe(want);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a breakdown and a trace hold this call's points, not a later call's", () => {
    const engine = createEngine();
    const apps = population();
    const first = engine.decide(apps[0], { asOf, explain: true, trace: true });
    const text = JSON.stringify(first);
    // decide other applicants with the same engine: the first decision must not change
    for (let i = 1; i < 20; i++) engine.decide(apps[i], { asOf, explain: true, trace: true });
    expect(JSON.stringify(first)).toBe(text);
    // the breakdown's parts sum to the score, the trace's points too (each rounded to 2 decimals)
    const parts = first.breakdown!.reduce((s, p) => s + p.points, 0);
    expect(Math.abs(parts - first.score)).toBeLessThan(0.01 * first.breakdown!.length + 0.005);
  });
});

describe("the guards' age", () => {
  const DAY = 86_400_000;
  const date = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const withBirthDate = (birthDate: string): Applicant => {
    const a = structuredClone(population()[0]!);
    return { ...a, identity: { ...a.identity, birthDate } };
  };

  it("applicantAge equals ageInYears for every date, instant and offset (ageInYears as the reference)", () => {
    fc.assert(
      fc.property(
        date,
        fc.oneof(
          fc.integer({ min: -8.64e15 + DAY, max: 8.64e15 - DAY }),
          fc.integer({ min: 0, max: 4_102_444_800_000 }),
          fc.constantFrom(0, DAY - 1, DAY, -1, -DAY),
        ),
        fc.integer({ min: -720, max: 840 }),
        (birthDate, t, offsetMinutes) => {
          const a = withBirthDate(birthDate);
          expect(applicantAge(a, t, offsetMinutes)).toBe(ageInYears(birthDate, t, offsetMinutes * 60_000));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("turns 18 on the local (UTC+8) birthday: hand cases", () => {
    // born 2008-06-30: on 2026-06-30 local (UTC+8) the applicant is 18; one local day earlier, 17.
    const a = withBirthDate("2008-06-30");
    const localMidnight = Date.UTC(2026, 5, 30) - 8 * 3_600_000; // 2026-06-30 00:00 at UTC+8
    expect(applicantAge(a, localMidnight)).toBe(18);
    expect(applicantAge(a, localMidnight - 1)).toBe(17);
    expect(checkGuards(a, localMidnight - 1)[0]!.passed).toBe(false);
    expect(checkGuards(a, localMidnight)[0]!.passed).toBe(true);
    // a 29 February birthday comes on 1 March in a common year: born 2008-02-29, on 2026-02-28 still 17
    const leap = withBirthDate("2008-02-29");
    expect(applicantAge(leap, Date.UTC(2026, 1, 28, 12), 0)).toBe(17);
    expect(applicantAge(leap, Date.UTC(2026, 2, 1, 0), 0)).toBe(18);
  });
});

describe("a decision's keys", () => {
  const engine = createEngine();
  const head = ["applicantId", "asOf", "outcome", "score", "band", "pd", "reasons", "guards", "fraud", "offer"];
  it("without consent purposes: no dataUsed, versions last", () => {
    expect(Object.keys(engine.decide(population()[0], { asOf }))).toEqual([...head, "versions"]);
  });
  it("with consent purposes: dataUsed before versions, frozen", () => {
    const a = population()[0]!;
    const d = engine.decide({ ...a, consent: { ...a.consent, purposes: { payments: false } } }, { asOf });
    expect(Object.keys(d)).toEqual([...head, "dataUsed", "versions"]);
    expect(Object.isFrozen(d)).toBe(true);
    expect(d.dataUsed).not.toContain("payments");
  });
});
