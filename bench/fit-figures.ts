/**
 * `npx tsx bench/fit-figures.ts [repeats]`: fitLogistic against statsmodels' Newton `Logit` on the
 * same designs, timed in the same session on the same machine: the Give Me Some Credit WoE design
 * (105,000 x 10, real data from RISKCARD_DATA_DIR or a SEEDED SYNTHETIC stand-in) and the German
 * credit WoE design (1,000 x 8). Writes each design to a temporary CSV, times fitLogistic (warm-up of
 * at least 500 ms, then the median of `repeats`), runs `/usr/bin/python3 bench/fit-statsmodels.py` on the
 * file, checks both found the same coefficients, and prints a markdown table for bench/RESULTS.md.
 * CI has no Python: the figures are recorded by hand from a run of this script.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fitLogistic } from "../src/logistic";
import { germanWoeDesign } from "../test/logistic/german-design";
import { gmscWoeDesign } from "../test/logistic/gmsc-data";

const here = dirname(fileURLToPath(import.meta.url));
const repeats = Number(process.argv[2] ?? 15);

interface Sm {
  statsmodels: string;
  numpy: string;
  medianMs: number;
  minMs: number;
  iterations: number;
  params: number[];
}

function figures(name: string, X: number[][], y: readonly number[], dir: string): string {
  const file = join(dir, `${name.replace(/\W+/g, "-")}.csv`);
  const p = X[0]!.length;
  const lines = [["y", ...Array.from({ length: p }, (_, j) => `x${j + 1}`)].join(",")];
  // 17 significant digits: the file round-trips every double exactly
  for (let i = 0; i < X.length; i++) lines.push([y[i], ...X[i]!.map((v) => v.toPrecision(17))].join(","));
  writeFileSync(file, `${lines.join("\n")}\n`);
  const times: number[] = [];
  let model = fitLogistic(X, y);
  // warm-up: at least 2 fits and 500 ms of fitting, so that V8 has optimised the kernels (statsmodels'
  // numpy code needs no warm-up beyond its own 2 fits)
  const w0 = performance.now();
  for (let r = 0; r < 2 || performance.now() - w0 < 500; r++) model = fitLogistic(X, y);
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    model = fitLogistic(X, y);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ours = times[times.length >> 1]!;
  const out = execFileSync("/usr/bin/python3", [join(here, "fit-statsmodels.py"), file, String(repeats)], {
    encoding: "utf8",
  });
  const sm = JSON.parse(out) as Sm;
  const beta = [model.intercept, ...model.coefficients];
  const maxRel = Math.max(...beta.map((b, j) => Math.abs(b - sm.params[j]!) / Math.abs(sm.params[j]!)));
  return `| ${name} | ${X.length.toLocaleString("en-US")} x ${p} | ${ours.toFixed(1)} ms (${model.iterations} it.) | ${sm.medianMs.toFixed(1)} ms (${sm.iterations} it.) | ${(sm.medianMs / ours).toFixed(2)}x | ${maxRel.toExponential(1)} | statsmodels ${sm.statsmodels}, numpy ${sm.numpy} |`;
}

const dir = mkdtempSync(join(tmpdir(), "riskcard-fit-"));
try {
  const gmsc = gmscWoeDesign();
  const german = germanWoeDesign();
  const rows = [
    "| design | rows x columns | fitLogistic median | statsmodels Logit newton median | ratio (statsmodels / fitLogistic) | max rel. coefficient difference | peer |",
    "|---|---:|---:|---:|---:|---:|---|",
    figures(
      `Give Me Some Credit WoE (${gmsc.source.includes("SYNTHETIC") ? "SYNTHETIC" : "real"})`,
      gmsc.rows,
      gmsc.yTrain,
      dir,
    ),
    figures("German credit WoE (real)", german.X, german.y, dir),
  ];
  console.log(
    `Node ${process.version}, median of ${repeats} timed fits each (fitLogistic after 500 ms of warm-up fits, statsmodels after 2)\n`,
  );
  console.log(rows.join("\n"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
