/**
 * Pearson correlation of two equal-length series, used by the correlation filters of variable
 * screening: `r = sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) sum((y - my)^2))`. Returns 0 (not
 * `NaN`) when either series is constant, so a constant column never looks correlated.
 * @param x a series
 * @param y a series of the same length
 * @returns r in [-1, 1], or 0 when either series is constant
 * @throws {RangeError} when the lengths differ
 * @example pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) // => 0.9933992677987828
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError("pearson: x and y must have the same length");
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
