/**
 * Exact arithmetic on rates read as the decimals they are written as: a rate such as 0.1825 is
 * not exact in binary, so `floor(balance x 0.1825 x days / 365)` in floating point can land a hair
 * below an integer and lose a fen. These helpers take the rate's shortest decimal form (the one
 * `String(rate)` prints, e.g. "0.1825" or "5e-7") and compute in BigInt, so every servicing amount
 * equals the result of Python's `decimal` on the same written rate.
 */

/** A non-negative decimal as numerator / 10^scale. */
interface Dec {
  readonly n: bigint;
  readonly scale: number;
}

function decimalOf(x: number): Dec {
  const s = String(x);
  const e = s.indexOf("e");
  const mant = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mant.indexOf(".");
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  let scale = (dot < 0 ? 0 : mant.length - dot - 1) - exp;
  let n = BigInt(digits);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n, scale };
}

function checkRate(rate: number, fn: string): void {
  if (typeof rate !== "number") throw new TypeError(`${fn}: rate must be a number`);
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`${fn}: rate must be a finite number >= 0`);
}

/**
 * floor(a x b x rate / divisor), exact, with the rate read as its shortest decimal form.
 *
 * Used for interest accrued by the day (a = balance in fen, b = days, divisor = 365) and for fees
 * as a share of an amount (b = 1, divisor = 1): rounding down is in the borrower's favour.
 * @param a a non-negative safe integer (an amount in fen)
 * @param b a non-negative safe integer (days, or 1)
 * @param rate a finite rate >= 0 (0.1825 is read as exactly 1825 / 10^4)
 * @param divisor a positive safe integer (365 days, or 1)
 * @returns the floor, a safe integer when the result fits
 * @throws {TypeError} when an argument is not a number
 * @throws {RangeError} when an argument is out of range or the result is not a safe integer
 * @example floorRateProduct(1_000_000, 30, 0.1825, 365) // => 15000 (10,000 CNY at 0.05% a day for 30 days)
 */
export function floorRateProduct(a: number, b: number, rate: number, divisor: number): number {
  checkRate(rate, "floorRateProduct");
  for (const v of [a, b]) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError("floorRateProduct: a and b must be non-negative integers");
  }
  if (!Number.isSafeInteger(divisor) || divisor < 1) {
    throw new RangeError("floorRateProduct: divisor must be a positive integer");
  }
  return floorRateOf(BigInt(a) * BigInt(b), rate, divisor, "floorRateProduct");
}

/**
 * floor(product x rate / divisor) for a product already formed in BigInt (e.g. a sum of principal x
 * days that may pass 2^53); no checks on rate and divisor beyond the result's range.
 * @param product a non-negative BigInt
 * @param rate a finite rate >= 0
 * @param divisor a positive safe integer
 * @param fn the calling function, for the message
 * @returns the floor as a number
 * @throws {RangeError} when the result is not a safe integer
 * @example floorRateOf(30_000_000n, 0.1825, 365, "f") // => 15000
 */
export function floorRateOf(product: bigint, rate: number, divisor: number, fn: string): number {
  const r = decimalOf(rate);
  const out = (product * r.n) / (BigInt(divisor) * 10n ** BigInt(r.scale));
  if (out > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${fn}: result is not a safe integer`);
  return Number(out);
}

/**
 * rate x k computed on the rate's decimal form, then rounded once to the nearest double: 0.0005 x 365
 * is exactly 0.1825 (plain floating point gives 0.18250000000000002).
 * @param rate a finite rate >= 0
 * @param k a non-negative safe integer
 * @returns the product as the double nearest to the exact decimal
 * @throws {TypeError|RangeError} on a rate that is not a finite number >= 0 or a k that is not a non-negative integer
 * @example scaleRate(0.0005, 365) // => 0.1825
 */
export function scaleRate(rate: number, k: number): number {
  checkRate(rate, "scaleRate");
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError("scaleRate: k must be a non-negative integer");
  const r = decimalOf(rate);
  const digits = (r.n * BigInt(k)).toString();
  return Number(`${digits}e-${r.scale}`);
}
