/**
 * The boosted scorecard beside the logistic card on the other real datasets in RISKCARD_DATA_DIR
 * (test/boosting/credit-datasets.ts; origin and licence in the datasets README): test AUC of the
 * logistic card (`trainScorecard` defaults) and of the boosted card for each options object given on
 * the command line, on the project's default split (testShare 0.3, seed 1), with the pairs kept and
 * the trainer's CPU seconds.
 * Run: RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-datasets-figures.ts '{}' '{"interactions":5}'
 */
import { trainBoostedScorecard } from "../src/boosting";
import { trainScorecard } from "../src/scorecard/train";
import { CREDIT_SETS, loadCreditSet } from "../test/boosting/credit-datasets";
import { dataFile } from "../test/real-data";

console.log(`node ${process.version}`);
for (const s of CREDIT_SETS) {
  const file = dataFile(s.file);
  if (file === undefined) throw new Error(`${s.file} not found: set RISKCARD_DATA_DIR`);
  const { data, rows } = loadCreditSet(file, s);
  const lg = trainScorecard(data, { date: "2026-11-29", bad: s.bad });
  if (!lg.ok) throw new Error(JSON.stringify(lg.issues));
  console.log(`${s.file} (${rows} rows): logistic card test AUC ${lg.value.report.test!.auc.toFixed(4)}`);
  for (const js of process.argv.slice(2)) {
    const c0 = process.cpuUsage();
    const r = trainBoostedScorecard(data, { date: "2026-11-29", bad: s.bad, ...JSON.parse(js) });
    const c = process.cpuUsage(c0);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const b = r.value.report;
    const kept = b.pairSelection.filter((p) => p.kept).length;
    console.log(
      `  boosted ${js}: test AUC ${b.test!.auc.toFixed(4)}, Brier ${b.pdCalibration?.brier.toFixed(5)}, pairs kept ${kept} of ${b.pairSelection.length}, CPU ${((c.user + c.system) / 1e6).toFixed(2)} s`,
    );
  }
}
