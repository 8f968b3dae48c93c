import { scheduleRows } from "./amortize";
import { addMonths, localDay } from "./calendar";
import { DEFAULT_RATE_CAP, type RateCap, checkCap } from "./cap";
import { checkLoanWithFees, type LoanWithFees } from "./cash-flows";
import { irrTimed } from "./irr";
import type { ScheduleRow } from "./types";

/** A drawn loan being serviced: its terms and fees, when it was disbursed, and its prepayment fee. */
export interface ServicedLoan extends LoanWithFees {
  /** Disbursement instant, epoch ms; due dates fall on the same local day of the following months. */
  readonly disbursedAt: number;
  /** Fee on the principal repaid early, a share of it in [0, 1) (default 0). */
  readonly prepaymentFeeRate?: number;
}

/** Options shared by the servicing functions. */
export interface ServicingOptions {
  /** The cap on the all-in APR (default 24% nominal). */
  readonly cap?: RateCap;
  /** The lender's UTC offset in minutes, which sets the calendar days (default 480, China). */
  readonly utcOffsetMinutes?: number;
}

/** A loan's schedule laid out on the calendar (internal to the servicing functions). */
export interface ServicingPlan {
  readonly rows: readonly ScheduleRow[];
  /** Disbursement day number; dueDays[k] = addMonths(start, k), dueDays[0] = start. */
  readonly start: number;
  readonly dueDays: readonly number[];
  readonly upfrontFeeFen: number;
  readonly monthlyFeeFen: number;
  readonly prepaymentFeeRate: number;
  readonly offsetMinutes: number;
  readonly cap: RateCap;
  /** Monthly rate at which the cap binds: cap / 12 (nominal) or (1 + cap)^(1/12) - 1 (effective). */
  readonly capMonthly: number;
}

/** Largest epoch ms accepted (the ECMAScript date range). */
const MAX_EPOCH_MS = 8.64e15;

/**
 * Checks a serviced loan and the options, then lays its schedule on the calendar.
 * @param loan the loan
 * @param options cap and time zone
 * @param fn the calling function, for messages
 * @returns the plan
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a value is out of range (messages never echo values)
 * @example servicingPlan({ principalFen: 1000, annualRate: 0.12, termMonths: 2, method: "bullet", disbursedAt: 0 }, {}, "f").dueDays // => [0, 31, 59]
 */
export function servicingPlan(loan: ServicedLoan, options: ServicingOptions, fn: string): ServicingPlan {
  const { upfront, monthly } = checkLoanWithFees(loan, fn);
  const prepaymentFeeRate = loan.prepaymentFeeRate ?? 0;
  if (typeof prepaymentFeeRate !== "number") throw new TypeError(`${fn}: prepaymentFeeRate must be a number`);
  if (!(prepaymentFeeRate >= 0 && prepaymentFeeRate < 1)) {
    throw new RangeError(`${fn}: prepaymentFeeRate must be in [0, 1)`);
  }
  if (typeof loan.disbursedAt !== "number") throw new TypeError(`${fn}: disbursedAt must be a number`);
  if (!Number.isSafeInteger(loan.disbursedAt) || loan.disbursedAt < 0 || loan.disbursedAt > MAX_EPOCH_MS) {
    throw new RangeError(`${fn}: disbursedAt must be a non-negative integer (epoch ms)`);
  }
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options are required`);
  const cap = options.cap ?? DEFAULT_RATE_CAP;
  checkCap(cap, fn);
  const offsetMinutes = options.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < -720 || offsetMinutes > 840) {
    throw new RangeError(`${fn}: utcOffsetMinutes must be an integer from -720 to 840`);
  }
  const start = localDay(loan.disbursedAt, offsetMinutes);
  const dueDays: number[] = new Array(loan.termMonths + 1);
  for (let k = 0; k <= loan.termMonths; k++) dueDays[k] = addMonths(start, k);
  return {
    rows: scheduleRows(loan.principalFen, loan.annualRate, loan.termMonths, loan.method, loan.termMonths),
    start,
    dueDays,
    upfrontFeeFen: upfront,
    monthlyFeeFen: monthly,
    prepaymentFeeRate,
    offsetMinutes,
    cap,
    capMonthly: cap.convention === "nominal" ? cap.rate / 12 : Math.expm1(Math.log1p(cap.rate) / 12),
  };
}

/**
 * `servicingPlan`, with the instant the operation is asked at checked too: an epoch-ms integer not
 * before disbursement (the preamble `prepay` and `penaltyInterest` share).
 * @param loan the loan
 * @param options cap and UTC offset
 * @param fn the caller's name, for messages
 * @param at the instant (epoch ms)
 * @param name the option that holds `at`, for messages
 * @returns the plan
 * @throws {TypeError|RangeError} as `servicingPlan`, or when `at` is not an instant or is before `disbursedAt`
 * @example servicingPlanAt({ principalFen: 1000, annualRate: 0.12, termMonths: 2, method: "bullet", disbursedAt: 0 }, {}, "f", 0, "at").dueDays // => [0, 31, 59]
 */
export function servicingPlanAt(
  loan: ServicedLoan,
  options: ServicingOptions,
  fn: string,
  at: number,
  name: string,
): ServicingPlan {
  const plan = servicingPlan(loan, options, fn);
  checkInstant(at, name, fn);
  if (at < loan.disbursedAt) throw new RangeError(`${fn}: ${name} must not be before disbursedAt`);
  return plan;
}

/**
 * Checks an instant argument of a servicing function.
 * @param ms the value
 * @param name its name, for messages
 * @param fn the calling function
 * @throws {TypeError|RangeError} when it is not a non-negative safe integer
 * @example checkInstant(0, "at", "prepay") // => undefined
 */
export function checkInstant(ms: unknown, name: string, fn: string): asserts ms is number {
  if (typeof ms !== "number") throw new TypeError(`${fn}: ${name} must be a number (epoch ms)`);
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_EPOCH_MS) {
    throw new RangeError(`${fn}: ${name} must be a non-negative integer (epoch ms)`);
  }
}

/**
 * The largest payment at time `at` that keeps the IRR of all the flows at or below the cap: the
 * flows (the disbursement negative, payments positive) valued at the cap's monthly rate i at `at`,
 * X_max = -sum_k c_k (1 + i)^(at - t_k), rounded down to the fen. With X <= X_max the NPV at i is
 * <= 0, and for one negative flow followed by payments that means IRR <= i.
 * @param amounts the other flows, fen
 * @param times their times in contract months
 * @param at the time of the payment, contract months
 * @param capMonthly the cap's monthly rate
 * @returns floor(X_max) (may be negative when the other flows alone already breach the cap)
 * @example maxPaymentUnderCap([-1000], [0], 1, 0.02) // => 1020
 */
export function maxPaymentUnderCap(
  amounts: readonly number[],
  times: readonly number[],
  at: number,
  capMonthly: number,
): number {
  const l = Math.log1p(capMonthly);
  let acc = 0;
  for (let k = 0; k < amounts.length; k++) acc -= (amounts[k] as number) * Math.exp((at - (times[k] as number)) * l);
  return Math.floor(acc + 1e-7); // a hair of slack for the floating-point sum; the APR check below is exact enough
}

/**
 * The all-in APR of dated flows: the monthly IRR at contract-month times, as 12 x IRR (nominal)
 * and (1 + IRR)^12 - 1 (effective).
 * @param amounts the flows, fen (disbursement negative)
 * @param times their times in contract months
 * @returns `{ aprNominal, aprEffective }` (`NaN` when the flows have no IRR, or when they all fall at
 *   one time, a same-day payoff, where every rate solves the equation)
 * @example allInApr([-1000, 1020], [0, 1]).aprNominal // => 0.24 (approximately)
 */
export function allInApr(
  amounts: readonly number[],
  times: readonly number[],
): { readonly aprNominal: number; readonly aprEffective: number } {
  let spread = false;
  for (let k = 1; k < times.length; k++) if (times[k] !== times[0] && amounts[k] !== 0) spread = true;
  const i = spread ? irrTimed(amounts, times) : Number.NaN;
  return { aprNominal: 12 * i, aprEffective: Math.expm1(12 * Math.log1p(i)) };
}

/**
 * Whether an APR pair breaches a cap in the cap's convention (a hair of tolerance, 1e-12, for the root finder).
 * @param apr the APR pair
 * @param cap the cap
 * @returns true when above the cap
 * @example breaches({ aprNominal: 0.25, aprEffective: 0.28 }, { rate: 0.24, convention: "nominal" }) // => true
 */
export function breaches(apr: { readonly aprNominal: number; readonly aprEffective: number }, cap: RateCap): boolean {
  return (cap.convention === "nominal" ? apr.aprNominal : apr.aprEffective) > cap.rate + 1e-12;
}

/**
 * The due dates of a serviced loan: local midnight of each installment's due day, epoch ms.
 * @param loan the loan (terms and `disbursedAt`)
 * @param options `utcOffsetMinutes` (default 480)
 * @returns one instant per installment, period 1 first
 * @throws {TypeError|RangeError} on an invalid loan or options
 * @example dueDates({ principalFen: 1000, annualRate: 0.1, termMonths: 2, method: "bullet", disbursedAt: Date.UTC(2026, 0, 30, 16) }, {})
 * // => [1772208000000, 1774886400000] (disbursed 31 January in Beijing: due 28 February and 31 March, Beijing midnight)
 */
export function dueDates(loan: ServicedLoan, options: ServicingOptions = {}): number[] {
  const plan = servicingPlan(loan, options, "dueDates");
  const out: number[] = new Array(loan.termMonths);
  for (let k = 1; k <= loan.termMonths; k++)
    out[k - 1] = (plan.dueDays[k] as number) * 86_400_000 - plan.offsetMinutes * 60_000;
  return out;
}
