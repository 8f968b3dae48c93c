/**
 * `engine.decideJson(text, options)` / `engine.safeDecideJson(text, options)` against the reference they
 * must equal: `parseApplicantJson(text)` then `engine.decide` / `safeDecide` of its value (itself proven
 * equal to `parseApplicant(JSON.parse(text))` in test/schema/parse-json.test.ts). Byte-identical
 * `JSON.stringify` of the decision on the 1,040 SYNTHETIC fixtures in rows and in the full columnar form,
 * with every option (trace, explain, locale, velocity counts, an unavailable velocity store), on a strategy
 * engine and an experiment; the same issues on the hostile mutations, arbitrary JSON, prototype keys and
 * texts that are not JSON; and the parsed value out of the caller's reach: the decision holds no object of
 * it (checked by capturing what `JSON.parse` returned inside the call).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExperiment } from "../../src/decision";
import type { DecideOptions, Decision } from "../../src/decision/types";
import { type AsyncVelocityStore, DEFAULT_FACT_CONFIG, createVelocityCounts, gatherFacts } from "../../src/fraud";
import { type Engine, createEngine, stringifyDecision } from "../../src/index";
import type { AnyFormApplicant } from "../../src/schema/applicant";
import { parseApplicantJson } from "../../src/schema/parse";
import { type Result, RiskcardError } from "../../src/schema/result";
import { applicantArb, syntheticApplicant } from "../features/arbitraries";
import { ALL_COLUMNS, formMaskArb, mixForms } from "../schema/columnar-mix";
import { mutate, mutationArb, prototypeKeyTexts } from "../schema/hostile";
import { thrown } from "../thrown";
import { POPULATION_AS_OF as asOf, adult } from "./helpers";

const fixtures = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "applicants.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
/** The fixtures in the full columnar form (every event section in columns, `mixForms` from `toColumnar`). */
const columnar = fixtures.map((l) => JSON.stringify(mixForms(JSON.parse(l) as AnyFormApplicant, ALL_COLUMNS)));

const engine = createEngine();

/** The reference: `parseApplicantJson(text)`, then `safeDecide` of its value (its issues when it failed). */
function reference(e: Engine, text: string, options: DecideOptions): Result<Decision> {
  const p = parseApplicantJson(text);
  return p.ok ? e.safeDecide(p.value, options) : p;
}

/** `safeDecideJson` and `decideJson` give what the reference gives, as JSON text; returns whether it decided. */
function expectSame(e: Engine, text: string, options: DecideOptions): boolean {
  const r = e.safeDecideJson(text, options);
  const want = reference(e, text, options);
  expect(JSON.stringify(r)).toBe(JSON.stringify(want));
  if (r.ok) expect(JSON.stringify(e.decideJson(text, options))).toBe(JSON.stringify(r.value));
  else expect(thrown(() => e.decideJson(text, options), RiskcardError).issues).toEqual(r.issues);
  return r.ok;
}

const OPTIONS: readonly DecideOptions[] = [
  { asOf },
  { asOf, trace: true },
  { asOf, explain: true },
  { asOf, locale: "zh-CN" },
  { asOf, trace: true, explain: true, locale: "zh-CN" },
];

describe("decideJson decides as parseApplicantJson + decide", () => {
  // One test per form (each within the test timeout on a loaded machine): every line without options and
  // with all of trace, explain and zh-CN; every fourth line with each option alone and through safeDecideJson.
  it.each([
    ["rows", fixtures],
    ["full columns", columnar],
  ] as const)("on all 1,040 fixture lines in %s, with and without trace, explain and zh-CN", (_, texts) => {
    expect(texts).toHaveLength(1040);
    const differing: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      const p = parseApplicantJson(text);
      if (!p.ok) throw new Error(`fixture ${i} rejected`);
      for (let k = 0; k < OPTIONS.length; k++) {
        const all = k === 0 || k === OPTIONS.length - 1;
        if (!all && i % 4 !== 0) continue;
        const o = OPTIONS[k]!;
        const want = JSON.stringify(engine.decide(p.value, o));
        if (JSON.stringify(engine.decideJson(text, o)) !== want) differing.push(`${i} options ${k}`);
        if (i % 4 !== 0) continue;
        const safe = engine.safeDecideJson(text, o);
        if (!safe.ok || JSON.stringify(safe.value) !== want) differing.push(`${i} options ${k} (safe)`);
      }
    }
    expect(differing).toEqual([]);
    // the columnar texts are columnar, and the trace and the breakdown are there
    expect(columnar[0]).toContain('"payments":{"at":[');
    const d = engine.decideJson(texts[0]!, OPTIONS[4]!);
    expect(d.trace?.locale).toBe("zh-CN");
    expect(d.breakdown?.length).toBeGreaterThan(0);
  });

  it("and the same text stringifyDecision writes for it", () => {
    for (let i = 0; i < fixtures.length; i += 7)
      expect(stringifyDecision(engine.decideJson(fixtures[i]!, { asOf }))).toBe(
        JSON.stringify(engine.decideJson(fixtures[i]!, { asOf })),
      );
  });

  it("with velocity counts, and with an unavailable velocity store", async () => {
    const counts = createVelocityCounts(DEFAULT_FACT_CONFIG.catalog);
    counts.missing.fill(0);
    for (let i = 0; i < counts.values.length; i++) counts.values[i] = (i * 7) % 13; // some over the rules' thresholds
    const down: AsyncVelocityStore = { countMany: () => Promise.reject(new Error("connection refused")) };
    const unavailable = await gatherFacts(adult(), down, { asOf });
    expect(unavailable.unavailable).toBe(true);
    let hits = 0;
    for (let i = 0; i < fixtures.length; i += 5)
      for (const velocity of [counts, unavailable]) {
        expect(expectSame(engine, fixtures[i]!, { asOf, velocity })).toBe(true);
        expect(expectSame(engine, columnar[i]!, { asOf, velocity, trace: true })).toBe(true);
        if (engine.decideJson(fixtures[i]!, { asOf, velocity }).fraud.hits.length > 0) hits++;
      }
    // the counts reach the velocity rules
    expect(hits).toBeGreaterThan(50);
  });

  it("on a strategy engine (versions.segment, the route in the trace) and an experiment (arms, shadows)", () => {
    const strategy = createEngine({ strategy: "default" });
    const experiment = createExperiment({
      champion: {},
      challengers: [
        { id: "expert", config: { card: "expert" }, share: 0.3, mode: "live" },
        { id: "segmented", config: { strategy: "default" }, mode: "shadow" },
      ],
      salt: "riskcard-decide-json-test",
    });
    const segments = new Set<string>();
    const arms = new Set<string>();
    for (let i = 0; i < fixtures.length; i += 9)
      for (const text of [fixtures[i]!, columnar[i]!]) {
        for (const o of [OPTIONS[0]!, OPTIONS[4]!]) {
          expect(expectSame(strategy, text, o)).toBe(true);
          expect(expectSame(experiment, text, o)).toBe(true);
        }
        segments.add(strategy.decideJson(text, { asOf }).versions.segment!.split(" ")[0]!);
        arms.add(experiment.decideJson(text, { asOf }).experiment!.arm);
      }
    expect(segments.size).toBeGreaterThan(1);
    expect([...arms].sort()).toEqual(["champion", "expert"]);
    // invalid input: the first segment's / the champion's issues, as their plain engine's decideJson gives them
    for (const e of [strategy, experiment]) {
      expect(expectSame(e, "{", { asOf })).toBe(false);
      expect(expectSame(e, "{}", { asOf })).toBe(false);
      expect(e.safeDecideJson(fixtures[0]!, { asOf: -1 })).toEqual(engine.safeDecideJson(fixtures[0]!, { asOf: -1 }));
    }
  });
});

describe("decideJson refuses as parseApplicantJson + safeDecide, options first", () => {
  it("on the hostile mutations of the fast-vs-zod differential test, sent as JSON text", () => {
    let rejected = 0;
    fc.assert(
      fc.property(applicantArb(8), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (a, ms) => {
        let x: unknown = structuredClone(a);
        for (const m of ms)
          x = x !== null && typeof x === "object" && !Array.isArray(x) ? mutate(x as Record<string, unknown>, m) : x;
        const text = JSON.stringify(x);
        if (text !== undefined && !expectSame(engine, text, { asOf })) rejected++;
      }),
      { numRuns: 1_000 },
    );
    // the mutations reach the rejecting branches (not only valid texts)
    expect(rejected).toBeGreaterThan(500);
  });

  it("on arbitrary JSON values, and on arbitrary values placed in each section", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (x) => {
        expectSame(engine, JSON.stringify(x), { asOf });
      }),
      { numRuns: 300 },
    );
    const sections = ["id", "identity", "consent", "application", "payments", "social", "bureau", "devices", "loans"];
    fc.assert(
      fc.property(applicantArb(4), fc.constantFrom(...sections), fc.jsonValue({ maxDepth: 3 }), (a, s, v) => {
        expectSame(engine, JSON.stringify({ ...a, [s]: v }), { asOf });
      }),
      { numRuns: 300 },
    );
  });

  it("on texts that are not JSON: one invalid_format issue at the root, as parseApplicantJson gives", () => {
    for (const text of ["", "{", "{}x", "undefined", "{'id':1}", fixtures[0]!.slice(0, -1), "\u0000"]) {
      expect(expectSame(engine, text, { asOf })).toBe(false);
      expect(engine.safeDecideJson(text, { asOf })).toEqual({
        ok: false,
        issues: [{ code: "invalid_format", path: [], message: "not valid JSON text" }],
      });
    }
  });

  it("on __proto__, constructor and prototype keys at every level, without touching Object.prototype", () => {
    let checked = 0;
    for (const { key, text } of prototypeKeyTexts(fixtures[3]!, ['{"polluted":true}', "null", "[]"], 5)) {
      expect(expectSame(engine, text, { asOf })).toBe(false);
      const r = engine.safeDecideJson(text, { asOf });
      if (!r.ok) expect(r.issues.some((i) => i.code === "forbidden_key" && i.path.at(-1) === key)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the caps: an array over its cap is one too_big issue", () => {
    const text = JSON.stringify(syntheticApplicant(100_001, 7));
    expect(engine.safeDecideJson(text, { asOf })).toEqual({
      ok: false,
      issues: [{ code: "too_big", path: ["payments"], message: "must have at most 100000 items" }],
    });
  });

  it("checks the options before the text, as decide does (the decideJson of a body is the decide of its JSON.parse)", () => {
    const bad = [{ asOf: -1 }, { asOf: 1.5 }, { asOf, locale: "fr" }, { asOf, velocity: 5 }, null, 7];
    for (const options of bad)
      for (const text of [fixtures[0]!, "{", "{}", "[]"]) {
        const r = engine.safeDecideJson(text, options as unknown as DecideOptions);
        expect(r.ok).toBe(false);
        // the options' issues, whatever the text
        expect(r).toEqual(engine.safeDecide(JSON.parse(fixtures[0]!), options as unknown as DecideOptions));
        const e = thrown(() => engine.decideJson(text, options as unknown as DecideOptions), RiskcardError);
        expect(e.message.startsWith("invalid decide options:")).toBe(true);
      }
    expect(
      thrown(() => engine.decideJson("{}", { asOf }), RiskcardError).message.startsWith("invalid applicant:"),
    ).toBe(true);
  });

  it("throws TypeError on a text that is not a string, before anything else", () => {
    for (const e of [engine, createEngine({ strategy: "default" })])
      for (const text of [undefined, null, {}, adult(), 5, new String("{}")]) {
        expect(() => e.decideJson(text as unknown as string, { asOf })).toThrow(TypeError);
        expect(() => e.safeDecideJson(text as unknown as string, { asOf: -1 })).toThrow(TypeError);
      }
  });
});

/** Every object and array reachable from `v` (and `v`), each once. */
function objectsIn(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v !== "object" || v === null || out.has(v)) return out;
  out.add(v);
  for (const x of Object.values(v)) objectsIn(x, out);
  return out;
}

describe("the parsed value stays out of the caller's reach", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("no object of the decision (trace, breakdown, every option) is a part of the parsed applicant", () => {
    // Capture what JSON.parse returns inside decideJson (only there: the spy is on for that call only).
    const parse = JSON.parse;
    let captured: unknown;
    let runs = 0;
    let withEvents = 0;
    fc.assert(
      fc.property(
        applicantArb(12),
        formMaskArb,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("en", "zh-CN"),
        (a, mask, trace, explain, locale) => {
          const text = JSON.stringify(mixForms(a, mask));
          const spy = vi.spyOn(JSON, "parse").mockImplementation((t: string) => {
            captured = parse(t);
            return captured;
          });
          const options = { asOf, trace, explain, locale } as DecideOptions;
          let d: Decision;
          try {
            d = engine.decideJson(text, options);
          } finally {
            spy.mockRestore();
          }
          const parts = objectsIn(captured);
          expect(parts.size).toBeGreaterThanOrEqual(3); // root, identity, consent at least
          if (parts.size > 8) withEvents++;
          // the applicant was used unfrozen (not frozen, not registered: nobody else holds it)
          expect(Object.isFrozen(captured)).toBe(false);
          // (the decision's own parts are not all frozen, as with decide: reasons, offer rows; none is the applicant's)
          for (const o of objectsIn(d)) expect(parts.has(o)).toBe(false);
          // and the decision is the one a frozen, registered value gives
          const p = parseApplicantJson(text);
          if (!p.ok) throw new Error("generated applicant rejected");
          expect(JSON.stringify(d)).toBe(JSON.stringify(engine.decide(p.value, options)));
          runs++;
        },
      ),
      { numRuns: 150 },
    );
    expect(runs).toBe(150);
    expect(withEvents).toBeGreaterThan(50);
  });

  it("a decision cannot be changed, and the next call on the same body (rows or columns) gives the same bytes", () => {
    const text = columnar[11]!;
    const first = JSON.stringify(engine.decideJson(text, { asOf, trace: true }));
    const d = engine.decideJson(text, { asOf, trace: true }) as unknown as Record<string, unknown>;
    expect(() => {
      (d.reasons as unknown[]).push(1);
    }).toThrow(TypeError);
    expect(JSON.stringify(engine.decideJson(text, { asOf, trace: true }))).toBe(first);
    expect(JSON.stringify(engine.decideJson(fixtures[11]!, { asOf, trace: true }))).toBe(first);
  });
});
