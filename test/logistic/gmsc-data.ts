/**
 * Loads the Give Me Some Credit training set (Kaggle 2011, cs-training.csv; see
 * ../shared/datasets/README.md) from `RISKCARD_DATA_DIR` (resolved from the working directory), or
 * from `../shared/datasets` next to the repository when the variable is unset.
 */
import { readFileSync } from "node:fs";
import { applyBins, binNumeric } from "../../src/binning";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";
import { dataFile } from "../real-data";

export const GMSC_FILE = "give_me_some_credit.csv";

/** The 10 features, in file order. */
export const GMSC_FEATURES = [
  "RevolvingUtilizationOfUnsecuredLines",
  "age",
  "NumberOfTime30-59DaysPastDueNotWorse",
  "DebtRatio",
  "MonthlyIncome",
  "NumberOfOpenCreditLinesAndLoans",
  "NumberOfTimes90DaysLate",
  "NumberRealEstateLoansOrLines",
  "NumberOfTime60-89DaysPastDueNotWorse",
  "NumberOfDependents",
] as const;

/** Past-due count columns that hold the special codes 96 and 98. */
export const GMSC_SPECIAL_COLUMNS = new Set<string>([
  "NumberOfTime30-59DaysPastDueNotWorse",
  "NumberOfTimes90DaysLate",
  "NumberOfTime60-89DaysPastDueNotWorse",
]);

export interface Gmsc {
  /** 1 = SeriousDlqin2yrs. */
  readonly y: Uint8Array;
  /** One column per feature; `NA` is null. */
  readonly columns: Record<string, (number | null)[]>;
}

/** The dataset's path (RISKCARD_DATA_DIR, else ../shared/datasets), or undefined when it is not there. */
export function gmscPath(): string | undefined {
  return dataFile(GMSC_FILE);
}

export function loadGmsc(file: string): Gmsc {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const header = lines[0]!.trim().split(",");
  const idx = GMSC_FEATURES.map((f) => header.indexOf(f));
  const yIdx = header.indexOf("SeriousDlqin2yrs");
  if (yIdx < 0 || idx.some((i) => i < 0)) throw new Error("give_me_some_credit.csv: unexpected header");
  const rows = lines.slice(1).filter((l) => l.trim().length > 0);
  const n = rows.length;
  const y = new Uint8Array(n);
  const columns: Record<string, (number | null)[]> = {};
  for (const f of GMSC_FEATURES) columns[f] = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const f = rows[i]!.trim().split(",");
    y[i] = Number(f[yIdx]);
    GMSC_FEATURES.forEach((name, k) => {
      const s = f[idx[k]!]!;
      columns[name]![i] = s === "NA" ? null : Number(s);
    });
  }
  return { y, columns };
}

/** A deterministic 70/30 split: Fisher-Yates with a fixed-seed mulberry32; returns [train, test] row indices. */
export function split7030(n: number, seed = 20240501): [Uint32Array, Uint32Array] {
  const rand = mulberry32(seed);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const cut = Math.round(n * 0.7);
  return [idx.slice(0, cut).sort(), idx.slice(cut).sort()];
}

/**
 * A SEEDED SYNTHETIC stand-in with the shape of Give Me Some Credit (150,000 rows by default, 10
 * numeric columns, `null` for missing in MonthlyIncome / NumberOfDependents, codes 96 / 98 in the
 * past-due counts), for benchmarks when the real file is absent. Not real data.
 * @param n rows
 * @param seed PRNG seed
 * @returns labels and columns
 */
export function syntheticGmsc(n = 150000, seed = 7): Gmsc {
  const rand = mulberry32(seed);
  const y = new Uint8Array(n);
  const columns: Record<string, (number | null)[]> = {};
  for (const f of GMSC_FEATURES) columns[f] = new Array<number | null>(n);
  const pois = (lambda: number): number => {
    let k = 0;
    let p = Math.exp(-lambda);
    let c = p;
    const u = rand();
    while (u > c && k < 30) {
      k++;
      p *= lambda / k;
      c += p;
    }
    return k;
  };
  for (let i = 0; i < n; i++) {
    const util = rand() < 0.02 ? 1 + rand() * 5 : rand() ** 2;
    const age = Math.round(21 + rand() * 60);
    const special = rand() < 0.0018;
    const late30 = special ? (rand() < 0.05 ? 96 : 98) : pois(0.25);
    const late90 = special ? late30 : pois(0.1);
    const late60 = special ? late30 : pois(0.08);
    const debt = rand() < 0.2 ? rand() * 3000 : rand() * 1.2;
    const incomeMissing = rand() < 0.2;
    const lines = pois(8);
    const re = pois(1);
    const eta =
      -3.2 +
      2.2 * Math.min(util, 1.5) -
      0.025 * (age - 50) +
      0.6 * Math.min(late30, 5) +
      0.9 * Math.min(late90, 5) +
      0.7 * Math.min(late60, 5) +
      (special ? 1.5 : 0) +
      (incomeMissing ? 0.1 : 0);
    y[i] = rand() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    columns.RevolvingUtilizationOfUnsecuredLines![i] = util;
    columns.age![i] = age;
    columns["NumberOfTime30-59DaysPastDueNotWorse"]![i] = late30;
    columns.DebtRatio![i] = debt;
    columns.MonthlyIncome![i] = incomeMissing ? null : Math.round(1000 + rand() * 12000);
    columns.NumberOfOpenCreditLinesAndLoans![i] = lines;
    columns.NumberOfTimes90DaysLate![i] = late90;
    columns.NumberRealEstateLoansOrLines![i] = re;
    columns["NumberOfTime60-89DaysPastDueNotWorse"]![i] = late60;
    columns.NumberOfDependents![i] = incomeMissing && rand() < 0.13 ? null : pois(0.8);
  }
  return { y, columns };
}

/** The WoE-encoded GMSC design on the fixed 70/30 split (tree binning fitted on the training part). */
export interface GmscWoeDesign {
  /** Training rows (105,000 x 10 on the real data). */
  readonly rows: number[][];
  readonly yTrain: number[];
  /** Holdout rows, row-major flat. */
  readonly xTest: Float64Array;
  readonly yTest: number[];
  /** Says whether the real file or the SYNTHETIC stand-in was used. */
  readonly source: string;
}

/**
 * Bins each feature on the training part (monotonic auto, 2% minimum bins, 96/98 specials) and
 * WoE-encodes both parts: the design of `bench/modelling-logistic.bench.ts` and `bench/fit-figures.ts`.
 * @returns the design
 */
export function gmscWoeDesign(): GmscWoeDesign {
  const file = gmscPath();
  const data = file === undefined ? syntheticGmsc() : loadGmsc(file);
  const source =
    file === undefined
      ? "a SEEDED SYNTHETIC stand-in (give_me_some_credit.csv not found via RISKCARD_DATA_DIR)"
      : "the real Give Me Some Credit data";
  const [train, test] = split7030(data.y.length);
  const pick = <T>(xs: ArrayLike<T>, idx: Uint32Array): T[] => Array.from(idx, (i) => xs[i]!);
  const yTrain = pick(data.y, train);
  const p = GMSC_FEATURES.length;
  const binnings = GMSC_FEATURES.map((f) =>
    binNumeric(pick(data.columns[f]!, train), yTrain, {
      monotonic: "auto",
      minBinShare: 0.02,
      stopLimit: 0.02,
      ...(GMSC_SPECIAL_COLUMNS.has(f) ? { specials: [[96, 98]] } : {}),
    }),
  );
  const encode = (idx: Uint32Array): Float64Array => {
    const flat = new Float64Array(idx.length * p);
    GMSC_FEATURES.forEach((f, j) => {
      const w = applyBins(binnings[j]!, pick(data.columns[f]!, idx));
      for (let i = 0; i < idx.length; i++) flat[i * p + j] = w[i]!;
    });
    return flat;
  };
  const xTrain = encode(train);
  const rows = Array.from({ length: train.length }, (_, i) => Array.from(xTrain.subarray(i * p, i * p + p)));
  return { rows, yTrain, xTest: encode(test), yTest: pick(data.y, test), source };
}
