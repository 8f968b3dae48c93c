import { guardJson } from "../schema/json-guard";
import { type Result, fail, issue } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { CATALOG_LIMITS, compileSpecs } from "./compile";
import type { Catalog } from "./plan";
import { CATALOG_FORMAT, CATALOG_VERSION, catalogJsonSchema } from "./spec";

/**
 * Loads a feature catalog artefact (`{ format: "riskcard.features", version: 1, features: [...] }`),
 * as written by a risk team in JSON: first the pre-scan every loader shares (`guardJson` with
 * `CATALOG_LIMITS`: prototype-polluting keys, nesting over `MAX_JSON_DEPTH`, more than 200,000
 * values), then other formats and versions, then validates and compiles every declaration (at most
 * `MAX_ISSUES` issues and a summary).
 * @param json the parsed JSON artefact
 * @returns `{ ok: true, value: catalog }` (frozen) or `{ ok: false, issues }`
 * @example loadCatalog({ format: "riskcard.features", version: 2, features: [] }).ok // => false (unsupported_version)
 */
export function loadCatalog(json: unknown): Result<Catalog> {
  const pre = guardJson(json, CATALOG_LIMITS, { root: "object" });
  if (pre.length > 0) return fail(pre);
  const o = json as Record<string, unknown>;
  if (o.format !== CATALOG_FORMAT)
    return fail([issue("unsupported_version", ["format"], `format must be ${CATALOG_FORMAT}`)]);
  if (o.version !== CATALOG_VERSION)
    return fail([issue("unsupported_version", ["version"], `this build reads version ${CATALOG_VERSION}`)]);
  const r = validateWith(catalogJsonSchema, json);
  if (!r.ok) return r;
  const c = compileSpecs(
    r.value.features,
    r.value.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: r.value.utcOffsetMinutes },
  );
  if (c.ok) return c;
  return fail(
    c.issues.map((x) => (typeof x.path[0] === "number" ? issue(x.code, ["features", ...x.path], x.message) : x)),
  );
}

/**
 * A catalog as its JSON artefact (the inverse of `loadCatalog`).
 * @param catalog a compiled catalog
 * @returns a plain JSON object with `format`, `version`, `utcOffsetMinutes` and `features`
 * @example catalogToJSON(defaultCatalog).features.length // => 359
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
 * Adds user-defined declarations after a catalog's own (they may refer to its features), with the
 * same limits as `loadCatalog`: the pre-scan (`guardJson`, `CATALOG_LIMITS`; `specs` must be an
 * array), at most `MAX_CATALOG_FEATURES` in all, at most `MAX_ISSUES` issues and a summary.
 * @param base a compiled catalog (e.g. `defaultCatalog`)
 * @param specs more feature declarations (a JSON array)
 * @returns the extended catalog, or issues with paths into `specs`
 * @example extendCatalog(defaultCatalog, []).ok // => true
 */
export function extendCatalog(base: Catalog, specs: readonly unknown[]): Result<Catalog> {
  const pre = guardJson(specs, CATALOG_LIMITS, { root: "array" });
  if (pre.length > 0) return fail(pre);
  const n = base.specs.length;
  const r = compileSpecs([...base.specs, ...specs], { utcOffsetMinutes: base.utcOffsetMinutes });
  if (r.ok) return r;
  return fail(
    r.issues.map((x) =>
      typeof x.path[0] === "number" ? issue(x.code, [x.path[0] - n, ...x.path.slice(1)], x.message) : x,
    ),
  );
}
