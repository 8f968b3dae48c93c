import { describe, expect, it } from "vitest";
import {
  catalogToJSON,
  compileCatalog,
  defaultCatalog,
  extendCatalog,
  extractFeatures,
  featureIndex,
  loadCatalog,
} from "../../src/features";
import { AS_OF, handApplicant } from "./hand";

const gambling30 = {
  name: "pay_gambling_out_30d_fen",
  kind: "aggregate",
  source: "payments",
  where: { in: { direction: ["out"], merchantCategory: ["gambling", "lottery"] } },
  windowDays: 30,
  aggregate: "sum",
  field: "amountFen",
  unit: "fen",
  description: "Gambling and lottery spending over 30 days",
};

describe("catalogs declared as data", () => {
  it("a user-defined JSON feature is computed without code (hand value: the 50,000 gambling payment)", () => {
    const r = extendCatalog(defaultCatalog, [
      gambling30,
      {
        name: "pay_gambling_to_income_30d",
        kind: "ratio",
        numerator: "pay_gambling_out_30d_fen",
        denominator: "income_monthly_fen",
        unit: "ratio",
        description: "Gambling / income",
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = extractFeatures(handApplicant, { asOf: AS_OF, catalog: r.value });
    expect(v.values[featureIndex(r.value, "pay_gambling_out_30d_fen")]).toBe(50_000);
    expect(v.values[featureIndex(r.value, "pay_gambling_to_income_30d")]).toBe(0.05);
    // the default features keep their positions
    expect(v.values[featureIndex(r.value, "age_years")]).toBe(35);
  });

  it("round-trips through its JSON artefact", () => {
    const json = JSON.parse(JSON.stringify(catalogToJSON(defaultCatalog)));
    const r = loadCatalog(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.names).toEqual(defaultCatalog.names);
    expect(Object.isFrozen(r.value.specs[0])).toBe(true);
    const a = extractFeatures(handApplicant, { asOf: AS_OF });
    const b = extractFeatures(handApplicant, { asOf: AS_OF, catalog: r.value });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it("honours the catalog's UTC offset for hour filters", () => {
    const night = {
      ...gambling30,
      name: "n",
      where: { in: { direction: ["out"] }, hours: [0, 6] },
      aggregate: "count",
      field: undefined,
      unit: "count",
    };
    delete (night as { field?: unknown }).field;
    const cst = compileCatalog([night]);
    const utc = compileCatalog([night], { utcOffsetMinutes: 0 });
    expect(cst.ok && utc.ok).toBe(true);
    if (!cst.ok || !utc.ok) return;
    // outflows within 30 days: 08:00 and 02:00 local (UTC+8) = 00:00 and 18:00 UTC
    expect(extractFeatures(handApplicant, { asOf: AS_OF, catalog: cst.value }).values[0]).toBe(1);
    expect(extractFeatures(handApplicant, { asOf: AS_OF, catalog: utc.value }).values[0]).toBe(2);
  });

  it("rejects bad declarations with paths and closed codes", () => {
    const bad = (specs: unknown[]) => {
      const r = compileCatalog(specs);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join(".")}`);
    };
    expect(bad([gambling30, gambling30])).toContain("inconsistent 1.name");
    expect(bad([{ ...gambling30, where: { in: { merchantCategory: ["casino"] } } }])).toContain(
      "invalid_enum 0.where.in.merchantCategory.0",
    );
    expect(bad([{ ...gambling30, where: { in: { colour: ["red"] } } }])).toContain(
      "unknown_reference 0.where.in.colour",
    );
    expect(bad([{ ...gambling30, field: "balanceFen" }])).toContain("unknown_reference 0.field");
    expect(bad([{ ...gambling30, aggregate: "median" }])).toContain("invalid_enum 0.aggregate");
    expect(bad([{ ...gambling30, extra: 1 }])).toContain("unrecognized_key 0.extra");
    expect(bad([{ ...gambling30, windowDays: -3 }])).toContain("too_small 0.windowDays");
    expect(bad([{ ...gambling30, where: { open: true } }])).toContain("invalid_value 0.where.open");
    expect(
      bad([{ name: "r", kind: "ratio", numerator: "x", denominator: "y", unit: "ratio", description: "d" }]),
    ).toEqual(["unknown_reference 0.numerator", "unknown_reference 0.denominator"]);
    expect(
      bad([{ name: "f", kind: "field", section: "social", field: "password", unit: "count", description: "d" }]),
    ).toContain("unknown_reference 0.field");
    expect(bad([{ ...gambling30, aggregate: "bucket_cv", windowDays: 45 }])).toContain("inconsistent 0.bucketDays");
    expect(bad([null])).toContain("invalid_type 0");
    expect(bad([{ ...gambling30, name: "Bad Name" }])).toContain("invalid_format 0.name");
  });

  it("rejects other formats, versions, prototype keys and oversized artefacts", () => {
    const base = catalogToJSON(defaultCatalog);
    const codes = (x: unknown) => {
      const r = loadCatalog(x);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes({ ...base, version: 2 })).toEqual(["unsupported_version"]);
    expect(codes({ ...base, format: "other" })).toEqual(["unsupported_version"]);
    expect(codes(JSON.parse(`{"format":"riskcard.features","version":1,"features":[{"__proto__":{"x":1}}]}`))).toEqual([
      "forbidden_key",
    ]);
    // 100,001 arrays of 2 items: 300,002 values, over CATALOG_LIMITS.maxNodes (200,000)
    expect(codes({ ...base, features: Array.from({ length: 100_001 }, () => [1, 2]) })).toEqual(["too_big"]);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep]; // deeper than MAX_JSON_DEPTH (72)
    expect(codes({ ...base, features: [deep] })).toEqual(["too_complex"]);
    expect(codes(null)).toContain("invalid_type");
    expect(codes({ ...base, features: [{ ...gambling30, where: { in: { merchantCategory: ["casino"] } } }] })).toEqual([
      "invalid_enum",
    ]);
    const r = loadCatalog({ ...base, features: [{ ...gambling30, field: "nope" }] });
    expect(r.ok ? [] : r.issues[0]!.path).toEqual(["features", 0, "field"]);
  });

  it("never echoes input values in issues", () => {
    const r = compileCatalog([
      { ...gambling30, name: "SECRET_13800138000", where: { in: { merchantCategory: ["13800138000"] } } },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(i.message).not.toContain("13800138000");
  });
});
