/**
 * Give Me Some Credit with and without pair terms: test AUC, PD Brier score, pair rounds and the
 * trainer's CPU seconds for each options object given on the command line (merged into the fixed
 * 70/30 split and the special values of bench/boosting-figures.ts), and the first 16 hex digits of
 * the SHA-256 of the artefact's JSON (to check that a faster trainer learns the same bytes).
 * Run: RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-pairs-figures.ts '{"interactions":0}' '{"interactions":5}'
 */
import { createHash } from "node:crypto";
import { trainBoostedScorecard } from "../src/boosting";
import { GMSC_SPECIAL_COLUMNS, gmscPath, loadGmsc, split7030 } from "../test/logistic/gmsc-data";
const d = loadGmsc(gmscPath()!);
const [, test] = split7030(d.y.length);
const testMask = new Uint8Array(d.y.length);
for (const i of test) testMask[i] = 1;
const data = { columns: { ...d.columns, y: Array.from(d.y) }, target: "y" };
const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
for (const js of process.argv.slice(2)) {
  const extra = JSON.parse(js);
  const c0 = process.cpuUsage();
  const r = trainBoostedScorecard(data, { date: "2026-11-29", split: { testMask }, specialValues, ...extra });
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  console.log(
    js,
    "test AUC",
    r.value.report.test!.auc.toFixed(4),
    "cpu",
    ((c.user + c.system) / 1e6).toFixed(2),
    "rounds",
    r.value.report.rounds,
    r.value.report.bestRound,
    "pairRounds",
    r.value.report.pairRounds,
    r.value.report.pairs.length,
    "brier",
    r.value.report.pdCalibration?.brier.toFixed(5),
    "sha256",
    createHash("sha256").update(r.value.json).digest("hex").slice(0, 16),
  );
}
