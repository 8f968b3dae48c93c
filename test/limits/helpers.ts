import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Policy, loadPolicyOrThrow } from "../../src/limits";

/** The shipped default policy JSON (a fresh, mutable copy each call). */
export function defaultPolicyJson(): Record<string, any> {
  const path = fileURLToPath(new URL("../../models/policy.json", import.meta.url));
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The default policy, loaded. */
export function defaultPolicy(): Policy {
  return loadPolicyOrThrow(defaultPolicyJson());
}

/** One day in epoch milliseconds. */
export const DAY = 86_400_000;

/** The review date of the limit tests' account. */
export const REVIEW_AS_OF = Date.UTC(2026, 0, 31);

/**
 * The limit tests' account under review (band B, 7 on-time cycles, a drawdown 40 days before
 * `REVIEW_AS_OF`): on its own `adjustLimit` raises it from 500,000 to 600,000 fen.
 */
export const reviewAccount = {
  limitFen: 500_000,
  band: "B" as const,
  daysPastDue: 0,
  onTimeCycles: 7,
  drawdownsAt: [REVIEW_AS_OF - 40 * DAY],
  fraudSignal: false,
  monthlyIncomeFen: 1_500_000,
  incomeVerified: true,
  monthlyObligationsFen: 100_000,
};
