import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApplicantFast } from "../../src/schema/fast-parse";
import { BOUNDS } from "../../src/schema/limits";
import type { Applicant } from "../../src/schema/applicant";
import { parseApplicant, parseApplicantWithZod } from "../../src/schema/parse";
import { applicantArb, syntheticApplicant } from "../features/arbitraries";
import { mutate, mutationArb, nodes } from "./hostile";

/** A code of `application.product` / `.channel`: valid ones, and a few one step outside the contract. */
const codeArb = fc.oneof(
  fc.constantFrom("cash-loan", "bnpl", "app", "web_1", "a", "x".repeat(32)),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
);
/** `applicantArb` with `application.product` and `application.channel` sometimes set (never when absent). */
const withCodes = (arb: fc.Arbitrary<Applicant>): fc.Arbitrary<Applicant> =>
  fc
    .tuple(arb, fc.option(codeArb, { nil: undefined }), fc.option(codeArb, { nil: undefined }))
    .map(([a, product, channel]) =>
      a.application === undefined
        ? a
        : {
            ...a,
            application: {
              ...a.application,
              ...(product === undefined ? {} : { product }),
              ...(channel === undefined ? {} : { channel }),
            },
          },
    );

function expectSame(input: unknown): void {
  const z = parseApplicantWithZod(input);
  const f = parseApplicantFast(input);
  expect(f.ok).toBe(z.ok);
  if (!z.ok && !f.ok) expect(f.issues).toEqual(z.issues);
  if (z.ok && f.ok) expect(f.value).toEqual(z.value);
}

describe("parseApplicantFast equals the zod contract", () => {
  it("accepts every valid applicant zod accepts, with an equal value", () => {
    fc.assert(
      fc.property(withCodes(applicantArb()), (a) => {
        const f = parseApplicantFast(a);
        expect(f.ok).toBe(true);
        expectSame(a);
      }),
      { numRuns: 300 },
    );
  });

  it("reports the same issues (codes, paths, messages, order) on corrupted applicants", () => {
    fc.assert(
      fc.property(withCodes(applicantArb(8)), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (a, ms) => {
        let x: unknown = structuredClone(a);
        for (const m of ms)
          x = x !== null && typeof x === "object" && !Array.isArray(x) ? mutate(x as Record<string, unknown>, m) : x;
        expectSame(x);
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees with zod on arbitrary values and never throws", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }), (x) => {
        expectSame(x);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on arbitrary values placed in each section", () => {
    const sections = ["id", "identity", "consent", "application", "payments", "social", "bureau", "devices", "loans"];
    fc.assert(
      fc.property(applicantArb(4), fc.constantFrom(...sections), fc.anything({ maxDepth: 3 }), (a, s, v) => {
        expectSame({ ...a, [s]: v });
      }),
      { numRuns: 500 },
    );
  });

  it("rejects a payments array over the cap with one too_big issue, as zod does", () => {
    const a = syntheticApplicant(100_001, 7);
    const f = parseApplicantFast(a);
    expect(f.ok).toBe(false);
    if (!f.ok)
      expect(f.issues).toEqual([{ code: "too_big", path: ["payments"], message: "must have at most 100000 items" }]);
    expectSame(a);
  });

  it("handles deep nesting and prototype keys without crashing", () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { identity: deep };
    expectSame(deep);
    expectSame(
      JSON.parse(
        '{"id":"a","identity":{"ageYears":30,"realNameVerified":true,"idVerified":true,"phoneVerified":true,"__proto__":{}},"consent":{"creditBureauQuery":true}}',
      ),
    );
    expectSame(Object.create({ id: "inherited" }));
    const f = parseApplicantFast(null);
    expect(f.ok).toBe(false);
  });

  it("is what parseApplicant uses (same result on a 1,000-payment applicant)", () => {
    const a = syntheticApplicant(1_000, 3);
    expect(parseApplicant(a)).toEqual(parseApplicantWithZod(a));
    expect(parseApplicantFast(a).ok).toBe(true);
  });
});

describe("the fast checkers' bounds are the zod schema's (BOUNDS)", () => {
  // Every bound of every field, one step inside and one outside (and half a step for lat / lon):
  // each value at each numeric or string leaf of a full synthetic applicant gives the same result
  // from the fast validator and from zod. A literal bound that drifted in either would differ here.
  const edges = new Set<number>();
  for (const r of Object.values(BOUNDS)) {
    for (const b of [r.min, r.max]) {
      if (!Number.isFinite(b)) continue;
      for (const d of [-1, -0.5, 0, 0.5, 1]) edges.add(b + d);
    }
  }
  const lengths = new Set<number>();
  for (const r of [BOUNDS.pseudonymLength, BOUNDS.placeCodeLength, BOUNDS.categoryCodeLength])
    for (const n of [r.min - 1, r.max, r.max + 1]) lengths.add(n);
  // a synthetic applicant with every optional numeric field present too
  const base = structuredClone(syntheticApplicant(7)) as unknown as Record<string, any>;
  base.identity.ageYears = 35;
  base.application = { ...base.application, product: "cash-loan", channel: "app" };
  base.devices.events[0] = { ...base.devices.events[0], ipHash: "ip-1", lat: 31.2, lon: 121.5 };
  base.bureau.accounts[0] = { ...base.bureau.accounts[0], closedAt: base.bureau.reportedAt - 1, monthlyPaymentFen: 1 };
  base.bureau.delinquencies = [{ at: base.bureau.reportedAt - 1, daysPastDue: 30, amountFen: 100 }];
  // the first element of each array stands for the rest (same checks, same code path)
  const leaves = nodes(base).filter((p) => {
    if (p.some((k) => typeof k === "number" && k !== 0)) return false;
    let v: unknown = base;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return typeof v === "number" || (typeof v === "string" && /^[A-Za-z0-9_.:-]+$/.test(v));
  });

  it(`agrees at ${edges.size} numeric edges and ${lengths.size} token lengths on ${leaves.length} leaves`, () => {
    expect(parseApplicantWithZod(base).ok).toBe(true);
    let runs = 0;
    for (const path of leaves) {
      const values: unknown[] = [...edges, ...[...lengths].map((n) => "a".repeat(n))];
      for (const value of values) {
        const input = structuredClone(base) as Record<string | number, unknown>;
        let parent = input;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = value;
        expectSame(input);
        runs++;
      }
    }
    expect(runs).toBe(leaves.length * (edges.size + lengths.size));
  });
});
