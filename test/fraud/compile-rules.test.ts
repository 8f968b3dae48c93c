import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules, compileRulesOrThrow } from "../../src/fraud/compile-rules";
import { DEFAULT_FACT_CONFIG, createFactConfig } from "../../src/fraud/fact-config";
import { type Facts, createFacts, setFact } from "../../src/fraud/facts";
import type { Condition } from "../../src/fraud/rule-set-schema";
import { ArtefactError } from "../../src/schema/result";
import { rule, ruleSet } from "./helpers";

function facts(values: Record<string, number | boolean | string>): Facts {
  const f = createFacts(DEFAULT_FACT_CONFIG);
  for (const [k, v] of Object.entries(values)) setFact(f, k, v);
  return f;
}

/** Compiles one condition as a review rule and says whether it matches the facts. */
function matches(when: unknown, f: Facts, lists: Record<string, unknown[]> = {}): boolean {
  const c = compileRulesOrThrow(ruleSet([rule("r", when)], { lists }));
  return c.evaluate(f).hits.length === 1;
}

function issues(when: unknown, lists: Record<string, unknown[]> = {}): { code: string; path: string }[] {
  const r = compileRules(ruleSet([rule("r", when)], { lists }));
  if (r.ok) throw new Error("expected failure");
  return r.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
}

describe("compileRules: operators", () => {
  const f = facts({ "device.maxAccounts": 5, "identity.underage": false, "application.deviceId": "d-7" });
  const n = (op: string, value: unknown) => matches({ fact: "device.maxAccounts", op, value }, f);

  it("numeric comparisons (fact = 5)", () => {
    expect([n("eq", 5), n("eq", 4), n("ne", 4), n("ne", 5)]).toEqual([true, false, true, false]);
    expect([n("lt", 6), n("lt", 5), n("lte", 5), n("lte", 4)]).toEqual([true, false, true, false]);
    expect([n("gt", 4), n("gt", 5), n("gte", 5), n("gte", 6)]).toEqual([true, false, true, false]);
    expect([n("between", [5, 9]), n("between", [1, 5]), n("between", [6, 9]), n("between", [0, 4])]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([n("in", [1, 5]), n("in", [1, 2]), n("notIn", [1, 2]), n("notIn", [5])]).toEqual([true, false, true, false]);
  });

  it("membership in large literal sets and named lists (Set path)", () => {
    const big = Array.from({ length: 100 }, (_, i) => i * 5);
    expect(n("in", big)).toBe(true);
    expect(n("notIn", big)).toBe(false);
    const devices = Array.from({ length: 50 }, (_, i) => `d-${i}`);
    expect(matches({ fact: "application.deviceId", op: "in", list: "blocked" }, f, { blocked: devices })).toBe(true);
    expect(matches({ fact: "application.deviceId", op: "notIn", list: "blocked" }, f, { blocked: devices })).toBe(
      false,
    );
    expect(matches({ fact: "application.deviceId", op: "in", list: "blocked" }, f, { blocked: ["x"] })).toBe(false);
    expect(matches({ fact: "application.deviceId", op: "in", list: "empty" }, f, { empty: [] })).toBe(false);
    expect(matches({ fact: "device.maxAccounts", op: "in", list: "nums" }, f, { nums: [3, 4, 5] })).toBe(true);
  });

  it("booleans and strings", () => {
    expect(matches({ fact: "identity.underage", op: "eq", value: false }, f)).toBe(true);
    expect(matches({ fact: "identity.underage", op: "ne", value: false }, f)).toBe(false);
    expect(matches({ fact: "application.deviceId", op: "eq", value: "d-7" }, f)).toBe(true);
    expect(matches({ fact: "application.deviceId", op: "ne", value: "d-7" }, f)).toBe(false);
    expect(matches({ fact: "application.deviceId", op: "in", value: ["a", "d-7"] }, f)).toBe(true);
    expect(matches({ fact: "application.deviceId", op: "notIn", value: ["a"] }, f)).toBe(true);
  });

  it("a comparison on a missing fact is false for every operator; not() of it is true", () => {
    const empty = facts({});
    for (const [op, value] of [
      ["eq", 1],
      ["ne", 1],
      ["lt", 1],
      ["lte", 1],
      ["gt", 1],
      ["gte", 1],
      ["between", [0, 1]],
      ["in", [1]],
      ["notIn", [1]],
    ] as const) {
      expect(matches({ fact: "device.maxAccounts", op, value }, empty)).toBe(false);
      expect(matches({ not: { fact: "device.maxAccounts", op, value } }, empty)).toBe(true);
    }
    expect(matches({ fact: "application.deviceId", op: "ne", value: "x" }, empty)).toBe(false);
    expect(matches({ fact: "application.deviceId", op: "notIn", list: "l" }, empty, { l: ["x"] })).toBe(false);
  });

  it("all / any / not with 1, 2, 3 and many children", () => {
    const T = { fact: "device.maxAccounts", op: "eq", value: 5 };
    const F = { fact: "device.maxAccounts", op: "eq", value: 6 };
    for (const k of [1, 2, 3, 7]) {
      const allT = Array.from({ length: k }, () => T);
      expect(matches({ all: allT }, f)).toBe(true);
      expect(matches({ all: [...allT.slice(1), F] }, f)).toBe(false);
      expect(matches({ any: [...Array.from({ length: k - 1 }, () => F), T] }, f)).toBe(true);
      expect(matches({ any: Array.from({ length: k }, () => F) }, f)).toBe(false);
    }
    expect(matches({ not: F }, f)).toBe(true);
    expect(matches({ not: { not: T } }, f)).toBe(true);
  });
});

describe("compileRules: validation against the catalog", () => {
  it("rejects unknown facts and type mismatches with paths", () => {
    expect(
      issues({
        all: [
          { fact: "device.maxAccounts", op: "gt", value: 1 },
          { fact: "no.such", op: "eq", value: 1 },
        ],
      }),
    ).toEqual([{ code: "unknown_reference", path: "rules.0.when.all.1.fact" }]);
    expect(issues({ fact: "identity.underage", op: "lt", value: 1 })).toContainEqual({
      code: "invalid_value",
      path: "rules.0.when.op",
    });
    expect(issues({ fact: "identity.underage", op: "eq", value: 1 })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(issues({ fact: "application.deviceId", op: "gt", value: 1 })).toContainEqual({
      code: "invalid_value",
      path: "rules.0.when.op",
    });
    expect(issues({ fact: "application.deviceId", op: "eq", value: 3 })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(issues({ fact: "device.count", op: "eq", value: "3" })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(issues({ fact: "device.count", op: "in", value: ["1", "2"] })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value.0" },
      { code: "invalid_type", path: "rules.0.when.value.1" },
    ]);
    expect(issues({ fact: "device.count", op: "in", list: "ids" }, { ids: ["a"] })).toEqual([
      { code: "invalid_type", path: "rules.0.when.list" },
    ]);
    expect(issues({ fact: "velocity.device.apply.2h", op: "gt", value: 1 })).toEqual([
      { code: "unknown_reference", path: "rules.0.when.fact" },
    ]);
  });

  it("checks facts against the configuration it is compiled for", () => {
    const config = createFactConfig({
      windows: [{ label: "2h", ms: 7_200_000 }],
      customFacts: [{ name: "custom.score", type: "number" }],
    });
    const set = ruleSet([
      rule("r", {
        all: [
          { fact: "applicant.apply.2h", op: "gt", value: 1 },
          { fact: "custom.score", op: "gte", value: 3 },
        ],
      }),
    ]);
    expect(compileRules(set, { config }).ok).toBe(true);
    expect(compileRules(set).ok).toBe(false);
    const c = compileRulesOrThrow(set, { config });
    const f = createFacts(config);
    setFact(f, "applicant.apply.2h", 2);
    setFact(f, "custom.score", 3);
    expect(c.evaluate(f).hits.map((h) => h.ruleId)).toEqual(["r"]);
    expect(() => c.evaluate(createFacts(DEFAULT_FACT_CONFIG))).toThrow(RangeError);
    expect(() => c.evaluate(null as never)).toThrow(TypeError);
    expect(() => c.evaluate({} as never)).toThrow(RangeError);
  });

  it("compileRulesOrThrow throws ArtefactError; raw JSON is loaded first", () => {
    expect(() => compileRulesOrThrow(ruleSet([rule("r", { fact: "x", op: "eq", value: 1 })]))).toThrow(ArtefactError);
    expect(compileRules({ format: "riskcard.rules", version: 3 }).ok).toBe(false);
    expect(compileRulesOrThrow(ruleSet([rule("r", { fact: "device.count", op: "eq", value: 1 })])).nodeCount).toBe(1);
  });
});

describe("compileRules: precedence and score", () => {
  const when = (fact: string) => ({ fact, op: "eq", value: true });
  const set = (rules: unknown[], thresholds = {}) =>
    compileRulesOrThrow(ruleSet(rules, { thresholds, lists: { allow: ["app-1"] } }));
  const underage = rule("age", when("identity.underage"), {
    family: "compliance",
    action: "decline",
    score: 0,
    reasonCode: "CMP-AGE",
  });
  const allow = rule("allow", { fact: "applicant.id", op: "in", list: "allow" }, { action: "allow", score: 0 });
  const travel = rule("travel", when("travel.impossible"), { action: "decline", score: 50 });
  const idRev = rule("id", when("identity.idVerified"), { family: "compliance", action: "review", score: 0 });
  const weak1 = rule("w1", when("travel.impossible"), { action: "score", score: 30 });
  const weak2 = rule("w2", when("identity.phoneVerified"), { action: "score", score: 25 });
  const all = facts({
    "identity.underage": true,
    "applicant.id": "app-1",
    "travel.impossible": true,
    "identity.idVerified": true,
    "identity.phoneVerified": true,
  });
  const some = (v: Record<string, number | boolean | string>) => facts(v);

  it("compliance decline beats everything, and its hits carry the compliance family", () => {
    const r = set([allow, travel, underage]).evaluate(all);
    expect(r).toMatchObject({ action: "decline", decidedBy: "compliance", fraudAction: "allow", score: 50 });
    expect(r.hits.map((h) => [h.ruleId, h.family])).toEqual([
      ["allow", "fraud"],
      ["travel", "fraud"],
      ["age", "compliance"],
    ]);
  });

  it("allow cancels fraud declines and thresholds, but not compliance reviews", () => {
    expect(set([allow, travel]).evaluate(all)).toMatchObject({
      action: "allow",
      fraudAction: "allow",
      decidedBy: "fraud",
    });
    expect(set([allow, travel, idRev]).evaluate(all)).toMatchObject({ action: "review", decidedBy: "compliance" });
    expect(set([allow, weak1, weak2], { decline: 50 }).evaluate(all)).toMatchObject({ action: "allow", score: 55 });
  });

  it("fraud decline beats compliance review; score thresholds escalate weak signals", () => {
    expect(set([travel, idRev]).evaluate(all)).toMatchObject({ action: "decline", decidedBy: "fraud" });
    const th = { review: 30, decline: 55 };
    expect(set([weak1, weak2], th).evaluate(some({ "travel.impossible": true }))).toMatchObject({
      action: "review",
      score: 30,
    });
    expect(set([weak1, weak2], th).evaluate(some({ "identity.phoneVerified": true }))).toMatchObject({
      action: "none",
      score: 25,
    });
    expect(set([weak1, weak2], th).evaluate(all)).toMatchObject({ action: "decline", score: 55 });
    expect(set([weak1, weak2]).evaluate(all)).toMatchObject({ action: "none", decidedBy: "none", score: 55 });
  });

  it("no hits: action none, a shared empty hit list", () => {
    const c = set([travel]);
    const a = c.evaluate(facts({}));
    expect(a).toEqual({ action: "none", fraudAction: "none", decidedBy: "none", score: 0, hits: [] });
    expect(c.evaluate(facts({})).hits).toBe(a.hits);
  });

  it("hits are the same frozen objects on every call, with authored messages only", () => {
    const c = set([travel]);
    const h1 = c.evaluate(all).hits[0]!;
    expect(c.evaluate(all).hits[0]).toBe(h1);
    expect(Object.isFrozen(h1)).toBe(true);
    expect(h1).toEqual({
      ruleId: "travel",
      family: "fraud",
      action: "decline",
      reasonCode: "R1",
      message: "test rule",
      score: 50,
    });
  });
});

// Reference interpreter, written independently of the compiler, for the property test.
type Val = number | undefined;
function interpret(c: Condition, env: Record<string, Val>): boolean {
  if ("all" in c) return c.all.every((x) => interpret(x, env));
  if ("any" in c) return c.any.some((x) => interpret(x, env));
  if ("not" in c) return !interpret(c.not, env);
  const x = env[c.fact];
  if (x === undefined) return false;
  const v = (c as { value: unknown }).value;
  switch (c.op) {
    case "eq":
      return x === v;
    case "ne":
      return x !== v;
    case "lt":
      return x < (v as number);
    case "lte":
      return x <= (v as number);
    case "gt":
      return x > (v as number);
    case "gte":
      return x >= (v as number);
    case "between":
      return x >= (v as number[])[0]! && x <= (v as number[])[1]!;
    case "in":
      return (v as number[]).includes(x);
    default:
      return !(v as number[]).includes(x);
  }
}

describe("compileRules: property", () => {
  const FACTS = ["device.count", "device.maxAccounts", "applicant.apply.1h", "social.defaultedLinks"];
  const small = fc.integer({ min: 0, max: 4 });
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({
      fact: fc.constantFrom(...FACTS),
      op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte"),
      value: small,
    }),
    fc.record({
      fact: fc.constantFrom(...FACTS),
      op: fc.constant("between"),
      value: fc.tuple(small, small).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
    }),
    fc.record({
      fact: fc.constantFrom(...FACTS),
      op: fc.constantFrom("in", "notIn"),
      value: fc.array(small, { minLength: 1, maxLength: 12 }),
    }),
  ) as fc.Arbitrary<Condition>;
  const tree = fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("node"), { minLength: 1, maxLength: 5 }).map((all) => ({ all })),
      fc.array(tie("node"), { minLength: 1, maxLength: 5 }).map((any) => ({ any })),
      tie("node").map((not) => ({ not })),
    ),
  })).node;
  const env = fc.record(
    Object.fromEntries(FACTS.map((f) => [f, fc.option(small, { nil: undefined })])) as Record<
      string,
      fc.Arbitrary<Val>
    >,
  );

  it("the compiled closure agrees with a reference interpreter (missing facts included)", () => {
    fc.assert(
      fc.property(tree, env, (cond, values) => {
        const f = createFacts(DEFAULT_FACT_CONFIG);
        for (const [k, v] of Object.entries(values)) setFact(f, k, v);
        return matches(cond, f) === interpret(cond, values);
      }),
      { numRuns: 400 },
    );
  });
});

describe("compileRules: evaluations by matched set (cached up to 52 rules, built beyond)", () => {
  const FACTS = ["device.count", "device.maxAccounts", "applicant.apply.1h", "social.defaultedLinks"];
  const small = fc.integer({ min: 0, max: 4 });
  // compliance rules only decline or review and carry score 0 (the loader's rule)
  const oneRule = fc
    .record({
      fact: fc.constantFrom(...FACTS),
      op: fc.constantFrom("eq", "gte", "lte"),
      value: small,
      family: fc.constantFrom("fraud", "compliance"),
      action: fc.constantFrom("allow", "review", "decline", "score"),
      score: fc.integer({ min: 0, max: 60 }),
    })
    .map((r) =>
      r.family === "compliance" ? { ...r, action: r.action === "decline" ? "decline" : "review", score: 0 } : r,
    );
  const env = fc.record(
    Object.fromEntries(FACTS.map((f) => [f, fc.option(small, { nil: undefined })])) as Record<
      string,
      fc.Arbitrary<Val>
    >,
  );

  it("the outcome follows the documented precedence, rule by rule, for 1 to 60 rules; it is frozen and reused", () => {
    fc.assert(
      fc.property(
        fc.array(oneRule, { minLength: 1, maxLength: 60 }),
        fc.array(env, { minLength: 1, maxLength: 6 }),
        (rs, envs) => {
          const rules = rs.map((r, i) =>
            rule(
              `r${i}`,
              { fact: r.fact, op: r.op, value: r.value },
              { family: r.family, action: r.action, score: r.score },
            ),
          );
          const compiled = compileRulesOrThrow(ruleSet(rules, { thresholds: { review: 40, decline: 80 } }));
          for (const values of envs) {
            const f = createFacts(DEFAULT_FACT_CONFIG);
            for (const [k, v] of Object.entries(values)) setFact(f, k, v);
            // reference: which rules match, then the precedence of compileRules' doc comment
            const hit = rs.filter((r) => interpret({ fact: r.fact, op: r.op, value: r.value } as Condition, values));
            const fraud = hit.filter((r) => r.family === "fraud");
            const score = fraud.reduce((s, r) => s + r.score, 0);
            const has = (family: string, action: string) => hit.some((r) => r.family === family && r.action === action);
            const fraudAction = fraud.some((r) => r.action === "allow")
              ? "allow"
              : has("fraud", "decline") || score >= 80
                ? "decline"
                : has("fraud", "review") || score >= 40
                  ? "review"
                  : "none";
            const [action, decidedBy] = has("compliance", "decline")
              ? ["decline", "compliance"]
              : fraudAction === "decline"
                ? ["decline", "fraud"]
                : has("compliance", "review")
                  ? ["review", "compliance"]
                  : fraudAction === "none"
                    ? ["none", "none"]
                    : [fraudAction, "fraud"];
            const r = compiled.evaluate(f);
            expect(r).toEqual({
              action,
              fraudAction,
              decidedBy,
              score,
              hits: rs
                .map((x, i) => ({ x, i }))
                .filter(({ x }) => hit.includes(x))
                .map(({ x, i }) => ({
                  ruleId: `r${i}`,
                  family: x.family,
                  action: x.action,
                  reasonCode: "R1",
                  message: "test rule",
                  score: x.score,
                })),
            });
            expect(Object.isFrozen(r) && Object.isFrozen(r.hits)).toBe(true);
            const again = compiled.evaluate(f);
            expect(again).toEqual(r);
            if (rs.length <= 52) expect(again).toBe(r);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
