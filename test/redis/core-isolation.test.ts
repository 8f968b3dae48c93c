import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

/** Every source file reachable from `entry` through relative static imports and re-exports. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      if (spec.endsWith(".json")) continue;
      const base = resolve(dirname(file), spec);
      const candidates = [`${base}.ts`, join(base, "index.ts")];
      const found = candidates.find((c) => {
        try {
          readFileSync(c);
          return true;
        } catch {
          return false;
        }
      });
      if (found === undefined) throw new Error(`unresolved import ${spec} in ${file}`);
      stack.push(found);
    }
  }
  return { files, packages };
}

describe("the core does not reach riskcard/redis", () => {
  it("createEngine's entry (src/index.ts) imports no file of src/redis and no Redis client", () => {
    const { files, packages } = reachable(join(root, "src/index.ts"));
    expect(files.size).toBeGreaterThan(20); // the walk follows the imports
    expect([...files].filter((f) => f.includes(`${join("src", "redis")}`))).toEqual([]);
    expect([...packages].filter((p) => p === "redis" || p.startsWith("@redis/") || p === "ioredis")).toEqual([]);
  });

  it("riskcard/redis imports no Redis client either (the user passes one)", () => {
    const { packages } = reachable(join(root, "src/redis/index.ts"));
    expect([...packages].sort()).toEqual(["node:crypto"]);
  });
});
