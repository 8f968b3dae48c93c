import { describe, expect, it } from "vitest";
import { ArtefactError } from "../../src/schema/result";
import { loadExpertCard, loadScorecard, loadScorecardOrThrow, scorecardToJSON, scoreRecord } from "../../src/scorecard";
import { pmmlSample } from "./pmml-sample";

type J = Record<string, any>;
const sample = (): J => JSON.parse(JSON.stringify(pmmlSample()));
const issuesOf = (json: unknown) => {
  const r = loadScorecard(json);
  if (r.ok) throw new Error("expected a failure");
  return r.issues;
};

describe("loadScorecard", () => {
  it("loads, deep-freezes and round-trips byte-identically", () => {
    const card = loadScorecardOrThrow(sample());
    expect(Object.isFrozen(card)).toBe(true);
    expect(Object.isFrozen(card.characteristics[1]!.attributes[2])).toBe(true);
    expect(Object.isFrozen(card.artefact)).toBe(true);
    expect(() => {
      (card.characteristics[0] as J).reasonCode = "X";
    }).toThrow(TypeError);
    const text = scorecardToJSON(card);
    expect(scorecardToJSON(loadScorecardOrThrow(text))).toBe(text);
    // Key order of the input does not matter: the output is canonical.
    const shuffled = Object.fromEntries(Object.entries(sample()).reverse());
    expect(scorecardToJSON(loadScorecardOrThrow(shuffled))).toBe(text);
  });

  it("does not freeze or keep the caller's object", () => {
    const input = sample();
    loadScorecardOrThrow(input);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it("rejects unknown formats and versions", () => {
    expect(issuesOf({ ...sample(), version: 3 })[0]).toMatchObject({ code: "unsupported_version", path: ["version"] });
    expect(issuesOf({ ...sample(), format: "riskcard.rules" })[0]).toMatchObject({
      code: "unsupported_version",
      path: ["format"],
    });
    const { format: _f, ...noFormat } = sample();
    expect(issuesOf(noFormat)[0]).toMatchObject({ code: "missing", path: ["format"] });
    // An expert loader refuses a points card.
    const r = loadExpertCard(sample());
    expect(!r.ok && r.issues[0]!.code).toBe("unsupported_version");
  });

  it("rejects __proto__, constructor and prototype keys anywhere", () => {
    const text = JSON.stringify(sample()).replace('"name":"ageScore"', '"__proto__":{"x":1},"name":"ageScore"');
    expect(issuesOf(text)[0]).toMatchObject({ code: "forbidden_key", path: ["characteristics", 1, "__proto__"] });
    expect(issuesOf(JSON.parse(text))[0]!.code).toBe("forbidden_key");
    const c = sample();
    c.characteristics[0].constructor = 1;
    expect(issuesOf(c)[0]!.code).toBe("forbidden_key");
    const p = sample();
    p.training = { data: "x", date: "2024-01-01", metrics: { prototype: 1 } };
    expect(issuesOf(p)[0]!.code).toBe("forbidden_key");
  });

  it("rejects malformed input with paths and closed codes", () => {
    expect(issuesOf(null)[0]!.code).toBe("invalid_type");
    expect(issuesOf([1, 2])[0]!.code).toBe("invalid_type");
    expect(issuesOf("{not json")[0]!.code).toBe("invalid_format");
    expect(issuesOf({ ...sample(), extra: 1 })[0]).toMatchObject({ code: "unrecognized_key", path: ["extra"] });
    expect(issuesOf({ ...sample(), basePoints: "0" })[0]).toMatchObject({ code: "invalid_type", path: ["basePoints"] });
    expect(issuesOf({ ...sample(), basePoints: Infinity })[0]).toMatchObject({
      code: "not_finite",
      path: ["basePoints"],
    });
    expect(issuesOf({ ...sample(), rounding: "up" })[0]).toMatchObject({ code: "invalid_enum", path: ["rounding"] });
    expect(issuesOf({ ...sample(), characteristics: [] })[0]).toMatchObject({
      code: "too_small",
      path: ["characteristics"],
    });
    const { name: _n, ...noName } = sample();
    expect(issuesOf(noName)[0]).toMatchObject({ code: "missing", path: ["name"] });
    expect(issuesOf({ ...sample(), base: "spread", basePoints: 3 })[0]).toMatchObject({
      code: "inconsistent",
      path: ["basePoints"],
    });
  });

  it("enforces the attribute rules", () => {
    const overlap = sample();
    overlap.characteristics[1].attributes[2].lower = 10;
    expect(issuesOf(overlap)[0]).toMatchObject({ code: "inconsistent", path: ["characteristics", 1, "attributes", 2] });
    const inverted = sample();
    inverted.characteristics[1].attributes[3].upper = 20;
    expect(issuesOf(inverted).some((i) => i.code === "inconsistent")).toBe(true);
    const unknownCat = sample();
    unknownCat.characteristics[0].attributes[1].categories = ["sales"];
    expect(issuesOf(unknownCat)[0]).toMatchObject({
      code: "unknown_reference",
      path: ["characteristics", 0, "attributes", 1, "categories", 0],
    });
    const twice = sample();
    twice.characteristics[0].attributes[2].categories = ["marketing"];
    expect(issuesOf(twice)[0]!.code).toBe("inconsistent");
    const twoMissing = sample();
    twoMissing.characteristics[2].attributes.push({ kind: "missing", points: 1 });
    expect(issuesOf(twoMissing)[0]!.code).toBe("inconsistent");
    const dupName = sample();
    dupName.characteristics[2].name = "ageScore";
    expect(issuesOf(dupName)[0]).toMatchObject({ code: "inconsistent", path: ["characteristics", 2, "name"] });
    const noFallback = sample();
    delete noFallback.characteristics[0].fallback;
    expect(issuesOf(noFallback)[0]).toMatchObject({ code: "missing", path: ["characteristics", 0, "fallback"] });
    const badKind = sample();
    badKind.characteristics[1].attributes[1].kind = "range";
    expect(issuesOf(badKind)[0]!.path).toEqual(["characteristics", 1, "attributes", 1, "kind"]);
  });

  it("rejects deep nesting and oversized input", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep }; // deeper than MAX_JSON_DEPTH (72)
    expect(issuesOf({ ...sample(), description: deep })[0]!.code).toBe("too_complex");
    const huge = sample();
    huge.characteristics[1].attributes[0].reasonCode = "x".repeat(5000);
    expect(issuesOf(huge)[0]!.code).toBe("too_big");
    expect(issuesOf({ ...sample(), reasons: new Array(300_000).fill(0) })[0]!.code).toBe("too_big");
  });

  it("never echoes input values in messages", () => {
    const secret = "ZHANG-SAN-110101199003077777";
    const bad = sample();
    bad.basePoints = secret;
    bad.rounding = secret;
    bad[secret] = 1;
    bad.characteristics[0].type = secret;
    const r = loadScorecard(bad);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain("ZHANG");
    try {
      loadScorecardOrThrow(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArtefactError);
      expect((e as ArtefactError).issues.length).toBeGreaterThan(0);
      expect((e as Error).message).not.toContain("ZHANG");
    }
  });
});

describe("version 2 artefacts", () => {
  const rules = (extra: Record<string, unknown> = {}) => ({
    format: "riskcard.scorecard",
    version: 2,
    name: "v2",
    scaling: null,
    rounding: "none",
    base: "separate",
    basePoints: 0,
    characteristics: [
      {
        name: "r",
        feature: "a",
        type: "rules",
        reasonCode: "R",
        inputs: [{ feature: "a" }, { feature: "k", levels: ["x", "y"] }],
        attributes: [
          {
            kind: "rule",
            when: {
              op: "and",
              args: [
                { op: "gt", feature: "a", value: 1 },
                { op: "eq", feature: "k", value: "x" },
              ],
            },
            points: 5,
          },
          { kind: "rule", when: { op: "true" }, points: 1 },
        ],
        fallback: { points: 0 },
      },
    ],
    ...extra,
  });

  it("loads a rules characteristic and scores it", () => {
    const card = loadScorecardOrThrow(rules());
    expect(scoreRecord(card, { a: 2, k: "x" }).score).toBe(5);
    expect(scoreRecord(card, { a: 2, k: "y" }).score).toBe(1);
    expect(scoreRecord(card, { a: null, k: "x" }).score).toBe(1);
  });

  it("rejects rules in version 1, unknown inputs, categorical ordering and mixed encodings", () => {
    expect(issuesOf({ ...rules(), version: 1 })[0]).toMatchObject({ code: "unsupported_version" });
    const bad = rules();
    const ch = (bad.characteristics as Record<string, unknown>[])[0]!;
    (ch.attributes as Record<string, unknown>[])[0]!.when = { op: "lt", feature: "k", value: "x" };
    expect(issuesOf(bad)[0]).toMatchObject({
      code: "invalid_value",
      path: ["characteristics", 0, "attributes", 0, "when", "op"],
    });
    (ch.attributes as Record<string, unknown>[])[0]!.when = { op: "eq", feature: "zz", value: 1 };
    expect(issuesOf(bad)[0]).toMatchObject({ code: "unknown_reference" });
    const mixed = rules();
    (mixed.characteristics as unknown[]).push({
      name: "n",
      feature: "k",
      type: "numeric",
      reasonCode: "N",
      attributes: [{ kind: "interval", lower: null, upper: null, points: 1 }],
      fallback: { points: 0 },
    });
    expect(issuesOf(mixed)[0]).toMatchObject({ code: "inconsistent", path: ["characteristics", 1, "feature"] });
  });
});
