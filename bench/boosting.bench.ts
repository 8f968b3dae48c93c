/**
 * Scoring speed of boosted scorecards beside logistic scorecards with the same number of
 * characteristics, all trained on a SEEDED SYNTHETIC Give Me Some Credit stand-in (20,000 rows,
 * syntheticGmsc) and scored over the same 20,000 rows (all ten columns in one batch):
 * - a boosted card without pairs, on exactly the 5 columns the default logistic card kept, beside
 *   that 5-characteristic logistic card;
 * - a boosted card with 3 pair terms on the same columns (5 main terms + 3 two-input terms: 8
 *   characteristics), beside a logistic card with 8 characteristics (screening relaxed to the 8
 *   columns of highest IV); the goal for both: within 1.2x of the logistic card's time.
 * Each with scoreBatch (totals) and, for the 8-vs-8 pair, with score into reused buffers (points and
 * attributes per characteristic: what decide, reason codes and traces read).
 * As in the other suites, the first case only warms up (the first case of a suite gets the least
 * warm-up), and every card scores the batch a few times before the suite runs.
 */
import { trainBoostedScorecard } from "../src/boosting";
import { type Scorecard, score, scoreBatch } from "../src/scorecard";
import { trainScorecard } from "../src/scorecard/train";
import { GMSC_SPECIAL_COLUMNS, syntheticGmsc } from "../test/logistic/gmsc-data";
import { defineSuite } from "./harness";

export default function suite() {
  const n = 20000;
  const g = syntheticGmsc(n, 11);
  const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
  const data = { columns: { ...g.columns, y: Array.from(g.y) }, target: "y" };
  const lg = trainScorecard(data, { date: "2026-11-29", specialValues });
  if (!lg.ok) throw new Error("logistic card failed");
  const lg8 = trainScorecard(data, {
    date: "2026-11-29",
    specialValues,
    minIv: 0,
    maxCorrelation: 1,
    maxVariables: 8,
  });
  if (!lg8.ok || lg8.value.card.characteristics.length !== 8) throw new Error("8-characteristic logistic card failed");
  const kept = lg.value.card.characteristics.map((c) => c.feature);
  const cols = Object.fromEntries(kept.map((k) => [k, g.columns[k]!]));
  // The pair card keeps its pairs untested (no validation part): the trainer's pair test drops one of
  // the 3 on this data (main at 93e553c), and this suite measures the scoring of a card of this shape.
  const boosted = (interactions: number) => {
    const r = trainBoostedScorecard(
      { columns: { ...cols, y: Array.from(g.y) }, target: "y" },
      {
        date: "2026-11-29",
        interactions,
        ...(interactions > 0 ? { validationShare: 0 } : {}),
        specialValues: Object.fromEntries(Object.entries(specialValues).filter(([k]) => kept.includes(k))),
      },
    );
    if (!r.ok) throw new Error("boosted card failed");
    return r.value.card;
  };
  const bo = boosted(0);
  const bp = boosted(3);
  if (bp.characteristics.length !== 8) throw new Error("the pairs card should have 8 characteristics");
  const names = Object.keys(g.columns);
  const p = names.length;
  const values = new Float64Array(n * p);
  const missing = new Uint8Array(n * p);
  names.forEach((k, j) => {
    const col = g.columns[k]!;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v === null || v === undefined) missing[i * p + j] = 1;
      else values[i * p + j] = v;
    }
  });
  const batch = { names, values, missing };
  const out = new Float64Array(n);
  let sink = 0;
  const cards = [bo, bp, lg.value.card, lg8.value.card];
  for (let r = 0; r < 20; r++) for (const c of cards) sink += scoreBatch(c, batch, out)[0]!;
  // score() row by row over the batch, into reused buffers
  const buf = { points: new Float64Array(8), attributes: new Int32Array(8) };
  const vec = { names, values: new Float64Array(p), missing: new Uint8Array(p) };
  const scoreRows = (card: Scorecard) => {
    for (let r = 0; r < n; r++) {
      vec.values.set(values.subarray(r * p, r * p + p));
      vec.missing.set(missing.subarray(r * p, r * p + p));
      sink += score(card, vec, buf).score;
    }
  };
  for (let r = 0; r < 3; r++) for (const c of [bp, lg8.value.card]) scoreRows(c);
  const attrs = (c: Scorecard) => c.characteristics.reduce((s, ch) => s + ch.attributes.length, 0);
  const batchCase = (name: string, card: Scorecard, peer = false) => ({
    name,
    batch: n,
    peer,
    fn: () => {
      scoreBatch(card, batch, out);
      sink += out[0]!;
    },
  });
  // The harness times each case in its own second, so a neighbour's load that changes between two
  // cases moves their ratio. Beside it, each subject and its peer alternate in one loop (5 calls
  // each per round, process CPU time, 40 rounds) and the median of the per-round ratios is reported.
  const pairsOf: [string, () => void, () => void][] = [
    [
      "boosted vs logistic, 5 characteristics each (scoreBatch)",
      () => scoreBatch(bo, batch, out),
      () => scoreBatch(lg.value.card, batch, out),
    ],
    [
      "boosted with 3 pairs vs logistic, 8 characteristics each (scoreBatch)",
      () => scoreBatch(bp, batch, out),
      () => scoreBatch(lg8.value.card, batch, out),
    ],
    [
      "boosted with 3 pairs vs logistic, 8 characteristics each (score with outputs)",
      () => scoreRows(bp),
      () => scoreRows(lg8.value.card),
    ],
  ];
  const cpu = (f: () => void): number => {
    const t0 = process.cpuUsage();
    for (let z = 0; z < 5; z++) f();
    const d = process.cpuUsage(t0);
    return d.user + d.system;
  };
  const interleaved = (): string[] =>
    pairsOf.map(([name, subject, peer]) => {
      const ratios: number[] = [];
      for (let r = 0; r < 40; r++) ratios.push(cpu(peer) / cpu(subject));
      ratios.sort((a, b) => a - b);
      return `Interleaved, CPU time: ${name}: median ${ratios[20]!.toFixed(2)}x (quartiles ${ratios[10]!.toFixed(2)}x-${ratios[30]!.toFixed(2)}x) over 40 rounds.`;
    });
  return defineSuite({
    name: "boosting",
    description: `Over ${n} SEEDED SYNTHETIC GMSC-shaped rows (figures per row): scoreBatch of a boosted card and a logistic card with the same ${kept.length} characteristics (logistic ${attrs(lg.value.card)} attributes, boosted ${attrs(bo)}); scoreBatch and score (points and attributes into reused buffers) of a boosted card with ${bp.characteristics.length - kept.length} pair terms (${bp.characteristics.length} characteristics, ${attrs(bp)} attributes) and of a logistic card with ${lg8.value.card.characteristics.length} characteristics (${attrs(lg8.value.card)} attributes).`,
    cases: [
      // The first case of a suite gets the least warm-up (bench/RESULTS.md, decide): this one only warms up.
      batchCase("warm-up: scoreBatch logistic card", lg8.value.card),
      batchCase("scoreBatch boosted card", bo),
      batchCase("scoreBatch logistic card", lg.value.card, true),
      batchCase("scoreBatch boosted card with 3 pairs (8 characteristics)", bp),
      batchCase("scoreBatch logistic card with 8 characteristics", lg8.value.card, true),
      { name: "score boosted card with 3 pairs (8 characteristics)", batch: n, fn: () => scoreRows(bp) },
      {
        name: "score logistic card with 8 characteristics",
        batch: n,
        peer: true,
        fn: () => scoreRows(lg8.value.card),
      },
    ],
    ratios: [
      {
        name: "boosted card vs logistic card, 5 characteristics each (scoreBatch, per row)",
        subject: "scoreBatch boosted card",
        peer: "scoreBatch logistic card",
        goal: 1 / 1.2,
        // Runs of 2026-11-29 at load 10-12: 0.48x (a first run, measured again 1.13x) to 1.44x (interleaved 1.00x).
        floor: 0.6,
      },
      {
        name: "boosted card with 3 pairs vs logistic card, 8 characteristics each (scoreBatch, per row)",
        subject: "scoreBatch boosted card with 3 pairs (8 characteristics)",
        peer: "scoreBatch logistic card with 8 characteristics",
        goal: 1 / 1.2,
        // Runs of 2026-11-29 at load 10-14 on 2 cores: 0.48x-0.99x before the row-range kernels, 0.67x-0.98x
        // after (interleaved medians 0.75x-0.99x); the rules-tail path before issue 20's pair kernel
        // measured 0.30x interleaved. A collapse guard.
        floor: 0.5,
      },
      {
        name: "boosted card with 3 pairs vs logistic card, 8 characteristics each (score with outputs, per row)",
        subject: "score boosted card with 3 pairs (8 characteristics)",
        peer: "score logistic card with 8 characteristics",
        goal: 1 / 1.2,
        // Runs of 2026-11-29 at load 10-16: 0.59x-1.39x (interleaved medians 0.86x-1.02x; 0.55x before the pair
        // kernel). A collapse guard.
        floor: 0.4,
      },
    ],
    notes: () => [...interleaved(), `sink ${sink > 0 ? "+" : "-"}`],
  });
}
