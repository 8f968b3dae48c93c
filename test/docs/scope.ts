/**
 * The names an example may use besides its own (test/docs/examples.test.ts for doc comments,
 * test/docs/readme-examples.test.ts for the README): the public barrels' exports, `readFileSync` and zod's `z`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every `.ts` file under `dir`, sorted. */
export function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
    });
}

/** The public barrels' exports, the lowest-priority names in an example's scope (with `readFileSync` and zod's `z`). */
export async function barrelScope(sources: readonly string[]): Promise<Record<string, unknown>> {
  const barrels = sources.filter((p) => p.endsWith(`${"/"}index.ts`));
  const scope: Record<string, unknown> = { readFileSync, z };
  for (const b of barrels) Object.assign(scope, await import(pathToFileURL(b).href));
  return scope;
}
