/**
 * The German credit WoE design used by the statsmodels agreement test and the fit benchmark: eight
 * columns (four categorical, four numeric cut at fixed breaks) WoE-encoded by riskcard's binning.
 */
import { applyBins, binCategorical, binNumeric } from "../../src/binning";
import { germanCredit } from "../binning/german-credit";

/** Column and its breaks (numeric, left-closed) or "cat". */
export const GERMAN_SPEC: readonly (readonly [string, readonly number[] | "cat"])[] = [
  ["status_of_existing_checking_account", "cat"],
  ["duration_in_month", [8, 16, 34, 44]],
  ["credit_history", "cat"],
  ["credit_amount", [1400, 1800, 4000, 9200]],
  ["savings_account_and_bonds", "cat"],
  ["age_in_years", [26, 35, 40]],
  ["housing", "cat"],
  ["property", "cat"],
];

/**
 * The WoE rows and labels (1,000 x 8).
 * @returns `{ X, y }`
 */
export function germanWoeDesign(): { X: number[][]; y: number[] } {
  const gc = germanCredit();
  const encoded = GERMAN_SPEC.map(([col, br]) => {
    if (br === "cat") {
      const v = gc.str(col);
      return applyBins(binCategorical(v, gc.y, { minBinShare: 0, maxBins: 100 }), v);
    }
    const v = gc.num(col);
    return applyBins(binNumeric(v, gc.y, { breaks: br }), v);
  });
  return { X: gc.y.map((_, i) => encoded.map((c) => c[i]!)), y: gc.y };
}
