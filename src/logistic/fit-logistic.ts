import { CholeskyDecomposition, Matrix } from "ml-matrix";
import type { Result } from "../schema/result";
import { fail, ok } from "../schema/result";
import { FitError } from "./fit-error";
import { groupRows, toDesign, toLabels, toWeights } from "./internal/design";
import { choleskySolve, crossProducts, linearPredictor } from "./internal/newton-kernels";
import type { Design } from "./internal/design";
import type { LogisticModel } from "./types";

/** Options of `fitLogistic`. */
export interface FitLogisticOptions {
  /** L2 penalty `lambda / 2 * sum_j beta_j^2` on the coefficients (not the intercept). Default 0. */
  readonly l2?: number;
  /** Non-negative frequency weights, one per row (as statsmodels GLM `freq_weights`). Default all 1. */
  readonly weights?: ArrayLike<number>;
  /** Converged when every Newton step component is below this in absolute value (default 1e-8, as statsmodels). */
  readonly tolerance?: number;
  /** Newton iteration cap (default 100). */
  readonly maxIterations?: number;
  /** Column names, copied to the model (must have one name per column). */
  readonly featureNames?: readonly string[];
}

const FN = "fitLogistic";

/**
 * Fits a logistic regression `P(y = 1 | x) = 1 / (1 + exp(-(b0 + x . b)))` by Newton-Raphson /
 * iteratively reweighted least squares from beta = 0 (as statsmodels), solving each step `H delta = gradient`
 * by Cholesky, with step halving when the (penalized) log-likelihood would fall.
 * Standard errors are `sqrt(diag(H^-1))` at the solution, `H = X' W X (+ lambda I)`, as statsmodels
 * `Logit` (unpenalized). Labels: 1 = bad, 0 = good.
 *
 * @param X rows of p finite numbers (an intercept is added)
 * @param y labels, 1 = bad, 0 = good
 * @param options `l2`, `weights`, `tolerance`, `maxIterations`, `featureNames`
 * @returns the fitted model as plain data (`converged: false` when the cap is reached without separation)
 * @throws {TypeError} when X, y or options have the wrong type
 * @throws {RangeError} on ragged rows, mismatched lengths, non-finite values or bad options
 * @throws {FitError} on perfect / quasi-complete separation (unpenalized) or a singular design
 * @example fitLogistic([[0], [1], [2], [3]], [0, 1, 0, 1]).coefficients[0] // => 0.9081842625600952 (statsmodels Logit: 0.90818426)
 */
export function fitLogistic(
  X: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: FitLogisticOptions = {},
): LogisticModel {
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object`);
  const l2 = options.l2 ?? 0;
  if (typeof l2 !== "number" || !(l2 >= 0) || !Number.isFinite(l2))
    throw new RangeError(`${FN}: l2 must be a finite number >= 0`);
  const tol = options.tolerance ?? 1e-8;
  if (typeof tol !== "number" || !(tol > 0)) throw new RangeError(`${FN}: tolerance must be a number > 0`);
  const maxIter = options.maxIterations ?? 100;
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new RangeError(`${FN}: maxIterations must be an integer >= 1`);
  const D = toDesign(X, FN);
  const yy = toLabels(y, D.n, FN);
  const w = toWeights(options.weights, D.n, FN);
  const names = options.featureNames;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length !== D.d - 1 || names.some((s) => typeof s !== "string")) {
      throw new RangeError(`${FN}: featureNames must hold one string per column of X`);
    }
  }
  const d = D.d;
  const grouped = groupRows(D, yy, w);
  const ws = new Workspace(grouped.design, grouped.s, grouped.t);
  // start from zero, as statsmodels does: from the intercept-only point the first full Newton
  // step overshoots and step halving costs extra passes (issue 19: 23 passes for 9 iterations
  // on Give Me Some Credit from there, 9 from zero, same coefficients)
  let beta = new Float64Array(d);
  let trial = new Float64Array(d);
  const delta = new Float64Array(d);
  const H = new Float64Array(d * d);
  const g = new Float64Array(d);
  const L = new Float64Array(d * d);
  ws.pass(beta, l2, H, g);
  let ll = ws.value;
  let converged = false;
  let iterations = 0;
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    if (l2 === 0 && grouped.pure && ws.maxResidual < 1e-8) {
      throw new FitError(
        "separation",
        "perfect separation: the columns predict every label exactly; no finite fit exists (drop or bin the separating column, or use l2)",
      );
    }
    if (!choleskySolve(H, g, L, delta)) throw pivotFailure(it === 1 ? "singular" : "separation");
    // Newton step, halved while the penalized log-likelihood would fall (the pass at the trial
    // point also yields the next gradient and Hessian)
    let step = 1;
    addScaled(beta, delta, step, trial);
    ws.pass(trial, l2, H, g);
    for (let h = 0; h < 30 && ws.value < ll - 1e-12 * Math.abs(ll); h++) {
      step /= 2;
      addScaled(beta, delta, step, trial);
      ws.pass(trial, l2, H, g);
    }
    const previous = beta;
    beta = trial;
    trial = previous;
    ll = ws.value;
    let maxStep = 0;
    for (let j = 0; j < d; j++) maxStep = Math.max(maxStep, Math.abs(step * delta[j]!));
    if (maxStep < tol) {
      converged = true;
      break;
    }
  }
  if (!converged && l2 === 0 && ws.maxAbsEta > 30) {
    throw new FitError(
      "separation",
      "quasi-complete separation: coefficients grow without bound; no finite fit exists (drop or bin the separating column, or use l2)",
    );
  }
  const cov = inverse(H, d);
  const se: number[] = [];
  for (let j = 0; j < d; j++) se.push(Math.sqrt(cov[j * d + j]!));
  return {
    intercept: beta[0]!,
    coefficients: Array.from(beta.subarray(1)),
    standardErrors: se,
    logLikelihood: ws.unpenalized,
    iterations,
    converged,
    ...(names === undefined ? {} : { featureNames: names.slice() }),
  };
}

/**
 * `fitLogistic` returning a `Result` instead of throwing `FitError` (programmer errors still throw).
 * @param X rows of p finite numbers
 * @param y labels, 1 = bad, 0 = good
 * @param options as `fitLogistic`
 * @returns `{ ok: true, value: model }` or `{ ok: false, issues }` on separation / singular design
 * @throws {TypeError|RangeError} as `fitLogistic`
 * @example safeFitLogistic([[0], [1]], [0, 1]).ok // => false (perfect separation)
 */
export function safeFitLogistic(
  X: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: FitLogisticOptions = {},
): Result<LogisticModel> {
  try {
    return ok(fitLogistic(X, y, options));
  } catch (e) {
    if (e instanceof FitError) return fail(e.issues);
    throw e;
  }
}

/**
 * Column-major copies of the design and per-row buffers, allocated once per fit: each pass is a
 * few blocked loops over Float64Arrays (`./internal/newton-kernels.ts`) and allocates nothing; its
 * figures are left in the fields `value`, `unpenalized`, `maxResidual` and `maxAbsEta`.
 */
class Workspace {
  private readonly cols: Float64Array[];
  private readonly eta: Float64Array;
  private readonly res: Float64Array;
  private readonly v: Float64Array;
  private readonly vx: Float64Array;
  /** Penalized log-likelihood at the last pass's beta. */
  value = 0;
  /** Log-likelihood at the last pass's beta. */
  unpenalized = 0;
  /** Largest `|s_i / t_i - mu_i|` over rows with weight. */
  maxResidual = 0;
  /** Largest `|eta_i|` over rows with weight. */
  maxAbsEta = 0;
  /**
   * @param D the (grouped) design
   * @param s successes per row: summed weight * y
   * @param t trials per row: summed weight
   */
  constructor(
    D: Design,
    private readonly s: Float64Array,
    private readonly t: Float64Array,
  ) {
    const { n, d, data } = D;
    this.cols = [];
    for (let j = 0; j < d; j++) {
      const c = new Float64Array(n);
      for (let i = 0, o = j; i < n; i++, o += d) c[i] = data[o]!;
      this.cols.push(c);
    }
    this.eta = new Float64Array(n);
    this.res = new Float64Array(n);
    this.v = new Float64Array(n);
    this.vx = new Float64Array(4 * n);
  }

  /** Log-likelihood, gradient g and Hessian H (negative second derivative) at beta. */
  pass(beta: Float64Array, l2: number, H: Float64Array, g: Float64Array): void {
    const { cols, eta, res, v, vx, s, t } = this;
    const n = eta.length;
    const d = cols.length;
    linearPredictor(cols, beta, eta);
    let ll = 0;
    let maxResidual = 0;
    let maxAbsEta = 0;
    for (let i = 0; i < n; i++) {
      const e = eta[i]!;
      const ti = t[i]!;
      const si = s[i]!;
      let mu: number;
      let sp: number; // log(1 + exp(e))
      if (e >= 0) {
        const t = Math.exp(-e);
        mu = 1 / (1 + t);
        sp = e + Math.log1p(t);
      } else {
        const t = Math.exp(e);
        mu = t / (1 + t);
        sp = Math.log1p(t);
      }
      ll += si * e - ti * sp;
      if (ti > 0) {
        const r = Math.abs(si / ti - mu);
        if (r > maxResidual) maxResidual = r;
        const a = Math.abs(e);
        if (a > maxAbsEta) maxAbsEta = a;
      }
      res[i] = si - ti * mu;
      v[i] = ti * mu * (1 - mu);
    }
    crossProducts(cols, v, res, vx, H, g);
    let pen = 0;
    for (let j = 1; j < d; j++) {
      pen += beta[j]! * beta[j]!;
      g[j] = g[j]! - l2 * beta[j]!;
      H[j * d + j] = H[j * d + j]! + l2;
    }
    this.value = ll - (l2 / 2) * pen;
    this.unpenalized = ll;
    this.maxResidual = maxResidual;
    this.maxAbsEta = maxAbsEta;
  }
}

/** out = beta + step * delta. */
function addScaled(beta: Float64Array, delta: Float64Array, step: number, out: Float64Array): void {
  for (let j = 0; j < beta.length; j++) out[j] = beta[j]! + step * delta[j]!;
}

function pivotFailure(failure: "singular" | "separation"): FitError {
  if (failure === "singular") {
    return new FitError(
      "singular",
      "singular design: some columns are constant, collinear or all zero; remove the redundant columns",
    );
  }
  return new FitError(
    "separation",
    "the information matrix became singular during the fit: the classes are (quasi-)separated by the columns, or columns are collinear",
  );
}

/** Cholesky of H (ml-matrix) with a relative pivot check, so near-collinear designs fail clearly. */
function cholesky(H: Float64Array, d: number, failure: "singular" | "separation"): CholeskyDecomposition {
  const rows: number[][] = [];
  for (let j = 0; j < d; j++) rows.push(Array.from(H.subarray(j * d, j * d + d)));
  const chol = new CholeskyDecomposition(new Matrix(rows));
  let ok = chol.isPositiveDefinite();
  if (ok) {
    const L = chol.lowerTriangularMatrix;
    for (let j = 0; j < d && ok; j++) {
      const ljj = L.get(j, j);
      if (!(ljj * ljj > 1e-11 * H[j * d + j]!) || !(H[j * d + j]! > 0)) ok = false;
    }
  }
  if (!ok) throw pivotFailure(failure);
  return chol;
}

function inverse(H: Float64Array, d: number): Float64Array {
  const inv = cholesky(H, d, "separation").solve(Matrix.eye(d, d));
  const out = new Float64Array(d * d);
  for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) out[j * d + k] = inv.get(j, k);
  return out;
}
