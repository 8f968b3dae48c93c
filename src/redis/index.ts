/**
 * riskcard/redis: a velocity store in Redis or Redis Cluster, shared by every instance of a service
 * (`createRedisVelocityStore`). The Redis client (node-redis, the `redis` package) is an optional
 * peer dependency: the store takes a client you created; the core never loads this subpath.
 */
export {
  createRedisVelocityStore,
  type RedisEvalOptions,
  type RedisScriptClient,
  type RedisVelocityStore,
  type RedisVelocityStoreOptions,
  redisKey,
  VelocityStoreTimeoutError,
} from "./velocity-store";
