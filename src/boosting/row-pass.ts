/**
 * The training rows' running model for the boosters in this folder, and the one pass over the rows
 * that each boosting step makes. A row carries its log-odds `f` and `e = exp(-f)`, so that
 * `p = 1 / (1 + e)` needs no `exp`: a step adds `delta[bin]` to `f` and multiplies `e` by
 * `exp(-delta[bin])`, one `exp` per bin instead of one per row. An exact pass (`e = exp(-f)` row by
 * row) ends every round, so rounding from the products never builds up over more than one round
 * (bench/RESULTS.md, "boosting trainer"), and replaces a step whose largest |delta| would take the
 * rows more than `DRIFT_LIMIT` in log-odds from the last exact pass, so that a row whose `e`
 * saturated (0 or Infinity, |f| > 709) stays where `p` is 0 or 1 to within 1e-47 until the next
 * exact pass. Internal: used by boost-shapes.ts and pairs.ts.
 */

/** The most log-odds the multiplicative steps may move a row between two exact passes. */
export const DRIFT_LIMIT = 600;

/** The running model on the training rows (mutated in place by `stepRows`). @internal */
export interface Rows {
  /** Log-odds of bad per row. */
  readonly f: Float64Array;
  /** exp(-f) per row. */
  readonly e: Float64Array;
  /** Labels, 1 = bad. */
  readonly y: Uint8Array;
  /** Scratch: exp(-delta) per bin of the step, and two interleaved histograms (2 slots per bin). */
  readonly factor: Float64Array;
  readonly g2: Float64Array;
  readonly h2: Float64Array;
  /** Largest log-odds move of the multiplicative steps since the last exact pass. */
  drift: number;
}

/**
 * Starts the rows' model from the log-odds `f` (taken, not copied).
 * @param f log-odds per row
 * @param y labels
 * @param maxBins the most bins (or cells) of any term that a step will update
 * @returns the rows, `e = exp(-f)` computed row by row
 * @internal
 */
export function startRows(f: Float64Array, y: Uint8Array, maxBins: number): Rows {
  const e = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) e[i] = Math.exp(-f[i]!);
  return {
    f,
    e,
    y,
    factor: new Float64Array(maxBins),
    g2: new Float64Array(2 * maxBins),
    h2: new Float64Array(2 * maxBins),
    drift: 0,
  };
}

/**
 * Rows per bin of a term (its bin of every row in `col`, `b` bins); constant over the rounds, so
 * counted once.
 * @internal
 */
export function binCounts(col: Uint16Array, b: number): Float64Array {
  const c = new Float64Array(b);
  for (let i = 0; i < col.length; i++) c[col[i]!]!++;
  return c;
}

/**
 * Sums the gradients `p - y` and hessians `p (1 - p)` of the logistic loss per bin of a term
 * (`col`, `b` bins; or per cell of a pair), from the probability `prob` of every row.
 * @internal
 */
export function histogram(
  col: Uint16Array,
  b: number,
  prob: Float64Array,
  y: Uint8Array,
  g: Float64Array,
  h: Float64Array,
): void {
  g.fill(0, 0, b);
  h.fill(0, 0, b);
  for (let i = 0; i < y.length; i++) {
    const k = col[i]!;
    const pi = prob[i]!;
    g[k] += pi - y[i]!;
    h[k] += pi * (1 - pi);
  }
}

/** The probability of bad `1 / (1 + e^-z)` of every log-odds `z`. @internal */
export function sigmoidOf(f: Float64Array): Float64Array {
  return Float64Array.from(f, (z) => 1 / (1 + Math.exp(-z)));
}

/**
 * One step over the rows: adds the step `delta` of each row's bin (`col`, `b` bins) to its
 * log-odds and sums gradients and hessians per bin of the next term to fit (`next`, `bn` bins),
 * so that each step reads the rows once. `exact` (or a step past the drift limit) recomputes
 * `e = exp(-f)` row by row; otherwise `e` is multiplied by `exp(-delta)` of the row's bin.
 * @internal
 */
export function stepRows(
  rows: Rows,
  delta: Float64Array,
  col: Uint16Array,
  b: number,
  next: Uint16Array,
  bn: number,
  g: Float64Array,
  h: Float64Array,
  exact: boolean,
): void {
  let most = 0;
  for (let k = 0; k < b; k++) {
    const a = Math.abs(delta[k]!);
    if (a > most) most = a;
  }
  g.fill(0, 0, bn);
  h.fill(0, 0, bn);
  const { f, e, y } = rows;
  if (exact || !(rows.drift + most <= DRIFT_LIMIT)) {
    rows.drift = 0;
    for (let i = 0; i < f.length; i++) {
      const fi = f[i]! + delta[col[i]!]!;
      f[i] = fi;
      const ei = Math.exp(-fi);
      e[i] = ei;
      const pi = 1 / (1 + ei);
      const k = next[i]!;
      g[k] += pi - y[i]!;
      h[k] += pi * (1 - pi);
    }
    return;
  }
  rows.drift += most;
  const { factor, g2, h2 } = rows;
  for (let k = 0; k < b; k++) factor[k] = Math.exp(-delta[k]!);
  // two interleaved histograms (even rows into slots 2k, odd rows into 2k + 1): a feature with
  // most rows in one bin would otherwise chain every add to the one before it through memory
  g2.fill(0, 0, 2 * bn);
  h2.fill(0, 0, 2 * bn);
  const n = f.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const c0 = col[i]!;
    f[i] += delta[c0]!;
    const e0 = e[i]! * factor[c0]!;
    e[i] = e0;
    const p0 = 1 / (1 + e0);
    const c1 = col[i + 1]!;
    f[i + 1] += delta[c1]!;
    const e1 = e[i + 1]! * factor[c1]!;
    e[i + 1] = e1;
    const p1 = 1 / (1 + e1);
    const k0 = 2 * next[i]!;
    const k1 = 2 * next[i + 1]! + 1;
    g2[k0] += p0 - y[i]!;
    h2[k0] += p0 * (1 - p0);
    g2[k1] += p1 - y[i + 1]!;
    h2[k1] += p1 * (1 - p1);
  }
  for (let k = 0; k < bn; k++) {
    g[k] = g2[2 * k]! + g2[2 * k + 1]!;
    h[k] = h2[2 * k]! + h2[2 * k + 1]!;
  }
  if (i < n) {
    const c = col[i]!;
    f[i] += delta[c]!;
    const ei = e[i]! * factor[c]!;
    e[i] = ei;
    const pi = 1 / (1 + ei);
    const k = next[i]!;
    g[k] += pi - y[i]!;
    h[k] += pi * (1 - pi);
  }
}
