import { describe, expect, it } from "vitest";
import { daysPastDue } from "../../src/postloan";

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 15, 15, 59, 59, 999); // deadline: 23:59:59.999 Beijing time, 15 Jan 2026
const dues = [0, 1, 2].map((m) => ({ dueAt: t0 + m * 31 * DAY, amountFen: 10_000 }));

const dpd = (repayments: { at: number; amountFen: number }[], asOf: number, toleranceFen?: number) => {
  const r = daysPastDue({ dues, repayments }, toleranceFen === undefined ? { asOf } : { asOf, toleranceFen });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe("daysPastDue", () => {
  it("is 0 before and at the deadline, 1 a millisecond after, and counts whole days", () => {
    expect(dpd([], t0 - DAY).daysPastDue).toBe(0);
    expect(dpd([], t0).daysPastDue).toBe(0);
    expect(dpd([], t0 + 1)).toEqual({ daysPastDue: 1, overdueFen: 10_000, bucket: "M1" });
    expect(dpd([], t0 + 30 * DAY).daysPastDue).toBe(30);
    expect(dpd([], t0 + 30 * DAY + 1).bucket).toBe("M2");
  });

  it("counts from the oldest unpaid installment, applying repayments oldest first", () => {
    // 45 days after the first deadline, two installments are due (first at t0, second at t0 + 31 days).
    const asOf = t0 + 45 * DAY;
    expect(dpd([], asOf)).toEqual({ daysPastDue: 45, overdueFen: 20_000, bucket: "M2" });
    // Paying one installment covers the oldest: the second is 14 days late.
    expect(dpd([{ at: t0 + 40 * DAY, amountFen: 10_000 }], asOf)).toEqual({
      daysPastDue: 14,
      overdueFen: 10_000,
      bucket: "M1",
    });
    // A partial payment leaves the oldest unpaid.
    expect(dpd([{ at: t0 + 40 * DAY, amountFen: 5_000 }], asOf).daysPastDue).toBe(45);
    // Paying both: current.
    expect(dpd([{ at: t0 + 40 * DAY, amountFen: 20_000 }], asOf)).toEqual({
      daysPastDue: 0,
      overdueFen: 0,
      bucket: "current",
    });
  });

  it("ignores shortfalls within the tolerance", () => {
    expect(dpd([{ at: t0, amountFen: 9_990 }], t0 + 5 * DAY, 10).daysPastDue).toBe(0);
    expect(dpd([{ at: t0, amountFen: 9_989 }], t0 + 5 * DAY, 10).daysPastDue).toBe(5);
  });

  it("does not depend on the order of dues or repayments", () => {
    const r1 = daysPastDue({ dues: [...dues].reverse(), repayments: [] }, { asOf: t0 + 45 * DAY });
    expect(r1.ok && r1.value.daysPastDue).toBe(45);
  });

  it("returns issues for bad input: future repayments, negative amounts, wrong types, bad asOf", () => {
    const codes = (h: unknown, o: unknown = { asOf: t0 }) => {
      const r = daysPastDue(h, o as never);
      return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join(".")}`);
    };
    expect(codes({ dues, repayments: [{ at: t0 + 1, amountFen: 1 }] })).toEqual(["in_future@repayments.0.at"]);
    expect(codes({ dues: [{ dueAt: t0, amountFen: -1 }], repayments: [] })).toEqual(["too_small@dues.0.amountFen"]);
    expect(codes({ dues: [{ dueAt: "x", amountFen: 1 }], repayments: [] })).toEqual(["invalid_type@dues.0.dueAt"]);
    expect(codes({ dues })).toEqual(["missing@repayments"]);
    expect(codes({ dues, repayments: [] }, { asOf: 1.5 })).toEqual(["invalid_value@asOf"]);
    expect(codes({ dues, repayments: [] }, null)).toEqual(["missing@asOf"]);
    expect(codes({ dues, repayments: [] }, { asOf: t0, toleranceFen: -1 })).toEqual(["invalid_value@toleranceFen"]);
    expect(codes({ dues: new Array(601).fill({ dueAt: 0, amountFen: 1 }), repayments: [] })).toEqual(["too_big@dues"]);
  });
});
