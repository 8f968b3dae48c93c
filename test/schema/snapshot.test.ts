import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECKED_DEVICE_EVENTS, CHECKED_PAYMENTS, type Checked } from "../../src/schema/fast-parse/context";
import { snapshotApplicant } from "../../src/schema/fast-parse/snapshot";
import { validDeviceEvent, validPayment } from "../../src/schema/fast-parse/valid";
import { parseApplicant, parseApplicantWithZod } from "../../src/schema/parse";
import { applicantArb } from "../features/arbitraries";
import type { Applicant } from "../../src/schema/applicant";

/**
 * The naive reading of a `checked` bit: the array is an array and every element passes the
 * element predicate the validation loop in `sections.ts` runs (device events with the previous
 * valid event as `prev`, as that loop does).
 */
function naiveChecked(snap: Record<string, unknown>): number {
  let bits = 0;
  const p = snap.payments;
  if (Array.isArray(p) && p.every((e) => validPayment(e))) bits |= CHECKED_PAYMENTS;
  const d = snap.devices as Record<string, unknown> | undefined;
  const ev = d !== null && typeof d === "object" ? d.events : undefined;
  if (Array.isArray(ev)) {
    let prev: Record<string, unknown> | undefined;
    let all = true;
    for (const e of ev) {
      if (!validDeviceEvent(e, prev)) {
        all = false;
        break;
      }
      prev = e as Record<string, unknown>;
    }
    if (all) bits |= CHECKED_DEVICE_EVENTS;
  }
  return bits;
}

// Values that break one event field each (wrong type, out of range, bad characters, an unknown key).
const BAD: readonly [string, unknown][] = [
  ["at", -1],
  ["at", 1.5],
  ["amountFen", "100"],
  ["direction", "sideways"],
  ["channel", undefined],
  ["counterparty", "a b"],
  ["merchantCategory", "nope"],
  ["kind", "teleport"],
  ["deviceId", ""],
  ["ipHash", "é"],
  ["lat", 91],
  ["lon", Number.NaN],
  ["cityCode", "x".repeat(200)],
  ["extra", 1],
];

const spoilArb = fc.record({ section: fc.constantFrom("payments", "events"), pick: fc.nat(), bad: fc.nat() });

describe("snapshotApplicant checks the event arrays while copying them (SYNTHETIC applicants)", () => {
  it("marks an array checked exactly when every element passes the validation loop's predicate", () => {
    fc.assert(
      fc.property(applicantArb(12), fc.array(spoilArb, { maxLength: 3 }), (a, spoils) => {
        const x = structuredClone(a) as unknown as Record<string, unknown>;
        for (const s of spoils) {
          const arr = (
            s.section === "payments" ? x.payments : (x.devices as { events?: unknown[] } | undefined)?.events
          ) as Record<string, unknown>[] | undefined;
          if (arr === undefined || arr.length === 0) continue;
          const [key, value] = BAD[s.bad % BAD.length]!;
          arr[s.pick % arr.length]![key] = value;
        }
        const state: Checked = { checked: -1 };
        const snap = snapshotApplicant(x, state) as Record<string, unknown>;
        expect(state.checked).toBe(naiveChecked(snap));
        // and the whole parse still agrees with zod (issues, order, value)
        const z = parseApplicantWithZod(x);
        const f = parseApplicant(x);
        expect(f.ok).toBe(z.ok);
        if (!f.ok && !z.ok) expect(f.issues).toEqual(z.issues);
      }),
      { numRuns: 400 },
    );
  });

  it("resets the bits for an input that is not an object", () => {
    const state: Checked = { checked: 3 };
    snapshotApplicant(null, state);
    expect(state.checked).toBe(0);
  });

  it("checks the value a getter returned once, and uses that value (the getter turns invalid afterwards)", () => {
    fc.assert(
      fc.property(applicantArb(6), fc.nat(), (a, pick) => {
        const x = structuredClone(a);
        const pays = x.payments ?? [];
        if (pays.length === 0) return;
        const i = pick % pays.length;
        const good = pays[i]!.amountFen;
        let reads = 0;
        Object.defineProperty(pays[i]!, "amountFen", {
          enumerable: true,
          configurable: true,
          get: () => (reads++ === 0 ? good : -5),
        });
        const r = parseApplicant(x);
        expect(r.ok).toBe(true);
        expect(reads).toBe(1);
        if (r.ok) expect((r.value as Applicant).payments![i]!.amountFen).toBe(good);
        // a mutation of the input after validation does not reach the parsed applicant
        (x.payments as { at: number }[])[i]!.at = -1;
        if (r.ok) expect((r.value as Applicant).payments![i]!.at).toBe(a.payments![i]!.at);
      }),
      { numRuns: 100 },
    );
  });
});
