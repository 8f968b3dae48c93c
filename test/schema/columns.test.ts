/**
 * The copy-and-check loops of the columnar form (`copyChecked` in `src/schema/fast-parse/columns.ts`,
 * one loop per kind of entry) against the naive generic check (`allValid` with each column's `valid`
 * predicate, one call per entry); the snapshot's "entries checked" bit against the naive reading of
 * it; and the whole fast parse against zod on columns holding the edge values these loops branch on
 * (bounds and one past them, -0, NaN, the infinities, unsafe integers, null in optional and required
 * columns, repeated strings, non-ASCII characters). SYNTHETIC inputs only.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ColumnDef,
  type ColumnsDef,
  DEVICE_EVENT_COLUMNS,
  PAYMENT_COLUMNS,
  COLUMN_KIND,
  allValid,
  copyChecked,
} from "../../src/schema/fast-parse/columns";
import {
  CHECKED_DEVICE_EVENT_COLUMNS,
  CHECKED_PAYMENT_COLUMNS,
  type Checked,
} from "../../src/schema/fast-parse/context";
import { parseApplicantFast } from "../../src/schema/fast-parse";
import { snapshotApplicant } from "../../src/schema/fast-parse/snapshot";
import { parseApplicantWithZod } from "../../src/schema/parse";
import { toColumnar } from "../../src/schema/transpose";
import { applicantArb } from "../features/arbitraries";

const DEFS: readonly ColumnDef[] = [...PAYMENT_COLUMNS.columns, ...DEVICE_EVENT_COLUMNS.columns];

/** Values on and around a column's rule: the bounds, one past them, and the values the loops branch on. */
function edgeValues(d: ColumnDef): unknown[] {
  const common = [null, undefined, -0, 0, Number.NaN, Infinity, -Infinity, "", "1", true, {}, []];
  const numeric =
    d.kind === COLUMN_KIND.int || d.kind === COLUMN_KIND.num
      ? [d.min, d.max, d.min - 1, d.max + 1, d.min + 0.5, d.max - 0.5, 2 ** 53, -(2 ** 53), 2 ** 53 - 1]
      : [];
  const tokens =
    d.kind === COLUMN_KIND.token
      ? ["a".repeat(d.min), "a".repeat(d.max), "a".repeat(d.max + 1), "a b", "é", "x:y", "x.y", "\u{1F600}", "A-_z9"]
      : [];
  return [...common, ...numeric, ...tokens, ...d.values];
}

const columnArb = (d: ColumnDef) => {
  const edges = edgeValues(d);
  const shared = "dev-1"; // the same string object repeated (the loops' last-valid shortcut)
  return fc.array(
    fc.oneof(fc.constantFrom(...edges), fc.constant(shared), fc.integer(), fc.double(), fc.string({ maxLength: 8 })),
    { maxLength: 12 },
  );
};

describe("copyChecked equals the generic per-entry check", () => {
  for (const d of DEFS)
    it(`on column ${d.key} (kind ${d.kind}, ${d.optional ? "optional" : "required"}): same verdict, same entries`, () => {
      fc.assert(
        fc.property(columnArb(d), (a) => {
          const out: unknown[] = new Array(a.length);
          expect(copyChecked(a, a.length, d, out)).toBe(allValid(a, d.valid, d.optional));
          expect(out).toEqual(a);
          expect(out.length).toBe(a.length);
          for (let i = 0; i < a.length; i++) expect(Object.is(out[i], a[i])).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

  it("rejects null in a required column even as the first entry, and a valid value repeated after it", () => {
    const at = PAYMENT_COLUMNS.columns[0]!;
    const direction = PAYMENT_COLUMNS.columns[2]!;
    const deviceId = DEVICE_EVENT_COLUMNS.columns[2]!;
    // by hand: the schema's at is z.int() in [0, 9e15]-ish (BOUNDS.epochMs); direction in {in, out}; deviceId a pseudonym
    expect(copyChecked([null], 1, at, new Array(1))).toBe(false);
    expect(copyChecked([null, null], 2, direction, new Array(2))).toBe(false);
    expect(copyChecked(["d-1", null], 2, deviceId, new Array(2))).toBe(false);
    expect(copyChecked(["in", "in", "sideways"], 3, direction, new Array(3))).toBe(false);
    expect(copyChecked(["d-1", "d-1", "d 1"], 3, deviceId, new Array(3))).toBe(false);
    expect(copyChecked([-0, 0, 1], 3, at, new Array(3))).toBe(true);
  });
});

/** The naive reading of a section's "entries checked" bit (see `checkColumns`). */
function naiveEntriesChecked(o: unknown, d: ColumnsDef): boolean {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  return d.columns.every((c) => {
    const v = (o as Record<string, unknown>)[c.key];
    if (v === undefined) return c.optional;
    return Array.isArray(v) && v.length <= d.cap && allValid(v, c.valid, c.optional);
  });
}

/** Columnar applicants with a few entries (or whole columns) replaced by edge values. */
const spoiltArb = fc
  .tuple(
    applicantArb(8),
    fc.array(
      fc.record({
        section: fc.constantFrom("payments", "events"),
        column: fc.nat(),
        row: fc.nat(),
        value: fc.nat(),
        whole: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([a, spoils]) => {
    const c = structuredClone(toColumnar(a)) as Record<string, any>;
    for (const s of spoils) {
      const d = s.section === "payments" ? PAYMENT_COLUMNS : DEVICE_EVENT_COLUMNS;
      const sec = s.section === "payments" ? c.payments : c.devices?.events;
      if (sec === undefined) continue;
      const col = d.columns[s.column % d.columns.length]!;
      const edges = edgeValues(col);
      const v = edges[s.value % edges.length];
      if (s.whole) sec[col.key] = v;
      else if (Array.isArray(sec[col.key]) && sec[col.key].length > 0) sec[col.key][s.row % sec[col.key].length] = v;
      else sec[col.key] = [v];
    }
    return c;
  });

describe("the snapshot checks columns while copying them", () => {
  it("sets a section's bit exactly when the naive reading does, and the parse still agrees with zod", () => {
    fc.assert(
      fc.property(spoiltArb, (x) => {
        const state: Checked = { checked: 0 };
        const snap = snapshotApplicant(x, state) as Record<string, any>;
        expect((state.checked & CHECKED_PAYMENT_COLUMNS) !== 0).toBe(
          naiveEntriesChecked(snap.payments, PAYMENT_COLUMNS),
        );
        expect((state.checked & CHECKED_DEVICE_EVENT_COLUMNS) !== 0).toBe(
          naiveEntriesChecked(snap.devices?.events, DEVICE_EVENT_COLUMNS),
        );
        const z = parseApplicantWithZod(x);
        const f = parseApplicantFast(x);
        expect(f.ok).toBe(z.ok);
        if (!z.ok && !f.ok) expect(f.issues).toEqual(z.issues);
        if (z.ok && f.ok) expect(f.value).toEqual(z.value);
      }),
      { numRuns: 400 },
    );
  });
});
