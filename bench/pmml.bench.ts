/**
 * Imported PMML cards on the scoring path: a card of three rules characteristics (compound
 * and/or/xor predicates over four inputs, re-created from kie-drools' CompoundPredicateScorecard
 * test) scored by `scoreValue` (predicates compiled to closures) beside a direct reading of the
 * same predicates (a Map of the record, `evalPredicate` per attribute: the naive peer), and the
 * jpmml sample card, which imports as ordinary characteristics, on the padded fast path.
 */
import type { FeatureVector } from "../src/features/types";
import { loadPmmlOrThrow } from "../src/pmml";
import { evalPredicate } from "../src/pmml/predicates";
import { scoreValue, vectorFromRecord } from "../src/scorecard";
import type { Scorecard } from "../src/scorecard";
import { mulberry32 } from "../src/scorecard/train/train-test-split";
import { compoundPredicate, sampleScorecard } from "../test/pmml/models";
import { defineSuite } from "./harness";

type Rec = Record<string, number | string | null>;

/** Vectors of the records sharing one names array (so feature names resolve once). */
function vectors(card: Scorecard, recs: readonly Rec[]): FeatureVector[] {
  const first = vectorFromRecord(card, recs[0]!);
  return recs.map((r) => {
    const v = vectorFromRecord(card, r);
    return { names: first.names, values: v.values, missing: v.missing };
  });
}

/** The naive peer: each characteristic's attributes read in order over a Map of the record. */
function naiveScore(card: Scorecard, rec: Rec): number {
  const env = new Map(Object.entries(rec));
  let total = card.basePoints;
  for (const ch of card.characteristics) {
    if (ch.type !== "rules") throw new TypeError("rules characteristics only");
    const a = ch.attributes.find((x) => evalPredicate(x.when, env) === 1);
    total += a === undefined ? ch.fallback.points : a.points!;
  }
  return total;
}

export default function suite() {
  const rand = mulberry32(20261129);
  const N = 1024;
  const cats = [null, "classA", "classB", "classC"];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const num = (): number | null => (rand() < 0.05 ? null : Math.round((rand() * 60 - 30) * 10) / 10);
  const recs: Rec[] = Array.from({ length: N }, () => ({
    input1: num(),
    input2: num(),
    input3: pick(cats),
    input4: pick(cats),
  }));
  const rules = loadPmmlOrThrow(compoundPredicate());
  const rulesVectors = vectors(rules, recs);
  const sample = loadPmmlOrThrow(sampleScorecard(), { unmatchedPoints: -9 });
  const sampleRecs: Rec[] = Array.from({ length: N }, () => ({
    department: pick([null, "marketing", "engineering", "business", "sales"]),
    age: rand() < 0.05 ? null : Math.floor(rand() * 70),
    income: rand() < 0.05 ? null : Math.floor(rand() * 4000),
  }));
  const sampleVectors = vectors(sample, sampleRecs);
  for (let i = 0; i < N; i++)
    if (scoreValue(rules, rulesVectors[i]!) !== naiveScore(rules, recs[i]!))
      throw new Error("pmml bench: the compiled and naive scores disagree");
  const B = 1000;
  let sink = 0;
  let k = 0;
  return defineSuite({
    name: "pmml",
    description:
      "scoreValue of an imported card with 3 rules characteristics (compound predicates over 4 inputs) on 1,024 SYNTHETIC records, beside a naive direct reading of the same predicates; and scoreValue of the imported jpmml sample card (3 ordinary characteristics, fast path).",
    cases: [
      {
        name: "scoreValue, rules card (3 characteristics)",
        batch: B,
        fn: () => {
          for (let i = 0; i < B; i++) {
            sink += scoreValue(rules, rulesVectors[k]!);
            k = (k + 1) & (N - 1);
          }
          return sink;
        },
      },
      {
        name: "scoreValue, imported sample card (fast path)",
        batch: B,
        fn: () => {
          for (let i = 0; i < B; i++) {
            sink += scoreValue(sample, sampleVectors[k]!);
            k = (k + 1) & (N - 1);
          }
          return sink;
        },
      },
      {
        name: "naive reading of the rules card",
        peer: true,
        batch: B,
        fn: () => {
          for (let i = 0; i < B; i++) {
            sink += naiveScore(rules, recs[k]!);
            k = (k + 1) & (N - 1);
          }
          return sink;
        },
      },
    ],
    ratios: [
      {
        name: "rules card: compiled vs naive reading",
        subject: "scoreValue, rules card (3 characteristics)",
        peer: "naive reading of the rules card",
        goal: 10,
        floor: 3,
      },
    ],
    notes: () => [`checksum ${sink.toFixed(0)} (keeps the work observable)`],
  });
}
