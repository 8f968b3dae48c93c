import type { EngineConfig } from "../decision/config";
import { createEngine } from "../decision/engine";

/** Options of `cutoffForApprovalRate`. */
export interface CutoffOptions {
  /** The decision time (epoch ms). */
  readonly asOf: number;
  /** The target approval rate, in [0, 1]. */
  readonly rate: number;
}

/** The result of `cutoffForApprovalRate`. */
export interface CutoffResult {
  /** The configuration with the new `reviewPd` (and `declinePd` raised to it when it was lower). */
  readonly config: EngineConfig;
  readonly reviewPd: number;
  readonly declinePd: number;
  readonly target: number;
  /** The approval rate of `config` on the applicants (counted by deciding them again). */
  readonly rate: number;
  /** True when `rate` is within 0.5 points of the target. */
  readonly withinTolerance: boolean;
  /** Why the target could not be met within 0.5 points (absent when it was). */
  readonly statement?: string;
}

/** 0.5 percentage points. */
const TOLERANCE = 0.005;

/**
 * Finds PD thresholds whose approval rate on the applicants is within 0.5 points of a target.
 * An applicant is approved when no guard, fraud rule or offer refusal stops it and its PD is
 * below `reviewPd` (and `declinePd`); so the applicants are decided once with the cutoffs at
 * their top (PD cutoff 1), which leaves those approvable at some cutoff with their PDs, and
 * `reviewPd` is put midway between the k-th and (k+1)-th of those PDs, k the attainable count
 * nearest the target. The result is checked by deciding everyone again with it. When the target
 * is out of reach (above the share approvable at any cutoff, or tied PDs) the nearest attainable
 * rate is returned with a statement why.
 * @param config the engine configuration to start from (`{}` for the defaults)
 * @param applicants the population (invalid applicants count as not approved)
 * @param options `{ asOf, rate }`
 * @returns `{ config, reviewPd, declinePd, target, rate, withinTolerance, statement? }`
 * @throws {RangeError} when `rate` is not in [0, 1]
 * @throws {ConfigError} when the configuration is invalid
 * @example cutoffForApprovalRate({}, [applicant], { asOf, rate: 1 }).rate // => 1
 */
export function cutoffForApprovalRate(
  config: EngineConfig,
  applicants: readonly unknown[],
  options: CutoffOptions,
): CutoffResult {
  const target = options.rate;
  if (typeof target !== "number" || !(target >= 0 && target <= 1))
    throw new RangeError("cutoffForApprovalRate: rate must be a number in [0, 1]");
  const open = createEngine({ ...config, reviewPd: OPEN, declinePd: 1 });
  const n = applicants.length;
  const pds: number[] = [];
  for (const a of applicants) {
    const r = open.safeDecide(a, { asOf: options.asOf });
    if (r.ok && r.value.outcome === "approve") pds.push(r.value.pd);
  }
  pds.sort((x, y) => x - y);
  // Attainable counts k: cut between pds[k-1] and pds[k] where they differ (and below OPEN).
  const want = target * n;
  let bestK = 0;
  for (let k = 0; k <= pds.length; k++) {
    const attainable = k === 0 ? pds.length === 0 || pds[0]! > 0 : k === pds.length || pds[k - 1]! < pds[k]!;
    if (attainable && Math.abs(k - want) < Math.abs(bestK - want)) bestK = k;
  }
  const lo = bestK === 0 ? 0 : pds[bestK - 1]!;
  const hi = bestK === pds.length ? OPEN : pds[bestK]!;
  let reviewPd = (lo + hi) / 2;
  if (!(reviewPd > 0)) reviewPd = Number.MIN_VALUE;
  const declinePd = Math.max(config.declinePd ?? 0.2, reviewPd);
  const out: EngineConfig = { ...config, reviewPd, declinePd };
  const check = createEngine(out);
  let approved = 0;
  for (const a of applicants) {
    const r = check.safeDecide(a, { asOf: options.asOf });
    if (r.ok && r.value.outcome === "approve") approved++;
  }
  const rate = n === 0 ? 0 : approved / n;
  const withinTolerance = Math.abs(rate - target) <= TOLERANCE + 1e-12;
  const result: CutoffResult = { config: out, reviewPd, declinePd, target, rate, withinTolerance };
  if (withinTolerance) return result;
  const max = n === 0 ? 0 : pds.length / n;
  const statement =
    target > max
      ? `At most ${pct(max)} of these applicants can be approved at any PD cutoff: the other ${n - pds.length} are declined or referred by the compliance guards, the fraud rules or the offer policy, whatever the cutoff.`
      : `No PD cutoff gives ${pct(target)}: applicants with tied PDs are approved or refused together, and the nearest attainable rate is ${pct(rate)}.`;
  return { ...result, statement };
}

/** The highest review cutoff the configuration accepts (reviewPd < 1). */
const OPEN = 1 - 1e-9;

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
