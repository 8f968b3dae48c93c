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
   * Most pairwise interaction terms (default 0: none). Candidate pairs are ranked on the
   * residuals of the main shapes (FAST, Lou et al. 2013), and the best `interactions` pairs with a
   * positive gain are boosted after the mains. Pairs must earn their place: the validation rows are
   * split in two halves (stratified), one picks the pair rounds (early stopping), the other tests
   * the set of pairs; while the set lowers that half's log-loss by fewer than `keepZ(m)` standard
   * errors (1.96 for one requested pair up to 3.02 for 20, Bonferroni over the m sets that may be
   * tested), the pair with the lowest z of its own is dropped and the rest boosted again (after three
   * such drops, the weaker half at once: at most 8 sets boosted for 20 pairs). So a
   * small validation part (German credit's 105 rows) keeps no pair and the card is the mains-only
   * card, byte for byte. `report.pairSelection` says which pairs were kept or dropped and why.
   * Without validation rows (`validationShare: 0`) the pairs are kept untested. Each kept pair
   * becomes a two-dimensional characteristic
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
  /** Every requested pair (the `interactions` best by FAST gain), whether it was kept, and why. */
  readonly pairSelection: readonly PairSelection[];
  /** The held-out test of the set of pairs kept (absent when none was kept or none was tested). */
  readonly pairSetEvidence?: PairSetEvidence;
}

/**
 * The held-out test the kept set of pairs passed: on the selection rows (half the validation rows,
 * used neither to train nor to stop), the mean log-loss per row without the pairs minus with them,
 * its standard error, z, and the threshold it had to reach.
 */
export interface PairSetEvidence {
  readonly pairs: number;
  readonly improvement: number;
  readonly se: number;
  readonly z: number;
  readonly threshold: number;
  readonly rows: number;
}

/**
 * Why a requested pair is in the card or not:
 * - `significant`: kept; on the held-out selection rows (half the validation rows, used neither to
 *   train nor to stop) the set of kept pairs together lowers the log-loss by at least `threshold`
 *   standard errors (`pairSetEvidence`); `improvement` and `z` are this pair's own share;
 * - `untested`: kept without a test, because there are no validation rows (`validationShare: 0`);
 * - `no_gain`: dropped; its FAST gain on the training residuals is 0 (no split helps);
 * - `no_improvement`: dropped; no round of pair boosting lowered the stopping rows' log-loss;
 * - `not_significant`: dropped; the set it was in did not reach the threshold, and of that set it
 *   had the lowest z of its own (backward elimination: it is dropped and the rest boosted again), or,
 *   after three such drops, was in the weaker half of the set (`SINGLE_DROP_ROUNDS`), all dropped at once.
 */
export type PairSelectionReason = "significant" | "untested" | "no_gain" | "no_improvement" | "not_significant";

/** One requested pair's selection: FAST gain, kept or not, why, and the held-out test's figures when run. */
export interface PairSelection {
  readonly features: readonly [string, string];
  readonly gain: number;
  readonly kept: boolean;
  readonly reason: PairSelectionReason;
  /** Mean log-loss per selection row without the pair minus with it (when tested). */
  readonly improvement?: number;
  /** `improvement` in standard errors (when tested). */
  readonly z?: number;
  /** Selection rows the test ran on (when tested). */
  readonly rows?: number;
}

/** The result of `trainBoostedScorecard`. */
export interface BoostedScorecard {
  readonly artefact: ScorecardJSON;
  readonly card: Scorecard;
  /** Canonical JSON text of the artefact (`scorecardToJSON`). */
  readonly json: string;
  readonly report: BoostReport;
}
