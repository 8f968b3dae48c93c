import { describe, expect, it } from "vitest";
import { FIXED, FIXED_FACTS, buildCatalog, velocityFactName } from "../../src/fraud/catalog";
import { DEFAULT_FACT_CONFIG, createFactConfig, loadFactConfig } from "../../src/fraud/fact-config";
import { createFacts, readFact, setFact } from "../../src/fraud/facts";
import { ConfigError } from "../../src/schema/result";

function codes(input: unknown): { code: string; path: string }[] {
  const r = loadFactConfig(input);
  if (r.ok) throw new Error("expected failure");
  return r.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
}

describe("fact configuration and catalog", () => {
  it("defaults: windows 1h/24h/30d, 900 km/h, night 00-06 at UTC+8; frozen", () => {
    expect(DEFAULT_FACT_CONFIG.windows.map((w) => [w.label, w.ms])).toEqual([
      ["1h", 3_600_000],
      ["24h", 86_400_000],
      ["30d", 2_592_000_000],
    ]);
    expect([
      DEFAULT_FACT_CONFIG.impossibleSpeedKmh,
      DEFAULT_FACT_CONFIG.utcOffsetMinutes,
      DEFAULT_FACT_CONFIG.nightStartHour,
      DEFAULT_FACT_CONFIG.nightEndHour,
    ]).toEqual([900, 480, 0, 6]);
    expect(Object.isFrozen(DEFAULT_FACT_CONFIG)).toBe(true);
    // 31 fixed + 6 per window x 3 + 3 dimensions x 2 kinds x 3 windows.
    expect(DEFAULT_FACT_CONFIG.catalog.facts.length).toBe(31 + 18 + 18);
    expect(new Set(DEFAULT_FACT_CONFIG.catalog.facts.map((f) => f.name)).size).toBe(67);
  });

  it("FIXED slots name the facts they claim", () => {
    expect(FIXED_FACTS[FIXED.underage]!.name).toBe("identity.underage");
    expect(FIXED_FACTS[FIXED.travelImpossible]!.name).toBe("travel.impossible");
    expect(FIXED_FACTS[FIXED.flaggedShare]!.name).toBe("social.flaggedShare");
    expect(Object.keys(FIXED).length).toBe(FIXED_FACTS.length);
    expect(buildCatalog(["1h"], []).index.get("applicant.apply.1h")).toBe(31);
    expect(velocityFactName("device", "apply", "24h")).toBe("velocity.device.apply.24h");
  });

  it("rejects bad options with paths", () => {
    expect(codes({ windows: [] })).toEqual([{ code: "too_small", path: "windows" }]);
    expect(codes({ windows: [{ label: "1H", ms: 3_600_000 }] })).toEqual([
      { code: "invalid_format", path: "windows.0.label" },
    ]);
    expect(
      codes({
        windows: [
          { label: "a", ms: 7_200_000 },
          { label: "b", ms: 3_600_000 },
        ],
      }),
    ).toEqual([{ code: "inconsistent", path: "windows.1.ms" }]);
    expect(codes({ impossibleSpeedKmh: 0 })).toEqual([{ code: "too_small", path: "impossibleSpeedKmh" }]);
    expect(codes({ utcOffsetMinutes: 1.5 })).toEqual([{ code: "not_integer", path: "utcOffsetMinutes" }]);
    expect(codes({ nightStartHour: 3, nightEndHour: 3 })).toEqual([{ code: "inconsistent", path: "nightEndHour" }]);
    expect(codes({ speed: 1 })).toEqual([{ code: "unrecognized_key", path: "speed" }]);
    expect(codes({ customFacts: [{ name: "device.count", type: "number" }] })).toEqual([
      { code: "invalid_format", path: "customFacts.0.name" },
    ]);
    expect(
      codes({
        customFacts: [
          { name: "custom.a", type: "number" },
          { name: "custom.a", type: "string" },
        ],
      }),
    ).toEqual([{ code: "inconsistent", path: "customFacts.1.name" }]);
    expect(() => createFactConfig({ impossibleSpeedKmh: -3 })).toThrow(ConfigError);
  });

  it("custom facts: set and read by name with type checks", () => {
    const config = createFactConfig({
      customFacts: [
        { name: "custom.flag", type: "boolean" },
        { name: "custom.tag", type: "string" },
      ],
    });
    const f = createFacts(config);
    setFact(f, "custom.flag", true);
    setFact(f, "custom.tag", "x");
    expect([readFact(f, "custom.flag"), readFact(f, "custom.tag")]).toEqual([true, "x"]);
    setFact(f, "custom.tag", undefined);
    expect(readFact(f, "custom.tag")).toBeUndefined();
    expect(() => setFact(f, "custom.flag", 1)).toThrow(TypeError);
    expect(() => setFact(f, "device.count", Number.NaN)).toThrow(TypeError);
    expect(() => setFact(f, "custom.nope", 1)).toThrow(RangeError);
    expect(() => readFact(f, "custom.nope")).toThrow(RangeError);
  });
});
