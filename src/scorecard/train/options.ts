/**
 * Checks every option of `trainScorecard` up front, before any work (optbinning style), and fills
 * in the defaults. Internal.
 */
import { type Issue, issue } from "../../schema/result";
import { pdoScaling } from "../pdo-scaling";
import type { Rounding, Scaling } from "../types";
import type { ReasonSpec, SharedTrainOptions, SplitOption } from "./types";

/** Options with defaults applied. */
export interface CheckedOptions {
  readonly date: string;
  readonly dataDescription: string | undefined;
  readonly name: string;
  readonly description: string | undefined;
  readonly bad: number | string | undefined;
  readonly exclude: readonly string[];
  readonly split: SplitOption;
  readonly method: "tree" | "chimerge" | "monotonic";
  readonly maxBins: number;
  readonly minBinShare: number;
  readonly specialValues: Readonly<Record<string, readonly (number | readonly number[])[]>>;
  readonly breaks: Readonly<Record<string, readonly number[]>>;
  readonly trend: Readonly<Record<string, "ascending" | "descending" | "auto" | "none">>;
  readonly minIv: number;
  readonly maxMissingRate: number;
  readonly maxIdenticalRate: number;
  readonly maxCorrelation: number;
  readonly maxVariables: number;
  readonly maxPValue: number | undefined;
  readonly l2: number;
  readonly scaling: Scaling;
  readonly rounding: Rounding;
  readonly base: "separate" | "spread";
  readonly missingWithoutData: "riskiest" | "neutral";
  readonly reasons: Readonly<Record<string, string | ReasonSpec>>;
  readonly missingReasons: Readonly<Record<string, ReasonSpec>>;
  readonly psiBins: number;
}

/** The keys of `SharedTrainOptions`: every trainer checks these with `checkOptions`. */
export const SHARED_OPTION_KEYS = [
  "date",
  "dataDescription",
  "name",
  "description",
  "bad",
  "exclude",
  "split",
  "specialValues",
  "scaling",
  "rounding",
] as const satisfies readonly (keyof SharedTrainOptions)[];

const KNOWN = new Set<string>([
  ...SHARED_OPTION_KEYS,
  "method",
  "maxBins",
  "minBinShare",
  "breaks",
  "trend",
  "minIv",
  "maxMissingRate",
  "maxIdenticalRate",
  "maxCorrelation",
  "maxVariables",
  "maxPValue",
  "l2",
  "base",
  "missingWithoutData",
  "reasons",
  "missingReasons",
  "psiBins",
]);

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Validates the options of `trainScorecard`.
 * @param options the caller's options
 * @returns the checked options with defaults, or the issues (paths start with "options")
 */
export function checkOptions(options: unknown): { ok: true; value: CheckedOptions } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (key: string, ...rest: (string | number)[]): (string | number)[] => ["options", key, ...rest];
  if (!isRecord(options))
    return {
      ok: false,
      issues: [issue("invalid_type", ["options"], "options must be an object with at least a date")],
    };
  const o = options as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) issues.push(issue("unrecognized_key", at(k), "unknown option"));

  const num = (key: string, def: number, lo: number, hi: number, integer = false): number => {
    const v = o[key];
    if (v === undefined) return def;
    if (typeof v !== "number") issues.push(issue("invalid_type", at(key), "must be a number"));
    else if (!Number.isFinite(v)) issues.push(issue("not_finite", at(key), "must be finite"));
    else if (integer && !Number.isInteger(v)) issues.push(issue("not_integer", at(key), "must be an integer"));
    else if (v < lo) issues.push(issue("too_small", at(key), `must be >= ${lo}`));
    else if (v > hi) issues.push(issue("too_big", at(key), `must be <= ${hi}`));
    else return v;
    return def;
  };
  const oneOf = <T extends string>(key: string, values: readonly T[], def: T): T => {
    const v = o[key];
    if (v === undefined) return def;
    if (typeof v !== "string" || !(values as readonly string[]).includes(v)) {
      issues.push(issue("invalid_enum", at(key), `must be one of ${values.map((s) => `"${s}"`).join(", ")}`));
      return def;
    }
    return v as T;
  };
  const text = (key: string, max: number): string | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") issues.push(issue("invalid_type", at(key), "must be a string"));
    else if (v.length === 0) issues.push(issue("too_small", at(key), "must not be empty"));
    else if (v.length > max) issues.push(issue("too_big", at(key), `must be at most ${max} characters`));
    else return v;
    return undefined;
  };

  let date = "";
  if (o.date === undefined)
    issues.push(
      issue("missing", at("date"), "the training date (YYYY-MM-DD) is required: the library never reads the clock"),
    );
  else if (typeof o.date !== "string" || !validDate(o.date))
    issues.push(issue("invalid_format", at("date"), "must be a calendar date YYYY-MM-DD"));
  else date = o.date;

  const bad = o.bad;
  if (bad !== undefined && !(typeof bad === "string" || (typeof bad === "number" && Number.isFinite(bad)))) {
    issues.push(issue("invalid_type", at("bad"), "must be a finite number or a string"));
  }

  const exclude: string[] = [];
  if (o.exclude !== undefined) {
    if (!Array.isArray(o.exclude))
      issues.push(issue("invalid_type", at("exclude"), "must be an array of column names"));
    else
      o.exclude.forEach((x: unknown, i) => {
        if (typeof x === "string") exclude.push(x);
        else issues.push(issue("invalid_type", at("exclude", i), "must be a string"));
      });
  }

  let split: CheckedOptions["split"] = { testShare: 0.3, seed: 1 };
  const s = o.split;
  if (s === "none") split = "none";
  else if (isRecord(s) && "testMask" in s) {
    const m = s.testMask as unknown;
    if (m === null || typeof m !== "object" || typeof (m as { length?: unknown }).length !== "number") {
      issues.push(issue("invalid_type", at("split", "testMask"), "must be an array of 0/1"));
    } else split = { testMask: m as ArrayLike<number> };
  } else if (isRecord(s)) {
    const share = s.testShare;
    const seed = s.seed;
    if (typeof share !== "number" || !(share > 0 && share < 1))
      issues.push(issue("invalid_value", at("split", "testShare"), "must be a number strictly between 0 and 1"));
    else if (typeof seed !== "number" || !Number.isSafeInteger(seed))
      issues.push(issue("invalid_value", at("split", "seed"), "must be a safe integer"));
    else split = { testShare: share, seed };
  } else if (s !== undefined)
    issues.push(issue("invalid_type", at("split"), 'must be { testShare, seed }, { testMask } or "none"'));

  const specialValues: Record<string, readonly (number | readonly number[])[]> = {};
  if (o.specialValues !== undefined) {
    if (!isRecord(o.specialValues))
      issues.push(issue("invalid_type", at("specialValues"), "must be an object of arrays by column"));
    else
      for (const [k, v] of Object.entries(o.specialValues)) {
        const okEntry = (e: unknown): boolean =>
          (typeof e === "number" && Number.isFinite(e)) ||
          (Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === "number" && Number.isFinite(x)));
        if (!Array.isArray(v) || !v.every(okEntry))
          issues.push(
            issue(
              "invalid_value",
              at("specialValues", k),
              "must be an array of finite numbers or non-empty groups of them",
            ),
          );
        else specialValues[k] = v as (number | number[])[];
      }
  }

  const breaks: Record<string, readonly number[]> = {};
  if (o.breaks !== undefined) {
    if (!isRecord(o.breaks)) issues.push(issue("invalid_type", at("breaks"), "must be an object of arrays by column"));
    else
      for (const [k, v] of Object.entries(o.breaks)) {
        if (
          !Array.isArray(v) ||
          !v.every((x, i) => typeof x === "number" && Number.isFinite(x) && (i === 0 || x > (v[i - 1] as number)))
        )
          issues.push(issue("invalid_value", at("breaks", k), "must be a strictly increasing array of finite numbers"));
        else breaks[k] = v as number[];
      }
  }

  const trend: Record<string, "ascending" | "descending" | "auto" | "none"> = {};
  if (o.trend !== undefined) {
    if (!isRecord(o.trend)) issues.push(issue("invalid_type", at("trend"), "must be an object of trends by column"));
    else
      for (const [k, v] of Object.entries(o.trend)) {
        if (v !== "ascending" && v !== "descending" && v !== "auto" && v !== "none")
          issues.push(issue("invalid_value", at("trend", k), "must be ascending, descending, auto or none"));
        else trend[k] = v;
      }
  }

  let scaling = pdoScaling({ points0: 600, odds0: 1 / 19, pdo: 50, odds: "bad:good" });
  if (o.scaling !== undefined) {
    try {
      if (!isRecord(o.scaling)) throw new TypeError("not an object");
      scaling = pdoScaling(o.scaling as never);
    } catch {
      issues.push(
        issue(
          "invalid_value",
          at("scaling"),
          'must be { points0, odds0 > 0, pdo > 0, odds: "bad:good" | "good:bad" } with finite numbers',
        ),
      );
    }
  }

  const reasons: Record<string, string | ReasonSpec> = {};
  if (o.reasons !== undefined) {
    if (!isRecord(o.reasons)) issues.push(issue("invalid_type", at("reasons"), "must be an object by column"));
    else
      for (const [k, v] of Object.entries(o.reasons)) {
        if (typeof v === "string" && v.length > 0 && v.length <= 300) reasons[k] = v;
        else if (isReasonSpec(v)) reasons[k] = v;
        else
          issues.push(
            issue("invalid_value", at("reasons", k), "must be a message (1-300 characters) or { code, message }"),
          );
      }
  }
  const missingReasons: Record<string, ReasonSpec> = {};
  if (o.missingReasons !== undefined) {
    if (!isRecord(o.missingReasons))
      issues.push(issue("invalid_type", at("missingReasons"), "must be an object by column"));
    else
      for (const [k, v] of Object.entries(o.missingReasons)) {
        if (isReasonSpec(v)) missingReasons[k] = v;
        else issues.push(issue("invalid_value", at("missingReasons", k), "must be { code, message }"));
      }
  }

  let maxPValue: number | undefined;
  if (o.maxPValue !== undefined) maxPValue = num("maxPValue", 1, Number.MIN_VALUE, 1);

  const value: CheckedOptions = {
    date,
    dataDescription: text("dataDescription", 1000),
    name: text("name", 200) ?? "scorecard",
    description: text("description", 1000),
    bad: bad as number | string | undefined,
    exclude,
    split,
    method: oneOf("method", ["tree", "chimerge", "monotonic"] as const, "tree"),
    maxBins: num("maxBins", 8, 1, 1000, true),
    minBinShare: num("minBinShare", 0.05, 0, 0.5),
    specialValues,
    breaks,
    trend,
    minIv: num("minIv", 0.02, 0, Number.MAX_VALUE),
    maxMissingRate: num("maxMissingRate", 0.95, 0, 1),
    maxIdenticalRate: num("maxIdenticalRate", 0.95, 0, 1),
    maxCorrelation: num("maxCorrelation", 0.7, 0, 1),
    maxVariables: num("maxVariables", 1000, 1, 1000, true),
    maxPValue,
    l2: num("l2", 0, 0, Number.MAX_VALUE),
    scaling,
    rounding: oneOf("rounding", ["none", "half-up", "half-even"] as const, "half-up"),
    base: oneOf("base", ["separate", "spread"] as const, "separate"),
    missingWithoutData: oneOf("missingWithoutData", ["riskiest", "neutral"] as const, "riskiest"),
    reasons,
    missingReasons,
    psiBins: num("psiBins", 10, 2, 100, true),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

function isReasonSpec(v: unknown): v is ReasonSpec {
  return (
    isRecord(v) &&
    typeof v.code === "string" &&
    CODE.test(v.code) &&
    typeof v.message === "string" &&
    v.message.length > 0 &&
    v.message.length <= 300 &&
    Object.keys(v).every((k) => k === "code" || k === "message")
  );
}

/** A real calendar date `YYYY-MM-DD` (checked without the clock: Date.UTC of given fields). */
function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
