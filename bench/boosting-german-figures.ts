/**
 * German credit (fixtures/german-credit, CC BY 4.0) with and without pair terms: the logistic
 * card's test AUC and, for each options object given on the command line, the boosted card's test
 * AUC, PD Brier score, rounds, the pairs it kept and the trainer's CPU seconds, all on the
 * project's default split (testShare 0.3, seed 1; the split of test/boosting/train-boosted-scorecard.test.ts).
 * Run: npx tsx bench/boosting-german-figures.ts '{}' '{"interactions":5}'
 */
import { trainBoostedScorecard } from "../src/boosting";
import { trainScorecard } from "../src/scorecard/train";
import { germanCredit } from "../test/binning/german-credit";

const g = germanCredit();
const columns: Record<string, number[] | string[]> = {};
for (const name of Object.keys(g.rows[0]!)) {
  const raw = g.rows.map((r) => r[name]!);
  columns[name] = raw.every((x) => x !== "" && Number.isFinite(Number(x))) ? raw.map(Number) : raw;
}
const data = { columns, target: "creditability" };
const lg = trainScorecard(data, { date: "2026-11-29", bad: "bad" });
if (!lg.ok) throw new Error(JSON.stringify(lg.issues));
console.log(`node ${process.version}; logistic card: test AUC ${lg.value.report.test!.auc.toFixed(4)}`);
for (const js of process.argv.slice(2)) {
  const c0 = process.cpuUsage();
  const r = trainBoostedScorecard(data, { date: "2026-11-29", bad: "bad", ...JSON.parse(js) });
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const b = r.value.report;
  console.log(
    `${js}: test AUC ${b.test!.auc.toFixed(4)}, Brier ${b.pdCalibration?.brier.toFixed(5)}, rounds ${b.rounds} (kept ${b.bestRound}), pair rounds ${b.pairRounds}, ${b.pairs.length} pairs [${b.pairs.map((p) => p.features.join(" x ")).join("; ")}], CPU ${((c.user + c.system) / 1e6).toFixed(2)} s`,
  );
}
