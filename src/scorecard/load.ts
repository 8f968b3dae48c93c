import { type JsonLimits, guardJson, parseJsonText } from "../schema/json-guard";
import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { cardFromExpert, cardFromPoints } from "./card";
import { expertCardSchema, scorecardSchema } from "./schema";
import type { ExpertCardJSON, Scorecard, ScorecardJSON } from "./types";

/**
 * Size budget of a scorecard or expert card artefact (`guardJson`): 200,000 values and 5,000,000
 * characters in strings and keys (a card of 100 characteristics with 20 attributes each has about
 * 20,000 values).
 * @example SCORECARD_LIMITS // => { maxNodes: 200000, maxChars: 5000000 }
 */
export const SCORECARD_LIMITS: JsonLimits = Object.freeze({ maxNodes: 200_000, maxChars: 5_000_000 });

const FORMATS = { "riskcard.scorecard": [1, 2], "riskcard.expert-card": [1] } as const;
type Format = keyof typeof FORMATS;

function prepare(json: unknown, accept: readonly Format[]): Result<{ format: Format; value: unknown }> {
  let value = json;
  if (typeof json === "string") {
    const text = parseJsonText(json, SCORECARD_LIMITS);
    if (!text.ok) return text;
    value = text.value;
  }
  const scan = guardJson(value, SCORECARD_LIMITS, { root: "object" });
  if (scan.length > 0) return fail(scan);
  const o = value as Record<string, unknown>;
  if (o.format === undefined) return fail([issue("missing", ["format"], "required field is missing")]);
  if (typeof o.format !== "string" || !(accept as readonly string[]).includes(o.format))
    return fail([
      issue("unsupported_version", ["format"], `format must be ${accept.map((f) => `"${f}"`).join(" or ")}`),
    ]);
  const format = o.format as Format;
  if (o.version === undefined) return fail([issue("missing", ["version"], "required field is missing")]);
  if (!(FORMATS[format] as readonly unknown[]).includes(o.version))
    return fail([
      issue("unsupported_version", ["version"], `this build reads ${format} version ${FORMATS[format].join(", ")}`),
    ]);
  return ok({ format, value });
}

function build(format: Format, value: unknown): Result<Scorecard> {
  if (format === "riskcard.scorecard") {
    const r = validateWith(scorecardSchema, value);
    return r.ok ? ok(cardFromPoints(r.value as ScorecardJSON)) : r;
  }
  const r = validateWith(expertCardSchema, value);
  return r.ok ? ok(cardFromExpert(r.value as ExpertCardJSON)) : r;
}

/**
 * Loads a scorecard artefact of either kind (format `riskcard.scorecard` or `riskcard.expert-card`,
 * version 1 or 2; expert cards version 1) from parsed JSON or JSON text: first the pre-scan every loader shares (`guardJson`
 * with `SCORECARD_LIMITS`: forbidden keys `__proto__`, `constructor`, `prototype`, nesting over
 * `MAX_JSON_DEPTH`, more than 200,000 values or 5,000,000 characters), then unknown formats and
 * versions, unknown keys and every schema rule (at most `MAX_ISSUES` issues and a summary);
 * returns a deep-frozen card.
 * @param json the artefact (a parsed JSON value, or its text)
 * @returns `{ ok: true, value: card }` or `{ ok: false, issues }`
 * @example loadScorecard(JSON.parse(readFileSync("models/expert-card.json", "utf8"))).ok // => true
 */
export function loadScorecard(json: unknown): Result<Scorecard> {
  const p = prepare(json, ["riskcard.scorecard", "riskcard.expert-card"]);
  return p.ok ? build(p.value.format, p.value.value) : p;
}

/**
 * Loads an expert weighted card artefact (format `riskcard.expert-card` version 1): like
 * `loadScorecard` but accepts only that format. Weights that do not sum to 100% give an
 * `invalid_weights` issue stating the actual sum.
 * @param json the artefact (a parsed JSON value, or its text)
 * @returns `{ ok: true, value: card }` or `{ ok: false, issues }`
 * @example loadExpertCard({ ...expertCardJson, categories: expertCardJson.categories.map((c, i) => ({ ...c, weight: [50, 30, 20, 10][i] })) }).issues[0].message
 * // => "category weights sum to 110%; they must sum to 100%"
 */
export function loadExpertCard(json: unknown): Result<Scorecard> {
  const p = prepare(json, ["riskcard.expert-card"]);
  return p.ok ? build(p.value.format, p.value.value) : p;
}

function orThrow(r: Result<Scorecard>): Scorecard {
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues as Issue[], "scorecard");
}

/**
 * Throwing twin of `loadScorecard`: the same checks, the card itself or an `ArtefactError`.
 * @param json the artefact (a parsed JSON value, or its text)
 * @returns the deep-frozen card
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example loadScorecardOrThrow(scorecardJson).kind // => "points"
 */
export function loadScorecardOrThrow(json: unknown): Scorecard {
  return orThrow(loadScorecard(json));
}

/**
 * Deprecated name of `loadScorecardOrThrow` (documented before the Result-or-throw rule).
 * @deprecated use `loadScorecardOrThrow`
 * @param json the artefact
 * @returns the deep-frozen card
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example parseScorecard(scorecardJson).kind // => "points"
 */
export const parseScorecard: (json: unknown) => Scorecard = loadScorecardOrThrow;

/**
 * Throwing twin of `loadExpertCard`: the same checks, the card itself or an `ArtefactError`.
 * @param json the artefact (a parsed JSON value, or its text)
 * @returns the deep-frozen card
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example loadExpertCardOrThrow(expertCardJson).kind // => "expert"
 */
export function loadExpertCardOrThrow(json: unknown): Scorecard {
  return orThrow(loadExpertCard(json));
}

/**
 * Deprecated name of `loadExpertCardOrThrow` (documented before the Result-or-throw rule).
 * @deprecated use `loadExpertCardOrThrow`
 * @param json the artefact
 * @returns the deep-frozen card
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example parseExpertCard(expertCardJson).kind // => "expert"
 */
export const parseExpertCard: (json: unknown) => Scorecard = loadExpertCardOrThrow;

/**
 * Writes a card's artefact as canonical JSON text: keys in schema order, two-space indent, a final
 * newline. Loading that text and writing it again gives the same bytes.
 * @param card a loaded card
 * @returns the artefact text
 * @example loadScorecard(scorecardToJSON(loadScorecardOrThrow(scorecardJson))).ok // => true (a round trip)
 */
export function scorecardToJSON(card: Scorecard): string {
  return `${JSON.stringify(card.artefact, null, 2)}\n`;
}
