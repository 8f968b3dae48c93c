import type { Band, Offer } from "../limits";
import type { VelocityCounts } from "../fraud";
import type { Locale } from "../messages/locales";
import type { ConsentCategory } from "../schema/applicant";
import type { Guard } from "./guards";

/** Where a decision reason came from. */
export type ReasonSource = "guard" | "fraud" | "credit" | "offer" | "eligibility";

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

/**
 * The decision on one application. Contains no raw personal data: only the pseudonymous id.
 *
 * Not every decision is scored: a strategy's eligibility decline (reason `ELIGIBILITY_NOT_INVITED`, source
 * `eligibility`) is decided before any card runs, and carries the placeholders `score` 0, `band` `"E"` and `pd` 1
 * with `versions.scorecard` (and `rules`, `policy`, `features`) `"none"`: that field, not the numbers, says the
 * score was not computed. Leave such decisions out of score, band and PD statistics.
 */
export interface Decision {
  /** The applicant's pseudonymous id, for correlation. */
  readonly applicantId: string;
  readonly asOf: number;
  readonly outcome: "approve" | "review" | "decline";
  /** The card's score (points); 0, a placeholder, when not scored (`versions.scorecard` is `"none"`). */
  readonly score: number;
  /** The risk band of the PD; `"E"`, a placeholder, when not scored (`versions.scorecard` is `"none"`). */
  readonly band: Band;
  /** Probability of default within the card's horizon, from the card's scaling; 1, a placeholder, when not scored. */
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
  /**
   * The data categories the decision read (`CONSENT_CATEGORIES` order): those consented and present.
   * Present when the applicant's consent states `purposes`; without them every section given is read.
   */
  readonly dataUsed?: readonly ConsentCategory[];
  /** Versions of everything that produced this decision. */
  readonly versions: DecisionVersions;
  /** Present only when decided with `{ explain: true }`: the score by the card's categories; the parts sum to the unrounded score. */
  readonly breakdown?: readonly BreakdownPart[];
  /** Present only when decided with `{ trace: true }`: what the decision read and computed (`DecisionTrace`). */
  readonly trace?: DecisionTrace;
  /** Only in decisions of an experiment (`createExperiment`): the arm that decided and the shadow arms' results. */
  readonly experiment?: ExperimentOutcome;
}

/** What a shadow arm would have decided (it changes nothing). */
export interface ShadowOutcome {
  readonly arm: string;
  readonly outcome: Decision["outcome"];
  readonly score: number;
  readonly band: Band;
  /** The limit the arm would have offered, or null when it would not approve. */
  readonly limitFen: number | null;
}

/** `decision.experiment`: the arm that decided (`"champion"` or a live challenger's id) and every shadow arm's result. */
export interface ExperimentOutcome {
  readonly arm: string;
  readonly shadow: readonly ShadowOutcome[];
}

export interface DecisionVersions {
  readonly engine: string;
  /** The card that scored the decision (name, version, digest), or `"none"` when no card ran (an eligibility decline). */
  readonly scorecard: string;
  readonly rules: string;
  readonly policy: string;
  readonly features: string;
  /**
   * Only in decisions of an engine with a strategy: the segment that decided and the strategy,
   * `"<segment id> (<strategy name>@<version> #<digest>)"` (`"eligibility (...)"` for an eligibility decline).
   */
  readonly segment?: string;
}

/** Options of `decide`. */
export interface DecideOptions {
  /** The decision time (epoch ms): events after it are ignored, age and consent are judged at it. */
  readonly asOf: number;
  /** Cross-account velocity counts (from `readVelocity` / `gatherFacts` of `riskcard/fraud`). */
  readonly velocity?: VelocityCounts;
  /** When true, the decision carries a `DecisionTrace` (`decision.trace`); without it decide does no trace work. */
  readonly trace?: boolean;
  /** The language of the decision's messages: `"en"` (default) or `"zh-CN"` (`riskcard/messages`). */
  readonly locale?: Locale;
  /** When true, the decision carries `breakdown`: the score by the card's categories. */
  readonly explain?: boolean;
}

/** One part of a decision's score breakdown (`decide(..., { explain: true })`). */
export interface BreakdownPart {
  /** The category's name on the card (`base` for the starting points, `other` for characteristics in no category). */
  readonly category: string;
  /** The category's name in the decision's locale (the message pack's `category.<name>`, else the name). */
  readonly label: string;
  /** Points contributed (rounded to 2 decimals, as the score). */
  readonly points: number;
  /** The category's weight in percent, or null for `base` and `other`. */
  readonly weight: number | null;
}

/**
 * The guards' derived inputs as a trace records them: never the raw identity fields (no birth
 * date, no consent time: the consent's age relative to `asOf`).
 */
export interface TraceGuards {
  /** Age in whole years on the local date of `asOf`. */
  readonly ageYears: number;
  /** Consent to the bureau query given at or before `asOf`. */
  readonly consentGiven: boolean;
  /** `asOf - consent.givenAt` in ms (negative when given after `asOf`), or null when no time was given. */
  readonly consentAgeMs: number | null;
  readonly realNameVerified: boolean;
  readonly idVerified: boolean;
  readonly phoneVerified: boolean;
  /** Whether every data category the engine requires (`requiredConsents`) was consented; present only when some are required. */
  readonly purposesConsented?: boolean;
}

/** One characteristic as scored: the attribute that matched (-1: the fallback), its points and the reason baseline. */
export interface TraceCharacteristic {
  readonly name: string;
  readonly feature: string;
  readonly attribute: number;
  readonly points: number;
  /** The baseline the reason codes measure the points against (PMML pointsBelow, max baseline). */
  readonly baseline: number;
}

/**
 * A fact as recorded: a number, a boolean, null when missing, or for a string fact only the
 * names of the rule set's lists that hold it (string facts are device ids, IP hashes and the like:
 * their values are never recorded).
 */
export type TraceFact = number | boolean | null | { readonly lists: readonly string[] };

/** How the offer was computed. */
export interface TraceOffer {
  readonly band: Band;
  /** The term whose pricing applies (months). */
  readonly termMonths: number;
  /** The limit before the bounds (income x band multiple, or the starter limit without verified income). */
  readonly startFen: number;
  /** Every bound tried, in order, with its cap in fen. */
  readonly bounds: readonly { readonly bound: string; readonly capFen: number }[];
  /** The bound that set the limit (`income` when none lowered it). */
  readonly binding: string;
  /** The limit offered, or null when the offer was refused. */
  readonly limitFen: number | null;
  /** The band's contract rate before the rate cap, and after it. */
  readonly annualRateBeforeCap: number;
  readonly annualRate: number;
  readonly repriced: boolean;
  /** APR from the IRR of the exact cash flows (fees included): nominal and effective. */
  readonly aprNominal: number;
  readonly aprEffective: number;
  /** Reason codes of a refused offer (empty when made). */
  readonly refused: readonly string[];
}

/**
 * Everything a decision read and computed, enough to re-run scoring, rules and the offer
 * (`engine.replay`). Never holds the applicant's name, ID number, phone, raw coordinates, free
 * text or device ids: only derived numbers and flags, list memberships and the pseudonymous id.
 */
export interface DecisionTrace {
  readonly format: "riskcard.trace";
  readonly version: 1;
  readonly applicantId: string;
  readonly asOf: number;
  /** The versions (with digests) of every artefact in use, and `thresholds`: the digest of the PD cutoffs and bands. */
  readonly artefacts: DecisionVersions & { readonly thresholds: string };
  readonly guards: TraceGuards;
  /** The optional sections absent from the applicant as decided (not given, or not consented): their reasons become `NO_*`. */
  readonly absentSections?: readonly string[];
  /** The decision's `dataUsed`, when it has one. */
  readonly dataUsed?: readonly ConsentCategory[];
  /** The locale of the decision's messages, when not `en`. */
  readonly locale?: Locale;
  /** Every feature the card read (and the income the offer reads): its value, or null when missing. */
  readonly features: Readonly<Record<string, number | null>>;
  readonly scorecard: {
    readonly characteristics: readonly TraceCharacteristic[];
    /** The unrounded score, PD and band. */
    readonly score: number;
    readonly pd: number;
    readonly band: Band;
  };
  /** Every fact a rule reads, for all rules (hit or not). */
  readonly facts: Readonly<Record<string, TraceFact>>;
  /** The rules that hit and the combined fraud action. */
  readonly rules: {
    readonly hits: readonly string[];
    readonly action: string;
    readonly fraudAction: string;
    readonly score: number;
  };
  /** What the offer reads besides band, PD and income: verified income, obligations, the requested amount and term. */
  readonly offerInputs: {
    readonly incomeVerified: boolean;
    readonly monthlyObligationsFen: number | null;
    readonly requestedAmountFen: number | null;
    readonly requestedTermMonths: number | null;
  };
  /** The offer's computation, or null when the decision stopped before the offer. */
  readonly offer: TraceOffer | null;
  /**
   * Only in traces of an engine with a strategy: the routing attributes its segments read, as routed
   * (`bureauFile`, `ageYears`, ...; `region`, `product`, `channel` as the strategy's declared code or
   * `"other"`), so that `replay` can check the applicant would still be routed to the same segment.
   */
  readonly route?: Readonly<Record<string, boolean | number | string>>;
}

/** A decision made with `{ trace: true }`. */
export type TracedDecision = Decision & { readonly trace: DecisionTrace };

/** An artefact whose version or digest differs between a record and the engine replaying it. */
export interface ArtefactMismatch {
  readonly artefact: string;
  readonly recorded: string;
  readonly current: string;
}

/** The result of `engine.replay`. */
export interface ReplayResult {
  /** The decision re-created from the trace with the engine's artefacts (no trace). */
  readonly decision: Decision;
  /** True when the re-created decision is byte-identical (canonical JSON) to the recorded one. */
  readonly identical: boolean;
  readonly mismatches: {
    /** Artefacts whose version or digest differ. */
    readonly artefacts: readonly ArtefactMismatch[];
    /** Decision fields that changed (`outcome`, `offer.limitFen`, ...), in decision order. */
    readonly fields: readonly string[];
    /** Features or facts the engine reads that the trace did not record (taken as missing). */
    readonly notRecorded: readonly string[];
    /**
     * Present only when a routing step would now choose differently (a strategy's segment, an experiment's
     * arm): the step, what the record says and what the engine chooses now (`"eligibility"` for a segment
     * when eligibility would now decline). The replayed decision is still the recorded segment's or arm's.
     */
    readonly route?: readonly RouteMismatch[];
  };
}

/** A routing step whose choice differs between a record and the engine replaying it. */
export interface RouteMismatch {
  readonly step: "segment" | "arm";
  readonly recorded: string;
  readonly current: string;
}
