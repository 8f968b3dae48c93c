/**
 * Velocity stores: counts of events per key over sliding windows.
 *
 * `VelocityStore` is synchronous (the in-memory store below); `AsyncVelocityStore` is what an
 * external store (Redis sorted sets or bucketed counters) implements. `decide` never awaits:
 * counts are read before it, by `readVelocity` (sync) or `gatherFacts` (async).
 */
import { createHash } from "node:crypto";

/** One count request: events of `key` with `asOf - windowMs < at <= asOf`. */
export interface VelocityQuery {
  readonly key: string;
  readonly windowMs: number;
  readonly asOf: number;
}

/** A synchronous velocity store. */
export interface VelocityStore {
  /** Adds `count` (default 1) events of `key` at `at` (epoch ms). */
  record(key: string, at: number, count?: number): void;
  /** Events of `key` in the window `(asOf - windowMs, asOf]` (see the store's accuracy). */
  count(key: string, windowMs: number, asOf: number): number;
}

/** One event to record: `count` (default 1) events of `key` at `at` (epoch ms). */
export interface VelocityEvent {
  readonly key: string;
  readonly at: number;
  readonly count?: number;
}

/** An external (asynchronous) velocity store, for example backed by Redis (`riskcard/redis`). */
export interface AsyncVelocityStore {
  /** Counts for each query, in order; a rejected promise marks every count missing and the velocity unavailable. */
  countMany(queries: readonly VelocityQuery[]): Promise<readonly number[]>;
  /** Adds events (`recordApplicationAsync` calls it once per application); absent on a read-only store. */
  recordMany?(events: readonly VelocityEvent[]): Promise<void>;
}

/** One level of buckets: `buckets` counters of `bucketMs` each. */
export interface BucketLevel {
  readonly bucketMs: number;
  readonly buckets: number;
}

/** Options of `createMemoryVelocityStore`. */
export interface MemoryVelocityStoreOptions {
  /** Most keys kept; beyond it a key not written recently is evicted (second chance / CLOCK, default 100,000). */
  readonly maxKeys?: number;
  /** Bucket levels, finest first (default 10 min x 7, 1 h x 25, 1 day x 31). */
  readonly levels?: readonly BucketLevel[];
  /**
   * Longest key stored as is, in UTF-16 code units (default 256, at least 64): a longer key is
   * stored as its SHA-256 digest (see `createMemoryVelocityStore`), so memory stays bounded by the
   * options whatever the keys.
   */
  readonly maxKeyLength?: number;
}

/** The in-memory store, with its size for monitoring. */
export interface MemoryVelocityStore extends VelocityStore {
  /** Keys currently held. */
  readonly size: () => number;
  /** Bytes held by the counter arrays (the key map comes on top). */
  readonly counterBytes: () => number;
  /**
   * Bytes of the keys held, counted at 2 bytes per UTF-16 code unit (an upper bound on their
   * character data): at most `maxKeys x 2 x maxKeyLength`.
   */
  readonly keyBytes: () => number;
}

/**
 * The default bucket levels: 10 min x 7, 1 h x 25, 1 day x 31 (windows up to 30 days).
 * @example DEFAULT_BUCKET_LEVELS[0] // => { bucketMs: 600000, buckets: 7 }
 */
export const DEFAULT_BUCKET_LEVELS: readonly BucketLevel[] = Object.freeze([
  Object.freeze({ bucketMs: 600_000, buckets: 7 }),
  Object.freeze({ bucketMs: 3_600_000, buckets: 25 }),
  Object.freeze({ bucketMs: 86_400_000, buckets: 31 }),
]);
/**
 * A bucket counter saturates here (16 bits), in every store.
 * @example MAX_BUCKET_COUNT // => 65535
 */
export const MAX_BUCKET_COUNT = 65_535;

/**
 * Checks bucket levels: 1 to 8 levels, each `bucketMs >= 1000` and 2..10,000 buckets (integers),
 * spans `(buckets - 1) * bucketMs` strictly increasing from finest to coarsest.
 * @param levels the levels to check
 * @returns nothing
 * @throws {RangeError} when a level is invalid or the spans do not increase
 * @example checkBucketLevels(DEFAULT_BUCKET_LEVELS) // => undefined
 */
export function checkBucketLevels(levels: readonly BucketLevel[]): void {
  if (!Array.isArray(levels) || levels.length < 1 || levels.length > 8)
    throw new RangeError("levels must hold 1 to 8 levels");
  for (let l = 0; l < levels.length; l++) {
    const lv = levels[l]!;
    if (
      !Number.isSafeInteger(lv.bucketMs) ||
      lv.bucketMs < 1000 ||
      !Number.isSafeInteger(lv.buckets) ||
      lv.buckets < 2 ||
      lv.buckets > 10_000
    )
      throw new RangeError("each level needs bucketMs >= 1000 and 2..10000 buckets (integers)");
    if (l > 0 && lv.bucketMs * (lv.buckets - 1) <= levels[l - 1]!.bucketMs * (levels[l - 1]!.buckets - 1))
      throw new RangeError("levels must cover increasing spans");
  }
}

const DIGEST_MARK = "\u0000";

/**
 * The key the store holds for `key`: the key itself when it has at most `maxKeyLength` code units
 * and does not start with U+0000; otherwise U+0000 followed by the base64 SHA-256 digest of its
 * UTF-16 code units (45 characters). Distinct keys share counters only if SHA-256 collides (no
 * collision is known); a key held as is never equals a digest key, which starts with U+0000.
 */
function storedKey(key: string, maxKeyLength: number): string {
  if (key.length <= maxKeyLength && key.charCodeAt(0) !== 0) return key;
  // utf16le keeps every code unit, lone surrogates included (UTF-8 would map them all to U+FFFD).
  return DIGEST_MARK + createHash("sha256").update(Buffer.from(key, "utf16le")).digest("base64");
}

/**
 * Creates a synchronous in-memory velocity store with bounded memory.
 *
 * Each key holds, per level, a ring of 16-bit counters (saturating at 65,535) of `bucketMs` each.
 * A count over a window W uses the finest level with `(buckets - 1) * bucketMs >= W` and sums the
 * buckets overlapping `(asOf - W, asOf]`. Accuracy, for queries at or after the latest event
 * recorded for the key (the normal "now" case): it may include events up to one bucket older than
 * the window start, and never misses an event of the window unless its key was evicted. A query
 * further in the past than a level's ring reaches falls back to the next coarser level (up to one
 * of its buckets extra), and to whatever the coarsest ring still holds. Beyond `maxKeys` a key is
 * evicted by the second-chance (CLOCK) rule, an approximation of least-recently-written: keys
 * written since the hand last passed are skipped once. An evicted key's counts read 0.
 *
 * Memory is bounded by the options whatever the keys: a key longer than `maxKeyLength` (default
 * 256 code units), or starting with U+0000, is held as U+0000 + its base64 SHA-256 digest (45
 * characters); two distinct keys then share counters only if SHA-256 collides. Default memory:
 * 63 counters x 2 bytes + 3 heads x 8 bytes + 1 = 151 bytes per key, plus the key map (about 90
 * bytes per key measured) and the key text (at most 2 x `maxKeyLength` bytes, see `keyBytes`).
 * @param options `{ maxKeys?, levels?, maxKeyLength? }`
 * @returns the store
 * @throws {RangeError} when maxKeys or a level is not a positive integer, levels are not increasing,
 * or maxKeyLength is not an integer in [64, 65536]
 * @example const s = createMemoryVelocityStore(); s.record("device|apply|d1", 1000); s.count("device|apply|d1", 3_600_000, 2000) // => 1
 */
export function createMemoryVelocityStore(options: MemoryVelocityStoreOptions = {}): MemoryVelocityStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const levels = options.levels ?? DEFAULT_BUCKET_LEVELS;
  const maxKeyLength = options.maxKeyLength ?? 256;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new RangeError("maxKeys must be a positive integer");
  if (!Number.isSafeInteger(maxKeyLength) || maxKeyLength < 64 || maxKeyLength > 65_536)
    throw new RangeError("maxKeyLength must be an integer in [64, 65536]");
  checkBucketLevels(levels);
  const nl = levels.length;
  const bms = levels.map((l) => l.bucketMs);
  const nb = levels.map((l) => l.buckets);
  const offset: number[] = [];
  let perKey = 0;
  for (const l of levels) {
    offset.push(perKey);
    perKey += l.buckets;
  }
  const slots = new Map<string, number>();
  let capacity = Math.min(maxKeys, 1024);
  let used = 0;
  let counters = new Uint16Array(capacity * perKey);
  let heads = new Float64Array(capacity * nl);

  const grow = (): void => {
    const next = Math.min(maxKeys, capacity * 2);
    const c = new Uint16Array(next * perKey);
    c.set(counters);
    const h = new Float64Array(next * nl);
    h.set(heads);
    counters = c;
    heads = h;
    capacity = next;
  };

  // Second-chance (CLOCK) eviction: a written slot gets its bit set; the hand clears bits until it
  // finds a slot not written since its last pass. No Map reordering on the hot path.
  let keyOf: (string | undefined)[] = new Array<string | undefined>(capacity);
  let written = new Uint8Array(capacity);
  let hand = 0;
  let keyUnits = 0; // code units of the keys held
  const growKeys = (): void => {
    const k = new Array<string | undefined>(capacity);
    for (let i = 0; i < keyOf.length; i++) k[i] = keyOf[i];
    const w = new Uint8Array(capacity);
    w.set(written);
    keyOf = k;
    written = w;
  };

  const slotFor = (key: string): number => {
    const existing = slots.get(key);
    if (existing !== undefined) {
      written[existing] = 1;
      return existing;
    }
    let slot: number;
    if (used < maxKeys) {
      if (used === capacity) {
        grow();
        growKeys();
      }
      slot = used++;
    } else {
      while (written[hand] === 1) {
        written[hand] = 0;
        hand = (hand + 1) % maxKeys;
      }
      slot = hand;
      hand = (hand + 1) % maxKeys;
      const old = keyOf[slot]!;
      slots.delete(old);
      keyUnits -= old.length;
    }
    counters.fill(0, slot * perKey, (slot + 1) * perKey);
    heads.fill(-1, slot * nl, (slot + 1) * nl);
    slots.set(key, slot);
    keyOf[slot] = key;
    keyUnits += key.length;
    written[slot] = 1;
    return slot;
  };

  return {
    record(key: string, at: number, count = 1): void {
      if (typeof key !== "string") throw new TypeError("key must be a string");
      if (!Number.isSafeInteger(at) || at < 0)
        throw new RangeError("at must be a non-negative safe integer (epoch ms)");
      if (!Number.isSafeInteger(count) || count < 1) throw new RangeError("count must be a positive integer");
      const slot = slotFor(storedKey(key, maxKeyLength));
      for (let l = 0; l < nl; l++) {
        const b = Math.floor(at / bms[l]!);
        const B = nb[l]!;
        const hi = slot * nl + l;
        const base = slot * perKey + offset[l]!;
        const head = heads[hi]!;
        if (head < 0 || b >= head + B) {
          counters.fill(0, base, base + B);
          heads[hi] = b;
        } else if (b > head) {
          for (let x = head + 1; x <= b; x++) counters[base + (x % B)] = 0;
          heads[hi] = b;
        } else if (b <= head - B) continue; // older than this level keeps
        const i = base + (b % B);
        counters[i] = Math.min(MAX_BUCKET_COUNT, counters[i]! + count);
      }
    },
    count(key: string, windowMs: number, asOf: number): number {
      if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw new RangeError("windowMs must be a positive integer");
      if (!Number.isSafeInteger(asOf) || asOf < 0)
        throw new RangeError("asOf must be a non-negative safe integer (epoch ms)");
      let l = 0;
      while (l < nl && (nb[l]! - 1) * bms[l]! < windowMs) l++;
      if (l === nl) throw new RangeError("window longer than the store keeps");
      if (typeof key !== "string") throw new TypeError("key must be a string");
      const slot = slots.get(storedKey(key, maxKeyLength));
      if (slot === undefined) return 0;
      // Past queries: when a level's ring has already moved past the window start, use a coarser one.
      while (l < nl - 1 && Math.floor((asOf - windowMs + 1) / bms[l]!) < heads[slot * nl + l]! - nb[l]! + 1) l++;
      const B = nb[l]!;
      const head = heads[slot * nl + l]!;
      const base = slot * perKey + offset[l]!;
      // Events are at epoch ms >= 0, so no bucket below 0 holds any (and `x % B` would be negative there).
      const first = Math.max(Math.floor((asOf - windowMs + 1) / bms[l]!), head - B + 1, 0);
      const last = Math.min(Math.floor(asOf / bms[l]!), head);
      let sum = 0;
      for (let x = first; x <= last; x++) sum += counters[base + (x % B)]!;
      return sum;
    },
    size: () => slots.size,
    counterBytes: () => counters.byteLength + heads.byteLength,
    keyBytes: () => 2 * keyUnits,
  };
}
