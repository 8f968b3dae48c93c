import type { AnyFormLoan, Installment, Repayment } from "../schema/internal";
import { SECTION_FIELDS, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import { DAY_MS } from "./time";

/**
 * Repayment behaviour on the platform's own loans as of `asOf` (`NaN` = missing).
 *
 * Repayments are applied to installments in due-date order (first in, first out). Installment i
 * (sorted by due date, then amount) is paid when the cumulative repayments reach the cumulative
 * amount due through i; it is on time when that happens on or before its due date. An installment
 * is due when its due date is strictly before `asOf`; repayments after `asOf` are ignored.
 */
export interface LoanStats {
  /** Due installments paid on time / due installments. */
  ontimeRatio: number;
  /** Days past due now: the oldest unpaid due installment's age in whole days (0 when none). */
  currentDpd: number;
  /** Worst days past due ever reached by any due installment (0 when never late). */
  worstDpd: number;
  /** Whole days since the due date of the most recent installment not paid on time. */
  daysSinceLastOverdue: number;
  installmentsDue: number;
  overdueInstallments: number;
  /** Amount due through `asOf` not yet repaid, over all loans (fen). */
  outstandingFen: number;
}

const INSTALLMENT = SECTION_FIELDS.installments;
const REPAYMENT = SECTION_FIELDS.repayments;
let dueAt = new Float64Array(64);
let dueAmt = new Float64Array(64);
let repAt = new Float64Array(64);
let repAmt = new Float64Array(64);
let idxA = new Uint32Array(64);
let idxB = new Uint32Array(64);

function ensure(n: number, m: number): void {
  if (n > dueAt.length) {
    const k = Math.max(n, dueAt.length * 2);
    dueAt = new Float64Array(k);
    dueAmt = new Float64Array(k);
    idxA = new Uint32Array(k);
  }
  if (m > repAt.length) {
    const k = Math.max(m, repAt.length * 2);
    repAt = new Float64Array(k);
    repAmt = new Float64Array(k);
    idxB = new Uint32Array(k);
  }
}

const byDue = (i: number, j: number): number => dueAt[i]! - dueAt[j]! || dueAmt[i]! - dueAmt[j]!;
const byRep = (i: number, j: number): number => repAt[i]! - repAt[j]!;

/** Whether no adjacent pair is out of order under `cmp` (so a stable sort would change nothing). */
function sortedBy(ix: Uint32Array, cmp: (i: number, j: number) => number): boolean {
  for (let k = 1; k < ix.length; k++) if (!(cmp(ix[k - 1]!, ix[k]!) <= 0)) return false;
  return true;
}

/**
 * Computes repayment statistics over every loan disbursed on or before `asOf`.
 * @param loans the applicant's platform loans (validated; installments and repayments in either form)
 * @param asOf epoch ms
 * @param out the statistics object to fill (reused across calls)
 * @returns `out`
 * @example loanStats([], 0, newLoanStats()).ontimeRatio // => NaN (no due installments)
 */
export function loanStats(loans: readonly AnyFormLoan[], asOf: number, out: LoanStats): LoanStats {
  let due = 0;
  let ontime = 0;
  let overdue = 0;
  let current = 0;
  let worst = 0;
  let lastOverdue = Number.NEGATIVE_INFINITY;
  let outstanding = 0;
  for (const loan of loans) {
    if (loan.disbursedAt > asOf) continue;
    const insts = loan.installments;
    const reps = loan.repayments;
    const ni = rowCount(insts, INSTALLMENT);
    const nr = rowCount(reps, REPAYMENT);
    ensure(ni, nr);
    let n = 0;
    const si = scratchFor(insts);
    for (let j = 0; j < ni; j++) {
      const ins = rowAt<Installment>(insts, j, INSTALLMENT, si);
      if (ins.dueAt >= asOf) continue;
      dueAt[n] = ins.dueAt;
      dueAmt[n] = ins.amountFen;
      idxA[n] = n;
      n++;
    }
    let m = 0;
    const sr = scratchFor(reps);
    for (let j = 0; j < nr; j++) {
      const rep = rowAt<Repayment>(reps, j, REPAYMENT, sr);
      if (rep.at > asOf) continue;
      repAt[m] = rep.at;
      repAmt[m] = rep.amountFen;
      idxB[m] = m;
      m++;
    }
    if (n === 0) continue;
    // Records usually arrive in order: sort only when they are not (a stable sort of sorted input is the identity).
    const ia = idxA.subarray(0, n);
    if (!sortedBy(ia, byDue)) ia.sort(byDue);
    const ib = idxB.subarray(0, m);
    if (!sortedBy(ib, byRep)) ib.sort(byRep);
    let cumDue = 0;
    let prefix = 0;
    let k = 0;
    let oldestUnpaid = Number.NaN;
    for (let q = 0; q < n; q++) {
      const i = ia[q]!;
      const d = dueAt[i]!;
      cumDue += dueAmt[i]!;
      while (k < m && prefix < cumDue) {
        prefix += repAmt[ib[k]!]!;
        k++;
      }
      due++;
      let late: number;
      if (prefix >= cumDue) {
        const paidAt = k === 0 ? Number.NEGATIVE_INFINITY : repAt[ib[k - 1]!]!;
        late = paidAt <= d ? 0 : Math.floor((paidAt - d) / DAY_MS);
        if (paidAt <= d) ontime++;
        else {
          overdue++;
          if (d > lastOverdue) lastOverdue = d;
        }
      } else {
        late = Math.floor((asOf - d) / DAY_MS);
        overdue++;
        if (d > lastOverdue) lastOverdue = d;
        if (Number.isNaN(oldestUnpaid)) oldestUnpaid = d;
      }
      if (late > worst) worst = late;
    }
    if (!Number.isNaN(oldestUnpaid)) {
      const c = Math.floor((asOf - oldestUnpaid) / DAY_MS);
      if (c > current) current = c;
    }
    if (cumDue > prefix) outstanding += cumDue - prefix;
  }
  out.installmentsDue = due;
  out.overdueInstallments = overdue;
  out.ontimeRatio = due === 0 ? Number.NaN : ontime / due;
  out.currentDpd = current;
  out.worstDpd = worst;
  out.daysSinceLastOverdue =
    lastOverdue === Number.NEGATIVE_INFINITY ? Number.NaN : Math.floor((asOf - lastOverdue) / DAY_MS);
  out.outstandingFen = outstanding;
  return out;
}

/**
 * A fresh statistics object for `loanStats`.
 * @returns statistics with every field missing
 * @example newLoanStats().worstDpd // => NaN
 */
export function newLoanStats(): LoanStats {
  return {
    ontimeRatio: Number.NaN,
    currentDpd: Number.NaN,
    worstDpd: Number.NaN,
    daysSinceLastOverdue: Number.NaN,
    installmentsDue: Number.NaN,
    overdueInstallments: Number.NaN,
    outstandingFen: Number.NaN,
  };
}
