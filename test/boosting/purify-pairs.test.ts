import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellWeights, purifyInto, purifyPair } from "../../src/boosting/purify-pairs";
import { roundPoints } from "../../src/scorecard/round-points";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

/**
 * The naive reference: the weighted least-squares fit of `a_r + b_c` to the table over the cells
 * of positive weight, from its normal equations
 *   a_r W_r + sum_c w_rc b_c = sum_c w_rc T_rc,   sum_r w_rc a_r + b_c W_c = sum_r w_rc T_rc,
 * solved by Gauss-Jordan elimination with partial pivoting, a free unknown (a pivot below 1e-9 of
 * the matrix's largest entry: the system is singular, a constant can move between a and b) set to
 * 0. The residual `T - a - b` on weighted cells does not depend on which solution is taken.
 */
function naiveResidual(t: readonly number[], w: readonly number[], na: number, nb: number): number[] {
  const m = na + nb;
  const A = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let r = 0; r < na; r++)
    for (let c = 0; c < nb; c++) {
      const wk = w[r * nb + c]!;
      const tk = t[r * nb + c]!;
      A[r]![r]! += wk;
      A[r]![na + c]! += wk;
      A[r]![m]! += wk * tk;
      A[na + c]![r]! += wk;
      A[na + c]![na + c]! += wk;
      A[na + c]![m]! += wk * tk;
    }
  let big = 0;
  for (const row of A) for (let j = 0; j < m; j++) big = Math.max(big, Math.abs(row[j]!));
  const pivotOf = new Array<number>(m).fill(-1);
  let row = 0;
  for (let col = 0; col < m && row < m; col++) {
    let p = row;
    for (let i = row + 1; i < m; i++) if (Math.abs(A[i]![col]!) > Math.abs(A[p]![col]!)) p = i;
    if (Math.abs(A[p]![col]!) <= 1e-9 * big) continue;
    [A[row], A[p]] = [A[p]!, A[row]!];
    const piv = A[row]![col]!;
    for (let j = 0; j <= m; j++) A[row]![j]! /= piv;
    for (let i = 0; i < m; i++)
      if (i !== row && A[i]![col] !== 0) {
        const f = A[i]![col]!;
        for (let j = 0; j <= m; j++) A[i]![j]! -= f * A[row]![j]!;
      }
    pivotOf[col] = row;
    row++;
  }
  const x = pivotOf.map((p) => (p < 0 ? 0 : A[p]![m]!));
  return t.map((v, k) => v - x[Math.floor(k / nb)]! - x[na + (k % nb)]!);
}

/** Weighted mean of every row and every column (rows and columns of zero weight left out). */
function means(t: ArrayLike<number>, w: ArrayLike<number>, na: number, nb: number): number[] {
  const out: number[] = [];
  // rows: cells r * nb + c for c < nb; columns: r * nb + c for r < na
  for (const [lines, cells, at] of [
    [na, nb, (l: number, k: number) => l * nb + k],
    [nb, na, (l: number, k: number) => k * nb + l],
  ] as const)
    for (let l = 0; l < lines; l++) {
      let sw = 0;
      let s = 0;
      for (let k = 0; k < cells; k++) {
        sw += w[at(l, k)]!;
        s += w[at(l, k)]! * t[at(l, k)]!;
      }
      if (sw > 0) out.push(s / sw);
    }
  return out;
}

describe("purifyPair: hand calculation", () => {
  it("an additive table [[1, 2], [3, 4]] with equal weights is all main effect: rows 1.5, 3.5, columns -0.5, 0.5, table 0", () => {
    // sweep 1: row means (1+2)/2 = 1.5 and (3+4)/2 = 3.5 leave [[-0.5, 0.5], [-0.5, 0.5]];
    // column means -0.5 and 0.5 leave 0; sweep 2 moves nothing
    const t = Float64Array.of(1, 2, 3, 4);
    const m = purifyPair(t, Float64Array.of(1, 1, 1, 1), 2, 2);
    expect(Array.from(t)).toEqual([0, 0, 0, 0]);
    expect(Array.from(m.rows)).toEqual([1.5, 3.5]);
    expect(Array.from(m.columns)).toEqual([-0.5, 0.5]);
    expect(m.sweeps).toBe(2);
  });

  it("a pure interaction (XOR [[1, -1], [-1, 1]], equal weights) moves nothing", () => {
    const t = Float64Array.of(1, -1, -1, 1);
    const m = purifyPair(t, Float64Array.of(5, 5, 5, 5), 2, 2);
    expect(Array.from(t)).toEqual([1, -1, -1, 1]);
    expect(Array.from(m.rows)).toEqual([0, 0]);
    expect(Array.from(m.columns)).toEqual([0, 0]);
  });

  it("XOR with weights [[3, 1], [1, 1]]: the closed form of the 2 x 2 case", () => {
    // A 2 x 2 residual with zero weighted row and column means is d * [[1/w00, -1/w01], [-1/w10, 1/w11]]
    // (row 0: w00 d/w00 - w01 d/w01 = 0, and so on). The additive part a_r + b_c has no
    // interaction contrast, so T00 - T01 - T10 + T11 = 4 is the residual's: d (1/3 + 1 + 1 + 1) = 4,
    // d = 12/10 = 1.2, residual [[0.4, -1.2], [-1.2, 1.2]].
    const t = Float64Array.of(1, -1, -1, 1);
    purifyPair(t, Float64Array.of(3, 1, 1, 1), 2, 2);
    const want = [0.4, -1.2, -1.2, 1.2];
    t.forEach((v, k) => {
      expect(v).toBeCloseTo(want[k]!, 13);
    });
  });
});

describe("purifyPair against the naive least-squares reference (SYNTHETIC tables, property)", () => {
  it("the same table on weighted cells; row and column weighted means 0 to 1e-12; every cell's T + row + column unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(0, 0.2, 0.5),
        (seed, na, nb, emptyShare) => {
          const rand = mulberry32(seed);
          const t = Array.from({ length: na * nb }, () => rand() * 6 - 3);
          const w = Array.from({ length: na * nb }, () => (rand() < emptyShare ? 0 : 1 + Math.floor(rand() * 500)));
          const got = Float64Array.from(t);
          const m = purifyPair(got, Float64Array.from(w), na, nb);
          const want = naiveResidual(t, w, na, nb);
          got.forEach((v, k) => {
            if (w[k]! > 0) expect(Math.abs(v - want[k]!)).toBeLessThan(1e-10);
            // the move keeps every cell's total, weighted or not
            expect(v + m.rows[Math.floor(k / nb)]! + m.columns[k % nb]!).toBeCloseTo(t[k]!, 12);
          });
          for (const mean of means(got, w, na, nb)) expect(Math.abs(mean)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("strongly dependent features (weight on the diagonal, little off it) still converge to 1e-12", () => {
    const na = 6;
    const t = Array.from({ length: na * na }, (_, k) => Math.sin(k));
    const w = Array.from({ length: na * na }, (_, k) => (Math.floor(k / na) === k % na ? 10_000 : 1));
    const got = Float64Array.from(t);
    purifyPair(got, Float64Array.from(w), na, na);
    for (const mean of means(got, w, na, na)) expect(Math.abs(mean)).toBeLessThan(1e-12);
    const want = naiveResidual(t, w, na, na);
    got.forEach((v, k) => {
      expect(Math.abs(v - want[k]!)).toBeLessThan(1e-9);
    });
  });
});

describe("purifyInto: into the main shapes, thin cells 0 (SYNTHETIC model and rows)", () => {
  /**
   * A model over two features: main shapes over 5 and 4 fine bins, a 3 x 2 pair over their coarse
   * bins (fine -> coarse maps below), and 400 rows; cells below `minRows` rows are thin.
   */
  function model(seed: number) {
    const rand = mulberry32(seed);
    const ofFineA = Uint8Array.of(0, 1, 1, 2, 2);
    const ofFineB = Uint8Array.of(0, 0, 1, 1);
    const shapeA = Float64Array.from({ length: 5 }, () => rand() - 0.5);
    const shapeB = Float64Array.from({ length: 4 }, () => rand() - 0.5);
    const table = Float64Array.from({ length: 6 }, () => rand() * 2 - 1);
    // rows skewed so that coarse cell (0, 1) gets few of them
    const rows = Array.from({ length: 400 }, () => {
      const fa = Math.floor(rand() * 5);
      const fb =
        fa === 0 ? (rand() < 0.97 ? Math.floor(rand() * 2) : 2 + Math.floor(rand() * 2)) : Math.floor(rand() * 4);
      return [fa, fb] as const;
    });
    const counts = new Float64Array(6);
    for (const [fa, fb] of rows) counts[ofFineA[fa]! * 2 + ofFineB[fb]!]!++;
    return { ofFineA, ofFineB, shapeA, shapeB, table, rows, counts };
  }
  const total = (m: ReturnType<typeof model>, fa: number, fb: number) =>
    m.shapeA[fa]! + m.shapeB[fb]! + m.table[m.ofFineA[fa]! * 2 + m.ofFineB[fb]!]!;

  it("rows in cells with at least minRows rows keep their log-odds to 1e-12; thin cells get 0 and their rows the mains alone", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const before = model(seed);
      const after = model(seed);
      const minRows = 20;
      const thin = Array.from(before.counts, (n) => n < minRows);
      expect(thin.some((x) => x)).toBe(true);
      const moved = purifyInto(
        after.table,
        after.counts,
        minRows,
        { shape: after.shapeA, ofFine: after.ofFineA, bins: 3 },
        { shape: after.shapeB, ofFine: after.ofFineB, bins: 2 },
      );
      for (const [fa, fb] of before.rows) {
        const k = before.ofFineA[fa]! * 2 + before.ofFineB[fb]!;
        if (thin[k]) {
          expect(after.table[k]).toBe(0);
          // the mains alone: the old mains plus the moved means of the row's coarse bins
          const r = before.ofFineA[fa]!;
          const c = before.ofFineB[fb]!;
          expect(total(after, fa, fb)).toBeCloseTo(
            before.shapeA[fa]! + before.shapeB[fb]! + moved.rows[r]! + moved.columns[c]!,
            12,
          );
        } else expect(total(after, fa, fb)).toBeCloseTo(total(before, fa, fb), 12);
      }
      // every row and column of the pair has count-weighted mean 0 (thin cells are 0, so it holds
      // under the full counts too)
      for (const mean of means(after.table, after.counts, 3, 2)) expect(Math.abs(mean)).toBeLessThan(1e-12);
    }
  });

  it("the card's scores of the rows outside thin cells move by no more than rounding (0.5 point per rounded term)", () => {
    // points = -factor x log-odds (pdoScaling pdo 50: factor 50 / ln 2), rounded half-up per
    // characteristic; three rounded terms per row (two mains and the pair) before and after
    const factor = 50 / Math.LN2;
    const pts = (v: number) => roundPoints(-factor * v, "half-up");
    for (let seed = 1; seed <= 20; seed++) {
      const before = model(seed);
      const after = model(seed);
      purifyInto(
        after.table,
        after.counts,
        20,
        { shape: after.shapeA, ofFine: after.ofFineA, bins: 3 },
        { shape: after.shapeB, ofFine: after.ofFineB, bins: 2 },
      );
      const score = (m: ReturnType<typeof model>, fa: number, fb: number) =>
        pts(m.shapeA[fa]!) + pts(m.shapeB[fb]!) + pts(m.table[m.ofFineA[fa]! * 2 + m.ofFineB[fb]!]!);
      for (const [fa, fb] of before.rows) {
        const k = before.ofFineA[fa]! * 2 + before.ofFineB[fb]!;
        if (before.counts[k]! < 20) continue;
        expect(Math.abs(score(after, fa, fb) - score(before, fa, fb))).toBeLessThanOrEqual(3);
        expect(Math.abs(-factor * total(after, fa, fb) - -factor * total(before, fa, fb))).toBeLessThan(1e-9);
      }
    }
  });

  it("cellWeights: a cell weighs its rows from minRows up, 0 below (and 0 when empty, whatever minRows)", () => {
    expect(Array.from(cellWeights(Float64Array.of(0, 1, 19, 20, 300), 20))).toEqual([0, 0, 0, 20, 300]);
    expect(Array.from(cellWeights(Float64Array.of(0, 1, 2), 0))).toEqual([0, 1, 2]);
  });
});
