import { scheduleRows } from "./amortize";
import { localDay, monthTime } from "./calendar";
import type { RateCap } from "./cap";
import { floorRateProduct } from "./decimal";
import {
  allInApr,
  breaches,
  maxPaymentUnderCap,
  type ServicedLoan,
  type ServicingOptions,
  servicingPlanAt,
} from "./servicing";
import type { ScheduleRow } from "./types";

/** Options of `prepay`. */
export interface PrepayOptions extends ServicingOptions {
  /** When the borrower repays, epoch ms (its local calendar day counts). */
  readonly at: number;
  /** Principal to repay now, fen (default: all that is outstanding, a full payoff). */
  readonly amountFen?: number;
}

/** The result of an early repayment. All money in fen. */
export interface Prepayment {
  /** Installments due on or before the repayment day, assumed paid as scheduled. */
  readonly paidInstallments: number;
  /** Days of interest: from the last due date (a bullet: from disbursement) to the repayment day. */
  readonly days: number;
  /** Principal outstanding before the repayment. */
  readonly balanceFen: number;
  /** Principal repaid now. */
  readonly principalFen: number;
  /** Interest accrued on that principal to the day, as charged (after any cap reduction). */
  readonly interestFen: number;
  /** Prepayment fee as charged (after any cap reduction). */
  readonly feeFen: number;
  /** Refund credited against the payment when waiving the fee and the interest is not enough for the cap (usually 0). */
  readonly rebateFen: number;
  /** What the borrower pays now: principal + interest + fee - rebate. */
  readonly payoffFen: number;
  /** How much the cap took off the payment (fee, then interest, then the rebate). */
  readonly capReductionFen: number;
  readonly capped: boolean;
  /** Principal still outstanding after the repayment (0 after a full payoff). */
  readonly remainingBalanceFen: number;
  /** The revised schedule of the remaining principal, periods paidInstallments + 1 .. termMonths (empty after a payoff). */
  readonly schedule: readonly ScheduleRow[];
  /** All-in APR of the loan's flows with this repayment (disbursement net of the upfront fee, installments and fees, the payment, the revised schedule). */
  readonly aprNominal: number;
  readonly aprEffective: number;
  readonly cap: RateCap;
  /** True only when even a zero payment could not meet the cap (the earlier flows alone breach it). */
  readonly breachesCap: boolean;
}

/**
 * Repays a loan early, in full or in part: interest accrued to the day, the prepayment fee, the
 * payoff amount, the revised schedule, and an all-in APR held under the cap.
 *
 * Conventions (written down, tested against a Python `decimal` reference to the fen):
 * - Calendar: due dates are the disbursement's local day in each following month (the month's last
 *   day when shorter); installments due on or before the repayment day are assumed paid on their
 *   due dates (overdue ones belong to `penaltyInterest`). The repayment day must be before the last
 *   due date.
 * - Interest: Actual/365 simple interest on the principal repaid, from the last due date (a bullet:
 *   from disbursement) to the repayment day: floor(Q x annualRate x days / 365), the daily rate being
 *   the contract rate / 365, as `dailyRateDisclosure` quotes it. The rest of the principal keeps its
 *   schedule, so it pays its interest at the next due date as usual.
 * - Fee: floor(Q x prepaymentFeeRate). Every floor is exact on the rates as written (`floorRateProduct`)
 *   and in the borrower's favour.
 * - Revised schedule (part repayment): the remaining principal re-amortized over the remaining
 *   periods by the same method and rounding rule as `amortize` (same term, lower installments).
 * - Cap: flows are timed in contract months (due dates at whole months, a day in between at its
 *   share of the month: `monthTime`), so a loan repaid on schedule has its schedule's APR. The
 *   payment is at most the largest amount keeping the IRR of all the flows at or below the cap
 *   (`maxPaymentUnderCap`); any excess is taken off the fee first, then the interest, then refunded
 *   as a rebate (an upfront fee makes a very early payoff need one), and reported.
 * @param loan the loan: terms, fees, `disbursedAt`, optional `prepaymentFeeRate`
 * @param options `at`, optional `amountFen`, `cap` (default 24% nominal) and `utcOffsetMinutes` (default 480)
 * @returns the prepayment (frozen)
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a value is out of range, `at` is before disbursement or on or after the
 *   last due date, or `amountFen` is not an integer in [1, outstanding principal]
 * @example prepay({ principalFen: 1_000_000, annualRate: 0.1825, termMonths: 12, method: "equal-installment", disbursedAt: Date.UTC(2026, 0, 9, 16) }, { at: Date.UTC(2026, 1, 8, 16) }).interestFen
 * // => 15000 (10,000 CNY at 0.05% a day for the 30 days from 10 January to 9 February, Beijing)
 */
export function prepay(loan: ServicedLoan, options: PrepayOptions): Prepayment {
  const plan = servicingPlanAt(loan, options, "prepay", options.at, "at");
  const n = loan.termMonths;
  const day = localDay(options.at, plan.offsetMinutes);
  if (day >= (plan.dueDays[n] as number)) throw new RangeError("prepay: at must be before the last due date");
  let k = 0;
  while (k < n && (plan.dueDays[k + 1] as number) <= day) k++;
  const rows = plan.rows;
  const balance = k === 0 ? loan.principalFen : (rows[k - 1] as ScheduleRow).balanceFen;
  const amount = options.amountFen ?? balance;
  if (typeof amount !== "number") throw new TypeError("prepay: amountFen must be a number");
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > balance) {
    throw new RangeError("prepay: amountFen must be an integer from 1 to the outstanding principal");
  }
  const since = loan.method === "bullet" ? plan.start : (plan.dueDays[k] as number);
  const days = day - since;
  const interest0 = floorRateProduct(amount, days, loan.annualRate, 365);
  const fee0 = floorRateProduct(amount, 1, plan.prepaymentFeeRate, 1);
  const remaining = balance - amount;
  const m = n - k;
  const revised: ScheduleRow[] =
    remaining === 0
      ? []
      : scheduleRows(remaining, loan.annualRate, m, loan.method, m).map((r) => ({ ...r, period: r.period + k }));

  // Every flow but the payment: disbursement, installments paid, the revised schedule (with fees).
  const amounts: number[] = [-(loan.principalFen - plan.upfrontFeeFen)];
  const times: number[] = [0];
  for (let j = 1; j <= k; j++) {
    amounts.push((rows[j - 1] as ScheduleRow).paymentFen + plan.monthlyFeeFen);
    times.push(j);
  }
  for (const r of revised) {
    amounts.push(r.paymentFen + plan.monthlyFeeFen);
    times.push(r.period);
  }
  const tAt = monthTime(plan.start, day);
  const wanted = amount + interest0 + fee0;
  const payoff = Math.max(0, Math.min(wanted, maxPaymentUnderCap(amounts, times, tAt, plan.capMonthly)));
  const reduction = wanted - payoff;
  const feeWaived = Math.min(fee0, reduction);
  const interestWaived = Math.min(interest0, reduction - feeWaived);
  if (payoff > 0) {
    amounts.push(payoff);
    times.push(tAt);
  }
  const apr = allInApr(amounts, times);
  return Object.freeze({
    paidInstallments: k,
    days,
    balanceFen: balance,
    principalFen: amount,
    interestFen: interest0 - interestWaived,
    feeFen: fee0 - feeWaived,
    rebateFen: reduction - feeWaived - interestWaived,
    payoffFen: payoff,
    capReductionFen: reduction,
    capped: reduction > 0,
    remainingBalanceFen: remaining,
    schedule: Object.freeze(revised.map((r) => Object.freeze(r))),
    aprNominal: apr.aprNominal,
    aprEffective: apr.aprEffective,
    cap: plan.cap,
    breachesCap: breaches(apr, plan.cap),
  });
}
