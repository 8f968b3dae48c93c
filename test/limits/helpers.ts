import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Policy, loadPolicyOrThrow } from "../../src/limits";

/** The shipped default policy JSON (a fresh, mutable copy each call). */
export function defaultPolicyJson(): Record<string, any> {
  const path = fileURLToPath(new URL("../../models/policy.json", import.meta.url));
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The default policy, loaded. */
export function defaultPolicy(): Policy {
  return loadPolicyOrThrow(defaultPolicyJson());
}
