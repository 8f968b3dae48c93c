/**
 * stringifyDecision writes what JSON.stringify writes, byte for byte. The reference is the built-in
 * JSON.stringify of the same Node run (ECMA-262 SerializeJSONProperty / QuoteJSONString, "well-formed
 * JSON.stringify": lone surrogates as \uXXXX escapes, U+2028/U+2029 and paired surrogates written as
 * they are). Differential on the 1,040 SYNTHETIC fixture applicants in every kind of decision an engine
 * makes (plain, explain, trace, zh-CN, consent purposes and a required-consent guard, a strategy, an
 * experiment's arms), a fast-check property over generated applicants, and hand cases for the string and
 * number edge cases and for values not in the engine's shape (which must fall back, not differ).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createExperiment } from "../../src/decision";
import { createEngine } from "../../src/decision/engine";
import { stringifyDecision } from "../../src/decision/stringify-decision";
import type { DecideOptions, Decision } from "../../src/decision/types";
import type { Applicant } from "../../src/schema/applicant";
import { BASE_AS_OF, applicantArb } from "../features/arbitraries";
import { POPULATION_AS_OF as asOf, population } from "./helpers";

const same = (d: Decision): void => expect(stringifyDecision(d)).toBe(JSON.stringify(d));

/** Decides every fixture applicant with `engine` and `options`, and counts the decisions written differently. */
function differing(
  engine: { decide(a: unknown, o: DecideOptions): Decision },
  options: DecideOptions,
  apps = population(),
) {
  let bad = 0;
  for (const a of apps) {
    const d = engine.decide(a, options);
    if (stringifyDecision(d) !== JSON.stringify(d)) bad++;
  }
  return bad;
}

/** The fixtures with consent per purpose, a different pattern per applicant (SYNTHETIC). */
function withPurposes(): Applicant[] {
  const patterns = [
    { payments: false },
    { social: false, location: true },
    { bureau: false },
    { payments: true, social: true, location: true, device: true, bureau: true },
    { device: false, location: false },
  ];
  return population().map((a, i) => ({ ...a, consent: { ...a.consent, purposes: patterns[i % patterns.length]! } }));
}

describe("stringifyDecision against JSON.stringify on the 1,040 fixture applicants", () => {
  const engine = createEngine();
  it.each([
    ["plain", {}],
    ["explain", { explain: true }],
    ["trace", { trace: true }],
    ["zh-CN", { locale: "zh-CN" as const }],
    ["explain, trace and zh-CN", { explain: true, trace: true, locale: "zh-CN" as const }],
  ])("%s decisions", (_name, extra) => {
    expect(differing(engine, { asOf, ...extra })).toBe(0);
  });

  it("decisions of applicants stating consent purposes (dataUsed), with and without a required-consent guard", () => {
    const apps = withPurposes();
    expect(differing(engine, { asOf }, apps)).toBe(0);
    const requiring = createEngine({ requiredConsents: ["payments", "social"] });
    expect(differing(requiring, { asOf, trace: true }, apps)).toBe(0);
    expect(differing(requiring, { asOf, locale: "zh-CN" }, apps)).toBe(0);
    // the purposes_consented guard is there, so the guard lists written are the 5-guard ones
    expect(requiring.decide(apps[0], { asOf }).guards).toHaveLength(5);
  });

  it("decisions of a strategy engine (versions.segment) and of an experiment's arms", () => {
    const strategy = createEngine({ strategy: "default" });
    expect(differing(strategy, { asOf })).toBe(0);
    expect(differing(strategy, { asOf, trace: true, explain: true })).toBe(0);
    const experiment = createExperiment({
      champion: {},
      challengers: [
        { id: "expert", config: { card: "expert" }, share: 0.3, mode: "live" },
        { id: "strict", config: { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] }, mode: "shadow" },
      ],
      salt: "stringify-test",
    });
    expect(differing(experiment, { asOf })).toBe(0);
    expect(differing(experiment, { asOf, locale: "zh-CN", explain: true })).toBe(0);
    // both arms decided some: the experiment's decisions are not all the champion's
    const arms = new Set(population().map((a) => experiment.decide(a, { asOf }).experiment!.arm));
    expect([...arms].sort()).toEqual(["champion", "expert"]);
  });

  it("covers every outcome, offers and declines with guard, fraud, offer and cutoff reasons", () => {
    const ds = population().map((a) => engine.decide(a, { asOf }));
    expect(new Set(ds.map((d) => d.outcome))).toEqual(new Set(["approve", "review", "decline"]));
    const sources = new Set(ds.flatMap((d) => d.reasons.map((r) => r.source)));
    for (const s of ["credit", "guard", "fraud"]) expect(sources).toContain(s);
    expect(ds.some((d) => d.fraud.hits.length > 0)).toBe(true);
    expect(ds.some((d) => d.offer !== null && d.offer.reasons.length > 0)).toBe(true);
  });
});

describe("stringifyDecision on generated applicants (fast-check)", () => {
  const engine = createEngine();
  const strategy = createEngine({ strategy: "default" });
  it("writes what JSON.stringify writes, in every option combination", () => {
    fc.assert(
      fc.property(
        applicantArb(30),
        fc.record({ explain: fc.boolean(), trace: fc.boolean(), zh: fc.boolean(), strategy: fc.boolean() }),
        (a, o) => {
          const options: DecideOptions = {
            asOf: BASE_AS_OF,
            explain: o.explain,
            trace: o.trace,
            ...(o.zh ? { locale: "zh-CN" as const } : {}),
          };
          const d = (o.strategy ? strategy : engine).decide(a, options);
          return stringifyDecision(d) === JSON.stringify(d);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("stringifyDecision: strings and numbers as JSON.stringify writes them", () => {
  const engine = createEngine();
  const base = engine.decide(population()[0], { asOf, explain: true });
  const traced = engine.decide(population()[0], { asOf, trace: true });
  expect(base.offer).not.toBeNull();

  it("escapes quotes, backslashes, controls and lone surrogates; writes U+2028 and paired surrogates as they are", () => {
    // Written out from ECMA-262 QuoteJSONString (not from either implementation):
    const cases: [string, string][] = [
      ['a"b', '"a\\"b"'],
      ["a\\b", '"a\\\\b"'],
      ["\n\r\t\b\f", '"\\n\\r\\t\\b\\f"'],
      ["\u0000\u001f", '"\\u0000\\u001f"'],
      ["\u007f", '"\u007f"'],
      ["\ud800", '"\\ud800"'],
      ["x\udc00y", '"x\\udc00y"'],
      ["\udc00\ud800", '"\\udc00\\ud800"'],
      ["\ud83d\ude00", '"\ud83d\ude00"'],
      ["\u2028\u2029", '"\u2028\u2029"'],
      ["申请人", '"申请人"'],
      ["", '""'],
    ];
    for (const [id, quoted] of cases) {
      const d = { ...base, applicantId: id };
      expect(stringifyDecision(d)).toBe(JSON.stringify(d));
      expect(stringifyDecision(d).startsWith(`{"applicantId":${quoted},`)).toBe(true);
    }
  });

  it("writes -0 as 0, exponents, non-integers and non-finite numbers as JSON.stringify does", () => {
    // Number::toString (ECMA-262 6.1.6.1.20): -0 -> "0"; 1e21 and up, and below 1e-6, in exponent form; NaN and infinities -> null
    const cases: [number, string][] = [
      [-0, "0"],
      [1e21, "1e+21"],
      [123456789012345680000, "123456789012345680000"],
      [1e-7, "1e-7"],
      [0.000001, "0.000001"],
      [0.1 + 0.2, "0.30000000000000004"],
      [-1.5, "-1.5"],
      [5e-324, "5e-324"],
      [Number.MAX_VALUE, "1.7976931348623157e+308"],
      [Number.NaN, "null"],
      [Number.POSITIVE_INFINITY, "null"],
      [Number.NEGATIVE_INFINITY, "null"],
    ];
    for (const [x, text] of cases) {
      const d = { ...base, score: x, pd: x, reasons: base.reasons.map((r) => ({ ...r, points: x })) };
      expect(stringifyDecision(d)).toBe(JSON.stringify(d));
      expect(stringifyDecision(d)).toContain(`"score":${text},"band"`);
      const o = {
        ...base,
        offer: {
          ...base.offer!,
          limitFen: x,
          schedulePreview: [{ ...base.offer!.schedulePreview[0]!, balanceFen: x }],
        },
      };
      same(o);
      same({ ...base, breakdown: base.breakdown!.map((p) => ({ ...p, points: x, weight: x })) });
      same({ ...traced, trace: { ...traced.trace!, features: { a: x, b: null }, facts: { c: x, d: true, e: false } } });
    }
  });

  it("nested arrays, empty arrays and absent optional fields", () => {
    same({ ...base, reasons: [] });
    same({ ...base, offer: null });
    same({ ...base, offer: { ...base.offer!, schedulePreview: [], reasons: [] } });
    same({ ...base, fraud: { ...base.fraud, hits: [] } });
    same({ ...base, dataUsed: [] });
    same({ ...base, dataUsed: ["payments", "social"] });
    same({
      ...traced,
      trace: { ...traced.trace!, absentSections: [["nested", ["deeper", []]]] },
    } as unknown as Decision);
    const { breakdown: _b, ...noBreakdown } = base;
    same(noBreakdown);
  });
});

describe("stringifyDecision: anything not in the engine's shape is written by JSON.stringify", () => {
  const engine = createEngine();
  const d = engine.decide(population()[0], { asOf });

  it("an optional field present as undefined, a function, another key order, an extra or a missing key", () => {
    same({ ...d, dataUsed: undefined } as unknown as Decision);
    same({ ...d, breakdown: undefined } as unknown as Decision);
    same({ ...d, offer: undefined } as unknown as Decision);
    same({ ...d, score: (() => 1) as unknown as number });
    const { applicantId, ...rest } = d;
    same({ ...rest, applicantId } as Decision);
    same({ ...d, extra: 1 } as Decision);
    const { guards: _g, ...noGuards } = d;
    same(noGuards as Decision);
    same({ ...d, reasons: d.reasons.map((r) => ({ message: r.message, code: r.code, source: r.source })) });
    same({ ...d, reasons: d.reasons.map((r) => ({ ...r, extra: "x" })) });
    same({ ...d, reasons: [...d.reasons, undefined] } as unknown as Decision);
    same({ ...d, band: 3 } as unknown as Decision);
    same({ ...d, offer: { ...d.offer!, extra: true } } as unknown as Decision);
  });

  it("toJSON anywhere, and a toJSON added to Object.prototype after parts were memoized", () => {
    same({ ...d, toJSON: () => "x" } as unknown as Decision);
    same({ ...d, offer: { ...d.offer!, toJSON: () => 1 } } as unknown as Decision);
    same({ ...d, asOf: new Date(0) } as unknown as Decision);
    same({ ...d, guards: d.guards.map((g) => ({ ...g, toJSON: (key: string) => key })) } as unknown as Decision);
    class Reason {
      constructor(
        readonly code: string,
        readonly message: string,
        readonly source: string,
      ) {}
      toJSON() {
        return "reason";
      }
    }
    same({ ...d, reasons: [new Reason("a", "b", "guard")] } as unknown as Decision);
    same(d); // memoizes the shared parts
    const proto = Object.prototype as { toJSON?: unknown };
    try {
      proto.toJSON = function (this: object) {
        return Object.keys(this).length;
      };
      expect(stringifyDecision(d)).toBe(JSON.stringify(d));
      expect(stringifyDecision(d)).toBe("11"); // the decision's 11 keys: no dataUsed, breakdown, trace or experiment
    } finally {
      delete proto.toJSON;
    }
    same(d);
  });

  it("a part that is not frozen is written as it is now, not as it was the first time", () => {
    const guards = d.guards.map((g) => ({ ...g }));
    const x = { ...d, guards };
    same(x);
    guards[0]!.message = "changed \u2028 \ud800";
    same(x);
    expect(stringifyDecision(x)).toContain("changed \u2028 \\ud800");
    const versions = { ...d.versions };
    const y = { ...d, versions };
    same(y);
    versions.engine = "other";
    same(y);
  });

  it("throws what JSON.stringify throws (a BigInt), and non-objects as JSON.stringify writes them", () => {
    expect(() => stringifyDecision({ ...d, score: 1n } as unknown as Decision)).toThrow(TypeError);
    expect(() => JSON.stringify({ ...d, score: 1n })).toThrow(TypeError);
    for (const v of [null, 1, "x", [1, 2]]) expect(stringifyDecision(v as unknown as Decision)).toBe(JSON.stringify(v));
  });

  it("a reason code or breakdown category seen with another message, label or weight is rewritten", () => {
    const e = createEngine();
    const first = e.decide(population()[0], { asOf, explain: true });
    same(first);
    same({ ...first, reasons: first.reasons.map((r) => ({ ...r, message: `${r.message}!` })) });
    same({ ...first, reasons: first.reasons.map((r) => ({ ...r, source: "fraud" as const })) });
    same({ ...first, breakdown: first.breakdown!.map((p) => ({ ...p, label: "x", weight: null })) });
    same(first);
  });
});

describe("stringifyDecision: an offer's term and rates (the per-term text entries)", () => {
  const engine = createEngine();
  const base = engine.decide(population()[0], { asOf });
  const offer = base.offer!;
  expect(offer).not.toBeNull();
  const withOffer = (o: Record<string, unknown>): Decision => ({ ...base, offer: { ...offer, ...o } }) as Decision;

  it("a field changed after the same band and term was written is written afresh, never from the entry", () => {
    same(base);
    // each differs from the entry just made in one field only: band, term, method or one of the rates
    same(withOffer({ band: "B" }));
    same(withOffer({ termMonths: offer.termMonths + 1 }));
    same(withOffer({ method: "equal-principal" }));
    same(withOffer({ annualRate: offer.annualRate + 1e-12 }));
    same(withOffer({ aprNominal: -0 }));
    same(withOffer({ aprEffective: Number.NaN }));
    same(withOffer({ aprEffective: Number.NaN }));
    same(base);
  });

  it("values of another type or with characters to escape fall back or are escaped as JSON.stringify does", () => {
    same(withOffer({ termMonths: "12" }));
    same(withOffer({ method: null }));
    same(withOffer({ annualRate: undefined }));
    same(withOffer({ band: 'A"\\\u2028' }));
    same(withOffer({ method: "equal\ninstallment" }));
  });

  it("random sequences of offers over a few bands and terms (fast-check)", () => {
    const value = fc.oneof(
      fc.constantFrom(offer.annualRate, offer.aprNominal, offer.aprEffective, 0, -0, Number.NaN),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            band: fc.constantFrom("A", "B", "C", "E"),
            termMonths: fc.constantFrom(3, 6, 12, offer.termMonths),
            method: fc.constantFrom(offer.method, "equal-principal", "interest-only"),
            annualRate: value,
            aprNominal: value,
            aprEffective: value,
          }),
          { minLength: 1, maxLength: 80 },
        ),
        (offers) => {
          for (const o of offers) {
            const d = withOffer(o);
            if (stringifyDecision(d) !== JSON.stringify(d)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
