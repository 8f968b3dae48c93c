import { type LoanTerms, checkTerms, scheduleRows } from "./amortize";

/** Loan terms plus the fees that enter the APR. */
export interface LoanWithFees extends LoanTerms {
  /** Fee withheld at disbursement, fen (default 0); must be below the principal. */
  readonly upfrontFeeFen?: number;
  /** Service fee (or add-on charge) paid with every installment, fen (default 0). */
  readonly monthlyFeeFen?: number;
}

/**
 * The borrower's monthly cash flows of a loan, fees included, ready for `irr` or `apr`.
 *
 * flows[0] = -(principal - upfront fee) (what the borrower actually receives);
 * flows[t] = installment t of `amortize` + monthly fee, t = 1..n. An add-on rate a (interest
 * charged on the original principal every month) is a monthly fee of P x a / 12 on a 0% loan.
 * @param loan terms and fees
 * @returns `n + 1` flows
 * @throws {TypeError|RangeError} on invalid terms, or fees that are negative, not safe integers, or an upfront fee >= principal
 * @example loanCashFlows({ principalFen: 1000, annualRate: 0, termMonths: 2, method: "equal-principal", upfrontFeeFen: 10 })
 * // => [-990, 500, 500]
 */
export function loanCashFlows(loan: LoanWithFees): number[] {
  const { upfront, monthly } = checkLoanWithFees(loan, "loanCashFlows");
  const rows = scheduleRows(loan.principalFen, loan.annualRate, loan.termMonths, loan.method, loan.termMonths);
  const flows: number[] = new Array(rows.length + 1);
  flows[0] = -(loan.principalFen - upfront);
  for (let i = 0; i < rows.length; i++) flows[i + 1] = (rows[i] as { paymentFen: number }).paymentFen + monthly;
  return flows;
}

/**
 * Checks loan terms and fees; throws on a programmer error. Messages never echo values.
 * @param loan terms and fees
 * @param fn the calling function, for messages
 * @returns the fees with their defaults (0)
 * @throws {TypeError|RangeError} on invalid terms, or fees that are negative, not safe integers, or an upfront fee >= principal
 * @example checkLoanWithFees({ principalFen: 1000, annualRate: 0, termMonths: 2, method: "bullet", upfrontFeeFen: 10 }, "f") // => { upfront: 10, monthly: 0 }
 */
export function checkLoanWithFees(loan: LoanWithFees, fn: string): { upfront: number; monthly: number } {
  checkTerms(loan, fn);
  const upfront = loan.upfrontFeeFen ?? 0;
  const monthly = loan.monthlyFeeFen ?? 0;
  if (typeof upfront !== "number" || typeof monthly !== "number") throw new TypeError(`${fn}: fees must be numbers`);
  if (!Number.isSafeInteger(upfront) || upfront < 0 || upfront >= loan.principalFen) {
    throw new RangeError(`${fn}: upfrontFeeFen must be an integer in [0, principalFen)`);
  }
  if (!Number.isSafeInteger(monthly) || monthly < 0) {
    throw new RangeError(`${fn}: monthlyFeeFen must be a non-negative integer`);
  }
  return { upfront, monthly };
}
