import { type JsonLimits, capIssues, deepFreeze, guardJson } from "../schema/json-guard";
import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { checkCoverage } from "./coverage";
import {
  ELIGIBILITY_SEGMENT,
  OPEN_ATTRIBUTES,
  OTHER_REGION,
  STRATEGY_FORMAT,
  type StrategySpec,
  strategySchema,
} from "./schema";

/**
 * Size budget of a strategy outside its engine configurations (each checked by `createEngine`):
 * room for an invitation list of a million ids.
 * @example STRATEGY_LIMITS // => { maxNodes: 1100000, maxChars: 140000000 }
 */
export const STRATEGY_LIMITS: JsonLimits = Object.freeze({ maxNodes: 1_100_000, maxChars: 140_000_000 });

/** A loaded strategy: validated, frozen (the engine configurations under `engines` are left to `createEngine`). */
export type Strategy = Readonly<StrategySpec>;

const SKIP: ReadonlySet<string> = new Set(["engines"]);

/**
 * Loads a strategy artefact (`riskcard.strategy` version 1). Checks, in order: the pre-scan every
 * loader shares (`guardJson` with `STRATEGY_LIMITS`; the engine configurations are pre-scanned by
 * `createEngine`), `format` and `version`, the schema (unknown attributes in a condition are
 * `unrecognized_key` at their path), then the references (segment ids unique, every segment's
 * engine declared, no strategy inside an engine configuration, `region`, `product` and `channel` only
 * with their `domains` entry and only its codes (or `"other"`), `invited` and `invitationOnly` only with an `invitationList`; the reserved words refused: `"other"` or a
 * repeated code in a `domains` list, `"eligibility"` as a segment id), then coverage
 * (`checkCoverage`: no two segments match the same applicant, every applicant matches one).
 * @param json the parsed JSON
 * @returns `{ ok: true, value }` with the frozen strategy, or `{ ok: false, issues }` naming paths (never values)
 * @example loadStrategy(defaultStrategyJson).ok // => true
 * @example loadStrategy({ ...defaultStrategyJson, segments: [defaultStrategyJson.segments[0]] }).issues[0].message // => "no segment routes applicants with bureauFile = true"
 */
export function loadStrategy(json: unknown): Result<Strategy> {
  const pre = guardJson(json, STRATEGY_LIMITS, { root: "object", skipRootKeys: SKIP });
  if (pre.length > 0) return fail(pre);
  const rec = json as Record<string, unknown>;
  if (rec.format !== STRATEGY_FORMAT)
    return fail([issue("unsupported_version", ["format"], `expected format "${STRATEGY_FORMAT}"`)]);
  if (rec.version !== 1) return fail([issue("unsupported_version", ["version"], "this build reads version 1")]);
  const parsed = validateWith(strategySchema, json);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  const issues: Issue[] = [];
  const ids = new Set<string>();
  // Reserved words of the routing: "other" is the value of every undeclared code of an open attribute (a declared
  // "other" could never be told apart from it), and "eligibility" names an eligibility decline in versions.segment.
  for (const name of OPEN_ATTRIBUTES)
    (s.domains?.[name] ?? []).forEach((code, k, all) => {
      if (code === OTHER_REGION)
        issues.push(
          issue(
            "invalid_value",
            ["domains", name, k],
            `"${OTHER_REGION}" is reserved: it is the value of every code not declared`,
          ),
        );
      else if (all.indexOf(code) < k) issues.push(issue("inconsistent", ["domains", name, k], "duplicate code"));
    });
  s.segments.forEach((seg, i) => {
    if (seg.id === ELIGIBILITY_SEGMENT)
      issues.push(
        issue(
          "invalid_value",
          ["segments", i, "id"],
          `"${ELIGIBILITY_SEGMENT}" is reserved: versions.segment names an eligibility decline with it`,
        ),
      );
    if (ids.has(seg.id)) issues.push(issue("inconsistent", ["segments", i, "id"], "duplicate segment id"));
    ids.add(seg.id);
    if (!Object.hasOwn(s.engines, seg.engine))
      issues.push(issue("unknown_reference", ["segments", i, "engine"], "not a key of engines"));
    for (const name of OPEN_ATTRIBUTES) {
      const r = seg.when[name];
      if (r === undefined) continue;
      const declared = s.domains?.[name];
      if (declared === undefined)
        issues.push(issue("unknown_reference", ["segments", i, "when", name], `declare domains.${name} to use it`));
      else {
        const key = r.in !== undefined ? "in" : "notIn";
        (r.in ?? r.notIn ?? []).forEach((code, k) => {
          if (code !== OTHER_REGION && !declared.includes(code))
            issues.push(issue("unknown_reference", ["segments", i, "when", name, key, k], `not in domains.${name}`));
        });
      }
    }
    if (seg.when.invited !== undefined && s.invitationList === undefined)
      issues.push(issue("unknown_reference", ["segments", i, "when", "invited"], "declare invitationList to use it"));
  });
  if (s.eligibility?.invitationOnly === true && s.invitationList === undefined)
    issues.push(issue("missing", ["invitationList"], "required by eligibility.invitationOnly"));
  for (const [name, cfg] of Object.entries(s.engines)) {
    if (typeof cfg !== "object" || cfg === null || Array.isArray(cfg))
      issues.push(issue("invalid_type", ["engines", name], "expected an engine configuration object"));
    else if ((cfg as Record<string, unknown>).strategy !== undefined)
      issues.push(
        issue("invalid_value", ["engines", name, "strategy"], "an engine of a strategy cannot hold a strategy"),
      );
  }
  if (issues.length > 0) return fail(capIssues(issues));
  const coverage = checkCoverage(
    s.segments.map((x) => x.when),
    s.domains ?? {},
  );
  if (coverage.length > 0) return fail(capIssues(coverage));
  // The engine configurations are compiled (and copied) by createEngine: they are not frozen here.
  const { engines, ...rest } = s;
  return ok(Object.freeze({ ...deepFreeze(rest), engines: Object.freeze({ ...engines }) }) as Strategy);
}

/**
 * Throwing variant of `loadStrategy`.
 * @param json the parsed JSON
 * @returns the frozen strategy
 * @throws {ArtefactError} carrying the issues when the strategy is invalid
 * @example loadStrategyOrThrow(defaultStrategyJson).segments.length // => 2
 */
export function loadStrategyOrThrow(json: unknown): Strategy {
  const r = loadStrategy(json);
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues, "strategy");
}
