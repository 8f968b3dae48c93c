import { quantileBreaks } from "../metrics";
import type { Scorecard, ScorecardJSON } from "../scorecard";
import type { TableScores } from "./score-table";

/**
 * The training (reference) distribution a model carries for stability reports: score decile
 * breaks with the count of training rows per score bin, and the count of training rows per
 * attribute of each characteristic (`fallback` for rows in no attribute).
 */
export interface Reference {
  readonly breaks: readonly number[];
  readonly scoreCounts: readonly number[];
  /** `attributeCounts[c][a]`: rows in attribute `a` of characteristic `c`; the last entry is the fallback. */
  readonly attributeCounts: readonly (readonly number[])[];
}

/**
 * Prefix of the `training.metrics` keys that hold the reference distribution.
 * @example REF_PREFIX // => "ref."
 */
export const REF_PREFIX = "ref.";

/**
 * Computes the reference distribution of a card over the rows it was trained on.
 * @param card the trained card
 * @param scored the card's scores over the training rows (`scoreTable`)
 * @param rows which rows to count (the training rows)
 * @param bins score bins wanted (default 10: deciles)
 * @returns the reference
 * @example referenceOf(germanCard, scoreTable(germanCard, germanTable), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).scoreCounts.length // => 10 (deciles)
 */
export function referenceOf(card: Scorecard, scored: TableScores, rows: readonly number[], bins = 10): Reference {
  const scores = Float64Array.from(rows, (i) => scored.scores[i]!);
  const breaks = quantileBreaks(scores, bins);
  const scoreCounts = new Array<number>(breaks.length + 1).fill(0);
  for (const s of scores) scoreCounts[binIndex(breaks, s)]!++;
  const k = scored.characteristics;
  const attributeCounts = card.characteristics.map((c, ci) => {
    const counts = new Array<number>(c.attributes.length + 1).fill(0);
    for (const i of rows) {
      const a = scored.attributes[i * k + ci]!;
      counts[a < 0 ? c.attributes.length : a]!++;
    }
    return counts;
  });
  return { breaks, scoreCounts, attributeCounts };
}

/**
 * The bin of a value over left-closed breaks: `(-inf, b0) -> 0`, `[b0, b1) -> 1`, ...
 * @param breaks strictly increasing breaks
 * @param v the value
 * @returns the bin index, 0 .. breaks.length
 * @example binIndex([3, 5], 3) // => 1
 */
export function binIndex(breaks: readonly number[], v: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v >= breaks[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Writes a reference into an artefact's `training.metrics` under `ref.` keys
 * (`ref.score.break.1`, `ref.score.count.1`, `ref.attr.<c>.<a>`, `ref.attr.<c>.fallback`), so that the
 * model file alone is enough to measure stability later.
 * @param artefact the scorecard artefact (with `training`)
 * @param ref the reference
 * @returns a new artefact (the input is not changed)
 * @example withReference(scorecardToJSON(germanCard), { breaks: [600], scoreCounts: [70, 30], attributeCounts: [] }).training.metrics["ref.score.count.1"] // => 70
 */
export function withReference(artefact: ScorecardJSON, ref: Reference): ScorecardJSON {
  const metrics: Record<string, number> = {};
  for (const [key, v] of Object.entries(artefact.training?.metrics ?? {}))
    if (!key.startsWith(REF_PREFIX)) metrics[key] = v;
  ref.breaks.forEach((b, i) => {
    metrics[`${REF_PREFIX}score.break.${i + 1}`] = b;
  });
  ref.scoreCounts.forEach((c, i) => {
    metrics[`${REF_PREFIX}score.count.${i + 1}`] = c;
  });
  ref.attributeCounts.forEach((counts, c) => {
    counts.forEach((n, a) => {
      metrics[`${REF_PREFIX}attr.${c + 1}.${a === counts.length - 1 ? "fallback" : a + 1}`] = n;
    });
  });
  const training = artefact.training ?? { data: "unknown", date: "1970-01-01" };
  return { ...artefact, training: { ...training, metrics } };
}

/**
 * Reads the reference a model carries (written by `riskcard train`), or null when it has none or
 * it does not fit the card.
 * @param card a loaded card
 * @returns the reference or null
 * @example readReference(loadScorecardOrThrow(germanModelText))?.breaks.length // => 9 (deciles of the training scores)
 */
export function readReference(card: Scorecard): Reference | null {
  const art = card.artefact;
  const metrics = art.format === "riskcard.scorecard" ? art.training?.metrics : undefined;
  if (metrics === undefined) return null;
  const breaks: number[] = [];
  for (let i = 1; metrics[`${REF_PREFIX}score.break.${i}`] !== undefined; i++)
    breaks.push(metrics[`${REF_PREFIX}score.break.${i}`]!);
  const scoreCounts: number[] = [];
  for (let i = 1; metrics[`${REF_PREFIX}score.count.${i}`] !== undefined; i++)
    scoreCounts.push(metrics[`${REF_PREFIX}score.count.${i}`]!);
  if (scoreCounts.length === 0 || scoreCounts.length !== breaks.length + 1) return null;
  for (let i = 1; i < breaks.length; i++) if (!(breaks[i]! > breaks[i - 1]!)) return null;
  const attributeCounts: number[][] = [];
  for (let c = 0; c < card.characteristics.length; c++) {
    const n = card.characteristics[c]!.attributes.length;
    const counts: number[] = [];
    for (let a = 0; a <= n; a++) {
      const v = metrics[`${REF_PREFIX}attr.${c + 1}.${a === n ? "fallback" : a + 1}`];
      if (v === undefined || !(v >= 0)) return null;
      counts.push(v);
    }
    attributeCounts.push(counts);
  }
  if (scoreCounts.some((v) => !(v >= 0))) return null;
  return { breaks, scoreCounts, attributeCounts };
}
