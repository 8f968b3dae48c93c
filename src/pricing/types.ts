/**
 * Shared pricing types: repayment methods, APR conventions, schedule rows, risk bands and
 * policy reasons (the engine-facing vocabulary of offers). `Band` and `BANDS` are defined here
 * once; the engine and the limits re-use them.
 */

/**
 * How a loan is repaid: `equal-installment` (annuity: a level installment), `equal-principal` (a fixed
 * share of principal plus interest), `interest-only` (interest every month, the whole principal as a
 * balloon with the last installment) or `bullet` (nothing until maturity, then principal plus simple
 * interest for the whole term).
 */
export type RepaymentMethod = "equal-installment" | "equal-principal" | "interest-only" | "bullet";

/**
 * Every repayment method, in the order of `RepaymentMethod`.
 * @example REPAYMENT_METHODS // => ["equal-installment", "equal-principal", "interest-only", "bullet"]
 */
export const REPAYMENT_METHODS: readonly RepaymentMethod[] = Object.freeze([
  "equal-installment",
  "equal-principal",
  "interest-only",
  "bullet",
] as const);

/**
 * Whether a value is one of the repayment methods.
 * @param m any value
 * @returns true for `equal-installment`, `equal-principal`, `interest-only` and `bullet`
 * @example isRepaymentMethod("bullet") // => true
 */
export function isRepaymentMethod(m: unknown): m is RepaymentMethod {
  return m === "equal-installment" || m === "equal-principal" || m === "interest-only" || m === "bullet";
}

/** How a periodic IRR becomes an annual rate: `nominal` (irr x periods) or `effective` (compounded). */
export type AprConvention = "nominal" | "effective";

/** A risk band: `A` best, `E` worst. The engine maps a score to a band. */
export type Band = "A" | "B" | "C" | "D" | "E";

/**
 * The bands from best to worst.
 * @example BANDS // => ["A", "B", "C", "D", "E"]
 */
export const BANDS: readonly Band[] = Object.freeze(["A", "B", "C", "D", "E"] as const);

/**
 * Why an offer or a limit change looks as it does: a machine-readable code from the policy's
 * vocabulary (`REASONS` in `riskcard/limits`) with a plain-text message; never carries personal
 * data. (A scorecard's adverse reason is `ReasonCode` in `riskcard/scorecard`.)
 */
export interface PolicyReason {
  readonly code: string;
  readonly message: string;
}

/** One period of a repayment schedule; every amount is a safe integer number of fen. */
export interface ScheduleRow {
  /** 1-based period number. */
  readonly period: number;
  /** Installment due in this period: `principalFen + interestFen` (fees excluded). */
  readonly paymentFen: number;
  /** Principal repaid in this period. */
  readonly principalFen: number;
  /** Interest charged in this period. */
  readonly interestFen: number;
  /** Principal outstanding after this period's payment. */
  readonly balanceFen: number;
}
