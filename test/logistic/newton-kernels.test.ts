/**
 * The blocked Newton kernels against naive references written the textbook way (one product per
 * loop over the rows, `H_jk = sum_i v_i x_ij x_ik`, `g_j = sum_i r_i x_ij`, `eta_i = sum_j beta_j x_ij`,
 * Cholesky-Banachiewicz then two triangular solves), on arbitrary shapes: every block remainder
 * (d mod 4 = 0..3) and every row count.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choleskySolve, crossProducts, linearPredictor } from "../../src/logistic/internal/newton-kernels";

const finite = fc.double({ min: -8, max: 8, noNaN: true, noDefaultInfinity: true });
const problem = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), d: fc.integer({ min: 1, max: 13 }) })
  .chain(({ n, d }) =>
    fc.record({
      cols: fc.array(fc.array(finite, { minLength: n, maxLength: n }), { minLength: d, maxLength: d }),
      v: fc.array(fc.double({ min: 0, max: 0.25, noNaN: true }), { minLength: n, maxLength: n }),
      r: fc.array(finite, { minLength: n, maxLength: n }),
      beta: fc.array(finite, { minLength: d, maxLength: d }),
    }),
  );

const close = (a: number, b: number, scale: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, scale));
};

describe("blocked Newton kernels vs naive references", () => {
  it("linearPredictor and crossProducts agree with one-product-per-loop sums; H is exactly symmetric", () => {
    fc.assert(
      fc.property(problem, ({ cols, v, r, beta }) => {
        const d = cols.length;
        const n = v.length;
        const C = cols.map((c) => Float64Array.from(c));
        const eta = new Float64Array(n);
        linearPredictor(C, Float64Array.from(beta), eta);
        for (let i = 0; i < n; i++) {
          let e = 0;
          let scale = 0;
          for (let j = 0; j < d; j++) {
            e += beta[j]! * cols[j]![i]!;
            scale += Math.abs(beta[j]! * cols[j]![i]!);
          }
          close(eta[i]!, e, scale);
        }
        const H = new Float64Array(d * d).fill(Number.NaN);
        const g = new Float64Array(d).fill(Number.NaN);
        crossProducts(C, Float64Array.from(v), Float64Array.from(r), new Float64Array(4 * n), H, g);
        for (let j = 0; j < d; j++) {
          let gj = 0;
          let gs = 0;
          for (let i = 0; i < n; i++) {
            gj += r[i]! * cols[j]![i]!;
            gs += Math.abs(r[i]! * cols[j]![i]!);
          }
          close(g[j]!, gj, gs);
          for (let k = 0; k < d; k++) {
            let h = 0;
            let hs = 0;
            for (let i = 0; i < n; i++) {
              h += v[i]! * cols[j]![i]! * cols[k]![i]!;
              hs += Math.abs(v[i]! * cols[j]![i]! * cols[k]![i]!);
            }
            close(H[j * d + k]!, h, hs);
            expect(H[j * d + k]).toBe(H[k * d + j]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("choleskySolve solves H x = b for H = A'A + I and refuses a singular H", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((d) =>
          fc.record({
            A: fc.array(finite, { minLength: d * d, maxLength: d * d }),
            b: fc.array(finite, { minLength: d, maxLength: d }),
          }),
        ),
        ({ A, b }) => {
          const d = b.length;
          const H = new Float64Array(d * d);
          for (let j = 0; j < d; j++)
            for (let k = 0; k < d; k++) {
              let s = j === k ? 1 : 0;
              for (let i = 0; i < d; i++) s += A[i * d + j]! * A[i * d + k]!;
              H[j * d + k] = s;
            }
          const x = new Float64Array(d);
          expect(choleskySolve(H, Float64Array.from(b), new Float64Array(d * d), x)).toBe(true);
          // residual H x - b, relative to |H| |x| + |b|
          for (let j = 0; j < d; j++) {
            let hx = 0;
            let scale = Math.abs(b[j]!);
            for (let k = 0; k < d; k++) {
              hx += H[j * d + k]! * x[k]!;
              scale += Math.abs(H[j * d + k]! * x[k]!);
            }
            expect(Math.abs(hx - b[j]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
          }
        },
      ),
      { numRuns: 300 },
    );
    // by hand: [[4, 2], [2, 3]] x = [2, 1] -> x = [0.5, 0]; [[1, 1], [1, 1]] is singular
    const x = new Float64Array(2);
    expect(choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), new Float64Array(4), x)).toBe(true);
    expect(x[0]).toBeCloseTo(0.5, 15);
    expect(x[1]).toBeCloseTo(0, 15);
    expect(choleskySolve(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1), new Float64Array(4), x)).toBe(false);
  });
});
