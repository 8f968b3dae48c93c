import expertCardJson from "../../models/expert-card.json";
import rulesJson from "../../models/fraud-rules.json";
import policyJson from "../../models/policy.json";
import statisticalCardJson from "../../models/scorecard.json";
import { CATALOG_VERSION, defaultCatalog, extractFeatures, featureIndex } from "../features";
import { type Facts, compileRules, computeFactsInto, createFacts } from "../fraud";
import { loadPolicy, makeOffer } from "../limits";
import type { Applicant } from "../schema/applicant";
import { parseApplicant } from "../schema/parse";
import { ConfigError, type Issue, type Result, RiskcardError, fail, issue, ok } from "../schema/result";
import { type Scorecard, loadExpertCard, loadScorecard, probabilityOfDefault, reasonCodes, score } from "../scorecard";
import { DEFAULT_BAND_PD_BOUNDS, bandOf } from "./bands";
import { type EngineConfig, engineConfigSchema } from "./config";
import { checkGuards } from "./guards";
import type { DecideOptions, Decision, DecisionReason, DecisionVersions, FraudHit } from "./types";

/** The version of the decision pipeline (bumped when the way stages combine changes). */
export const ENGINE_VERSION = "riskcard-engine@1";

/** A compiled engine: configuration validated and compiled once, `decide` synchronous. */
export interface Engine {
  /** Versions of the engine, card, rules, policy and feature catalogue in use. */
  readonly versions: DecisionVersions;
  /** The scorecard in use (statistical or expert). */
  readonly card: Scorecard;
  /**
   * Decides one application.
   * @throws {RiskcardError} when the applicant is not valid (the error carries the issues)
   * @throws {RangeError} when `asOf` is not a non-negative safe integer
   */
  decide(applicant: unknown, options: DecideOptions): Decision;
  /** Like `decide`, but returns the applicant's issues instead of throwing. */
  safeDecide(applicant: unknown, options: DecideOptions): Result<Decision>;
}

/**
 * Compiles an engine: validates the configuration and every artefact once (scorecard, fraud rules,
 * limit and pricing policy, defaults from `models/`), precomputes the per-band pricing and the
 * feature indices, and returns `decide`. The pipeline per call: validate the applicant, compliance
 * guards, features as of `asOf`, score and PD, band, fraud rules, then the offer; see `decide`.
 * @param config optional `EngineConfig` (plain JSON)
 * @returns an `Engine`
 * @throws {ConfigError} when the configuration or an artefact in it is invalid (issues say where)
 * @example createEngine().decide(applicant, { asOf: Date.UTC(2026, 5, 30) }).outcome // => "approve"
 */
export function createEngine(config: unknown = {}): Engine {
  const parsed = engineConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => issue("invalid_value", i.path.filter((p) => typeof p !== "symbol") as (string | number)[], i.message)), "engine configuration");
  }
  const cfg: EngineConfig = parsed.data;
  const problems: Issue[] = [];
  const useExpert = cfg.card === "expert";
  const cardResult = useExpert ? loadExpertCard(cfg.expertCard ?? expertCardJson) : loadScorecard(cfg.scorecard ?? statisticalCardJson);
  const rulesResult = compileRules(cfg.rules ?? rulesJson);
  const policyResult = loadPolicy(cfg.policy ?? policyJson);
  collect(problems, cardResult, useExpert ? "expertCard" : "scorecard");
  collect(problems, rulesResult, "rules");
  collect(problems, policyResult, "policy");
  if (!cardResult.ok || !rulesResult.ok || !policyResult.ok) throw new ConfigError(problems, "engine configuration");
  const card = cardResult.value;
  const rules = rulesResult.value;
  const policy = policyResult.value;

  // Fail at compile time, not per call, when the card reads a feature the catalogue lacks.
  const names = extractFeatures(minimalApplicant, { asOf: 0 }).names;
  for (const ch of card.characteristics) {
    if (!names.includes(ch.feature)) {
      throw new ConfigError([issue("unknown_reference", ["scorecard", "characteristics", ch.name], `reads a feature the catalogue does not have`)], "engine configuration");
    }
  }
  const reviewPd = cfg.reviewPd ?? 0.12;
  const declinePd = cfg.declinePd ?? 0.2;
  if (reviewPd > declinePd) throw new ConfigError([issue("inconsistent", ["reviewPd"], "must not exceed declinePd")], "engine configuration");
  const bounds = cfg.bandPdBounds ?? DEFAULT_BAND_PD_BOUNDS;
  const maxReasons = cfg.maxReasons ?? 4;
  const incomeIdx = featureIndex(defaultCatalog, "income_monthly_fen");
  const versions: DecisionVersions = Object.freeze({
    engine: ENGINE_VERSION,
    scorecard: artefactVersion(card.artefact, card.name),
    rules: `${rules.ruleSet.name}@${rules.ruleSet.revision} #${digest(rules.ruleSet)}`,
    policy: artefactVersion(policy as unknown as Record<string, unknown>, String((policy as { id?: unknown }).id ?? "policy")),
    features: `riskcard.features@${CATALOG_VERSION} (${names.length} features)`,
  });
  // Reused per call: decide is synchronous, so one buffer per engine is safe.
  const facts: Facts = createFacts(rules.config);

  const safeDecide = (input: unknown, options: DecideOptions): Result<Decision> => {
    checkAsOf(options);
    const r = parseApplicant(input);
    if (!r.ok) return fail(r.issues);
    return ok(decideValid(r.value, options));
  };

  const decideValid = (a: Applicant, options: DecideOptions): Decision => {
    const { asOf } = options;
    const guards = checkGuards(a, asOf, rules.config.utcOffsetMinutes);
    const vector = extractFeatures(a, { asOf });
    const scored = score(card, vector);
    const pd = clamp01(probabilityOfDefault(card, scored.score));
    const band = bandOf(pd, bounds);
    const adverse: DecisionReason[] = reasonCodes(card, scored.points, { max: maxReasons, attributes: scored.attributes }).map((rc) => ({
      code: rc.code,
      message: rc.message,
      source: "credit",
      points: round2(rc.points),
    }));

    computeFactsInto(facts, a, options.velocity === undefined ? { asOf, config: rules.config } : { asOf, config: rules.config, velocity: options.velocity });
    const fe = rules.evaluate(facts);
    const hits: FraudHit[] = fe.hits.map((h) => ({ ruleId: h.ruleId, family: h.family, action: h.action, reasonCode: h.reasonCode, message: h.message }));
    const fraud = Object.freeze({ action: fe.action, fraudAction: fe.fraudAction, score: fe.score, hits: Object.freeze(hits) });
    // Every hit counts towards the fraud action (score rules add up to thresholds), so all are reasons.
    const fraudReasons = (): DecisionReason[] => hits.map((h) => ({ code: h.reasonCode, message: h.message, source: "fraud" as const }));

    const base = { applicantId: a.id, asOf, score: round2(scored.score), band, pd, guards, fraud, versions };
    const failed = guards.filter((g) => !g.passed);
    if (failed.length > 0) {
      const reasons = failed.map((g): DecisionReason => ({ code: `guard.${g.code}`, message: g.message, source: "guard" }));
      return freeze({ ...base, outcome: "decline", reasons: [...reasons, ...adverse], offer: null });
    }
    if (fe.action === "decline") return freeze({ ...base, outcome: "decline", reasons: [...fraudReasons(), ...adverse], offer: null });
    if (pd >= declinePd) {
      const cutoff: DecisionReason = { code: "credit.score_below_cutoff", message: "The credit score is below the approval cutoff", source: "credit" };
      return freeze({ ...base, outcome: "decline", reasons: [cutoff, ...adverse], offer: null });
    }
    const bureau = a.bureau;
    const incomeVerified = a.identity.verifiedMonthlyIncomeFen !== undefined;
    const offered = makeOffer(policy, {
      band,
      pd,
      incomeVerified,
      ...(vector.missing[incomeIdx] === 0 ? { monthlyIncomeFen: vector.values[incomeIdx] as number } : {}),
      ...(bureau !== undefined ? { monthlyObligationsFen: bureau.monthlyObligationsFen } : {}),
    });
    if (!offered.ok) {
      const reasons = offered.reasons.map((r): DecisionReason => ({ code: r.code, message: r.message, source: "offer" }));
      return freeze({ ...base, outcome: "decline", reasons: [...reasons, ...adverse], offer: null });
    }
    if (fe.action === "review" || pd >= reviewPd) {
      return freeze({ ...base, outcome: "review", reasons: [...fraudReasons(), ...adverse], offer: null });
    }
    return freeze({ ...base, outcome: "approve", reasons: adverse, offer: offered.offer });
  };

  return Object.freeze({
    versions,
    card,
    safeDecide,
    decide(input: unknown, options: DecideOptions): Decision {
      const r = safeDecide(input, options);
      if (r.ok) return r.value;
      throw new RiskcardError(r.issues, "applicant");
    },
  });
}

const minimalApplicant: Applicant = {
  id: "x",
  identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
  consent: { creditBureauQuery: true },
};

function checkAsOf(options: DecideOptions): void {
  if (typeof options !== "object" || options === null) throw new TypeError("decide: options { asOf } are required");
  if (!Number.isSafeInteger(options.asOf) || options.asOf < 0) throw new RangeError("decide: asOf must be a non-negative safe integer (epoch ms)");
}

function collect(out: Issue[], r: Result<unknown>, root: string): void {
  if (!r.ok) for (const i of r.issues) out.push(issue(i.code, [root, ...i.path], i.message));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function freeze(d: Decision): Decision {
  Object.freeze(d.reasons);
  return Object.freeze(d);
}

function artefactVersion(a: object, name: string): string {
  const r = a as { format?: unknown; version?: unknown };
  return `${name} (${String(r.format)}@${String(r.version)}) #${digest(a)}`;
}

/** FNV-1a 32-bit over the artefact's JSON: identifies the exact content, not just the name. */
function digest(a: unknown): string {
  const s = JSON.stringify(a);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
