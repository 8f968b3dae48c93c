/**
 * Purification of the boosted scorecard's pair terms (Lengerich, Tan, Chang, Hooker and Caruana,
 * "Purifying interaction effects with the functional ANOVA", AISTATS 2020; written from the paper,
 * not from its code): the part of a pair's table that depends on one feature alone moves into that
 * feature's main shape, so that the main shapes carry every one-feature effect and the pair table
 * only what the two features do together. Internal: used by train-boosted-scorecard.ts.
 */

/** Stop when no row or column mean moved by more than this times max(1, largest |cell|). */
const TOLERANCE = 1e-14;
/** The most sweeps (each moves every row mean, then every column mean). */
const MAX_SWEEPS = 100_000;

/** What `purifyPair` moved out of a table. @internal */
export interface PairMeans {
  /** Moved into the first feature's main shape, per coarse bin (table row). */
  readonly rows: Float64Array;
  /** Moved into the second feature's main shape, per coarse bin (table column). */
  readonly columns: Float64Array;
  /** Sweeps run. */
  readonly sweeps: number;
}

/**
 * Purifies an `na x nb` pair table (cell `r * nb + c`) in place under cell weights `w`: repeatedly
 * subtracts from every row its weighted mean `m_r = sum_c w_rc T_rc / sum_c w_rc` (adding it to
 * `rows[r]`), then from every column its weighted mean (adding it to `columns[c]`), until no mean
 * exceeds 1e-14 x max(1, largest |cell|). Each move keeps `T_rc + rows[r] + columns[c]` the same
 * for every cell, so a model that adds `rows` and `columns` to the main shapes predicts the same on
 * every row; at the end every row and column with weight has weighted mean 0. A row or column of
 * zero weight moves nothing. The result is the weighted least-squares residual of the table on
 * `row + column` effects (the weighted two-way ANOVA interaction), reached by backfitting.
 * @param table the pair's log-odds per cell, purified in place
 * @param w weight per cell (training rows; 0 for a cell that must not count)
 * @param na rows of the table (coarse bins of the first feature)
 * @param nb columns (coarse bins of the second feature)
 * @returns the means moved per row and per column, and the sweeps run
 * @internal
 */
export function purifyPair(table: Float64Array, w: Float64Array, na: number, nb: number): PairMeans {
  const rows = new Float64Array(na);
  const columns = new Float64Array(nb);
  let scale = 1;
  for (let k = 0; k < na * nb; k++) if (w[k]! > 0 && Math.abs(table[k]!) > scale) scale = Math.abs(table[k]!);
  const tol = TOLERANCE * scale;
  let sweeps = 0;
  while (sweeps < MAX_SWEEPS) {
    sweeps++;
    // rows: cells r * nb + c (stride 1 along a row); then columns: r * nb + c (stride nb)
    const movedRows = moveMeans(table, w, na, nb, 1, rows);
    const movedColumns = moveMeans(table, w, nb, 1, nb, columns);
    if (Math.max(movedRows, movedColumns) <= tol) break;
  }
  return { rows, columns, sweeps };
}

/**
 * One half-sweep: for each of `lines` lines (line l starts at cell `l * lineStep` and steps
 * `cellStep`, `table.length / lines` cells), subtracts its weighted mean from its cells and adds
 * it to `into[l]`; a line of zero weight is left alone.
 * @returns the largest |mean| moved
 */
function moveMeans(
  table: Float64Array,
  w: Float64Array,
  lines: number,
  lineStep: number,
  cellStep: number,
  into: Float64Array,
): number {
  const cells = table.length / lines;
  let moved = 0;
  for (let l = 0; l < lines; l++) {
    let sw = 0;
    let s = 0;
    for (let k = 0, at = l * lineStep; k < cells; k++, at += cellStep) {
      sw += w[at]!;
      s += w[at]! * table[at]!;
    }
    if (!(sw > 0)) continue;
    const m = s / sw;
    for (let k = 0, at = l * lineStep; k < cells; k++, at += cellStep) table[at] -= m;
    into[l] += m;
    if (Math.abs(m) > moved) moved = Math.abs(m);
  }
  return moved;
}

/**
 * The cell weights of a pair and its empty-cell policy: a cell with at least `minRows` training
 * rows weighs its row count; a thinner one weighs 0 (its few rows say little about an interaction).
 * @param counts training rows per cell
 * @param minRows fewest rows for a cell to count
 * @returns the weights
 * @internal
 */
export function cellWeights(counts: Float64Array, minRows: number): Float64Array {
  return Float64Array.from(counts, (n) => (n >= minRows && n > 0 ? n : 0));
}

/** One side of a pair for `purifyInto`: the feature's main shape per fine bin, and the coarse bins. @internal */
export interface PairSide {
  /** Log-odds per fine bin, changed in place. */
  readonly shape: Float64Array;
  /** The coarse bin (table row or column) of each fine bin. */
  readonly ofFine: Uint8Array;
  /** Number of coarse bins. */
  readonly bins: number;
}

/**
 * Purifies a pair term into the main shapes of its two features and applies the empty-cell policy:
 * the table is purified under `cellWeights(counts, minRows)` (`purifyPair`), each moved row mean is
 * added to every fine bin of the first feature in that coarse bin, each column mean to the second
 * feature's, and every cell of weight 0 (fewer than `minRows` training rows) is set to 0: a row in
 * such a cell is scored by the two main shapes alone. Rows in the other cells get the same total
 * log-odds as before.
 * @param table the pair's log-odds per cell (`a.bins x b.bins`), changed in place
 * @param counts training rows per cell
 * @param minRows fewest rows for a cell to keep an interaction value
 * @param a the first feature (table rows)
 * @param b the second feature (table columns)
 * @returns the moved means
 * @internal
 */
export function purifyInto(
  table: Float64Array,
  counts: Float64Array,
  minRows: number,
  a: PairSide,
  b: PairSide,
): PairMeans {
  const w = cellWeights(counts, minRows);
  const moved = purifyPair(table, w, a.bins, b.bins);
  for (let k = 0; k < a.shape.length; k++) a.shape[k] += moved.rows[a.ofFine[k]!]!;
  for (let k = 0; k < b.shape.length; k++) b.shape[k] += moved.columns[b.ofFine[k]!]!;
  for (let k = 0; k < table.length; k++) if (w[k] === 0) table[k] = 0;
  return moved;
}
