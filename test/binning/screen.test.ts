import { describe, expect, it } from "vitest";
import { screenVariables } from "../../src/binning";
import { germanCredit } from "./german-credit";

describe("screenVariables", () => {
  const gc = germanCredit();
  const n = gc.y.length;
  const columns = {
    duration_in_month: gc.num("duration_in_month"),
    credit_amount: gc.num("credit_amount"),
    // an exact copy: correlation 1 with the original, lower or equal IV -> dropped as correlated
    credit_amount_copy: gc.num("credit_amount"),
    housing: gc.str("housing"),
    constant: Array(n).fill(1),
    mostly_missing: gc.y.map((_, i) => (i < 980 ? null : i)),
    present_residence_since: gc.num("present_residence_since"),
  };
  const r = screenVariables(columns, gc.y);
  const row = (name: string) => r.rows.find((x) => x.name === name)!;
  it("reports missing and identical rates (counted by hand)", () => {
    expect(row("mostly_missing").missingRate).toBe(0.98);
    expect(row("mostly_missing").reason).toBe("missing_rate");
    expect(row("constant").identicalRate).toBe(1);
    expect(row("constant").reason).toBe("identical_rate");
    // housing: 713 'own' of 1000
    expect(row("housing").identicalRate).toBe(0.713);
    expect(row("housing").kind).toBe("categorical");
  });
  it("drops low-IV variables and the weaker of a correlated pair", () => {
    // present_residence_since: default tree binning gives IV 0.0036 < 0.02
    expect(row("present_residence_since").reason).toBe("low_iv");
    const copy = row("credit_amount_copy");
    expect(copy.kept).toBe(false);
    expect(copy.reason).toBe("correlated");
    expect(copy.correlatedWith).toBe("credit_amount");
    expect(copy.correlation).toBeCloseTo(1, 12);
    expect(row("credit_amount").kept).toBe(true);
    expect(row("duration_in_month").kept).toBe(true);
    expect(row("housing").kept).toBe(true);
    expect(Object.keys(r.binnings)).not.toContain("mostly_missing");
  });
  it("rejects bad input", () => {
    expect(() => screenVariables([] as never, [0, 1])).toThrow(TypeError);
    expect(() => screenVariables({ a: [1, "x"] } as never, [0, 1])).toThrow(TypeError);
    expect(() => screenVariables({ a: [1] }, [0, 1])).toThrow(RangeError);
    expect(() => screenVariables({ a: [1, 2] }, [0, 1], { maxCorrelation: 2 })).toThrow(RangeError);
    expect(() => screenVariables({ a: 3 } as never, [0, 1])).toThrow(TypeError);
  });
});
