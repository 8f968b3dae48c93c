import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BoostParams, boostShapes } from "../../src/boosting";
import { projectMonotone } from "../../src/boosting/boost-shapes";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

const base: BoostParams = {
  learningRate: 1,
  maxRounds: 1,
  maxLeaves: 2,
  minSamplesLeaf: 1,
  patience: 1,
  monotone: [0],
  monotoneFrom: [0],
};

describe("boostShapes: hand calculation", () => {
  it("one feature, two bins, one Newton step with learning rate 1", () => {
    // rows: bin 0 -> labels 0, 1; bin 1 -> labels 1, 1. B = 3, G = 1: intercept ln(3), p = 0.75 everywhere.
    // bin 0: G = (0.75 - 0) + (0.75 - 1) = 0.5, H = 2 * 0.75 * 0.25 = 0.375 -> step -0.5 / 0.375 = -4/3
    // bin 1: G = 2 * (0.75 - 1) = -0.5, H = 0.375 -> step +4/3
    // gain of the split: 0.25/0.375 + 0.25/0.375 - 0/0.75 = 4/3 > 0, so the tree splits.
    const r = boostShapes({ bins: [Uint16Array.of(0, 0, 1, 1)], labels: Uint8Array.of(0, 1, 1, 1) }, [2], base);
    expect(r.intercept).toBeCloseTo(Math.log(3), 15);
    expect(r.shapes[0]![0]).toBeCloseTo(-4 / 3, 15);
    expect(r.shapes[0]![1]).toBeCloseTo(4 / 3, 15);
  });

  it("pool-adjacent-violators: [3, 1, 2] with unit weights becomes [2, 2, 2]; [1, 3, 2] with weights 1, 1, 3 becomes [1, 2.25, 2.25]", () => {
    // (3 + 1) / 2 = 2, then 2 >= 2 holds; second: (3 * 1 + 2 * 3) / 4 = 2.25
    const a = Float64Array.of(3, 1, 2);
    projectMonotone(a, Float64Array.of(1, 1, 1), 0, 1);
    expect(Array.from(a)).toEqual([2, 2, 2]);
    const b = Float64Array.of(1, 3, 2);
    projectMonotone(b, Float64Array.of(1, 1, 3), 0, 1);
    expect(Array.from(b)).toEqual([1, 2.25, 2.25]);
    const c = Float64Array.of(9, 1, 3, 2);
    projectMonotone(c, Float64Array.of(1, 1, 1, 1), 1, -1); // bin 0 free, then non-increasing: 1, 3 pool to 2; 2 >= 2
    expect(Array.from(c)).toEqual([9, 2, 2, 2]);
  });
});

/**
 * A naive reference of the same procedure, written plainly: every sum recomputed from the rows,
 * every candidate split of every leaf tried by brute force, predictions recomputed from all shapes.
 */
function naiveBoost(
  bins: number[][],
  y: number[],
  nBins: number[],
  lr: number,
  rounds: number,
  maxLeaves: number,
  minLeaf: number,
): { intercept: number; shapes: number[][] } {
  const n = y.length;
  const bads = y.filter((v) => v === 1).length;
  const intercept = Math.log(bads / (n - bads));
  const shapes = nBins.map((b) => new Array<number>(b).fill(0));
  const prob = (i: number): number => {
    let z = intercept;
    for (let j = 0; j < shapes.length; j++) z += shapes[j]![bins[j]![i]!]!;
    return 1 / (1 + Math.exp(-z));
  };
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < shapes.length; j++) {
      const ps = y.map((_, i) => prob(i));
      const sums = (lo: number, hi: number) => {
        let g = 0;
        let h = 0;
        let c = 0;
        for (let i = 0; i < n; i++) {
          const k = bins[j]![i]!;
          if (k >= lo && k < hi) {
            g += ps[i]! - y[i]!;
            h += ps[i]! * (1 - ps[i]!);
            c++;
          }
        }
        return { g, h, c };
      };
      let leaves: [number, number][] = [[0, nBins[j]!]];
      while (leaves.length < maxLeaves) {
        let best = { gain: 1e-12, leaf: -1, cut: -1 };
        leaves.forEach(([lo, hi], li) => {
          const all = sums(lo, hi);
          for (let cut = lo + 1; cut < hi; cut++) {
            const L = sums(lo, cut);
            const R = sums(cut, hi);
            if (L.c < minLeaf || R.c < minLeaf || L.h <= 0 || R.h <= 0) continue;
            const gain = (L.g * L.g) / L.h + (R.g * R.g) / R.h - (all.g * all.g) / all.h;
            if (gain > best.gain) best = { gain, leaf: li, cut };
          }
        });
        if (best.leaf < 0) break;
        const [lo, hi] = leaves[best.leaf]!;
        leaves = [...leaves.slice(0, best.leaf), [lo, best.cut], [best.cut, hi], ...leaves.slice(best.leaf + 1)];
      }
      for (const [lo, hi] of leaves) {
        const s = sums(lo, hi);
        const v = s.h > 1e-12 ? (-lr * s.g) / s.h : 0;
        for (let k = lo; k < hi; k++) shapes[j]![k]! += v;
      }
    }
  }
  return { intercept, shapes };
}

describe("boostShapes against the naive reference (SYNTHETIC data)", () => {
  it("matches on 300 seeded rows x 3 features over 25 rounds", () => {
    const rand = mulberry32(11);
    const n = 300;
    const nBins = [6, 4, 9];
    const bins = nBins.map((b) => Array.from({ length: n }, () => Math.floor(rand() * b)));
    const y = Array.from({ length: n }, (_, i) => (rand() < 0.1 + 0.08 * bins[0]![i]! - 0.05 * bins[1]![i]! ? 1 : 0));
    const want = naiveBoost(bins, y, nBins, 0.1, 25, 3, 5);
    const got = boostShapes({ bins: bins.map((b) => Uint16Array.from(b)), labels: Uint8Array.from(y) }, nBins, {
      ...base,
      learningRate: 0.1,
      maxRounds: 25,
      maxLeaves: 3,
      minSamplesLeaf: 5,
      monotone: [0, 0, 0],
      monotoneFrom: [0, 0, 0],
    });
    expect(got.intercept).toBeCloseTo(want.intercept, 14);
    got.shapes.forEach((s, j) => {
      s.forEach((v, k) => {
        expect(v).toBeCloseTo(want.shapes[j]![k]!, 10);
      });
    });
    expect(got.rounds).toBe(25);
  });

  it("keeps the round with the lowest validation loss and stops after `patience` rounds without improvement", () => {
    const rand = mulberry32(5);
    const mk = (n: number) => {
      const b = Array.from({ length: n }, () => Math.floor(rand() * 20));
      return { bins: [Uint16Array.from(b)], labels: Uint8Array.from(b, (k) => (rand() < 0.1 + 0.01 * k ? 1 : 0)) };
    };
    const r = boostShapes(
      mk(400),
      [20],
      { ...base, learningRate: 0.5, maxRounds: 500, maxLeaves: 8, patience: 5 },
      mk(400),
    );
    const best = Math.min(...r.validationLoss);
    expect(r.validationLoss[r.bestRound - 1]).toBe(best);
    expect(r.rounds).toBe(r.bestRound + 5);
    expect(r.validationLoss.length).toBe(r.rounds);
  });
});

describe("boostShapes: monotone constraints (property)", () => {
  it("a constrained shape is monotone over its interval bins after every kind of data", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 3, max: 12 }),
        fc.constantFrom(1, -1),
        fc.integer({ min: 0, max: 2 }),
        (seed, nb, dir, from) => {
          const rand = mulberry32(seed);
          const n = 200;
          const b = Array.from({ length: n }, () => Math.floor(rand() * nb));
          const y = Uint8Array.from(b, () => (rand() < 0.3 ? 1 : 0));
          if (y.every((v) => v === y[0])) return;
          const r = boostShapes({ bins: [Uint16Array.from(b)], labels: y }, [nb], {
            ...base,
            learningRate: 0.3,
            maxRounds: 20,
            maxLeaves: 4,
            minSamplesLeaf: 3,
            monotone: [dir],
            monotoneFrom: [from],
          });
          const s = r.shapes[0]!;
          for (let k = from + 1; k < nb; k++) expect(dir * (s[k]! - s[k - 1]!)).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});
