import { z } from "zod";
import { type JsonLimits, guardJson, prefixIssues } from "../schema/json-guard";
import { parseApplicant, parseApplicantJson } from "../schema/parse";
import { ConfigError, type Issue, type Result, RiskcardError, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { armAt, assignmentPoint } from "../strategy/assign";
import type { EngineConfig } from "./config";
import { type DecideVia, decisionOf, jsonMethods } from "./decide-json";
import { type Engine, createEngine } from "./engine";
import { refuseWith } from "./strategy-engine";
import { readRecord } from "./trace";
import type { DecideOptions, Decision, ExperimentOutcome, ReplayResult, ShadowOutcome } from "./types";

/**
 * The arm name of the champion in `decision.experiment.arm`.
 * @example CHAMPION // => "champion"
 */
export const CHAMPION = "champion";

const ARM_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * The configuration of `createExperiment`, validated when the experiment is created.
 * @example experimentConfigSchema.safeParse({ champion: {}, challengers: [{ id: "new-card", config: {}, share: 0.1, mode: "live" }], salt: "s3cret-salt" }).success // => true
 */
export const experimentConfigSchema = z
  .strictObject({
    /** The engine configuration in force (any `EngineConfig`, a strategy included). */
    champion: z.unknown(),
    challengers: z
      .array(
        z.strictObject({
          id: z.string().regex(ARM_ID),
          config: z.unknown(),
          /** Live arms: the share of applicants this arm decides, in (0, 1]. Shadow arms take none (they see everyone). */
          share: z.number().gt(0).max(1).optional(),
          mode: z.enum(["live", "shadow"]),
        }),
      )
      .max(16),
    /** The secret key of the assignment hash (8 to 256 characters); changing it reshuffles every id. */
    salt: z.string().min(8).max(256),
  })
  .superRefine((v, ctx) => {
    const ids = new Set<string>([CHAMPION]);
    let live = 0;
    v.challengers.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: "custom",
          path: ["challengers", i, "id"],
          message: "duplicate arm id (or champion)",
          params: { code: "inconsistent" },
        });
      ids.add(c.id);
      if (c.mode === "live" && c.share === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["challengers", i, "share"],
          message: "a live arm needs a share",
          params: { code: "missing" },
        });
      if (c.mode === "shadow" && c.share !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["challengers", i, "share"],
          message: "a shadow arm sees every applicant: give no share",
          params: { code: "inconsistent" },
        });
      if (c.mode === "live") live += c.share ?? 0;
    });
    if (live > 1 + 1e-12)
      ctx.addIssue({
        code: "custom",
        path: ["challengers"],
        message: "the live shares add up to more than 1",
        params: { code: "too_big" },
      });
  });

/** The configuration of `createExperiment`. */
export type ExperimentConfig = z.input<typeof experimentConfigSchema> & {
  readonly champion: EngineConfig;
  readonly challengers: readonly {
    readonly id: string;
    readonly config: EngineConfig;
    readonly share?: number;
    readonly mode: "live" | "shadow";
  }[];
};

/** An arm of a compiled experiment. */
export interface ExperimentArm {
  readonly id: string;
  readonly mode: "champion" | "live" | "shadow";
  /** The share of applicants it decides (the champion: what the live arms leave); 0 for a shadow arm. */
  readonly share: number;
  readonly engine: Engine;
}

/** A compiled champion/challenger experiment: an `Engine` whose decisions carry `experiment`. */
export interface Experiment extends Engine {
  /** The champion, then the challengers in their declared order. */
  readonly arms: readonly ExperimentArm[];
  /**
   * The arm that decides an id (`"champion"` or a live challenger's id): `assignmentPoint(salt, id)` against the
   * running sums of the live shares.
   */
  armOf(applicantId: string): string;
}

/** Size budget of an experiment configuration outside its engine configurations (each checked by `createEngine`). */
const EXPERIMENT_LIMITS: JsonLimits = Object.freeze({ maxNodes: 1_000, maxChars: 20_000 });
const SKIP: ReadonlySet<string> = new Set(["champion", "challengers"]);

/**
 * Compiles a champion/challenger experiment, or returns the issues: the champion and every challenger
 * configuration are compiled by `createEngine` now, so a challenger that fails validation (a price over
 * the cap, an unreachable band, ...) is refused here with its issues under `["challengers", i, "config", ...]`.
 * `decide` validates the applicant once (`parseApplicant`), hashes its pseudonymous id with the salt
 * (`assignmentPoint`: HMAC-SHA256) into [0, 1): the live challengers take consecutive slices of their
 * shares in declared order, the champion the rest; that arm decides. Every shadow arm then decides the
 * same applicant and only its outcome, score, band and limit are kept. The decision is the deciding
 * arm's, byte for byte, plus `experiment: { arm, shadow: [{ arm, outcome, score, band, limitFen }] }`.
 * `replay` re-runs the arm recorded in `experiment.arm` (shadow arms are not replayed: `shadow` comes
 * back empty) and checks that the id is still assigned to that arm: when not, `experiment.arm` is among the
 * changed fields and `mismatches.route` holds `{ step: "arm", recorded, current }` (before any segment change
 * the deciding arm's strategy reports).
 * @param config `{ champion, challengers: [{ id, config, share?, mode }], salt }`
 * @returns `{ ok: true, value }` with the `Experiment`, or `{ ok: false, issues }` naming paths
 * @example safeCreateExperiment({ champion: {}, challengers: [{ id: "pricey", config: { policy: { ...policyJson, pricing: { ...policyJson.pricing, cap: { ...policyJson.pricing.cap, rate: 0.36 } } } }, share: 0.1, mode: "live" }], salt: "s3cret-salt" }).issues[0].path // => ["challengers", 0, "config", "policy", "pricing", "cap", "rate"] (a cap above 24%)
 */
export function safeCreateExperiment(config: ExperimentConfig): Result<Experiment> {
  const pre = guardJson(config, EXPERIMENT_LIMITS, { root: "object", skipRootKeys: SKIP });
  if (pre.length > 0) return fail(pre);
  const parsed = validateWith(experimentConfigSchema, config);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const problems: Issue[] = [];
  const compile = (c: unknown, at: (string | number)[]): Engine | undefined => {
    try {
      return createEngine(c as EngineConfig);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...prefixIssues(e.issues, at));
      return undefined;
    }
  };
  const champion = compile(v.champion, ["champion"]);
  const challengers = v.challengers.map((c, i) => compile(c.config, ["challengers", i, "config"]));
  if (problems.length > 0) return fail(problems);
  const live: Engine[] = [];
  const liveIds: string[] = [];
  const cumulative: number[] = [];
  const shadows: Engine[] = [];
  const shadowIds: string[] = [];
  let sum = 0;
  const arms: ExperimentArm[] = [];
  v.challengers.forEach((c, i) => {
    const engine = challengers[i]!;
    if (c.mode === "live") {
      sum += c.share!;
      live.push(engine);
      liveIds.push(c.id);
      cumulative.push(sum);
      arms.push(Object.freeze({ id: c.id, mode: "live", share: c.share!, engine }));
    } else {
      shadows.push(engine);
      shadowIds.push(c.id);
      arms.push(Object.freeze({ id: c.id, mode: "shadow", share: 0, engine }));
    }
  });
  const champ = champion!;
  arms.unshift(Object.freeze({ id: CHAMPION, mode: "champion", share: Math.max(0, 1 - sum), engine: champ }));
  const salt = v.salt;
  const cum = Float64Array.from(cumulative);
  const armIndex = (id: string): number => armAt(assignmentPoint(salt, id), cum);
  // The options every shadow arm decides with: the validated asOf and the caller's velocity counts, no trace.
  const shadowOptions: { asOf: number; velocity: DecideOptions["velocity"] } = { asOf: 0, velocity: undefined };

  // JSON text (decideJson) is parsed by parseApplicantJson: a frozen, registered value every arm recognises.
  const run: DecideVia = (input, options, json, throwing) => {
    const p = json ? parseApplicantJson(input as string) : parseApplicant(input);
    if (!p.ok) return refuseWith(champ, input, options, throwing, json);
    const a = p.value;
    const k = armIndex(a.id);
    const engine = k < 0 ? champ : live[k]!;
    let d: Decision;
    if (throwing) d = engine.decide(a, options);
    else {
      const r = engine.safeDecide(a, options);
      if (!r.ok) return r;
      d = r.value;
    }
    const shadow: ShadowOutcome[] = new Array(shadows.length);
    if (shadows.length > 0) {
      shadowOptions.asOf = d.asOf;
      try {
        shadowOptions.velocity = options.velocity;
      } catch {
        shadowOptions.velocity = undefined;
      }
      for (let i = 0; i < shadows.length; i++) {
        const r = shadows[i]!.safeDecide(a, shadowOptions as DecideOptions);
        // the arm decided already accepted these options; a shadow arm with other velocity facts may not
        if (!r.ok) throw new RiskcardError(prefixIssues(r.issues, ["shadow", i]), "decide options");
        const s = r.value;
        shadow[i] = Object.freeze({
          arm: shadowIds[i]!,
          outcome: s.outcome,
          score: s.score,
          band: s.band,
          limitFen: s.offer === null ? null : s.offer.limitFen,
        });
      }
    }
    const experiment: ExperimentOutcome = Object.freeze({
      arm: k < 0 ? CHAMPION : liveIds[k]!,
      shadow: Object.freeze(shadow),
    });
    return ok(Object.freeze({ ...d, experiment }));
  };
  const replay = (input: unknown): ReplayResult => {
    const { recorded, trace } = readRecord(input);
    const { experiment, ...rest } = recorded;
    const arm = (experiment as { arm?: unknown } | undefined)?.arm;
    const k = arm === CHAMPION ? -1 : liveIds.indexOf(String(arm));
    if (typeof arm !== "string" || (arm !== CHAMPION && k < 0))
      throw new RiskcardError(
        [issue("unknown_reference", ["decision", "experiment", "arm"], "not a deciding arm of this experiment")],
        "decision record",
      );
    const r = (k < 0 ? champ : live[k]!).replay({ ...rest, trace });
    const now = armIndex(trace.applicantId);
    const nowArm = now < 0 ? CHAMPION : liveIds[now]!;
    const sameArm = nowArm === arm;
    const replayed: ExperimentOutcome = Object.freeze({ arm: nowArm, shadow: Object.freeze([]) });
    return Object.freeze({
      decision: Object.freeze({ ...r.decision, experiment: replayed }),
      identical: r.identical && sameArm,
      mismatches: Object.freeze({
        ...r.mismatches,
        fields: sameArm ? r.mismatches.fields : Object.freeze([...r.mismatches.fields, "experiment.arm"]),
        ...(sameArm
          ? {}
          : {
              route: Object.freeze([
                Object.freeze({ step: "arm" as const, recorded: arm, current: nowArm }),
                ...(r.mismatches.route ?? []),
              ]),
            }),
      }),
    });
  };

  return ok(
    Object.freeze({
      versions: champ.versions,
      card: champ.card,
      arms: Object.freeze(arms),
      armOf: (id: string): string => {
        const k = armIndex(id);
        return k < 0 ? CHAMPION : liveIds[k]!;
      },
      safeDecide: (input: unknown, options: DecideOptions): Result<Decision> => run(input, options, false, false),
      decide: (input: unknown, options: DecideOptions): Decision => decisionOf(run(input, options, false, true)),
      ...jsonMethods(run),
      replay,
    }),
  );
}

/**
 * Compiles a champion/challenger experiment (see `safeCreateExperiment`), or throws.
 * @param config `{ champion, challengers: [{ id, config, share?, mode }], salt }`
 * @returns the `Experiment`
 * @throws {ConfigError} when the configuration, the champion or a challenger is invalid (issues under
 *   `["champion", ...]` or `["challengers", i, "config", ...]`)
 * @example createExperiment({ champion: {}, challengers: [{ id: "expert", config: { card: "expert" }, share: 0.1, mode: "live" }], salt: "s3cret-salt" }).arms.map((a) => a.id) // => ["champion", "expert"]
 */
export function createExperiment(config: ExperimentConfig): Experiment {
  const r = safeCreateExperiment(config);
  if (r.ok) return r.value;
  throw new ConfigError(r.issues, "experiment configuration");
}
