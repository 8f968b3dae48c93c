import { compiledOf } from "./compile";
import type { ReasonCode, Scorecard } from "./types";

/** Options of `reasonCodes`. */
export interface ReasonCodeOptions {
  /**
   * PMML `reasonCodeAlgorithm`: `"pointsBelow"` (baseline - points) or `"pointsAbove"` (points -
   * baseline). Default: the card's `reasonCodeAlgorithm` (version 2 artefacts), else pointsBelow.
   */
  readonly algorithm?: "pointsBelow" | "pointsAbove";
  /** How many codes to return at most (default 4, the usual adverse-action count). */
  readonly max?: number;
  /**
   * Baseline of a characteristic without `baselineScore`: its highest (`"max"`) or lowest
   * (`"min"`) attribute points. Default `"max"` for pointsBelow and `"min"` for pointsAbove.
   * A characteristic's own `baselineScore` (PMML baselineMethod "other") always wins.
   */
  readonly baselineMethod?: "max" | "min";
  /**
   * Matched attribute per characteristic (`score(...).attributes`): enables attribute-level
   * reason codes (PMML Attribute@reasonCode) and the fallback's own code. Without it the
   * characteristic's code is used.
   */
  readonly attributes?: ArrayLike<number>;
  /** Keep codes whose summed difference is exactly 0 (PMML keeps them; default false). */
  readonly includeZero?: boolean;
}

/**
 * Reason codes of a scored record, with PMML 4.4 Scorecard semantics: for each characteristic the
 * difference `baseline - points` (pointsBelow) or `points - baseline` (pointsAbove) is added to its
 * reason code (the matched attribute's code when given, else the characteristic's); codes with a
 * negative total are dropped; the rest are sorted by total, largest first, ties in order of first
 * appearance. Reference: DMG PMML 4.4 "Scorecard", section "Reason Codes"; jpmml-evaluator.
 * @param card a loaded card
 * @param points points per characteristic, as returned by `score`
 * @param options algorithm, max, baselineMethod, attributes, includeZero
 * @returns up to `max` codes `{ code, message, points }`, message from the card's `reasons` (else the code)
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @throws {RangeError} when `points` has the wrong length or a non-finite value, or `max` is not a non-negative integer
 * @example reasonCodes(pmmlSampleCard, [3, 0, 26]).map((r) => r.code) // => ["RC2", "RC1"]
 */
export function reasonCodes(card: Scorecard, points: ArrayLike<number>, options: ReasonCodeOptions = {}): ReasonCode[] {
  compiledOf(card);
  const chars = card.characteristics;
  const algorithm = options.algorithm ?? cardAlgorithm(card);
  if (algorithm !== "pointsBelow" && algorithm !== "pointsAbove")
    throw new RangeError('reasonCodes: algorithm must be "pointsBelow" or "pointsAbove"');
  const method = options.baselineMethod ?? (algorithm === "pointsBelow" ? "max" : "min");
  if (method !== "max" && method !== "min") throw new RangeError('reasonCodes: baselineMethod must be "max" or "min"');
  const max = options.max ?? 4;
  if (!Number.isInteger(max) || max < 0) throw new RangeError("reasonCodes: max must be a non-negative integer");
  if (points === null || typeof points !== "object" || points.length !== chars.length)
    throw new RangeError("reasonCodes: points must have one entry per characteristic");
  const attrs = options.attributes;
  if (attrs !== undefined && attrs.length !== chars.length)
    throw new RangeError("reasonCodes: attributes must have one entry per characteristic");
  if (card.artefact.format === "riskcard.scorecard" && card.artefact.useReasonCodes === false) return [];
  const n = collect(card, points, attrs, method === "max", algorithm === "pointsBelow", options.includeZero === true);
  const k = cacheOf(card);
  const out: ReasonCode[] = [];
  for (let i = 0; i < n && i < max; i++) {
    const j = k.kept[i]!;
    const code = k.order[j]!;
    out.push(Object.freeze({ code: k.codes[code]!, message: k.messages[code]!, points: k.totals[j]! }));
  }
  return out;
}

/** The card's own reason-code algorithm (version 2 artefacts may set it; default pointsBelow). */
function cardAlgorithm(card: Scorecard): "pointsBelow" | "pointsAbove" {
  return card.artefact.format === "riskcard.scorecard"
    ? (card.artefact.reasonCodeAlgorithm ?? "pointsBelow")
    : "pointsBelow";
}

/**
 * The engine's reason codes: `reasonCodes(card, points, { max, attributes })` (the card's
 * algorithm, pointsBelow unless the card says otherwise, with its default baseline) without the argument checks and intermediate objects, for a card, points and
 * attributes that come straight from `score`. The result is a reused buffer: read it before the
 * next call.
 * @param card a loaded card
 * @param points `score(...).points`
 * @param attributes `score(...).attributes`
 * @param max how many codes at most
 * @param redirect optional, per characteristic: -1, or a code index from `reasonCodeIndex` that takes
 *   that characteristic's difference instead of its own code (the engine's `NO_*` codes of absent data)
 * @returns the buffer: `count` codes, with `codes[i]`, `messages[i]`, `points[i]`
 * @throws {RangeError} when a point is not finite (as `reasonCodes`)
 * @internal
 */
export function selectReasonCodes(
  card: Scorecard,
  points: ArrayLike<number>,
  attributes: ArrayLike<number>,
  max: number,
  redirect?: ArrayLike<number>,
): SelectedReasons {
  compiledOf(card);
  const below = cardAlgorithm(card) === "pointsBelow";
  const off = card.artefact.format === "riskcard.scorecard" && card.artefact.useReasonCodes === false;
  const n = off ? 0 : collect(card, points, attributes, below, below, false, redirect);
  const k = cacheOf(card);
  const sel = selected;
  sel.count = Math.min(n, max);
  for (let i = 0; i < sel.count; i++) {
    const j = k.kept[i]!;
    const code = k.order[j]!;
    sel.codes[i] = k.codes[code]!;
    sel.messages[i] = k.messages[code]!;
    sel.points[i] = k.totals[j]!;
  }
  return sel;
}

/**
 * The baseline of each characteristic that `selectReasonCodes` measures points against: its
 * `baselineScore`, else its highest attribute points (PMML pointsBelow, max baseline).
 * @param card a loaded card
 * @returns one baseline per characteristic (the card's cached array: do not change it)
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @example reasonBaselines(pmmlSampleCard).length // => 3 (one per characteristic of the PMML sample)
 * @internal
 */
export function reasonBaselines(card: Scorecard): Float64Array {
  compiledOf(card);
  return cacheOf(card).baseMax;
}

/** The buffer `selectReasonCodes` fills. @internal */
export interface SelectedReasons {
  count: number;
  readonly codes: string[];
  readonly messages: string[];
  readonly points: number[];
}

const selected: SelectedReasons = { count: 0, codes: [], messages: [], points: [] };

/**
 * Sums the differences per code (PMML semantics) and sorts the kept codes into the card cache:
 * `kept[0 .. n)` are positions into `order`/`totals`, largest total first, ties in first-appearance order.
 * @returns n, the number of kept codes
 */
function collect(
  card: Scorecard,
  points: ArrayLike<number>,
  attrs: ArrayLike<number> | undefined,
  maxBaseline: boolean,
  below: boolean,
  zero: boolean,
  redirect?: ArrayLike<number>,
): number {
  const chars = card.characteristics;
  const k = cacheOf(card);
  const baselines = maxBaseline ? k.baseMax : k.baseMin;
  // Sum the differences per code, codes kept in order of first appearance.
  const { totals, order, pos } = k;
  let nCodes = 0;
  for (let c = 0; c < chars.length; c++) {
    const p = points[c]!;
    if (typeof p !== "number" || !Number.isFinite(p)) {
      for (let j = 0; j < nCodes; j++) pos[order[j]!] = -1;
      throw new RangeError("reasonCodes: points must be finite numbers");
    }
    let code = k.charCode[c]!;
    if (attrs !== undefined) {
      const ai = attrs[c]!;
      if (ai === -1) code = k.fallbackCode[c]!;
      else if (Number.isInteger(ai) && ai >= 0 && ai < k.attrCode[c]!.length) code = k.attrCode[c]![ai]!;
    }
    if (redirect !== undefined && redirect[c]! >= 0) code = redirect[c]!;
    const diff = below ? baselines[c]! - p : p - baselines[c]!;
    let at = pos[code]!;
    if (at < 0) {
      at = nCodes++;
      pos[code] = at;
      order[at] = code;
      totals[at] = 0;
    }
    totals[at] = totals[at]! + diff;
  }
  // Keep positive totals (or zero with includeZero); stable insertion sort by total, largest first
  // (ties keep first-appearance order, as a stable sort of the totals in insertion order would).
  const kept = k.kept;
  let n = 0;
  for (let j = 0; j < nCodes; j++) {
    pos[order[j]!] = -1;
    const t = totals[j]!;
    if (!(zero ? t >= 0 : t > 0)) continue;
    let i = n++;
    while (i > 0 && totals[kept[i - 1]!]! < t) {
      kept[i] = kept[i - 1]!;
      i--;
    }
    kept[i] = j;
  }
  return n;
}

/**
 * The index of a reason code in a card's reason-code table, adding the code (with its message)
 * when the card cannot report it itself: what `selectReasonCodes`' `redirect` takes.
 * @param card a loaded card
 * @param code a reason code
 * @param message its message when the card has none for it
 * @returns the code's index
 * @throws {TypeError} when the card was not loaded/built by riskcard
 * @example reasonCodeIndex(pmmlSampleCard, "RC1") // => 0 (the first characteristic's code)
 * @internal
 */
export function reasonCodeIndex(card: Scorecard, code: string, message: string): number {
  compiledOf(card);
  const k = cacheOf(card);
  const i = k.index.get(code);
  if (i !== undefined) return i;
  const next = buildCache(card, [...k.extra, [code, message]]);
  caches.set(card, next);
  return next.index.get(code)!;
}

/** Per-card precomputation for reason codes (cards are frozen, so it is computed once). */
interface ReasonCache {
  /** Code index by code, and the codes added by `reasonCodeIndex` (with their messages). */
  readonly index: ReadonlyMap<string, number>;
  readonly extra: readonly (readonly [string, string])[];
  /** Every code the card can report, and its message (the card's `reasons`, else the code). */
  readonly codes: readonly string[];
  readonly messages: readonly string[];
  /** Code index per characteristic, per characteristic's fallback, per attribute (attribute code or the characteristic's). */
  readonly charCode: Int32Array;
  readonly fallbackCode: Int32Array;
  readonly attrCode: readonly Int32Array[];
  /** Baseline per characteristic for baselineMethod max / min (`baselineScore` when given). */
  readonly baseMax: Float64Array;
  readonly baseMin: Float64Array;
  /** Scratch (reasonCodes is synchronous): totals by position, code by position, position by code (-1 = none), kept positions. */
  readonly totals: Float64Array;
  readonly order: Int32Array;
  readonly pos: Int32Array;
  readonly kept: Int32Array;
}

const caches = new WeakMap<Scorecard, ReasonCache>();

function cacheOf(card: Scorecard): ReasonCache {
  let k = caches.get(card);
  if (k === undefined) {
    k = buildCache(card);
    caches.set(card, k);
  }
  return k;
}

function buildCache(card: Scorecard, extra: readonly (readonly [string, string])[] = []): ReasonCache {
  const chars = card.characteristics;
  const index = new Map<string, number>();
  const codeOf = (code: string): number => {
    let i = index.get(code);
    if (i === undefined) {
      i = index.size;
      index.set(code, i);
    }
    return i;
  };
  const n = chars.length;
  const charCode = new Int32Array(n);
  const fallbackCode = new Int32Array(n);
  const attrCode: Int32Array[] = [];
  const baseMax = new Float64Array(n);
  const baseMin = new Float64Array(n);
  chars.forEach((ch, c) => {
    charCode[c] = codeOf(ch.reasonCode);
    fallbackCode[c] = ch.fallback.reasonCode === undefined ? charCode[c]! : codeOf(ch.fallback.reasonCode);
    const attributes: readonly { readonly reasonCode?: string | undefined }[] = ch.attributes;
    attrCode.push(
      Int32Array.from(attributes, (a) => (a.reasonCode === undefined ? charCode[c]! : codeOf(a.reasonCode))),
    );
    // (A characteristic with points expressions always has a baselineScore: the schema requires it.)
    let hi = -Infinity;
    let lo = Infinity;
    for (const a of ch.attributes) {
      hi = Math.max(hi, a.points ?? -Infinity);
      lo = Math.min(lo, a.points ?? Infinity);
    }
    baseMax[c] = ch.baselineScore ?? hi;
    baseMin[c] = ch.baselineScore ?? lo;
  });
  const messages = new Map((card.artefact.reasons ?? []).map((r) => [r.code, r.message]));
  for (const [code, message] of extra) {
    codeOf(code);
    if (!messages.has(code)) messages.set(code, message);
  }
  const codes = [...index.keys()];
  const m = codes.length;
  return {
    index,
    extra,
    codes,
    messages: codes.map((code) => messages.get(code) ?? code),
    charCode,
    fallbackCode,
    attrCode,
    baseMax,
    baseMin,
    totals: new Float64Array(m),
    order: new Int32Array(m),
    pos: new Int32Array(m).fill(-1),
    kept: new Int32Array(m),
  };
}
