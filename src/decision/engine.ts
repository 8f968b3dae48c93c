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
import { fillVector } from "../features/internal";
import {
  type ComputeFactsOptions,
  type Facts,
  type FraudEvaluation,
  compileRules,
  computeFactsInto,
  createFacts,
  createVelocityCounts,
} from "../fraud";
import { type Offer, type OfferInput, type OfferSteps, createOfferSteps, loadPolicy, makeOffer } from "../limits";
import type { AnyFormApplicant, ConsentCategory } from "../schema/applicant";
import { applyConsent, dataCategoriesOf } from "../schema/consent";
import { type JsonLimits, guardJson, prefixIssues } from "../schema/json-guard";
import { ConfigError, type Issue, type Result, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
// Not the "../scorecard" barrel: it re-exports training (ml-matrix), which the core must not load.
import { loadExpertCard, loadScorecard } from "../scorecard/load";
import { probabilityOfDefault } from "../scorecard/probability-of-default";
import { score } from "../scorecard/score";
import { cardFeatures } from "../scorecard/score-record";
import type { Scorecard } from "../scorecard/types";
import { selectReasonCodes } from "../scorecard/internal";
import { EN } from "../messages/en";
import { isLocale } from "../messages/locales";
import { absentMask, absentSections, compileAbsentData, maskOf, redirectFor } from "./absent-data";
import { breakdownOf, localizeDecision } from "./localize";
import { DEFAULT_BAND_PD_BOUNDS, bandOf, unreachableBands } from "./bands";
import { type EngineConfig, engineConfigSchema } from "./config";
import { checkGuards, guardsOf } from "./guards";
import {
  type LastRun,
  type TraceContext,
  compareReplay,
  factsReadBy,
  fillFromTrace,
  listSets,
  readRecord,
  traceOf,
} from "./trace";
import { type ReadOptions, readDecideOptions } from "./options";
import { type DecideVia, applicantOf, decisionOf, jsonMethods, refuse } from "./decide-json";
import { createStrategyEngine } from "./strategy-engine";
import { VELOCITY_UNAVAILABLE, applyVelocityPolicy } from "./velocity-policy";
import type { DecideOptions, Decision, DecisionReason, DecisionVersions, FraudHit, ReplayResult } from "./types";

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
   * Decides one application. An applicant from `parseApplicant` is used as is (it was validated
   * and frozen there); any other input is validated through a snapshot, so what was validated is
   * what is used, whatever getters or Proxies the input has.
   * @throws {RiskcardError} when the options are not valid (issues at `["asOf"]`, `["velocity", ...]`,
   * or `[]` for the options object; checked first) or the applicant is not valid (the error carries the issues)
   */
  decide(applicant: unknown, options: DecideOptions): Decision;
  /** Like `decide`, but returns the options' or the applicant's issues instead of throwing; never throws on bad input. */
  safeDecide(applicant: unknown, options: DecideOptions): Result<Decision>;
  /**
   * Decides one application sent as JSON text (a request body, a JSONL line): the decision
   * `decide(JSON.parse(text), options)` gives, at less cost (validated in place, neither copied nor
   * frozen: no code outside riskcard ever holds the parsed value). Options first, then the text.
   * @throws {RiskcardError} as `decide`; a text that is not JSON: one `invalid_format` issue at `[]`
   * @throws {TypeError} when `text` is not a string
   */
  decideJson(text: string, options: DecideOptions): Decision;
  /** Like `decideJson`, but returns the issues instead of throwing (`parseApplicantJson`'s for a bad text). */
  safeDecideJson(text: string, options: DecideOptions): Result<Decision>;
  /**
   * Re-runs scoring, rules and the offer from a trace's recorded features, facts and guard inputs
   * with this engine's artefacts, and compares the result with the recorded decision.
   * @param record a decision made with `{ trace: true }`, or a decision record (`toDecisionRecord`, parsed)
   * @returns `{ decision, identical, mismatches }`
   * @throws {RiskcardError} when the input is not a traced decision or record
   */
  replay(record: unknown): ReplayResult;
}

/**
 * Compiles an engine: validates the configuration and every artefact once (scorecard, fraud rules,
 * limit and pricing policy, defaults from `models/`), precomputes the per-band pricing and the
 * part of the feature catalog the card reads (`catalogSubset`: those features, the income the
 * offer needs, and their inputs; values identical to the full catalog's), and returns `decide`.
 * The pipeline per call: check the options (`asOf` an integer in [0, 8.64e15], the `Date` range),
 * validate the applicant (unless `parseApplicant` returned it), compliance guards, features as of
 * `asOf`, score and PD, band, fraud rules, then the offer; see `decide`.
 * @param config optional `EngineConfig` (plain JSON; still validated at run time, for callers without types)
 * @returns an `Engine`
 * @throws {ConfigError} when the configuration or an artefact in it is invalid: the same pre-scan as
 *   every loader (`guardJson`), then the schema; an artefact's issues have its key before their path;
 *   or when a band can never be offered (its lower PD bound at or above `declinePd`, or above the
 *   policy's `maxPd`; the issue names the band); with `strategy`, when the strategy or one of its engine
 *   configurations is invalid (see `createStrategyEngine`: one engine per segment, `versions.segment` in decisions)
 * @example createEngine().decide(applicant, { asOf: Date.UTC(2026, 5, 30) }).outcome // => "approve"
 */
export function createEngine(config: EngineConfig = {}): Engine {
  // The artefacts under their keys are pre-scanned by their own loaders (issues prefixed with the key).
  const pre = guardJson(config, CONFIG_LIMITS, { root: "object", skipRootKeys: ARTEFACT_KEYS });
  if (pre.length > 0) throw new ConfigError(pre, "engine configuration");
  const parsed = validateWith(engineConfigSchema, config);
  if (!parsed.ok) throw new ConfigError(parsed.issues, "engine configuration");
  const cfg: EngineConfig = parsed.value;
  if (cfg.strategy !== undefined) return createStrategyEngine(cfg, createEngine);
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
  const unreachable = unreachableBands(bounds, declinePd, policy.pricing.maxPd);
  if (unreachable.length > 0) throw new ConfigError(unreachable, "engine configuration");
  const maxReasons = cfg.maxReasons ?? 4;
  const velocityPolicy = cfg.velocityUnavailable ?? "review";
  // decide computes only the features its card reads (and the income the offer needs), with their
  // inputs: the values are those of the full catalog, the others would be computed for nothing.
  const catalog = catalogSubset(defaultCatalog, [...cardFeatures(card), "income_monthly_fen"]);
  const incomeIdx = featureIndex(catalog, "income_monthly_fen");
  // Reasons of a characteristic whose section is absent become that section's NO_* code.
  const absentData = compileAbsentData(card, catalog);
  const requiredConsents: readonly ConsentCategory[] = cfg.requiredConsents ?? [];
  // Per call, set before `run`: the absent sections (a mask) and the decision's dataUsed.
  const call: { absent: number; dataUsed: readonly ConsentCategory[] | undefined } = {
    absent: 0,
    dataUsed: undefined,
  };
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
  // The options as read by readDecideOptions, and the engine's copy of the caller's velocity counts.
  const read: ReadOptions = {
    asOf: 0,
    velocity: undefined,
    velocityUnavailable: false,
    trace: false,
    locale: "en",
    explain: false,
  };
  const velocityBuffer = createVelocityCounts(rules.config.catalog);

  // Options first (copied into `read`), then the applicant (a snapshot, or a parsed value): each
  // value is read once, and a getter in the applicant runs after the options were copied.
  // decide, safeDecide, decideJson and safeDecideJson (./decide-json.ts) all go through here.
  const via: DecideVia = (input, options, json, throwing) => {
    const bad = readDecideOptions(options, rules.config.catalog, velocityBuffer, read);
    if (bad.length > 0) return refuse(bad, "decide options", throwing);
    const r = applicantOf(input, json);
    if (!r.ok) return refuse(r.issues, "applicant", throwing);
    return ok(
      localizeDecision(
        applyVelocityPolicy(decideValid(r.value, read), read.velocityUnavailable, velocityPolicy),
        read.locale,
      ),
    );
  };

  // What the last run computed, for the trace path (references only: no allocation on the plain path).
  const last: LastRun = { scored: undefined, fe: undefined, offered: undefined };
  const steps = createOfferSteps();
  // The card's points and attribute indices per characteristic, reused by every call (score's `out`): two typed
  // arrays allocated per decision cost 4-5% of decide + stringifyDecision in a V8 profile. Read only within a call.
  const scoreOut = {
    points: new Float64Array(card.characteristics.length),
    attributes: new Int32Array(card.characteristics.length),
  };

  const decideValid = (a: AnyFormApplicant, options: ReadOptions): Decision => {
    const asOf = options.asOf;
    const guards = checkGuards(a, asOf, rules.config.utcOffsetMinutes, requiredConsents);
    // Consent per purpose, in one place: features, facts and the offer read the masked applicant.
    const m = applyConsent(a);
    fillVector(m, asOf, catalog, vector.values, vector.missing);
    factOptions.asOf = asOf;
    factOptions.velocity = options.velocity;
    computeFactsInto(facts, m, factOptions as ComputeFactsOptions);
    const incomeVerified = m.identity.verifiedMonthlyIncomeFen !== undefined;
    const obligations = m.bureau?.monthlyObligationsFen;
    const app = m.application;
    const traced = options.trace === true;
    call.absent = absentMask(m);
    call.dataUsed = a.consent.purposes === undefined ? undefined : dataCategoriesOf(m);
    const ran = run(
      a.id,
      asOf,
      guards,
      incomeVerified,
      obligations,
      app?.requestedAmountFen,
      app?.requestedTermMonths,
      traced ? steps : undefined,
    );
    const d = options.explain
      ? Object.freeze({ ...ran, breakdown: breakdownOf(card, last.scored!.points, options.locale) })
      : ran;
    if (!traced) return d;
    const trace = buildTrace(d, a, asOf, incomeVerified, obligations, {
      absentSections: absentSections(call.absent),
      dataUsed: call.dataUsed,
      locale: options.locale,
    });
    return Object.freeze({ ...d, trace });
  };

  /**
   * Scoring, rules and the offer from the engine's filled buffers (`vector`, `facts`) and the
   * guards: the one code path that both decide and replay run.
   */
  const run = (
    id: string,
    asOf: number,
    guards: Decision["guards"],
    incomeVerified: boolean,
    obligations: number | undefined,
    requestedAmountFen: number | undefined,
    requestedTermMonths: number | undefined,
    offerSteps: OfferSteps | undefined,
  ): Decision => {
    const scored = score(card, vector, scoreOut);
    last.scored = scored;
    last.offered = undefined;
    const pd = clamp01(probabilityOfDefault(card, scored.score));
    const band = bandOf(pd, bounds);
    const redirect = redirectFor(absentData, call.absent, vector.missing);
    const rcs = selectReasonCodes(card, scored.points, scored.attributes, maxReasons, redirect);
    const adverse: DecisionReason[] = new Array(rcs.count);
    for (let i = 0; i < rcs.count; i++)
      adverse[i] = { code: rcs.codes[i]!, message: rcs.messages[i]!, source: "credit", points: round2(rcs.points[i]!) };

    const fe = rules.evaluate(facts);
    last.fe = fe;
    const fraud = fraudPart(fe);
    const hits = fraud.hits;
    const sc = round2(scored.score);

    // Settle outcome, leading reasons and offer in precedence order: guards, fraud decline, PD cutoff,
    // offer refusal, review, approve. The adverse credit reasons always follow the leading ones
    // (an approval has no leading reasons).
    let outcome: Decision["outcome"] = "decline";
    let lead: DecisionReason[] | null;
    let offer: Offer | null = null;
    let nFailed = 0;
    for (let i = 0; i < guards.length; i++) if (!guards[i]!.passed) nFailed++;
    if (nFailed > 0) {
      lead = [];
      for (let i = 0; i < guards.length; i++) {
        const g = guards[i]!;
        if (!g.passed) lead.push({ code: `guard.${g.code}`, message: g.message, source: "guard" });
      }
    } else if (fe.action === "decline") {
      lead = fraudReasons(hits);
    } else if (pd >= declinePd) {
      lead = [{ code: CUTOFF, message: EN[CUTOFF]!, source: "credit" }];
    } else {
      const offerInput: {
        -readonly [K in keyof OfferInput]: OfferInput[K];
      } = { band, pd, incomeVerified };
      if (vector.missing[incomeIdx] === 0) offerInput.monthlyIncomeFen = vector.values[incomeIdx]!;
      if (obligations !== undefined) offerInput.monthlyObligationsFen = obligations;
      if (requestedAmountFen !== undefined) offerInput.requestedAmountFen = requestedAmountFen;
      if (requestedTermMonths !== undefined) offerInput.requestedTermMonths = requestedTermMonths;
      const offered = makeOffer(policy, offerInput, offerSteps);
      last.offered = offered;
      if (!offered.offered) {
        lead = [];
        for (const r of offered.reasons) lead.push({ code: r.code, message: r.message, source: "offer" });
      } else if (fe.action === "review" || pd >= reviewPd) {
        outcome = "review";
        lead = fraudReasons(hits);
      } else {
        outcome = "approve";
        lead = null;
        offer = offered.offer;
      }
    }
    const reasons = Object.freeze(lead === null ? adverse : concat(lead, adverse));
    // Fields in the documented order of Decision (the fixture baseline compares JSON byte for byte);
    // dataUsed only when the applicant's consent states purposes. Two literals rather than a spread in
    // the middle of one: a spread there is a runtime copy per decision and gives the object another map.
    const dataUsed = call.dataUsed;
    if (dataUsed === undefined)
      return Object.freeze({
        applicantId: id,
        asOf,
        outcome,
        score: sc,
        band,
        pd,
        reasons,
        guards,
        fraud,
        offer,
        versions,
      });
    return Object.freeze({
      applicantId: id,
      asOf,
      outcome,
      score: sc,
      band,
      pd,
      reasons,
      guards,
      fraud,
      offer,
      dataUsed,
      versions,
    });
  };

  const traceCtx: TraceContext = {
    card,
    policy,
    catalog,
    facts,
    vector,
    factSlots: factsReadBy(rules),
    lists: listSets(rules.ruleSet),
    artefacts: Object.freeze({
      ...versions,
      thresholds: digest({ reviewPd, declinePd, bounds, maxReasons }),
    }),
    utcOffsetMinutes: rules.config.utcOffsetMinutes,
    requiredConsents,
  };
  // traceOf's own parameter list after the engine's context, buffers and last run.
  const buildTrace = traceOf.bind(null, traceCtx, last, steps);

  const replay = (input: unknown): ReplayResult => {
    const { recorded, trace } = readRecord(input);
    const notRecorded = fillFromTrace(traceCtx, trace);
    const g = trace.guards;
    const purposes = requiredConsents.length === 0 ? undefined : g.purposesConsented === true;
    const guards = guardsOf(g.ageYears, g.consentGiven, g.realNameVerified, g.idVerified, purposes);
    const o = trace.offerInputs;
    call.absent = maskOf(trace.absentSections);
    call.dataUsed = Array.isArray(trace.dataUsed) ? Object.freeze([...trace.dataUsed]) : undefined;
    const d = run(
      trace.applicantId,
      trace.asOf,
      guards,
      o.incomeVerified,
      o.monthlyObligationsFen ?? undefined,
      o.requestedAmountFen ?? undefined,
      o.requestedTermMonths ?? undefined,
      undefined,
    );
    // The velocity store's availability is not a feature or fact: the recorded decision says it, by the
    // VELOCITY_UNAVAILABLE reason that decide added; replay applies this engine's policy to it as decide did.
    const reasons = recorded.reasons;
    const unavailable =
      Array.isArray(reasons) &&
      reasons.some(
        (x) => typeof x === "object" && x !== null && (x as { code?: unknown }).code === VELOCITY_UNAVAILABLE,
      );
    const locale = isLocale(trace.locale) ? trace.locale : "en";
    // A decision made with { explain: true } carries the breakdown, re-computed from the replayed points.
    const explained =
      recorded.breakdown === undefined
        ? d
        : Object.freeze({ ...d, breakdown: breakdownOf(card, last.scored!.points, locale) });
    return compareReplay(
      localizeDecision(applyVelocityPolicy(explained, unavailable, velocityPolicy), locale),
      recorded,
      trace,
      traceCtx.artefacts,
      notRecorded,
    );
  };

  return Object.freeze({
    versions,
    card,
    safeDecide: (input: unknown, options: DecideOptions): Result<Decision> => via(input, options, false, false),
    replay,
    decide: (input: unknown, options: DecideOptions): Decision => decisionOf(via(input, options, false, true)),
    ...jsonMethods(via),
  });
}

/** The code of a decline by the PD cutoff. */
const CUTOFF = "credit.score_below_cutoff";

/** The configuration keys that hold artefacts, each checked by its loader. */
const ARTEFACT_KEYS: ReadonlySet<string> = new Set(["scorecard", "expertCard", "rules", "policy", "strategy"]);
/** Size budget of the engine configuration outside its artefacts (a few numbers). */
const CONFIG_LIMITS: JsonLimits = Object.freeze({ maxNodes: 1_000, maxChars: 10_000 });

const minimalApplicant: AnyFormApplicant = {
  id: "x",
  identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
  consent: { creditBureauQuery: true },
};

function collect(out: Issue[], r: Result<unknown>, root: string): void {
  if (!r.ok) out.push(...prefixIssues(r.issues, [root]));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The decision's fraud part of an evaluation, built once per evaluation object: evaluations are
 * frozen and shared between calls that matched the same rules (`compileRules`), so a decision's
 * fraud part allocates nothing once its combination of hits has been seen.
 */
const fraudParts = new WeakMap<FraudEvaluation, Decision["fraud"]>();

function fraudPart(fe: FraudEvaluation): Decision["fraud"] {
  const known = fraudParts.get(fe);
  if (known !== undefined) return known;
  const hits: FraudHit[] = new Array(fe.hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = fe.hits[i]!;
    hits[i] = Object.freeze({
      ruleId: h.ruleId,
      family: h.family,
      action: h.action,
      reasonCode: h.reasonCode,
      message: h.message,
    });
  }
  const fraud = Object.freeze({
    action: fe.action,
    fraudAction: fe.fraudAction,
    score: fe.score,
    hits: Object.freeze(hits),
  });
  if (Object.isFrozen(fe)) fraudParts.set(fe, fraud);
  return fraud;
}

/** A frozen decision (fields in the documented order, which JSON output follows). */
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

/**
 * FNV-1a 32-bit over a value's JSON: identifies the exact content of an artefact, not just its name.
 * @param a any JSON value
 * @returns eight hex digits
 * @example digest({}) // => "5465b825" (FNV-1a of the two characters "{}")
 * @internal
 */
export function digest(a: unknown): string {
  const s = JSON.stringify(a);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
