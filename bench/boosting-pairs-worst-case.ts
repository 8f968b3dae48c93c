/**
 * The worst case of pair selection (issue 19 follow-up): with pairs requested, backward elimination boosts
 * the pair set again after each drop, so a training where most of 20 requested pairs are dropped one by one
 * boosts up to 20 times. For each case given on the command line (JSON: trainer options, plus `columns`, the
 * Give Me Some Credit features to train on, and `noise`, a count of SYNTHETIC uniform-noise columns from a
 * seeded mulberry32 added beside them), prints the trainer's CPU and wall seconds, the count of pairs per
 * selection reason (each `not_significant` one was dropped after a failed test of its set: one by one, that is
 * one more pair set boosted each), the pairs kept, the test AUC and the first 16 hex digits of the SHA-256 of
 * the artefact.
 * Run: RISKCARD_DATA_DIR=../shared/datasets npx tsx bench/boosting-pairs-worst-case.ts '{"interactions":20}'
 */
import { createHash } from "node:crypto";
import { trainBoostedScorecard } from "../src/boosting";
import { mulberry32 } from "../src/scorecard/train/train-test-split";
import { GMSC_FEATURES, GMSC_SPECIAL_COLUMNS, gmscPath, loadGmsc, split7030 } from "../test/logistic/gmsc-data";

const d = loadGmsc(gmscPath()!);
const [, test] = split7030(d.y.length);
const testMask = new Uint8Array(d.y.length);
for (const i of test) testMask[i] = 1;
for (const js of process.argv.slice(2)) {
  const {
    columns = [...GMSC_FEATURES],
    noise = 0,
    ...extra
  } = JSON.parse(js) as {
    columns?: string[];
    noise?: number;
    [k: string]: unknown;
  };
  const cols: Record<string, (number | null)[]> = {};
  for (const c of columns) cols[c] = d.columns[c]!;
  const rand = mulberry32(20261129);
  for (let k = 0; k < noise; k++) cols[`SYNTHETIC_noise_${k}`] = Array.from(d.y, () => Math.floor(rand() * 1000));
  const specialValues = Object.fromEntries(
    columns.filter((c) => GMSC_SPECIAL_COLUMNS.has(c)).map((c) => [c, [[96, 98]]]),
  );
  const data = { columns: { ...cols, y: Array.from(d.y) }, target: "y" };
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const r = trainBoostedScorecard(data, { date: "2026-11-29", split: { testMask }, specialValues, ...extra });
  const wall = (performance.now() - w0) / 1e3;
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const sel = r.value.report.pairSelection;
  const reasons: Record<string, number> = {};
  for (const s of sel) reasons[s.reason] = (reasons[s.reason] ?? 0) + 1;
  console.log(
    js,
    "cpu",
    ((c.user + c.system) / 1e6).toFixed(2),
    "wall",
    wall.toFixed(2),
    "reasons",
    JSON.stringify(reasons),
    "kept",
    r.value.report.pairs.length,
    "test AUC",
    r.value.report.test!.auc.toFixed(4),
    "sha256",
    createHash("sha256").update(r.value.json).digest("hex").slice(0, 16),
  );
}
