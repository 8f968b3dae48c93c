import expertCardJson from "../../models/expert-card.json";
import rulesJson from "../../models/fraud-rules.json";
import policyJson from "../../models/policy.json";
import statisticalCardJson from "../../models/scorecard.json";
import {
  CATALOG_VERSION,
  type FeatureVector,
  catalogSubset,
  defaultCatalog,
  extractFeatures,
  featureIndex,
} from "../features";
import { fillVector } from "../features/extract";
import { type ComputeFactsOptions, type Facts, compileRules, computeFactsInto, createFacts } from "../fraud";
import { type Band, type Offer, loadPolicy, makeOffer } from "../limits";
import type { Applicant } from "../schema/applicant";
import { type JsonLimits, guardJson, prefixIssues } from "../schema/json-guard";
import { parseApplicant } from "../schema/parse";
import { ConfigError, type Issue, type Result, RiskcardError, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { type Scorecard, cardFeatures, loadExpertCard, loadScorecard, probabilityOfDefault, score } from "../scorecard";
import { selectReasonCodes } from "../scorecard/reason-codes";
import { DEFAULT_BAND_PD_BOUNDS, bandOf } from "./bands";
import { type EngineConfig, engineConfigSchema } from "./config";
import { checkGuards } from "./guards";
import type { DecideOptions, Decision, DecisionReason, DecisionVersions, FraudHit } from "./types";

/**
 * The version of the decision pipeline (bumped when the way stages combine changes).
 * @example ENGINE_VERSION // => "riskcard-engine@1"
 */
export const ENGINE_VERSION = "riskcard-engine@1";

/** A compiled engine: configuration validated and compiled once, `decide` synchronous. */
export interface Engine {
  /** Versions of the engine, card, rules, policy and feature catalog in use. */
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
 * part of the feature catalog the card reads (`catalogSubset`: those features, the income the
 * offer needs, and their inputs; values identical to the full catalog's), and returns `decide`.
 * The pipeline per call: validate the applicant, compliance guards, features as of `asOf`, score
 * and PD, band, fraud rules, then the offer; see `decide`.
 * @param config optional `EngineConfig` (plain JSON)
 * @returns an `Engine`
 * @throws {ConfigError} when the configuration or an artefact in it is invalid: the same pre-scan as
 *   every loader (`guardJson`), then the schema; an artefact's issues have its key before their path
 * @example createEngine().decide(applicant, { asOf: Date.UTC(2026, 5, 30) }).outcome // => "approve"
 */
export function createEngine(config: unknown = {}): Engine {
  // The artefacts under their keys are pre-scanned by their own loaders (issues prefixed with the key).
  const pre = guardJson(config, CONFIG_LIMITS, { root: "object", skipRootKeys: ARTEFACT_KEYS });
  if (pre.length > 0) throw new ConfigError(pre, "engine configuration");
  const parsed = validateWith(engineConfigSchema, config);
  if (!parsed.ok) throw new ConfigError(parsed.issues, "engine configuration");
  const cfg: EngineConfig = parsed.value;
  const problems: Issue[] = [];
  const useExpert = cfg.card === "expert";
  // An artefact key left out (undefined) takes the shipped artefact; anything else, null included, is loaded.
  const cardResult = useExpert
    ? loadExpertCard(cfg.expertCard === undefined ? expertCardJson : cfg.expertCard)
    : loadScorecard(cfg.scorecard === undefined ? statisticalCardJson : cfg.scorecard);
  const rulesResult = compileRules(cfg.rules === undefined ? rulesJson : cfg.rules);
  const policyResult = loadPolicy(cfg.policy === undefined ? policyJson : cfg.policy);
  collect(problems, cardResult, useExpert ? "expertCard" : "scorecard");
  collect(problems, rulesResult, "rules");
  collect(problems, policyResult, "policy");
  if (!cardResult.ok || !rulesResult.ok || !policyResult.ok) throw new ConfigError(problems, "engine configuration");
  const card = cardResult.value;
  const rules = rulesResult.value;
  const policy = policyResult.value;

  if (card.scaling === null)
    throw new ConfigError(
      [issue("missing", [useExpert ? "expertCard" : "scorecard", "scaling"], "the card needs a scaling for PDs")],
      "engine configuration",
    );
  // Fail at compile time, not per call, when the card reads a feature the catalog lacks.
  const names = extractFeatures(minimalApplicant, { asOf: 0 }).names;
  for (const ch of card.characteristics) {
    const reads = ch.type === "rules" ? ch.inputs.map((i) => i.feature) : [ch.feature];
    if (!reads.every((f) => names.includes(f))) {
      throw new ConfigError(
        [
          issue(
            "unknown_reference",
            ["scorecard", "characteristics", ch.name],
            `reads a feature the catalog does not have`,
          ),
        ],
        "engine configuration",
      );
    }
  }
  const reviewPd = cfg.reviewPd ?? 0.12;
  const declinePd = cfg.declinePd ?? 0.2;
  if (reviewPd > declinePd)
    throw new ConfigError([issue("inconsistent", ["reviewPd"], "must not exceed declinePd")], "engine configuration");
  const bounds = cfg.bandPdBounds ?? DEFAULT_BAND_PD_BOUNDS;
  const maxReasons = cfg.maxReasons ?? 4;
  // decide computes only the features its card reads (and the income the offer needs), with their
  // inputs: the values are those of the full catalog, the others would be computed for nothing.
  const catalog = catalogSubset(defaultCatalog, [...cardFeatures(card), "income_monthly_fen"]);
  const incomeIdx = featureIndex(catalog, "income_monthly_fen");
  const versions: DecisionVersions = Object.freeze({
    engine: ENGINE_VERSION,
    scorecard: artefactVersion(card.artefact, card.name),
    rules: `${rules.ruleSet.name}@${rules.ruleSet.revision} #${digest(rules.ruleSet)}`,
    policy: artefactVersion(
      policy as unknown as Record<string, unknown>,
      String((policy as { id?: unknown }).id ?? "policy"),
    ),
    features: `riskcard.features@${CATALOG_VERSION} (${names.length} features)`,
  });
  // Reused per call: decide is synchronous, so one buffer per engine is safe. The feature vector
  // never leaves decide (only numbers read from it do), so its arrays are reused as well.
  const facts: Facts = createFacts(rules.config);
  const nFeatures = catalog.names.length;
  const vector: FeatureVector = Object.freeze({
    names: catalog.names,
    values: new Float64Array(nFeatures),
    missing: new Uint8Array(nFeatures),
  });
  // one options object, refilled per call (computeFactsInto reads a velocity of undefined as absent)
  const factOptions = { asOf: 0, config: rules.config, velocity: undefined as DecideOptions["velocity"] };

  const safeDecide = (input: unknown, options: DecideOptions): Result<Decision> => {
    checkAsOf(options);
    const r = parseApplicant(input);
    if (!r.ok) return fail(r.issues);
    return ok(decideValid(r.value, options));
  };

  const decideValid = (a: Applicant, options: DecideOptions): Decision => {
    const asOf = options.asOf;
    const guards = checkGuards(a, asOf, rules.config.utcOffsetMinutes);
    fillVector(a, asOf, catalog, vector.values, vector.missing);
    const scored = score(card, vector);
    const pd = clamp01(probabilityOfDefault(card, scored.score));
    const band = bandOf(pd, bounds);
    const rcs = selectReasonCodes(card, scored.points, scored.attributes, maxReasons);
    const adverse: DecisionReason[] = new Array(rcs.count);
    for (let i = 0; i < rcs.count; i++)
      adverse[i] = { code: rcs.codes[i]!, message: rcs.messages[i]!, source: "credit", points: round2(rcs.points[i]!) };

    factOptions.asOf = asOf;
    factOptions.velocity = options.velocity;
    computeFactsInto(facts, a, factOptions as ComputeFactsOptions);
    const fe = rules.evaluate(facts);
    const hits: FraudHit[] = new Array(fe.hits.length);
    for (let i = 0; i < hits.length; i++) {
      const h = fe.hits[i]!;
      hits[i] = { ruleId: h.ruleId, family: h.family, action: h.action, reasonCode: h.reasonCode, message: h.message };
    }
    const fraud = Object.freeze({
      action: fe.action,
      fraudAction: fe.fraudAction,
      score: fe.score,
      hits: Object.freeze(hits),
    });
    const sc = round2(scored.score);

    let nFailed = 0;
    for (let i = 0; i < guards.length; i++) if (!guards[i]!.passed) nFailed++;
    if (nFailed > 0) {
      const reasons: DecisionReason[] = [];
      for (let i = 0; i < guards.length; i++) {
        const g = guards[i]!;
        if (!g.passed) reasons.push({ code: `guard.${g.code}`, message: g.message, source: "guard" });
      }
      return decision(a.id, asOf, sc, band, pd, guards, fraud, versions, "decline", concat(reasons, adverse), null);
    }
    if (fe.action === "decline")
      return decision(
        a.id,
        asOf,
        sc,
        band,
        pd,
        guards,
        fraud,
        versions,
        "decline",
        concat(fraudReasons(hits), adverse),
        null,
      );
    if (pd >= declinePd) {
      const cutoff: DecisionReason = {
        code: "credit.score_below_cutoff",
        message: "The credit score is below the approval cutoff",
        source: "credit",
      };
      return decision(a.id, asOf, sc, band, pd, guards, fraud, versions, "decline", concat([cutoff], adverse), null);
    }
    const bureau = a.bureau;
    const incomeVerified = a.identity.verifiedMonthlyIncomeFen !== undefined;
    const offerInput: {
      band: Band;
      pd: number;
      incomeVerified: boolean;
      monthlyIncomeFen?: number;
      monthlyObligationsFen?: number;
    } = { band, pd, incomeVerified };
    if (vector.missing[incomeIdx] === 0) offerInput.monthlyIncomeFen = vector.values[incomeIdx]!;
    if (bureau !== undefined) offerInput.monthlyObligationsFen = bureau.monthlyObligationsFen;
    const offered = makeOffer(policy, offerInput);
    if (!offered.ok) {
      const reasons: DecisionReason[] = [];
      for (const r of offered.reasons) reasons.push({ code: r.code, message: r.message, source: "offer" });
      return decision(a.id, asOf, sc, band, pd, guards, fraud, versions, "decline", concat(reasons, adverse), null);
    }
    if (fe.action === "review" || pd >= reviewPd) {
      return decision(
        a.id,
        asOf,
        sc,
        band,
        pd,
        guards,
        fraud,
        versions,
        "review",
        concat(fraudReasons(hits), adverse),
        null,
      );
    }
    return decision(a.id, asOf, sc, band, pd, guards, fraud, versions, "approve", adverse, offered.offer);
  };

  return Object.freeze({
    versions,
    card,
    safeDecide,
    decide(input: unknown, options: DecideOptions): Decision {
      checkAsOf(options);
      const r = parseApplicant(input);
      if (!r.ok) throw new RiskcardError(r.issues, "applicant");
      return decideValid(r.value, options);
    },
  });
}

/** The configuration keys that hold artefacts, each checked by its loader. */
const ARTEFACT_KEYS: ReadonlySet<string> = new Set(["scorecard", "expertCard", "rules", "policy"]);
/** Size budget of the engine configuration outside its artefacts (a few numbers). */
const CONFIG_LIMITS: JsonLimits = Object.freeze({ maxNodes: 1_000, maxChars: 10_000 });

const minimalApplicant: Applicant = {
  id: "x",
  identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
  consent: { creditBureauQuery: true },
};

function checkAsOf(options: DecideOptions): void {
  if (typeof options !== "object" || options === null) throw new TypeError("decide: options { asOf } are required");
  if (!Number.isSafeInteger(options.asOf) || options.asOf < 0)
    throw new RangeError("decide: asOf must be a non-negative safe integer (epoch ms)");
}

function collect(out: Issue[], r: Result<unknown>, root: string): void {
  if (!r.ok) out.push(...prefixIssues(r.issues, [root]));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A frozen decision (fields in the documented order, which JSON output follows). */
function decision(
  applicantId: string,
  asOf: number,
  score: number,
  band: Band,
  pd: number,
  guards: Decision["guards"],
  fraud: Decision["fraud"],
  versions: DecisionVersions,
  outcome: Decision["outcome"],
  reasons: DecisionReason[],
  offer: Offer | null,
): Decision {
  Object.freeze(reasons);
  return Object.freeze({ applicantId, asOf, outcome, score, band, pd, reasons, guards, fraud, offer, versions });
}

/** Every fraud hit counts towards the fraud action (score rules add up to thresholds), so all are reasons. */
function fraudReasons(hits: readonly FraudHit[]): DecisionReason[] {
  const out: DecisionReason[] = new Array(hits.length);
  for (let i = 0; i < hits.length; i++)
    out[i] = { code: hits[i]!.reasonCode, message: hits[i]!.message, source: "fraud" };
  return out;
}

function concat(first: DecisionReason[], rest: readonly DecisionReason[]): DecisionReason[] {
  for (let i = 0; i < rest.length; i++) first.push(rest[i]!);
  return first;
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
