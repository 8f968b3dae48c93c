/**
 * A naive reader of feature declarations: filters each source's events with plain array methods and
 * reduces them as the declaration says (CATALOG.md's definitions, read literally), with none of the
 * extractor's event classes, window tiers, string tables or subsets. Tests compare the extractor to
 * it. Builtins are not covered (they have hand-computed tests of their own).
 */
import type { FeatureSpec } from "../../src/features";
import type { Applicant } from "../../src/schema/applicant";

const DAY = 86_400_000;
type Row = Record<string, unknown>;

const SOURCES: Record<string, { rows: (a: Applicant) => readonly unknown[] | undefined; time: string }> = {
  payments: { rows: (a) => a.payments, time: "at" },
  deviceEvents: { rows: (a) => a.devices?.events, time: "at" },
  deviceRecords: { rows: (a) => a.devices?.records, time: "firstSeenAt" },
  inquiries: { rows: (a) => a.bureau?.inquiries, time: "at" },
  accounts: { rows: (a) => a.bureau?.accounts, time: "openedAt" },
  delinquencies: { rows: (a) => a.bureau?.delinquencies, time: "at" },
  loans: { rows: (a) => a.loans, time: "disbursedAt" },
};

/** The value of a feature, or undefined when it is missing. */
export type NaiveValue = number | undefined;

/**
 * Every declared feature's value, by name, in declaration order (later declarations may read earlier ones).
 * @param specs declarations (no builtins)
 * @param a an applicant
 * @param asOf epoch ms
 * @param utcOffsetMinutes local time offset for hour filters (the default catalog's is 480)
 */
export function naiveFeatures(
  specs: readonly FeatureSpec[],
  a: Applicant,
  asOf: number,
  utcOffsetMinutes = 480,
): Map<string, NaiveValue> {
  const out = new Map<string, NaiveValue>();
  for (const s of specs) out.set(s.name, naiveOne(s, a, asOf, utcOffsetMinutes, out));
  return out;
}

function naiveOne(
  s: FeatureSpec,
  a: Applicant,
  asOf: number,
  offsetMin: number,
  known: Map<string, NaiveValue>,
): NaiveValue {
  switch (s.kind) {
    case "field": {
      const section = (a as unknown as Record<string, Row | undefined>)[s.section];
      const v = section?.[s.field];
      if (v === undefined) return undefined;
      return typeof v === "boolean" ? (v ? 1 : 0) : (v as number);
    }
    case "ratio": {
      const n = known.get(s.numerator);
      const d = typeof s.denominator === "number" ? s.denominator : known.get(s.denominator);
      return n === undefined || d === undefined || d === 0 ? undefined : n / d;
    }
    case "combine": {
      const xs = s.of.map((n) => known.get(n));
      if (xs.some((x) => x === undefined)) return undefined;
      const v = xs as number[];
      if (s.op === "max") return Math.max(...v);
      if (s.op === "min") return Math.min(...v);
      if (s.op === "sum") return v.reduce((t, x) => t + x, 0);
      return v.slice(1).reduce((t, x) => t - x, v[0]!);
    }
    case "builtin":
      throw new Error("naiveFeatures does not compute builtins");
    case "aggregate":
      break;
  }
  const src = SOURCES[s.source]!;
  const rows = src.rows(a) as readonly Row[] | undefined;
  if (rows === undefined) return undefined;
  const w = s.where ?? {};
  const hourOf = (t: number) => new Date(t + offsetMin * 60_000).getUTCHours();
  const picked = rows.filter((r) => {
    const t = r[src.time] as number;
    if (t > asOf) return false;
    if (s.windowDays !== undefined && asOf - t >= s.windowDays * DAY) return false;
    for (const [f, vals] of Object.entries(w.in ?? {})) if (!vals.includes(r[f] as string)) return false;
    for (const [f, lo] of Object.entries(w.gte ?? {}))
      if (!(r[f] !== undefined && (r[f] as number) >= lo)) return false;
    for (const [f, hi] of Object.entries(w.lte ?? {}))
      if (!(r[f] !== undefined && (r[f] as number) <= hi)) return false;
    for (const f of w.present ?? []) if (r[f] === undefined) return false;
    if (w.hours !== undefined) {
      const [from, to] = w.hours;
      const h = hourOf(t);
      if (from < to ? !(h >= from && h < to) : !(h >= from || h < to)) return false;
    }
    if (w.open !== undefined) {
      const open = r.closedAt === undefined || (r.closedAt as number) > asOf;
      if (open !== w.open) return false;
    }
    return true;
  });
  const field = s.field;
  const nums = field === undefined ? [] : picked.map((r) => r[field]).filter((v): v is number => v !== undefined);
  const empty = s.emptyValue;
  const times = picked.map((r) => r[src.time] as number);
  switch (s.aggregate) {
    case "count":
      return picked.length;
    case "sum":
      return nums.reduce((t, x) => t + x, 0);
    case "max":
      return nums.length === 0 ? empty : Math.max(...nums);
    case "min":
      return nums.length === 0 ? empty : Math.min(...nums);
    case "mean":
      return nums.length === 0 ? empty : nums.reduce((t, x) => t + x, 0) / nums.length;
    case "distinct":
      return new Set(picked.map((r) => r[field!]).filter((v) => v !== undefined)).size;
    case "days_since_last":
      return times.length === 0 ? empty : Math.floor((asOf - Math.max(...times)) / DAY);
    case "days_since_first":
      return times.length === 0 ? empty : Math.floor((asOf - Math.min(...times)) / DAY);
    case "active_buckets": {
      const width = (s.bucketDays ?? 30) * DAY;
      const n = s.windowDays! / (s.bucketDays ?? 30);
      const sums = new Map<number, number>();
      for (const r of picked) {
        const v = field === undefined ? 1 : (r[field] as number | undefined);
        if (v === undefined) continue;
        const b = Math.floor((asOf - (r[src.time] as number)) / width);
        if (b < n) sums.set(b, (sums.get(b) ?? 0) + v);
      }
      return [...sums.values()].filter((x) => x > 0).length;
    }
    default:
      throw new Error(`naiveFeatures does not compute ${s.aggregate}`);
  }
}
