import defaultStrategyJson from "../../models/strategy.json";
import type { AnyFormApplicant } from "../schema/applicant";
import { applyConsent } from "../schema/consent";
import { prefixIssues } from "../schema/json-guard";
import { parseApplicant, parseApplicantJson } from "../schema/parse";
import { ConfigError, type Issue, type Result, RiskcardError, fail, issue, ok } from "../schema/result";
// Not the "../strategy" barrel: it also holds the experiment assignment (node:crypto), which a strategy does not need.
import { loadStrategy } from "../strategy/load";
import { NOT_INVITED, type Router, compileRouter } from "../strategy/route";
import { ELIGIBILITY_SEGMENT } from "../strategy/schema";
import type { EngineConfig } from "./config";
import { type DecideVia, decisionOf, jsonMethods } from "./decide-json";
import { type Engine, digest } from "./engine";
import { checkAsOf } from "./options";
import { compareReplay, readRecord, traceGuards } from "./trace";
import type { DecideOptions, Decision, DecisionTrace, DecisionVersions, ReplayResult } from "./types";

/**
 * The reason code of an application declined by a strategy's eligibility step because its id is not
 * on the invitation list (`eligibility.invitationOnly`).
 * @example ELIGIBILITY_NOT_INVITED // => "ELIGIBILITY_NOT_INVITED"
 */
export const ELIGIBILITY_NOT_INVITED = "ELIGIBILITY_NOT_INVITED";

/**
 * Compiles the engine of a strategy (`createEngine({ strategy })` calls it): the strategy is loaded
 * and validated (`loadStrategy`), every named engine configuration compiled once by `compile`, and
 * `decide` validates the applicant once (`parseApplicant`), runs the eligibility step, routes the
 * applicant to its segment (`compileRouter`) and returns that segment engine's decision with
 * `versions.segment` added: byte for byte the decision of a plain engine with the segment's
 * configuration, apart from that field. An eligibility decline is decided before scoring: outcome
 * `decline`, reason `ELIGIBILITY_NOT_INVITED` (source `eligibility`), not scored (placeholders score 0, PD 1,
 * band E; `versions.scorecard` "none"), no guards, no fraud hits and no offer; it reads no velocity counts (only
 * `asOf` is checked). Decided with `{ trace: true }` it carries a trace of the guards' inputs and the route
 * (no features, facts or characteristics; artefacts "none"), so that `toDecisionRecord` can log it.
 * A traced decision's trace records `route`, the routing attributes the segments read; `replay` re-runs the
 * recorded segment's engine and routes again from `route` (eligibility and `invited` from the id and the
 * current invitation list): a different segment, or an eligibility decline, is reported in `mismatches.route`
 * (`{ step: "segment", recorded, current }`) with `versions.segment` among the changed fields; a record without
 * `route` (or lacking an attribute the segments now read) is not re-routed and says so in `notRecorded`.
 * A recorded eligibility decline is routed again and re-created: an id now invited is reported as
 * `{ step: "segment", recorded: "eligibility", current }` (its decision is not re-scored: nothing was recorded).
 * @param config the engine configuration holding `strategy` and nothing else
 * @param compile `createEngine` (passed in, so this module does not import the engine back)
 * @returns the engine
 * @throws {ConfigError} when the strategy or one of its engine configurations is invalid (issues under
 *   `["strategy", ...]`; an engine's issues under `["strategy", "engines", name, ...]`), or another key is given
 * @example createStrategyEngine({ strategy: "default" }, createEngine).versions.segment.startsWith("* (riskcard default strategy@1 #") // => true
 * @internal
 */
export function createStrategyEngine(config: EngineConfig, compile: (c: EngineConfig) => Engine): Engine {
  const others = Object.keys(config).filter(
    (k) => k !== "strategy" && (config as Record<string, unknown>)[k] !== undefined,
  );
  if (others.length > 0)
    throw new ConfigError(
      others.map((k) =>
        issue("inconsistent", [k], "give it in the strategy's engine configurations, not beside a strategy"),
      ),
      "engine configuration",
    );
  const json = config.strategy === "default" ? defaultStrategyJson : config.strategy;
  const loaded = loadStrategy(json);
  if (!loaded.ok) throw new ConfigError(prefixIssues(loaded.issues, ["strategy"]), "engine configuration");
  const strategy = loaded.value;
  const tag = `${strategy.name}@${strategy.version} #${digest(strategy)}`;
  const byName = new Map<string, Engine>();
  const problems: Issue[] = [];
  for (const name of new Set(strategy.segments.map((s) => s.engine))) {
    try {
      byName.set(name, compile(strategy.engines[name] as EngineConfig));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...prefixIssues(e.issues, ["strategy", "engines", name]));
    }
  }
  if (problems.length > 0) throw new ConfigError(problems, "engine configuration");
  const engines = strategy.segments.map((s) => byName.get(s.engine)!);
  const versions = strategy.segments.map((s, i) =>
    Object.freeze({ ...engines[i]!.versions, segment: `${s.id} (${tag})` }),
  );
  const segmentIndex = new Map(strategy.segments.map((s, i) => [s.id, i]));
  const router = compileRouter(strategy);
  const first = engines[0]!;
  const eligibilityVersions: DecisionVersions = Object.freeze({
    engine: first.versions.engine,
    scorecard: "none",
    rules: "none",
    policy: "none",
    features: "none",
    segment: `${ELIGIBILITY_SEGMENT} (${tag})`,
  });
  const notInvitedReasons = Object.freeze([
    Object.freeze({
      code: ELIGIBILITY_NOT_INVITED,
      message: "The applicant is not on the invitation list",
      source: "eligibility" as const,
    }),
  ]);
  const noFraud = Object.freeze({ action: "none", fraudAction: "none", score: 0, hits: Object.freeze([]) });
  const noGuards = Object.freeze([]);

  // On invalid input the first segment's engine reports the issues (options first, then the applicant, as a
  // plain engine does); `throwing` picks decide (throws RiskcardError) or safeDecide (returns the Result).
  // JSON text (decideJson) is parsed by parseApplicantJson: a frozen, registered value the segment engine recognises.
  const run: DecideVia = (input, options, json, throwing) => {
    const p = json ? parseApplicantJson(input as string) : parseApplicant(input);
    if (!p.ok) return refuseWith(first, input, options, throwing, json);
    const a = p.value;
    let asOf: unknown;
    try {
      asOf = options?.asOf;
    } catch {
      asOf = undefined;
    }
    if (checkAsOf(asOf) !== undefined) return refuseWith(first, a, options, throwing);
    // Routing reads only what the applicant consented to: a bureau report without consent routes as a thin file.
    const consented = applyConsent(a);
    const s = router.route(consented, asOf as number);
    if (s === NOT_INVITED) {
      const d = notInvited(a.id, asOf as number);
      let traced: unknown;
      try {
        traced = options?.trace;
      } catch {
        traced = undefined;
      }
      return ok(traced === true ? Object.freeze({ ...d, trace: notInvitedTrace(a, consented, d.asOf) }) : d);
    }
    let d: Decision;
    if (throwing) d = engines[s]!.decide(a, options);
    else {
      const r = engines[s]!.safeDecide(a, options);
      if (!r.ok) return r;
      d = r.value;
    }
    // a traced decision records what the routing read, for replay to route again
    return ok(withSegment(d, versions[s]!, d.trace === undefined ? undefined : router, consented));
  };
  const notInvited = (applicantId: string, asOf: number): Decision =>
    Object.freeze({
      applicantId,
      asOf,
      outcome: "decline",
      score: 0,
      band: "E",
      pd: 1,
      reasons: notInvitedReasons,
      guards: noGuards,
      fraud: noFraud,
      offer: null,
      versions: eligibilityVersions,
    });

  const segmentName = (k: number): string => (k === NOT_INVITED ? ELIGIBILITY_SEGMENT : strategy.segments[k]!.id);
  // An eligibility decline's trace: the guards' inputs and the route, nothing scored (see createStrategyEngine).
  const eligibilityArtefacts = Object.freeze({ ...eligibilityVersions, thresholds: "none" });
  const notInvitedTrace = (a: AnyFormApplicant, consented: AnyFormApplicant, asOf: number): DecisionTrace =>
    Object.freeze({
      format: "riskcard.trace",
      version: 1,
      applicantId: a.id,
      asOf,
      artefacts: eligibilityArtefacts,
      guards: traceGuards(a, asOf, strategy.utcOffsetMinutes ?? 480, []),
      features: Object.freeze({}),
      scorecard: Object.freeze({ characteristics: Object.freeze([]), score: 0, pd: 1, band: "E" as const }),
      facts: Object.freeze({}),
      rules: Object.freeze({ hits: Object.freeze([]), action: "none", fraudAction: "none", score: 0 }),
      offerInputs: Object.freeze({
        incomeVerified: false,
        monthlyObligationsFen: null,
        requestedAmountFen: a.application?.requestedAmountFen ?? null,
        requestedTermMonths: a.application?.requestedTermMonths ?? null,
      }),
      offer: null,
      route: router.attributes(consented, asOf),
    });
  // Replays an eligibility decline: routes the record again and re-creates the decline (nothing to score).
  const replayNotInvited = (recorded: Record<string, unknown>, trace: DecisionTrace): ReplayResult => {
    const now = router.routeRecorded(trace.applicantId, trace.route ?? {});
    const d = notInvited(trace.applicantId, trace.asOf);
    const r = compareReplay(d, recorded, trace, eligibilityArtefacts, []);
    if (typeof now !== "number" || now === NOT_INVITED) return r;
    return Object.freeze({
      ...r,
      identical: false,
      mismatches: Object.freeze({
        ...r.mismatches,
        route: Object.freeze([
          Object.freeze({ step: "segment" as const, recorded: ELIGIBILITY_SEGMENT, current: segmentName(now) }),
        ]),
        fields: r.mismatches.fields.includes("versions.segment")
          ? r.mismatches.fields
          : Object.freeze([...r.mismatches.fields, "versions.segment"]),
      }),
    });
  };
  const replay = (input: unknown): ReplayResult => {
    const { recorded, trace } = readRecord(input);
    const seg = (recorded.versions as { segment?: unknown } | undefined)?.segment;
    const id = typeof seg === "string" ? seg.slice(0, seg.indexOf(" (")) : "";
    if (id === ELIGIBILITY_SEGMENT) return replayNotInvited(recorded, trace);
    const s = segmentIndex.get(id);
    if (s === undefined)
      throw new RiskcardError(
        [issue("unknown_reference", ["decision", "versions", "segment"], "not a segment of this engine's strategy")],
        "decision record",
      );
    const { segment: _s, ...plainVersions } = recorded.versions as Record<string, unknown>;
    const { segment: _t, ...artefacts } = trace.artefacts as unknown as Record<string, unknown>;
    const { route, ...plainTrace } = trace;
    const r = engines[s]!.replay({ ...recorded, versions: plainVersions, trace: { ...plainTrace, artefacts } });
    // Route again from the recorded attributes with the current strategy: the same segment, or a route mismatch.
    const notRecorded: string[] = [];
    let now: number | undefined;
    if (typeof route !== "object" || route === null || Array.isArray(route)) notRecorded.push("route");
    else {
      const k = router.routeRecorded(trace.applicantId, route);
      if (typeof k === "number") now = k;
      else for (const name of k) notRecorded.push(`route.${name}`);
    }
    const rerouted = now !== undefined && now !== s;
    const current = versions[s]!;
    const same = seg === current.segment && !rerouted;
    return Object.freeze({
      decision: Object.freeze({ ...r.decision, versions: current }),
      identical: r.identical && same,
      mismatches: Object.freeze({
        ...r.mismatches,
        notRecorded:
          notRecorded.length === 0
            ? r.mismatches.notRecorded
            : Object.freeze([...r.mismatches.notRecorded, ...notRecorded]),
        ...(rerouted
          ? {
              route: Object.freeze([
                Object.freeze({ step: "segment" as const, recorded: id, current: segmentName(now!) }),
              ]),
            }
          : {}),
        fields: same ? r.mismatches.fields : Object.freeze([...r.mismatches.fields, "versions.segment"]),
        artefacts:
          seg === current.segment
            ? r.mismatches.artefacts
            : Object.freeze([
                ...r.mismatches.artefacts,
                { artefact: "segment", recorded: String(seg), current: current.segment },
              ]),
      }),
    });
  };

  return Object.freeze({
    versions: Object.freeze({ ...first.versions, segment: `* (${tag})` }),
    card: first.card,
    safeDecide: (input: unknown, options: DecideOptions): Result<Decision> => run(input, options, false, false),
    replay,
    // throwing: run returns only decisions (an invalid input throws inside)
    decide: (input: unknown, options: DecideOptions): Decision => decisionOf(run(input, options, false, true)),
    ...jsonMethods(run),
  });
}

/**
 * The segment engine's decision with `versions.segment` (and the trace's artefacts) naming the segment; a traced
 * decision's trace also records `route`, the attributes `router` read of the (consented) applicant.
 */
function withSegment(
  d: Decision,
  versions: DecisionVersions & { readonly segment: string },
  router?: Router,
  routed?: AnyFormApplicant,
): Decision {
  if (d.trace === undefined) return Object.freeze({ ...d, versions });
  const trace = Object.freeze({
    ...d.trace,
    artefacts: Object.freeze({ ...d.trace.artefacts, segment: versions.segment }),
    ...(router === undefined || routed === undefined ? {} : { route: router.attributes(routed, d.asOf) }),
  });
  return Object.freeze({ ...d, versions, trace });
}

/**
 * The issues of an input that an engine composed of others (a strategy, an experiment) found invalid,
 * as `engine` reports them (options first, then the applicant, as a plain engine does): `decide`'s error
 * when `throwing`, else `safeDecide`'s Result. Should `engine` accept the input on this second read
 * (getters that change their answer), it is still refused: it was never routed.
 * @param engine the engine whose issues are reported
 * @param input the applicant as given (JSON text when `json`)
 * @param options the options as given
 * @param throwing true for `decide` (throws), false for `safeDecide` (returns the Result)
 * @param json true when `input` is JSON text: `decideJson` / `safeDecideJson` report the issues
 * @returns the failed Result
 * @throws {RiskcardError} when `throwing`
 * @example refuseWith(createEngine(), { id: "x" }, { asOf }, false).ok // => false
 * @internal
 */
export function refuseWith(
  engine: Engine,
  input: unknown,
  options: DecideOptions,
  throwing: boolean,
  json = false,
): Result<Decision> {
  if (json) {
    const r = throwing
      ? ok(engine.decideJson(input as string, options))
      : engine.safeDecideJson(input as string, options);
    if (!r.ok) return r;
  } else if (throwing) engine.decide(input, options);
  else {
    const r = engine.safeDecide(input, options);
    if (!r.ok) return r;
  }
  const unreadable = [issue("invalid_value", [], "could not be read as plain data")];
  if (throwing) throw new RiskcardError(unreadable, "applicant");
  return fail(unreadable);
}
