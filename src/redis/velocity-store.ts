import { createHash } from "node:crypto";
import {
  type AsyncVelocityStore,
  type BucketLevel,
  DEFAULT_BUCKET_LEVELS,
  MAX_BUCKET_COUNT,
  type VelocityEvent,
  type VelocityQuery,
} from "../fraud/velocity-store";
import { checkBucketLevels } from "../fraud/internal";
import { countScript, recordScript } from "./lua";

/** `EVAL`/`EVALSHA` options as node-redis takes them. */
export interface RedisEvalOptions {
  readonly keys: string[];
  readonly arguments: string[];
}

/**
 * The part of a Redis client the store uses: `evalSha` and `eval` as node-redis (`redis` >= 5)
 * exposes them on `createClient()` and on `createCluster()` (which routes each call by its first
 * key). The store never imports a client: pass the one you created and connected.
 */
export interface RedisScriptClient {
  evalSha(sha1: string, options: RedisEvalOptions): Promise<unknown>;
  eval(script: string, options: RedisEvalOptions): Promise<unknown>;
}

/** Options of `createRedisVelocityStore`. */
export interface RedisVelocityStoreOptions {
  /** A connected node-redis client or cluster (`createClient()` / `createCluster()`), owned by the caller. */
  readonly client: RedisScriptClient;
  /** Prepended to every Redis key (default `riskcard:velocity:`); no `{` or `}`. */
  readonly prefix?: string;
  /** Bucket levels, finest first (default `DEFAULT_BUCKET_LEVELS`: 10 min x 7, 1 h x 25, 1 day x 31). */
  readonly levels?: readonly BucketLevel[];
  /** A key not written for this long is deleted by Redis (default: the coarsest level's buckets x bucketMs, 31 days). */
  readonly ttlMs?: number;
  /** Longest wait for one `countMany` or `recordMany`, in ms (default 50); past it the call rejects. */
  readonly timeoutMs?: number;
  /** Called with each failure (error, timeout, malformed reply) before the call rejects, for logs and metrics. */
  readonly onError?: (error: Error) => void;
}

/** The Redis velocity store: an `AsyncVelocityStore` that can record. */
export interface RedisVelocityStore extends AsyncVelocityStore {
  recordMany(events: readonly VelocityEvent[]): Promise<void>;
  /** The levels in use. */
  readonly levels: readonly BucketLevel[];
  /** The keys' time to live after their last write (ms). */
  readonly ttlMs: number;
  /** The per-call timeout (ms). */
  readonly timeoutMs: number;
  /** The Redis key holding a logical key's counters (for inspection: `TTL`, `MEMORY USAGE`). */
  redisKey(key: string): string;
}

/**
 * Rejection of a store call that did not finish within `timeoutMs`.
 * @example new VelocityStoreTimeoutError(50).name // => "VelocityStoreTimeoutError"
 */
export class VelocityStoreTimeoutError extends Error {
  override readonly name = "VelocityStoreTimeoutError";
  constructor(timeoutMs: number) {
    super(`the Redis velocity store did not answer within ${timeoutMs} ms`);
  }
}

interface Script {
  readonly text: string;
  readonly sha: string;
}

interface Group {
  readonly keys: string[];
  readonly index: Map<string, number>;
  readonly args: string[];
  /** For reads: the position in the caller's query list of each query of the group. */
  readonly slots: number[];
}

const MAX_KEY_LENGTH = 1024;

/**
 * The Redis key of a logical key: `prefix{tag}suffix`, where keys of the form `dimension|kind|value`
 * (see `velocityKey`) get the hash tag `dimension|value` and the suffix `kind`, so the apply and login
 * counters of one device (IP, identity) share a cluster slot and one decision reads them in one call;
 * other keys are their own tag.
 * @param prefix the store's prefix
 * @param key the logical key
 * @returns the Redis key and its hash tag
 * @throws {RangeError} when the key is empty, longer than 1,024 characters or holds `{` or `}`
 * @example redisKey("rc:", "device|apply|d-1") // => { key: "rc:{device|d-1}apply", tag: "device|d-1" }
 */
export function redisKey(prefix: string, key: string): { key: string; tag: string } {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new RangeError(`velocity keys must be strings of 1 to ${MAX_KEY_LENGTH} characters`);
  if (key.includes("{") || key.includes("}")) throw new RangeError("velocity keys must not contain { or }");
  const parts = key.split("|");
  if (parts.length === 3) {
    const tag = `${parts[0]}|${parts[2]}`;
    return { key: `${prefix}{${tag}}${parts[1]}`, tag };
  }
  return { key: `${prefix}{${key}}`, tag: key };
}

/**
 * Creates a velocity store in Redis (standalone or Cluster) with the memory store's bucketed windows.
 *
 * Each logical key is one Redis hash holding the memory store's rings (`createMemoryVelocityStore`:
 * per level, `buckets` counters of `bucketMs`, saturating at 65,535), updated and read by Lua scripts
 * (EVALSHA, falling back to EVAL when Redis lost its script cache), so the same events give the
 * same counts, with the same accuracy: a count over W sums the buckets overlapping
 * `(asOf - W, asOf]` at the finest level spanning W, so it may include events up to one bucket
 * older than the window start and never misses one of the window. Unlike the memory store there
 * is no `maxKeys` eviction; instead each key expires `ttlMs` after its last write (Redis clock), which
 * bounds memory to the keys written in the last `ttlMs` (about 66 small hash fields per key with the
 * default levels). With the default `ttlMs` (the coarsest span) an expired key would have read 0 for
 * every window anyway, as long as `asOf` follows the wall clock; replaying old events is not.
 *
 * Round trips: `countMany` sends one script call per hash slot touched (one per device, IP and
 * identity of a decision, as apply and login keys share a slot) and `recordMany` one per slot; the
 * client writes calls made in the same tick together (node-redis auto-pipelining), so one decision
 * reads in one round trip to a standalone Redis, and in one parallel round trip per node of a cluster.
 *
 * Failures: every call settles within `timeoutMs`; a Redis error, a timeout or a malformed reply
 * rejects (after `onError`), and `gatherFacts` turns that into missing counts marked `unavailable`,
 * which `decide` reports as `VELOCITY_UNAVAILABLE`. A late reply after a timeout is dropped (a
 * record may still land). Create the client with `disableOfflineQueue: true` so calls fail at once
 * while it reconnects instead of queueing; reconnection is the client's (`socket.reconnectStrategy`).
 * @param options `{ client, prefix?, levels?, ttlMs?, timeoutMs?, onError? }`
 * @returns the store
 * @throws {TypeError} when the client lacks `evalSha`/`eval`
 * @throws {RangeError} when the prefix, levels, ttlMs or timeoutMs are invalid
 * @example createRedisVelocityStore({ client: { evalSha: async () => [], eval: async () => [] } }).ttlMs // => 2678400000 (31 days; pass a connected createClient() or createCluster() in use)
 */
export function createRedisVelocityStore(options: RedisVelocityStoreOptions): RedisVelocityStore {
  const client = options?.client;
  if (typeof client?.evalSha !== "function" || typeof client.eval !== "function")
    throw new TypeError("client must be a connected node-redis client or cluster (evalSha and eval)");
  const prefix = options.prefix ?? "riskcard:velocity:";
  if (typeof prefix !== "string" || prefix.includes("{") || prefix.includes("}") || prefix.length > 256)
    throw new RangeError("prefix must be a string of at most 256 characters without { or }");
  const levels = Object.freeze((options.levels ?? DEFAULT_BUCKET_LEVELS).map((l) => Object.freeze({ ...l })));
  checkBucketLevels(levels);
  const coarsest = levels[levels.length - 1]!;
  const ttlMs = options.ttlMs ?? coarsest.buckets * coarsest.bucketMs;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000) throw new RangeError("ttlMs must be an integer >= 1000");
  const timeoutMs = options.timeoutMs ?? 50;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000)
    throw new RangeError("timeoutMs must be an integer from 1 to 60000");
  const maxWindow = (coarsest.buckets - 1) * coarsest.bucketMs;
  const onError = options.onError;
  const count = script(countScript(levels));
  const record = script(recordScript(levels, MAX_BUCKET_COUNT, ttlMs));

  const run = async (s: Script, g: Group): Promise<unknown> => {
    const opts: RedisEvalOptions = { keys: g.keys, arguments: g.args };
    try {
      return await client.evalSha(s.sha, opts);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith("NOSCRIPT")) throw e;
      return client.eval(s.text, opts);
    }
  };

  /** Settles within timeoutMs; reports the failure; the late settlement of `work` is handled and dropped. */
  const bounded = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown): void => {
        if (settled) return; // a late failure after the timeout was already reported
        settled = true;
        const err = e instanceof Error ? e : new Error("the Redis velocity store failed");
        try {
          onError?.(err);
        } catch {
          // a throwing onError must not turn into an unhandled rejection
        }
        reject(err);
      };
      const timer = setTimeout(() => fail(new VelocityStoreTimeoutError(timeoutMs)), timeoutMs);
      timer.unref?.();
      work.then(
        (v) => {
          clearTimeout(timer);
          settled = true;
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          fail(e);
        },
      );
    });

  const group = (groups: Map<string, Group>, key: string): { g: Group; ki: number } => {
    const rk = redisKey(prefix, key);
    let g = groups.get(rk.tag);
    if (g === undefined) {
      g = { keys: [], index: new Map(), args: ["0"], slots: [] };
      groups.set(rk.tag, g);
    }
    let ki = g.index.get(rk.key);
    if (ki === undefined) {
      g.keys.push(rk.key);
      ki = g.keys.length;
      g.index.set(rk.key, ki);
    }
    return { g, ki };
  };

  return Object.freeze({
    levels,
    ttlMs,
    timeoutMs,
    redisKey: (key: string) => redisKey(prefix, key).key,
    countMany(queries: readonly VelocityQuery[]): Promise<readonly number[]> {
      let groups: Map<string, Group>;
      try {
        if (!Array.isArray(queries)) throw new TypeError("queries must be an array");
        groups = new Map();
        queries.forEach((q, i) => {
          if (!Number.isSafeInteger(q?.windowMs) || q.windowMs < 1 || q.windowMs > maxWindow)
            throw new RangeError("windowMs must be a positive integer within the coarsest level's span");
          if (!Number.isSafeInteger(q.asOf) || q.asOf < 0)
            throw new RangeError("asOf must be a non-negative safe integer (epoch ms)");
          const { g, ki } = group(groups, q.key);
          g.args.push(String(ki), String(q.windowMs), String(q.asOf));
          g.slots.push(i);
        });
      } catch (e) {
        return Promise.reject(e);
      }
      const out: number[] = new Array(queries.length).fill(0);
      const calls: Promise<void>[] = [];
      for (const g of groups.values()) {
        g.args[0] = String(g.slots.length);
        calls.push(
          run(count, g).then((reply) => {
            if (!Array.isArray(reply) || reply.length !== g.slots.length)
              throw new Error("the Redis velocity store answered a malformed reply");
            for (let j = 0; j < g.slots.length; j++) {
              const n = Number(reply[j]);
              if (!Number.isSafeInteger(n) || n < 0) throw new Error("the Redis velocity store answered a bad count");
              out[g.slots[j]!] = n;
            }
          }),
        );
      }
      return bounded(Promise.all(calls).then(() => out));
    },
    recordMany(events: readonly VelocityEvent[]): Promise<void> {
      let groups: Map<string, Group>;
      try {
        if (!Array.isArray(events)) throw new TypeError("events must be an array");
        groups = new Map();
        for (const e of events) {
          const n = e?.count ?? 1;
          if (!Number.isSafeInteger(e?.at) || e.at < 0)
            throw new RangeError("at must be a non-negative safe integer (epoch ms)");
          if (!Number.isSafeInteger(n) || n < 1) throw new RangeError("count must be a positive integer");
          const { g, ki } = group(groups, e.key);
          g.args.push(String(ki), String(e.at), String(n));
          g.slots.push(0);
        }
      } catch (e) {
        return Promise.reject(e);
      }
      const calls: Promise<unknown>[] = [];
      for (const g of groups.values()) {
        g.args[0] = String(g.slots.length);
        calls.push(run(record, g));
      }
      return bounded(Promise.all(calls).then(() => undefined));
    },
  });
}

function script(text: string): Script {
  return { text, sha: createHash("sha1").update(text).digest("hex") };
}
