import type { SourcePlan } from "./plan";
import type { RowScratch } from "./sources";
import { markString } from "./string-table";
import { DAY_MS, HOUR_MS } from "./time";

/**
 * Updates the aggregates of `p` that accept one event: its enum class `cls` (from the scratch's
 * enum indices), time `t` (not after `asOf`) and the scratch's numbers and strings.
 * @internal
 */
export function visit(p: SourcePlan, cls: number, t: number, asOf: number, offsetMs: number, sc: RowScratch): void {
  const age = asOf - t;
  let c = cls;
  if (p.nHourClasses > 1) {
    // local hour without a floating-point modulo (slow on epoch-ms doubles)
    const ms = t + offsetMs;
    c = c * p.nHourClasses + p.hourClass[Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS)]!;
  }
  const bounds = p.tierBounds;
  let tier = 0;
  while (tier < bounds.length && age >= bounds[tier]!) tier++;
  c = c * p.nTiers + tier;
  const classAggs = p.classAggs;
  const qEnd = p.classStart[c + 1]!;
  const st = p.state;
  const num = sc.n;
  const checkWindows = p.checkWindows;
  const hasChecks = p.hasChecks;
  const op = p.op;
  const field = p.field;
  let anyDistinct = false;
  // op codes and the state layout are OP and SLOTS (plan.ts), written as literals so the switch is a jump table
  for (let q = p.classStart[c]!; q < qEnd; q++) {
    const a = classAggs[q]!;
    if (checkWindows && age >= p.windowMs[a]!) continue;
    if (hasChecks && !passesChecks(p, a, sc)) continue;
    const o = a * 6; // SLOTS
    switch (op[a]) {
      case 0: // OP.count
        st[o] = st[o]! + 1;
        break;
      case 1: // OP.sum
      case 4: {
        // OP.mean
        const v = num[field[a]!]!;
        if (!Number.isNaN(v)) {
          st[o] = st[o]! + 1;
          st[o + 1] = st[o + 1]! + v;
        }
        break;
      }
      case 2: {
        // OP.max
        const v = num[field[a]!]!;
        if (!Number.isNaN(v)) {
          st[o] = st[o]! + 1;
          if (v > st[o + 2]!) st[o + 2] = v;
        }
        break;
      }
      case 3: {
        // OP.min
        const v = num[field[a]!]!;
        if (!Number.isNaN(v)) {
          st[o] = st[o]! + 1;
          if (v < st[o + 3]!) st[o + 3] = v;
        }
        break;
      }
      case 6: // OP.days_since_last
        st[o] = st[o]! + 1;
        if (t > st[o + 4]!) st[o + 4] = t;
        break;
      case 7: // OP.days_since_first
        st[o] = st[o]! + 1;
        if (t < st[o + 5]!) st[o + 5] = t;
        break;
      case 5: {
        // OP.distinct
        const g = p.distinctGroup[a]!;
        p.eventMask[g] = p.eventMask[g]! | (1 << p.distinctBit[a]!);
        anyDistinct = true;
        break;
      }
      default: {
        // bucket_cv, active_buckets
        const f = p.field[a]!;
        const v = f < 0 ? 1 : num[f]!;
        if (Number.isNaN(v)) break; // absent numeric field: not counted
        st[o] = st[o]! + 1;
        const b = Math.floor(age / p.bucketMs[a]!);
        if (b < p.nBuckets[a]!) {
          const k = p.bucketOff[a]! + b;
          p.buckets[k] = p.buckets[k]! + v;
        }
      }
    }
  }
  if (anyDistinct) countDistinct(p, sc);
}

/** The `open` and numeric conditions of aggregate `a` on the scratch's event. */
function passesChecks(p: SourcePlan, a: number, sc: RowScratch): boolean {
  const ov = p.open[a]!;
  if (ov >= 0 && (ov === 1) !== sc.open) return false;
  const num = sc.n;
  const end = p.condStart[a + 1]!;
  for (let c = p.condStart[a]!; c < end; c++) {
    const v = num[p.condField[c]!]!;
    if (!(v >= p.condLo[c]! && v <= p.condHi[c]!)) return false;
  }
  return true;
}

/** Counts the event's string value once for each distinct aggregate that accepted it and had not seen it. */
function countDistinct(p: SourcePlan, sc: RowScratch): void {
  const mask = p.eventMask;
  const st = p.state;
  for (let g = 0; g < mask.length; g++) {
    const m = mask[g]!;
    if (m === 0) continue;
    mask[g] = 0;
    const s = sc.s[p.groupField[g]!];
    if (s === undefined) continue; // absent string field: not counted
    let fresh = markString(p.seen[g]!, s, m);
    while (fresh !== 0) {
      const bit = 31 - Math.clz32(fresh);
      fresh ^= 1 << bit;
      const a = p.groupAggs[g * 31 + bit]!;
      st[a * 6] = st[a * 6]! + 1; // count slot (SLOTS = 6)
    }
  }
}
