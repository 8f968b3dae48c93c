import { passDeviceEventColumns, passDeviceEvents, passPaymentColumns, passPayments } from "./pass-hot";
import { OP, SLOTS, type SourcePlan } from "./plan";
import type { EventColumns, RowScratch } from "./sources";
import { SECTION_FIELDS, type SectionFields, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import type { SourceName } from "./sources";
import { clearStringTable } from "./string-table";
import { DAY_MS } from "./time";
import { visit } from "./visit";

/**
 * One pass over a source's events, updating every aggregate of the source (no allocation per
 * event: the scratch, the state and the distinct maps are reused). Events after `asOf` are skipped.
 * Payments and device events, the long arrays, have their own loops that read fields directly;
 * the other sources go through their `read` function. Payments and device events sent in the
 * columnar form are read column by column (`passPaymentColumns`, `passDeviceEventColumns`), with
 * the same scratch values as their rows would give, so the aggregates are the same; the other
 * sections sent as columns (device records, the bureau's tables) go through `read` on row i as
 * `rowAt` gives it (one reused scratch row, no row built per event).
 * @param p the source plan (its state is reset here)
 * @param rows the events: an array of rows, or the columns of a source with a columnar form
 * @param asOf epoch ms
 * @param offsetMs local-time offset for hour filters
 * @param sc the shared row scratch
 * @internal
 */
export function runPass(
  p: SourcePlan,
  rows: readonly unknown[] | EventColumns,
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  resetPlan(p);
  if (!isRows(rows)) {
    // only the sources with a columnar form give columns (SourceDef.rows)
    if (p.src.name === "payments") passPaymentColumns(p, rows, asOf, offsetMs, sc);
    else if (p.src.name === "deviceEvents") passDeviceEventColumns(p, rows, asOf, offsetMs, sc);
    else passGeneric(p, rows, asOf, offsetMs, sc);
  } else
    switch (p.src.name) {
      case "payments":
        passPayments(p, rows, asOf, offsetMs, sc);
        break;
      case "deviceEvents":
        passDeviceEvents(p, rows, asOf, offsetMs, sc);
        break;
      default:
        passGeneric(p, rows, asOf, offsetMs, sc);
    }
  // keep no reference to the applicant's strings between calls
  const seen = p.seen;
  for (let g = 0; g < seen.length; g++) clearStringTable(seen[g]!);
}

const isRows = (r: readonly unknown[] | EventColumns): r is readonly unknown[] => Array.isArray(r);

function resetPlan(p: SourcePlan): void {
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
  }
  if (p.buckets.length > 0) p.buckets.fill(0);
  const seen = p.seen;
  for (let g = 0; g < seen.length; g++) clearStringTable(seen[g]!);
}

/** The fields of the generic sources with a columnar form (loans have none: their rows are always an array). */
const GENERIC_FIELDS: Partial<Record<SourceName, SectionFields>> = {
  deviceRecords: SECTION_FIELDS.deviceRecords,
  inquiries: SECTION_FIELDS.inquiries,
  accounts: SECTION_FIELDS.accounts,
  delinquencies: SECTION_FIELDS.delinquencies,
};
const NO_FIELDS: SectionFields = SECTION_FIELDS.repayments;

/** The pass of a source through its `read` function, over rows or (via `rowAt`) columns. */
function passGeneric(
  p: SourcePlan,
  rows: readonly unknown[] | EventColumns,
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  const read = p.src.read;
  const f = GENERIC_FIELDS[p.src.name] ?? NO_FIELDS;
  const count = rowCount(rows, f);
  const tmp = scratchFor(rows);
  const nEnums = p.src.enums.length;
  const d0 = p.dims[0]!;
  const d1 = p.dims[1]!;
  const e = sc.e;
  for (let r = 0; r < count; r++) {
    const t = read(rowAt(rows, r, f, tmp), asOf, sc);
    if (t > asOf) continue;
    const cls =
      nEnums === 0 ? 0 : nEnums === 1 ? e[0]! : nEnums === 2 ? e[0]! + d0 * e[1]! : e[0]! + d0 * (e[1]! + d1 * e[2]!);
    visit(p, cls, t, asOf, offsetMs, sc);
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
    case OP.distinct:
      return count;
    case OP.sum:
      return st[o + 1]!;
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
