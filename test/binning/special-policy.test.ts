/**
 * The special-value policy of `binNumeric` (issue 18 item 5): special entries below `minSpecialShare`
 * (default `minBinShare`, 5%) are pooled; a pool still below it joins the missing bin, or is binned with
 * the ordinary values when there is no missing value; cut points are searched as if the specials were
 * ordinary values, so declaring them never moves a cut. Counts below are written out by hand from the
 * SYNTHETIC rows each test builds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binNumeric, binWoe, compileBinning } from "../../src/binning";

/** SYNTHETIC rows: `count` copies of `value` with `bads` of them bad (label 1). */
function rows(spec: readonly (readonly [number | null, number, number])[]): { x: (number | null)[]; y: number[] } {
  const x: (number | null)[] = [];
  const y: number[] = [];
  for (const [value, count, bads] of spec) {
    for (let i = 0; i < count; i++) {
      x.push(value);
      y.push(i < bads ? 1 : 0);
    }
  }
  return { x, y };
}

describe("binNumeric special-value policy", () => {
  it("a special entry with at least 5% of the rows keeps its own bin", () => {
    // 200 rows: 1 (90, 10 bad), 2 (90, 30 bad), 96 (20 = 10%, 12 bad)
    const { x, y } = rows([
      [1, 90, 10],
      [2, 90, 30],
      [96, 20, 12],
    ]);
    const b = binNumeric(x, y, { breaks: [2], specials: [96] });
    expect(b.bins.map((z) => [z.kind, z.count, z.bad])).toEqual([
      ["interval", 90, 10],
      ["interval", 90, 30],
      ["special", 20, 12],
    ]);
    expect(b.specialValues).toEqual([96]);
  });

  it("small entries are pooled into one special bin when the pool reaches 5%", () => {
    // 200 rows; 96: 6 rows (3%), 98: 5 rows (2.5%), pooled 11 rows = 5.5% >= 10 rows
    const { x, y } = rows([
      [1, 95, 10],
      [2, 94, 30],
      [96, 6, 4],
      [98, 5, 3],
    ]);
    const b = binNumeric(x, y, { breaks: [2], specials: [96, 98] });
    expect(b.bins.map((z) => [z.kind, z.count, z.bad])).toEqual([
      ["interval", 95, 10],
      ["interval", 94, 30],
      ["special", 11, 7],
    ]);
    expect(b.bins[2]!.specials).toEqual([96, 98]);
  });

  it("a pool below 5% joins the missing bin: counted there and scored with its WoE", () => {
    // 200 rows; 96: 3, 98: 4 (pool 7 < 10); missing: 12 rows (6 bad) -> missing bin 19 rows, 6 + 2 + 3 = 11 bad
    const { x, y } = rows([
      [1, 91, 10],
      [2, 90, 30],
      [96, 3, 2],
      [98, 4, 3],
      [null, 12, 6],
    ]);
    const b = binNumeric(x, y, { breaks: [2], specials: [96, 98] });
    expect(b.bins.map((z) => [z.kind, z.count, z.bad])).toEqual([
      ["interval", 91, 10],
      ["interval", 90, 30],
      ["missing", 19, 11],
    ]);
    expect(b.bins[2]!.specials).toEqual([96, 98]);
    // WoE of the missing bin by hand: bad share 11/51, good share 8/149
    expect(b.bins[2]!.woe).toBeCloseTo(Math.log(11 / 51 / (8 / 149)), 12);
    const c = compileBinning(b);
    expect(binWoe(c, 96)).toBe(b.bins[2]!.woe);
    expect(binWoe(c, 98)).toBe(b.bins[2]!.woe);
    expect(binWoe(c, null)).toBe(b.bins[2]!.woe);
  });

  it("a pool below 5% without missing values is binned with the ordinary values, as if undeclared", () => {
    const { x, y } = rows([
      [1, 95, 10],
      [2, 98, 30],
      [96, 3, 2],
      [98, 4, 3],
    ]);
    const declared = binNumeric(x, y, { method: "tree", preBins: 10, specials: [96, 98] });
    const plain = binNumeric(x, y, { method: "tree", preBins: 10 });
    expect(declared.bins).toEqual(plain.bins);
    expect(declared.specialValues).toBeUndefined();
    // by hand: the ordinary bins hold every row (95 + 98 + 3 + 4 = 200)
    expect(declared.bins.reduce((s, z) => s + z.count, 0)).toBe(200);
  });

  it("minSpecialShare sets the minimum apart from minBinShare, and is range-checked", () => {
    const { x, y } = rows([
      [1, 95, 10],
      [2, 98, 30],
      [96, 3, 2],
      [98, 4, 3],
    ]);
    // 96: 3 rows = 1.5%, 98: 4 rows = 2% >= 1.5%: each its own bin at minSpecialShare 0.015
    const b = binNumeric(x, y, { breaks: [2], specials: [96, 98], minSpecialShare: 0.015 });
    expect(b.bins.filter((z) => z.kind === "special").map((z) => [z.specials, z.count])).toEqual([
      [[96], 3],
      [[98], 4],
    ]);
    expect(() => binNumeric(x, y, { specials: [96], minSpecialShare: 0.9 })).toThrow(RangeError);
    expect(() => binNumeric(x, y, { specials: [96], minSpecialShare: Number.NaN })).toThrow(RangeError);
  });

  it("declaring a special value never removes a strong ordinary bin (the Give Me Some Credit case, SYNTHETIC)", () => {
    // 1,000 rows: value 0 has 950 rows (40 bad); value 1 has 48 rows (24 bad) = 4.8% after the codes leave;
    // code 98: 2 rows (both bad). Undeclared, [1, inf) holds 50 rows = 5% and is kept by the tree.
    const { x, y } = rows([
      [0, 950, 40],
      [1, 48, 24],
      [98, 2, 2],
    ]);
    const plain = binNumeric(x, y, { method: "tree" });
    expect(plain.bins.map((z) => [z.lower, z.upper, z.count])).toEqual([
      [null, 1, 950],
      [1, null, 50],
    ]);
    // declared with a minimum of 0.1% (2 rows): the code gets its bin, and [1, inf) stays though it holds 4.8%
    const declared = binNumeric(x, y, { method: "tree", specials: [98], minSpecialShare: 0.002 });
    expect(declared.bins.map((z) => [z.kind, z.lower, z.upper, z.count])).toEqual([
      ["interval", null, 1, 950],
      ["interval", 1, null, 48],
      ["special", null, null, 2],
    ]);
  });

  it("property: the interval cuts with specials declared are a subset of the cuts without them; counts add up", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { minLength: 40, maxLength: 300 }),
        fc.subarray([0, 5, 12, 30]),
        fc.constantFrom("tree" as const, "chimerge" as const),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (data, specials, method, minSpecialShare) => {
          const x = data.map((d) => d[0]);
          const y = data.map((d) => (d[1] ? 1 : 0));
          if (!y.includes(0) || !y.includes(1) || specials.length === 0) return;
          checked++;
          const o = { method, preBins: 10, maxBins: 5 } as const;
          const plain = binNumeric(x, y, o);
          const declared = binNumeric(x, y, { ...o, specials, minSpecialShare });
          const cuts = (b: typeof plain): number[] =>
            b.bins.filter((z) => z.kind === "interval" && z.lower !== null).map((z) => z.lower!);
          const all = new Set(cuts(plain));
          for (const c of cuts(declared)) expect(all.has(c)).toBe(true);
          expect(declared.bins.reduce((s, z) => s + z.count, 0)).toBe(x.length);
          // no special bin below the minimum
          for (const z of declared.bins)
            if (z.kind === "special") expect(z.count).toBeGreaterThanOrEqual(minSpecialShare * x.length);
          // every row scores the WoE of the bin that counted it
          const c = compileBinning(declared);
          for (const v of x) expect(Number.isFinite(binWoe(c, v))).toBe(true);
        },
      ),
      { numRuns: 150, seed: 18 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
