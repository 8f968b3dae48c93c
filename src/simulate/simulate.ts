import type { EngineConfig } from "../decision/config";
import { type Engine, createEngine } from "../decision/engine";
import type { Decision } from "../decision/types";

/** An engine, or the configuration to compile one from. */
export type EngineOrConfig = Engine | EngineConfig;

/** Known outcome of one applicant (`fixtures/outcomes.jsonl` form): did the loan default. */
export interface SimulationOutcome {
  readonly id: string;
  readonly defaulted: boolean;
}

/** Inputs of `simulate`. */
export interface SimulateInput {
  /** The policy in force: an engine or its configuration. */
  readonly base: EngineOrConfig;
  /** The policy considered. */
  readonly candidate: EngineOrConfig;
  /** Applicants (anything `decide` takes); invalid ones are counted, not decided. */
  readonly applicants: Iterable<unknown>;
  /** The decision time for every applicant (epoch ms). */
  readonly asOf: number;
  /** Known outcomes by applicant id, for the bad rate among approved applicants. */
  readonly outcomes?: Iterable<SimulationOutcome>;
}

type Outcome = Decision["outcome"];

/** What one policy does to the population. */
export interface PolicySummary {
  readonly approve: number;
  readonly review: number;
  readonly decline: number;
  /** Shares of the decided applicants, in [0, 1]. */
  readonly approvalRate: number;
  readonly reviewRate: number;
  readonly declineRate: number;
  /** Approved applicants with a known outcome, and the share of them that defaulted (null without outcomes). */
  readonly approvedWithOutcome: number;
  readonly badRate: number | null;
  /** Sum and mean of the offered limits (approved applicants), fen; mean 0 when none approved. */
  readonly totalLimitFen: number;
  readonly meanLimitFen: number;
  /** Mean nominal APR of the offers (0 when none approved). */
  readonly meanApr: number;
  /** Sum over approved applicants of PD x limit, fen (not rounded). */
  readonly expectedLossFen: number;
}

/** One applicant whose outcome, band or limit differs between the policies: the pseudonymous id only. */
export interface SimulationChange {
  readonly id: string;
  readonly outcome: readonly [Outcome, Outcome];
  readonly band: readonly [string, string];
  /** Offered limits, null when not approved. */
  readonly limitFen: readonly [number | null, number | null];
}

/** The result of `simulate`: plain JSON, keys and lists in a fixed order. */
export interface SimulationReport {
  readonly format: "riskcard.simulation";
  readonly version: 1;
  readonly asOf: number;
  /** Applicants decided, and those rejected as invalid input. */
  readonly decided: number;
  readonly invalid: number;
  readonly versions: { readonly base: Decision["versions"]; readonly candidate: Decision["versions"] };
  /** `swap[base][candidate]`: how many applicants went from one outcome to the other. */
  readonly swap: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>;
  readonly base: PolicySummary;
  readonly candidate: PolicySummary;
  /** For every reason code either policy gave: how many decisions carried it, before and after. */
  readonly reasons: readonly {
    readonly code: string;
    readonly base: number;
    readonly candidate: number;
    readonly change: number;
  }[];
  /** Applicants whose outcome, band or limit changed, in input order. */
  readonly changed: readonly SimulationChange[];
  /**
   * Only when a policy has a strategy: what each policy did per segment (`versions.segment`'s id,
   * `eligibility` for eligibility declines), rates over the applicants of that segment; ids sorted.
   */
  readonly segments?: GroupSummaries;
  /** Only when a policy is an experiment (`createExperiment`): what each policy did per deciding arm; ids sorted. */
  readonly arms?: GroupSummaries;
}

/** Per group (segment or arm) id, what each policy did to the applicants it put in that group. */
export interface GroupSummaries {
  readonly base: Readonly<Record<string, PolicySummary>>;
  readonly candidate: Readonly<Record<string, PolicySummary>>;
}

/**
 * The segment id of a decision made by an engine with a strategy (`versions.segment` up to its " ("), or undefined.
 * @param d a decision
 * @returns the segment id, or undefined for a plain engine's decision
 * @example segmentOf(createEngine({ strategy: "default" }).decide(applicant, { asOf })) // => "full-file"
 */
export function segmentOf(d: Decision): string | undefined {
  const s = d.versions.segment;
  if (s === undefined) return undefined;
  const i = s.indexOf(" (");
  return i < 0 ? s : s.slice(0, i);
}

/** Tallies per group id, each counting its own decided applicants. */
class Groups {
  readonly tallies = new Map<string, { tally: Tally; n: number }>();
  add(id: string | undefined, d: Decision, defaulted: boolean | undefined): void {
    if (id === undefined) return;
    let g = this.tallies.get(id);
    if (g === undefined) {
      g = { tally: new Tally(), n: 0 };
      this.tallies.set(id, g);
    }
    g.n++;
    g.tally.add(d, defaulted);
  }
  summaries(withOutcomes: boolean): Record<string, PolicySummary> {
    const out: Record<string, PolicySummary> = {};
    for (const id of [...this.tallies.keys()].sort()) {
      const g = this.tallies.get(id)!;
      out[id] = g.tally.summary(g.n, withOutcomes);
    }
    return out;
  }
}

/**
 * Compiles an engine from a configuration, or returns the engine given.
 * @param e an engine or an `EngineConfig`
 * @returns the engine
 * @throws {ConfigError} when the configuration is invalid
 * @example toEngine({ reviewPd: 0.1 }).versions.engine // => "riskcard-engine@1"
 */
export function toEngine(e: EngineOrConfig): Engine {
  return typeof (e as Engine).decide === "function" && typeof (e as Engine).safeDecide === "function"
    ? (e as Engine)
    : createEngine(e as EngineConfig);
}

/** Running totals of one policy. */
class Tally {
  readonly counts: Record<Outcome, number> = { approve: 0, review: 0, decline: 0 };
  approvedWithOutcome = 0;
  bad = 0;
  totalLimitFen = 0;
  aprSum = 0;
  expectedLossFen = 0;
  readonly reasons = new Map<string, number>();

  add(d: Decision, defaulted: boolean | undefined): void {
    this.counts[d.outcome]++;
    const seen = new Set<string>();
    for (const r of d.reasons) seen.add(r.code);
    for (const c of seen) this.reasons.set(c, (this.reasons.get(c) ?? 0) + 1);
    if (d.offer === null) return;
    this.totalLimitFen += d.offer.limitFen;
    this.aprSum += d.offer.aprNominal;
    this.expectedLossFen += d.pd * d.offer.limitFen;
    if (defaulted !== undefined) {
      this.approvedWithOutcome++;
      if (defaulted) this.bad++;
    }
  }

  summary(n: number, withOutcomes: boolean): PolicySummary {
    const { approve, review, decline } = this.counts;
    return {
      approve,
      review,
      decline,
      approvalRate: n === 0 ? 0 : approve / n,
      reviewRate: n === 0 ? 0 : review / n,
      declineRate: n === 0 ? 0 : decline / n,
      approvedWithOutcome: this.approvedWithOutcome,
      badRate: withOutcomes && this.approvedWithOutcome > 0 ? this.bad / this.approvedWithOutcome : null,
      totalLimitFen: this.totalLimitFen,
      meanLimitFen: approve === 0 ? 0 : this.totalLimitFen / approve,
      meanApr: approve === 0 ? 0 : this.aprSum / approve,
      expectedLossFen: this.expectedLossFen,
    };
  }
}

/**
 * What-if simulation of a policy change: decides every applicant with the base and the candidate
 * policy (engines or configurations) as of `asOf` and reports the 3x3 outcome swap matrix, the
 * approval, review and decline rates, the bad rate among approved applicants with known outcomes,
 * total and mean limit, mean APR, expected loss (sum of PD x limit) of each, per-reason count
 * changes and the pseudonymous ids whose outcome, band or limit changed; with a strategy (`createEngine({ strategy })`)
 * or an experiment (`createExperiment`, passed as the engine) the same summary per segment and per deciding arm.
 * Deterministic: the same inputs give the same report, whatever the machine.
 * @param input `{ base, candidate, applicants, asOf, outcomes? }`
 * @returns a `SimulationReport` (plain JSON)
 * @throws {ConfigError} when a configuration is invalid
 * @throws {RiskcardError} when `asOf` is invalid
 * @example simulate({ base: {}, candidate: { reviewPd: 0.1 }, applicants: [applicant], asOf }).swap.approve.approve // => 1
 */
export function simulate(input: SimulateInput): SimulationReport {
  const base = toEngine(input.base);
  const candidate = toEngine(input.candidate);
  const outcomes = new Map<string, boolean>();
  for (const o of input.outcomes ?? []) outcomes.set(o.id, o.defaulted);
  const withOutcomes = input.outcomes !== undefined;
  const swap: Record<Outcome, Record<Outcome, number>> = {
    approve: { approve: 0, review: 0, decline: 0 },
    review: { approve: 0, review: 0, decline: 0 },
    decline: { approve: 0, review: 0, decline: 0 },
  };
  const tb = new Tally();
  const tc = new Tally();
  const changed: SimulationChange[] = [];
  const segments = { base: new Groups(), candidate: new Groups() };
  const arms = { base: new Groups(), candidate: new Groups() };
  let decided = 0;
  let invalid = 0;
  const options = { asOf: input.asOf };
  for (const a of input.applicants) {
    const rb = base.safeDecide(a, options);
    if (!rb.ok) {
      invalid++;
      continue;
    }
    const b = rb.value;
    const c = candidate.decide(a, options);
    decided++;
    swap[b.outcome][c.outcome]++;
    const defaulted = outcomes.get(b.applicantId);
    tb.add(b, defaulted);
    tc.add(c, defaulted);
    segments.base.add(segmentOf(b), b, defaulted);
    segments.candidate.add(segmentOf(c), c, defaulted);
    arms.base.add(b.experiment?.arm, b, defaulted);
    arms.candidate.add(c.experiment?.arm, c, defaulted);
    const lb = b.offer === null ? null : b.offer.limitFen;
    const lc = c.offer === null ? null : c.offer.limitFen;
    if (b.outcome !== c.outcome || b.band !== c.band || lb !== lc)
      changed.push({ id: b.applicantId, outcome: [b.outcome, c.outcome], band: [b.band, c.band], limitFen: [lb, lc] });
  }
  const codes = [...new Set([...tb.reasons.keys(), ...tc.reasons.keys()])].sort();
  const groups = (g: { base: Groups; candidate: Groups }): GroupSummaries | undefined =>
    g.base.tallies.size === 0 && g.candidate.tallies.size === 0
      ? undefined
      : { base: g.base.summaries(withOutcomes), candidate: g.candidate.summaries(withOutcomes) };
  const bySegment = groups(segments);
  const byArm = groups(arms);
  const report: SimulationReport = {
    format: "riskcard.simulation",
    version: 1,
    asOf: input.asOf,
    decided,
    invalid,
    versions: { base: base.versions, candidate: candidate.versions },
    swap,
    base: tb.summary(decided, withOutcomes),
    candidate: tc.summary(decided, withOutcomes),
    reasons: codes.map((code) => {
      const nb = tb.reasons.get(code) ?? 0;
      const nc = tc.reasons.get(code) ?? 0;
      return { code, base: nb, candidate: nc, change: nc - nb };
    }),
    changed,
  };
  // added only when present, so that a report of two plain engines keeps its shape
  if (bySegment === undefined && byArm === undefined) return report;
  return {
    ...report,
    ...(bySegment === undefined ? {} : { segments: bySegment }),
    ...(byArm === undefined ? {} : { arms: byArm }),
  };
}
