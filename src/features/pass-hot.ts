import type { DeviceEvent, PaymentEvent } from "../schema/applicant";
import { readableColumns } from "../schema/readable-columns/internal";
import type { SourcePlan } from "./plan";
import { type EventColumns, type RowScratch, catIx, chIx, devKindIx, dirIx } from "./sources";
import { visit } from "./visit";

/**
 * The payments pass: the same as the generic one, with the row read inline (fields read
 * directly, no call per event through the source's `read`). Must fill the scratch exactly as
 * `SOURCES.payments.read` does.
 * @internal
 */
export function passPayments(
  p: SourcePlan,
  rows: readonly unknown[],
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  const d0 = p.dims[0]!;
  const d1 = p.dims[1]!;
  const n = sc.n;
  const s = sc.s;
  const pays = rows as readonly PaymentEvent[];
  for (let i = 0; i < pays.length; i++) {
    const r = pays[i]!;
    const t = r.at;
    if (t > asOf) continue;
    const c = r.merchantCategory;
    const cls =
      (dirIx[r.direction] ?? 0) + d0 * ((chIx[r.channel] ?? 0) + d1 * (c === undefined ? 0 : (catIx[c] ?? 0)));
    n[0] = r.amountFen;
    s[0] = r.counterparty;
    visit(p, cls, t, asOf, offsetMs, sc);
  }
}

/**
 * The device-events pass, read inline like `passPayments` (fills the scratch exactly as
 * `SOURCES.deviceEvents.read` does).
 * @internal
 */
export function passDeviceEvents(
  p: SourcePlan,
  rows: readonly unknown[],
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  const s = sc.s;
  const evs = rows as readonly DeviceEvent[];
  for (let i = 0; i < evs.length; i++) {
    const r = evs[i]!;
    const t = r.at;
    if (t > asOf) continue;
    s[0] = r.deviceId;
    s[1] = r.ipHash;
    s[2] = r.cityCode;
    visit(p, devKindIx[r.kind] ?? 0, t, asOf, offsetMs, sc);
  }
}

type Column<T> = readonly T[];
/** Entry i of an optional column (`null` entries and absent columns are absent, `undefined`). */
const entry = <T>(c: Column<T | null> | undefined, i: number): T | undefined => {
  if (c === undefined) return undefined;
  const v = c[i];
  return v === null ? undefined : v;
};

/**
 * The payments pass over the columnar form (`paymentColumnsSchema`, validated: every column as
 * long as `at`): the scratch gets, for row i, what `passPayments` gives for the row object.
 * @internal
 */
export function passPaymentColumns(
  p: SourcePlan,
  cols: EventColumns,
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  const d0 = p.dims[0]!;
  const d1 = p.dims[1]!;
  const n = sc.n;
  const s = sc.s;
  // the ordinary-array copy of the frozen columns (reads from frozen arrays are slow: ../schema/readable-columns/internal.ts)
  const rc = readableColumns(cols);
  const at = rc.at as Column<number>;
  const amount = rc.amountFen as Column<number>;
  const dir = rc.direction as Column<string>;
  const ch = rc.channel as Column<string>;
  const cat = rc.merchantCategory as Column<string | null> | undefined;
  const cp = rc.counterparty as Column<string | null> | undefined;
  for (let i = 0; i < at.length; i++) {
    const t = at[i]!;
    if (t > asOf) continue;
    const c = entry(cat, i);
    const cls = (dirIx[dir[i]!] ?? 0) + d0 * ((chIx[ch[i]!] ?? 0) + d1 * (c === undefined ? 0 : (catIx[c] ?? 0)));
    n[0] = amount[i]!;
    s[0] = entry(cp, i);
    visit(p, cls, t, asOf, offsetMs, sc);
  }
}

/**
 * The device-events pass over the columnar form (`deviceEventColumnsSchema`, validated), filling
 * the scratch as `passDeviceEvents` does for the row objects.
 * @internal
 */
export function passDeviceEventColumns(
  p: SourcePlan,
  cols: EventColumns,
  asOf: number,
  offsetMs: number,
  sc: RowScratch,
): void {
  const s = sc.s;
  const rc = readableColumns(cols);
  const at = rc.at as Column<number>;
  const kind = rc.kind as Column<string>;
  const dev = rc.deviceId as Column<string>;
  const ip = rc.ipHash as Column<string | null> | undefined;
  const city = rc.cityCode as Column<string | null> | undefined;
  for (let i = 0; i < at.length; i++) {
    const t = at[i]!;
    if (t > asOf) continue;
    s[0] = dev[i];
    s[1] = entry(ip, i);
    s[2] = entry(city, i);
    visit(p, devKindIx[kind[i]!] ?? 0, t, asOf, offsetMs, sc);
  }
}
