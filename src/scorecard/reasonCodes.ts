import { compiledOf } from "./compile";
import type { ReasonCode, Scorecard } from "./types";

/** Options of `reasonCodes`. */
export interface ReasonCodeOptions {
  /** PMML `reasonCodeAlgorithm`: `"pointsBelow"` (baseline - points, default) or `"pointsAbove"` (points - baseline). */
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
  const algorithm = options.algorithm ?? "pointsBelow";
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
  const totals = new Map<string, number>();
  for (let c = 0; c < chars.length; c++) {
    const ch = chars[c]!;
    const p = points[c]!;
    if (typeof p !== "number" || !Number.isFinite(p)) throw new RangeError("reasonCodes: points must be finite numbers");
    let baseline = ch.baselineScore;
    if (baseline === undefined) {
      baseline = ch.attributes[0]!.points;
      for (const a of ch.attributes) baseline = method === "max" ? Math.max(baseline, a.points) : Math.min(baseline, a.points);
    }
    let code = ch.reasonCode;
    if (attrs !== undefined) {
      const ai = attrs[c]!;
      const rc = ai === -1 ? ch.fallback.reasonCode : ch.attributes[ai]?.reasonCode;
      if (rc !== undefined) code = rc;
    }
    const diff = algorithm === "pointsBelow" ? baseline - p : p - baseline;
    totals.set(code, (totals.get(code) ?? 0) + diff);
  }
  const messages = new Map((card.artefact.reasons ?? []).map((r) => [r.code, r.message]));
  const keep = options.includeZero === true ? (t: number) => t >= 0 : (t: number) => t > 0;
  // Array.prototype.sort is stable, so ties keep first-appearance order.
  return [...totals]
    .filter(([, t]) => keep(t))
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([code, t]) => Object.freeze({ code, message: messages.get(code) ?? code, points: t }));
}
