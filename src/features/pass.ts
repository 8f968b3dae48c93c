import { OP, SLOTS, type SourcePlan } from "./plan";
import type { RowScratch } from "./sources";
import { DAY_MS, HOUR_MS } from "./time";

/**
 * One pass over a source's events, updating every aggregate of the source (no allocation per
 * event: the scratch, the state and the distinct sets are reused). Events after `asOf` are skipped.
 * @param p the source plan (its state is reset here)
 * @param rows the events
 * @param asOf epoch ms
 * @param offsetMs local-time offset for hour filters
 * @param sc the shared row scratch
 * @internal
 */
export function runPass(p: SourcePlan, rows: readonly unknown[], asOf: number, offsetMs: number, sc: RowScratch): void {
  const st = p.state;
  const n = p.size;
  for (let a = 0; a < n; a++) {
    const o = a * SLOTS;
    st[o] = 0;
    st[o + 1] = 0;
    st[o + 2] = Number.NEGATIVE_INFINITY;
    st[o + 3] = Number.POSITIVE_INFINITY;
    st[o + 4] = Number.NEGATIVE_INFINITY;
    st[o + 5] = Number.POSITIVE_INFINITY;
    p.sets[a]?.clear();
  }
  p.buckets.fill(0);
  const { windowMs, open, condStart, condField, condLo, condHi, op, field, bucketMs, nBuckets, bucketOff, buckets, sets, src } = p;
  const { dims, hourClass, nHourClasses, classStart, classAggs } = p;
  const nEnums = src.enums.length;
  const d0 = dims[0]!;
  const d1 = dims[1]!;
  const e = sc.e;
  const num = sc.n;
  const needsHour = p.needsHour;
  for (let r = 0; r < rows.length; r++) {
    const t = src.read(rows[r], asOf, sc);
    if (t > asOf) continue;
    const age = asOf - t;
    let cls = nEnums === 0 ? 0 : nEnums === 1 ? e[0]! : nEnums === 2 ? e[0]! + d0 * e[1]! : e[0]! + d0 * (e[1]! + d1 * e[2]!);
    cls *= nHourClasses;
    if (needsHour) {
      // local hour without a floating-point modulo (slow on epoch-ms doubles)
      const ms = t + offsetMs;
      cls += hourClass[Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS)]!;
    }
    const qEnd = classStart[cls + 1]!;
    for (let q = classStart[cls]!; q < qEnd; q++) {
      const a = classAggs[q]!;
      if (age >= windowMs[a]!) continue;
      const ov = open[a]!;
      if (ov >= 0 && (ov === 1) !== sc.open) continue;
      let pass = true;
      for (let c = condStart[a]!; c < condStart[a + 1]!; c++) {
        const v = num[condField[c]!]!;
        if (!(v >= condLo[c]! && v <= condHi[c]!)) {
          pass = false;
          break;
        }
      }
      if (!pass) continue;
      const f = field[a]!;
      const o = a * SLOTS;
      const code = op[a]!;
      if (code === OP.distinct) {
        const s = sc.s[f];
        if (s !== undefined) sets[a]!.add(s);
        continue;
      }
      const v = f < 0 ? 1 : num[f]!;
      if (Number.isNaN(v)) continue; // absent numeric field: not counted
      st[o] = st[o]! + 1;
      switch (code) {
        case OP.count:
          break;
        case OP.sum:
        case OP.mean:
          st[o + 1] = st[o + 1]! + v;
          break;
        case OP.max:
          if (v > st[o + 2]!) st[o + 2] = v;
          break;
        case OP.min:
          if (v < st[o + 3]!) st[o + 3] = v;
          break;
        case OP.days_since_last:
          if (t > st[o + 4]!) st[o + 4] = t;
          break;
        case OP.days_since_first:
          if (t < st[o + 5]!) st[o + 5] = t;
          break;
        default: {
          // bucket_cv, active_buckets
          const b = Math.floor(age / bucketMs[a]!);
          if (b < nBuckets[a]!) buckets[bucketOff[a]! + b] = buckets[bucketOff[a]! + b]! + v;
        }
      }
    }
  }
}

/**
 * The value of aggregate `a` after a pass (`NaN` = missing).
 * @internal
 */
export function aggregateValue(p: SourcePlan, a: number, asOf: number): number {
  const st = p.state;
  const o = a * SLOTS;
  const count = st[o]!;
  switch (p.op[a]) {
    case OP.count:
      return count;
    case OP.sum:
      return st[o + 1]!;
    case OP.distinct:
      return p.sets[a]!.size;
    case OP.active_buckets: {
      let k = 0;
      const off = p.bucketOff[a]!;
      for (let b = 0; b < p.nBuckets[a]!; b++) if (p.buckets[off + b]! > 0) k++;
      return k;
    }
    case OP.bucket_cv: {
      const off = p.bucketOff[a]!;
      const nb = p.nBuckets[a]!;
      let s = 0;
      for (let b = 0; b < nb; b++) s += p.buckets[off + b]!;
      if (s <= 0) return p.emptyValue[a]!;
      const mean = s / nb;
      let ss = 0;
      for (let b = 0; b < nb; b++) {
        const d = p.buckets[off + b]! - mean;
        ss += d * d;
      }
      return Math.sqrt(ss / nb) / mean;
    }
  }
  if (count === 0) return p.emptyValue[a]!;
  switch (p.op[a]) {
    case OP.max:
      return st[o + 2]!;
    case OP.min:
      return st[o + 3]!;
    case OP.mean:
      return st[o + 1]! / count;
    case OP.days_since_last:
      return Math.floor((asOf - st[o + 4]!) / DAY_MS);
    default:
      return Math.floor((asOf - st[o + 5]!) / DAY_MS);
  }
}
