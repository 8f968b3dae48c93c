import { describe, expect, it } from "vitest";
import { rollRates } from "../../src/postloan";

describe("rollRates", () => {
  it("counts transitions between buckets by hand, with closed and new accounts", () => {
    const before = [
      { id: "a", daysPastDue: 0, balanceFen: 100 },
      { id: "b", daysPastDue: 0, balanceFen: 300 },
      { id: "c", daysPastDue: 10, balanceFen: 200 },
      { id: "d", daysPastDue: 20, balanceFen: 600 },
      { id: "e", daysPastDue: 100, balanceFen: 50 },
    ];
    const after = [
      { id: "a", daysPastDue: 0, balanceFen: 90 },
      { id: "b", daysPastDue: 5, balanceFen: 300 },
      { id: "c", daysPastDue: 40, balanceFen: 200 },
      { id: "d", daysPastDue: 0, balanceFen: 0 },
      { id: "z", daysPastDue: 0, balanceFen: 10 },
    ];
    const r = rollRates(before, after);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value;
    expect(m.to).toEqual(["current", "M1", "M2", "M3", "M3+", "closed"]);
    expect(m.counts).toEqual([
      [1, 1, 0, 0, 0, 0], // current: a stays, b rolls to M1
      [1, 0, 1, 0, 0, 0], // M1: d cures, c rolls to M2
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1], // M3+: e closed (written off)
    ]);
    expect(m.rates[0]).toEqual([0.5, 0.5, 0, 0, 0, 0]);
    // By balance: M1 row has d (600) to current and c (200) to M2 -> 0.75 / 0.25.
    expect(m.balanceRates[1]).toEqual([0.75, 0, 0.25, 0, 0, 0]);
    expect(m.rates[2]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m.newAccounts).toBe(1);
  });

  it("returns issues for duplicate ids and malformed snapshots", () => {
    const dup = rollRates(
      [
        { id: "a", daysPastDue: 0, balanceFen: 1 },
        { id: "a", daysPastDue: 0, balanceFen: 1 },
      ],
      [],
    );
    expect(!dup.ok && dup.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual(["inconsistent@before.1.id"]);
    const bad = rollRates([{ id: "a", daysPastDue: -1, balanceFen: 1 }], "x");
    expect(!bad.ok && bad.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual([
      "too_small@before.0.daysPastDue",
      "invalid_type@after",
    ]);
  });
});
