#!/usr/bin/env node
// The `riskcard` command (package.json "bin"; the one file of src/ that is published). In a checkout of
// the repository (src/cli/main.ts present and tsx installed, as after `npm ci`) it runs the TypeScript
// sources through tsx, so the command always runs the code in front of you and needs no build; in the
// published package (no sources) it runs the build in dist/, which `npm pack` / `npm publish` make
// first (the "prepack" script).
import { existsSync } from "node:fs";

const source = new URL("./main.ts", import.meta.url);
const built = new URL("../../dist/cli/main.js", import.meta.url);

async function fromSource() {
  if (!existsSync(source)) return false;
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    return false; // sources without their dev dependencies (e.g. a git install): use the build
  }
  register();
  await import(source.href);
  return true;
}

if (!(await fromSource())) {
  if (existsSync(built)) await import(built.href);
  else {
    process.stderr.write("riskcard: no build found (dist/cli/main.js); run `npm ci` or `npm run build` first\n");
    process.exitCode = 3;
  }
}
