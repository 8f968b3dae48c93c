import fc from "fast-check";
import { describe, expect, it } from "vitest";
import expertCard from "../../models/expert-card.json";
import defaultPolicy from "../../models/policy.json";
import { ConfigError, type EngineConfig, RiskcardError, createEngine } from "../../src/index";
import type { Applicant } from "../../src/schema/applicant";
import { POPULATION_AS_OF, adult, clone, nonFinitePaths, population } from "./helpers";

const asOf = POPULATION_AS_OF;
const engine = createEngine();

describe("createEngine", () => {
  it("rejects expert weights that do not sum to 100% and states the sum (the seed's 50/30/20/10 = 110%)", () => {
    const card = clone(expertCard) as { categories: { weight: number }[] };
    [50, 30, 20, 10].forEach((w, i) => {
      card.categories[i]!.weight = w;
    });
    expect(() => createEngine({ card: "expert", expertCard: card })).toThrow(ConfigError);
    expect(() => createEngine({ card: "expert", expertCard: card })).toThrow(/110/);
  });

  it("rejects unknown config keys, bad PD cutoffs and malformed artefacts with ConfigError", () => {
    expect(() => createEngine({ cutof: 1 } as unknown as EngineConfig)).toThrow(ConfigError);
    expect(() => createEngine({ reviewPd: 0.3, declinePd: 0.2 })).toThrow(ConfigError);
    expect(() => createEngine({ bandPdBounds: [0.1, 0.05, 0.2, 0.3] })).toThrow(ConfigError);
    expect(() => createEngine({ rules: { format: "riskcard.rules", version: 99 } })).toThrow(ConfigError);
    expect(() => createEngine({ policy: { format: "riskcard.policy", version: 1 } })).toThrow(ConfigError);
  });

  it("rejects a configuration in which a band can never be offered, naming the band (issue 16)", () => {
    // The bounds used before issue 16: band E started at 20%, exactly the default decline cutoff.
    const names = (config: object) => {
      try {
        createEngine(config);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      }
    };
    expect(names({ bandPdBounds: [0.02, 0.05, 0.1, 0.2] })).toEqual([
      "bandPdBounds.3: band E can never be offered: its lower PD bound is at or above declinePd",
    ]);
    expect(names({ declinePd: 0.1, reviewPd: 0.05 })).toEqual([
      "bandPdBounds.2: band D can never be offered: its lower PD bound is at or above declinePd",
      "bandPdBounds.3: band E can never be offered: its lower PD bound is at or above declinePd",
    ]);
    const policy = clone(defaultPolicy) as { pricing: { maxPd: number } };
    policy.pricing.maxPd = 0.12;
    expect(names({ policy })).toEqual([
      "bandPdBounds.3: band E can never be offered: its lower PD bound is above the policy's pricing.maxPd",
    ]);
    expect(names({})).toEqual([]);
    expect(names({ bandPdBounds: [0.02, 0.05, 0.1, 0.2], declinePd: 0.25 })).toEqual([]);
  });

  it("scores with the shipped statistical card by default and the expert card when configured", () => {
    expect(engine.card.kind).toBe("points");
    const expert = createEngine({ card: "expert" });
    expect(expert.card.kind).toBe("expert");
    const d = expert.decide(adult(), { asOf });
    expect(d.score).toBeGreaterThanOrEqual(350);
    expect(d.score).toBeLessThanOrEqual(950);
    expect(d.versions.scorecard).toMatch(/expert/);
  });

  it("reports the versions of everything it uses, with content digests", () => {
    expect(engine.versions.engine).toBe("riskcard-engine@1");
    for (const k of ["scorecard", "rules", "policy"] as const) expect(engine.versions[k]).toMatch(/#[0-9a-f]{8}$/);
  });
});

describe("decide: the request honoured", () => {
  it("a request for 1,000 CNY over 3 months gets at most 1,000 CNY over 3 months (issue 16)", () => {
    const a = adult();
    a.application = { ...a.application!, requestedAmountFen: 100_000, requestedTermMonths: 3 };
    const d = engine.decide(a, { asOf });
    expect(d.outcome).toBe("approve");
    expect(d.offer!.limitFen).toBeLessThanOrEqual(100_000);
    expect(d.offer!.termMonths).toBe(3);
    // The same applicant asking nothing gets the band's limit over 12 months.
    const b = adult();
    delete b.application!.requestedAmountFen;
    delete b.application!.requestedTermMonths;
    const plain = engine.decide(b, { asOf });
    expect(plain.offer!.termMonths).toBe(12);
    expect(plain.offer!.limitFen).toBeGreaterThan(100_000);
  });

  it("never offers more than asked over the synthetic population", () => {
    for (const a of population()) {
      const d = engine.decide(a, { asOf });
      const asked = a.application?.requestedAmountFen;
      if (d.offer !== null && asked !== undefined) expect(d.offer.limitFen).toBeLessThanOrEqual(asked);
      const term = a.application?.requestedTermMonths;
      if (d.offer !== null && term !== undefined && [3, 6, 12].includes(term)) expect(d.offer.termMonths).toBe(term);
    }
  });
});

describe("decide: compliance guards", () => {
  it("approves a clean adult with a capped offer", () => {
    const d = engine.decide(adult(), { asOf });
    expect(d.guards.every((g) => g.passed)).toBe(true);
    expect(d.outcome).toBe("approve");
    expect(d.offer).not.toBeNull();
    expect(d.offer!.aprNominal).toBeLessThanOrEqual(0.24);
  });

  it("declines a minor with the age guard as the first reason", () => {
    const a = adult();
    a.identity.birthDate = "2009-01-01"; // 17 on 2026-06-30
    const d = engine.decide(a, { asOf });
    expect(d.outcome).toBe("decline");
    expect(d.reasons[0]).toMatchObject({ code: "guard.age_18_or_over", source: "guard" });
    expect(d.offer).toBeNull();
  });

  it("judges age at asOf: 18 on the birthday, 17 the day before", () => {
    const a = adult();
    a.identity.birthDate = "2008-06-30";
    expect(engine.decide(a, { asOf }).guards[0]!.passed).toBe(true);
    a.identity.birthDate = "2008-07-01";
    expect(engine.decide(a, { asOf }).guards[0]!.passed).toBe(false);
  });

  it("uses the local (UTC+8) calendar date: 16:00 UTC on 29 June is already 30 June in Beijing", () => {
    const a = adult();
    a.identity.birthDate = "2008-06-30";
    a.consent = { creditBureauQuery: true };
    const beijingMidnight = Date.UTC(2026, 5, 29, 16);
    const adultAt = (at: number): boolean => engine.decide(a, { asOf: at }).guards[0]!.passed;
    expect(adultAt(beijingMidnight)).toBe(true);
    expect(adultAt(beijingMidnight - 1)).toBe(false);
  });

  it("declines without consent, and when consent is dated after asOf", () => {
    const a = adult();
    a.consent = { creditBureauQuery: false };
    expect(engine.decide(a, { asOf }).reasons[0]!.code).toBe("guard.consent_given");
    const b = adult();
    b.consent = { creditBureauQuery: true, givenAt: asOf + 1 };
    expect(engine.decide(b, { asOf }).outcome).toBe("decline");
  });

  it("declines when the real name is not verified", () => {
    const a = adult();
    a.identity.realNameVerified = false;
    const d = engine.decide(a, { asOf });
    expect(d.outcome).toBe("decline");
    expect(d.reasons.map((r) => r.code)).toContain("guard.real_name_verified");
  });
});

describe("decide: thin files and time", () => {
  it("scores a thin-file applicant (no bureau, payments, social, devices or loans) without NaN", () => {
    const a = adult();
    for (const k of ["bureau", "payments", "social", "devices", "loans", "application"] as const) delete a[k];
    const d = engine.decide(a, { asOf });
    expect(nonFinitePaths(d)).toEqual([]);
    expect(d.pd).toBeGreaterThan(0);
    expect(d.pd).toBeLessThan(1);
    expect(["approve", "review", "decline"]).toContain(d.outcome);
  });

  it("ignores events after asOf", () => {
    const a = adult();
    const before = engine.decide(a, { asOf });
    a.payments!.push({
      at: asOf + 1,
      amountFen: 99_000_000,
      direction: "out",
      channel: "merchant",
      merchantCategory: "gambling",
    });
    a.bureau!.delinquencies.push({ at: asOf + 5, daysPastDue: 120 });
    a.devices!.events.push({ at: asOf + 10, kind: "login", deviceId: "d-9", lat: 45.8, lon: 126.5, cityCode: "HRB" });
    expect(engine.decide(a, { asOf })).toEqual(before);
  });

  it("is deterministic: same input and asOf give byte-identical output", () => {
    for (const a of population().slice(0, 50)) {
      expect(JSON.stringify(engine.decide(a, { asOf }))).toBe(JSON.stringify(engine.decide(clone(a), { asOf })));
    }
  });

  it("rejects a missing or invalid asOf with a RiskcardError (test/decision/options.test.ts has the details)", () => {
    expect(() => engine.decide(adult(), { asOf: Number.NaN })).toThrow(RiskcardError);
    expect(() => engine.decide(adult(), { asOf: -1 })).toThrow(RiskcardError);
    expect(() => engine.decide(adult(), undefined as unknown as { asOf: number })).toThrow(RiskcardError);
  });
});

describe("decide: bad input gets issues, never a raw TypeError", () => {
  const bad: [string, unknown][] = [
    ["null", null],
    ["a string", "applicant"],
    ["an array", [adult()]],
    [
      "no identity",
      (() => {
        const a: Partial<Applicant> = adult();
        delete a.identity;
        return a;
      })(),
    ],
    [
      "negative amount",
      (() => {
        const a = adult();
        a.payments![0]!.amountFen = -1;
        return a;
      })(),
    ],
    [
      "fractional amount",
      (() => {
        const a = adult();
        a.payments![0]!.amountFen = 10.5;
        return a;
      })(),
    ],
    [
      "NaN amount",
      (() => {
        const a = adult();
        a.bureau!.monthlyObligationsFen = Number.NaN;
        return a;
      })(),
    ],
    [
      "Infinity time",
      (() => {
        const a = adult();
        a.payments![0]!.at = Number.POSITIVE_INFINITY;
        return a;
      })(),
    ],
    [
      "unknown channel",
      (() => {
        const a = adult();
        (a.payments![0] as { channel: string }).channel = "casino";
        return a;
      })(),
    ],
    [
      "huge array",
      (() => {
        const a = adult();
        a.payments = new Array(100_001).fill(a.payments![0]);
        return a;
      })(),
    ],
    [
      "deep nesting",
      (() => {
        let x: unknown = {};
        for (let i = 0; i < 10_000; i++) x = { social: x };
        return { ...adult(), social: x };
      })(),
    ],
  ];
  for (const [name, input] of bad) {
    it(`${name}: safeDecide returns issues and decide throws RiskcardError`, () => {
      const r = engine.safeDecide(input, { asOf });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      expect(() => engine.decide(input, { asOf })).toThrow(RiskcardError);
    });
  }
});

describe("decide over the synthetic population (properties)", () => {
  const decisions = population().map((a) => engine.decide(a, { asOf }));

  it("every decline carries reasons; offers only on approvals; APR never above 24%", () => {
    for (const d of decisions) {
      if (d.outcome === "decline") expect(d.reasons.length).toBeGreaterThan(0);
      if (d.outcome === "approve") {
        expect(d.offer).not.toBeNull();
        expect(d.offer!.aprNominal).toBeLessThanOrEqual(0.24);
        expect(Number.isSafeInteger(d.offer!.limitFen)).toBe(true);
      } else expect(d.offer).toBeNull();
      expect(nonFinitePaths(d)).toEqual([]);
    }
  });

  it("decisions carry no personal data: no birth date, city, device, IP or counterparty from the input", () => {
    population()
      .slice(0, 200)
      .forEach((a, i) => {
        const text = JSON.stringify(decisions[i]);
        const secrets = [
          a.identity.birthDate,
          a.application?.deviceId,
          a.application?.ipHash,
          ...(a.devices?.events ?? []).map((e) => e.ipHash),
          ...(a.payments ?? []).map((p) => p.counterparty),
        ];
        for (const s of secrets) if (s !== undefined) expect(text.includes(`"${s}"`)).toBe(false);
      });
  });

  it("removing optional sections never crashes and never yields NaN (fast-check)", () => {
    const sections = ["application", "payments", "social", "bureau", "devices", "loans"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: population().length - 1 }), fc.subarray([...sections]), (i, drop) => {
        const a = clone(population()[i]!);
        for (const k of drop) delete a[k];
        const d = engine.decide(a, { asOf });
        return nonFinitePaths(d).length === 0 && d.pd >= 0 && d.pd <= 1;
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("event order does not change the decision (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: population().length - 1 }), fc.integer(), (i, seed) => {
        const a = clone(population()[i]!);
        const shuffle = <T>(xs: T[] | undefined): void => {
          if (!xs) return;
          let s = seed >>> 0;
          for (let k = xs.length - 1; k > 0; k--) {
            s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
            const j = s % (k + 1);
            [xs[k], xs[j]] = [xs[j]!, xs[k]!];
          }
        };
        shuffle(a.payments);
        shuffle(a.devices?.events);
        shuffle(a.bureau?.inquiries);
        return JSON.stringify(engine.decide(a, { asOf })) === JSON.stringify(engine.decide(population()[i], { asOf }));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
