/**
 * Net present value and internal rate of return of a series of periodic cash flows.
 */

/** Candidate rates used to bracket a root, ascending; the root nearest 0 is preferred. */
const GRID: readonly number[] = [
  -0.999, -0.99, -0.95, -0.9, -0.75, -0.5, -0.25, -0.1, -0.05, -0.01, 0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5,
  1, 2, 5, 10, 100, 1e4, 1e6,
];

const MAX_ITER = 200;

function checkFlows(cashflows: ArrayLike<number>, fn: string): void {
  if (
    cashflows === null ||
    typeof cashflows !== "object" ||
    typeof (cashflows as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(`${fn}: cashflows must be an array of numbers`);
  }
  for (let i = 0; i < cashflows.length; i++) {
    const c = cashflows[i];
    if (typeof c !== "number") throw new TypeError(`${fn}: cashflows[${i}] must be a number`);
    if (!Number.isFinite(c)) throw new RangeError(`${fn}: cashflows[${i}] must be finite`);
  }
}

/**
 * Net present value of cash flows at a periodic rate, the first flow at time 0.
 *
 * NPV(r) = sum_t c_t / (1 + r)^t, evaluated by Horner's rule in v = 1 / (1 + r).
 * @param rate periodic discount rate, > -1
 * @param cashflows flows per period, index = period (0 = now)
 * @returns the net present value
 * @throws {TypeError} when cashflows is not an array of numbers
 * @throws {RangeError} when a flow is not finite or rate <= -1
 * @example npv(0.1, [-100, 110]) // => 0
 */
export function npv(rate: number, cashflows: ArrayLike<number>): number {
  checkFlows(cashflows, "npv");
  if (typeof rate !== "number" || !(rate > -1) || !Number.isFinite(rate)) {
    throw new RangeError("npv: rate must be a finite number > -1");
  }
  return npvUnchecked(rate, cashflows);
}

/**
 * `npv` without argument checks, for callers that have checked (hot loops).
 * @param rate periodic rate > -1
 * @param cashflows finite flows
 * @returns the net present value
 * @example npvUnchecked(0.1, [-100, 110]) // => 0
 */
export function npvUnchecked(rate: number, cashflows: ArrayLike<number>): number {
  const v = 1 / (1 + rate);
  let acc = 0;
  for (let t = cashflows.length - 1; t >= 0; t--) acc = acc * v + (cashflows[t] as number);
  return acc;
}

/** d NPV / d rate = -sum_t t c_t (1 + r)^-(t+1). */
function dnpv(rate: number, cashflows: ArrayLike<number>): number {
  const v = 1 / (1 + rate);
  let acc = 0;
  for (let t = cashflows.length - 1; t >= 1; t--) acc = acc * v + t * (cashflows[t] as number);
  // acc = sum_{t>=1} t c_t v^(t-1); derivative = -acc * v^2
  return -acc * v * v;
}

/**
 * Internal rate of return per period: the rate r at which the NPV of the flows is 0.
 *
 * Robust root finding: the NPV is evaluated on a fixed grid of rates in (-1, 1e6) to find a
 * sign change (the bracket nearest 0 wins), then a safeguarded Newton iteration (Numerical
 * Recipes `rtsafe`: a Newton step when it stays inside the bracket and shrinks it fast enough,
 * a bisection step otherwise) narrows it to about 1e-15. Flows with more than one sign change
 * can have several IRRs; this returns the one in the bracket nearest 0.
 * @param cashflows flows per period, index = period (0 = now); e.g. `[-disbursed, pay1, pay2, ...]`
 * @returns the periodic IRR, or `NaN` when no rate in (-1, 1e6) zeroes the NPV (no sign change,
 *   all zero, fewer than two flows)
 * @throws {TypeError} when cashflows is not an array of numbers
 * @throws {RangeError} when a flow is not finite
 * @example irr([-100, 39, 59, 55, 20]) // => 0.2809484211599611 (npm `financial` test: 0.2809484)
 */
export function irr(cashflows: ArrayLike<number>): number {
  checkFlows(cashflows, "irr");
  return irrUnchecked(cashflows);
}

/**
 * `irr` without argument checks, for callers that have checked (hot loops).
 * @param cashflows finite flows
 * @returns the periodic IRR or `NaN`
 * @example irrUnchecked([-100, 110]) // => 0.1 (approximately)
 */
export function irrUnchecked(cashflows: ArrayLike<number>): number {
  return solveIrr(cashflows, undefined);
}

/**
 * Internal rate of return per period of flows at arbitrary (fractional) times: the rate r with
 * sum_k c_k (1 + r)^-t_k = 0. Same bracketing and safeguarded Newton as `irr`, which it equals when
 * the times are 0, 1, 2, ... (Excel's XIRR is this with times in years).
 * @param cashflows the flows
 * @param times their times in periods (e.g. months since disbursement), finite and >= 0, same length
 * @returns the periodic IRR, or `NaN` when no rate in (-1, 1e6) zeroes the NPV
 * @throws {TypeError} when cashflows or times is not an array of numbers
 * @throws {RangeError} when a flow or time is not finite, a time is negative, or the lengths differ
 * @example irrTimed([-100, 105], [0, 0.5]) // => 0.1025 (approximately: 1.05^2 - 1)
 */
export function irrTimed(cashflows: ArrayLike<number>, times: ArrayLike<number>): number {
  checkFlows(cashflows, "irrTimed");
  checkFlows(times, "irrTimed");
  if (times.length !== cashflows.length)
    throw new RangeError("irrTimed: times and cashflows must have the same length");
  for (let i = 0; i < times.length; i++) {
    if ((times[i] as number) < 0) throw new RangeError(`irrTimed: times[${i}] must be >= 0`);
  }
  return solveIrr(cashflows, times);
}

/** NPV at fractional times: sum_k c_k (1 + r)^-t_k. */
function npvTimed(rate: number, cf: ArrayLike<number>, times: ArrayLike<number>): number {
  const l = Math.log1p(rate);
  let acc = 0;
  for (let k = 0; k < cf.length; k++) acc += (cf[k] as number) * Math.exp(-(times[k] as number) * l);
  return acc;
}

/** d NPV / d rate at fractional times: -sum_k t_k c_k (1 + r)^-(t_k + 1). */
function dnpvTimed(rate: number, cf: ArrayLike<number>, times: ArrayLike<number>): number {
  const l = Math.log1p(rate);
  let acc = 0;
  for (let k = 0; k < cf.length; k++) {
    const t = times[k] as number;
    acc -= t * (cf[k] as number) * Math.exp(-(t + 1) * l);
  }
  return acc;
}

function value(rate: number, cf: ArrayLike<number>, times: ArrayLike<number> | undefined): number {
  return times === undefined ? npvUnchecked(rate, cf) : npvTimed(rate, cf, times);
}

function slope(rate: number, cf: ArrayLike<number>, times: ArrayLike<number> | undefined): number {
  return times === undefined ? dnpv(rate, cf) : dnpvTimed(rate, cf, times);
}

function solveIrr(cashflows: ArrayLike<number>, times: ArrayLike<number> | undefined): number {
  if (cashflows.length < 2) return Number.NaN;
  let hasPos = false;
  let hasNeg = false;
  for (let i = 0; i < cashflows.length; i++) {
    const c = cashflows[i] as number;
    if (c > 0) hasPos = true;
    else if (c < 0) hasNeg = true;
  }
  if (!hasPos || !hasNeg) return Number.NaN;
  // Find the sign-change bracket nearest 0.
  let bestLo = Number.NaN;
  let bestHi = Number.NaN;
  let bestDist = Number.POSITIVE_INFINITY;
  let prevR = GRID[0] as number;
  let prevF = value(prevR, cashflows, times);
  if (prevF === 0) return prevR;
  for (let i = 1; i < GRID.length; i++) {
    const r = GRID[i] as number;
    const f = value(r, cashflows, times);
    if (f === 0) {
      const d = Math.abs(r);
      if (d < bestDist) {
        bestDist = d;
        bestLo = r;
        bestHi = r;
      }
    } else if (f < 0 !== prevF < 0 && prevF !== 0) {
      const d = prevR <= 0 && r >= 0 ? 0 : Math.min(Math.abs(prevR), Math.abs(r));
      if (d < bestDist) {
        bestDist = d;
        bestLo = prevR;
        bestHi = r;
      }
    }
    prevR = r;
    prevF = f;
  }
  if (Number.isNaN(bestLo)) return Number.NaN;
  if (bestLo === bestHi) return bestLo;
  return rtsafe(cashflows, bestLo, bestHi, times);
}

function rtsafe(cf: ArrayLike<number>, a: number, b: number, times: ArrayLike<number> | undefined): number {
  const fa = value(a, cf, times);
  // Orient so that f(lo) < 0 < f(hi).
  let lo = fa < 0 ? a : b;
  let hi = fa < 0 ? b : a;
  let x = 0.5 * (a + b);
  let dxOld = Math.abs(b - a);
  let dx = dxOld;
  let f = value(x, cf, times);
  let df = slope(x, cf, times);
  for (let i = 0; i < MAX_ITER; i++) {
    const outside = ((x - hi) * df - f) * ((x - lo) * df - f) > 0;
    if (outside || df === 0 || Math.abs(2 * f) > Math.abs(dxOld * df)) {
      dxOld = dx;
      dx = 0.5 * (hi - lo);
      x = lo + dx;
    } else {
      dxOld = dx;
      dx = f / df;
      const prev = x;
      x -= dx;
      if (x === prev) return x;
    }
    if (Math.abs(dx) <= 1e-15 * Math.max(1, Math.abs(x))) return x;
    f = value(x, cf, times);
    if (f === 0) return x;
    df = slope(x, cf, times);
    if (f < 0) lo = x;
    else hi = x;
  }
  return x;
}
