import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import type { BoostOptions, BoostedScorecard } from "../../src/boosting";
import { logLoss } from "../../src/boosting/boost-shapes";
import { halves, keepZ, pairEvidence } from "../../src/boosting/select-pairs";
import type { TrainingData } from "../../src/scorecard/train";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

const DATE = "2026-11-29";

function boosted(data: TrainingData, options: Omit<BoostOptions, "date"> = {}): BoostedScorecard {
  const r = trainBoostedScorecard(data, { date: DATE, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** SYNTHETIC: log-odds additive in four columns (no interaction at all). */
function additive(n: number, seed: number): TrainingData {
  const rand = mulberry32(seed);
  const cols: Record<string, (number | string | null)[]> = { a: [], b: [], c: [], g: [], y: [] };
  for (let i = 0; i < n; i++) {
    const a = rand();
    const b = rand() < 0.05 ? null : rand();
    const c = rand() * 100;
    const g = ["n", "e", "s", "w"][Math.floor(rand() * 4)]!;
    const lo = -2 + 1.5 * a + (b === null ? 0.5 : -b) + 0.01 * c + (g === "e" ? 0.7 : 0);
    cols.a!.push(a);
    cols.b!.push(b);
    cols.c!.push(c);
    cols.g!.push(g);
    cols.y!.push(rand() < 1 / (1 + Math.exp(-lo)) ? 1 : 0);
  }
  return { columns: cols as TrainingData["columns"], target: "y" };
}

/** SYNTHETIC: risk depends on x and z only through whether they fall on the same side of 0.5, w a weak main effect. */
function xor(n: number, seed: number): TrainingData {
  const rand = mulberry32(seed);
  const x: number[] = [];
  const z: number[] = [];
  const w: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rand();
    const b = rand();
    const c = rand();
    const lo = -1 + 0.6 * c + 1.5 * (a > 0.5 !== b > 0.5 ? 1 : -1);
    x.push(a);
    z.push(b);
    w.push(c);
    y.push(rand() < 1 / (1 + Math.exp(-lo)) ? 1 : 0);
  }
  return { columns: { x, z, w, y }, target: "y" };
}

describe("pairEvidence: the paired held-out test of a term", () => {
  it("hand calculation: two rows, the term is the whole log-odds", () => {
    // row 1: y = 1, f = 2, without the term 0: ln 2 - ln(1 + e^-2) = 0.693147 - 0.126928 = 0.566219
    // row 2: y = 0, f = -2, the same by symmetry; mean 0.566219, both differences equal: se 0, z 0
    const e = pairEvidence(Float64Array.of(2, -2), Float64Array.of(2, -2), Uint8Array.of(1, 0));
    const d = Math.log(2) - Math.log1p(Math.exp(-2));
    expect(e.improvement).toBeCloseTo(d, 14);
    expect(e.se).toBeCloseTo(0, 14);
    expect(e.rows).toBe(2);
  });

  it("mean improvement = logLoss without the term - logLoss with it; se from the per-row differences (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            f: fc.double({ min: -8, max: 8, noNaN: true }),
            c: fc.double({ min: -3, max: 3, noNaN: true }),
            y: fc.integer({ min: 0, max: 1 }),
          }),
          { minLength: 2, maxLength: 60 },
        ),
        (rows) => {
          const f = Float64Array.from(rows, (r) => r.f);
          const c = Float64Array.from(rows, (r) => r.c);
          const y = Uint8Array.from(rows, (r) => r.y);
          const e = pairEvidence(f, c, y);
          const without = Float64Array.from(rows, (r) => r.f - r.c);
          expect(e.improvement).toBeCloseTo(logLoss(without, y) - logLoss(f, y), 10);
          // naive sample standard deviation, row by row
          const d = rows.map((_, i) => {
            const one = Uint8Array.of(y[i]!);
            return logLoss(Float64Array.of(without[i]!), one) - logLoss(Float64Array.of(f[i]!), one);
          });
          const m = d.reduce((a, b) => a + b, 0) / d.length;
          const sd = Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1));
          expect(e.se).toBeCloseTo(sd / Math.sqrt(d.length), 8);
          expect(Number.isFinite(e.z)).toBe(true);
        },
      ),
      { seed: 20, numRuns: 200 },
    );
  });

  it("fewer than two rows: z 0 (never enough evidence to keep a pair)", () => {
    expect(pairEvidence(new Float64Array(0), new Float64Array(0), new Uint8Array(0)).z).toBe(0);
    expect(pairEvidence(Float64Array.of(3), Float64Array.of(3), Uint8Array.of(1)).z).toBe(0);
  });
});

describe("halves and keepZ", () => {
  it("halves: stratified, deterministic, each class split within one row (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 200 }), (ys) => {
        const y = Uint8Array.from(ys);
        const h = halves(y);
        expect(Array.from(halves(y))).toEqual(Array.from(h));
        for (const cls of [0, 1]) {
          const idx = ys.flatMap((v, i) => (v === cls ? [i] : []));
          const sel = idx.filter((i) => h[i] === 1).length;
          expect(idx.length - 2 * sel).toBeGreaterThanOrEqual(0);
          expect(idx.length - 2 * sel).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 20 },
    );
  });

  it("keepZ: the Bonferroni-corrected one-sided 2.5% normal quantile, from Python", () => {
    // /usr/bin/python3 (3.11.7) -c "from statistics import NormalDist; print([round(NormalDist().inv_cdf(1-0.025/m),6) for m in (1,2,5,10,20)])"
    // => [1.959964, 2.241403, 2.575829, 2.807034, 3.023341]
    expect([1, 2, 5, 10, 20].map(keepZ)).toEqual([1.959964, 2.241403, 2.575829, 2.807034, 3.023341]);
    expect(keepZ(0)).toBe(keepZ(1));
    expect(keepZ(99)).toBe(keepZ(20));
    for (let m = 2; m <= 20; m++) expect(keepZ(m)).toBeGreaterThan(keepZ(m - 1));
  });
});

describe("trainBoostedScorecard keeps only pairs that earn their place (issue 20, boostfit item 1; SYNTHETIC data)", () => {
  it("additive data (no interaction): pairs requested, none kept; the card is the mains-only card byte for byte", () => {
    const data = additive(4000, 3);
    const mains = boosted(data);
    const b = boosted(data, { interactions: 5 });
    expect(b.report.pairs).toEqual([]);
    expect(b.json).toBe(mains.json);
    expect(b.report.pairSelection).toHaveLength(5);
    expect(b.report.pairSelection.every((p) => !p.kept)).toBe(true);
    expect(b.report.pairSetEvidence).toBeUndefined();
  });

  it("planted interaction: the x x z pair is kept with its held-out evidence; the set passes keepZ of the pairs tested", () => {
    const b = boosted(xor(6000, 7), { interactions: 3 });
    const kept = b.report.pairSelection.filter((p) => p.kept);
    expect(kept.map((p) => p.features)).toContainEqual(["x", "z"]);
    for (const p of kept) expect(p.reason).toBe("significant");
    const ev = b.report.pairSetEvidence!;
    expect(ev.pairs).toBe(kept.length);
    expect(ev.threshold).toBe(keepZ(b.report.pairSelection.filter((p) => p.reason !== "no_gain").length));
    expect(ev.z).toBeGreaterThanOrEqual(ev.threshold);
    expect(ev.improvement).toBeGreaterThan(0);
    // 6,000 rows, 70% train, 15% of those validation (630), half of them (315) test the pairs
    expect(ev.rows).toBe(315);
    expect(b.report.pairs.map((p) => p.features)).toEqual(kept.map((p) => p.features));
  });

  it("without validation rows the pairs are kept untested, and the report says so", () => {
    const b = boosted(xor(2000, 7), { interactions: 2, validationShare: 0, maxRounds: 40 });
    expect(b.report.pairSelection.map((p) => [p.kept, p.reason])).toEqual([
      [true, "untested"],
      [true, "untested"],
    ]);
    expect(b.report.pairs).toHaveLength(2);
  });
});
