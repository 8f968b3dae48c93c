/**
 * createExperiment: champion decisions byte-identical to a plain engine's (ignoring `experiment`),
 * live challengers deciding exactly the ids the documented hash gives them, shadow arms reporting
 * what their plain engine decides without changing the outcome, challengers that fail validation
 * refused at creation, and the replay of a decision made by a challenger arm. SYNTHETIC fixtures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHAMPION, createExperiment, safeCreateExperiment, toDecisionRecord } from "../../src/decision";
import { createEngine } from "../../src/decision/engine";
import type { Decision } from "../../src/decision/types";
import { ConfigError, RiskcardError } from "../../src/schema/result";
import { armAt, assignmentPoint } from "../../src/strategy";
import { thrown } from "../thrown";
import { POPULATION_AS_OF as asOf, adult, population } from "./helpers";

const root = join(import.meta.dirname, "..", "..");
const policyJson = JSON.parse(readFileSync(join(root, "models/policy.json"), "utf8"));
const SALT = "riskcard-experiment-test";
const STRICT = { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] as [number, number, number, number] };
const config = {
  champion: {},
  challengers: [
    { id: "expert", config: { card: "expert" as const }, share: 0.2, mode: "live" as const },
    { id: "strict", config: STRICT, mode: "shadow" as const },
    { id: "segmented", config: { strategy: "default" }, mode: "shadow" as const },
  ],
  salt: SALT,
};
const withoutExperiment = (d: Decision): string => {
  const { experiment: _e, ...rest } = d;
  return JSON.stringify(rest);
};

describe("champion/challenger on the 1,040 fixture applicants", () => {
  const x = createExperiment(config);
  const plain = { champion: createEngine(), expert: createEngine({ card: "expert" }) };
  const shadows = { strict: createEngine(STRICT), segmented: createEngine({ strategy: "default" }) };

  it("each arm's decisions are byte-identical to its plain engine's (ignoring experiment); the arm is the documented hash's", () => {
    const differing: number[] = [];
    const n: Record<string, number> = { champion: 0, expert: 0 };
    population().forEach((a, i) => {
      const d = x.decide(a, { asOf });
      // the assignment by hand from its definition: the point under 0.2 -> the live challenger
      const arm = assignmentPoint(SALT, a.id) < 0.2 ? "expert" : CHAMPION;
      expect(d.experiment!.arm).toBe(arm);
      n[arm]!++;
      if (withoutExperiment(d) !== JSON.stringify(plain[arm as "champion" | "expert"].decide(a, { asOf })))
        differing.push(i);
    });
    expect(differing).toEqual([]);
    expect(n.expert).toBeGreaterThan(150);
    expect(n.champion).toBeGreaterThan(700);
  });

  it("shadow arms report their plain engine's outcome, score, band and limit, in declared order", () => {
    for (const a of population().slice(0, 200)) {
      const d = x.decide(a, { asOf });
      const want = (["strict", "segmented"] as const).map((arm) => {
        const s = shadows[arm].decide(a, { asOf });
        return { arm, outcome: s.outcome, score: s.score, band: s.band, limitFen: s.offer?.limitFen ?? null };
      });
      expect(d.experiment!.shadow).toEqual(want);
      expect(Object.isFrozen(d.experiment) && Object.isFrozen(d.experiment!.shadow)).toBe(true);
    }
  });

  it("an experiment without challengers decides as its champion", () => {
    const only = createExperiment({ champion: STRICT, challengers: [], salt: SALT });
    const a = population()[3];
    const d = only.decide(a, { asOf });
    expect(d.experiment).toEqual({ arm: CHAMPION, shadow: [] });
    expect(withoutExperiment(d)).toBe(JSON.stringify(shadows.strict.decide(a, { asOf })));
  });
});

describe("configurations refused when the experiment is created", () => {
  const issuesOf = (c: unknown) => {
    const r = safeCreateExperiment(c as never);
    expect(thrown(() => createExperiment(c as never), ConfigError).issues).toEqual(r.ok ? [] : r.issues);
    return r.ok ? [] : r.issues.map((i) => [i.code, i.path]);
  };

  it("a challenger whose policy prices over the 24% cap is refused, the issue under its path", () => {
    const over = { ...policyJson, pricing: { ...policyJson.pricing, cap: { ...policyJson.pricing.cap, rate: 0.36 } } };
    expect(
      issuesOf({ ...config, challengers: [{ id: "pricey", config: { policy: over }, share: 0.1, mode: "live" }] }),
    ).toEqual([["too_big", ["challengers", 0, "config", "policy", "pricing", "cap", "rate"]]]);
    expect(issuesOf({ ...config, champion: { reviewPd: 0.5, declinePd: 0.3 } })).toEqual([
      ["inconsistent", ["champion", "reviewPd"]],
    ]);
  });

  it("shares, modes, ids and the salt are checked", () => {
    const arm = (o: object) => ({ id: "a", config: {}, mode: "live", share: 0.1, ...o });
    expect(issuesOf({ ...config, challengers: [arm({ share: undefined })] })).toEqual([
      ["missing", ["challengers", 0, "share"]],
    ]);
    expect(issuesOf({ ...config, challengers: [arm({ mode: "shadow" })] })).toEqual([
      ["inconsistent", ["challengers", 0, "share"]],
    ]);
    expect(issuesOf({ ...config, challengers: [arm({ share: 0.6 }), arm({ id: "b", share: 0.6 })] })).toEqual([
      ["too_big", ["challengers"]],
    ]);
    expect(issuesOf({ ...config, challengers: [arm({}), arm({})] })).toEqual([
      ["inconsistent", ["challengers", 1, "id"]],
    ]);
    expect(issuesOf({ ...config, challengers: [arm({ id: "champion" })] })).toEqual([
      ["inconsistent", ["challengers", 0, "id"]],
    ]);
    expect(issuesOf({ ...config, salt: "short" })).toEqual([["too_small", ["salt"]]]);
    expect(issuesOf({ ...config, challengers: [arm({ share: 0 })] })).toEqual([
      ["too_small", ["challengers", 0, "share"]],
    ]);
    expect(issuesOf({ ...config, extra: 1 })).toEqual([["unrecognized_key", ["extra"]]]);
    expect(issuesOf(null)).toEqual([["invalid_type", []]]);
  });
});

describe("replay of an experiment's decisions", () => {
  const live = createExperiment({ ...config, challengers: [config.challengers[0]!] });

  it("replays a decision made by the live challenger from its record, identically", () => {
    const decided = population()
      .slice(0, 100)
      .map((a) => live.decide(a, { asOf, trace: true }));
    const byChallenger = decided.filter((d) => d.experiment!.arm === "expert");
    expect(byChallenger.length).toBeGreaterThan(5);
    for (const d of decided) {
      const r = live.replay(JSON.parse(toDecisionRecord(d)));
      expect([r.identical, r.mismatches.fields]).toEqual([true, []]);
      expect(r.decision.experiment!.arm).toBe(d.experiment!.arm);
    }
  });

  it("says when the id would now go to another arm (another salt)", () => {
    const resalted = createExperiment({ ...config, challengers: [config.challengers[0]!], salt: "another-salt-value" });
    const moved = population()
      .slice(0, 200)
      .find((a) => assignmentPoint(SALT, a.id) < 0.2 !== assignmentPoint("another-salt-value", a.id) < 0.2)!;
    const d = live.decide(moved, { asOf, trace: true });
    const r = resalted.replay(JSON.parse(toDecisionRecord(d)));
    expect(r.identical).toBe(false);
    expect(r.mismatches.fields).toEqual(["experiment.arm"]);
    // the arm under each salt, from the documented hash: a point below 0.2 is the live "expert" arm
    const arm = (salt: string) => (assignmentPoint(salt, moved.id) < 0.2 ? "expert" : CHAMPION);
    expect(r.mismatches.route).toEqual([{ step: "arm", recorded: arm(SALT), current: arm("another-salt-value") }]);
    // and no route mismatch when the arm holds
    expect(live.replay(JSON.parse(toDecisionRecord(d))).mismatches.route).toBeUndefined();
  });

  it("refuses a record without a deciding arm of this experiment", () => {
    const d = createEngine().decide(adult(), { asOf, trace: true });
    expect(thrown(() => live.replay(d), RiskcardError).issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["decision", "experiment", "arm"]],
    ]);
  });
});

describe("bad input", () => {
  it("gives the champion's issues for a bad applicant or bad options; decide throws them", () => {
    const x = createExperiment(config);
    const plain = createEngine();
    for (const [a, o] of [
      [{ id: "x" }, { asOf }],
      [adult(), { asOf: -1 }],
      [adult(), null],
    ] as [unknown, unknown][]) {
      expect(x.safeDecide(a, o as never)).toEqual(plain.safeDecide(a, o as never));
      expect(thrown(() => x.decide(a, o as never), RiskcardError).message).toBe(
        thrown(() => plain.decide(a, o as never), RiskcardError).message,
      );
    }
  });

  it("armOf matches armAt over the live shares", () => {
    const x = createExperiment(config);
    for (let i = 0; i < 500; i++) {
      const id = `id-${i}`;
      expect(x.armOf(id)).toBe(armAt(assignmentPoint(SALT, id), [0.2]) === 0 ? "expert" : CHAMPION);
    }
  });
});

describe("the README's example (its figures must not drift from the code)", () => {
  it("a thin-file strategy as champion, a 10% live challenger and a shadow arm, salt lender-secret-salt-2026", () => {
    const strategy = {
      format: "riskcard.strategy",
      version: 1,
      name: "thin file first",
      engines: { expert: { card: "expert", declinePd: 0.25 }, statistical: {} },
      segments: [
        { id: "thin-file", when: { bureauFile: false }, engine: "expert" },
        { id: "full-file", when: { bureauFile: true }, engine: "statistical" },
      ],
    };
    const x = createExperiment({
      champion: { strategy },
      challengers: [
        { id: "strict-2027", config: STRICT, share: 0.1, mode: "live" },
        { id: "expert-all", config: { card: "expert" }, mode: "shadow" },
      ],
      salt: "lender-secret-salt-2026",
    });
    const n: Record<string, Record<string, number>> = {};
    for (const a of population()) {
      const d = x.decide(a, { asOf });
      n[d.experiment!.arm] ??= { approve: 0, review: 0, decline: 0 };
      n[d.experiment!.arm]![d.outcome]!++;
    }
    expect(n).toEqual({
      champion: { approve: 570, review: 238, decline: 123 },
      "strict-2027": { approve: 90, review: 6, decline: 13 },
    });
    const d = x.decide(
      population().find((a) => a.id === "syn-00009"),
      { asOf, trace: true },
    );
    expect(d.experiment).toEqual({
      arm: "strict-2027",
      shadow: [{ arm: "expert-all", outcome: "approve", score: 750.13, band: "C", limitFen: 100000 }],
    });
    expect(x.replay(JSON.parse(toDecisionRecord(d))).identical).toBe(true);
  });
});
