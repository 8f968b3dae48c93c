/**
 * The data shapes of `trainBoostedScorecard`: its options, and what it returns (the artefact, the
 * loaded card, and a report with each feature's shape and the calibration figures).
 */
import type { CalibrationTable } from "../metrics/calibration-table";
import type { Scorecard, ScorecardJSON } from "../scorecard/types";
import type { SetMetrics, SharedTrainOptions } from "../scorecard";

/** Options of `trainBoostedScorecard`: the trainers' shared options and the boosting ones. Only `date` is required. */
export interface BoostOptions extends SharedTrainOptions {
  /** Most quantile intervals per numeric column before boosting (default 64). */
  readonly maxBins?: number;
  /** Share of the training rows held out (stratified, seeded) for early stopping and calibration (default 0.15). */
  readonly validationShare?: number;
  /** Seed of the validation split (default 1). */
  readonly seed?: number;
  /** Shrinkage of each step (default 0.05). */
  readonly learningRate?: number;
  /** Most rounds (default 2000). */
  readonly maxRounds?: number;
  /** Most leaves per step (default 3). */
  readonly maxLeaves?: number;
  /** Fewest rows per leaf (default 20). */
  readonly minSamplesLeaf?: number;
  /** Rounds without a better validation loss before stopping (default 50). */
  readonly patience?: number;
  /**
   * Monotone constraints by column, on the risk (log-odds of bad) over the column's intervals:
   * `"increasing"` = risk never falls as the value grows (points never rise), `"decreasing"` the
   * reverse. Missing and special bins are free.
   */
  readonly monotone?: Readonly<Record<string, "increasing" | "decreasing">>;
  /**
   * After early stopping picks the number of rounds, boost again from scratch on the training and
   * validation rows together for that many rounds (default true; the validation rows then serve
   * calibration only).
   */
  readonly refit?: boolean;
  /**
   * Most boundaries of a numeric characteristic in the card (special values count two), from 1
   * to 31 (default 7, the scorer's 8-wide padded path, as a logistic card with 8 bins): closest
   * adjacent runs are merged until it fits. The padded path searches 8, 16 or 32 boundaries, so
   * fewer boundaries score faster (bench/RESULTS.md, suite boosting).
   */
  readonly maxCuts?: number;
  /**
   * Number of pairwise interaction terms (default 0: none). Candidate pairs are ranked on the
   * residuals of the main shapes (FAST, Lou et al. 2013), the best `interactions` pairs with a
   * positive gain are boosted after the mains, and each becomes a two-dimensional characteristic
   * (a version 2 rules characteristic over both features, one attribute per cell). At most 20.
   * Each pair is purified: the count-weighted mean of every row and column of its table moves into
   * the two main shapes, so the pair holds the interaction only; a cell with fewer than
   * `minSamplesLeaf` training rows gets 0 points. Features with a `monotone` constraint are not
   * paired (a pair would let their total effect on the score break the constraint).
   */
  readonly interactions?: number;
  /**
   * Shrinkage of each pair step (default 0.2): a pair step is a four-leaf tree over a coarse grid
   * whose leaves hold at least `minSamplesLeaf` rows, so it takes larger steps than the mains'
   * fine-bin trees (fewer rounds, bench/boosting-figures.ts).
   */
  readonly pairLearningRate?: number;
  /** Most interval groups per numeric feature in a pair's grid (default 6, 2 to 16; missing and special bins come on top). */
  readonly pairBins?: number;
  /** Recalibrate PD on the validation rows (Platt: logit = a + b * card logit); default true. */
  readonly calibrate?: boolean;
}

/** One feature's learned shape, for reports: points per fine bin, and bin labels. */
export interface FeatureShape {
  readonly feature: string;
  readonly labels: readonly string[];
  readonly points: readonly number[];
  readonly counts: readonly number[];
}

/** One pairwise term's learned surface, for reports: points per cell (rows: the first feature's bins). */
export interface PairShape {
  readonly features: readonly [string, string];
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** Points of cell (r, c) at `points[r][c]`. */
  readonly points: readonly (readonly number[])[];
  /** Rows (training and validation) per cell. */
  readonly counts: readonly (readonly number[])[];
  /** FAST gain of the pair on the residuals of the mains (second-order loss reduction). */
  readonly gain: number;
}

/** Calibration figures of a PD on a set of rows. */
export interface CalibrationReport {
  readonly brier: number;
  readonly table: CalibrationTable;
}

/** What `trainBoostedScorecard` did and measured. */
export interface BoostReport {
  readonly rounds: number;
  readonly bestRound: number;
  readonly validationLoss: readonly number[];
  /** Platt calibration `logit = a + b * logit_raw` fitted on the validation rows (a = 0, b = 1 when off). */
  readonly calibration: { readonly a: number; readonly b: number };
  readonly train: SetMetrics;
  readonly validation?: SetMetrics;
  readonly test?: SetMetrics;
  /** Brier score and reliability table of the card's PD on the test rows (on the validation rows without test rows). */
  readonly pdCalibration?: CalibrationReport;
  readonly shapes: readonly FeatureShape[];
  /** The pairwise terms in the card (empty without `interactions`), and their boosting rounds. */
  readonly pairs: readonly PairShape[];
  readonly pairRounds: number;
}

/** The result of `trainBoostedScorecard`. */
export interface BoostedScorecard {
  readonly artefact: ScorecardJSON;
  readonly card: Scorecard;
  /** Canonical JSON text of the artefact (`scorecardToJSON`). */
  readonly json: string;
  readonly report: BoostReport;
}
