import { localDay, monthTime } from "../pricing/calendar";
import type { RateCap } from "../pricing/cap";
import { allInApr, breaches, floorRateOf, servicingPlanAt } from "../pricing/internal";
import { maxPaymentUnderCap, type ServicedLoan, type ServicingOptions } from "../pricing/servicing";
import type { ScheduleRow } from "../pricing/types";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { repaymentsSchema } from "./days-past-due";

/** Options of `penaltyInterest`. */
export interface PenaltyOptions extends ServicingOptions {
  /** Evaluation instant, epoch ms (its local calendar day counts). */
  readonly asOf: number;
  /** Annual penalty rate on overdue principal (e.g. 1.5 x the contract rate); the daily rate is rate / 365. */
  readonly rate: number;
}

/** Penalty interest of one installment whose principal was (or is) paid late. */
export interface InstallmentPenalty {
  readonly period: number;
  /** Local midnight of the due day, epoch ms. */
  readonly dueAt: number;
  /** Days from the due day to the last principal payment of it, or to asOf while some is unpaid. */
  readonly daysLate: number;
  /** Sum over its principal of fen x days late. */
  readonly principalDays: number;
  /** floor(rate x principalDays / 365), before any cap reduction. */
  readonly penaltyFen: number;
}

/** Penalty interest and what is owed on a loan as of a day. All money in fen. */
export interface PenaltyInterest {
  /** Days since the due day of the oldest installment not fully paid (0 when none is late). */
  readonly daysPastDue: number;
  /** Unpaid principal, interest and fees of installments due before the asOf day. */
  readonly overduePrincipalFen: number;
  readonly overdueInterestFen: number;
  readonly overdueFeeFen: number;
  /** Penalty interest accrued, the sum over installments (each rounded down). */
  readonly penaltyAccruedFen: number;
  /** Penalty as charged: the accrued penalty, lowered when it would take the all-in APR over the cap. */
  readonly penaltyFen: number;
  readonly penaltyWaivedFen: number;
  readonly capped: boolean;
  /** Everything owed now: overdue principal, interest and fees, plus the penalty charged. */
  readonly amountDueFen: number;
  /** Payments beyond everything the schedule asks for (not applied). */
  readonly unappliedFen: number;
  /** All-in APR (contract interest, fees, penalty) of the flows as paid, with the amount due paid at asOf. */
  readonly aprNominal: number;
  readonly aprEffective: number;
  readonly cap: RateCap;
  /** True only when the flows breach the cap even with no penalty (e.g. a contract priced above it). */
  readonly breachesCap: boolean;
  /** Installments with penalty-bearing days, in period order. */
  readonly installments: readonly InstallmentPenalty[];
}

const DAY_MS = 86_400_000;

/**
 * Penalty interest on overdue principal, by the day, with the all-in annualised cost (contract
 * interest + penalty + fees) held under the cap.
 *
 * Conventions (tested against a Python `decimal` reference to the fen):
 * - Payments received up to asOf are applied in time order to the installments oldest first, and
 *   within an installment to principal, then interest, then the monthly fee (principal first stops
 *   the penalty soonest: the borrower's favour). Anything beyond the whole schedule is `unappliedFen`.
 * - An installment is late from the day after its due day (paying on the due day is on time).
 *   Each fen of its principal accrues rate / 365 a day for every day it is late: to the day it was
 *   paid, or to the asOf day while unpaid. Interest and fees bear no penalty (no interest on interest).
 *   Per installment, penalty = floor(rate x sum(fen x days) / 365), exact on the rate as written.
 * - Cap: the flows are the disbursement (net of the upfront fee), every payment at its day (an early
 *   payment counts at its due day: paying early does not make credit dearer), the amount due now at
 *   asOf and the installments not yet due at their due dates, timed in contract months (`monthTime`).
 *   The penalty charged is the largest amount up to the accrued penalty that keeps their IRR at or
 *   below the cap (`maxPaymentUnderCap`); `capped` says when it was lowered.
 * @param loan the loan: terms, fees and `disbursedAt` (as for `prepay`)
 * @param payments the repayments received, `[{ at, amountFen }]` (untrusted data: checked)
 * @param options `asOf`, the annual penalty `rate`, optional `cap` (default 24% nominal) and `utcOffsetMinutes` (default 480)
 * @returns `{ ok: true, value }`, or issues for the payments (wrong types, more than 10,000, dated after asOf as `in_future`, before disbursement as `invalid_value`)
 * @throws {TypeError|RangeError} when the loan or the options are invalid (programmer errors, as in riskcard/pricing), or asOf is before disbursement
 * @example penaltyInterest({ principalFen: 1_200_000, annualRate: 0.12, termMonths: 12, method: "equal-principal", disbursedAt: Date.UTC(2026, 0, 9, 16) }, [], { asOf: Date.UTC(2026, 2, 19, 16), rate: 0.18 }).value.penaltyFen
 * // => 2366 (100,000 fen unpaid 38 days and 100,000 fen 10 days at 18% / 365: 1873 + 493)
 */
export function penaltyInterest(
  loan: ServicedLoan,
  payments: unknown,
  options: PenaltyOptions,
): Result<PenaltyInterest> {
  const plan = servicingPlanAt(loan, options, "penaltyInterest", options.asOf, "asOf");
  const rate = options.rate;
  if (typeof rate !== "number") throw new TypeError("penaltyInterest: rate must be a number");
  if (!Number.isFinite(rate) || rate < 0 || rate > 10) throw new RangeError("penaltyInterest: rate must be in [0, 10]");
  const parsed = validateWith(repaymentsSchema, payments);
  if (!parsed.ok) return parsed;
  const list = parsed.value;
  const bad: Issue[] = [];
  for (let i = 0; i < list.length; i++) {
    const at = (list[i] as { at: number }).at;
    if (at > options.asOf) bad.push(issue("in_future", [i, "at"], "after asOf"));
    else if (at < loan.disbursedAt) bad.push(issue("invalid_value", [i, "at"], "before the loan was disbursed"));
  }
  if (bad.length > 0) return fail(bad);

  const n = loan.termMonths;
  const rows = plan.rows;
  const fee = plan.monthlyFeeFen;
  const today = localDay(options.asOf, plan.offsetMinutes);
  const due = (j: number): number => plan.dueDays[j] as number; // j = 1..n
  // Waterfall state: installment j (1-based), part 0 principal / 1 interest / 2 fee, what is left of it.
  const left = [0, 0, 0];
  const setParts = (j: number): void => {
    const r = rows[j - 1] as ScheduleRow;
    left[0] = r.principalFen;
    left[1] = r.interestFen;
    left[2] = fee;
  };
  let j = 1;
  setParts(1);
  const principalDays: bigint[] = new Array(n + 1).fill(0n);
  const lastPrincipalDay: number[] = new Array(n + 1).fill(-1);
  const amounts: number[] = [-(loan.principalFen - plan.upfrontFeeFen)];
  const times: number[] = [0];
  let unapplied = 0;
  const order = list.map((_, i) => i).sort((a, b) => list[a]!.at - list[b]!.at || a - b);
  for (const idx of order) {
    const p = list[idx] as { at: number; amountFen: number };
    const day = localDay(p.at, plan.offsetMinutes);
    let amt = p.amountFen;
    while (amt > 0 && j <= n) {
      const part = left[0]! > 0 ? 0 : left[1]! > 0 ? 1 : left[2]! > 0 ? 2 : -1;
      if (part < 0) {
        j++;
        if (j <= n) setParts(j);
        continue;
      }
      const take = Math.min(amt, left[part]!);
      left[part] = left[part]! - take;
      amt -= take;
      const d = due(j);
      if (part === 0 && day > d) {
        principalDays[j] = principalDays[j]! + BigInt(take) * BigInt(day - d);
        lastPrincipalDay[j] = day;
      }
      amounts.push(take);
      times.push(monthTime(plan.start, Math.max(day, d)));
    }
    unapplied += amt;
  }
  // What is still unpaid: overdue (due before today) goes into the amount due now; the rest stays scheduled.
  let overduePrincipal = 0;
  let overdueInterest = 0;
  let overdueFee = 0;
  let oldestLate = -1;
  for (let q = j; q <= n; q++) {
    const r = rows[q - 1] as ScheduleRow;
    const unpaid = q === j ? [left[0]!, left[1]!, left[2]!] : [r.principalFen, r.interestFen, fee];
    const d = due(q);
    if (d < today) {
      overduePrincipal += unpaid[0]!;
      overdueInterest += unpaid[1]!;
      overdueFee += unpaid[2]!;
      if (unpaid[0]! > 0) {
        principalDays[q] = principalDays[q]! + BigInt(unpaid[0]!) * BigInt(today - d);
        lastPrincipalDay[q] = today;
      }
      if (oldestLate < 0 && unpaid[0]! + unpaid[1]! + unpaid[2]! > 0) oldestLate = d;
    } else {
      const owed = unpaid[0]! + unpaid[1]! + unpaid[2]!;
      if (owed > 0) {
        amounts.push(owed);
        times.push(q);
      }
    }
  }
  const installments: InstallmentPenalty[] = [];
  let accrued = 0;
  for (let q = 1; q <= n; q++) {
    const pd = principalDays[q]!;
    if (pd === 0n) continue;
    const penaltyFen = floorRateOf(pd, rate, 365, "penaltyInterest");
    accrued += penaltyFen;
    installments.push(
      Object.freeze({
        period: q,
        dueAt: due(q) * DAY_MS - plan.offsetMinutes * 60_000,
        daysLate: lastPrincipalDay[q]! - due(q),
        principalDays: Number(pd),
        penaltyFen,
      }),
    );
  }
  const overdue = overduePrincipal + overdueInterest + overdueFee;
  const tNow = monthTime(plan.start, today);
  const room = maxPaymentUnderCap(amounts, times, tNow, plan.capMonthly) - overdue;
  const penalty = Math.max(0, Math.min(accrued, room));
  const dueNow = overdue + penalty;
  if (dueNow > 0) {
    amounts.push(dueNow);
    times.push(tNow);
  }
  const apr = allInApr(amounts, times);
  return ok(
    Object.freeze({
      daysPastDue: oldestLate < 0 ? 0 : today - oldestLate,
      overduePrincipalFen: overduePrincipal,
      overdueInterestFen: overdueInterest,
      overdueFeeFen: overdueFee,
      penaltyAccruedFen: accrued,
      penaltyFen: penalty,
      penaltyWaivedFen: accrued - penalty,
      capped: penalty < accrued,
      amountDueFen: dueNow,
      unappliedFen: unapplied,
      aprNominal: apr.aprNominal,
      aprEffective: apr.aprEffective,
      cap: plan.cap,
      breachesCap: breaches(apr, plan.cap),
      installments: Object.freeze(installments),
    }),
  );
}
