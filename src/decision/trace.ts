import type { FeatureVector } from "../features";
import type { CompiledRules, FraudEvaluation } from "../fraud";
import type { Facts } from "../fraud";
import type { OfferOutcome, OfferSteps, Policy } from "../limits";
import type { Locale } from "../messages/locales";
import type { AnyFormApplicant, ConsentCategory } from "../schema/applicant";
import { RiskcardError, issue } from "../schema/result";
import type { ScoreResult, Scorecard } from "../scorecard";
import { reasonBaselines } from "../scorecard/internal";
import { applicantAge, consentGiven, purposesConsented } from "./guards";
import type {
  ArtefactMismatch,
  Decision,
  DecisionTrace,
  DecisionVersions,
  ReplayResult,
  TraceCharacteristic,
  TraceFact,
  TraceGuards,
  TraceOffer,
} from "./types";

/** What the engine's last run computed, read by the trace path. @internal */
export interface LastRun {
  scored: ScoreResult | undefined;
  fe: FraudEvaluation | undefined;
  offered: OfferOutcome | undefined;
}

/** What an engine fixes once for its traces and replays. @internal */
export interface TraceContext {
  readonly card: Scorecard;
  readonly policy: Policy;
  readonly catalog: { readonly names: readonly string[] };
  readonly facts: Facts;
  readonly vector: FeatureVector;
  /** Catalog slots of the facts the rules read, in catalog order. */
  readonly factSlots: readonly number[];
  /** The rule set's named lists, as sets of their string items. */
  readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
  readonly artefacts: DecisionTrace["artefacts"];
  readonly utcOffsetMinutes: number;
  /** The engine's `requiredConsents` (the `purposes_consented` guard is checked when not empty). */
  readonly requiredConsents: readonly ConsentCategory[];
}

/** What a trace records of consent and explanations: the absent sections, `dataUsed` and the locale. @internal */
export interface TraceExplain {
  readonly absentSections: readonly string[];
  readonly dataUsed: readonly ConsentCategory[] | undefined;
  readonly locale: Locale;
}

/**
 * The catalog slots of every fact the rule set's conditions name (anywhere in a condition tree).
 * @param rules compiled rules
 * @returns slots in catalog order, each once
 * @example factsReadBy(compileRulesOrThrow(ruleSetJson)).length // => 23 (the shipped rule set)
 * @internal
 */
export function factsReadBy(rules: CompiledRules): readonly number[] {
  const slots = new Set<number>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const x of node) walk(x);
    else if (typeof node === "object" && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k === "fact" && typeof v === "string") {
          const i = rules.catalog.index.get(v);
          if (i !== undefined) slots.add(i);
        } else walk(v);
      }
    }
  };
  for (const r of rules.ruleSet.rules) walk((r as { when?: unknown }).when);
  return [...slots].sort((a, b) => a - b);
}

/**
 * The rule set's named lists as sets of their string items (numbers are not string-fact values).
 * @param ruleSet a loaded rule set
 * @returns list name to items
 * @example listSets(compileRulesOrThrow(ruleSetJson).ruleSet).get("blockedDevices")?.size // => 0 (the shipped lists are empty)
 * @internal
 */
export function listSets(ruleSet: CompiledRules["ruleSet"]): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  const lists = (ruleSet as { lists?: Record<string, readonly (string | number)[]> }).lists ?? {};
  for (const name of Object.keys(lists).sort())
    out.set(name, new Set(lists[name]!.filter((x): x is string => typeof x === "string")));
  return out;
}

/**
 * Builds the trace of the decision the engine just made, from its buffers and `last`.
 * @returns a frozen `DecisionTrace`
 * @internal
 */
export function traceOf(
  ctx: TraceContext,
  last: LastRun,
  steps: OfferSteps,
  d: Decision,
  a: AnyFormApplicant,
  asOf: number,
  incomeVerified: boolean,
  obligations: number | undefined,
  explain: TraceExplain,
): DecisionTrace {
  const { card, vector, facts } = ctx;
  const features: Record<string, number | null> = {};
  for (let i = 0; i < vector.names.length; i++)
    features[vector.names[i]!] = vector.missing[i] === 1 ? null : vector.values[i]!;
  const scored = last.scored!;
  const baselines = reasonBaselines(card);
  const characteristics: TraceCharacteristic[] = card.characteristics.map((ch, c) => ({
    name: ch.name,
    feature: ch.feature,
    attribute: scored.attributes[c]!,
    points: scored.points[c]!,
    baseline: baselines[c]!,
  }));
  const factOut: Record<string, TraceFact> = {};
  const cat = facts.catalog.facts;
  for (const i of ctx.factSlots) {
    const f = cat[i]!;
    if (facts.missing[i] === 1) factOut[f.name] = null;
    else if (f.type === "number") factOut[f.name] = facts.values[i]!;
    else if (f.type === "boolean") factOut[f.name] = facts.values[i] === 1;
    else {
      const v = facts.strings[i]!;
      const inLists: string[] = [];
      for (const [name, set] of ctx.lists) if (set.has(v)) inLists.push(name);
      factOut[f.name] = { lists: inLists };
    }
  }
  const fe = last.fe!;
  const trace: DecisionTrace = {
    format: "riskcard.trace",
    version: 1,
    applicantId: a.id,
    asOf,
    artefacts: ctx.artefacts,
    guards: traceGuards(a, asOf, ctx.utcOffsetMinutes, ctx.requiredConsents),
    absentSections: Object.freeze([...explain.absentSections]),
    ...(explain.dataUsed === undefined ? {} : { dataUsed: explain.dataUsed }),
    ...(explain.locale === "en" ? {} : { locale: explain.locale }),
    features,
    scorecard: { characteristics, score: scored.score, pd: d.pd, band: d.band },
    facts: factOut,
    rules: { hits: fe.hits.map((h) => h.ruleId), action: fe.action, fraudAction: fe.fraudAction, score: fe.score },
    offerInputs: {
      incomeVerified,
      monthlyObligationsFen: obligations ?? null,
      requestedAmountFen: a.application?.requestedAmountFen ?? null,
      requestedTermMonths: a.application?.requestedTermMonths ?? null,
    },
    offer: offerTrace(ctx.policy, last.offered, steps, d.band),
  };
  // Frozen one level per part (the parts are built here and shared with no one): a full deepFreeze
  // walk would cost as much as building the trace.
  Object.freeze(features);
  Object.freeze(factOut);
  for (const c of characteristics) Object.freeze(c);
  Object.freeze(characteristics);
  Object.freeze(trace.scorecard);
  Object.freeze(trace.rules);
  Object.freeze(trace.offerInputs);
  if (trace.offer !== null) Object.freeze(trace.offer);
  return Object.freeze(trace);
}

/**
 * The guards' derived inputs as a trace records them (never the birth date or the consent time), frozen.
 * @internal
 */
export function traceGuards(
  a: AnyFormApplicant,
  asOf: number,
  utcOffsetMinutes: number,
  requiredConsents: readonly ConsentCategory[],
): TraceGuards {
  const c = a.consent;
  return Object.freeze({
    ageYears: applicantAge(a, asOf, utcOffsetMinutes),
    consentGiven: consentGiven(a, asOf),
    consentAgeMs: c.givenAt === undefined ? null : asOf - c.givenAt,
    realNameVerified: a.identity.realNameVerified,
    idVerified: a.identity.idVerified,
    phoneVerified: a.identity.phoneVerified,
    ...(requiredConsents.length === 0 ? {} : { purposesConsented: purposesConsented(a, requiredConsents) }),
  });
}

/** The offer's computation from the last run (null when the decision stopped before the offer). */
function offerTrace(
  policy: Policy,
  offered: OfferOutcome | undefined,
  steps: OfferSteps,
  b: Decision["band"],
): TraceOffer | null {
  if (offered === undefined) return null;
  // A refusal before the bounds (PD above the policy's maximum, band withdrawn) leaves the steps empty.
  const band = policy.compiled[b];
  // the pricing of the term the offer chose (the band's default term when it stopped before choosing)
  const bp = band.terms.find((t) => t.termMonths === steps.termMonths) ?? band;
  return {
    band: b,
    termMonths: bp.termMonths,
    startFen: steps.startFen,
    bounds: steps.bounds.map((x) => ({ bound: x.bound, capFen: x.capFen })),
    binding: steps.binding,
    limitFen: offered.offered ? offered.offer.limitFen : null,
    annualRateBeforeCap: policy.bands[b].annualRate,
    annualRate: bp.annualRate,
    repriced: bp.repriced,
    aprNominal: bp.aprNominal,
    aprEffective: bp.aprEffective,
    refused: offered.offered ? [] : offered.reasons.map((r) => r.code),
  };
}

/** The replay's input: the recorded decision (without its trace) and the trace. */
interface ReadRecord {
  readonly recorded: Record<string, unknown>;
  readonly trace: DecisionTrace;
}

/**
 * Reads a traced decision (`decide(..., { trace: true })`) or a decision record (`{ decision, trace }`).
 * @throws {RiskcardError} when the input is neither (issues name the path, never a value)
 * @internal
 */
export function readRecord(input: unknown): ReadRecord {
  const bad = (path: (string | number)[], message: string) =>
    new RiskcardError([issue("invalid_value", path, message)], "decision record");
  if (typeof input !== "object" || input === null) throw bad([], "expected a traced decision or a decision record");
  const o = input as Record<string, unknown>;
  let recorded: Record<string, unknown>;
  let trace: unknown;
  if (o.format === RECORD_FORMAT) {
    recorded = o.decision as Record<string, unknown>;
    trace = o.trace;
  } else {
    const { trace: t, ...rest } = o;
    recorded = rest;
    trace = t;
  }
  if (typeof recorded !== "object" || recorded === null) throw bad(["decision"], "expected the recorded decision");
  if (typeof trace !== "object" || trace === null)
    throw bad(["trace"], "expected a trace (decide with { trace: true })");
  const t = trace as Partial<DecisionTrace>;
  if (t.format !== "riskcard.trace" || t.version !== 1)
    throw bad(["trace", "format"], "expected riskcard.trace version 1");
  for (const k of ["guards", "features", "facts", "offerInputs", "artefacts"] as const)
    if (typeof t[k] !== "object" || t[k] === null) throw bad(["trace", k], "expected an object");
  if (typeof t.applicantId !== "string") throw bad(["trace", "applicantId"], "expected a string");
  if (!Number.isSafeInteger(t.asOf)) throw bad(["trace", "asOf"], "expected epoch ms");
  return { recorded, trace: trace as DecisionTrace };
}

/**
 * The format name of a decision record (`toDecisionRecord`).
 * @example RECORD_FORMAT // => "riskcard.decision-record"
 */
export const RECORD_FORMAT = "riskcard.decision-record";

/** Value of a string fact that is in none of the rule set's lists (a replay never sees the real value). */
const UNLISTED = "riskcard:replay:unlisted";

/**
 * Fills the engine's feature vector and facts from a trace (features by name, facts the rules
 * read by name); what the trace lacks is set missing and returned by name.
 * @internal
 */
export function fillFromTrace(ctx: TraceContext, trace: DecisionTrace): string[] {
  const notRecorded: string[] = [];
  const { vector, facts } = ctx;
  const values = vector.values as Float64Array;
  const missing = vector.missing as Uint8Array;
  for (let i = 0; i < vector.names.length; i++) {
    const name = vector.names[i]!;
    const v = Object.hasOwn(trace.features, name) ? trace.features[name] : undefined;
    if (v === undefined) notRecorded.push(`features.${name}`);
    if (typeof v === "number" && Number.isFinite(v)) {
      values[i] = v;
      missing[i] = 0;
    } else {
      values[i] = 0;
      missing[i] = 1;
    }
  }
  facts.values.fill(0);
  facts.missing.fill(1);
  facts.strings.fill(undefined);
  const cat = facts.catalog.facts;
  for (const i of ctx.factSlots) {
    const f = cat[i]!;
    const v = Object.hasOwn(trace.facts, f.name) ? trace.facts[f.name] : undefined;
    if (v === undefined) {
      notRecorded.push(`facts.${f.name}`);
      continue;
    }
    if (v === null) continue;
    if (f.type === "number" && typeof v === "number") facts.values[i] = v;
    else if (f.type === "boolean" && typeof v === "boolean") facts.values[i] = v ? 1 : 0;
    else if (f.type === "string" && typeof v === "object") {
      facts.strings[i] = f.name === "applicant.id" ? trace.applicantId : stringFor(ctx, v.lists);
    } else {
      notRecorded.push(`facts.${f.name}`);
      continue;
    }
    facts.missing[i] = 0;
  }
  return notRecorded;
}

/** A string in exactly the recorded lists when the engine's lists allow one, else one in none. */
function stringFor(ctx: TraceContext, lists: readonly string[]): string {
  const want = new Set(Array.isArray(lists) ? lists : []);
  for (const name of want) {
    for (const item of ctx.lists.get(name) ?? []) {
      let ok = true;
      for (const [other, set] of ctx.lists) if (set.has(item) !== want.has(other)) ok = false;
      if (ok) return item;
    }
  }
  return UNLISTED;
}

/**
 * JSON text with every object's keys sorted (arrays keep their order): the canonical form of a
 * record, the same bytes for the same content whatever the key order it was built or parsed in.
 * @param value a JSON value
 * @returns the canonical JSON text
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // => '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortKeys(x);
  }
  return out;
}

/**
 * Compares a replayed decision with the recorded one: artefacts by version string, decision
 * fields by canonical JSON (top-level fields, and one level down in objects: `offer.limitFen`).
 * @internal
 */
export function compareReplay(
  d: Decision,
  recorded: Record<string, unknown>,
  trace: DecisionTrace,
  current: DecisionTrace["artefacts"],
  notRecorded: string[],
): ReplayResult {
  const artefacts: ArtefactMismatch[] = [];
  for (const k of Object.keys(current) as (keyof DecisionTrace["artefacts"])[]) {
    const r = String(trace.artefacts[k]);
    const c = String(current[k]);
    if (r !== c) artefacts.push({ artefact: k, recorded: r, current: c });
  }
  const fields: string[] = [];
  const now = d as unknown as Record<string, unknown>;
  for (const k of Object.keys(now)) {
    const a = recorded[k];
    const b = now[k];
    if (canonicalJson(a) === canonicalJson(b)) continue;
    if (isPlain(a) && isPlain(b)) {
      const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
      for (const j of keys) if (canonicalJson(a[j]) !== canonicalJson(b[j])) fields.push(`${k}.${j}`);
    } else fields.push(k);
  }
  return Object.freeze({
    decision: d,
    identical: fields.length === 0 && canonicalJson(recorded) === canonicalJson(d),
    mismatches: Object.freeze({
      artefacts: Object.freeze(artefacts),
      fields: Object.freeze(fields),
      notRecorded: Object.freeze(notRecorded),
    }),
  });
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The canonical JSON text of a decision record for an append-only log: `{ format, version,
 * decision, trace, versions }` (decision without its trace; versions of the engine and every
 * artefact), keys sorted. One line; parse it and pass it to `engine.replay` to check it later.
 * @param decision a decision made with `{ trace: true }`
 * @returns one line of canonical JSON (no newline)
 * @throws {RiskcardError} when the decision has no trace
 * @example JSON.parse(toDecisionRecord(createEngine().decide(applicant, { asOf, trace: true }))).format // => "riskcard.decision-record"
 */
export function toDecisionRecord(decision: Decision & { readonly trace?: DecisionTrace }): string {
  const { recorded, trace } = readRecord(decision);
  return canonicalJson({
    format: RECORD_FORMAT,
    version: 1,
    decision: recorded,
    trace,
    versions: recorded.versions as DecisionVersions,
  });
}
