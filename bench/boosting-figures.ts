/**
 * Figures of the boosted scorecard beside the logistic card on Give Me Some Credit (the project's
 * fixed 70/30 split, test/logistic/gmsc-data.ts split7030) in one run: test AUC, Brier score and
 * reliability table of the PD on the 45,000 test rows, and each pipeline's training time (wall
 * and this process's CPU seconds; Node runs the training on one thread). Each further argument is
 * an options object for one more boosted card trained and timed in the same run (for example
 * '{"interactions":5}'); the reliability table is the first boosted card's.
 * Run: RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-figures.ts ['{"interactions":5}' ...]
 */
import { trainBoostedScorecard } from "../src/boosting";
import { brier, calibrationTable } from "../src/metrics";
import { type Scorecard, probabilityOfDefault, scoreRecord } from "../src/scorecard";
import { trainScorecard } from "../src/scorecard/train";
import { GMSC_SPECIAL_COLUMNS, gmscPath, loadGmsc, split7030 } from "../test/logistic/gmsc-data";

const file = gmscPath();
if (file === undefined) throw new Error("give_me_some_credit.csv not found: set RISKCARD_DATA_DIR");
const d = loadGmsc(file);
const [, test] = split7030(d.y.length);
const testMask = new Uint8Array(d.y.length);
for (const i of test) testMask[i] = 1;
const data = { columns: { ...d.columns, y: Array.from(d.y) }, target: "y" };
const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
const opts = { date: "2026-11-29", split: { testMask }, specialValues };

function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

function pdFigures(card: Scorecard): { brier: number; rows: string[] } {
  const probs = Float64Array.from(test, (i) => {
    const rec: Record<string, number | null> = {};
    for (const [k, col] of Object.entries(d.columns)) rec[k] = col[i] ?? null;
    return probabilityOfDefault(card, scoreRecord(card, rec).score);
  });
  const lab = Uint8Array.from(test, (i) => d.y[i]!);
  const t = calibrationTable(probs, lab);
  return {
    brier: brier(probs, lab),
    rows: t.rows.map(
      (r) => `| ${r.group} | ${r.count} | ${r.meanPredicted.toFixed(4)} | ${r.observedRate.toFixed(4)} |`,
    ),
  };
}

const lg = timed(() => trainScorecard(data, opts));
const bo = timed(() => trainBoostedScorecard(data, opts));
if (!lg.value.ok || !bo.value.ok) throw new Error("training failed");
const lf = pdFigures(lg.value.value.card);
const bf = pdFigures(bo.value.value.card);
console.log(`node ${process.version}`);
console.log(
  `logistic card: test AUC ${lg.value.value.report.test!.auc.toFixed(4)}, Brier ${lf.brier.toFixed(5)}, train ${lg.wall.toFixed(2)} s wall / ${lg.cpu.toFixed(2)} s CPU`,
);
console.log(
  `boosted card:  test AUC ${bo.value.value.report.test!.auc.toFixed(4)}, Brier ${bf.brier.toFixed(5)}, train ${bo.wall.toFixed(2)} s wall / ${bo.cpu.toFixed(2)} s CPU (${(bo.cpu / lg.cpu).toFixed(2)}x the logistic CPU); rounds ${bo.value.value.report.rounds}, best ${bo.value.value.report.bestRound}; ${bo.value.value.card.characteristics.map((c) => c.attributes.length).join("/")} attributes`,
);
for (const js of process.argv.slice(2)) {
  const more = timed(() => trainBoostedScorecard(data, { ...opts, ...JSON.parse(js) }));
  if (!more.value.ok) throw new Error(JSON.stringify(more.value.issues));
  const r = more.value.value.report;
  console.log(
    `boosted card ${js}: test AUC ${r.test!.auc.toFixed(4)}, Brier ${r.pdCalibration?.brier.toFixed(5)}, train ${more.wall.toFixed(2)} s wall / ${more.cpu.toFixed(2)} s CPU (${(more.cpu / lg.cpu).toFixed(2)}x the logistic CPU); rounds ${r.rounds}, best ${r.bestRound}, pair rounds ${r.pairRounds}, ${r.pairs.length} pairs`,
  );
}
console.log("| decile | rows | logistic mean PD | observed | boosted mean PD | observed |");
lf.rows.forEach((r, k) => {
  const b = bf.rows[k]!.split("|");
  console.log(`${r} ${b[3]!.trim()} | ${b[4]!.trim()} |`);
});
