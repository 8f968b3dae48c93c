/**
 * Reference values from scikit-learn / scipy, recorded (CI has no Python).
 * Produced with Debian bookworm python3-sklearn 1.2.1, python3-scipy 1.10.1, numpy 1.24.2:
 *   /usr/bin/python3 metrics_ref.py
 * where metrics_ref.py is:
 *   import numpy as np, json
 *   from sklearn.metrics import roc_auc_score, roc_curve, brier_score_loss
 *   from scipy.stats import ks_2samp
 *   rng = np.random.default_rng(20240501)
 *   y = rng.integers(0, 2, 40)
 *   p = np.round(np.clip(0.35 + 0.3 * y + rng.normal(0, 0.2, 40), 0, 1), 2)
 *   w = np.round(rng.uniform(0.5, 2, 40), 2)
 *   fpr, tpr, _ = roc_curve(y, p)
 *   print(y, p, w, roc_auc_score(y, p), roc_auc_score(y, -p), np.max(tpr - fpr),
 *         ks_2samp(p[y == 1], p[y == 0]).statistic, brier_score_loss(y, p),
 *         brier_score_loss(y, p, sample_weight=w))
 * The scores are rounded to 2 decimals, so there are ties (0.12, 0.18, 0.45, 0.52, 0.69, 0.78 ...).
 */
import { describe, expect, it } from "vitest";
import { auc, brier, gini, ks } from "../../src/metrics";

const y = [
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0,
  0,
];
const p = [
  0.44, 0.12, 0.5, 0.08, 0.18, 0.37, 0.11, 0.12, 0.69, 0.32, 0.28, 0.78, 0.85, 0.47, 0.52, 0.46, 0.68, 0.18, 0.78, 0.32,
  0.65, 0.55, 0.92, 0.27, 0.74, 0.61, 0.45, 0.62, 0.54, 0.39, 0.33, 0.58, 0.52, 0.45, 0.52, 0.78, 0.39, 0.69, 0.21,
  0.66,
];
const w = [
  1.27, 0.95, 1.56, 0.52, 1.99, 1.09, 0.55, 0.83, 1.06, 0.55, 0.64, 1.3, 1.84, 1.67, 1.04, 0.81, 1.43, 1.42, 0.66, 1.23,
  1.92, 0.94, 1.37, 0.5, 0.64, 1.77, 1.13, 0.51, 1.66, 1.16, 1.99, 0.9, 0.83, 1.76, 1.91, 1.25, 1.64, 1.13, 1.45, 1.43,
];

describe("metrics agree with scikit-learn / scipy to 1e-9", () => {
  it("auc = roc_auc_score(y, p) = 0.7774725274725276", () => {
    expect(Math.abs(auc(p, y) - 0.7774725274725276)).toBeLessThan(1e-9);
    expect(Math.abs(gini(p, y) - (2 * 0.7774725274725276 - 1))).toBeLessThan(1e-9);
  });
  it("auc with higherIsBad: false = roc_auc_score(y, -p) = 0.2225274725274725", () => {
    expect(Math.abs(auc(p, y, { higherIsBad: false }) - 0.2225274725274725)).toBeLessThan(1e-9);
  });
  it("ks = max(tpr - fpr) of roc_curve = ks_2samp statistic = 0.4835164835164835", () => {
    expect(Math.abs(ks(p, y) - 0.4835164835164835)).toBeLessThan(1e-9);
  });
  it("brier = brier_score_loss(y, p) = 0.19440000000000002, weighted 0.21297068322981366", () => {
    expect(Math.abs(brier(p, y) - 0.19440000000000002)).toBeLessThan(1e-9);
    expect(Math.abs(brier(p, y, { weights: w }) - 0.21297068322981366)).toBeLessThan(1e-9);
  });
});

describe("brier", () => {
  it("hand calculation: (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.0375", () => {
    expect(brier([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0])).toBeCloseTo(0.0375, 15);
  });
  it("rejects probabilities outside [0, 1], empty input, bad weights", () => {
    expect(() => brier([1.2], [1])).toThrow(RangeError);
    expect(() => brier([], [])).toThrow(RangeError);
    expect(() => brier([0.5], [1], { weights: [-1] })).toThrow(RangeError);
    expect(() => brier([0.5], [1], { weights: [0] })).toThrow(RangeError);
    expect(() => brier([0.5, 0.5], [1, 0], { weights: [1] })).toThrow(RangeError);
    expect(() => brier({} as never, [1])).toThrow(TypeError);
  });
});
