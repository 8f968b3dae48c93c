/**
 * Scores the training table with the built card through the public batch scorer (so the recorded
 * metrics are what the API computes) and measures AUC, KS and PSI. Internal.
 */
import { auc } from "../../metrics/auc";
import { ks } from "../../metrics/ks";
import { psiQuantile } from "../../metrics/psi";
import { scoreBatch } from "../score";
import type { Scorecard } from "../types";
import type { PreparedColumn } from "./prepare-data";
import type { SetMetrics } from "./types";

/**
 * Scores every row: numeric columns as they are (NaN = missing), categorical values as their index
 * in the characteristic's levels (-1, matching no attribute, for an unseen category).
 * @param card the card
 * @param columns all rows' candidate columns by name
 * @param n row count
 * @returns one score per row
 */
export function scoreColumns(card: Scorecard, columns: ReadonlyMap<string, PreparedColumn>, n: number): Float64Array {
  const names = card.characteristics.map((c) => c.feature);
  const p = names.length;
  const values = new Float64Array(n * p);
  const missing = new Uint8Array(n * p);
  card.characteristics.forEach((ch, j) => {
    const col = columns.get(ch.feature)!;
    if (col.kind === "numeric") {
      const v = col.values;
      for (let i = 0, o = j; i < n; i++, o += p) {
        const x = v[i]!;
        if (Number.isNaN(x)) missing[o] = 1;
        else values[o] = x;
      }
    } else {
      const levels = new Map((ch.type === "categorical" ? ch.levels : []).map((l, k) => [l, k]));
      const v = col.values;
      for (let i = 0, o = j; i < n; i++, o += p) {
        const x = v[i];
        if (x === null || x === undefined) missing[o] = 1;
        else values[o] = levels.get(x) ?? -1;
      }
    }
  });
  return scoreBatch(card, { names, values, missing });
}

/**
 * AUC (higher score = better, so `higherIsBad: false`) and KS of scores on the rows of one set.
 * @param scores scores of the set
 * @param labels labels of the set
 * @returns the set's metrics
 */
export function setMetrics(scores: Float64Array, labels: Uint8Array): SetMetrics {
  let bads = 0;
  for (let i = 0; i < labels.length; i++) bads += labels[i]!;
  return { rows: labels.length, bads, auc: auc(scores, labels, { higherIsBad: false }), ks: ks(scores, labels) };
}

/**
 * PSI of test scores against train scores over train-score quantile bins.
 * @param train train scores
 * @param test test scores
 * @param bins number of quantile bins
 * @returns the PSI
 */
export function scorePsi(train: Float64Array, test: Float64Array, bins: number): number {
  return psiQuantile(train, test, { bins });
}
