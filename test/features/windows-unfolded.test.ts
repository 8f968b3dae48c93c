import { describe, expect, it } from "vitest";
import { compileCatalog, extractFeatures } from "../../src/features";
import type { Applicant } from "../../src/schema/applicant";
import { unwrap } from "../../src/schema/result";
import { BASE_AS_OF, syntheticApplicant } from "./arbitraries";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OFFSET = 8 * HOUR; // the default catalog offset, UTC+8

// Event classes fold the age tiers of the windows in, unless the class table would be too large:
// 20 different windows x 20 different hour filters over payments is far past that limit, so this
// catalog takes the other path (each aggregate checks its own window per event). The expected
// values are the naive filter-and-reduce of the same definitions.
const specs = Array.from({ length: 20 }, (_, k) => ({
  name: `out_${k}`,
  kind: "aggregate",
  source: "payments",
  where: { in: { direction: ["out"] }, hours: [k, k + 3] },
  windowDays: 3 + k * 9,
  aggregate: k % 2 === 0 ? "count" : "sum",
  ...(k % 2 === 0 ? {} : { field: "amountFen" }),
  unit: k % 2 === 0 ? "count" : "fen",
  description: "outflow in an hour range over a window",
}));

describe("windows not folded into event classes (very large class tables)", () => {
  it("gives the naive filter/reduce values (SYNTHETIC applicant, 2,000 payments)", () => {
    const catalog = unwrap(compileCatalog(specs), "test catalog");
    expect(catalog.plan.sources[0]!.checkWindows).toBe(true);
    const a = JSON.parse(JSON.stringify(syntheticApplicant(2_000, 5))) as Applicant;
    const v = extractFeatures(a, { asOf: BASE_AS_OF, catalog });
    specs.forEach((s, k) => {
      const [from, to] = s.where.hours;
      const rows = (a.payments ?? []).filter((p) => {
        const hour = Math.floor(((((p.at + OFFSET) % DAY) + DAY) % DAY) / HOUR);
        return (
          p.at <= BASE_AS_OF &&
          BASE_AS_OF - p.at < s.windowDays * DAY &&
          p.direction === "out" &&
          hour >= from! &&
          hour < to!
        );
      });
      const expected = s.aggregate === "count" ? rows.length : rows.reduce((t, p) => t + p.amountFen, 0);
      expect(v.values[k]).toBe(expected);
    });
  });
});
