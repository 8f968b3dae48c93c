import { z } from "zod";
import { accountSignalsShape, type EarlyWarning, type WarningThresholds, warningsOf } from "../postloan/early-warning";
import { floorFen } from "../pricing/round";
import type { PolicyReason } from "../pricing/types";
import { validateWith } from "../schema/zod-issues";
import { type Result, fail, issue, ok } from "../schema/result";
import type { BureauInquiry } from "../schema/applicant";
import { SECTION_FIELDS, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import {
  type BureauRefresh,
  bureauRefreshColumnsSchema,
  bureauRefreshSchema,
  multiLendingDetected,
  multiLendingPolicy,
} from "./bureau-refresh";
import type { Policy } from "./policy";
import { REASONS } from "./reasons";

const DAY_MS = 86_400_000;
const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

const accountSchema = z.strictObject({
  ...accountSignalsShape,
  /** Current limit, fen. */
  limitFen: fen,
  /** Current behaviour band. */
  band: z.enum(["A", "B", "C", "D", "E"]),
  /** Consecutive repayment cycles paid on time, up to asOf. */
  onTimeCycles: z.int().min(0).max(10_000),
  /** When the limit last changed, epoch ms (absent: never). */
  lastLimitChangeAt: z.int().min(0).max(8.64e15).optional(),
  monthlyIncomeFen: fen.optional(),
  incomeVerified: z.boolean(),
  /** Monthly payments on all debts (this account included), fen. */
  monthlyObligationsFen: fen.optional(),
  /** A bureau report refreshed for this review (its inquiries show multi-lender borrowing). */
  bureauRefresh: bureauRefreshSchema.optional(),
});

/** `accountSchema` with the bureau refresh's inquiries in the columnar form. */
const accountColumnsSchema = accountSchema.extend({ bureauRefresh: bureauRefreshColumnsSchema.optional() });

/** The schema of an account: its bureau refresh's inquiries in the form they were sent in (an object is columns). */
function accountSchemaFor(account: unknown): z.ZodType {
  const r = (account as { bureauRefresh?: { inquiries?: unknown } } | null)?.bureauRefresh;
  const q = typeof r === "object" && r !== null ? r.inquiries : undefined;
  return typeof q === "object" && q !== null && !Array.isArray(q) ? accountColumnsSchema : accountSchema;
}

/** An existing customer's account as `adjustLimit` sees it. */
export type Account = Omit<z.infer<typeof accountSchema>, "bureauRefresh"> & {
  bureauRefresh?: BureauRefresh | undefined;
};

/** What `adjustLimit` decided. */
export type LimitAction = "raise" | "hold" | "reduce" | "freeze";

/** A limit decision for an existing account. */
export interface LimitChange {
  readonly action: LimitAction;
  readonly previousLimitFen: number;
  readonly limitFen: number;
  /** True when new drawdowns are blocked (any days past due, or a fraud signal). */
  readonly drawdownsFrozen: boolean;
  readonly reasons: readonly PolicyReason[];
  /** The early-warning triggers that were evaluated (from riskcard/postloan). */
  readonly warnings: readonly EarlyWarning[];
}

/**
 * The early-warning thresholds a policy sets.
 * @param policy a loaded policy
 * @returns thresholds for `earlyWarnings`
 * @example warningThresholds(policy).seriousDpd // => 31
 */
export function warningThresholds(policy: Policy): WarningThresholds {
  const a = policy.adjustment;
  return {
    seriousDpd: a.seriousDelinquency.dpd,
    frequentBorrowing: { count: a.frequentBorrowing.count, windowDays: a.frequentBorrowing.windowDays },
    maxSpendCv: a.volatility.maxSpendCv,
    minSpendMonths: a.volatility.minMonths,
  };
}

function roundToStep(policy: Policy, limit: number): number {
  const v = limit - (limit % policy.product.limitStepFen);
  return v < policy.product.minLimitFen ? 0 : v;
}

/**
 * Reviews the limit of an existing account: raise, hold, reduce or freeze, with reason codes.
 *
 * In order: a fraud signal, serious delinquency (dpd >= seriousDpd), frequent borrowing or
 * multi-lender borrowing on a bureau refresh (`account.bureauRefresh`: at least 6 loan-application
 * inquiries from 4 lenders in 30 days by default, `adjustment.multiLending`) reduce the limit to limit x the lowest factor that applies (rounded down to the step; below the
 * product minimum it becomes 0). Any days past due or a fraud signal freezes new drawdowns; past
 * due alone keeps the limit. Volatile spending holds it. Otherwise, after `onTimeCycles` on-time
 * cycles and the cooldown since the last change, the limit rises by max(minStepFen, limit x
 * stepRate), but only up to what ability to pay allows (DTI headroom with the band's payment per
 * fen), the regulatory cap and the product maximum, which needs a known income. An account that
 * is past due is never raised.
 * @param account the account (limit, band, dpd, cycles, drawdown times, fraud flag, income, obligations, spending)
 * @param options `asOf` (epoch ms) and the policy
 * @returns `{ ok: true, value: LimitChange }`, or issues (wrong types, timestamps after asOf as `in_future`,
 * including the refresh's `reportedAt` and inquiries)
 * @example adjustLimit({ ...account, daysPastDue: 5 }, { asOf, policy }).value.action // => "freeze" (any days past due freeze drawdowns)
 */
export function adjustLimit(
  account: unknown,
  options: { readonly asOf: number; readonly policy: Policy },
): Result<LimitChange> {
  if (options === null || typeof options !== "object" || typeof options.policy?.compiled !== "object") {
    return fail([issue("missing", ["policy"], "a policy from loadPolicy is required")]);
  }
  const { asOf, policy } = options;
  if (typeof asOf !== "number" || !Number.isSafeInteger(asOf) || asOf < 0) {
    return fail([issue("invalid_value", ["asOf"], "must be a non-negative integer (epoch ms)")]);
  }
  const parsed = validateWith(accountSchemaFor(account), account) as Result<Account>;
  if (!parsed.ok) return parsed;
  const acc = parsed.value;
  if (acc.lastLimitChangeAt !== undefined && acc.lastLimitChangeAt > asOf) {
    return fail([issue("in_future", ["lastLimitChangeAt"], "after asOf")]);
  }
  const refresh = acc.bureauRefresh;
  if (refresh !== undefined) {
    if (refresh.reportedAt > asOf) return fail([issue("in_future", ["bureauRefresh", "reportedAt"], "after asOf")]);
    const q = refresh.inquiries;
    const sc = scratchFor(q);
    let late = -1;
    for (let i = 0, n = rowCount(q, SECTION_FIELDS.inquiries); i < n && late < 0; i++)
      if (rowAt<BureauInquiry>(q, i, SECTION_FIELDS.inquiries, sc).at > refresh.reportedAt) late = i;
    if (late >= 0) {
      // the path of the field: [row, "at"] in rows, ["at", row] in columns
      const at = Array.isArray(q) ? [late, "at"] : ["at", late];
      return fail([issue("in_future", ["bureauRefresh", "inquiries", ...at], "after the report's reportedAt")]);
    }
  }
  const w = warningsOf(acc, asOf, warningThresholds(policy));
  if (!w.ok) return w;
  const warnings = w.value;
  const has = (code: string): boolean => warnings.some((x) => x.code === code);
  const adj = policy.adjustment;
  const prev = acc.limitFen;
  const pastDue = acc.daysPastDue > 0;
  const fraud = has("FRAUD_SIGNAL");
  const frozen = pastDue || fraud;
  const reasons: PolicyReason[] = [];
  const done = (action: LimitAction, limitFen: number): Result<LimitChange> =>
    ok(
      Object.freeze({
        action,
        previousLimitFen: prev,
        limitFen,
        drawdownsFrozen: frozen,
        reasons: Object.freeze(reasons),
        warnings,
      }),
    );

  let factor = 1;
  if (fraud) {
    factor = Math.min(factor, adj.fraud.factor);
    reasons.push(REASONS.REDUCED_FRAUD);
  }
  if (has("SERIOUS_DELINQUENCY")) {
    factor = Math.min(factor, adj.seriousDelinquency.factor);
    reasons.push(REASONS.REDUCED_SERIOUS_DELINQUENCY);
  }
  if (has("FREQUENT_BORROWING")) {
    factor = Math.min(factor, adj.frequentBorrowing.factor);
    reasons.push(REASONS.REDUCED_FREQUENT_BORROWING);
  }
  const ml = multiLendingPolicy(policy);
  if (refresh !== undefined && multiLendingDetected(refresh, asOf, ml)) {
    factor = Math.min(factor, ml.factor);
    reasons.push(REASONS.REDUCED_MULTI_LENDING);
  }
  const reduce = reasons.length > 0;
  if (pastDue) reasons.push(REASONS.FROZEN_PAST_DUE);
  if (fraud) reasons.push(REASONS.FROZEN_FRAUD);
  if (reduce) return done("reduce", Math.min(prev, roundToStep(policy, floorFen(prev * factor))));
  if (frozen) return done("freeze", prev);
  if (has("VOLATILE_SPENDING")) {
    reasons.push(REASONS.HOLD_VOLATILE_SPENDING);
    return done("hold", prev);
  }
  if (acc.onTimeCycles < adj.raise.onTimeCycles) {
    reasons.push(REASONS.HOLD_NOT_ENOUGH_CYCLES);
    return done("hold", prev);
  }
  if (acc.lastLimitChangeAt !== undefined && asOf - acc.lastLimitChangeAt < adj.raise.cooldownDays * DAY_MS) {
    reasons.push(REASONS.HOLD_COOLDOWN);
    return done("hold", prev);
  }
  const income = acc.monthlyIncomeFen;
  if (income === undefined) {
    reasons.push(REASONS.RAISE_NEEDS_INCOME);
    return done("hold", prev);
  }
  // Ability to pay: obligations include this account's current payment; the extra limit must fit the headroom.
  const bp = policy.compiled[acc.band];
  const headroom = floorFen(income * policy.affordability.maxDti) - (acc.monthlyObligationsFen ?? 0);
  const dtiExtra = headroom > 0 ? Math.floor(headroom / bp.firstPaymentPerFen) : 0;
  const reg = policy.regulatory;
  const cap = Math.min(
    policy.product.maxLimitFen,
    reg.maxUnsecuredFen,
    floorFen(income * 12 * reg.maxShareOfAnnualIncome),
    prev + dtiExtra,
  );
  const wanted = prev + Math.max(adj.raise.minStepFen, floorFen(prev * adj.raise.stepRate));
  const next = roundToStep(policy, Math.min(wanted, cap));
  if (next <= prev) {
    reasons.push(REASONS.RAISE_BLOCKED_BY_AFFORDABILITY);
    return done("hold", prev);
  }
  reasons.push(REASONS.RAISED_ON_TIME);
  if (next < roundToStep(policy, wanted)) reasons.push(REASONS.RAISE_CAPPED);
  return done("raise", next);
}
