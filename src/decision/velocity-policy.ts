import { EN } from "../messages/en";
import type { Decision, DecisionReason } from "./types";

/**
 * The reason code a decision carries when the velocity store did not answer (`gatherFacts` marked it unavailable).
 * @example VELOCITY_UNAVAILABLE // => "VELOCITY_UNAVAILABLE"
 */
export const VELOCITY_UNAVAILABLE = "VELOCITY_UNAVAILABLE";

/**
 * What a decision whose velocity counts were unavailable means (engine option `velocityUnavailable`):
 * `review` (default) sends an approval to manual review, since the velocity rules could not run;
 * `ignore` keeps the outcome. Either way the decision carries the `VELOCITY_UNAVAILABLE` reason.
 */
export type VelocityUnavailablePolicy = "review" | "ignore";

const REASON: DecisionReason = Object.freeze({
  code: VELOCITY_UNAVAILABLE,
  message: EN[VELOCITY_UNAVAILABLE]!,
  source: "fraud",
});

/**
 * Applies the velocity-unavailable policy to a decision: unchanged when the counts were available;
 * otherwise the `VELOCITY_UNAVAILABLE` reason is added (first, or last after a decline's own reasons,
 * since it did not decide a decline) and, under `review`, an approval becomes a review without offer.
 * @param d the decision as the pipeline made it
 * @param unavailable whether the counts passed to `decide` were marked `unavailable` (by `gatherFacts` when the store failed)
 * @param policy `review` or `ignore`
 * @returns the same decision, or a new frozen one
 * @example const d = createEngine().decide(applicant, { asOf }); applyVelocityPolicy(d, true, "review").outcome // => "review"
 */
export function applyVelocityPolicy(d: Decision, unavailable: boolean, policy: VelocityUnavailablePolicy): Decision {
  if (!unavailable) return d;
  const decline = d.outcome === "decline";
  const reasons = Object.freeze(decline ? [...d.reasons, REASON] : [REASON, ...d.reasons]);
  const toReview = policy === "review" && d.outcome === "approve";
  return Object.freeze({
    ...d,
    outcome: toReview ? "review" : d.outcome,
    reasons,
    offer: toReview ? null : d.offer,
  });
}
