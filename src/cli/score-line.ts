import type { Engine } from "../decision/engine";
import type { DecideOptions } from "../decision/types";
import { stringifyDecision } from "../decision/stringify-decision";
import type { Locale } from "../messages/locales";
import { parseApplicantJson } from "../schema/parse";
import { type Issue, issue } from "../schema/result";

/**
 * Longest JSONL line accepted, in characters.
 * @example MAX_LINE // => 4194304 (4 Mi characters)
 */
export const MAX_LINE = 4 << 20;

/** One scored line: the JSON text to write and whether it was a decision or an error record. */
export interface LineOutcome {
  readonly text: string;
  readonly ok: boolean;
}

/**
 * Decides one JSONL line: parses it, takes the decision time from `asOf` or, when that is null,
 * from the applicant's `application.appliedAt`, and returns the decision as JSON. An invalid line
 * gives an error record `{"line": n, "error": {"issues": [...]}}` instead (issues never echo values).
 * @param engine a compiled engine
 * @param text the line
 * @param line its 1-based line number in the input
 * @param asOf the decision time for every line (epoch ms), or null to use each `application.appliedAt`
 * @param locale the language of the reasons (`--locale`); the engine's default (English) when absent
 * @returns the JSON text (no newline) and whether it is a decision
 * @example JSON.parse(scoreLine(createEngine(), "{}", 3, 0).text).error.issues.length // => 3 (id, identity and consent are missing)
 */
export function scoreLine(
  engine: Engine,
  text: string,
  line: number,
  asOf: number | null,
  locale?: Locale,
): LineOutcome {
  if (text.length > MAX_LINE)
    return errorRecord(line, [issue("too_big", [], `line longer than ${MAX_LINE} characters`)]);
  const options = (when: number): DecideOptions => (locale === undefined ? { asOf: when } : { asOf: when, locale });
  // A valid line (the common case). With --as-of: decided from the text (`safeDecideJson`: validated in
  // place, neither copied nor frozen). Without it the decision time comes from the line, so the line is
  // parsed first (`parseApplicantJson`: validated and frozen in place; decide recognises it).
  if (asOf !== null) {
    const r = engine.safeDecideJson(text, options(asOf));
    if (r.ok) return { text: stringifyDecision(r.value), ok: true };
  } else {
    const fast = parseApplicantJson(text);
    if (fast.ok) {
      const when = decisionTime(fast.value, asOf);
      if (when === null) return errorRecord(line, [NO_TIME]);
      const r = engine.safeDecide(fast.value, options(when));
      return r.ok ? { text: stringifyDecision(r.value), ok: true } : errorRecord(line, r.issues);
    }
  }
  // Anything else takes the general path again (parsed a second time), so its error record keeps the
  // precedence of its issues: not JSON, then the missing decision time, then the options', then the applicant's.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return errorRecord(line, [issue("invalid_format", [], "line is not valid JSON")]);
  }
  const when = decisionTime(value, asOf);
  if (when === null) return errorRecord(line, [NO_TIME]);
  const r = engine.safeDecide(value, options(when));
  if (!r.ok) return errorRecord(line, r.issues);
  return { text: stringifyDecision(r.value), ok: true };
}

const NO_TIME = issue(
  "missing",
  ["application", "appliedAt"],
  "no decision time: pass --as-of or give application.appliedAt (epoch ms)",
);

/** The decision time of a line: `asOf` when given, else the value's `application.appliedAt` when it is a time, else null. */
function decisionTime(value: unknown, asOf: number | null): number | null {
  if (asOf !== null) return asOf;
  const app =
    value !== null && typeof value === "object"
      ? (value as { application?: { appliedAt?: unknown } }).application
      : undefined;
  const at = app !== null && typeof app === "object" ? app.appliedAt : undefined;
  return typeof at === "number" && Number.isSafeInteger(at) && at >= 0 ? at : null;
}

function errorRecord(line: number, issues: readonly Issue[]): LineOutcome {
  return { text: JSON.stringify({ line, error: { issues } }), ok: false };
}

/**
 * Parses a `--as-of` value: epoch milliseconds (digits) or an ISO 8601 date or date-time
 * (`2026-06-30`, `2026-06-30T12:00:00Z`; a date-time needs `Z` or an offset so it is not read in
 * the machine's time zone).
 * @param text the option value
 * @returns epoch ms, or null when the text is not a valid time
 * @example parseAsOf("2026-06-30") // => 1782777600000
 */
export function parseAsOf(text: string): number | null {
  if (/^\d{1,16}$/.test(text)) {
    const v = Number(text);
    return Number.isSafeInteger(v) ? v : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(text)) return null;
  const v = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isSafeInteger(v) && v >= 0 ? v : null;
}
