import { z } from "zod";
import { validateWith } from "../schema/zod-issues";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";

const DAY_MS = 86_400_000;
const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const epochMs = z.int().min(0).max(8.64e15);

/**
 * Most drawdown timestamps accepted for one account.
 * @example MAX_DRAWDOWNS // => 10000
 */
export const MAX_DRAWDOWNS = 10_000;
/**
 * Most months of spending accepted for one account.
 * @example MAX_SPEND_MONTHS // => 120
 */
export const MAX_SPEND_MONTHS = 120;

/**
 * The zod schema of the behaviour signals of one account (shared with `adjustLimit`).
 * @example Object.keys(accountSignalsShape).includes("daysPastDue") // => true
 */
export const accountSignalsShape = {
  /** Current days past due (from `daysPastDue`). */
  daysPastDue: z.int().min(0).max(100_000),
  /** Epoch ms of recent drawdowns. */
  drawdownsAt: z.array(epochMs).max(MAX_DRAWDOWNS),
  /** A fraud signal raised on the account (device, identity, velocity rules). */
  fraudSignal: z.boolean(),
  /** Spending per month, oldest first, fen (optional). */
  monthlySpendFen: z.array(fen).max(MAX_SPEND_MONTHS).optional(),
};
const signalsSchema = z.strictObject(accountSignalsShape);

/** Behaviour signals of one account. */
export type AccountSignals = z.infer<typeof signalsSchema>;

/** Thresholds of the early-warning triggers. */
export interface WarningThresholds {
  /** Days past due from which delinquency is serious (e.g. 31 = M2). */
  readonly seriousDpd: number;
  /** Frequent borrowing: `count` or more drawdowns within `windowDays` up to asOf. */
  readonly frequentBorrowing: { readonly count: number; readonly windowDays: number };
  /** Volatile spending: coefficient of variation of monthly spending above this... */
  readonly maxSpendCv: number;
  /** ... over at least this many months. */
  readonly minSpendMonths: number;
}

/** An early-warning trigger code. */
export type WarningCode =
  | "PAST_DUE"
  | "SERIOUS_DELINQUENCY"
  | "FREQUENT_BORROWING"
  | "FRAUD_SIGNAL"
  | "VOLATILE_SPENDING";

/** One early-warning trigger: a code and a plain message (no personal data). */
export interface EarlyWarning {
  readonly code: WarningCode;
  readonly message: string;
}

function warning(code: WarningCode, message: string): EarlyWarning {
  return Object.freeze({ code, message });
}

/**
 * The trigger constants.
 * @example WARNINGS.PAST_DUE.message // => "a payment is past due"
 */
export const WARNINGS = Object.freeze({
  PAST_DUE: warning("PAST_DUE", "a payment is past due"),
  SERIOUS_DELINQUENCY: warning("SERIOUS_DELINQUENCY", "days past due at or above the serious-delinquency threshold"),
  FREQUENT_BORROWING: warning("FREQUENT_BORROWING", "many drawdowns within a short window"),
  FRAUD_SIGNAL: warning("FRAUD_SIGNAL", "a fraud signal was raised on the account"),
  VOLATILE_SPENDING: warning("VOLATILE_SPENDING", "monthly spending has become volatile"),
});

/**
 * Coefficient of variation (population standard deviation / mean) of a series.
 * @param xs values
 * @returns sd / mean, or 0 when the mean is 0 or fewer than 2 values
 * @example coefficientOfVariation([100, 100, 100]) // => 0
 */
export function coefficientOfVariation(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  if (mean === 0) return 0;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return Math.sqrt(ss / xs.length) / mean;
}

/**
 * Early-warning triggers of one account as of a date; they feed `adjustLimit`.
 *
 * PAST_DUE when dpd > 0; SERIOUS_DELINQUENCY when dpd >= seriousDpd; FREQUENT_BORROWING when at
 * least `count` drawdowns fall in (asOf - windowDays, asOf]; FRAUD_SIGNAL when flagged;
 * VOLATILE_SPENDING when the last `minSpendMonths` or more months of spending have a coefficient
 * of variation above `maxSpendCv`.
 * @param signals dpd, drawdown times, fraud flag, monthly spending
 * @param options `asOf` (epoch ms) and the thresholds
 * @returns the triggers in the order above, or issues (wrong types; a drawdown after asOf is `in_future`)
 * @example earlyWarnings({ daysPastDue: 3, drawdownsAt: [], fraudSignal: false }, { asOf: 0, thresholds }).value.map((w) => w.code) // => ["PAST_DUE"]
 */
export function earlyWarnings(
  signals: unknown,
  options: { readonly asOf: number; readonly thresholds: WarningThresholds },
): Result<readonly EarlyWarning[]> {
  if (options === null || typeof options !== "object" || !Number.isSafeInteger(options.asOf) || options.asOf < 0) {
    return fail([issue("invalid_value", ["asOf"], "must be a non-negative integer (epoch ms)")]);
  }
  const parsed = validateWith(signalsSchema, signals);
  if (!parsed.ok) return parsed;
  return warningsOf(parsed.value, options.asOf, options.thresholds);
}

/**
 * `earlyWarnings` on signals already validated by the schema (used by `adjustLimit`).
 * @param s validated signals
 * @param asOf evaluation instant, epoch ms
 * @param t thresholds
 * @returns the triggers, or an `in_future` issue per drawdown after asOf
 * @example warningsOf({ daysPastDue: 0, drawdownsAt: [], fraudSignal: true }, 0, thresholds).value[0].code // => "FRAUD_SIGNAL"
 */
export function warningsOf(s: AccountSignals, asOf: number, t: WarningThresholds): Result<readonly EarlyWarning[]> {
  const future: Issue[] = [];
  const from = asOf - t.frequentBorrowing.windowDays * DAY_MS;
  let inWindow = 0;
  for (let i = 0; i < s.drawdownsAt.length; i++) {
    const at = s.drawdownsAt[i] as number;
    if (at > asOf) future.push(issue("in_future", ["drawdownsAt", i], "after asOf"));
    else if (at > from) inWindow++;
  }
  if (future.length > 0) return fail(future);
  const out: EarlyWarning[] = [];
  if (s.daysPastDue > 0) out.push(WARNINGS.PAST_DUE);
  if (s.daysPastDue >= t.seriousDpd) out.push(WARNINGS.SERIOUS_DELINQUENCY);
  if (inWindow >= t.frequentBorrowing.count) out.push(WARNINGS.FREQUENT_BORROWING);
  if (s.fraudSignal) out.push(WARNINGS.FRAUD_SIGNAL);
  const spend = s.monthlySpendFen;
  if (spend !== undefined && spend.length >= t.minSpendMonths) {
    if (coefficientOfVariation(spend.slice(-t.minSpendMonths)) > t.maxSpendCv) out.push(WARNINGS.VOLATILE_SPENDING);
  }
  return ok(Object.freeze(out));
}
