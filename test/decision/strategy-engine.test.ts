/**
 * createEngine({ strategy }): on the 1,040 SYNTHETIC fixture applicants a two-segment strategy
 * reproduces, segment by segment, the decisions of the two plain engines byte for byte apart from
 * `versions.segment`; eligibility declines before scoring; traces, records and replay carry the
 * segment; bad input gets the same issues as from a plain engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ELIGIBILITY_NOT_INVITED, createEngine, toDecisionRecord } from "../../src/decision";
import type { Decision } from "../../src/decision/types";
import { ConfigError, RiskcardError } from "../../src/schema/result";
import { thrown } from "../thrown";
import { POPULATION_AS_OF as asOf, adult, population } from "./helpers";

const root = join(import.meta.dirname, "..", "..");
const defaultJson = JSON.parse(readFileSync(join(root, "models/strategy.json"), "utf8"));
const withoutSegment = (d: Decision): string => {
  const { segment: _s, ...versions } = d.versions;
  return JSON.stringify({ ...d, versions });
};
const segmentId = (d: Decision): string => d.versions.segment!.split(" (")[0]!;

describe("a two-segment strategy reproduces the two plain engines, segment by segment", () => {
  it("routing reads only consented data: a bureau report without bureau consent routes as a thin file", () => {
    const engine = createEngine({ strategy: "default" });
    const expert = createEngine({ card: "expert" });
    const withBureau = population()
      .filter((a) => a.bureau !== undefined)
      .slice(0, 25);
    expect(withBureau.length).toBe(25);
    for (const a of withBureau) {
      const purposes = { bureau: false, payments: true, social: true, location: true, device: true };
      const refused = { ...a, consent: { ...a.consent, purposes } };
      const d = engine.decide(refused, { asOf });
      expect(segmentId(d)).toBe("thin-file");
      // and it is the expert engine's decision of the same applicant (which masks the bureau itself)
      expect(withoutSegment(d)).toBe(JSON.stringify(expert.decide(refused, { asOf })));
    }
  });

  it("the default strategy: thin file (no bureau report) -> the expert card, the others -> the statistical card", () => {
    const engine = createEngine({ strategy: "default" });
    const expert = createEngine({ card: "expert" });
    const statistical = createEngine({ card: "statistical" });
    const counts: Record<string, number> = {};
    const differing: number[] = [];
    population().forEach((a, i) => {
      const d = engine.decide(a, { asOf });
      const thin = a.bureau === undefined; // the thin-file definition, read from the raw applicant
      expect(segmentId(d)).toBe(thin ? "thin-file" : "full-file");
      counts[segmentId(d)] = (counts[segmentId(d)] ?? 0) + 1;
      const plain = (thin ? expert : statistical).decide(a, { asOf });
      if (withoutSegment(d) !== JSON.stringify(plain)) differing.push(i);
    });
    expect(differing).toEqual([]);
    const thinCount = population().filter((a) => a.bureau === undefined).length;
    expect(counts).toEqual({ "thin-file": thinCount, "full-file": population().length - thinCount });
    expect(thinCount).toBeGreaterThan(100); // both segments are exercised
    // the same engine given the artefact itself rather than "default"
    expect(createEngine({ strategy: defaultJson }).versions).toEqual(engine.versions);
  });

  it("a strategy over returning customers and age with its own thresholds and policy reproduces its plain engines", () => {
    const strict = { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] as [number, number, number, number] };
    const strategy = {
      format: "riskcard.strategy",
      version: 1,
      name: "returning vs new",
      engines: { strict, lenient: { reviewPd: 0.15, declinePd: 0.25 } },
      segments: [
        { id: "young-new", when: { returningCustomer: false, ageYears: { max: 25 } }, engine: "strict" },
        { id: "other-new", when: { returningCustomer: false, ageYears: { min: 25 } }, engine: "lenient" },
        { id: "returning", when: { returningCustomer: true }, engine: "lenient" },
      ],
    };
    const engine = createEngine({ strategy });
    const plain = { strict: createEngine(strict), lenient: createEngine({ reviewPd: 0.15, declinePd: 0.25 }) };
    const seen = new Set<string>();
    const differing: number[] = [];
    population().forEach((a, i) => {
      const d = engine.decide(a, { asOf });
      seen.add(segmentId(d));
      const which = segmentId(d) === "young-new" ? "strict" : "lenient";
      if (withoutSegment(d) !== JSON.stringify(plain[which].decide(a, { asOf }))) differing.push(i);
    });
    expect(differing).toEqual([]);
    expect([...seen].sort()).toEqual(["other-new", "returning", "young-new"]);
  });
});

describe("eligibility", () => {
  const invited = adult(); // id "t-1"
  const strategy = {
    format: "riskcard.strategy",
    version: 1,
    name: "invitation only",
    invitationList: ["t-1"],
    eligibility: { invitationOnly: true },
    engines: { all: {} },
    segments: [{ id: "all", when: {}, engine: "all" }],
  };

  it("declines ids not on the invitation list before scoring, and decides invited ones as the plain engine", () => {
    const engine = createEngine({ strategy });
    const d = engine.decide({ ...invited, id: "stranger-9" }, { asOf });
    expect(d.outcome).toBe("decline");
    expect(d.reasons).toEqual([
      { code: ELIGIBILITY_NOT_INVITED, message: "The applicant is not on the invitation list", source: "eligibility" },
    ]);
    expect([d.score, d.band, d.pd, d.offer, d.guards, d.fraud.hits]).toEqual([0, "E", 1, null, [], []]);
    expect(d.versions.segment!.startsWith("eligibility (invitation only@1 #")).toBe(true);
    expect(Object.isFrozen(d)).toBe(true);
    expect(withoutSegment(engine.decide(invited, { asOf }))).toBe(
      JSON.stringify(createEngine().decide(invited, { asOf })),
    );
    // a bad asOf is still refused for a stranger
    expect(engine.safeDecide({ ...invited, id: "stranger-9" }, { asOf: -1 }).ok).toBe(false);
    // untraced: no trace
    expect(d.trace).toBeUndefined();
  });

  it("a traced decline can be logged (toDecisionRecord) and replays; an id invited since is reported as a route change", () => {
    const engine = createEngine({ strategy });
    const d = engine.decide({ ...invited, id: "stranger-9" }, { asOf, trace: true });
    // the trace records the guards' inputs (adult(): born 1990-03-15, 36 on 2026-06-30, consent given, all verified)
    // and nothing scored: artefacts "none", no features, facts or characteristics, no offer
    expect(d.trace).toMatchObject({
      applicantId: "stranger-9",
      guards: { ageYears: 36, consentGiven: true, realNameVerified: true, idVerified: true, phoneVerified: true },
      artefacts: { scorecard: "none", rules: "none", policy: "none", features: "none", thresholds: "none" },
      features: {},
      facts: {},
      scorecard: { characteristics: [], score: 0, pd: 1, band: "E" },
      offer: null,
      route: {},
    });
    const record = JSON.parse(toDecisionRecord(d));
    const same = engine.replay(record);
    expect([same.identical, same.mismatches.fields, same.mismatches.route]).toEqual([true, [], undefined]);
    // the id is on the list now: replay says eligibility would let it through to segment "all"
    const widened = createEngine({ strategy: { ...strategy, invitationList: ["t-1", "stranger-9"] } });
    const r = widened.replay(record);
    expect(r.identical).toBe(false);
    expect(r.mismatches.route).toEqual([{ step: "segment", recorded: "eligibility", current: "all" }]);
    expect(r.mismatches.fields).toEqual(["versions.segment"]);
  });
});

describe("traces, records and replay carry the segment", () => {
  it("a traced decision records the segment in its artefacts and replays identically, also from a record", () => {
    const engine = createEngine({ strategy: "default" });
    for (const a of population().slice(0, 40)) {
      const d = engine.decide(a, { asOf, trace: true });
      expect(d.trace!.artefacts.segment).toBe(d.versions.segment);
      const r = engine.replay(d);
      expect([r.identical, r.mismatches]).toEqual([true, { artefacts: [], fields: [], notRecorded: [] }]);
      expect(engine.replay(JSON.parse(toDecisionRecord(d))).identical).toBe(true);
    }
  });

  it("a record replayed against another version of the strategy names the segment that changed", () => {
    const before = createEngine({ strategy: "default" });
    const after = createEngine({ strategy: { ...defaultJson, description: "revised" } });
    const d = before.decide(population()[0], { asOf, trace: true });
    const r = after.replay(JSON.parse(toDecisionRecord(d)));
    expect(r.identical).toBe(false);
    expect(r.mismatches.artefacts.map((m) => m.artefact)).toEqual(["segment"]);
    expect(r.mismatches.fields).toEqual(["versions.segment"]);
  });

  it("a traced decision records the routing attributes its strategy read (consented data only)", () => {
    const engine = createEngine({ strategy: "default" });
    for (const a of population().slice(0, 40)) {
      // the default strategy reads bureauFile only: a bureau report present and, when purposes are stated,
      // consented to (the bureau query and purposes.bureau not false: src/schema/consent.ts consentsTo)
      const p = a.consent.purposes;
      const consented = p === undefined || (a.consent.creditBureauQuery && p.bureau !== false);
      expect(engine.decide(a, { asOf, trace: true }).trace!.route).toEqual({
        bureauFile: a.bureau !== undefined && consented,
      });
    }
    const ages = {
      ...defaultJson,
      segments: [
        { id: "thin-file", when: { bureauFile: false }, engine: "expert" },
        { id: "young", when: { bureauFile: true, ageYears: { max: 30 } }, engine: "statistical" },
        { id: "full-file", when: { bureauFile: true, ageYears: { min: 30 } }, engine: "statistical" },
      ],
    };
    // adult(): born 1990-03-15, so 36 on 2026-06-30 (test/decision/helpers.ts)
    expect(createEngine({ strategy: ages }).decide(adult(), { asOf, trace: true }).trace!.route).toEqual({
      bureauFile: true,
      ageYears: 36,
    });
  });

  it("replay routes again: a record whose attributes now go to another segment says so (route)", () => {
    const before = createEngine({ strategy: "default" });
    const full = population().find((a) => a.bureau !== undefined && a.consent.purposes === undefined)!;
    const d = before.decide(full, { asOf, trace: true });
    expect(segmentId(d)).toBe("full-file");
    // the same segment ids with their conditions swapped: the recorded bureauFile = true now routes to thin-file
    const swapped = createEngine({
      strategy: {
        ...defaultJson,
        segments: [
          { ...defaultJson.segments[0], when: { bureauFile: true } },
          { ...defaultJson.segments[1], when: { bureauFile: false } },
        ],
      },
    });
    const r = swapped.replay(JSON.parse(toDecisionRecord(d)));
    expect(r.identical).toBe(false);
    expect(r.mismatches.route).toEqual([{ step: "segment", recorded: "full-file", current: "thin-file" }]);
    expect(r.mismatches.fields).toEqual(["versions.segment"]);
    // a new description changes the digest but not the routing: no route mismatch
    const described = createEngine({ strategy: { ...defaultJson, description: "revised" } });
    expect(described.replay(JSON.parse(toDecisionRecord(d))).mismatches.route).toBeUndefined();
    // with the same strategy, a record whose routing attributes were altered no longer holds up
    const record = JSON.parse(toDecisionRecord(d));
    record.trace.route.bureauFile = false;
    const altered = before.replay(record);
    expect([altered.identical, altered.mismatches.route, altered.mismatches.fields]).toEqual([
      false,
      [{ step: "segment", recorded: "full-file", current: "thin-file" }],
      ["versions.segment"],
    ]);
    // a record without route (made before routes were recorded) is not re-routed and says so
    delete record.trace.route;
    const old = before.replay(record);
    expect([old.identical, old.mismatches.route, old.mismatches.notRecorded]).toEqual([true, undefined, ["route"]]);
  });

  it("replay routes again through eligibility: an id no longer invited would now be declined by it", () => {
    const base = {
      format: "riskcard.strategy",
      version: 1,
      name: "invitation only",
      eligibility: { invitationOnly: true },
      engines: { all: {} },
      segments: [{ id: "all", when: {}, engine: "all" }],
    };
    const d = createEngine({ strategy: { ...base, invitationList: ["t-1"] } }).decide(adult(), { asOf, trace: true });
    expect(segmentId(d)).toBe("all");
    const r = createEngine({ strategy: { ...base, invitationList: ["t-2"] } }).replay(JSON.parse(toDecisionRecord(d)));
    expect(r.mismatches.route).toEqual([{ step: "segment", recorded: "all", current: "eligibility" }]);
  });

  it("a record of a segment the strategy does not have is refused with a path", () => {
    const d = createEngine({ strategy: "default" }).decide(population()[0], { asOf, trace: true });
    const other = createEngine({
      strategy: {
        ...defaultJson,
        segments: defaultJson.segments.map((s: { id: string }) => ({ ...s, id: `${s.id}-2` })),
      },
    });
    expect(thrown(() => other.replay(d), RiskcardError).issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["decision", "versions", "segment"]],
    ]);
  });
});

describe("bad input and bad configuration", () => {
  it("returns the same issues as a plain engine for a bad applicant or bad options, and decide throws them", () => {
    const engine = createEngine({ strategy: "default" });
    const plain = createEngine();
    const cases: [unknown, unknown][] = [
      [{ id: "x" }, { asOf }],
      [adult(), { asOf: 1.5 }],
      [adult(), undefined],
      [{ id: "x" }, { asOf: Number.NaN }],
      [null, { asOf }],
    ];
    for (const [a, o] of cases) {
      const r = engine.safeDecide(a, o as never);
      const p = plain.safeDecide(a, o as never);
      expect(r.ok).toBe(false);
      expect(r).toEqual(p);
      const e = thrown(() => engine.decide(a, o as never), RiskcardError);
      expect(e.message).toBe(thrown(() => plain.decide(a, o as never), RiskcardError).message);
    }
  });

  it("refuses other keys beside a strategy, invalid engine configurations and invalid strategies, with paths", () => {
    const issuesOf = (config: unknown) =>
      thrown(() => createEngine(config as never), ConfigError).issues.map((i) => [i.code, i.path]);
    expect(issuesOf({ strategy: "default", reviewPd: 0.1 })).toEqual([["inconsistent", ["reviewPd"]]]);
    expect(
      issuesOf({
        strategy: { ...defaultJson, engines: { ...defaultJson.engines, expert: { card: "expert", declinePd: 2 } } },
      }),
    ).toEqual([["too_big", ["strategy", "engines", "expert", "declinePd"]]]);
    expect(issuesOf({ strategy: { ...defaultJson, segments: [defaultJson.segments[0]] } })).toEqual([
      ["invalid_value", ["strategy", "segments"]],
    ]);
    expect(issuesOf({ strategy: "other" })).toEqual([["invalid_type", ["strategy"]]]);
  });
});
