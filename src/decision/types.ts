import type { Band, Offer } from "../limits";
import type { VelocityCounts } from "../fraud";
import type { Guard } from "./guards";

/** Where a decision reason came from. */
export type ReasonSource = "guard" | "fraud" | "credit" | "offer";

/** One reason behind a decision: a stable code, a plain message (no personal data), its source. */
export interface DecisionReason {
  readonly code: string;
  readonly message: string;
  readonly source: ReasonSource;
  /** For credit reasons: the points lost against the characteristic's baseline. */
  readonly points?: number;
}

/** A fraud rule that matched. */
export interface FraudHit {
  readonly ruleId: string;
  /** `fraud` or `compliance` (an under-18 rule is compliance, not fraud). */
  readonly family: string;
  readonly action: string;
  readonly reasonCode: string;
  readonly message: string;
}

/** The decision on one application. Contains no raw personal data: only the pseudonymous id. */
export interface Decision {
  /** The applicant's pseudonymous id, for correlation. */
  readonly applicantId: string;
  readonly asOf: number;
  readonly outcome: "approve" | "review" | "decline";
  /** The card's score (points). */
  readonly score: number;
  readonly band: Band;
  /** Probability of default within the card's horizon, from the card's scaling. */
  readonly pd: number;
  /**
   * Why: for a decline, the deciding reasons first (failed guards, fraud hits, offer refusal or
   * credit cutoff), then the top adverse score reasons; for an approval or review, the top adverse
   * score reasons (and fraud review hits).
   */
  readonly reasons: readonly DecisionReason[];
  readonly guards: readonly Guard[];
  /**
   * The rule set's verdict: `action` with compliance rules included (what the engine acts on),
   * `fraudAction` with them left out (what fraud monitoring counts), the summed score and the hits.
   */
  readonly fraud: {
    readonly action: string;
    readonly fraudAction: string;
    readonly score: number;
    readonly hits: readonly FraudHit[];
  };
  /** The offer, present only when the outcome is `approve`. */
  readonly offer: Offer | null;
  /** Versions of everything that produced this decision. */
  readonly versions: DecisionVersions;
}

export interface DecisionVersions {
  readonly engine: string;
  readonly scorecard: string;
  readonly rules: string;
  readonly policy: string;
  readonly features: string;
}

/** Options of `decide`. */
export interface DecideOptions {
  /** The decision time (epoch ms): events after it are ignored, age and consent are judged at it. */
  readonly asOf: number;
  /** Cross-account velocity counts (from `readVelocity` / `gatherFacts` of `riskcard/fraud`). */
  readonly velocity?: VelocityCounts;
}
