import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import type { BoostOptions, BoostedScorecard } from "../../src/boosting";
import { logLoss } from "../../src/boosting/boost-shapes";
import {
  SINGLE_DROP_ROUNDS,
  halves,
  keepZ,
  pairEvidence,
  pairsToDrop,
  weakestPairs,
} from "../../src/boosting/select-pairs";
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

/** The pair-set sizes backward elimination boosts for `m` pairs when every test fails. */
function boostedSizes(m: number): number[] {
  const sizes: number[] = [];
  for (let active = m, round = 0; active > 0; round++) {
    sizes.push(active);
    active -= pairsToDrop(round, active);
  }
  return sizes;
}

describe("the bound on backward elimination (issue 19 follow-up): one pair per failed test, then half", () => {
  it("20 requested pairs that all fail: 8 sets boosted, not 21 (hand calculation)", () => {
    expect(SINGLE_DROP_ROUNDS).toBe(3);
    // one drop after each of the first three failed tests (20 -> 19 -> 18 -> 17), then ceil(half):
    // 17 - 9 = 8, 8 - 4 = 4, 4 - 2 = 2, 2 - 1 = 1, 1 - 1 = 0
    expect(boostedSizes(20)).toEqual([20, 19, 18, 17, 8, 4, 2, 1]);
    // pair fits: 20 + 19 + 18 + 17 + 8 + 4 + 2 + 1 = 89, against 20 + 19 + ... + 1 = 210 one by one
    expect(boostedSizes(20).reduce((a, b) => a + b, 0)).toBe(89);
    // up to SINGLE_DROP_ROUNDS drops, the sets are those of one-by-one elimination
    expect(boostedSizes(3)).toEqual([3, 2, 1]);
  });

  it("drops 1 to all of the set each time; at most SINGLE_DROP_ROUNDS + 1 + ceil(log2 m) sets (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(30), fc.integer({ min: 1, max: 20 }), (m, round, active) => {
        const n = pairsToDrop(round, active);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(active);
        if (round < SINGLE_DROP_ROUNDS) expect(n).toBe(1);
        expect(boostedSizes(m).length).toBeLessThanOrEqual(SINGLE_DROP_ROUNDS + 1 + Math.ceil(Math.log2(m)));
      }),
    );
  });

  it("weakestPairs equals the naive repeated scan for the lowest z (earlier pair first on ties), property", () => {
    const naive = (z: readonly number[], n: number): number[] => {
      const out: number[] = [];
      while (out.length < n) {
        let w = -1;
        z.forEach((v, t) => {
          if (!out.includes(t) && (w < 0 || v < z[w]!)) w = t;
        });
        out.push(w);
      }
      return out;
    };
    // z values from a few integers and halves, so that ties are common
    const zArb = fc.array(
      fc.integer({ min: -6, max: 6 }).map((k) => k / 2),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(
        zArb.chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 1, max: z.length }))),
        ([z, n]) => {
          expect(weakestPairs(z, n)).toEqual(naive(z, n));
        },
      ),
    );
  });

  it("a training that hits the bound (SYNTHETIC weak interactions, 20 pairs requested): every pair dropped as not significant and the card is the mains-only card byte for byte", () => {
    // seven columns, every pair interacting weakly (+-0.13 log-odds by whether both sit on the same side of
    // 0.5): each pair set helps the stopping rows, but the 157 selection rows cannot show it at keepZ, so
    // elimination runs until no pair is left (21 sets one by one)
    const rand = mulberry32(5);
    const K = 7;
    const columns: Record<string, number[]> = { y: [] };
    for (let k = 0; k < K; k++) columns[`c${k}`] = [];
    for (let i = 0; i < 3000; i++) {
      const v = Array.from({ length: K }, () => rand());
      for (const [k, x] of v.entries()) columns[`c${k}`]!.push(x);
      let lo = -1 + v[0]!;
      for (let a = 0; a < K; a++)
        for (let b = a + 1; b < K; b++) lo += (0.8 * (v[a]! > 0.5 !== v[b]! > 0.5 ? 0.5 : -0.5)) / 3;
      columns.y!.push(rand() < 1 / (1 + Math.exp(-lo)) ? 1 : 0);
    }
    const data = { columns, target: "y" };
    const options = { maxRounds: 200, patience: 20, validationShare: 0.15 };
    const mains = boosted(data, options);
    const b = boosted(data, { ...options, interactions: 20 });
    const sel = b.report.pairSelection;
    expect(sel).toHaveLength(20);
    // 20 pairs dropped after failed tests: more than SINGLE_DROP_ROUNDS, so the bound was hit
    expect(sel.map((p) => [p.kept, p.reason])).toEqual(Array(20).fill([false, "not_significant"]));
    // 3,000 rows, 70% train, 15% of those validation (315), the selection half 157 (within each class the
    // first row goes to the stopping half)
    expect(new Set(sel.map((p) => p.rows))).toEqual(new Set([157]));
    expect(b.json).toBe(mains.json);
    expect(b.report.pairSetEvidence).toBeUndefined();
  });
});
