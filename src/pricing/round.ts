/**
 * Rounds a non-negative amount in fen down to a whole fen, tolerating binary floating-point error.
 *
 * Products of decimal rates such as 0.15 / 12 are not exact in binary: 1,000,000 x 0.15 / 12
 * evaluates to 12499.999999999998, and a plain floor would lose a fen. A relative slack of 2e-15 (about 9 units in the last place)
 * (at least 1e-9 fen) absorbs that error and nothing else: for rates with up to six decimals the
 * exact value is never that close below an integer.
 * @param x a non-negative amount in fen
 * @returns floor(x) up to floating-point error
 * @example floorFen((1_000_000 * 0.15) / 12) // => 12500
 */
export function floorFen(x: number): number {
  return Math.floor(x + Math.max(1e-9, x * 2e-15));
}
