import type { AnyFormApplicant } from "../schema/applicant";
import { VELOCITY_DIMENSIONS, VELOCITY_KINDS, type VelocityDimension, type VelocityKind } from "./catalog";
import { DEFAULT_FACT_CONFIG, type FactConfig } from "./fact-config";
import { type VelocityCounts, createVelocityCounts } from "./velocity-counts";
import type { AsyncVelocityStore, VelocityEvent, VelocityQuery, VelocityStore } from "./velocity-store";

/** Options of `readVelocity` and `gatherFacts`. */
export interface VelocityOptions {
  readonly asOf: number;
  readonly config?: FactConfig;
  /**
   * Key of the person across accounts (for example a keyed hash of the ID number held by the
   * host); the applicant id when omitted.
   */
  readonly identityKey?: string;
}

/**
 * The store key of one (dimension, kind, value): `dimension|kind|value`. Values are pseudonyms
 * ([A-Za-z0-9_.:-]), so `|` cannot collide.
 * @param dimension device, ip or identity
 * @param kind apply or login
 * @param value the device id, IP hash or identity key
 * @returns the key
 * @example velocityKey("device", "apply", "d-42") // => "device|apply|d-42"
 */
export function velocityKey(dimension: VelocityDimension, kind: VelocityKind, value: string): string {
  return `${dimension}|${kind}|${value}`;
}

function dimensionValue(
  applicant: AnyFormApplicant,
  d: VelocityDimension,
  identityKey: string | undefined,
): string | undefined {
  if (d === "device") return applicant.application?.deviceId;
  if (d === "ip") return applicant.application?.ipHash;
  return identityKey ?? applicant.id;
}

/** The queries for one applicant, in `VelocityCounts` order (undefined where the value is absent). */
function velocityQueries(applicant: AnyFormApplicant, options: VelocityOptions): (VelocityQuery | undefined)[] {
  if (typeof applicant !== "object" || applicant === null || typeof applicant.id !== "string")
    throw new TypeError("applicant must be a validated Applicant (see parseApplicant)");
  const config = options.config ?? DEFAULT_FACT_CONFIG;
  if (!Number.isSafeInteger(options.asOf) || options.asOf < 0)
    throw new RangeError("asOf must be a non-negative safe integer (epoch ms)");
  const out: (VelocityQuery | undefined)[] = [];
  for (const d of VELOCITY_DIMENSIONS) {
    const value = dimensionValue(applicant, d, options.identityKey);
    for (const k of VELOCITY_KINDS) {
      for (const w of config.windows) {
        out.push(
          value === undefined ? undefined : { key: velocityKey(d, k, value), windowMs: w.ms, asOf: options.asOf },
        );
      }
    }
  }
  return out;
}

/**
 * Reads cross-account velocity counts for one applicant from a synchronous store
 * (device and IP of the application, identity key; apply and login; every window).
 * Read before recording the current application, so counts are of earlier events.
 * @param applicant a validated applicant
 * @param store a synchronous store (`createMemoryVelocityStore`)
 * @param options `{ asOf, config?, identityKey? }`
 * @returns counts for `computeFacts({ velocity })`; missing where the applicant has no such key
 * @throws {RangeError} when asOf is invalid or a window is longer than the store keeps
 * @example readVelocity(applicant, createMemoryVelocityStore(), { asOf }).values[0] // => 0 (no earlier application from this device)
 */
export function readVelocity(
  applicant: AnyFormApplicant,
  store: VelocityStore,
  options: VelocityOptions,
): VelocityCounts {
  const counts = createVelocityCounts((options.config ?? DEFAULT_FACT_CONFIG).catalog);
  velocityQueries(applicant, options).forEach((q, i) => {
    if (q === undefined) return;
    counts.values[i] = store.count(q.key, q.windowMs, q.asOf);
    counts.missing[i] = 0;
  });
  return counts;
}

/**
 * Gathers velocity counts from an external (async) or in-memory store before `decide`, which
 * stays synchronous: `decide(applicant, { asOf, velocity: await gatherFacts(applicant, store, { asOf }) })`.
 * One `countMany` round trip; when it rejects (store down, timeout) or answers with the wrong
 * length, every count is missing and the result is marked `unavailable: true` (`decide` then adds
 * the `VELOCITY_UNAVAILABLE` reason); a single count that is not a non-negative finite number is
 * missing on its own (rules on missing counts do not fire).
 * @param applicant a validated applicant
 * @param store an `AsyncVelocityStore` or a synchronous `VelocityStore`
 * @param options `{ asOf, config?, identityKey? }`
 * @returns a promise of counts for `computeFacts({ velocity })`
 * @throws {RangeError} (as a rejected promise) when asOf is invalid
 * @example (await gatherFacts(applicant, createMemoryVelocityStore(), { asOf })).missing[0] // => 0
 */
export async function gatherFacts(
  applicant: AnyFormApplicant,
  store: AsyncVelocityStore | VelocityStore,
  options: VelocityOptions,
): Promise<VelocityCounts> {
  if (!("countMany" in store)) return readVelocity(applicant, store, options);
  const counts = createVelocityCounts((options.config ?? DEFAULT_FACT_CONFIG).catalog);
  const all = velocityQueries(applicant, options);
  const queries: VelocityQuery[] = [];
  const slots: number[] = [];
  all.forEach((q, i) => {
    if (q !== undefined) {
      queries.push(q);
      slots.push(i);
    }
  });
  if (queries.length === 0) return counts;
  let answer: readonly number[];
  try {
    answer = await store.countMany(queries);
  } catch {
    return { ...counts, unavailable: true };
  }
  if (!Array.isArray(answer) || answer.length !== queries.length) return { ...counts, unavailable: true };
  slots.forEach((slot, j) => {
    const n = answer[j];
    if (typeof n === "number" && Number.isFinite(n) && n >= 0) {
      counts.values[slot] = n;
      counts.missing[slot] = 0;
    }
  });
  return counts;
}

/**
 * The events one application adds to a velocity store: an `apply` event of its device, IP hash and
 * identity key at `application.appliedAt` (none without an `application`).
 * @param applicant a validated applicant
 * @param identityKey the identity key used when reading (the applicant id when omitted)
 * @returns the events, in dimension order (device, ip, identity; absent values left out)
 * @example applicationEvents(applicant).map((e) => e.key) // => ["device|apply|d-1", "identity|apply|t-1"] (no IP hash)
 */
export function applicationEvents(applicant: AnyFormApplicant, identityKey?: string): VelocityEvent[] {
  const app = applicant.application;
  const out: VelocityEvent[] = [];
  if (app === undefined) return out;
  for (const d of VELOCITY_DIMENSIONS) {
    const value = dimensionValue(applicant, d, identityKey);
    if (value !== undefined) out.push({ key: velocityKey(d, "apply", value), at: app.appliedAt });
  }
  return out;
}

/**
 * Records the current application in a synchronous store (apply events of its device, IP hash
 * and identity key at `application.appliedAt`); call after the decision.
 * @param store a synchronous store
 * @param applicant a validated applicant with an `application`
 * @param identityKey the identity key used when reading (the applicant id when omitted)
 * @returns nothing
 * @example const s = createMemoryVelocityStore(); recordApplication(s, applicant); readVelocity(applicant, s, { asOf }).values[0] // => 1 (this application, from this device, within 1 h)
 */
export function recordApplication(store: VelocityStore, applicant: AnyFormApplicant, identityKey?: string): void {
  for (const e of applicationEvents(applicant, identityKey)) store.record(e.key, e.at);
}

/**
 * Records the current application in an external store (one `recordMany` round trip) or a
 * synchronous one; call after the decision. Never rejects for a store failure: it resolves
 * `false` when the store rejected (down, timeout), so a request handler can answer anyway.
 * @param store an `AsyncVelocityStore` with `recordMany`, or a synchronous `VelocityStore`
 * @param applicant a validated applicant
 * @param identityKey the identity key used when reading (the applicant id when omitted)
 * @returns a promise of true when recorded (or nothing to record), false when the store failed
 * @throws {TypeError} (as a rejected promise) when an async store has no `recordMany`
 * @example await recordApplicationAsync(store, applicant) // => true
 */
export async function recordApplicationAsync(
  store: AsyncVelocityStore | VelocityStore,
  applicant: AnyFormApplicant,
  identityKey?: string,
): Promise<boolean> {
  if (!("countMany" in store)) {
    recordApplication(store, applicant, identityKey);
    return true;
  }
  if (typeof store.recordMany !== "function") throw new TypeError("the velocity store cannot record (no recordMany)");
  const events = applicationEvents(applicant, identityKey);
  if (events.length === 0) return true;
  try {
    await store.recordMany(events);
    return true;
  } catch {
    return false;
  }
}
