import { z } from "zod";
import { validateWith } from "../schema/zod-issues";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { type DelinquencyBucket, delinquencyBucket } from "./buckets";

const DAY_MS = 86_400_000;
const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const epochMs = z.int().min(0).max(8.64e15);

/**
 * Most installments accepted in one account's history.
 * @example MAX_INSTALLMENTS // => 600
 */
export const MAX_INSTALLMENTS = 600;
/**
 * Most repayments accepted in one account's history.
 * @example MAX_REPAYMENTS // => 10000
 */
export const MAX_REPAYMENTS = 10_000;

/** Repayments received on an account: `[{ at, amountFen }]`, at most `MAX_REPAYMENTS`. */
export const repaymentsSchema = z.array(z.strictObject({ at: epochMs, amountFen: fen })).max(MAX_REPAYMENTS);

const historySchema = z.strictObject({
  /** Amounts due and their deadlines (the instant after which a payment is late). */
  dues: z.array(z.strictObject({ dueAt: epochMs, amountFen: fen })).max(MAX_INSTALLMENTS),
  /** Repayments received. */
  repayments: repaymentsSchema,
});

/** An account's dues and repayments. */
export type RepaymentHistory = z.infer<typeof historySchema>;

/** Options of `daysPastDue`. */
export interface DaysPastDueOptions {
  /** Evaluation instant, epoch ms. */
  readonly asOf: number;
  /** Shortfalls up to this many fen are not treated as past due (default 0). */
  readonly toleranceFen?: number;
}

/** Delinquency status of one account as of a date. */
export interface Delinquency {
  /** Days since the deadline of the oldest installment not fully paid (0 when none is late). */
  readonly daysPastDue: number;
  /** Amount due by asOf and not yet paid, fen. */
  readonly overdueFen: number;
  readonly bucket: DelinquencyBucket;
}

/**
 * Days past due of an account as of a date, from its dues and repayments.
 *
 * Repayments received up to `asOf` are applied to installments oldest first; the oldest
 * installment whose deadline has passed and which is not covered (beyond `toleranceFen`) sets
 * dpd = ceil((asOf - dueAt) / 1 day): one millisecond past the deadline is day 1. Pass as
 * `dueAt` the last instant the payment is on time (e.g. 23:59:59.999 of the due date).
 * @param history `{ dues: [{ dueAt, amountFen }], repayments: [{ at, amountFen }] }`
 * @param options `asOf` (epoch ms) and an optional tolerance in fen
 * @returns `{ ok: true, value: { daysPastDue, overdueFen, bucket } }`, or issues (wrong types,
 *   negative amounts, repayments dated after `asOf` as `in_future`, oversized arrays)
 * @example daysPastDue({ dues: [{ dueAt: 0, amountFen: 100 }], repayments: [] }, { asOf: 86_400_000 * 3 })
 * // => { ok: true, value: { daysPastDue: 3, overdueFen: 100, bucket: "M1" } }
 */
export function daysPastDue(history: unknown, options: DaysPastDueOptions): Result<Delinquency> {
  const optIssues = checkOptions(options);
  if (optIssues.length > 0) return fail(optIssues);
  const parsed = validateWith(historySchema, history);
  if (!parsed.ok) return parsed;
  const { asOf } = options;
  const tolerance = options.toleranceFen ?? 0;
  const { dues, repayments } = parsed.value;
  const future: Issue[] = [];
  let paid = 0;
  for (let i = 0; i < repayments.length; i++) {
    const r = repayments[i] as { at: number; amountFen: number };
    if (r.at > asOf) future.push(issue("in_future", ["repayments", i, "at"], "after asOf"));
    paid += r.amountFen;
  }
  if (future.length > 0) return fail(future);
  const order = dues.map((_, i) => i).sort((a, b) => (dues[a]?.dueAt ?? 0) - (dues[b]?.dueAt ?? 0));
  let cumulative = 0;
  let oldestLate = -1;
  let dueByNow = 0;
  for (const i of order) {
    const d = dues[i] as { dueAt: number; amountFen: number };
    cumulative += d.amountFen;
    if (d.dueAt >= asOf) break;
    dueByNow = cumulative;
    if (oldestLate < 0 && cumulative - paid > tolerance) oldestLate = d.dueAt;
  }
  const overdueFen = Math.max(0, dueByNow - paid);
  const dpd = oldestLate < 0 || overdueFen <= tolerance ? 0 : Math.ceil((asOf - oldestLate) / DAY_MS);
  return ok(Object.freeze({ daysPastDue: dpd, overdueFen, bucket: delinquencyBucket(dpd) }));
}

function checkOptions(options: DaysPastDueOptions): Issue[] {
  if (options === null || typeof options !== "object")
    return [issue("missing", ["asOf"], "options with asOf are required")];
  const out: Issue[] = [];
  if (typeof options.asOf !== "number") out.push(issue("invalid_type", ["asOf"], "expected epoch milliseconds"));
  else if (!Number.isSafeInteger(options.asOf) || options.asOf < 0)
    out.push(issue("invalid_value", ["asOf"], "must be a non-negative integer (epoch ms)"));
  const t = options.toleranceFen;
  if (t !== undefined && (typeof t !== "number" || !Number.isSafeInteger(t) || t < 0)) {
    out.push(issue("invalid_value", ["toleranceFen"], "must be a non-negative integer"));
  }
  return out;
}
