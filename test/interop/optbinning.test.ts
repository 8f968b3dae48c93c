import { describe, expect, it } from "vitest";
import { fromOptbinningTable } from "../../src/interop";
import { scoreRecord } from "../../src/scorecard";

/*
 * optbinning is not installable here; the expected scores are hand calculations and a naive
 * reading of optbinning's scoring (guillermo-navas-palencia/optbinning, optbinning/scorecard/
 * scorecard.py `Scorecard.score` and binning/transformations.py `transform_binary_target` with
 * metric "indices"): a special code takes the Special row, a missing value the Missing row, a
 * numerical value the bin `np.digitize(x, splits, right=False)` (splits = the bins' lower bounds
 * after the first), a category the bin that lists it, and an unseen category keeps index -1,
 * which numpy reads as the variable's last row (Missing). score = sum of the rows' points.
 */
const TABLE = `Variable,Bin,Points
duration,"(-inf, 12.00)",41.5
duration,"[12.00, 24.00)",20.25
duration,"[24.00, inf)",-3.0
duration,Special,7.0
duration,Missing,1.0
purpose,['car (new)' 'education'],-12.0
purpose,['radio/television'],30.0
purpose,Special,0.0
purpose,Missing,-4.5
`;

describe("optbinning Scorecard.table()", () => {
  const card = fromOptbinningTable(TABLE, { specialCodes: { duration: [-1] } });

  it("scores as optbinning: hand calculations", () => {
    if (!card.ok) throw new Error(JSON.stringify(card.issues));
    const s = (r: Record<string, number | string | null>) => scoreRecord(card.value, r).score;
    // duration 12 -> digitize([12], [12, 24]) = 1 -> "[12.00, 24.00)": 20.25; "education": -12 => 8.25
    expect(s({ duration: 12, purpose: "education" })).toBe(8.25);
    // duration 11.99 -> bin 0: 41.5; "radio/television": 30 => 71.5
    expect(s({ duration: 11.99, purpose: "radio/television" })).toBe(71.5);
    // special code -1: 7; missing purpose: -4.5 => 2.5
    expect(s({ duration: -1, purpose: null })).toBe(2.5);
    // missing duration: 1; unseen "repairs": index -1 -> last row (Missing) -4.5 => -3.5
    expect(s({ duration: null, purpose: "repairs" })).toBe(-3.5);
    // duration 24 -> bin 2: -3; "car (new)": -12 => -15
    expect(s({ duration: 24, purpose: "car (new)" })).toBe(-15);
  });

  it("adds the intercept when the table's points exclude it", () => {
    const c = fromOptbinningTable(TABLE, { intercept: 500 });
    if (!c.ok) throw new Error("card");
    expect(scoreRecord(c.value, { duration: 30, purpose: "education" }).score).toBe(500 - 3 - 12);
  });

  it("refuses a variable without its Missing row last", () => {
    const r = fromOptbinningTable('Variable,Bin,Points\nx,"(-inf, 1.00)",1\nx,"[1.00, inf)",2\n');
    expect(r.ok).toBe(false);
  });
});
