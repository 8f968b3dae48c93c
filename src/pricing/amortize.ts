import { floorFen } from "./round";
import { isRepaymentMethod, type RepaymentMethod, type ScheduleRow } from "./types";

/** The terms of a loan to amortize. */
export interface LoanTerms {
  /** Amount lent, fen (safe integer >= 1). */
  readonly principalFen: number;
  /** Nominal annual contract rate (0.18 = 18%); the monthly rate is annualRate / 12. */
  readonly annualRate: number;
  /** Number of monthly periods, 1..600. */
  readonly termMonths: number;
  /** `equal-installment` (annuity), `equal-principal`, `interest-only` (balloon) or `bullet`. */
  readonly method: RepaymentMethod;
}

/** A repayment schedule: one row per period. */
export interface Schedule {
  readonly rows: readonly ScheduleRow[];
}

/**
 * Largest principal accepted (1e13 fen = 100 billion CNY): keeps every product a safe integer.
 * @example Number.isSafeInteger(MAX_PRINCIPAL_FEN * MAX_ANNUAL_RATE) // => true
 */
export const MAX_PRINCIPAL_FEN = 1e13;
/**
 * Largest annual contract rate accepted by the schedule functions (1000%).
 * @example MAX_ANNUAL_RATE // => 10 (1000%)
 */
export const MAX_ANNUAL_RATE = 10;
/**
 * Longest term accepted, months.
 * @example MAX_TERM_MONTHS // => 600
 */
export const MAX_TERM_MONTHS = 600;

/**
 * Checks loan terms; throws on a programmer error (wrong type or range). Messages never echo values.
 * @param terms the terms
 * @param fn the calling function, for the message
 * @throws {TypeError} when terms or a field has the wrong type
 * @throws {RangeError} when a field is out of range
 * @example checkTerms({ principalFen: 0, annualRate: 0.1, termMonths: 12, method: "equal-installment" }, "f") // throws RangeError
 */
export function checkTerms(terms: LoanTerms, fn: string): void {
  if (terms === null || typeof terms !== "object") throw new TypeError(`${fn}: terms must be an object`);
  const { principalFen, annualRate, termMonths, method } = terms;
  if (typeof principalFen !== "number" || typeof annualRate !== "number" || typeof termMonths !== "number") {
    throw new TypeError(`${fn}: principalFen, annualRate and termMonths must be numbers`);
  }
  if (!Number.isSafeInteger(principalFen) || principalFen < 1 || principalFen > MAX_PRINCIPAL_FEN) {
    throw new RangeError(`${fn}: principalFen must be an integer in [1, ${MAX_PRINCIPAL_FEN}]`);
  }
  if (!Number.isFinite(annualRate) || annualRate < 0 || annualRate > MAX_ANNUAL_RATE) {
    throw new RangeError(`${fn}: annualRate must be in [0, ${MAX_ANNUAL_RATE}]`);
  }
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
    throw new RangeError(`${fn}: termMonths must be an integer in [1, ${MAX_TERM_MONTHS}]`);
  }
  if (!isRepaymentMethod(method)) {
    throw new RangeError(`${fn}: method must be "equal-installment", "equal-principal", "interest-only" or "bullet"`);
  }
}

/**
 * The annuity factor: the level payment per unit of principal, r / (1 - (1 + r)^-n), or 1/n at r = 0.
 * Evaluated with expm1/log1p so that it stays accurate for rates near 0.
 * @param monthlyRate periodic rate r >= 0
 * @param termMonths number of periods n >= 1
 * @returns the payment per unit of principal
 * @example annuityFactor(0.01, 12) // => 0.0888487886783417 (0.01 / (1 - 1.01^-12))
 */
export function annuityFactor(monthlyRate: number, termMonths: number): number {
  // 1 - (1 + r)^-n written as -expm1(-n log1p(r)): exact for tiny r, where 1 + r rounds to 1.
  return monthlyRate === 0 ? 1 / termMonths : monthlyRate / -Math.expm1(-termMonths * Math.log1p(monthlyRate));
}

/**
 * The level installment of an equal-installment loan, rounded DOWN to the fen.
 *
 * A = floor(P x r / (1 - (1 + r)^-n)), r = annualRate / 12 (PMT in spreadsheets, rounded down;
 * the last installment absorbs the difference).
 * @param principalFen principal, fen
 * @param annualRate nominal annual rate
 * @param termMonths number of monthly periods
 * @returns the installment, fen
 * @throws {TypeError|RangeError} on invalid terms
 * @example installmentFen(1_000_000, 0.12, 12) // => 88848 (PMT(1%, 12, 10000) = 888.4879 CNY)
 */
export function installmentFen(principalFen: number, annualRate: number, termMonths: number): number {
  checkTerms({ principalFen, annualRate, termMonths, method: "equal-installment" }, "installmentFen");
  return levelInstallment(principalFen, annualRate / 12, termMonths);
}

/** floor(P x annuity factor); exact integer division at a zero rate. */
function levelInstallment(principalFen: number, monthlyRate: number, termMonths: number): number {
  return monthlyRate === 0
    ? Math.floor(principalFen / termMonths)
    : Math.floor(principalFen * annuityFactor(monthlyRate, termMonths));
}

/**
 * Writes the first `count` rows of a schedule (no argument checks: callers have checked); the
 * rows are identical to the first rows of `amortize`. Used for the schedule preview of an offer.
 * Rounding rule (every rounding favours the borrower): interest = floor(balance x rate / 12); the level
 * installment is floor(P x annuity factor); equal principal is floor(P / n); a bullet's interest is
 * floor(P x rate x n / 12), charged at maturity; the last period repays the whole remaining balance.
 * @param principalFen principal, fen
 * @param annualRate nominal annual rate
 * @param termMonths number of periods
 * @param method repayment method
 * @param count how many rows to write (at most termMonths)
 * @returns the rows
 * @example scheduleRows(1_000_000, 0.12, 12, "equal-installment", 1)[0].paymentFen // => 88848
 */
export function scheduleRows(
  principalFen: number,
  annualRate: number,
  termMonths: number,
  method: RepaymentMethod,
  count: number,
): ScheduleRow[] {
  const r = annualRate / 12;
  const level =
    method === "equal-installment"
      ? levelInstallment(principalFen, r, termMonths)
      : method === "equal-principal"
        ? Math.floor(principalFen / termMonths)
        : 0;
  const rows: ScheduleRow[] = new Array(Math.min(count, termMonths));
  let balance = principalFen;
  for (let t = 1; t <= rows.length; t++) {
    let interestFen: number;
    if (method !== "bullet") interestFen = floorFen((balance * annualRate) / 12);
    else interestFen = t === termMonths ? floorFen((principalFen * annualRate * termMonths) / 12) : 0;
    let principal: number;
    if (t === termMonths) principal = balance;
    else if (method === "equal-installment") principal = Math.min(balance, Math.max(0, level - interestFen));
    else principal = Math.min(balance, level); // level is 0 for interest-only and bullet: no principal before maturity
    balance -= principal;
    rows[t - 1] = {
      period: t,
      paymentFen: principal + interestFen,
      principalFen: principal,
      interestFen,
      balanceFen: balance,
    };
  }
  return rows;
}

/**
 * The repayment schedule of a loan, every amount an integer number of fen.
 *
 * Monthly rate r = annualRate / 12 (nominal). Rounding rule, each in the borrower's favour:
 * interest each period is floor(balance x r); `equal-installment` pays a level installment
 * floor(P x r / (1 - (1 + r)^-n)); `equal-principal` repays floor(P / n) of principal plus
 * interest; `interest-only` pays floor(P x r) each month and the whole principal (the balloon) with
 * the last installment; `bullet` pays nothing until maturity, then P plus simple interest
 * floor(P x r x n) (no interest on interest). In every method the last period repays all the
 * remaining balance, so principal sums exactly to P. Rounding down interest and installments keeps
 * the IRR of the rounded flows at or below the IRR of the exact (unrounded) flows, which is what
 * makes the APR cap provable.
 * @param terms principal (fen), annual rate, term in months and method
 * @returns `{ rows }`, one row per month (a bullet's rows before maturity are all zero but the balance)
 * @throws {TypeError} when terms or a field has the wrong type
 * @throws {RangeError} when a field is out of range (principal not a safe integer in [1, 1e13], rate outside [0, 10], term outside 1..600, unknown method)
 * @example amortize({ principalFen: 1_000_000, annualRate: 0.12, termMonths: 12, method: "equal-installment" }).rows[0]
 * // => { period: 1, paymentFen: 88848, principalFen: 78848, interestFen: 10000, balanceFen: 921152 }
 */
export function amortize(terms: LoanTerms): Schedule {
  checkTerms(terms, "amortize");
  const rows = scheduleRows(terms.principalFen, terms.annualRate, terms.termMonths, terms.method, terms.termMonths);
  return Object.freeze({ rows: Object.freeze(rows) });
}
