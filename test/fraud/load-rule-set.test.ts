import { describe, expect, it } from "vitest";
import { isLoadedRuleSet, loadRuleSet, loadRuleSetOrThrow } from "../../src/fraud/load-rule-set";
import { ArtefactError } from "../../src/schema/result";
import { rule, ruleSet } from "./helpers";
import { thrown } from "../thrown";

const ok = rule("r1", { fact: "device.maxAccounts", op: "gte", value: 5 });

function codes(input: unknown): { code: string; path: string }[] {
  const r = loadRuleSet(input);
  if (r.ok) throw new Error("expected failure");
  return r.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
}

function nest(depth: number): unknown {
  let c: unknown = { fact: "device.maxAccounts", op: "gte", value: 5 };
  for (let i = 1; i < depth; i++) c = { not: c };
  return c;
}

describe("loadRuleSet", () => {
  it("loads a valid rule set, fills defaults and deep-freezes it", () => {
    const r = loadRuleSet(ruleSet([ok]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rules[0]!.family).toBe("fraud");
    expect(r.value.lists).toEqual({});
    expect(r.value.thresholds).toEqual({});
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.rules[0]!.when)).toBe(true);
    expect(isLoadedRuleSet(r.value)).toBe(true);
    expect(isLoadedRuleSet(ruleSet([ok]))).toBe(false);
  });

  it("does not freeze or share the caller's objects", () => {
    const input = ruleSet([ok], { lists: { l: ["a"] } });
    const set = loadRuleSetOrThrow(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen((input.rules as { when: object }[])[0]!.when)).toBe(false);
    expect(set.lists.l).not.toBe((input.lists as { l: string[] }).l);
  });

  it("rejects other formats and versions", () => {
    expect(codes({ ...ruleSet([ok]), version: 2 })).toEqual([{ code: "unsupported_version", path: "version" }]);
    expect(codes({ ...ruleSet([ok]), format: "other" })).toEqual([{ code: "unsupported_version", path: "format" }]);
  });

  it("rejects non-objects and missing fields", () => {
    expect(loadRuleSet(null).ok).toBe(false);
    expect(loadRuleSet("rules").ok).toBe(false);
    expect(codes({ format: "riskcard.rules", version: 1 }).map((i) => i.code)).toContain("missing");
  });

  it("rejects prototype-polluting keys anywhere", () => {
    const input = JSON.parse(
      '{"format":"riskcard.rules","version":1,"name":"t","revision":"1","lists":{"__proto__":["a"]},"rules":[]}',
    );
    expect(codes(input)).toEqual([{ code: "forbidden_key", path: "lists.__proto__" }]);
    const inWhen = ruleSet([rule("r", JSON.parse('{"fact":"device.count","op":"eq","value":1,"constructor":1}'))]);
    expect(codes(inWhen)).toEqual([{ code: "forbidden_key", path: "rules.0.when.constructor" }]);
  });

  it("rejects unknown keys in rules and conditions", () => {
    expect(codes(ruleSet([{ ...ok, extra: 1 }]))).toEqual([{ code: "unrecognized_key", path: "rules.0.extra" }]);
    expect(codes(ruleSet([rule("r", { fact: "device.count", op: "eq", value: 1, weight: 2 })]))).toEqual([
      { code: "unrecognized_key", path: "rules.0.when.weight" },
    ]);
    expect(codes(ruleSet([rule("r", { all: [ok.when], any: [ok.when] })]))).toEqual([
      { code: "unrecognized_key", path: "rules.0.when.any" },
    ]);
  });

  it("rejects unknown operators, missing fields and bad value shapes with paths", () => {
    const bad = (when: unknown) => codes(ruleSet([rule("r", when)]));
    expect(bad({ fact: "device.count", op: "matches", value: 1 })).toEqual([
      { code: "invalid_enum", path: "rules.0.when.op" },
    ]);
    expect(bad({ fact: "device.count", value: 1 })).toEqual([{ code: "missing", path: "rules.0.when.op" }]);
    expect(bad({ op: "eq", value: 1 })).toEqual([{ code: "missing", path: "rules.0.when.fact" }]);
    expect(bad({ fact: "device.count", op: "eq" })).toEqual([{ code: "missing", path: "rules.0.when.value" }]);
    expect(bad({ fact: "device.count", op: "in", value: [1], list: "l" })).toEqual([
      { code: "inconsistent", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "eq", list: "l" })).toEqual([
      { code: "inconsistent", path: "rules.0.when.list" },
    ]);
    expect(bad({ fact: "device.count", op: "in", list: "nope" })).toEqual([
      { code: "unknown_reference", path: "rules.0.when.list" },
    ]);
    expect(bad({ fact: "device.count", op: "in", value: [] })).toEqual([
      { code: "too_small", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "in", value: 3 })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "in", value: [1, "a"] })).toEqual([
      { code: "inconsistent", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "in", value: Array.from({ length: 10_001 }, (_, i) => i) })).toEqual([
      { code: "too_big", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "between", value: [5, 1] })).toEqual([
      { code: "inconsistent", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "between", value: [1] })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "between", value: [1, "9"] })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value.1" },
    ]);
    expect(bad({ fact: "device.count", op: "gt", value: "9" })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "eq", value: { a: 1 } })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "eq", value: Number.POSITIVE_INFINITY })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ fact: "device.count", op: "eq", value: "x".repeat(257) })).toEqual([
      { code: "invalid_type", path: "rules.0.when.value" },
    ]);
    expect(bad({ all: [] })).toEqual([{ code: "too_small", path: "rules.0.when.all" }]);
    expect(bad({ any: "x" })).toEqual([{ code: "invalid_type", path: "rules.0.when.any" }]);
    expect(bad([ok.when])).toEqual([{ code: "invalid_type", path: "rules.0.when" }]);
    expect(bad({ not: { all: [ok.when, 3] } })).toEqual([{ code: "invalid_type", path: "rules.0.when.not.all.1" }]);
  });

  it("accepts depth 32 and rejects depth 33 with the path of the deepest node", () => {
    expect(loadRuleSet(ruleSet([rule("r", nest(32))])).ok).toBe(true);
    const issues = codes(ruleSet([rule("r", nest(33))]));
    expect(issues).toEqual([{ code: "too_complex", path: `rules.0.when${".not".repeat(32)}` }]);
  });

  it("the depth limit is the condition depth, also through all/any arrays", () => {
    const chain = (d: number) => {
      let c: unknown = { fact: "device.count", op: "between", value: [1, 2] };
      for (let i = 1; i < d; i++) c = i % 2 ? { all: [c] } : { any: [c] };
      return c;
    };
    expect(loadRuleSet(ruleSet([rule("r", chain(32))])).ok).toBe(true);
    expect(codes(ruleSet([rule("r", chain(33))]))[0]!.code).toBe("too_complex");
  });

  it("accepts 10,000 condition nodes and rejects 10,001", () => {
    const leaf = { fact: "device.count", op: "eq", value: 1 };
    const ok10k = ruleSet([rule("r", { any: Array.from({ length: 9_999 }, () => leaf) })]);
    expect(loadRuleSet(ok10k).ok).toBe(true);
    const over = ruleSet([rule("a", { any: Array.from({ length: 9_999 }, () => leaf) }), rule("b", leaf)]);
    expect(codes(over)).toEqual([{ code: "too_complex", path: "rules.1.when" }]);
  });

  it("rejects deeply nested JSON before any recursion and oversized input", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes(ruleSet([rule("r", deep)]))[0]!.code).toBe("too_complex");
    const huge = ruleSet([ok], { lists: { big: Array.from({ length: 2_000_001 }, (_, i) => `d${i}`) } });
    expect(codes(huge)).toEqual([{ code: "too_big", path: "" }]);
  });

  it("rejects duplicate ids, compliance rules that allow or score, and crossed thresholds", () => {
    expect(codes(ruleSet([ok, ok]))).toEqual([{ code: "inconsistent", path: "rules.1.id" }]);
    expect(codes(ruleSet([{ ...ok, family: "compliance", action: "allow", score: 0 }]))).toEqual([
      { code: "inconsistent", path: "rules.0.action" },
    ]);
    expect(codes(ruleSet([{ ...ok, family: "compliance", action: "decline", score: 5 }]))).toEqual([
      { code: "inconsistent", path: "rules.0.score" },
    ]);
    expect(codes(ruleSet([ok], { thresholds: { review: 50, decline: 40 } }))).toEqual([
      { code: "inconsistent", path: "thresholds.review" },
    ]);
    expect(codes(ruleSet([ok], { lists: { l: ["a", 1] } }))).toEqual([{ code: "inconsistent", path: "lists.l" }]);
    expect(codes(ruleSet([]))).toEqual([{ code: "too_small", path: "rules" }]);
  });

  it("rejects bad ids, reason codes and actions", () => {
    expect(codes(ruleSet([{ ...ok, id: "has space" }]))).toEqual([{ code: "invalid_format", path: "rules.0.id" }]);
    expect(codes(ruleSet([{ ...ok, reasonCode: "lower" }]))).toEqual([
      { code: "invalid_format", path: "rules.0.reasonCode" },
    ]);
    expect(codes(ruleSet([{ ...ok, action: "block" }]))).toEqual([{ code: "invalid_enum", path: "rules.0.action" }]);
    expect(codes(ruleSet([{ ...ok, score: -1 }]))).toEqual([{ code: "too_small", path: "rules.0.score" }]);
  });

  it("never echoes input values in issues", () => {
    const secret = "SECRET-110101199001011234";
    const r = loadRuleSet(
      ruleSet([rule(secret, { fact: secret, op: secret, value: { [secret]: 1 } }, { reasonCode: secret })]),
    );
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain("1101011990");
  });

  it("loadRuleSetOrThrow throws ArtefactError with the same issues", () => {
    expect(() => loadRuleSetOrThrow({})).toThrow(ArtefactError);
    const e = thrown(() => loadRuleSetOrThrow({ ...ruleSet([ok]), version: 9 }), ArtefactError);
    expect(e.issues[0]!.code).toBe("unsupported_version");
    expect(e.message).toContain("invalid rule set");
  });
});
