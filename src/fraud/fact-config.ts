import { z } from "zod";
import { validateWith } from "../schema/zod-issues";
import { ConfigError, type Result, fail, issue, ok } from "../schema/result";
import { type FactCatalog, type FactDefinition, buildCatalog } from "./catalog";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const factConfigSchema = z.strictObject({
  /** Velocity windows, shortest first: label ([0-9a-z]{1,8}) and length in ms. */
  windows: z
    .array(
      z.strictObject({
        label: z.string().regex(/^[0-9a-z]{1,8}$/),
        ms: z
          .int()
          .min(60_000)
          .max(400 * DAY),
      }),
    )
    .min(1)
    .max(8)
    .default([
      { label: "1h", ms: HOUR },
      { label: "24h", ms: DAY },
      { label: "30d", ms: 30 * DAY },
    ]),
  /** Speed above which travel between consecutive logins is impossible (km/h); 900 is an airliner. */
  impossibleSpeedKmh: z.number().min(1).max(100_000).default(900),
  /** Moves shorter than this (km) are ignored: locations are city-level. */
  minTravelKm: z.number().min(0).max(20_000).default(50),
  /** Time gaps shorter than this (seconds) count as this long, so two places at one instant stay finite. */
  minTravelSeconds: z.int().min(1).max(86_400).default(60),
  /** Offset of local time from UTC in minutes (China: +480), for night-time facts. */
  utcOffsetMinutes: z.int().min(-840).max(840).default(480),
  /** Night hours in local time: [start, end), wrapping past midnight when start > end. */
  nightStartHour: z.int().min(0).max(23).default(0),
  nightEndHour: z.int().min(0).max(24).default(6),
  /** Facts the caller sets with `setFact` (for example from its own services). */
  customFacts: z
    .array(
      z.strictObject({
        name: z.string().regex(/^custom\.[A-Za-z0-9_.]{1,64}$/),
        type: z.enum(["number", "boolean", "string"]),
        description: z.string().max(200).default(""),
      }),
    )
    .max(256)
    .default([]),
});

/** Options of the built-in facts (what `createFactConfig` accepts; every field is optional). */
export type FactConfigInput = z.input<typeof factConfigSchema>;

/** A validated, frozen fact configuration with its catalog. */
export interface FactConfig {
  readonly windows: readonly { readonly label: string; readonly ms: number }[];
  readonly impossibleSpeedKmh: number;
  readonly minTravelKm: number;
  readonly minTravelSeconds: number;
  readonly utcOffsetMinutes: number;
  readonly nightStartHour: number;
  readonly nightEndHour: number;
  readonly customFacts: readonly FactDefinition[];
  /** The facts rules compiled with this configuration may name. */
  readonly catalog: FactCatalog;
}

/**
 * Reads fact options from untrusted JSON and builds the catalog (windows 1h/24h/30d, 900 km/h,
 * night 00-06 UTC+8 by default); a reader, so it returns a `Result` (`createFactConfig` is the
 * throwing builder for typed options).
 * @param input options (all optional); `undefined` gives the defaults
 * @returns `{ ok: true, value }` with a frozen configuration, or issues (`inconsistent` when window
 *   labels repeat or windows are not increasing)
 * @example loadFactConfig({ impossibleSpeedKmh: 800 }).ok // => true
 */
export function loadFactConfig(input: unknown): Result<FactConfig> {
  const r = validateWith(factConfigSchema, input ?? {});
  if (!r.ok) return r;
  const v = r.value;
  const issues = [];
  for (let i = 1; i < v.windows.length; i++) {
    if (v.windows[i]!.ms <= v.windows[i - 1]!.ms)
      issues.push(issue("inconsistent", ["windows", i, "ms"], "windows must be strictly increasing"));
  }
  const names = new Set<string>();
  v.customFacts.forEach((c, i) => {
    if (names.has(c.name)) issues.push(issue("inconsistent", ["customFacts", i, "name"], "duplicate custom fact name"));
    names.add(c.name);
  });
  if (v.nightStartHour === v.nightEndHour)
    issues.push(issue("inconsistent", ["nightEndHour"], "night hours must not be empty"));
  if (issues.length > 0) return fail(issues);
  const catalog = buildCatalog(
    v.windows.map((w) => w.label),
    v.customFacts,
  );
  return ok(
    Object.freeze({
      windows: Object.freeze(v.windows.map((w) => Object.freeze({ ...w }))),
      impossibleSpeedKmh: v.impossibleSpeedKmh,
      minTravelKm: v.minTravelKm,
      minTravelSeconds: v.minTravelSeconds,
      utcOffsetMinutes: v.utcOffsetMinutes,
      nightStartHour: v.nightStartHour,
      nightEndHour: v.nightEndHour,
      customFacts: catalog.facts.slice(catalog.customBase),
      catalog,
    }),
  );
}

/**
 * Builds a fact configuration from typed options; a builder, so it throws (`loadFactConfig` is the
 * `Result` reader for JSON).
 * @param input options (all optional)
 * @returns a frozen configuration
 * @throws {ConfigError} when the options are invalid
 * @example createFactConfig().windows.length // => 3
 */
export function createFactConfig(input?: FactConfigInput): FactConfig {
  const r = loadFactConfig(input);
  if (r.ok) return r.value;
  throw new ConfigError(r.issues, "fact configuration");
}

/**
 * The default fact configuration (windows 1h, 24h, 30d; 900 km/h; night 00:00-06:00 UTC+8).
 * @example DEFAULT_FACT_CONFIG.windows.map((w) => w.label) // => ["1h", "24h", "30d"]
 */
export const DEFAULT_FACT_CONFIG: FactConfig = createFactConfig();
