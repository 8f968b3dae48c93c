/**
 * The strategy artefact's loader and validator: overlapping, non-exhaustive and unknown-attribute
 * strategies are rejected with paths (expected issues worked out by hand in the comments), and a
 * property test checks the exhaustive check and the router against a naive evaluation on a grid of
 * applicants (every age from -1 to 131, every occupation, region and file flag).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OCCUPATIONS } from "../../src/schema/applicant";
import { ArtefactError } from "../../src/schema/result";
import type { Applicant } from "../../src/schema/applicant";
import { type Condition, compileRouter, loadStrategy, loadStrategyOrThrow } from "../../src/strategy";
import { thrown } from "../thrown";
import { adult } from "../decision/helpers";

const root = join(import.meta.dirname, "..", "..");
const defaultJson = JSON.parse(readFileSync(join(root, "models/strategy.json"), "utf8"));
const strategy = (segments: { when: unknown; engine?: string }[], extra: object = {}) => ({
  format: "riskcard.strategy",
  version: 1,
  name: "test strategy",
  engines: { e: {} },
  ...extra,
  segments: segments.map((s, i) => ({ id: `s${i}`, engine: "e", ...s })),
});
const issues = (json: unknown) => {
  const r = loadStrategy(json);
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
};

describe("loadStrategy", () => {
  it("loads the shipped default strategy, frozen, two segments on bureauFile", () => {
    const s = loadStrategyOrThrow(defaultJson);
    expect(s.segments.map((x) => [x.id, x.when, x.engine])).toEqual([
      ["thin-file", { bureauFile: false }, "expert"],
      ["full-file", { bureauFile: true }, "statistical"],
    ]);
    expect(Object.isFrozen(s) && Object.isFrozen(s.segments[0]!.when)).toBe(true);
  });

  it("rejects overlapping segments, naming the later segment and the earlier one", () => {
    // cells bureauFile x ageYears (cut at 18): (false, <18) s0; (false, >=18) s0 and s1: overlap;
    // (true, <18) s2; (true, >=18) s1. One issue.
    const json = strategy([
      { when: { bureauFile: false } },
      { when: { ageYears: { min: 18 } } },
      { when: { bureauFile: true, ageYears: { max: 18 } } },
    ]);
    expect(issues(json)).toEqual([
      {
        code: "inconsistent",
        path: ["segments", 1, "when"],
        message: "overlaps segments[0] (for example bureauFile = false, ageYears >= 18)",
      },
    ]);
  });

  it("rejects segments that leave applicants unrouted, one issue per case", () => {
    // ageYears cut at 18 and 60: with a file, under 18 and 60 or over match nothing.
    const json = strategy([
      { when: { bureauFile: true, ageYears: { min: 18, max: 60 } } },
      { when: { bureauFile: false } },
    ]);
    expect(issues(json)).toEqual([
      {
        code: "invalid_value",
        path: ["segments"],
        message: "no segment routes applicants with bureauFile = true, ageYears < 18",
      },
      {
        code: "invalid_value",
        path: ["segments"],
        message: "no segment routes applicants with bureauFile = true, ageYears >= 60",
      },
    ]);
    // the default strategy without its second segment
    expect(issues({ ...defaultJson, segments: [defaultJson.segments[0]] })).toEqual([
      { code: "invalid_value", path: ["segments"], message: "no segment routes applicants with bureauFile = true" },
    ]);
  });

  it('refuses the routing\'s reserved words: "other" or a repeated code in domains, "eligibility" as a segment id', () => {
    // "other" is what every undeclared code routes as, so a declared "other" could not be told apart from it;
    // "eligibility" is the segment id an eligibility decline carries in versions.segment.
    const two = [{ when: { channel: { in: ["app"] } } }, { when: { channel: { notIn: ["app"] } } }];
    expect(issues(strategy(two, { domains: { channel: ["app", "other"] } }))).toEqual([
      {
        code: "invalid_value",
        path: ["domains", "channel", 1],
        message: '"other" is reserved: it is the value of every code not declared',
      },
    ]);
    expect(
      issues(strategy(two, { domains: { region: ["other"], product: ["p", "q", "p"], channel: ["app"] } })),
    ).toEqual([
      {
        code: "invalid_value",
        path: ["domains", "region", 0],
        message: '"other" is reserved: it is the value of every code not declared',
      },
      { code: "inconsistent", path: ["domains", "product", 2], message: "duplicate code" },
    ]);
    const named = strategy([{ when: {} }]);
    named.segments[0]!.id = "eligibility";
    expect(issues(named)).toEqual([
      {
        code: "invalid_value",
        path: ["segments", 0, "id"],
        message: '"eligibility" is reserved: versions.segment names an eligibility decline with it',
      },
    ]);
    // the same words are fine where they mean what they say: "other" in a condition, "Other" as a code
    expect(
      issues(
        strategy([{ when: { channel: { in: ["Other"] } } }, { when: { channel: { in: ["other"] } } }], {
          domains: { channel: ["Other"] },
        }),
      ),
    ).toEqual([]);
  });

  it("checks product and channel over their declared domains and other", () => {
    const domains = { domains: { product: ["cash", "card"], channel: ["app"] } };
    // cash and other both ways, card nowhere: an overlap at segment 1 and a hole named by its domain code
    const bad = strategy(
      [{ when: { product: { in: ["cash", "other"] } } }, { when: { product: { notIn: ["card"] } } }],
      domains,
    );
    expect(issues(bad)).toEqual([
      {
        code: "inconsistent",
        path: ["segments", 1, "when"],
        message: "overlaps segments[0] (for example product = cash)",
      },
      { code: "invalid_value", path: ["segments"], message: "no segment routes applicants with product = card" },
    ]);
    expect(
      issues(strategy([{ when: { channel: { in: ["app"] } } }, { when: { channel: { in: ["other"] } } }], domains)),
    ).toEqual([]);
    expect(
      issues(
        strategy([{ when: { channel: { in: ["web"] } } }, { when: { channel: { notIn: ["web"] } } }], domains),
      ).map((i) => [i.code, i.path]),
    ).toEqual([
      ["unknown_reference", ["segments", 0, "when", "channel", "in", 0]],
      ["unknown_reference", ["segments", 1, "when", "channel", "notIn", 0]],
    ]);
    expect(
      issues(strategy([{ when: { product: { in: ["cash"] } } }, { when: { product: { notIn: ["cash"] } } }])).map(
        (i) => [i.code, i.path, i.message],
      ),
    ).toEqual([
      ["unknown_reference", ["segments", 0, "when", "product"], "declare domains.product to use it"],
      ["unknown_reference", ["segments", 1, "when", "product"], "declare domains.product to use it"],
    ]);
  });

  it("rejects unknown attributes and unknown or undeclared references with their paths", () => {
    expect(issues(strategy([{ when: { loanPurpose: "app" } }])).map((i) => [i.code, i.path])).toEqual([
      ["unrecognized_key", ["segments", 0, "when", "loanPurpose"]],
    ]);
    expect(
      issues(strategy([{ when: { region: { in: ["BJ"] } } }, { when: { region: { notIn: ["BJ"] } } }])).map((i) => [
        i.code,
        i.path,
      ]),
    ).toEqual([
      ["unknown_reference", ["segments", 0, "when", "region"]],
      ["unknown_reference", ["segments", 1, "when", "region"]],
    ]);
    const withDomain = strategy([{ when: { region: { in: ["BJ", "GZ"] } } }, { when: { region: { notIn: ["BJ"] } } }], {
      domains: { region: ["BJ", "SH"] },
    });
    expect(issues(withDomain).map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["segments", 0, "when", "region", "in", 1]],
    ]);
    expect(
      issues(strategy([{ when: { invited: true } }, { when: { invited: false } }])).map((i) => [i.code, i.path]),
    ).toEqual([
      ["unknown_reference", ["segments", 0, "when", "invited"]],
      ["unknown_reference", ["segments", 1, "when", "invited"]],
    ]);
    expect(
      issues(strategy([{ when: {} }], { eligibility: { invitationOnly: true } })).map((i) => [i.code, i.path]),
    ).toEqual([["missing", ["invitationList"]]]);
    expect(issues(strategy([{ when: {}, engine: "nope" }])).map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["segments", 0, "engine"]],
    ]);
    const dup = strategy([{ when: { bureauFile: true } }, { when: { bureauFile: false } }]);
    dup.segments[1]!.id = "s0";
    expect(issues(dup).map((i) => [i.code, i.path])).toEqual([["inconsistent", ["segments", 1, "id"]]]);
    expect(
      issues(strategy([{ when: {} }], { engines: { e: { strategy: "default" } } })).map((i) => [i.code, i.path]),
    ).toEqual([["invalid_value", ["engines", "e", "strategy"]]]);
    expect(issues(strategy([{ when: { ageYears: { min: 30, max: 20 } } }])).map((i) => [i.code, i.path])).toEqual([
      ["inconsistent", ["segments", 0, "when", "ageYears"]],
    ]);
    expect(issues({ ...defaultJson, version: 2 }).map((i) => [i.code, i.path])).toEqual([
      ["unsupported_version", ["version"]],
    ]);
    expect(issues({ ...defaultJson, format: "x" }).map((i) => [i.code, i.path])).toEqual([
      ["unsupported_version", ["format"]],
    ]);
  });

  it("never echoes an invitation-list id, and loadStrategyOrThrow throws ArtefactError", () => {
    const marker = "MARKER-4711-id";
    const json = strategy([{ when: { invited: true } }, { when: {} }], { invitationList: [marker] });
    const found = issues(json);
    expect(found.map((i) => i.code)).toEqual(["inconsistent"]);
    expect(JSON.stringify(found)).not.toContain(marker);
    expect(thrown(() => loadStrategyOrThrow(json), ArtefactError).issues).toEqual(
      loadStrategy(json).ok ? [] : (loadStrategy(json) as { issues: unknown }).issues,
    );
  });
});

// ---- property: the validator and the router against a naive evaluation on a grid ----

const REGIONS = ["BJ", "SH"];
interface NaiveApplicant {
  bureauFile: boolean;
  returningCustomer: boolean;
  age: number;
  occupation: string; // "none" when not declared
  city: string | undefined;
  product?: string | undefined;
  channel?: string | undefined;
}
const PRODUCTS = ["cash", "card"];
const CHANNELS = ["app", "web"];
/** The value of an open attribute: the code when declared, else "other" (README, strategies). */
const openValue = (code: string | undefined, declared: readonly string[]) =>
  code !== undefined && declared.includes(code) ? code : "other";
/** Written from the README's definitions, not from the library's code. */
function naiveMatches(c: Condition, a: NaiveApplicant): boolean {
  if (c.bureauFile !== undefined && c.bureauFile !== a.bureauFile) return false;
  if (c.returningCustomer !== undefined && c.returningCustomer !== a.returningCustomer) return false;
  if (c.ageYears?.min !== undefined && a.age < c.ageYears.min) return false;
  if (c.ageYears?.max !== undefined && a.age >= c.ageYears.max) return false;
  if (c.occupation?.in !== undefined && !c.occupation.in.includes(a.occupation as never)) return false;
  if (c.occupation?.notIn?.includes(a.occupation as never)) return false;
  for (const [k, code, declared] of [
    [c.region, a.city, REGIONS],
    [c.product, a.product, PRODUCTS],
    [c.channel, a.channel, CHANNELS],
  ] as const) {
    const v = openValue(code, declared);
    if (k?.in !== undefined && !k.in.includes(v)) return false;
    if (k?.notIn?.includes(v)) return false;
  }
  return true;
}
// every age around the cuts the generators use (10 to 70), and a few far from them
const GRID: NaiveApplicant[] = [];
for (const bureauFile of [false, true])
  for (const returningCustomer of [false, true])
    for (const occupation of [...OCCUPATIONS, "none"])
      for (const city of ["BJ", "SH", "GZ", undefined])
        for (const age of [0, 5, ...Array.from({ length: 64 }, (_, i) => 9 + i), 100, 131])
          GRID.push({ bureauFile, returningCustomer, age, occupation, city });
// the second grid: product and channel (declared codes, an undeclared one, absent) with region, file and age
const AGES = [0, 5, ...Array.from({ length: 64 }, (_, i) => 9 + i), 100, 131];
const GRID_PC: NaiveApplicant[] = [];
for (const bureauFile of [false, true])
  for (const product of ["cash", "card", "auto", undefined])
    for (const channel of ["app", "web", "partner", undefined])
      for (const city of ["BJ", "SH", "GZ", undefined])
        for (const age of AGES)
          GRID_PC.push({ bureauFile, returningCustomer: false, age, occupation: "none", city, product, channel });

function applicantOf(a: NaiveApplicant): Applicant {
  const base = adult();
  const { birthDate: _b, occupation: _o, cityCode: _c, ...identity } = base.identity;
  const { bureau, loans: _l, ...rest } = base;
  return {
    ...rest,
    identity: {
      ...identity,
      ageYears: a.age,
      ...(a.occupation === "none" ? {} : { occupation: a.occupation as never }),
      ...(a.city === undefined ? {} : { cityCode: a.city }),
    },
    ...(a.bureauFile ? { bureau: bureau! } : {}),
    ...(a.product === undefined && a.channel === undefined
      ? {}
      : {
          application: {
            appliedAt: 0,
            ...(a.product === undefined ? {} : { product: a.product }),
            ...(a.channel === undefined ? {} : { channel: a.channel }),
          },
        }),
    ...(a.returningCustomer
      ? {
          loans: [
            {
              loanId: "l-1",
              disbursedAt: 0,
              principalFen: 100,
              installments: [{ dueAt: 1, amountFen: 100 }],
              repayments: [],
            },
          ],
        }
      : {}),
  };
}

const GRID_APPLICANTS = GRID.map(applicantOf);
const GRID_PC_APPLICANTS = GRID_PC.map(applicantOf);

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
const conditionArb: fc.Arbitrary<Condition> = fc.record(
  {
    bureauFile: fc.boolean(),
    returningCustomer: fc.boolean(),
    ageYears: fc.oneof(
      fc.record({ min: fc.integer({ min: 10, max: 70 }) }),
      fc.record({ max: fc.integer({ min: 10, max: 70 }) }),
      fc
        .tuple(fc.integer({ min: 10, max: 69 }), fc.integer({ min: 1, max: 30 }))
        .map(([min, w]) => ({ min, max: min + w })),
    ),
    occupation: fc.oneof(
      subset([...OCCUPATIONS, "none"] as const).map((x) => ({ in: x })),
      subset(OCCUPATIONS).map((x) => ({ notIn: x })),
    ),
    region: fc.oneof(
      subset(["BJ", "SH", "other"]).map((x) => ({ in: x })),
      subset(["BJ", "SH", "other"]).map((x) => ({ notIn: x })),
    ),
    product: fc.oneof(
      subset([...PRODUCTS, "other"]).map((x) => ({ in: x })),
      subset([...PRODUCTS, "other"]).map((x) => ({ notIn: x })),
    ),
    channel: fc.oneof(
      subset([...CHANNELS, "other"]).map((x) => ({ in: x })),
      subset([...CHANNELS, "other"]).map((x) => ({ notIn: x })),
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Condition>;

/** A split of everyone in two by one attribute: complementary conditions, written by hand per attribute. */
type Split = readonly [Condition, Condition];
type Attr = "bureauFile" | "returningCustomer" | "ageYears" | "occupation" | "region" | "product" | "channel";
const splitArb = (attr: Attr): fc.Arbitrary<Split> => {
  switch (attr) {
    case "bureauFile":
      return fc.constant([{ bureauFile: true }, { bureauFile: false }] as const);
    case "returningCustomer":
      return fc.constant([{ returningCustomer: true }, { returningCustomer: false }] as const);
    case "ageYears":
      return fc.integer({ min: 10, max: 70 }).map((c) => [{ ageYears: { max: c } }, { ageYears: { min: c } }] as const);
    case "occupation":
      return subset([...OCCUPATIONS, "none"] as const).map(
        (x) => [{ occupation: { in: x } }, { occupation: { notIn: x } }] as const,
      );
    case "region":
      return subset(["BJ", "SH", "other"]).map((x) => [{ region: { in: x } }, { region: { notIn: x } }] as const);
    case "product":
      return subset([...PRODUCTS, "other"]).map((x) => [{ product: { in: x } }, { product: { notIn: x } }] as const);
    case "channel":
      return subset([...CHANNELS, "other"]).map((x) => [{ channel: { in: x } }, { channel: { notIn: x } }] as const);
  }
};
const ATTRS: readonly Attr[] = ["bureauFile", "returningCustomer", "ageYears", "occupation", "region"];
const ATTRS_PC: readonly Attr[] = ["bureauFile", "ageYears", "region", "product", "channel"];
/** An exact partition: one split, each side optionally split again by another attribute. */
const partitionArb = (attrs: readonly Attr[]): fc.Arbitrary<Condition[]> =>
  fc
    .shuffledSubarray([...attrs], { minLength: 3, maxLength: 3 })
    .chain(([a, b, c]) => fc.tuple(splitArb(a!), splitArb(b!), splitArb(c!), fc.boolean(), fc.boolean()))
    .map(([top, left, right, splitLeft, splitRight]) => [
      ...(splitLeft ? left.map((l) => ({ ...top[0], ...l })) : [top[0]]),
      ...(splitRight ? right.map((r) => ({ ...top[1], ...r })) : [top[1]]),
    ]);
/** A partition with one segment dropped (holes) or one segment repeated (overlap), or random conditions. */
const strategyArb = (attrs: readonly Attr[]): fc.Arbitrary<Condition[]> =>
  fc.oneof(
    partitionArb(attrs),
    partitionArb(attrs)
      .filter((p) => p.length > 1)
      .chain((p) => fc.nat(p.length - 1).map((i) => p.filter((_, j) => j !== i))),
    partitionArb(attrs).chain((p) => fc.nat(p.length - 1).map((i) => [...p, p[i]!])),
    fc.array(only(conditionArb, attrs), { minLength: 1, maxLength: 4 }),
  );
/** Random conditions restricted to the attributes a grid varies. */
const only = (arb: fc.Arbitrary<Condition>, attrs: readonly Attr[]): fc.Arbitrary<Condition> =>
  arb.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => attrs.includes(k as Attr))) as Condition);

describe("the exhaustive check and the router agree with a naive evaluation", () => {
  const cases = [
    ["file, customer, age, occupation and region", ATTRS, GRID, GRID_APPLICANTS],
    ["file, age, region, product and channel", ATTRS_PC, GRID_PC, GRID_PC_APPLICANTS],
  ] as const;
  it.each(cases)(
    "%s: accepted exactly when every grid applicant matches one segment; the router returns that segment",
    (_, attrs, grid, applicants) => {
      let accepted = 0;
      let overlapping = 0;
      let unrouted = 0;
      fc.assert(
        fc.property(strategyArb(attrs), (conds) => {
          const json = strategy(
            conds.map((when) => ({ when })),
            { domains: { region: REGIONS, product: PRODUCTS, channel: CHANNELS } },
          );
          const r = loadStrategy(json);
          const counts = grid.map((a) => conds.filter((c) => naiveMatches(c, a)).length);
          const hasOverlap = counts.some((n) => n > 1);
          const hasHole = counts.some((n) => n === 0);
          if (r.ok) {
            accepted++;
            expect(hasOverlap || hasHole).toBe(false);
            const router = compileRouter(r.value);
            const routed = applicants.map((a) => router.route(a, 0));
            const naive = grid.map((a) => conds.findIndex((c) => naiveMatches(c, a)));
            expect(routed).toEqual(naive);
            // what a trace records routes to the same segment on replay (through JSON, as a record is read)
            const again = applicants.map((a) =>
              router.routeRecorded(a.id, JSON.parse(JSON.stringify(router.attributes(a, 0)))),
            );
            expect(again).toEqual(naive);
          } else {
            const codes = new Set(r.issues.map((i) => i.code));
            expect(codes.has("inconsistent")).toBe(hasOverlap);
            expect(codes.has("invalid_value")).toBe(hasHole);
            if (hasOverlap) overlapping++;
            if (hasHole) unrouted++;
          }
        }),
        { numRuns: 200, seed: 14 },
      );
      // the property checked all three kinds of strategy
      expect(accepted).toBeGreaterThan(40);
      expect(overlapping).toBeGreaterThan(30);
      expect(unrouted).toBeGreaterThan(30);
    },
  );
});
