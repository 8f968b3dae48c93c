/**
 * The padded scoring kernels of src/scorecard/score.ts (one per padded width 8, 16 and 32, with
 * outputs for `score` and total-only for `scoreValue`) measured beside the general path
 * (`scoreRowGeneral`, the unpadded layout) on the same card, the same SYNTHETIC vectors and with
 * the same per-call work around the kernel (card lookup, name resolution). A kernel is kept only
 * when it beats the general path by about 10% or more; its figure is cited beside it in score.ts.
 */
import type { FeatureVector } from "../src/features/types";
import { loadScorecardOrThrow, type Scorecard, score, scoreValue } from "../src/scorecard";
import { compiledOf, indicesFor, scoreRowGeneral } from "../src/scorecard/compile";
import { mulberry32 } from "../src/scorecard/train/train-test-split";
import { defineSuite } from "./harness";
import { syntheticVectors } from "./synthetic-vectors";

/** A 15-characteristic card whose characteristics have `intervals` intervals each (plus a special value and a missing attribute). */
function cardWith(intervals: number): Scorecard {
  return loadScorecardOrThrow({
    format: "riskcard.scorecard",
    version: 1,
    name: `kernels-${intervals}`,
    scaling: null,
    rounding: "half-even",
    base: "separate",
    basePoints: 500,
    characteristics: Array.from({ length: 15 }, (_, c) => ({
      name: `c${c}`,
      feature: `f${5 + 2 * c}`,
      type: "numeric",
      reasonCode: `R${c}`,
      attributes: [
        { kind: "special", values: [-1], points: -20 },
        ...Array.from({ length: intervals }, (_, i) => ({
          kind: "interval",
          lower: i === 0 ? null : i / intervals,
          upper: i === intervals - 1 ? null : (i + 1) / intervals,
          points: 3 * i - 10,
        })),
        { kind: "missing", points: -3 },
      ],
      fallback: { points: -3 },
    })),
  });
}

/** The general path with the per-call work of `scoreValue` around it. */
function generalValue(card: Scorecard, v: FeatureVector): number {
  const k = compiledOf(card);
  const idx = indicesFor(k, v.names);
  return scoreRowGeneral(k, idx, v.values, v.missing, 0, null, null);
}

/** The general path with the per-call work of `score` (with reused buffers) around it. */
function generalScore(card: Scorecard, v: FeatureVector, points: Float64Array, attributes: Int32Array): number {
  const k = compiledOf(card);
  const idx = indicesFor(k, v.names);
  return scoreRowGeneral(k, idx, v.values, v.missing, 0, points, attributes);
}

/**
 * One padded kernel for every width: the same branch-free binary search as the unrolled kernels,
 * with the steps in a loop over h = width/2, ..., 1 instead of written out. Measured without
 * outputs as the candidate to fold `total8/16/32` into.
 */
function paddedLoop(
  card: Scorecard,
  v: FeatureVector,
  pointsOut: Float64Array | null,
  attrOut: Int32Array | null,
): number {
  const k = compiledOf(card);
  const idx = indicesFor(k, v.names);
  const values = v.values;
  const missing = v.missing;
  const w = k.width;
  const half = w >> 1;
  const pcuts = k.pcuts;
  const psegPts = k.psegPts;
  const psegAttr = k.psegAttr;
  let total = k.basePoints;
  for (let c = 0; c < k.n; c++) {
    const i = idx[c]!;
    const x = values[i]!;
    let p: number;
    let a: number;
    if (missing[i] === 1) {
      p = k.pmissingPts[c]!;
      a = k.pmissingAttr[c]!;
    } else if (Number.isNaN(x)) {
      p = k.pfallbackPts[c]!;
      a = -1;
    } else {
      let j = c * w;
      for (let h = half; h > 0; h >>= 1) j += h * +(pcuts[j + h - 1]! <= x);
      p = psegPts[j]!;
      a = psegAttr[j]!;
    }
    total += p;
    if (pointsOut !== null) pointsOut[c] = p;
    if (attrOut !== null) attrOut[c] = a;
  }
  return total;
}

/**
 * The median over `rounds` of (time of `peer`) / (time of `subject`), each timed over one call of
 * its batch function, in ABBA order (subject, peer, peer, subject, ...) so that a load that drifts
 * during the run weighs on both alike. On a shared machine this is steadier than the ratio of two
 * cases timed one after the other.
 */
function interleavedRatio(subject: () => unknown, peer: () => unknown, rounds: number): number {
  const time = (fn: () => unknown): number => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0);
  };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const s1 = time(subject);
    const p1 = time(peer);
    const p2 = time(peer);
    const s2 = time(subject);
    ratios.push((p1 + p2) / (s1 + s2));
  }
  ratios.sort((a, b) => a - b);
  return ratios[rounds >> 1]!;
}

export default function suite() {
  const rand = mulberry32(20261129);
  const names = Object.freeze(Array.from({ length: 40 }, (_, i) => `f${i}`));
  const N = 1024;
  const vectors = syntheticVectors(rand, names, N);
  // Boundaries per characteristic: intervals - 1 cuts plus the special value's two; widths 8, 16, 32.
  const widths = [
    { width: 8, card: cardWith(5) },
    { width: 16, card: cardWith(12) },
    { width: 32, card: cardWith(24) },
  ];
  for (const w of widths)
    if (compiledOf(w.card).width !== w.width)
      throw new Error(`card for width ${w.width} compiled to ${compiledOf(w.card).width}`);
  const out = { points: new Float64Array(15), attributes: new Int32Array(15) };
  const B = 1000;
  let sink = 0;
  let k = 0;
  // Each case writes its loop out rather than sharing a helper that takes the call: one call site
  // shared by every case would turn megamorphic and add the same overhead to kernel and peer.
  const cases = widths.flatMap(({ width, card }) => [
    {
      name: `total${width} (scoreValue)`,
      batch: B,
      fn: () => {
        for (let i = 0; i < B; i++) {
          sink += scoreValue(card, vectors[k]!);
          k = (k + 1) & (N - 1);
        }
        return sink;
      },
    },
    {
      name: `general, total only (width ${width} card)`,
      peer: true,
      batch: B,
      fn: () => {
        for (let i = 0; i < B; i++) {
          sink += generalValue(card, vectors[k]!);
          k = (k + 1) & (N - 1);
        }
        return sink;
      },
    },
    {
      name: `padded loop, total only (width ${width} card)`,
      peer: true,
      batch: B,
      fn: () => {
        for (let i = 0; i < B; i++) {
          sink += paddedLoop(card, vectors[k]!, null, null);
          k = (k + 1) & (N - 1);
        }
        return sink;
      },
    },
    {
      name: `row${width} (score, reused buffers)`,
      batch: B,
      fn: () => {
        for (let i = 0; i < B; i++) {
          sink += score(card, vectors[k]!, out).score;
          k = (k + 1) & (N - 1);
        }
        return sink;
      },
    },
    {
      name: `general, with outputs (width ${width} card)`,
      peer: true,
      batch: B,
      fn: () => {
        for (let i = 0; i < B; i++) {
          sink += generalScore(card, vectors[k]!, out.points, out.attributes);
          k = (k + 1) & (N - 1);
        }
        return sink;
      },
    },
  ]);
  const fnOf = new Map(cases.map((c) => [c.name, c.fn]));
  const pairs = widths.flatMap(({ width }) => [
    [
      `total${width}`,
      `total${width} (scoreValue)`,
      `general, total only (width ${width} card)`,
      `padded loop, total only (width ${width} card)`,
    ],
    [`row${width}`, `row${width} (score, reused buffers)`, `general, with outputs (width ${width} card)`, null],
  ]);
  const ROUNDS = 201;
  return defineSuite({
    name: "scorecard-kernels",
    description:
      "The six padded kernels of src/scorecard/score.ts (total8/16/32 for scoreValue, row8/16/32 with outputs for score) beside the general path (scoreRowGeneral), and the totals beside a width-generic padded loop, on the same 15-characteristic card, per padded width (5, 12 and 24 intervals plus a special value: 6, 13 and 25 boundaries), over 1,024 SYNTHETIC vectors of 40 features.",
    cases,
    ratios: widths.flatMap(({ width }) => [
      {
        name: `total${width} vs general (total only)`,
        subject: `total${width} (scoreValue)`,
        peer: `general, total only (width ${width} card)`,
        goal: 1.1,
        floor: 0.5,
      },
      {
        name: `total${width} vs padded loop (total only)`,
        subject: `total${width} (scoreValue)`,
        peer: `padded loop, total only (width ${width} card)`,
        floor: 0, // informative: the fold candidate, not a gate
      },
      {
        name: `row${width} vs general (with outputs)`,
        subject: `row${width} (score, reused buffers)`,
        peer: `general, with outputs (width ${width} card)`,
        goal: 1.1,
        floor: 0.5,
      },
    ]),
    notes: () => [
      `interleaved medians (${ROUNDS} rounds of 1,000 calls each way, ABBA order, after the table above; peer time / kernel time): ${pairs
        .map(([kernel, subject, general, loop]) => {
          const g = interleavedRatio(fnOf.get(subject!)!, fnOf.get(general!)!, ROUNDS);
          if (loop === null) return `${kernel} ${g.toFixed(2)}x vs general`;
          const l = interleavedRatio(fnOf.get(subject!)!, fnOf.get(loop!)!, ROUNDS);
          return `${kernel} ${g.toFixed(2)}x vs general, ${l.toFixed(2)}x vs padded loop`;
        })
        .join("; ")}`,
      `checksum ${sink.toFixed(0)} (keeps the work observable)`,
    ],
  });
}
