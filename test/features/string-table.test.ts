import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, extractFeatures, featureIndex } from "../../src/features";
import {
  STRING_TABLE_LIMITS,
  clearStringTable,
  hashString,
  markString,
  newStringTable,
} from "../../src/features/string-table";
import type { Applicant } from "../../src/schema/applicant";
import { BASE_AS_OF } from "./arbitraries";

/** The reference: a Map from string to mask, as the table's contract says. */
function reference(ops: readonly (readonly [string, number])[]): number[] {
  const m = new Map<string, number>();
  return ops.map(([s, bits]) => {
    const prev = m.get(s) ?? 0;
    m.set(s, prev | bits);
    return bits & ~prev;
  });
}

function run(ops: readonly (readonly [string, number])[], t = newStringTable()): number[] {
  return ops.map(([s, bits]) => markString(t, s, bits));
}

/** Strings that all land in the same slot of a table of `cap` slots (found by search). */
function colliding(count: number, cap: number): string[] {
  const buckets = new Map<number, string[]>();
  for (let i = 0; ; i++) {
    const s = `id-${i}`;
    const b = hashString(s) & (cap - 1);
    const list = buckets.get(b) ?? [];
    list.push(s);
    buckets.set(b, list);
    if (list.length === count) return list;
  }
}

describe("string table (distinct counting)", () => {
  it("returns the newly set bits exactly as a Map would, for any sequence", () => {
    const op = fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 7 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        expect(run(ops)).toEqual(reference(ops));
      }),
    );
  });

  it("stays correct past its growth limit (falls back to a Map) and is empty again after clear", () => {
    const n = STRING_TABLE_LIMITS.max; // twice what the largest table holds at half load
    const ops: [string, number][] = [];
    for (let i = 0; i < n; i++) ops.push([`cp-${i}`, 1 + (i % 3)], [`cp-${i >> 1}`, 4]);
    const t = newStringTable();
    expect(run(ops, t)).toEqual(reference(ops));
    expect(t.overflow).not.toBeNull();
    clearStringTable(t);
    expect(t.overflow).toBeNull();
    expect(markString(t, "cp-1", 1)).toBe(1);
  });

  it("falls back to a Map when values collide on purpose, with the same results", () => {
    const strs = colliding(STRING_TABLE_LIMITS.probe + 8, STRING_TABLE_LIMITS.initial);
    const ops: [string, number][] = [
      ...strs.map((s): [string, number] => [s, 1]),
      ...strs.map((s, i): [string, number] => [s, i % 2 === 0 ? 1 : 2]),
    ];
    const t = newStringTable();
    expect(run(ops, t)).toEqual(reference(ops));
    expect(t.overflow).not.toBeNull();
  });

  it("counts distinct counterparties over 20,000 payments like a Set (growth path, SYNTHETIC applicant)", () => {
    const DAY = 86_400_000;
    const payments = Array.from({ length: 20_000 }, (_, i) => ({
      at: BASE_AS_OF - (i % 100) * DAY - 1,
      amountFen: 100 + i,
      direction: i % 2 === 0 ? "out" : "in",
      channel: i % 3 === 0 ? "transfer" : "merchant",
      counterparty: `cp-${i % 7_001}`,
    }));
    const a = {
      id: "syn-distinct",
      identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
      consent: { creditBureauQuery: true },
      payments,
    } as Applicant;
    const v = extractFeatures(a, { asOf: BASE_AS_OF });
    const in90 = payments.filter((p) => BASE_AS_OF - p.at < 90 * DAY);
    expect(v.values[featureIndex(defaultCatalog, "pay_counterparties_90d")]).toBe(
      new Set(in90.map((p) => p.counterparty)).size,
    );
    const transfers = in90.filter((p) => p.channel === "transfer");
    expect(v.values[featureIndex(defaultCatalog, "pay_transfer_counterparties_90d")]).toBe(
      new Set(transfers.map((p) => p.counterparty)).size,
    );
  });
});
