import type { FeatureVector } from "../features/types";
import { type Compiled, compiledOf, indicesFor, scoreRowGeneral, scoreRulesTail } from "./compile";
import type { FeatureBatch, ScoreResult, Scorecard } from "./types";

/*
 * Scoring one row over the padded layout of width w = 8, 16 or 32 (see `Compiled`), with the
 * arithmetic, order and outputs of `scoreRowGeneral`. The count of boundaries <= v comes from a
 * branch-free binary search, `j += h * (pcuts[j + h - 1] <= v)` for h = w/2, ..., 1 (unary plus
 * turns a comparison into 0/1 without a jump): valid because a padded row is sorted with NaN
 * (never <= v) after its boundaries, so `pcuts[i] <= v` holds exactly for i below the count (at
 * most w - 1, which is what the steps reach). One function per width, with the steps written out
 * so that none depends on the width at run time: `row*` write per-characteristic points and
 * attribute indices to the buffers that are not null (and each characteristic's state to `k.seg`,
 * one store, which a card with pair terms reads in `pairTail`), `total*` compute the total only, of
 * rows `from .. to` in one call (`scoreBatch` passes chunks of BATCH_CHUNK rows, `scoreValue` one row).
 *
 * Why six kernels (bench/RESULTS.md, suite scorecard-kernels: `npm run bench -- scorecard-kernels`;
 * interleaved medians of peer time over kernel time on the same card and vectors in the same run;
 * range over the runs of 2026-11-29 on a shared 2-core machine, the recorded run in brackets):
 * each beats the general path (`scoreRowGeneral`) by far more than 10%, so none is folded into it.
 *   row8 1.25-1.35x [1.35x], row16 1.53-1.74x [1.53x], row32 2.2-3.3x [2.18x] (score, with outputs);
 *   total8 1.54-1.68x [1.54x], total16 2.07-2.28x [2.28x], total32 2.8-8.0x [5.74x] (scoreValue,
 *   scoreBatch).
 * Folding them into one loop over the steps was measured too: the totals are 1.17-1.40x [1.20-1.30x]
 * faster than that loop, and a folded row kernel was only 1.07-1.10x faster than the general path at
 * width 8 (the width of the shipped cards), against 1.25-1.35x for row8, so the steps stay written out.
 */
function row8(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const n = k.nPadded;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const psegAttr = k.psegAttr;
  const missingPts = k.pmissingPts;
  const missingAttr = k.pmissingAttr;
  const fallbackPts = k.pfallbackPts;
  const seg = k.seg;
  let total = k.basePoints;
  for (let c = 0; c < n; c++) {
    const i = off + idx[c]!;
    const v = values[i]!;
    let p: number;
    let a: number;
    if (missing[i] === 1) {
      p = missingPts[c]!;
      a = missingAttr[c]!;
      seg[c] = 8;
    } else if (Number.isNaN(v)) {
      p = fallbackPts[c]!;
      a = -1;
      seg[c] = 9;
    } else {
      let j = c * 8;
      j += 4 * +(pcuts[j + 3]! <= v);
      j += 2 * +(pcuts[j + 1]! <= v);
      j += +(pcuts[j]! <= v);
      p = psegPts[j]!;
      a = psegAttr[j]!;
      seg[c] = j - c * 8;
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}

function row16(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const n = k.nPadded;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const psegAttr = k.psegAttr;
  const missingPts = k.pmissingPts;
  const missingAttr = k.pmissingAttr;
  const fallbackPts = k.pfallbackPts;
  const seg = k.seg;
  let total = k.basePoints;
  for (let c = 0; c < n; c++) {
    const i = off + idx[c]!;
    const v = values[i]!;
    let p: number;
    let a: number;
    if (missing[i] === 1) {
      p = missingPts[c]!;
      a = missingAttr[c]!;
      seg[c] = 16;
    } else if (Number.isNaN(v)) {
      p = fallbackPts[c]!;
      a = -1;
      seg[c] = 17;
    } else {
      let j = c * 16;
      j += 8 * +(pcuts[j + 7]! <= v);
      j += 4 * +(pcuts[j + 3]! <= v);
      j += 2 * +(pcuts[j + 1]! <= v);
      j += +(pcuts[j]! <= v);
      p = psegPts[j]!;
      a = psegAttr[j]!;
      seg[c] = j - c * 16;
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}

function row32(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const n = k.nPadded;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const psegAttr = k.psegAttr;
  const missingPts = k.pmissingPts;
  const missingAttr = k.pmissingAttr;
  const fallbackPts = k.pfallbackPts;
  const seg = k.seg;
  let total = k.basePoints;
  for (let c = 0; c < n; c++) {
    const i = off + idx[c]!;
    const v = values[i]!;
    let p: number;
    let a: number;
    if (missing[i] === 1) {
      p = missingPts[c]!;
      a = missingAttr[c]!;
      seg[c] = 32;
    } else if (Number.isNaN(v)) {
      p = fallbackPts[c]!;
      a = -1;
      seg[c] = 33;
    } else {
      let j = c * 32;
      j += 16 * +(pcuts[j + 15]! <= v);
      j += 8 * +(pcuts[j + 7]! <= v);
      j += 4 * +(pcuts[j + 3]! <= v);
      j += 2 * +(pcuts[j + 1]! <= v);
      j += +(pcuts[j]! <= v);
      p = psegPts[j]!;
      a = psegAttr[j]!;
      seg[c] = j - c * 32;
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}

function total8(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) total += missingPts[c]!;
      else if (Number.isNaN(v)) total += fallbackPts[c]!;
      else {
        let j = c * 8;
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
      }
    }
    if (out !== null) out[r] = total;
  }
  return total;
}

function total16(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) total += missingPts[c]!;
      else if (Number.isNaN(v)) total += fallbackPts[c]!;
      else {
        let j = c * 16;
        j += 8 * +(pcuts[j + 7]! <= v);
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
      }
    }
    if (out !== null) out[r] = total;
  }
  return total;
}

function total32(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) total += missingPts[c]!;
      else if (Number.isNaN(v)) total += fallbackPts[c]!;
      else {
        let j = c * 32;
        j += 16 * +(pcuts[j + 15]! <= v);
        j += 8 * +(pcuts[j + 7]! <= v);
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
      }
    }
    if (out !== null) out[r] = total;
  }
  return total;
}

/*
 * The totals of a card with pair terms (`Compiled.nPairs`): `total8/16/32` that also leave each
 * prefix characteristic's state (segment, width for missing, width + 1 for NaN) in `k.seg`, then add
 * each pair's table cell in characteristic order (as `pairTail`, with the stride a constant). Kept
 * apart from `total*` so that cards without pairs (every v1 card) pay no store. The pair loop sits
 * in the kernel rather than in a call to `pairTail`: interleaved CPU-time medians of the bench's
 * 3-pair card against the 8-characteristic logistic card (bench/RESULTS.md, suite boosting;
 * 2026-11-29, shared machine at load 10-12) read 0.78-0.79x with the call and 0.87x inline.
 * `segTotal16/32` skip the search steps a characteristic's own boundary count does not need
 * (`Compiled.psteps`: a pair refines only its hosts, so the other main terms stay narrow in the wide
 * layout; the skipped steps could only compare with NaN padding). The branch is the same for every
 * row, so it predicts well; `total16/32` (cards without pairs) keep the uniform search.
 */
function segTotal8(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const seg = k.seg;
  const pairA = k.pairA;
  const pairB = k.pairB;
  const pairPts = k.pairPts;
  const np = k.nPairs;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) {
        total += missingPts[c]!;
        seg[c] = 8;
      } else if (Number.isNaN(v)) {
        total += fallbackPts[c]!;
        seg[c] = 9;
      } else {
        let j = c * 8;
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
        seg[c] = j - c * 8;
      }
    }
    for (let q = 0; q < np; q++) total += pairPts[(q * 10 + seg[pairA[q]!]!) * 10 + seg[pairB[q]!]!]!;
    if (out !== null) out[r] = total;
  }
  return total;
}

function segTotal16(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const steps = k.psteps;
  const seg = k.seg;
  const pairA = k.pairA;
  const pairB = k.pairB;
  const pairPts = k.pairPts;
  const np = k.nPairs;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) {
        total += missingPts[c]!;
        seg[c] = 16;
      } else if (Number.isNaN(v)) {
        total += fallbackPts[c]!;
        seg[c] = 17;
      } else {
        let j = c * 16;
        if (steps[c]! >= 4) j += 8 * +(pcuts[j + 7]! <= v);
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
        seg[c] = j - c * 16;
      }
    }
    for (let q = 0; q < np; q++) total += pairPts[(q * 18 + seg[pairA[q]!]!) * 18 + seg[pairB[q]!]!]!;
    if (out !== null) out[r] = total;
  }
  return total;
}

function segTotal32(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  const n = k.nPadded;
  const base = k.basePoints;
  const missingPts = k.pmissingPts;
  const fallbackPts = k.pfallbackPts;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const steps = k.psteps;
  const seg = k.seg;
  const pairA = k.pairA;
  const pairB = k.pairB;
  const pairPts = k.pairPts;
  const np = k.nPairs;
  let total = base;
  for (let r = from, o = from * stride; r < to; r++, o += stride) {
    total = base;
    for (let c = 0; c < n; c++) {
      const i = o + idx[c]!;
      const v = values[i]!;
      if (missing[i] === 1) {
        total += missingPts[c]!;
        seg[c] = 32;
      } else if (Number.isNaN(v)) {
        total += fallbackPts[c]!;
        seg[c] = 33;
      } else {
        let j = c * 32;
        if (steps[c]! >= 5) j += 16 * +(pcuts[j + 15]! <= v);
        if (steps[c]! >= 4) j += 8 * +(pcuts[j + 7]! <= v);
        j += 4 * +(pcuts[j + 3]! <= v);
        j += 2 * +(pcuts[j + 1]! <= v);
        j += +(pcuts[j]! <= v);
        total += psegPts[j]!;
        seg[c] = j - c * 32;
      }
    }
    for (let q = 0; q < np; q++) total += pairPts[(q * 34 + seg[pairA[q]!]!) * 34 + seg[pairB[q]!]!]!;
    if (out !== null) out[r] = total;
  }
  return total;
}

/**
 * Adds a card's pair terms to a padded kernel's total, in characteristic order: pair q reads the
 * states its two hosts left in `k.seg` and takes one cell of its flat table (see `Compiled.nPairs`),
 * writing its points and attribute index when buffers are given.
 */
function pairTail(k: Compiled, total: number, pointsOut: Float64Array | null, attrOut: Int32Array | null): number {
  const seg = k.seg;
  const pairA = k.pairA;
  const pairB = k.pairB;
  const pairPts = k.pairPts;
  const s = k.width + 2;
  const n = k.nPairs;
  let t = total;
  for (let q = 0; q < n; q++) {
    const cell = (q * s + seg[pairA[q]!]!) * s + seg[pairB[q]!]!;
    const p = pairPts[cell]!;
    t += p;
    if (pointsOut !== null) pointsOut[k.nPadded + q] = p;
    if (attrOut !== null) attrOut[k.nPadded + q] = k.pairAttr[cell]!;
  }
  return t;
}

/**
 * Scores one row (`row8`/`row16`/`row32` by the card's padded width, then the rules characteristics
 * after the padded prefix, else `scoreRowGeneral`),
 * writing points and attribute indices to the buffers that are not null.
 */
function scoreRow(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  let t: number;
  switch (k.width) {
    case 8:
      t = row8(k, idx, values, missing, off, pointsOut, attrOut);
      break;
    case 16:
      t = row16(k, idx, values, missing, off, pointsOut, attrOut);
      break;
    case 32:
      t = row32(k, idx, values, missing, off, pointsOut, attrOut);
      break;
    default:
      return scoreRowGeneral(k, idx, values, missing, off, pointsOut, attrOut);
  }
  // pair terms from the states the row kernel left in k.seg
  if (k.nPairs !== 0) return pairTail(k, t, pointsOut, attrOut);
  // other rules characteristics after the padded prefix
  return k.rules === null ? t : scoreRulesTail(k, idx, values, missing, off, t, pointsOut, attrOut);
}

/**
 * The totals of rows `from .. to` (row r at `r * stride`), exactly as `scoreRow` computes each, written
 * to `out[r]` when `out` is not null; returns the last. The padded kernels run the row loop themselves
 * (one call per chunk of rows rather than per row), the rules tail after them row by row.
 */
function totals(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  stride: number,
  from: number,
  to: number,
  out: Float64Array | null,
): number {
  if (k.nPairs !== 0) {
    switch (k.width) {
      case 8:
        return segTotal8(k, idx, values, missing, stride, from, to, out);
      case 16:
        return segTotal16(k, idx, values, missing, stride, from, to, out);
      default:
        return segTotal32(k, idx, values, missing, stride, from, to, out);
    }
  }
  let t: number;
  switch (k.width) {
    case 8:
      t = total8(k, idx, values, missing, stride, from, to, out);
      break;
    case 16:
      t = total16(k, idx, values, missing, stride, from, to, out);
      break;
    case 32:
      t = total32(k, idx, values, missing, stride, from, to, out);
      break;
    default:
      for (let r = from, o = from * stride; r < to; r++, o += stride) {
        t = scoreRowGeneral(k, idx, values, missing, o, null, null);
        if (out !== null) out[r] = t;
      }
      return t!;
  }
  if (k.rules === null) return t;
  // other rules characteristics after the padded prefix, added to each row's prefix total
  if (out === null) return scoreRulesTail(k, idx, values, missing, from * stride, t, null, null);
  for (let r = from, o = from * stride; r < to; r++, o += stride)
    t = out[r] = scoreRulesTail(k, idx, values, missing, o, out[r]!, null, null);
  return t;
}

/**
 * Rows per kernel call in `scoreBatch`. The kernels loop over rows themselves, but one call over a
 * whole large batch is a poor way to warm a function up: V8 then compiles the loop on stack (OSR)
 * before the function's entry has type feedback, the later regular compile deoptimizes at entry, and
 * the process can stay on the OSR code, which measured 15-25% slower on the boosting suite's 3-pair
 * card in about half the processes (`--trace-opt --trace-deopt`: "Insufficient type feedback for
 * generic named access" at bytecode offset 0). Chunks of 256 rows give many ordinary calls while the
 * call itself stays a small share of the time (bench/RESULTS.md, suite boosting).
 */
const BATCH_CHUNK = 256;

function checkVector(v: FeatureVector, need: number): void {
  if (v === null || typeof v !== "object") throw new TypeError("expected a FeatureVector");
  if (!(v.values instanceof Float64Array) || !(v.missing instanceof Uint8Array))
    throw new TypeError("a FeatureVector holds values in a Float64Array and missing flags in a Uint8Array");
  if (v.values.length !== v.names.length || v.missing.length !== v.names.length)
    throw new RangeError("FeatureVector names, values and missing must have the same length");
  if (need > v.values.length) throw new RangeError("FeatureVector is shorter than the card needs");
}

/**
 * Scores one feature vector: `score = basePoints + sum_c points_c`, where each characteristic's
 * points come from the attribute its feature falls in; a missing value takes the missing
 * attribute (else the fallback), a value in no attribute takes the fallback. Feature names are
 * resolved once per (card, names array) and cached.
 * @param card a loaded card
 * @param vector the feature vector
 * @param out optional buffers to reuse: `points` (Float64Array) and `attributes` (Int32Array) of the
 * card's characteristic count; the returned result then holds these same buffers
 * @returns `{ score, points, attributes }`; `attributes[c]` is the matched attribute index or -1 for the fallback
 * @throws {TypeError} when the card was not loaded/built by riskcard or the vector is malformed
 * @throws {RangeError} when the vector lacks a feature the card reads, or buffers are too short
 * @example score(pmmlSampleCard, pmmlVector).score // => 29 (PMML spec sample: engineering, age 25, income 500)
 */
export function score(
  card: Scorecard,
  vector: FeatureVector,
  out?: { readonly points: Float64Array; readonly attributes: Int32Array },
): ScoreResult {
  const k = compiledOf(card);
  checkVector(vector, 0);
  const points = out?.points ?? new Float64Array(k.n);
  const attributes = out?.attributes ?? new Int32Array(k.n);
  if (points.length < k.n || attributes.length < k.n)
    throw new RangeError("score: output buffers are shorter than the card");
  const idx = indicesFor(k, vector.names);
  const s = scoreRow(k, idx, vector.values, vector.missing, 0, points, attributes);
  return { score: s, points, attributes };
}

/**
 * The hot path: scores one feature vector and returns only the total, allocating nothing per call
 * (same arithmetic and order as `score`). Pass `points` to also receive per-characteristic points.
 * @param card a loaded card
 * @param vector the feature vector
 * @param points optional Float64Array (length >= characteristic count) filled with the points
 * @returns the score
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @throws {RangeError} when the vector lacks a feature the card reads
 * @example scoreValue(pmmlSampleCard, pmmlVector) // => 29 (PMML spec sample)
 */
export function scoreValue(card: Scorecard, vector: FeatureVector, points?: Float64Array): number {
  const k = compiledOf(card);
  const len = vector.names.length;
  if (vector.values.length !== len || vector.missing.length !== len)
    throw new RangeError("FeatureVector names, values and missing must have the same length");
  const idx = indicesFor(k, vector.names);
  if (points !== undefined && points.length < k.n)
    throw new RangeError("scoreValue: points buffer is shorter than the card");
  if (points === undefined) return totals(k, idx, vector.values, vector.missing, 0, 0, 1, null);
  return scoreRow(k, idx, vector.values, vector.missing, 0, points ?? null, null);
}

/**
 * Scores many rows that share one names array (row-major `values` and `missing`), giving exactly
 * the numbers `score` gives row by row.
 * @param card a loaded card
 * @param batch `{ names, values, missing }` with `values.length === missing.length === rows * names.length`
 * @param out optional Float64Array of length `rows` for the scores
 * @returns the scores, one per row
 * @throws {TypeError} when the card or batch is malformed
 * @throws {RangeError} when lengths disagree or a feature is absent from `names`
 * @example scoreBatch(pmmlSampleCard, { names: pmmlVector.names, values: Float64Array.of(...pmmlVector.values, ...pmmlVector.values), missing: new Uint8Array(6) }) // => Float64Array [29, 29]
 */
export function scoreBatch(card: Scorecard, batch: FeatureBatch, out?: Float64Array): Float64Array {
  const k = compiledOf(card);
  if (!(batch.values instanceof Float64Array) || !(batch.missing instanceof Uint8Array))
    throw new TypeError("a FeatureBatch holds values in a Float64Array and missing flags in a Uint8Array");
  const p = batch.names.length;
  if (p === 0 || batch.values.length % p !== 0 || batch.missing.length !== batch.values.length)
    throw new RangeError("FeatureBatch values and missing must both hold rows * names.length entries");
  const rows = batch.values.length / p;
  const res = out ?? new Float64Array(rows);
  if (res.length !== rows) throw new RangeError("scoreBatch: output length must equal the number of rows");
  const idx = indicesFor(k, batch.names);
  for (let r = 0; r < rows; r += BATCH_CHUNK)
    totals(k, idx, batch.values, batch.missing, p, r, Math.min(rows, r + BATCH_CHUNK), res);
  return res;
}
