/**
 * What-if simulation and the cutoff solver (issue 13), checked by brute force: every applicant
 * decided with both engines and compared here, independently of `simulate`'s own bookkeeping.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index";
import { cutoffForApprovalRate, simulate } from "../../src/simulate";
import { POPULATION_AS_OF, outcomes, population } from "../decision/helpers";

// declinePd 0.20 -> 0.15; band E's lower PD bound moves from 0.15 to 0.14 with it, since a band
// starting at the decline cutoff could never be offered (createEngine rejects that configuration).
const STRICT = { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] as [number, number, number, number] };

const asOf = POPULATION_AS_OF;
type Outcome = "approve" | "review" | "decline";

/** The fixture population: 1,000 applicants of the main model and 40 of the issue-17 fraud families. */
const N = 1040;

describe("simulate: declinePd 0.20 -> 0.15 on the 1,040 fixtures", () => {
  const base = createEngine();
  const candidate = createEngine(STRICT);
  const report = simulate({
    base: {},
    candidate: STRICT,
    applicants: population(),
    asOf,
    outcomes: outcomes(),
  });

  it("gives the swap counts of deciding every applicant with both engines and comparing", () => {
    const swap: Record<string, number> = {};
    for (const a of population()) {
      const k = `${base.decide(a, { asOf }).outcome}>${candidate.decide(a, { asOf }).outcome}`;
      swap[k] = (swap[k] ?? 0) + 1;
    }
    const outs: Outcome[] = ["approve", "review", "decline"];
    for (const b of outs) for (const c of outs) expect(report.swap[b][c]).toBe(swap[`${b}>${c}`] ?? 0);
    expect(report.decided).toBe(N);
    // a stricter cutoff only moves applicants towards decline
    expect(report.swap.decline.approve + report.swap.decline.review + report.swap.review.approve).toBe(0);
    expect(report.swap.review.decline).toBeGreaterThan(0);
  });

  it("gives the rates, limits, APR, expected loss and bad rate of brute-force sums", () => {
    const outcomeOf = new Map(outcomes().map((o) => [o.id, o.defaulted]));
    for (const [engine, s] of [
      [base, report.base],
      [candidate, report.candidate],
    ] as const) {
      let approve = 0;
      let limit = 0;
      let apr = 0;
      let el = 0;
      let known = 0;
      let bad = 0;
      for (const a of population()) {
        const d = engine.decide(a, { asOf });
        if (d.offer === null) continue;
        approve++;
        limit += d.offer.limitFen;
        apr += d.offer.aprNominal;
        el += d.pd * d.offer.limitFen;
        const o = outcomeOf.get(d.applicantId);
        if (o !== undefined) {
          known++;
          if (o) bad++;
        }
      }
      expect(s.approve).toBe(approve);
      expect(s.approvalRate).toBe(approve / N);
      expect(s.approve + s.review + s.decline).toBe(N);
      expect(s.totalLimitFen).toBe(limit);
      expect(s.meanLimitFen).toBeCloseTo(limit / approve, 6);
      expect(s.meanApr).toBeCloseTo(apr / approve, 12);
      expect(s.expectedLossFen).toBeCloseTo(el, 3);
      expect(s.badRate).toBeCloseTo(bad / known, 12);
    }
  });

  it("lists exactly the ids whose outcome, band or limit changed, and per-reason counts that add up", () => {
    const ids: string[] = [];
    const count = new Map<string, [number, number]>();
    for (const a of population()) {
      const b = base.decide(a, { asOf });
      const c = candidate.decide(a, { asOf });
      for (const [i, d] of [b, c].entries())
        for (const code of new Set(d.reasons.map((r) => r.code))) {
          const k = count.get(code) ?? [0, 0];
          k[i]!++;
          count.set(code, k);
        }
      if (b.outcome !== c.outcome || b.band !== c.band || (b.offer?.limitFen ?? null) !== (c.offer?.limitFen ?? null))
        ids.push(b.applicantId);
    }
    expect(report.changed.map((c) => c.id)).toEqual(ids);
    const expected = [...count.keys()].sort().map((code) => {
      const [nb, nc] = count.get(code)!;
      return { code, base: nb, candidate: nc, change: nc - nb };
    });
    expect(report.reasons).toEqual(expected);
    const cutoff = report.reasons.find((r) => r.code === "credit.score_below_cutoff")!;
    // every applicant moved to decline by the stricter cutoff now carries the cutoff reason
    expect(cutoff.change).toBeGreaterThanOrEqual(report.swap.review.decline + report.swap.approve.decline);
    // only the pseudonymous id and decision fields: no applicant data in the report
    for (const c of report.changed) expect(Object.keys(c)).toEqual(["id", "outcome", "band", "limitFen"]);
  });

  it("is deterministic and takes engines or configurations alike", () => {
    const again = simulate({ base, candidate, applicants: population(), asOf, outcomes: outcomes() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it("counts invalid applicants instead of deciding them, and has no bad rate without outcomes", () => {
    const r = simulate({ base, candidate, applicants: [population()[0], { id: "x" }], asOf });
    expect(r.decided).toBe(1);
    expect(r.invalid).toBe(1);
    expect(r.base.badRate).toBeNull();
  });
});

describe("cutoffForApprovalRate", () => {
  const applicants = population().slice(0, 300);
  // Brute force: the share approvable at the most open cutoff, and the approval rate of a config.
  const rateOf = (config: object) => {
    const e = createEngine(config);
    return applicants.filter((a) => e.decide(a, { asOf }).outcome === "approve").length / applicants.length;
  };
  const maxRate = rateOf({ reviewPd: 0.999999, declinePd: 1 });

  it("meets every reachable target within 0.5 points, else returns the nearest with a statement (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (target) => {
        const r = cutoffForApprovalRate({}, applicants, { asOf, rate: target });
        // the rate it reports is the rate its configuration really gives
        expect(r.rate).toBe(rateOf(r.config));
        if (target <= maxRate) {
          expect(Math.abs(r.rate - target)).toBeLessThanOrEqual(0.005 + 1e-12);
          expect(r.statement).toBeUndefined();
        } else {
          expect(r.rate).toBeCloseTo(maxRate, 12);
          expect(r.withinTolerance).toBe(Math.abs(maxRate - target) <= 0.005 + 1e-12);
          if (!r.withinTolerance) expect(r.statement).toMatch(/at any PD cutoff/);
        }
        expect(r.config.reviewPd).toBeLessThanOrEqual(r.config.declinePd!);
      }),
      { numRuns: 6, seed: 13 },
    );
  });

  it("reaches the seeds' 95% pass rate only where the population allows it, and says why not", () => {
    const r = cutoffForApprovalRate({}, applicants, { asOf, rate: 0.95 });
    expect(r.withinTolerance).toBe(maxRate >= 0.945);
    if (!r.withinTolerance) expect(r.statement).toContain("%");
  });

  it("rejects a rate outside [0, 1]", () => {
    expect(() => cutoffForApprovalRate({}, applicants, { asOf, rate: 1.2 })).toThrow(RangeError);
    expect(() => cutoffForApprovalRate({}, applicants, { asOf, rate: Number.NaN })).toThrow(RangeError);
  });
});
