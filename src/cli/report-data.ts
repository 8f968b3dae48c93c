import { woeIv } from "../binning";
import { type GainsRow, auc, gainsTable, gini, ks, stabilityIndex } from "../metrics";
import type { Characteristic, Scorecard } from "../scorecard";
import { type Reference, binIndex } from "./reference";
import type { ShapesData } from "./report-shapes";
import type { TableScores } from "./score-table";
import { roundLabel } from "./svg";

/** One attribute row of a characteristic table (the last row may be the fallback). */
export interface AttributeRow {
  readonly label: string;
  readonly count: number;
  /** `count / rows`. */
  readonly share: number;
  readonly good: number;
  readonly bad: number;
  /** `bad / count` (0 for an empty attribute). */
  readonly badRate: number;
  /**
   * WoE on this data, `ln((bad/B) / (good/G))` (binning's `woeIv` over the non-empty attributes,
   * a zero count as 0.9); null for an attribute no row fell in.
   */
  readonly woe: number | null;
  /** The attribute's IV term (0 when empty). */
  readonly iv: number;
  /** The points the card gives this attribute (null for an attribute whose points are an expression). */
  readonly points: number | null;
  /** Share of the training rows in this attribute, when the model carries its reference. */
  readonly expectedShare: number | null;
}

/** A characteristic's table: attribute rows, its IV on this data and its CSI against training. */
export interface CharacteristicReport {
  readonly name: string;
  readonly feature: string;
  readonly type: "numeric" | "categorical" | "rules";
  readonly rows: readonly AttributeRow[];
  readonly iv: number;
  /** Characteristic stability index against the training distribution, when known. */
  readonly csi: number | null;
}

/** One score bin of the stability table. */
export interface StabilityRow {
  readonly label: string;
  readonly expectedCount: number;
  readonly actualCount: number;
  readonly expectedShare: number;
  readonly actualShare: number;
  readonly contribution: number;
}

/** Everything a validation report shows, as numbers (rendering is `renderReport`'s job). */
export interface ReportData {
  readonly model: {
    readonly name: string;
    readonly kind: "points" | "expert";
    readonly characteristics: number;
    readonly scaling: {
      readonly points0: number;
      readonly odds0: number;
      readonly pdo: number;
      readonly odds: string;
    } | null;
    readonly trainedOn: string | null;
    readonly trainedDate: string | null;
  };
  readonly data: {
    readonly source: string;
    readonly target: string;
    readonly rows: number;
    readonly bads: number;
    readonly goods: number;
    readonly badRate: number;
  };
  /** AUC, Gini and KS of the score (higher score = better), and the score where KS is reached. */
  readonly discrimination: {
    readonly auc: number;
    readonly gini: number;
    readonly ks: number;
    readonly ksScore: number;
  };
  /** ROC points from the riskiest cut-off: false positive rate (goods) and true positive rate (bads). */
  readonly roc: { readonly fpr: readonly number[]; readonly tpr: readonly number[] };
  /** KS curve: at each distinct score s, the share of bads and goods scoring at most s. */
  readonly ksCurve: {
    readonly score: readonly number[];
    readonly cumBadShare: readonly number[];
    readonly cumGoodShare: readonly number[];
  };
  /** Score histogram by class over equal-width bins. */
  readonly distribution: readonly {
    readonly lower: number;
    readonly upper: number;
    readonly good: number;
    readonly bad: number;
  }[];
  /** Bad rate by score band: the metrics `gainsTable` in 10 groups, riskiest (lowest score) first. */
  readonly bands: readonly GainsRow[];
  readonly characteristics: readonly CharacteristicReport[];
  /** PSI of the scores against the training distribution the model carries; null without one. */
  readonly stability: { readonly psi: number; readonly rows: readonly StabilityRow[] } | null;
  /** Points by attribute and pair-term grids (`shapesOf`, report-shapes.ts), when the caller adds them. */
  readonly shapes?: ShapesData;
}

/** Inputs of `computeReport`. */
export interface ReportInput {
  readonly card: Scorecard;
  readonly scored: TableScores;
  /** 1 = bad, 0 = good, one per row. */
  readonly labels: Uint8Array;
  readonly source: string;
  readonly target: string;
  readonly reference: Reference | null;
  /** Histogram bins of the score distribution (default 20). */
  readonly histogramBins?: number;
}

/**
 * Computes every number of a validation report from a card's scores on labelled data, using the
 * library's own metrics (`auc`, `gini`, `ks`, `gainsTable`, `stabilityIndex`, `woeIv`).
 * @param input card, scores, labels, source names and the training reference
 * @returns the report data
 * @throws {RangeError} when the labels hold one class only (the metrics need both)
 * @example computeReport({ card: germanCard, scored: scoreTable(germanCard, germanTable), labels: germanLabels, source: "german_credit.csv", target: "creditability", reference: null }).discrimination.auc // => 0.8145 (in-sample, all 1,000 rows)
 */
export function computeReport(input: ReportInput): ReportData {
  const { card, scored, labels } = input;
  const n = labels.length;
  let bads = 0;
  for (let i = 0; i < n; i++) bads += labels[i]!;
  const scores = scored.scores;
  const { roc, ksCurve, ksScore } = curves(scores, labels, bads);
  const art = card.artefact;
  const training = art.format === "riskcard.scorecard" ? art.training : undefined;
  return {
    model: {
      name: card.name,
      kind: card.kind,
      characteristics: card.characteristics.length,
      scaling:
        card.scaling === null
          ? null
          : {
              points0: card.scaling.points0,
              odds0: card.scaling.odds0,
              pdo: card.scaling.pdo,
              odds: card.scaling.odds,
            },
      trainedOn: training?.data ?? null,
      trainedDate: training?.date ?? null,
    },
    data: { source: input.source, target: input.target, rows: n, bads, goods: n - bads, badRate: bads / n },
    discrimination: {
      auc: auc(scores, labels, { higherIsBad: false }),
      gini: gini(scores, labels, { higherIsBad: false }),
      ks: ks(scores, labels),
      ksScore,
    },
    roc,
    ksCurve,
    distribution: histogram(scores, labels, input.histogramBins ?? 20),
    bands: gainsTable(scores, labels, { groups: Math.min(10, n), higherIsBad: false }),
    characteristics: card.characteristics.map((c, ci) => characteristicReport(c, ci, scored, labels, input.reference)),
    stability: stability(scores, input.reference),
  };
}

function curves(scores: Float64Array, labels: Uint8Array, bads: number) {
  const n = scores.length;
  const goods = n - bads;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const fpr = [0];
  const tpr = [0];
  const score: number[] = [];
  const cumBadShare: number[] = [];
  const cumGoodShare: number[] = [];
  let cb = 0;
  let cg = 0;
  let best = -1;
  let ksScore = scores.length > 0 ? scores[order[0]!]! : 0;
  for (let k = 0; k < n; ) {
    const s = scores[order[k]!]!;
    while (k < n && scores[order[k]!] === s) {
      if (labels[order[k]!] === 1) cb++;
      else cg++;
      k++;
    }
    const b = cb / bads;
    const g = cg / goods;
    fpr.push(g);
    tpr.push(b);
    score.push(s);
    cumBadShare.push(b);
    cumGoodShare.push(g);
    if (Math.abs(b - g) > best) {
      best = Math.abs(b - g);
      ksScore = s;
    }
  }
  return { roc: { fpr, tpr }, ksCurve: { score, cumBadShare, cumGoodShare }, ksScore };
}

function histogram(scores: Float64Array, labels: Uint8Array, bins: number) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (!(hi > lo))
    return [
      {
        lower: lo,
        upper: hi,
        good: labels.length - labels.reduce((a, b) => a + b, 0),
        bad: labels.reduce((a, b) => a + b, 0),
      },
    ];
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({
    lower: lo + i * width,
    upper: i === bins - 1 ? hi : lo + (i + 1) * width,
    good: 0,
    bad: 0,
  }));
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(bins - 1, Math.floor((scores[i]! - lo) / width));
    if (labels[i] === 1) out[b]!.bad++;
    else out[b]!.good++;
  }
  return out;
}

/**
 * A plain label for an attribute: `[lower, upper)` (or `(lower, upper]` for right-closed
 * characteristics), `= v1, v2` for special values, the categories, or `missing`.
 * @param c the characteristic
 * @param a the attribute index, or -1 for the fallback
 * @returns the label
 * @example attributeLabel(pmmlSampleCard.characteristics[1], 2) // => "(18, 29]" (PMML age: greater than 18, at most 29)
 */
export function attributeLabel(c: Characteristic, a: number): string {
  if (a < 0) return "other (fallback)";
  const attr = c.attributes[a]!;
  switch (attr.kind) {
    case "missing":
      return "missing";
    case "special":
      return `= ${attr.values.map(roundLabel).join(", ")}`;
    case "categories":
      return attr.categories.join(", ");
    case "interval": {
      // cut points shortened to 4 significant digits for display (0.173837531 -> 0.1738); the model keeps them exact
      const lo = attr.lower === null ? "-inf" : roundLabel(attr.lower);
      const hi = attr.upper === null ? "+inf" : roundLabel(attr.upper);
      return c.type === "numeric" && c.closure === "right" ? `(${lo}, ${hi}]` : `[${lo}, ${hi})`;
    }
    case "rule":
      return `rule ${a + 1}`;
  }
}

function characteristicReport(
  c: Characteristic,
  ci: number,
  scored: TableScores,
  labels: Uint8Array,
  reference: Reference | null,
): CharacteristicReport {
  const m = c.attributes.length;
  const good = new Array<number>(m + 1).fill(0);
  const bad = new Array<number>(m + 1).fill(0);
  const k = scored.characteristics;
  for (let i = 0; i < labels.length; i++) {
    const a = scored.attributes[i * k + ci]!;
    const slot = a < 0 ? m : a;
    if (labels[i] === 1) bad[slot]!++;
    else good[slot]!++;
  }
  // The fallback row is shown only when some row (here or in training) fell in it.
  const refCounts = reference?.attributeCounts[ci] ?? null;
  const withFallback = good[m]! + bad[m]! > 0 || (refCounts !== null && refCounts[m]! > 0);
  const slots = withFallback ? m + 1 : m;
  const g = good.slice(0, slots);
  const b = bad.slice(0, slots);
  // WoE and IV over the attributes that hold rows: an empty attribute has no evidence (and would
  // add a spurious IV term under the zero-count rule).
  const filled: number[] = [];
  for (let a = 0; a < slots; a++) if (g[a]! + b[a]! > 0) filled.push(a);
  const w = woeIv(
    filled.map((a) => g[a]!),
    filled.map((a) => b[a]!),
  );
  const woeOf = new Map(filled.map((a, k) => [a, { woe: w.woe[k]!, iv: w.iv[k]! }] as const));
  const n = labels.length;
  const refTotal = refCounts === null ? 0 : refCounts.slice(0, slots).reduce((x, y) => x + y, 0);
  const rows: AttributeRow[] = [];
  for (let a = 0; a < slots; a++) {
    const count = g[a]! + b[a]!;
    rows.push({
      label: attributeLabel(c, a === m ? -1 : a),
      count,
      share: count / n,
      good: g[a]!,
      bad: b[a]!,
      badRate: count === 0 ? 0 : b[a]! / count,
      woe: woeOf.get(a)?.woe ?? null,
      iv: woeOf.get(a)?.iv ?? 0,
      points: a === m ? c.fallback.points : (c.attributes[a]!.points ?? null),
      expectedShare: refCounts === null || refTotal === 0 ? null : refCounts[a]! / refTotal,
    });
  }
  const csi =
    refCounts === null || refTotal === 0
      ? null
      : stabilityIndex(
          refCounts.slice(0, slots),
          rows.map((r) => r.count),
        ).index;
  return { name: c.name, feature: c.feature, type: c.type, rows, iv: w.totalIv, csi };
}

function stability(scores: Float64Array, reference: Reference | null): ReportData["stability"] {
  if (reference === null) return null;
  const actual = new Array<number>(reference.scoreCounts.length).fill(0);
  for (const s of scores) actual[binIndex(reference.breaks, s)]!++;
  const si = stabilityIndex(reference.scoreCounts, actual);
  const br = reference.breaks;
  return {
    psi: si.index,
    rows: si.bins.map((bin, i) => ({
      label: `[${i === 0 ? "-inf" : br[i - 1]}, ${i === br.length ? "+inf" : br[i]})`,
      ...bin,
    })),
  };
}
