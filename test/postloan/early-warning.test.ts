import { describe, expect, it } from "vitest";
import { coefficientOfVariation, earlyWarnings } from "../../src/postloan";

const DAY = 86_400_000;
const asOf = Date.UTC(2026, 5, 30);
const thresholds = {
  seriousDpd: 31,
  frequentBorrowing: { count: 3, windowDays: 7 },
  maxSpendCv: 0.5,
  minSpendMonths: 3,
};
const quiet = { daysPastDue: 0, drawdownsAt: [], fraudSignal: false };

const codes = (s: unknown) => {
  const r = earlyWarnings(s, { asOf, thresholds });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.map((w) => w.code);
};

describe("earlyWarnings", () => {
  it("raises nothing on a quiet account", () => {
    expect(codes(quiet)).toEqual([]);
  });
  it("raises each trigger at its threshold", () => {
    expect(codes({ ...quiet, daysPastDue: 1 })).toEqual(["PAST_DUE"]);
    expect(codes({ ...quiet, daysPastDue: 31 })).toEqual(["PAST_DUE", "SERIOUS_DELINQUENCY"]);
    expect(codes({ ...quiet, drawdownsAt: [asOf, asOf - DAY, asOf - 6 * DAY] })).toEqual(["FREQUENT_BORROWING"]);
    expect(codes({ ...quiet, drawdownsAt: [asOf, asOf - DAY, asOf - 7 * DAY] })).toEqual([]); // window is (asOf - 7d, asOf]
    expect(codes({ ...quiet, fraudSignal: true })).toEqual(["FRAUD_SIGNAL"]);
    // CV of [100, 100, 400] = sd 141.42 / mean 200 = 0.707 > 0.5; only the last 3 months count.
    expect(codes({ ...quiet, monthlySpendFen: [5, 1000, 100, 100, 400] })).toEqual(["VOLATILE_SPENDING"]);
    expect(codes({ ...quiet, monthlySpendFen: [100, 110, 90] })).toEqual([]);
    expect(codes({ ...quiet, monthlySpendFen: [1, 1000] })).toEqual([]); // fewer than minSpendMonths
  });
  it("coefficientOfVariation by hand", () => {
    expect(coefficientOfVariation([100, 100, 400])).toBeCloseTo(Math.sqrt(20000) / 200, 12);
    expect(coefficientOfVariation([0, 0])).toBe(0);
    expect(coefficientOfVariation([5])).toBe(0);
  });
  it("returns issues for bad input and future drawdowns", () => {
    const r = earlyWarnings({ ...quiet, drawdownsAt: [asOf + 1] }, { asOf, thresholds });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["in_future"]);
    const t = earlyWarnings({ ...quiet, fraudSignal: "yes" }, { asOf, thresholds });
    expect(!t.ok && t.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual(["invalid_type@fraudSignal"]);
    const o = earlyWarnings(quiet, { asOf: Number.NaN, thresholds });
    expect(o.ok).toBe(false);
  });
});
