/**
 * Real data: Give Me Some Credit (RISKCARD_DATA_DIR), the project's fixed 70/30 split
 * (test/logistic/gmsc-data.ts split7030). The boosted card must reach test AUC 0.862.
 * Reference: scikit-learn 1.2.1 HistGradientBoostingClassifier() with default settings on the same
 * split (bench/boosting-sklearn.py, run with Debian /usr/bin/python3 on 2026-11-29):
 *   /usr/bin/python3 bench/boosting-sklearn.py ../shared/datasets/give_me_some_credit.csv
 *   train bads 6944 test bads 3082
 *   random_state=0: test AUC 0.8663; random_state=1: 0.8669; random_state=2: 0.8669
 * The issue quotes 0.8637 for sklearn and 0.853 for the logistic card on a fixed 70/30 split.
 */
import { describe, expect } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import { trainScorecard } from "../../src/scorecard/train";
import { GMSC_FILE, GMSC_SPECIAL_COLUMNS, loadGmsc, split7030 } from "../logistic/gmsc-data";
import { itWithData } from "../real-data";

describe("Give Me Some Credit: boosted scorecard on the fixed 70/30 split", () => {
  itWithData(
    "test AUC >= 0.862 and above the logistic card's on the same rows; a 10-group reliability table",
    [GMSC_FILE],
    (file) => {
      const d = loadGmsc(file);
      const [train, test] = split7030(d.y.length);
      expect(train.length).toBe(105000);
      const testMask = new Uint8Array(d.y.length);
      for (const i of test) testMask[i] = 1;
      const data = { columns: { ...d.columns, y: Array.from(d.y) }, target: "y" };
      const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
      const r = trainBoostedScorecard(data, { date: "2026-11-29", split: { testMask }, specialValues });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const b = r.value.report;
      expect(b.test!.rows).toBe(45000);
      expect(b.test!.bads).toBe(3082);
      expect(b.test!.auc).toBeGreaterThanOrEqual(0.862);
      const lg = trainScorecard(data, { date: "2026-11-29", split: { testMask }, specialValues });
      if (!lg.ok) throw new Error(JSON.stringify(lg.issues));
      expect(b.test!.auc).toBeGreaterThan(lg.value.report.test!.auc);
      expect(b.pdCalibration!.table.rows.length).toBe(10);
    },
    600_000,
  );
  itWithData(
    "with 5 pairs requested: the set passes the held-out test, all 5 kept, test AUC above the mains-only card's and >= 0.862",
    [GMSC_FILE],
    (file) => {
      const d = loadGmsc(file);
      const [, test] = split7030(d.y.length);
      const testMask = new Uint8Array(d.y.length);
      for (const i of test) testMask[i] = 1;
      const data = { columns: { ...d.columns, y: Array.from(d.y) }, target: "y" };
      const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
      const opts = { date: "2026-11-29", split: { testMask }, specialValues };
      const mains = trainBoostedScorecard(data, opts);
      const pairs = trainBoostedScorecard(data, { ...opts, interactions: 5 });
      if (!mains.ok || !pairs.ok) throw new Error("training failed");
      expect(pairs.value.artefact.version).toBe(2);
      expect(pairs.value.report.pairs).toHaveLength(5);
      // measured 2026-11-29 (RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-pairs-figures.ts
      // '{"interactions":0}' '{"interactions":5}'): mains 0.8638, 5 pairs 0.8646. Each pair alone is under 2
      // standard errors on the 7,875 selection rows (own z 0.86 to 1.56), the 5 together z 2.95 >= keepZ(5) 2.58.
      const ev = pairs.value.report.pairSetEvidence!;
      expect(ev.rows).toBe(7875);
      expect(ev.z).toBeGreaterThanOrEqual(ev.threshold);
      expect(pairs.value.report.test!.auc).toBeGreaterThan(mains.value.report.test!.auc);
      expect(pairs.value.report.test!.auc).toBeGreaterThanOrEqual(0.862);
    },
    600_000,
  );
});
