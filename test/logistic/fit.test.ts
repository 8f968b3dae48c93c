import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FitError, fitLogistic, predictProba, predictProbaBatch, safeFitLogistic } from "../../src/logistic";
import { thrown } from "../thrown";

describe("fitLogistic small cases", () => {
  it("x = 0..3, y = 0,1,0,1 matches statsmodels Logit", () => {
    // /usr/bin/python3 -c "import statsmodels.api as sm, numpy as np;
    //   r = sm.Logit(np.array([0,1,0,1]), sm.add_constant(np.array([0.,1,2,3]))).fit(disp=0, method='newton', tol=1e-12);
    //   print(r.params, r.bse, r.llf)"   (statsmodels 0.13.5)
    // -> params [-1.36227639, 0.90818426], bse [1.97488295, 1.08519211], llf -2.3474865351213454
    const m = fitLogistic([[0], [1], [2], [3]], [0, 1, 0, 1]);
    expect(m.intercept).toBeCloseTo(-1.36227639, 7);
    expect(m.coefficients[0]).toBeCloseTo(0.90818426, 7);
    expect(m.standardErrors[0]).toBeCloseTo(1.97488295, 7);
    expect(m.standardErrors[1]).toBeCloseTo(1.08519211, 7);
    expect(m.logLikelihood).toBeCloseTo(-2.3474865351213454, 12);
  });
  it("intercept only: the intercept is the log-odds of the bad rate, SE = 1/sqrt(n p (1-p))", () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0];
    const m = fitLogistic(
      y.map(() => []),
      y,
    );
    expect(m.intercept).toBeCloseTo(Math.log(2 / 6), 12);
    expect(m.standardErrors[0]).toBeCloseTo(1 / Math.sqrt(8 * 0.25 * 0.75), 12);
    expect(m.coefficients).toEqual([]);
  });
  it("frequency weights equal duplicated rows", () => {
    const X = [[0], [1], [2], [3], [1.5]];
    const y = [0, 1, 0, 1, 1];
    const w = [2, 1, 3, 1, 2];
    const a = fitLogistic(X, y, { weights: w });
    const Xd: number[][] = [];
    const yd: number[] = [];
    X.forEach((r, i) => {
      for (let k = 0; k < w[i]!; k++) {
        Xd.push(r);
        yd.push(y[i]!);
      }
    });
    const b = fitLogistic(Xd, yd);
    expect(a.intercept).toBeCloseTo(b.intercept, 10);
    expect(a.coefficients[0]).toBeCloseTo(b.coefficients[0]!, 10);
    expect(a.standardErrors[1]).toBeCloseTo(b.standardErrors[1]!, 10);
  });
  it("L2: at the solution the gradient equals l2 * beta (first-order condition)", () => {
    const X = [
      [0, 1],
      [1, 0],
      [2, 1],
      [3, 3],
      [1.5, 2],
      [0.5, 0.2],
    ];
    const y = [0, 1, 0, 1, 1, 0];
    const m = fitLogistic(X, y, { l2: 0.7, tolerance: 1e-12 });
    const beta = [m.intercept, ...m.coefficients];
    const grad = [0, 0, 0];
    X.forEach((r, i) => {
      const res = y[i]! - predictProba(m, r);
      grad[0] += res;
      grad[1] += res * r[0]!;
      grad[2] += res * r[1]!;
    });
    expect(grad[0]).toBeCloseTo(0, 10);
    expect(grad[1]).toBeCloseTo(0.7 * beta[1]!, 10);
    expect(grad[2]).toBeCloseTo(0.7 * beta[2]!, 10);
  });
  it("identical rows with both labels are not separation (rows are grouped internally)", () => {
    const m = fitLogistic([[0], [0], [1], [1], [1]], [0, 1, 0, 1, 1]);
    // saturated: p(x=0) = 1/2, p(x=1) = 2/3 -> intercept 0, slope ln 2
    expect(m.intercept).toBeCloseTo(0, 10);
    expect(m.coefficients[0]).toBeCloseTo(Math.log(2), 10);
  });
  it("reports the iteration cap as converged: false", () => {
    const m = fitLogistic([[0], [1], [2], [3]], [0, 1, 0, 1], { maxIterations: 1 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBe(1);
  });
});

describe("fitLogistic failures are clear", () => {
  it("perfect separation throws FitError (reason separation), safeFitLogistic returns issues", () => {
    expect(() => fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1])).toThrow(FitError);
    const e = thrown(() => fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1]), FitError);
    expect(e.reason).toBe("separation");
    expect(e.issues[0]!.code).toBe("invalid_value");
    const r = safeFitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1]);
    expect(r.ok).toBe(false);
  });
  it("quasi-complete separation (a tie at the boundary) throws FitError", () => {
    expect(() => fitLogistic([[0], [1], [2], [2], [3], [4]], [0, 0, 0, 1, 1, 1])).toThrow(/separat/);
    const r = safeFitLogistic([[0], [1], [2], [2], [3], [4]], [0, 0, 0, 1, 1, 1]);
    expect(r.ok).toBe(false);
  });
  it("separation is fine with an L2 penalty", () => {
    const m = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 1 });
    expect(m.converged).toBe(true);
    expect(m.coefficients[0]).toBeGreaterThan(0);
  });
  it("collinear and constant columns throw FitError (reason singular)", () => {
    const X = [
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8.0000000001],
      [0, 0],
    ];
    const y = [0, 1, 0, 1, 1];
    expect(() => fitLogistic(X, y)).toThrow(/singular/);
    expect(() => fitLogistic([[1], [1], [1], [1]], [0, 1, 0, 1])).toThrow(FitError);
    expect(thrown(() => fitLogistic([[1], [1], [1], [1]], [0, 1, 0, 1]), FitError).reason).toBe("singular");
  });
  it("rejects bad input with TypeError / RangeError and no values in messages", () => {
    expect(() => fitLogistic("x" as never, [1])).toThrow(TypeError);
    expect(() => fitLogistic([], [])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2, 3]], [0, 1])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [Number.NaN]], [0, 1])).toThrow(RangeError);
    expect(() => fitLogistic([[1], ["2"]] as never, [0, 1])).toThrow(TypeError);
    expect(() => fitLogistic([[1], [2]], [0, 2])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0, 1], { l2: -1 })).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0, 1], { weights: [1, -1] })).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0, 1], { weights: [0, 0] })).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0, 1], { maxIterations: 0 })).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2]], [0, 1], { featureNames: ["a", "b"] })).toThrow(RangeError);
    expect(() => fitLogistic([[98765], [2]], [0, 7])).toThrow(/^(?!.*98765).*$/s);
  });
});

describe("predict", () => {
  const model = {
    intercept: -1,
    coefficients: [2, -0.5],
    standardErrors: [0, 0, 0],
    logLikelihood: 0,
    iterations: 1,
    converged: true,
  };
  it("hand values and overflow safety", () => {
    expect(predictProba(model, [0.5, 0])).toBe(0.5);
    expect(predictProba(model, [1000, 0])).toBe(1);
    expect(predictProba(model, [-1000, 0])).toBe(0);
    expect(predictProba(model, [1, 2])).toBeCloseTo(1 / (1 + Math.exp(0)), 15);
  });
  it("rejects wrong lengths", () => {
    expect(() => predictProba(model, [1])).toThrow(RangeError);
    expect(() => predictProbaBatch(model, new Float64Array(3))).toThrow(RangeError);
    expect(() => predictProbaBatch(model, [[1]])).toThrow(RangeError);
    expect(() => predictProbaBatch(model, new Float64Array(4), new Float64Array(1))).toThrow(RangeError);
    expect(() => predictProbaBatch(model, "ab" as never)).toThrow(TypeError);
  });
  it("property: probabilities in [0, 1], monotone in a positive-coefficient column", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const p = predictProba(model, [a, b]);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(predictProba(model, [a + 1, b])).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });
});
