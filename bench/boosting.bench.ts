/**
 * Scoring speed of a boosted scorecard beside a logistic scorecard with the same characteristics:
 * both trained on a SEEDED SYNTHETIC Give Me Some Credit stand-in (20,000 rows, syntheticGmsc),
 * the boosted card on exactly the columns the logistic card kept, both scored with scoreBatch over
 * the same 20,000 rows. The goal: the boosted card within 1.2x of the logistic card's time.
 * A boosted card with 3 pair terms (two-input rules characteristics after the mains, scored by the
 * padded kernel plus the rules tables) is measured beside the same logistic card: it has more
 * characteristics, so its ratio is the cost of its pairs, not a like-for-like figure.
 * Each card scores the batch a few times before the suite runs (the harness's first case otherwise
 * gets the least warm-up, which read as a slower boosted card in earlier runs).
 */
import { trainBoostedScorecard } from "../src/boosting";
import { scoreBatch } from "../src/scorecard";
import { trainScorecard } from "../src/scorecard/train";
import { GMSC_SPECIAL_COLUMNS, syntheticGmsc } from "../test/logistic/gmsc-data";
import { defineSuite } from "./harness";

export default function suite() {
  const n = 20000;
  const g = syntheticGmsc(n, 11);
  const specialValues = Object.fromEntries([...GMSC_SPECIAL_COLUMNS].map((c) => [c, [[96, 98]]]));
  const lg = trainScorecard(
    { columns: { ...g.columns, y: Array.from(g.y) }, target: "y" },
    { date: "2026-11-29", specialValues },
  );
  if (!lg.ok) throw new Error("logistic card failed");
  const kept = lg.value.card.characteristics.map((c) => c.feature);
  const cols = Object.fromEntries(kept.map((k) => [k, g.columns[k]!]));
  const bo = trainBoostedScorecard(
    { columns: { ...cols, y: Array.from(g.y) }, target: "y" },
    {
      date: "2026-11-29",

      specialValues: Object.fromEntries(Object.entries(specialValues).filter(([k]) => kept.includes(k))),
    },
  );
  if (!bo.ok) throw new Error("boosted card failed");
  const bp = trainBoostedScorecard(
    { columns: { ...cols, y: Array.from(g.y) }, target: "y" },
    {
      date: "2026-11-29",
      interactions: 3,
      specialValues: Object.fromEntries(Object.entries(specialValues).filter(([k]) => kept.includes(k))),
    },
  );
  if (!bp.ok) throw new Error("boosted card with pairs failed");
  const p = kept.length;
  const values = new Float64Array(n * p);
  const missing = new Uint8Array(n * p);
  kept.forEach((k, j) => {
    const col = g.columns[k]!;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v === null || v === undefined) missing[i * p + j] = 1;
      else values[i * p + j] = v;
    }
  });
  const batch = { names: kept, values, missing };
  const out = new Float64Array(n);
  let sink = 0;
  for (let r = 0; r < 20; r++)
    for (const c of [bo.value.card, bp.value.card, lg.value.card]) sink += scoreBatch(c, batch, out)[0]!;
  const attrs = (c: typeof lg.value.card) => c.characteristics.reduce((s, ch) => s + ch.attributes.length, 0);
  return defineSuite({
    name: "boosting",
    description: `scoreBatch of a boosted card and a logistic card with the same ${p} characteristics (logistic ${attrs(lg.value.card)} attributes, boosted ${attrs(bo.value.card)}), and of a boosted card with ${bp.value.card.characteristics.length - p} pair terms (${bp.value.card.characteristics.length} characteristics, ${attrs(bp.value.card)} attributes), over ${n} SEEDED SYNTHETIC GMSC-shaped rows; figures per row.`,
    cases: [
      {
        name: "scoreBatch boosted card",
        batch: n,
        fn: () => {
          scoreBatch(bo.value.card, batch, out);
          sink += out[0]!;
        },
      },
      {
        name: "scoreBatch boosted card with pairs",
        batch: n,
        fn: () => {
          scoreBatch(bp.value.card, batch, out);
          sink += out[0]!;
        },
      },
      {
        name: "scoreBatch logistic card",
        batch: n,
        peer: true,
        fn: () => {
          scoreBatch(lg.value.card, batch, out);
          sink += out[0]!;
        },
      },
    ],
    ratios: [
      {
        name: "boosted card vs logistic card (scoreBatch, per row)",
        subject: "scoreBatch boosted card",
        peer: "scoreBatch logistic card",
        goal: 1 / 1.2,
        floor: 0.6,
      },
      {
        name: "boosted card with 3 pairs vs logistic card (more characteristics; scoreBatch, per row)",
        subject: "scoreBatch boosted card with pairs",
        peer: "scoreBatch logistic card",
        goal: 0.5,
        floor: 0.1,
      },
    ],
    notes: () => [`sink ${sink > 0 ? "+" : "-"}`],
  });
}
