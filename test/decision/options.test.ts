/**
 * decide's options: typed configuration (issue 11 item 5), bad options as issues, never a raw
 * RangeError/TypeError (item 6), and `asOf` within the range of a JavaScript Date (item 7).
 */
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { DEFAULT_FACT_CONFIG, createFactConfig, createVelocityCounts } from "../../src/fraud";
import { type EngineConfig, RiskcardError, createEngine } from "../../src/index";
import { POPULATION_AS_OF, adult } from "./helpers";

const engine = createEngine();
const asOf = POPULATION_AS_OF;

/** `decide` must throw a RiskcardError, and nothing else (not a RangeError or TypeError). */
function decideError(options: unknown): RiskcardError {
  try {
    engine.decide(adult(), options as { asOf: number });
  } catch (e) {
    expect(e).toBeInstanceOf(RiskcardError);
    expect(e).not.toBeInstanceOf(RangeError);
    expect(e).not.toBeInstanceOf(TypeError);
    return e as RiskcardError;
  }
  throw new Error("decide did not throw");
}

describe("createEngine is typed with EngineConfig (item 5)", () => {
  it("takes an optional EngineConfig, and tsc rejects a config of the wrong shape", () => {
    expectTypeOf(createEngine).parameter(0).toEqualTypeOf<EngineConfig | undefined>();
    // @ts-expect-error: "nope" is not a card kind (compiles only while the parameter is typed)
    expect(() => createEngine({ card: "nope" })).toThrow(RiskcardError);
    // @ts-expect-error: maxReasons is a number
    expect(() => createEngine({ maxReasons: "4" })).toThrow(RiskcardError);
    // Untyped JSON is still validated at run time.
    const fromJson: unknown = JSON.parse('{"reviewPd": 2}');
    expect(() => createEngine(fromJson as EngineConfig)).toThrow(RiskcardError);
  });
});

describe("bad options give issues, never a raw RangeError or TypeError (item 6)", () => {
  // Expected issues written from the contract: code, path and message for each kind of bad asOf.
  const cases: [string, unknown, { code: string; path: (string | number)[]; message: string }][] = [
    ["asOf NaN", { asOf: Number.NaN }, { code: "not_finite", path: ["asOf"], message: "must be a finite number" }],
    [
      "asOf Infinity",
      { asOf: Number.POSITIVE_INFINITY },
      { code: "not_finite", path: ["asOf"], message: "must be a finite number" },
    ],
    ["asOf missing", {}, { code: "missing", path: ["asOf"], message: "required (epoch ms)" }],
    [
      "asOf a string",
      { asOf: "2026-06-30" },
      { code: "invalid_type", path: ["asOf"], message: "expected integer (epoch ms)" },
    ],
    ["asOf a bigint", { asOf: 1n }, { code: "invalid_type", path: ["asOf"], message: "expected integer (epoch ms)" }],
    ["asOf fractional", { asOf: 1.5 }, { code: "not_integer", path: ["asOf"], message: "must be an integer" }],
    ["asOf negative", { asOf: -1 }, { code: "too_small", path: ["asOf"], message: "must be >= 0" }],
    ["options null", null, { code: "invalid_type", path: [], message: "expected an options object { asOf }" }],
    ["options undefined", undefined, { code: "missing", path: [], message: "options { asOf } are required" }],
    ["options a number", 5, { code: "invalid_type", path: [], message: "expected an options object { asOf }" }],
    [
      "options with a throwing getter",
      {
        get asOf(): number {
          throw new Error("boom");
        },
      },
      { code: "invalid_value", path: [], message: "could not be read as plain data" },
    ],
  ];
  for (const [name, options, expected] of cases) {
    it(`${name}: safeDecide returns the issue, decide throws RiskcardError`, () => {
      const r = engine.safeDecide(adult(), options as { asOf: number });
      expect(r).toEqual({ ok: false, issues: [expected] });
      expect(decideError(options).issues).toEqual([expected]);
    });
  }

  it("rejects velocity counts that are not the engine's, with paths under velocity", () => {
    const other = createFactConfig({ windows: [{ label: "1h", ms: 3_600_000 }] });
    const own = createVelocityCounts(DEFAULT_FACT_CONFIG.catalog);
    const n = own.values.length; // 3 dimensions x 2 kinds x 3 windows = 18
    expect(n).toBe(18);
    const bad: [unknown, string, (string | number)[]][] = [
      [5, "invalid_type", ["velocity"]],
      [{}, "inconsistent", ["velocity", "catalog"]],
      [createVelocityCounts(other.catalog), "inconsistent", ["velocity", "catalog"]],
      [{ ...own, values: [...own.values] }, "invalid_type", ["velocity", "values"]],
      [{ ...own, values: new Proxy(own.values, {}) }, "invalid_type", ["velocity", "values"]],
      [{ ...own, missing: new Uint8Array(n - 1) }, "invalid_type", ["velocity", "missing"]],
      [{ ...own, missing: new Uint8Array(n).fill(2) }, "invalid_value", ["velocity", "missing", 0]],
      [
        { ...own, missing: new Uint8Array(n), values: new Float64Array(n).fill(Number.NaN) },
        "invalid_value",
        ["velocity", "values", 0],
      ],
      [
        { ...own, missing: new Uint8Array(n), values: new Float64Array(n).fill(-1) },
        "invalid_value",
        ["velocity", "values", 0],
      ],
    ];
    for (const [velocity, code, path] of bad) {
      const r = engine.safeDecide(adult(), { asOf, velocity } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ code, path });
      expect(decideError({ asOf, velocity }).issues[0]).toMatchObject({ code, path });
    }
  });

  it("decides with valid velocity counts, and the caller's arrays are copied (later writes do not matter)", () => {
    const v = createVelocityCounts(DEFAULT_FACT_CONFIG.catalog);
    v.missing.fill(0);
    v.values.fill(50); // 50 applications from the same device in every window: a burst
    const withBurst = engine.decide(adult(), { asOf, velocity: v });
    const none = engine.decide(adult(), { asOf });
    expect(JSON.stringify(withBurst)).not.toBe(JSON.stringify(none));
    v.values.fill(Number.NaN); // after the call: nothing the engine holds changes
    expect(JSON.stringify(engine.decide(adult(), { asOf }))).toBe(JSON.stringify(none));
  });

  it("never throws for arbitrary options (fast-check), and accepts exactly the integers 0..8.64e15 - 14 h", () => {
    const asOfArb = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.integer({ min: -10, max: 10 }),
      fc.constantFrom(
        0,
        8_639_999_949_600_000,
        8_639_999_949_600_001,
        8.64e15,
        Number.MAX_SAFE_INTEGER,
        -0,
        2 ** 53,
        1e300,
      ),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    );
    const optionsArb = fc.oneof(
      fc.anything(),
      fc.record({ asOf: asOfArb }, { requiredKeys: [] }),
      fc.record({ asOf: asOfArb, velocity: fc.anything() }, { requiredKeys: ["asOf"] }),
    );
    const applicant = adult();
    fc.assert(
      fc.property(optionsArb, (options) => {
        const r = engine.safeDecide(applicant, options as { asOf: number });
        const o = options as { asOf?: unknown; velocity?: unknown } | null;
        const objectOptions = typeof o === "object" && o !== null;
        const a = objectOptions ? o.asOf : undefined;
        // The contract, written independently of the code: an integer within the Date range, no velocity.
        const valid =
          objectOptions &&
          typeof a === "number" &&
          Number.isInteger(a) &&
          a >= 0 &&
          a <= 8_639_999_949_600_000 &&
          !("velocity" in o && o.velocity !== undefined);
        expect(r.ok).toBe(valid);
        if (!r.ok) {
          for (const i of r.issues) expect(["asOf", "velocity", undefined]).toContain(i.path[0]);
          expect(() => engine.decide(applicant, options as { asOf: number })).toThrow(RiskcardError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("asOf within the Date range (item 7)", () => {
  // ECMA-262 "Time Values and Time Range": a Date holds at most 8.64e15 ms from the epoch. Ages are
  // judged on the local date (up to UTC+14), so the last accepted asOf is
  // 8,640,000,000,000,000 - 14 h x 3,600,000 ms = 8,639,999,949,600,000.
  const last = 8_639_999_949_600_000;
  it("a Date holds 8.64e15 and not one ms more (the bound comes from the language, checked here)", () => {
    expect(new Date(8.64e15).getTime()).toBe(8.64e15);
    expect(Number.isNaN(new Date(8.64e15 + 1).getTime())).toBe(true);
    expect(new Date(last + 14 * 3_600_000).getTime()).toBe(8.64e15);
  });

  it("rejects asOf beyond it with an issue instead of declining everyone as under 18", () => {
    for (const bad of [last + 1, 8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER]) {
      const r = engine.safeDecide(adult(), { asOf: bad });
      expect(r).toEqual({
        ok: false,
        issues: [{ code: "too_big", path: ["asOf"], message: `must be <= ${last} (a local date a Date can hold)` }],
      });
    }
  });

  it("accepts the last valid instant: the adult born in 1990 is then over 18", () => {
    const d = engine.decide(adult(), { asOf: last });
    expect(d.guards.find((g) => g.code === "age_18_or_over")!.passed).toBe(true);
  });
});
