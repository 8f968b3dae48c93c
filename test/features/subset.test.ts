import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  catalogSubset,
  compileCatalog,
  defaultCatalog,
  defaultFeatureSpecs,
  extractFeatures,
  featureIndex,
} from "../../src/features";
import { unwrap } from "../../src/schema/result";
import { BASE_AS_OF, applicantArb } from "./arbitraries";

const names = defaultCatalog.names;

describe("catalogSubset", () => {
  it("keeps the features asked for and, transitively, their inputs, in catalog order (hand-checked)", () => {
    // pay_outflow_to_inflow_90d = pay_outflow_90d_fen / pay_inflow_90d_fen; the net flow is a difference of two sums.
    expect(
      catalogSubset(defaultCatalog, ["pay_outflow_to_inflow_90d", "pay_net_flow_30d_fen", "age_years"]).names,
    ).toEqual([
      "age_years",
      "pay_inflow_30d_fen",
      "pay_inflow_90d_fen",
      "pay_outflow_30d_fen",
      "pay_outflow_90d_fen",
      "pay_net_flow_30d_fen",
      "pay_outflow_to_inflow_90d",
    ]);
    expect(catalogSubset(defaultCatalog, names).names).toEqual(names);
    expect(catalogSubset(defaultCatalog, []).names).toEqual([]);
    expect(catalogSubset(defaultCatalog, ["age_years", "age_years"]).names).toEqual(["age_years"]);
  });

  it("keeps the catalog's local-time offset (hour filters)", () => {
    const utc = unwrap(compileCatalog(defaultFeatureSpecs, { utcOffsetMinutes: 0 }), "UTC catalog");
    expect(catalogSubset(utc, ["device_night_logins_30d"]).utcOffsetMinutes).toBe(0);
  });

  it("gives the full catalog's values and missing flags for every kept feature, for any applicant and subset", () => {
    fc.assert(
      fc.property(
        applicantArb(),
        fc.subarray([...names], { minLength: 1 }),
        fc.integer({ min: 0, max: 400 }),
        (a, wanted, daysBack) => {
          const asOf = BASE_AS_OF - daysBack * 86_400_000;
          const sub = catalogSubset(defaultCatalog, wanted);
          const full = extractFeatures(a, { asOf });
          const part = extractFeatures(a, { asOf, catalog: sub });
          sub.names.forEach((n, i) => {
            const j = featureIndex(defaultCatalog, n);
            expect([n, part.values[i], part.missing[i]]).toEqual([n, full.values[j], full.missing[j]]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects names the catalog does not have, and non-arrays, without echoing them", () => {
    expect(() => catalogSubset(defaultCatalog, ["no_such_feature"])).toThrow(RangeError);
    expect(() => catalogSubset(defaultCatalog, ["no_such_feature"])).not.toThrow(/no_such_feature/);
    expect(() => catalogSubset(defaultCatalog, "age_years" as unknown as string[])).toThrow(TypeError);
    expect(() => catalogSubset(defaultCatalog, [1] as unknown as string[])).toThrow(TypeError);
  });
});
