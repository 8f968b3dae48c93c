import { fromZodIssues } from "../schema/parse";
import { type Issue, type Result, fail, issue } from "../schema/result";
import { compileCatalog } from "./compile";
import type { Catalog } from "./plan";
import { CATALOG_FORMAT, CATALOG_VERSION, catalogJsonSchema } from "./spec";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
/** Largest catalog artefact accepted: nodes in the JSON tree, and nesting depth. */
export const CATALOG_LIMITS = Object.freeze({ nodes: 200_000, depth: 16 });

function scan(v: unknown, path: (string | number)[], depth: number, state: { nodes: number }, issues: Issue[]): void {
  if (issues.length > 20) return;
  state.nodes++;
  if (state.nodes > CATALOG_LIMITS.nodes) {
    if (state.nodes === CATALOG_LIMITS.nodes + 1)
      issues.push(issue("too_complex", [], `more than ${CATALOG_LIMITS.nodes} values`));
    return;
  }
  if (v === null || typeof v !== "object") return;
  if (depth > CATALOG_LIMITS.depth) {
    issues.push(issue("too_complex", path, `nested deeper than ${CATALOG_LIMITS.depth}`));
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) scan(v[i], [...path, i], depth + 1, state, issues);
    return;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN.has(k)) issues.push(issue("forbidden_key", [...path, k], "forbidden key"));
    else scan((v as Record<string, unknown>)[k], [...path, k], depth + 1, state, issues);
  }
}

/**
 * Loads a feature catalog artefact (`{ format: "riskcard.features", version: 1, features: [...] }`),
 * as written by a risk team in JSON: rejects prototype-polluting keys, oversized or too deep
 * input, other formats and versions, then validates and compiles every declaration.
 * @param json the parsed JSON artefact
 * @returns `{ ok: true, value: catalog }` (frozen) or `{ ok: false, issues }`
 * @example loadCatalog({ format: "riskcard.features", version: 2, features: [] }).ok // => false (unsupported_version)
 */
export function loadCatalog(json: unknown): Result<Catalog> {
  const issues: Issue[] = [];
  scan(json, [], 0, { nodes: 0 }, issues);
  if (issues.length > 0) return fail(issues);
  if (json !== null && typeof json === "object" && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if (o.format !== CATALOG_FORMAT)
      return fail([issue("unsupported_version", ["format"], `format must be ${CATALOG_FORMAT}`)]);
    if (o.version !== CATALOG_VERSION)
      return fail([issue("unsupported_version", ["version"], `this build reads version ${CATALOG_VERSION}`)]);
  }
  const r = catalogJsonSchema.safeParse(json, { reportInput: true });
  if (!r.success) return fail(fromZodIssues(r.error.issues));
  const c = compileCatalog(
    r.data.features,
    r.data.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: r.data.utcOffsetMinutes },
  );
  if (c.ok) return c;
  return fail(
    c.issues.map((x) => issue(x.code, typeof x.path[0] === "number" ? ["features", ...x.path] : x.path, x.message)),
  );
}

/**
 * A catalog as its JSON artefact (the inverse of `loadCatalog`).
 * @param catalog a compiled catalog
 * @returns a plain JSON object with `format`, `version`, `utcOffsetMinutes` and `features`
 * @example catalogToJSON(defaultCatalog).features.length // => 101
 */
export function catalogToJSON(catalog: Catalog): {
  format: string;
  version: number;
  utcOffsetMinutes: number;
  features: unknown[];
} {
  return {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    utcOffsetMinutes: catalog.utcOffsetMinutes,
    features: structuredClone([...catalog.specs]),
  };
}

/**
 * Adds user-defined declarations after a catalog's own (they may refer to its features).
 * @param base a compiled catalog (e.g. `defaultCatalog`)
 * @param specs more feature declarations (plain JSON)
 * @returns the extended catalog, or issues with paths into `specs`
 * @example extendCatalog(defaultCatalog, []).ok // => true
 */
export function extendCatalog(base: Catalog, specs: readonly unknown[]): Result<Catalog> {
  const n = base.specs.length;
  const r = compileCatalog([...base.specs, ...specs], { utcOffsetMinutes: base.utcOffsetMinutes });
  if (r.ok) return r;
  return fail(
    r.issues.map((x) =>
      typeof x.path[0] === "number" ? issue(x.code, [x.path[0] - n, ...x.path.slice(1)], x.message) : x,
    ),
  );
}
