/**
 * The precompiled form of a scorecard used by `score`: flat arrays per characteristic, attached
 * to the (frozen) card under a module-private symbol, plus feature-name resolution cached per
 * names array, and the general row-scoring kernel over it (the padded kernels are in score.ts).
 * Internal: not exported from the barrel.
 */
import { type RuleEval, compileRules, ruleState } from "./compile-rules";
import { pairBoundaries, tabulateRules } from "./tabulate-rules";
import type { Characteristic, RulesCharacteristic, Scorecard } from "./types";

/** Flat array form of a card. */
export interface Compiled {
  readonly n: number;
  /**
   * The characteristics the padded kernels score: all of them without rules characteristics; the
   * ones before the first rules characteristic when every rules characteristic comes after every
   * binned one (a boosted card's pair terms), the rules ones then scored by `scoreRulesTail` in
   * order; 0 otherwise (the general path scores every characteristic).
   */
  readonly nPadded: number;
  readonly basePoints: number;
  /**
   * The feature each characteristic reads (`n` entries; a rules characteristic's first input),
   * then every input of the rules characteristics (rules characteristic c reads input j at
   * `ruleSlot[c] + j`); `indicesFor` resolves them all.
   */
  readonly features: readonly string[];
  /** Per characteristic, the compiled rules (version 2 rules characteristics) or null. */
  readonly rules: readonly (RuleEval | null)[] | null;
  readonly missingPts: Float64Array;
  readonly missingAttr: Int32Array;
  readonly fallbackPts: Float64Array;
  /** Boundaries of characteristic c in `cuts[cutStart[c] .. cutStart[c+1])`, ascending. */
  readonly cutStart: Int32Array;
  readonly cuts: Float64Array;
  /** Segment j of characteristic c (j = number of boundaries <= value) at `cutStart[c] + c + j`. */
  readonly segPts: Float64Array;
  readonly segAttr: Int32Array;
  /**
   * The same partition padded to one width, 8, 16 or 32, for every characteristic (0 when some
   * characteristic has more than MAX_PADDED_CUTS boundaries: the general path then scores), for
   * the hot path: the boundaries of c at `pcuts[c*width ..]`, padded with NaN (never `<=` a
   * value), and segment j's points and attribute index at `c*width + j`; `pmissing*`/`pfallback*`
   * copy the per-characteristic arrays above. A fixed width lets a row count boundaries with an
   * unrolled branch-free binary search of log2(width) steps (3, 4 or 5). These are plain packed
   * arrays, not typed arrays: V8 (Node 20) re-checks a typed array's map, buffer detachment and
   * bounds at every element load of a non-constant array, and the packed-double array skips the
   * detachment check, which measured about 15% faster on the benchmark card. Never frozen
   * (freezing would box the doubles) and never reachable from outside this module.
   */
  readonly width: number;
  readonly pcuts: readonly number[];
  readonly psegPts: readonly number[];
  readonly psegAttr: readonly number[];
  readonly pmissingPts: readonly number[];
  readonly pmissingAttr: readonly number[];
  readonly pfallbackPts: readonly number[];
  /**
   * Per padded characteristic, the search steps its own boundary count needs (3 for at most 7, 4 for
   * at most 15, else 5): the pair kernels (`segTotal16/32`) skip the steps above, which could only
   * compare with NaN padding and add 0. A card's pair boundaries refine only its hosts' partitions,
   * so the other main terms keep their narrow searches in a wider layout.
   */
  readonly psteps: readonly number[];
  /**
   * Pair terms scored from the bin states of the padded prefix (0 when the card has none, or when
   * some rules characteristic after the prefix is not one: `scoreRulesTail` then scores them all).
   * Pair term q = characteristic `nPadded + q` reads the states of the prefix characteristics
   * `pairA[q]` and `pairB[q]` (its inputs' main terms, whose partitions were refined with the pair's
   * boundaries at compile time, so that each of their segments lies in one cell of the pair) and
   * takes cell `q * S * S + sa * S + sb` of `pairPts`/`pairAttr`, S = width + 2.
   */
  readonly nPairs: number;
  readonly pairA: readonly number[];
  readonly pairB: readonly number[];
  readonly pairPts: readonly number[];
  readonly pairAttr: readonly number[];
  /**
   * Scratch written by the padded row kernels (and the totals of a card with pair terms): the state
   * of each prefix characteristic's value in the row being scored: its padded segment (0 .. width -
   * 1), width when missing, width + 1 when NaN. Scoring is synchronous, so one buffer per card is
   * enough.
   */
  readonly seg: number[];
  /** Name resolution per names array; `last*` is a one-entry fast path in front of the WeakMap. */
  readonly byNames: WeakMap<readonly string[], Int32Array>;
  lastNames: readonly string[] | null;
  lastIdx: Int32Array;
}

/**
 * The compiled form hangs off the card under a module-private symbol, as a non-enumerable
 * property: one property load per call (a WeakMap lookup costs more on the hot path), invisible to
 * JSON, spread and Object.keys, and impossible to forge without this module.
 */
const COMPILED: unique symbol = Symbol("riskcard.scorecard.compiled");

/** The next double above a finite `x` (so that `b < v` is `nextUp(b) <= v`). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const u = new BigInt64Array(f.buffer);
  u[0] = u[0]! + (x > 0 ? 1n : -1n);
  return f[0]!;
}

/**
 * The most boundaries a characteristic may have for the padded path (width 32: five search steps).
 * @example MAX_PADDED_CUTS // => 31 (width 32: five search steps)
 */
export const MAX_PADDED_CUTS = 31;

/**
 * A plain array of the values with V8's packed-double element kind whatever the values are: it
 * starts from a non-integer (element kinds only ever widen), so integer points do not make it a
 * Smi array and every card's arrays share one element kind (monomorphic loads on the hot path).
 */
function doubles(values: ArrayLike<number>): number[] {
  const out = [0.5];
  out.pop();
  for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}

type Padded = Pick<
  Compiled,
  "width" | "pcuts" | "psegPts" | "psegAttr" | "pmissingPts" | "pmissingAttr" | "pfallbackPts" | "psteps"
>;

/**
 * Pads each characteristic's boundaries and segments to one width, 8, 16 or 32 (see `Compiled`);
 * width 0 when a characteristic has more than MAX_PADDED_CUTS boundaries.
 */
function pad(
  n: number,
  cutStart: Int32Array,
  cuts: Float64Array,
  segPts: Float64Array,
  segAttr: Int32Array,
  missingPts: Float64Array,
  missingAttr: Int32Array,
  fallbackPts: Float64Array,
  none = false,
): Padded {
  let most = 0;
  for (let c = 0; c < n; c++) most = Math.max(most, cutStart[c + 1]! - cutStart[c]!);
  if (none || most > MAX_PADDED_CUTS)
    return {
      width: 0,
      pcuts: [],
      psegPts: [],
      psegAttr: [],
      pmissingPts: [],
      pmissingAttr: [],
      pfallbackPts: [],
      psteps: [],
    };
  // The smallest power of two (at least 8: three search steps) above the boundary count, so that
  // a count of `most` is reachable.
  let width = 8;
  while (width <= most) width *= 2;
  const pcuts = new Float64Array(n * width).fill(Number.NaN);
  const psegPts = new Float64Array(n * width);
  const psegAttr = new Int32Array(n * width);
  const psteps: number[] = [];
  for (let c = 0; c < n; c++) {
    const s = cutStart[c]!;
    const m = cutStart[c + 1]! - s;
    psteps.push(m <= 7 ? 3 : m <= 15 ? 4 : 5);
    for (let b = 0; b < m; b++) pcuts[c * width + b] = cuts[s + b]!;
    // Counts above m cannot occur (NaN padding never counts); they repeat the last segment.
    for (let j = 0; j < width; j++) {
      const seg = s + c + Math.min(j, m);
      psegPts[c * width + j] = segPts[seg]!;
      psegAttr[c * width + j] = segAttr[seg]!;
    }
  }
  return {
    width,
    pcuts: doubles(pcuts),
    psegPts: doubles(psegPts),
    psegAttr: Array.from(psegAttr),
    pmissingPts: doubles(missingPts),
    pmissingAttr: Array.from(missingAttr),
    pfallbackPts: doubles(fallbackPts),
    psteps,
  };
}

/**
 * Compiles characteristics into a partition of the real line per characteristic: the sorted
 * finite boundaries of all its pieces cut the line into segments, and each segment lies wholly in
 * one piece (its points and attribute index) or in none (the fallback). Pieces, by priority:
 * exact values (special values; category codes, the index in `levels`) as the one-point segment
 * `[x, nextUp(x))`, then intervals. Right-closed `(a, b]` becomes `[nextUp(a), nextUp(b))`, since
 * `b < v` iff `nextUp(b) <= v`. A value's segment is the count of boundaries <= value.
 * @example compile(0, pmmlSampleCard.characteristics).width // => 8 (at most 7 boundaries per characteristic)
 */
export function compile(basePoints: number, chars: readonly Characteristic[]): Compiled {
  const n = chars.length;
  const plan = pairPlan(chars);
  let parts = chars.map((c, ci) => partition(c, plan?.extra.get(ci) ?? NO_EXTRA));
  if (plan !== null && parts.some((pt) => pt.bounds.length > MAX_PADDED_CUTS)) {
    // refining the mains would leave the padded path: the pairs stay on the rules tail
    plan.hosts.length = 0;
    parts = chars.map((c) => partition(c, NO_EXTRA));
  }
  const cuts: number[] = [];
  const segPts: number[] = [];
  const segAttr: number[] = [];
  const cutStart = new Int32Array(n + 1);
  const missingPts = new Float64Array(n);
  const missingAttr = new Int32Array(n);
  const fallbackPts = new Float64Array(n);
  parts.forEach((pt, ci) => {
    cutStart[ci] = cuts.length;
    cuts.push(...pt.bounds);
    segPts.push(...pt.segPts);
    segAttr.push(...pt.segAttr);
    missingPts[ci] = pt.missingPts;
    missingAttr[ci] = pt.missingAttr;
    fallbackPts[ci] = chars[ci]!.fallback.points;
  });
  cutStart[n] = cuts.length;
  const features = chars.map((c) => c.feature);
  let rules: (RuleEval | null)[] | null = null;
  if (chars.some((c) => c.type === "rules")) {
    rules = chars.map((c) => {
      if (c.type !== "rules") return null;
      const slot0 = features.length;
      for (const inp of c.inputs) features.push(inp.feature);
      // a table when the points are constants (bench/RESULTS.md, suite boosting); else closures
      return tabulateRules(c, slot0) ?? compileRules(c, slot0);
    });
  }
  // rules characteristics after every binned one: the padded kernels take the binned prefix
  let nPadded = n;
  if (rules !== null) {
    nPadded = chars.findIndex((c) => c.type === "rules");
    for (let c = nPadded; c < n; c++) if (chars[c]!.type !== "rules") nPadded = 0;
  }
  const cutsArr = Float64Array.from(cuts);
  const segPtsArr = Float64Array.from(segPts);
  const segAttrArr = Int32Array.from(segAttr);
  // A card whose rules characteristics are not all after its binned ones scores on the general path
  // (width 0), which evaluates them in characteristic order.
  const padded = pad(
    nPadded,
    cutStart,
    cutsArr,
    segPtsArr,
    segAttrArr,
    missingPts,
    missingAttr,
    fallbackPts,
    nPadded === 0,
  );
  const pairs =
    plan !== null && plan.hosts.length > 0 && padded.width > 0
      ? pairTables(chars, nPadded, plan.hosts, parts, padded.width)
      : NO_PAIRS;
  return {
    n,
    nPadded,
    basePoints,
    features,
    rules,
    missingPts,
    missingAttr,
    fallbackPts,
    cutStart,
    cuts: cutsArr,
    segPts: segPtsArr,
    segAttr: segAttrArr,
    width: padded.width,
    pcuts: padded.pcuts,
    psegPts: padded.psegPts,
    psegAttr: padded.psegAttr,
    pmissingPts: padded.pmissingPts,
    pmissingAttr: padded.pmissingAttr,
    pfallbackPts: padded.pfallbackPts,
    psteps: padded.psteps,
    nPairs: pairs.nPairs,
    pairA: pairs.pairA,
    pairB: pairs.pairB,
    pairPts: pairs.pairPts,
    pairAttr: pairs.pairAttr,
    seg: Array.from({ length: nPadded }, () => 0),
    byNames: new WeakMap(),
    lastNames: null,
    lastIdx: new Int32Array(0),
  };
}

/** One characteristic's partition: sorted finite boundaries, and per segment its points and attribute. */
interface Partition {
  readonly bounds: readonly number[];
  readonly segPts: readonly number[];
  readonly segAttr: readonly number[];
  readonly missingPts: number;
  readonly missingAttr: number;
}

const NO_EXTRA: readonly number[] = [];

/**
 * The partition of one characteristic (see `compile`), cut further at the `extra` boundaries (a pair
 * term's, for the main term of one of its inputs): a segment of the finer partition lies in one
 * segment of the coarser, so it takes that segment's points and attribute and every value scores
 * as before. A rules characteristic has no partition (its rules score it).
 */
function partition(c: Characteristic, extra: readonly number[]): Partition {
  let missingPts = c.fallback.points;
  let missingAttr = -1;
  // Pieces in priority order: exact values first, then intervals.
  const exact: { lo: number; hi: number; points: number; attr: number }[] = [];
  const ivs: { lo: number; hi: number; points: number; attr: number }[] = [];
  const point = (x: number, points: number, attr: number) => exact.push({ lo: x, hi: nextUp(x), points, attr });
  if (c.type === "rules") return { bounds: [], segPts: [c.fallback.points], segAttr: [-1], missingPts, missingAttr };
  if (c.type === "numeric") {
    const right = c.closure === "right";
    const edge = (b: number): number => (right && Number.isFinite(b) ? nextUp(b) : b);
    c.attributes.forEach((a, ai) => {
      if (a.kind === "missing") {
        missingPts = a.points;
        missingAttr = ai;
      } else if (a.kind === "special") {
        for (const v of a.values) point(v, a.points, ai);
      } else {
        ivs.push({ lo: edge(a.lower ?? -Infinity), hi: edge(a.upper ?? Infinity), points: a.points, attr: ai });
      }
    });
  } else {
    const code = new Map(c.levels.map((l, i) => [l, i]));
    c.attributes.forEach((a, ai) => {
      if (a.kind === "missing") {
        missingPts = a.points;
        missingAttr = ai;
      } else for (const cat of a.categories) point(code.get(cat)!, a.points, ai);
    });
  }
  const pieces = [...exact, ...ivs];
  const bounds = [
    ...new Set([...pieces.flatMap((iv) => [iv.lo, iv.hi]), ...extra].filter((b) => Number.isFinite(b))),
  ].sort((a, b) => a - b);
  const segPts: number[] = [];
  const segAttr: number[] = [];
  // Segment j spans [bounds[j-1], bounds[j]) with bounds[-1] = -Infinity and bounds[len] = +Infinity.
  for (let j = 0; j <= bounds.length; j++) {
    const lo = j === 0 ? -Infinity : bounds[j - 1]!;
    const hi = j === bounds.length ? Infinity : bounds[j]!;
    const hit = pieces.find((iv) => iv.lo <= lo && hi <= iv.hi);
    segPts.push(hit ? hit.points : c.fallback.points);
    segAttr.push(hit ? hit.attr : -1);
  }
  return { bounds, segPts, segAttr, missingPts, missingAttr };
}

/**
 * Which characteristics a card's pair terms read their inputs' bins from, and the boundaries each
 * such main term must gain; null unless every rules characteristic comes after every binned one,
 * is a two-input constant-points one over two distinct features (`pairBoundaries`), and each
 * input's feature has a binned (main) characteristic, the first of which hosts it.
 */
function pairPlan(
  chars: readonly Characteristic[],
): { hosts: [number, number][]; extra: Map<number, number[]> } | null {
  const first = chars.findIndex((c) => c.type === "rules");
  if (first <= 0) return null;
  const hostOf = new Map<string, number>();
  for (let c = first - 1; c >= 0; c--) hostOf.set(chars[c]!.feature, c);
  const hosts: [number, number][] = [];
  const extra = new Map<number, number[]>();
  for (let c = first; c < chars.length; c++) {
    const ch = chars[c]!;
    if (ch.type !== "rules" || ch.inputs[0]?.feature === ch.inputs[1]?.feature) return null;
    const bounds = pairBoundaries(ch);
    const a = hostOf.get(ch.inputs[0]!.feature);
    const b = hostOf.get(ch.inputs[1]?.feature ?? "");
    if (bounds === null || a === undefined || b === undefined) return null;
    hosts.push([a, b]);
    extra.set(a, [...(extra.get(a) ?? []), ...bounds[0]]);
    extra.set(b, [...(extra.get(b) ?? []), ...bounds[1]]);
  }
  return { hosts, extra };
}

type PairTables = Pick<Compiled, "nPairs" | "pairA" | "pairB" | "pairPts" | "pairAttr">;

const NO_PAIRS: PairTables = { nPairs: 0, pairA: [], pairB: [], pairPts: [], pairAttr: [] };

/**
 * The tables of the pair terms (characteristics `nPadded ..`): for every pair of states of its two
 * hosts (a padded segment, missing, NaN), the points and attribute its compiled rules give on one
 * representative row: a segment's lower bound (-Infinity for the first; a segment a count cannot
 * reach repeats the last), every predicate being constant on a segment of the refined partition.
 */
function pairTables(
  chars: readonly Characteristic[],
  nPadded: number,
  hosts: readonly [number, number][],
  parts: readonly Partition[],
  width: number,
): PairTables {
  const S = width + 2;
  const state = (h: number, s: number): [number, number] => {
    if (s === width) return [0, 1];
    if (s === width + 1) return [Number.NaN, 0];
    const b = parts[h]!.bounds;
    const j = Math.min(s, b.length);
    return [j === 0 ? Number.NEGATIVE_INFINITY : b[j - 1]!, 0];
  };
  const pts = new Float64Array(hosts.length * S * S);
  const attr = new Int32Array(hosts.length * S * S);
  const values = new Float64Array(2);
  const missing = new Uint8Array(2);
  const ix = Int32Array.of(0, 1);
  hosts.forEach(([a, b], q) => {
    const ref = compileRules(chars[nPadded + q] as RulesCharacteristic, 0);
    for (let sa = 0; sa < S; sa++)
      for (let sb = 0; sb < S; sb++) {
        [values[0], missing[0]] = state(a, sa);
        [values[1], missing[1]] = state(b, sb);
        const cell = q * S * S + sa * S + sb;
        pts[cell] = ref(values, missing, 0, ix);
        attr[cell] = ruleState.attr;
      }
  });
  return {
    nPairs: hosts.length,
    pairA: hosts.map((h) => h[0]),
    pairB: hosts.map((h) => h[1]),
    pairPts: doubles(pts),
    pairAttr: Array.from(attr),
  };
}

/**
 * Attaches the compiled form to a card created by this module (before the card is frozen).
 * @example const o = {}; attach(o, compiledOf(pmmlSampleCard)); compiledOf(o).n // => 3
 */
export function attach(card: object, compiled: Compiled): void {
  Object.defineProperty(card, COMPILED, { value: compiled, enumerable: false, writable: false, configurable: false });
}

/**
 * The compiled form of a card.
 * @throws {TypeError} when the card was not created by loadScorecard/loadExpertCard/buildScorecard
 * @example compiledOf({}) // throws TypeError
 */
export function compiledOf(card: Scorecard): Compiled {
  const c = card !== null && typeof card === "object" ? (card as { [COMPILED]?: Compiled })[COMPILED] : undefined;
  if (c === undefined)
    throw new TypeError("not a loaded scorecard: create cards with loadScorecard, loadExpertCard or buildScorecard");
  return c;
}

/**
 * The index in `names` of each characteristic's feature, computed once per names array.
 * @throws {RangeError} when a feature the card reads is not in `names`
 * @example indicesFor(compiledOf(pmmlSampleCard), ["income", "age", "department"]) // => Int32Array [2, 1, 0]
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
    idx = new Int32Array(k.features.length);
    for (let c = 0; c < k.features.length; c++) {
      const i = pos.get(k.features[c]!);
      if (i === undefined)
        throw new RangeError(`the feature vector has no feature "${k.features[c]}" that the card reads`);
      idx[c] = i;
    }
    k.byNames.set(names, idx);
  }
  k.lastNames = names;
  k.lastIdx = idx;
  return idx;
}

/**
 * Adds the rules characteristics after the padded prefix (`nPadded .. n`) to a padded kernel's
 * total, in characteristic order (so sums equal `scoreRowGeneral`'s bit for bit), writing their
 * points and attribute indices when buffers are given.
 * @example scoreRulesTail(compiledOf(pmmlSampleCard), indicesFor(compiledOf(pmmlSampleCard), pmmlVector.names), pmmlVector.values, pmmlVector.missing, 0, 29, null, null) // => 29 (no rules characteristics: the total unchanged)
 */
export function scoreRulesTail(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  total: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const rules = k.rules;
  if (rules === null) return total;
  let t = total;
  for (let c = k.nPadded; c < k.n; c++) {
    const p = rules[c]!(values, missing, off, idx);
    t += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = ruleState.attr;
  }
  return t;
}

/**
 * Scores one row over the unpadded layout (any number of boundaries): base points plus each
 * characteristic's points, in characteristic order (the same order on every path, so sums are
 * bit-identical). Writes per-characteristic points and matched attribute indices when buffers
 * are given. A NaN value (outside the FeatureVector contract) takes the fallback.
 * @example scoreRowGeneral(compiledOf(pmmlSampleCard), indicesFor(compiledOf(pmmlSampleCard), pmmlVector.names), pmmlVector.values, pmmlVector.missing, 0, null, null) // => 29 (PMML spec sample)
 */
export function scoreRowGeneral(
  k: Compiled,
  idx: Int32Array,
  values: Float64Array,
  missing: Uint8Array,
  off: number,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const n = k.n;
  const missingPts = k.missingPts;
  const missingAttr = k.missingAttr;
  const fallbackPts = k.fallbackPts;
  const cutStart = k.cutStart;
  const cuts = k.cuts;
  const segPts = k.segPts;
  const segAttr = k.segAttr;
  const rules = k.rules;
  let total = k.basePoints;
  for (let c = 0; c < n; c++) {
    const i = off + idx[c]!;
    let p: number;
    let a: number;
    const v = values[i]!;
    const rule = rules === null ? null : rules[c]!;
    if (rule !== null) {
      p = rule(values, missing, off, idx);
      a = ruleState.attr;
    } else if (missing[i] === 1) {
      p = missingPts[c]!;
      a = missingAttr[c]!;
    } else if (Number.isNaN(v)) {
      p = fallbackPts[c]!;
      a = -1;
    } else {
      const s = cutStart[c]!;
      const t = cutStart[c + 1]!;
      let j: number;
      if (t - s <= 16) {
        // Branch-free count: unary plus turns the comparison into 0/1 without a jump.
        j = s + c;
        for (let b = s; b < t; b++) j += +(cuts[b]! <= v);
      } else {
        let lo = s;
        let hi = t;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cuts[mid]! <= v) lo = mid + 1;
          else hi = mid;
        }
        j = lo + c;
      }
      p = segPts[j]!;
      a = segAttr[j]!;
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}
