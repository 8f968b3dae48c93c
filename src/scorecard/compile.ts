/**
 * The precompiled form of a scorecard used by `score`: flat typed arrays per characteristic,
 * kept in a module WeakMap keyed by the (frozen) card, plus feature-name resolution cached per
 * names array. Internal: not exported from the barrel.
 */
import type { Characteristic, Scorecard } from "./types";

/** Flat, typed-array form of a card. */
export interface Compiled {
  readonly n: number;
  readonly basePoints: number;
  readonly features: readonly string[];
  readonly missingPts: Float64Array;
  readonly missingAttr: Int32Array;
  readonly fallbackPts: Float64Array;
  readonly rightClosed: Uint8Array;
  readonly eqStart: Int32Array;
  readonly eqVal: Float64Array;
  readonly eqPts: Float64Array;
  readonly eqAttr: Int32Array;
  readonly ivStart: Int32Array;
  readonly ivLo: Float64Array;
  readonly ivHi: Float64Array;
  readonly ivPts: Float64Array;
  readonly ivAttr: Int32Array;
  /** Name resolution per names array; `last*` is a one-entry fast path in front of the WeakMap. */
  readonly byNames: WeakMap<readonly string[], Int32Array>;
  lastNames: readonly string[] | null;
  lastIdx: Int32Array;
}

const registry = new WeakMap<Scorecard, Compiled>();

/**
 * Compiles characteristics into flat arrays: per characteristic, exact-value entries (special
 * values, category codes) in `[eqStart[c], eqStart[c+1])` and intervals in `[ivStart[c], ivStart[c+1])`.
 */
export function compile(basePoints: number, chars: readonly Characteristic[]): Compiled {
  const n = chars.length;
  const eqVal: number[] = [];
  const eqPts: number[] = [];
  const eqAttr: number[] = [];
  const ivLo: number[] = [];
  const ivHi: number[] = [];
  const ivPts: number[] = [];
  const ivAttr: number[] = [];
  const eqStart = new Int32Array(n + 1);
  const ivStart = new Int32Array(n + 1);
  const missingPts = new Float64Array(n);
  const missingAttr = new Int32Array(n);
  const fallbackPts = new Float64Array(n);
  const rightClosed = new Uint8Array(n);
  chars.forEach((c, ci) => {
    eqStart[ci] = eqVal.length;
    ivStart[ci] = ivLo.length;
    fallbackPts[ci] = c.fallback.points;
    missingPts[ci] = c.fallback.points;
    missingAttr[ci] = -1;
    if (c.type === "numeric") {
      rightClosed[ci] = c.closure === "right" ? 1 : 0;
      c.attributes.forEach((a, ai) => {
        if (a.kind === "missing") {
          missingPts[ci] = a.points;
          missingAttr[ci] = ai;
        } else if (a.kind === "special") {
          for (const v of a.values) {
            eqVal.push(v);
            eqPts.push(a.points);
            eqAttr.push(ai);
          }
        } else {
          ivLo.push(a.lower ?? -Infinity);
          ivHi.push(a.upper ?? Infinity);
          ivPts.push(a.points);
          ivAttr.push(ai);
        }
      });
    } else {
      const code = new Map(c.levels.map((l, i) => [l, i]));
      c.attributes.forEach((a, ai) => {
        if (a.kind === "missing") {
          missingPts[ci] = a.points;
          missingAttr[ci] = ai;
        } else {
          for (const cat of a.categories) {
            eqVal.push(code.get(cat)!);
            eqPts.push(a.points);
            eqAttr.push(ai);
          }
        }
      });
    }
  });
  eqStart[n] = eqVal.length;
  ivStart[n] = ivLo.length;
  return {
    n,
    basePoints,
    features: chars.map((c) => c.feature),
    missingPts,
    missingAttr,
    fallbackPts,
    rightClosed,
    eqStart,
    eqVal: Float64Array.from(eqVal),
    eqPts: Float64Array.from(eqPts),
    eqAttr: Int32Array.from(eqAttr),
    ivStart,
    ivLo: Float64Array.from(ivLo),
    ivHi: Float64Array.from(ivHi),
    ivPts: Float64Array.from(ivPts),
    ivAttr: Int32Array.from(ivAttr),
    byNames: new WeakMap(),
    lastNames: null,
    lastIdx: new Int32Array(0),
  };
}

/** Records the compiled form of a card created by this module. */
export function register(card: Scorecard, compiled: Compiled): void {
  registry.set(card, compiled);
}

/**
 * The compiled form of a card.
 * @throws {TypeError} when the card was not created by loadScorecard/loadExpertCard/buildScorecard
 */
export function compiledOf(card: Scorecard): Compiled {
  const c = registry.get(card);
  if (c === undefined)
    throw new TypeError("not a loaded scorecard: create cards with loadScorecard, loadExpertCard or buildScorecard");
  return c;
}

/**
 * The index in `names` of each characteristic's feature, computed once per names array.
 * @throws {RangeError} when a feature the card reads is not in `names`
 */
export function indicesFor(k: Compiled, names: readonly string[]): Int32Array {
  if (names === k.lastNames) return k.lastIdx;
  let idx = k.byNames.get(names);
  if (idx === undefined) {
    if (!Array.isArray(names)) throw new TypeError("feature names must be an array of strings");
    const pos = new Map<string, number>();
    names.forEach((nm, i) => {
      if (!pos.has(nm)) pos.set(nm, i);
    });
    idx = new Int32Array(k.n);
    for (let c = 0; c < k.n; c++) {
      const i = pos.get(k.features[c]!);
      if (i === undefined) throw new RangeError(`the feature vector has no feature "${k.features[c]}" that the card reads`);
      idx[c] = i;
    }
    k.byNames.set(names, idx);
  }
  k.lastNames = names;
  k.lastIdx = idx;
  return idx;
}

/**
 * Scores one row: base points plus each characteristic's points, in characteristic order (the
 * same order for single and batch scoring, so sums are bit-identical). Writes per-characteristic
 * points and matched attribute indices when buffers are given.
 */
export function scoreRow(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  let total = k.basePoints;
  const n = k.n;
  for (let c = 0; c < n; c++) {
    const i = off + idx[c]!;
    let p: number;
    let a: number;
    if (missing[i] === 1) {
      p = k.missingPts[c]!;
      a = k.missingAttr[c]!;
    } else {
      const v = values[i]!;
      p = k.fallbackPts[c]!;
      a = -1;
      const eEnd = k.eqStart[c + 1]!;
      for (let e = k.eqStart[c]!; e < eEnd; e++) {
        if (k.eqVal[e] === v) {
          p = k.eqPts[e]!;
          a = k.eqAttr[e]!;
          break;
        }
      }
      if (a < 0) {
        const iEnd = k.ivStart[c + 1]!;
        if (k.rightClosed[c] === 1) {
          for (let e = k.ivStart[c]!; e < iEnd; e++) {
            if (v > k.ivLo[e]! && v <= k.ivHi[e]!) {
              p = k.ivPts[e]!;
              a = k.ivAttr[e]!;
              break;
            }
          }
        } else {
          for (let e = k.ivStart[c]!; e < iEnd; e++) {
            if (v >= k.ivLo[e]! && v < k.ivHi[e]!) {
              p = k.ivPts[e]!;
              a = k.ivAttr[e]!;
              break;
            }
          }
        }
      }
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}
