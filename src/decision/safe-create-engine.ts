import { ConfigError, fail, ok, type Result } from "../schema/result";
import type { EngineConfig } from "./config";
import { createEngine, type Engine } from "./engine";

/**
 * `createEngine` as a `Result`: the same checks and the same issues, returned instead of thrown
 * (the `safe`-prefixed twin of a throwing builder, README Conventions).
 * @param config optional `EngineConfig` (plain JSON; validated at run time)
 * @returns `{ ok: true, value: engine }`, or `{ ok: false, issues }` with the issues `createEngine`'s
 *   `ConfigError` would carry
 * @throws only what `createEngine` throws besides `ConfigError` (a bug, never bad configuration)
 * @example safeCreateEngine({ declinePd: 2 }).ok // => false
 */
export function safeCreateEngine(config: EngineConfig = {}): Result<Engine> {
  try {
    return ok(createEngine(config));
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.issues);
    throw e;
  }
}
