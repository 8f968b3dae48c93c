/**
 * Scorecard scoring: a 15-characteristic points card (5 intervals, a special value and a missing
 * attribute each) on precomputed synthetic feature vectors, beside ml-logistic-regression's
 * single-row predict on 15 features.
 */
import { Matrix } from "ml-matrix";
import { loadScorecardOrThrow, score, scoreBatch, scoreValue } from "../src/scorecard";
import { mulberry32 } from "../src/scorecard/train/train-test-split";
import { defineSuite } from "./harness";
import { syntheticVectors } from "./synthetic-vectors";

const rng = mulberry32;

/** The part of ml-logistic-regression 2.0.0's API used here (the package ships no types). */
interface MlLogisticRegression {
  train(X: Matrix, y: Matrix): void;
  predict(X: Matrix): number[];
}
type MlLogisticRegressionCtor = new (o: { numSteps: number; learningRate: number }) => MlLogisticRegression;

export default async function suite() {
  // A non-literal specifier keeps TypeScript from looking for the package's (absent) types.
  const mlLr: string = "ml-logistic-regression";
  const LogisticRegression = ((await import(mlLr)) as { default: MlLogisticRegressionCtor }).default;
  const rand = rng(20260630);
  const P = 15;
  // The catalog has more features than the card reads: 40 names, the card reads every other one from 5.
  const names = Object.freeze(Array.from({ length: 40 }, (_, i) => `f${i}`));
  const card = loadScorecardOrThrow({
    format: "riskcard.scorecard",
    version: 1,
    name: "bench-15",
    scaling: null,
    rounding: "half-even",
    base: "separate",
    basePoints: 500,
    characteristics: Array.from({ length: P }, (_, c) => ({
      name: `c${c}`,
      feature: `f${5 + 2 * c}`,
      type: "numeric",
      reasonCode: `R${c}`,
      attributes: [
        { kind: "special", values: [-1], points: -20 },
        { kind: "interval", lower: null, upper: 0.2, points: -15 },
        { kind: "interval", lower: 0.2, upper: 0.4, points: -5 },
        { kind: "interval", lower: 0.4, upper: 0.6, points: 0 },
        { kind: "interval", lower: 0.6, upper: 0.8, points: 8 },
        { kind: "interval", lower: 0.8, upper: null, points: 15 },
        { kind: "missing", points: -3 },
      ],
      fallback: { points: -3 },
    })),
  });
  const N = 1024;
  const vectors = syntheticVectors(rand, names, N);
  const batchValues = new Float64Array(N * names.length);
  const batchMissing = new Uint8Array(N * names.length);
  vectors.forEach((v, r) => {
    batchValues.set(v.values, r * names.length);
    batchMissing.set(v.missing, r * names.length);
  });
  const batch = { names, values: batchValues, missing: batchMissing };
  const batchOut = new Float64Array(N);
  const out = { points: new Float64Array(P), attributes: new Int32Array(P) };

  // Peer: ml-logistic-regression 2.0.0 trained briefly on random data, predicting one row.
  const X = new Matrix(Array.from({ length: 200 }, () => Array.from({ length: P }, () => rand())));
  const y = Matrix.columnVector(Array.from({ length: 200 }, () => (rand() < 0.2 ? 1 : 0)));
  const lr = new LogisticRegression({ numSteps: 20, learningRate: 5e-3 });
  lr.train(X, y);
  const row = new Matrix([Array.from({ length: P }, () => rand())]);

  const B = 1000;
  let sink = 0;
  let k = 0;
  return defineSuite({
    name: "scorecard",
    description:
      "score of a 15-characteristic card (7 attributes each) on precomputed synthetic FeatureVectors of 40 features, cycling over 1,024 vectors; peer: ml-logistic-regression 2.0.0 predict of one precomputed 15-feature row.",
    cases: [
      {
        name: "scoreValue (15 characteristics)",
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
        name: "score with reused buffers",
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
        name: "scoreBatch (per row, 1,024 rows)",
        batch: N,
        fn: () => scoreBatch(card, batch, batchOut),
      },
      {
        name: "ml-logistic-regression predict (1 row)",
        peer: true,
        fn: () => lr.predict(row),
      },
    ],
    ratios: [
      {
        name: "scoreValue vs ml-logistic-regression predict",
        subject: "scoreValue (15 characteristics)",
        peer: "ml-logistic-regression predict (1 row)",
        goal: 20,
        floor: 8,
      },
      {
        name: "score (buffers) vs ml-logistic-regression predict",
        subject: "score with reused buffers",
        peer: "ml-logistic-regression predict (1 row)",
        goal: 20,
        floor: 6,
      },
    ],
    notes: () => [`checksum ${sink.toFixed(0)} (keeps the work observable)`],
  });
}
