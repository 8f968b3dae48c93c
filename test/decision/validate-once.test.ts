/**
 * What was validated is what is used (issue 11 item 8), and an applicant from `parseApplicant` is
 * not validated again by `decide` (issue 19 item 2).
 */
import { describe, expect, it, vi } from "vitest";
import { RiskcardError, createEngine } from "../../src/index";
import * as fastParse from "../../src/schema/fast-parse";
import { isParsedApplicant, parseApplicant, parseApplicantOrThrow } from "../../src/schema/parse";
import { toColumnar } from "../../src/schema/transpose";
import { POPULATION_AS_OF, adult, clone, population } from "./helpers";

// A counting hook on the one function that validates: every validation of an applicant goes
// through parseApplicantFast (parseApplicant, and decide on anything parseApplicant did not return).
vi.mock("../../src/schema/fast-parse", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/schema/fast-parse")>();
  return { ...real, parseApplicantFast: vi.fn(real.parseApplicantFast) };
});
const validations = (): number => vi.mocked(fastParse.parseApplicantFast).mock.calls.length;

const engine = createEngine();
const asOf = POPULATION_AS_OF;
const json = (x: unknown): string => JSON.stringify(x);

/** An adult whose bureau obligations read valid (15,000 fen) the first time and invalid after. */
function changingObligations(later: number): { applicant: unknown; reads: () => number } {
  const a = adult() as unknown as { bureau: Record<string, unknown> };
  let n = 0;
  Object.defineProperty(a.bureau, "monthlyObligationsFen", {
    enumerable: true,
    get: () => (n++ === 0 ? 15_000 : later),
  });
  return { applicant: a, reads: () => n };
}

/** Wraps every object and array of a value in a Proxy that counts reads per property. */
function countingProxy<T>(value: T, counts: Map<string, number>, path = "$"): T {
  if (typeof value !== "object" || value === null) return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key === "string" && Object.hasOwn(target, key)) {
        const p = `${path}.${key}`;
        counts.set(p, (counts.get(p) ?? 0) + 1);
        return countingProxy(v, counts, p);
      }
      return v;
    },
  }) as T;
}

describe("decide uses exactly what it validated (item 8)", () => {
  it("a getter that turns invalid after validation does not reach the offer (read once)", () => {
    const expected = json(engine.decide(adult(), { asOf }));
    for (const later of [-1, Number.NaN, 1e300, 0.5]) {
      const { applicant, reads } = changingObligations(later);
      expect(json(engine.decide(applicant, { asOf }))).toBe(expected);
      expect(reads()).toBe(1);
      const again = changingObligations(later);
      const r = engine.safeDecide(again.applicant, { asOf });
      expect(r.ok && json(r.value)).toBe(expected);
      expect(again.reads()).toBe(1);
    }
  });

  it("a Proxy that lies after validation does not reach the offer", () => {
    const a = adult();
    let n = 0;
    const identity = new Proxy(a.identity, {
      get(target, key, receiver) {
        // valid once (12,000 CNY), then an income that would break the offer's arithmetic
        if (key === "verifiedMonthlyIncomeFen") return n++ === 0 ? 1_200_000 : -5;
        return Reflect.get(target, key, receiver);
      },
    });
    const d = engine.decide({ ...a, identity }, { asOf });
    expect(json(d)).toBe(json(engine.decide(adult(), { asOf })));
    expect(n).toBe(1);
  });

  it("reads every property of the input at most once, whatever the section and form (counting Proxy)", () => {
    const some = population().slice(0, 20);
    for (const a of [adult(), ...some, toColumnar(adult()), ...some.slice(0, 10).map(toColumnar)]) {
      const counts = new Map<string, number>();
      const d = engine.decide(countingProxy(clone(a), counts), { asOf });
      expect(json(d)).toBe(json(engine.decide(a, { asOf })));
      const twice = [...counts].filter(([, c]) => c > 1).map(([p]) => p);
      expect(twice).toEqual([]);
      expect(counts.size).toBeGreaterThan(10);
    }
  });

  it("a getter or Proxy trap that throws gives an issue, not an exception from safeDecide", () => {
    const a = adult() as unknown as Record<string, unknown>;
    Object.defineProperty(a, "social", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(engine.safeDecide(a, { asOf })).toEqual({
      ok: false,
      issues: [{ code: "invalid_value", path: [], message: "could not be read as plain data" }],
    });
    expect(() => engine.decide(a, { asOf })).toThrow(RiskcardError);
    const trap = new Proxy(adult(), {
      ownKeys: () => {
        throw new Error("boom");
      },
    });
    expect(engine.safeDecide(trap, { asOf }).ok).toBe(false);
  });

  it("an array whose length lies is reported as too big, its elements never read", () => {
    const a = adult();
    let reads = 0;
    const payments = new Proxy(a.payments!, {
      get(target, key, receiver) {
        if (key === "length") return 1e12;
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const r = engine.safeDecide({ ...a, payments }, { asOf });
    expect(r).toEqual({
      ok: false,
      issues: [{ code: "too_big", path: ["payments"], message: "must have at most 100000 items" }],
    });
    expect(reads).toBe(0);
  });
});

describe("validate once: decide recognises what parseApplicant returned (issue 19 item 2)", () => {
  it("parseApplicant returns a deep-frozen snapshot that cannot be changed afterwards", () => {
    const input = adult();
    const p = parseApplicantOrThrow(input);
    expect(p).not.toBe(input);
    expect(p).toEqual(input);
    const unfrozen: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (typeof x !== "object" || x === null) return;
      if (!Object.isFrozen(x)) unfrozen.push(path);
      for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    };
    walk(p, "$");
    expect(unfrozen).toEqual([]);
    // Test files are ES modules (strict mode): writing to a frozen object throws.
    expect(() => {
      (p.bureau as { monthlyObligationsFen: number }).monthlyObligationsFen = -1;
    }).toThrow(TypeError);
    expect(() => {
      (p.payments as unknown[]).push({});
    }).toThrow(TypeError);
    // The input stays the caller's, unfrozen.
    expect(Object.isFrozen(input)).toBe(false);
  });

  it("decide does not validate a parsed applicant again, and validates anything else once", () => {
    const a = population()[0]!;
    const before = validations();
    const p = parseApplicant(a);
    expect(validations() - before).toBe(1);
    if (!p.ok) throw new Error("fixture applicant does not parse");
    expect(isParsedApplicant(p.value)).toBe(true);
    engine.decide(p.value, { asOf });
    engine.safeDecide(p.value, { asOf });
    expect(validations() - before).toBe(1);
    // parseApplicant of a parsed value gives it back without validating.
    expect(parseApplicant(p.value)).toEqual({ ok: true, value: p.value });
    expect(validations() - before).toBe(1);
    // A look-alike (copy, spread, JSON round trip) is not recognised: validated like any input.
    for (const lookAlike of [clone(p.value), { ...p.value }, JSON.parse(JSON.stringify(p.value))]) {
      expect(isParsedApplicant(lookAlike)).toBe(false);
      engine.decide(lookAlike, { asOf });
    }
    expect(validations() - before).toBe(4);
  });

  it("the same holds for an applicant sent in the columnar form", () => {
    const c = toColumnar(population()[1]!);
    const before = validations();
    const p = parseApplicantOrThrow(c);
    engine.decide(p, { asOf });
    engine.safeDecide(p, { asOf });
    expect(validations() - before).toBe(1);
    expect(Array.isArray(p.payments)).toBe(false);
    engine.decide(JSON.parse(JSON.stringify(p)), { asOf });
    expect(validations() - before).toBe(2);
  });

  it("a look-alike of a parsed applicant with an invalid value is rejected (the marker is not structural)", () => {
    const p = parseApplicantOrThrow(adult());
    const changed = { ...p, bureau: { ...p.bureau!, monthlyObligationsFen: -1 } };
    const r = engine.safeDecide(changed, { asOf });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "too_small", path: ["bureau", "monthlyObligationsFen"] });
  });

  it("parsing first gives the same decision, byte for byte, on 300 fixture applicants", () => {
    for (const a of population().slice(0, 300)) {
      const p = parseApplicantOrThrow(a);
      expect(json(engine.decide(p, { asOf }))).toBe(json(engine.decide(a, { asOf })));
    }
  });
});
