import type { LogisticModel } from "./types";

/**
 * The probability of bad (label 1) for one row: `1 / (1 + exp(-(intercept + sum_j c_j x_j)))`,
 * computed without overflow. No allocation.
 * @param model a fitted model
 * @param row one value per coefficient
 * @returns the probability in [0, 1]
 * @throws {RangeError} when the row length differs from the number of coefficients
 * @example predictProba({ intercept: 0, coefficients: [1], standardErrors: [0, 0], logLikelihood: 0, iterations: 1, converged: true }, [0]) // => 0.5
 */
export function predictProba(model: LogisticModel, row: ArrayLike<number>): number {
  const c = model.coefficients;
  const p = c.length;
  if (row.length !== p) throw new RangeError(`predictProba: row must have ${p} values`);
  let eta = model.intercept;
  for (let j = 0; j < p; j++) eta += c[j]! * row[j]!;
  return sigmoid(eta);
}

/**
 * Probabilities of bad for many rows: either a flat row-major Float64Array of `n * p` values, or
 * an array of rows. Coefficients are copied once into a Float64Array; the loop allocates nothing
 * else (pass `out` to reuse a buffer).
 * @param model a fitted model
 * @param rows a flat row-major Float64Array (length a multiple of p) or an array of rows
 * @param out optional output buffer with room for one probability per row
 * @returns the probabilities, one per row
 * @throws {RangeError} when the flat length is not a multiple of p, a row has the wrong length, or `out` is too short
 * @throws {TypeError} when `rows` is neither a Float64Array nor an array
 * @example predictProbaBatch(model, new Float64Array([0, 1])) // => Float64Array [0.5, 0.7310585786300049] (1 / (1 + e^-1) for the one-column model)
 */
export function predictProbaBatch(
  model: LogisticModel,
  rows: Float64Array | readonly ArrayLike<number>[],
  out?: Float64Array,
): Float64Array {
  const c = Float64Array.from(model.coefficients);
  const p = c.length;
  const b0 = model.intercept;
  if (rows instanceof Float64Array) {
    if (p === 0 ? rows.length !== 0 : rows.length % p !== 0) {
      throw new RangeError(`predictProbaBatch: a flat design must hold a multiple of ${p} values`);
    }
    const n = p === 0 ? 0 : rows.length / p;
    const res = out ?? new Float64Array(n);
    if (res.length < n) throw new RangeError("predictProbaBatch: out is too short");
    for (let i = 0, o = 0; i < n; i++, o += p) {
      let eta = b0;
      for (let j = 0; j < p; j++) eta += c[j]! * rows[o + j]!;
      res[i] = sigmoid(eta);
    }
    return res;
  }
  if (!Array.isArray(rows)) throw new TypeError("predictProbaBatch: rows must be a Float64Array or an array of rows");
  const n = rows.length;
  const res = out ?? new Float64Array(n);
  if (res.length < n) throw new RangeError("predictProbaBatch: out is too short");
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r.length !== p) throw new RangeError(`predictProbaBatch: rows[${i}] must have ${p} values`);
    let eta = b0;
    for (let j = 0; j < p; j++) eta += c[j]! * r[j]!;
    res[i] = sigmoid(eta);
  }
  return res;
}

/** Logistic function without overflow. */
function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}
