import type { DeviceEvent, PaymentEvent } from "../schema/applicant";
import type { SourcePlan } from "./plan";
import { type RowScratch, catIx, chIx, devKindIx, dirIx } from "./sources";
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
