/**
 * The ordinary-array copy of a validated applicant's frozen columns that the feature and fraud
 * passes read (`src/schema/readable-columns/internal.ts`): the same entries as the handed-out frozen columns
 * (what was validated is what is used), kept for snapshots, made afresh (not kept) for other objects.
 * SYNTHETIC inputs only.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnyFormApplicant } from "../../src/schema/applicant";
import { parseApplicant, parseApplicantJson } from "../../src/schema/parse";
import { readableColumns } from "../../src/schema/readable-columns/internal";
import { toColumnar } from "../../src/schema/transpose";
import { applicantArb } from "../features/arbitraries";

describe("readableColumns", () => {
  // The snapshot (parseApplicant) and the in-place path (parseApplicantJson, which before this test existed
  // attached no copy, so every decide copied the columns again) keep one alike.
  const parsers = [
    ["parseApplicant", (a: AnyFormApplicant) => parseApplicant(a)],
    ["parseApplicantJson", (a: AnyFormApplicant) => parseApplicantJson(JSON.stringify(a))],
  ] as const;
  it.each(parsers)(
    "gives the columns of an applicant from %s: same names and entries, ordinary arrays, the same copy each time",
    (_, parse) => {
      fc.assert(
        fc.property(applicantArb(10), (a) => {
          const r = parse(toColumnar(a));
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const v = r.value as Record<string, any>;
          for (const cols of [v.payments, v.devices?.events]) {
            if (cols === undefined || Array.isArray(cols)) continue;
            const rc = readableColumns(cols) as Record<string, unknown[]>;
            expect(Object.keys(rc).sort()).toEqual(Object.keys(cols).sort());
            for (const k of Object.keys(cols)) {
              expect(rc[k]).toEqual(cols[k]);
              expect(rc[k]).not.toBe(cols[k]);
              expect(Object.isFrozen(rc[k])).toBe(false);
              expect(Object.isFrozen(cols[k])).toBe(true);
            }
            expect(readableColumns(cols)).toBe(rc);
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  it("holds the value a column getter returned when validated, not a later one", () => {
    const input = toColumnar({
      id: "r-1",
      identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
      consent: { creditBureauQuery: true },
      payments: [
        { at: 1, amountFen: 100, direction: "in", channel: "salary" },
        { at: 2, amountFen: 200, direction: "out", channel: "merchant" },
      ],
    } as never) as Record<string, any>;
    let reads = 0;
    Object.defineProperty(input.payments.amountFen, 1, { enumerable: true, get: () => (reads++ === 0 ? 200 : -5) });
    const r = parseApplicant(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cols = (r.value as Record<string, any>).payments;
    expect(reads).toBe(1);
    expect(readableColumns(cols).amountFen).toEqual([100, 200]);
  });

  it("copies the columns of an object that did not come from a snapshot, every time (it may change)", () => {
    const cols = { at: [1, 2], amountFen: [3, 4], counterparty: [null, "x"] };
    const a = readableColumns(cols);
    expect(a).toEqual(cols);
    expect(a.at).not.toBe(cols.at);
    cols.at[0] = 9;
    expect(readableColumns(cols).at).toEqual([9, 2]);
    expect(a.at).toEqual([1, 2]);
  });
});
