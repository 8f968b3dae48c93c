import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustLimit, type LimitChange } from "../../src/limits";
import { DAY, REVIEW_AS_OF, defaultPolicy, reviewAccount } from "./helpers";

const policy = defaultPolicy();
const asOf = REVIEW_AS_OF;
const account = reviewAccount;

function run(acc: unknown): LimitChange {
  const r = adjustLimit(acc, { asOf, policy });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const codes = (c: LimitChange) => c.reasons.map((r) => r.code);

describe("adjustLimit", () => {
  it("raises after 6 on-time cycles by max(500 CNY, 20%) when ability to pay allows", () => {
    // 500,000 + max(50,000, 100,000) = 600,000; DTI headroom 750,000 - 100,000 = 650,000 fen a month.
    const c = run(account);
    expect(c).toMatchObject({ action: "raise", previousLimitFen: 500_000, limitFen: 600_000, drawdownsFrozen: false });
    expect(codes(c)).toEqual(["RAISED_ON_TIME"]);
  });

  it("caps a raise by DTI headroom, and holds when there is none", () => {
    // Headroom 0.5 x 1,500,000 - 745,000 = 5,000 fen a month; payment per fen of band B (15%,
    // 12 months) = 0.0125 / (1 - 1.0125^-12) = 0.0902583; 5,000 / 0.0902583 = 55,396 extra.
    const c = run({ ...account, monthlyObligationsFen: 745_000 });
    expect(c.action).toBe("raise");
    expect(c.limitFen).toBe(555_000); // 555,396 rounded down to the 50 CNY step
    expect(codes(c)).toEqual(["RAISED_ON_TIME", "RAISE_CAPPED"]);
    const none = run({ ...account, monthlyObligationsFen: 750_000 });
    expect(none).toMatchObject({ action: "hold", limitFen: 500_000 });
    expect(codes(none)).toEqual(["RAISE_BLOCKED_BY_AFFORDABILITY"]);
  });

  it("freezes new drawdowns at any days past due and never raises", () => {
    const c = run({ ...account, daysPastDue: 1 });
    expect(c).toMatchObject({ action: "freeze", limitFen: 500_000, drawdownsFrozen: true });
    expect(codes(c)).toEqual(["FROZEN_PAST_DUE"]);
  });

  it("reduces on serious delinquency (dpd >= 31) to half, and freezes", () => {
    const c = run({ ...account, daysPastDue: 31 });
    expect(c).toMatchObject({ action: "reduce", limitFen: 250_000, drawdownsFrozen: true });
    expect(codes(c)).toEqual(["REDUCED_SERIOUS_DELINQUENCY", "FROZEN_PAST_DUE"]);
  });

  it("reduces on frequent borrowing (5 drawdowns within 30 days) by 20%", () => {
    const c = run({ ...account, drawdownsAt: [1, 2, 3, 4, 5].map((d) => asOf - d * DAY) });
    expect(c).toMatchObject({ action: "reduce", limitFen: 400_000, drawdownsFrozen: false });
    expect(codes(c)).toEqual(["REDUCED_FREQUENT_BORROWING"]);
    // Four in the window and one 31 days back: no trigger.
    expect(run({ ...account, drawdownsAt: [1, 2, 3, 4, 31].map((d) => asOf - d * DAY) }).action).toBe("raise");
  });

  it("cuts the limit to 0 and freezes on a fraud signal", () => {
    const c = run({ ...account, fraudSignal: true });
    expect(c).toMatchObject({ action: "reduce", limitFen: 0, drawdownsFrozen: true });
    expect(codes(c)).toEqual(["REDUCED_FRAUD", "FROZEN_FRAUD"]);
  });

  it("holds when spending turns volatile", () => {
    // Last 3 months 1000, 9000, 500 CNY: mean 3500, population sd 3894 -> CV 1.11 > 0.75.
    const c = run({ ...account, monthlySpendFen: [300_000, 310_000, 100_000, 900_000, 50_000] });
    expect(c).toMatchObject({ action: "hold", limitFen: 500_000 });
    expect(codes(c)).toEqual(["HOLD_VOLATILE_SPENDING"]);
  });

  it("holds before enough cycles, during the cooldown, and without a known income", () => {
    expect(codes(run({ ...account, onTimeCycles: 5 }))).toEqual(["HOLD_NOT_ENOUGH_CYCLES"]);
    expect(codes(run({ ...account, lastLimitChangeAt: asOf - 30 * DAY }))).toEqual(["HOLD_COOLDOWN"]);
    expect(run({ ...account, lastLimitChangeAt: asOf - 90 * DAY }).action).toBe("raise");
    const { monthlyIncomeFen: _drop, ...noIncome } = account;
    expect(codes(run(noIncome))).toEqual(["RAISE_NEEDS_INCOME"]);
  });

  it("returns issues for bad input, timestamps after asOf, and bad options", () => {
    const bad = (acc: unknown, o: unknown = { asOf, policy }) => {
      const r = adjustLimit(acc, o as never);
      return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join(".")}`);
    };
    expect(bad({ ...account, drawdownsAt: [asOf + 1] })).toEqual(["in_future@drawdownsAt.0"]);
    expect(bad({ ...account, lastLimitChangeAt: asOf + 1 })).toEqual(["in_future@lastLimitChangeAt"]);
    expect(bad({ ...account, limitFen: -1 })).toEqual(["too_small@limitFen"]);
    expect(bad({ ...account, limitFen: "lots" })).toEqual(["invalid_type@limitFen"]);
    expect(bad({ ...account, band: "Z" })).toEqual(["invalid_enum@band"]);
    expect(bad({ ...account, extra: 1 })).toEqual(["unrecognized_key@extra"]);
    expect(bad({ ...account, drawdownsAt: new Array(10_001).fill(0) })).toEqual(["too_big@drawdownsAt"]);
    expect(bad(null)).toEqual(["invalid_type@"]);
    expect(bad(account, { asOf: -1, policy })).toEqual(["invalid_value@asOf"]);
    expect(bad(account, { asOf })).toEqual(["missing@policy"]);
  });

  it("never raises the limit of a past-due account (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          limitFen: fc.integer({ min: 0, max: 20_000_000 }),
          band: fc.constantFrom("A", "B", "C", "D", "E"),
          daysPastDue: fc.integer({ min: 1, max: 400 }),
          onTimeCycles: fc.integer({ min: 0, max: 60 }),
          drawdownsAt: fc.array(fc.integer({ min: 0, max: asOf }), { maxLength: 10 }),
          fraudSignal: fc.boolean(),
          monthlyIncomeFen: fc.integer({ min: 0, max: 10_000_000 }),
          incomeVerified: fc.boolean(),
          monthlyObligationsFen: fc.integer({ min: 0, max: 1_000_000 }),
          monthlySpendFen: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 12 }),
        }),
        (acc) => {
          const c = run(acc);
          expect(c.limitFen).toBeLessThanOrEqual(acc.limitFen);
          expect(c.action).not.toBe("raise");
          expect(c.drawdownsFrozen).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
