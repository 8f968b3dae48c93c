import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine, createExperiment } from "../src/index";
import { assignmentPoint } from "../src/strategy";
import { defineSuite } from "./harness";

// SYNTHETIC applicants from fixtures/applicants.jsonl, decided as of 2026-06-30.
const AS_OF = Date.UTC(2026, 5, 30);
const SALT = "bench-experiment-salt";

export default function strategySuite() {
  const applicants = readFileSync(join(import.meta.dirname, "..", "fixtures", "applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as unknown);
  const n = applicants.length;
  const plain = createEngine();
  const expertPlain = createEngine({ card: "expert" });
  const strategy = createEngine({ strategy: "default" });
  // every applicant to the champion (no live arm), so the one shadow arm is the only difference
  const championOnly = createExperiment({ champion: {}, challengers: [], salt: SALT });
  const oneShadow = createExperiment({
    champion: {},
    challengers: [{ id: "expert", config: { card: "expert" }, mode: "shadow" }],
    salt: SALT,
  });
  let sink = 0;
  const counters = [0, 0, 0, 0, 0, 0, 0];
  const next = (k: number): unknown => applicants[counters[k]!++ % n];
  return defineSuite({
    name: "strategy",
    description:
      "`createEngine({ strategy: \"default\" }).decide` (validate once, route on the bureau file, the segment engine's decide) beside a plain engine's decide; `createExperiment(...).decide` with the champion only, and with one shadow arm (the expert card), beside deciding with the plain champion and then the plain expert engine; the HMAC-SHA256 assignment alone. Over the 1,040 SYNTHETIC fixture applicants in turn.",
    cases: [
      // The first case of a suite gets the least warm-up (bench/RESULTS.md, decide): this one only warms up.
      { name: "warm-up: decide (plain engine)", fn: () => (sink += plain.decide(next(6), { asOf: AS_OF }).score) },
      { name: "decide (plain engine)", peer: true, fn: () => (sink += plain.decide(next(0), { asOf: AS_OF }).score) },
      { name: "decide (default strategy)", fn: () => (sink += strategy.decide(next(1), { asOf: AS_OF }).score) },
      {
        name: "experiment decide (champion only)",
        fn: () => (sink += championOnly.decide(next(2), { asOf: AS_OF }).score),
      },
      {
        name: "experiment decide (champion + 1 shadow arm)",
        fn: () => (sink += oneShadow.decide(next(3), { asOf: AS_OF }).score),
      },
      {
        name: "plain champion then plain expert decide",
        peer: true,
        fn: () => {
          const a = next(4);
          sink += plain.decide(a, { asOf: AS_OF }).score + expertPlain.decide(a, { asOf: AS_OF }).score;
        },
      },
      {
        name: "assignmentPoint (HMAC-SHA256 of the id)",
        batch: 100,
        fn: () => {
          for (let i = 0; i < 100; i++) sink += assignmentPoint(SALT, `syn-${counters[5]!++ % n}`);
        },
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
    ratios: [
      {
        name: "default strategy vs plain decide (1 / cost of routing)",
        subject: "decide (default strategy)",
        peer: "decide (plain engine)",
        goal: 0.9,
        floor: 0.6,
      },
      {
        name: "experiment, champion only vs plain decide (1 / cost of the assignment)",
        subject: "experiment decide (champion only)",
        peer: "decide (plain engine)",
        goal: 0.9,
        floor: 0.6,
      },
      {
        // the issue: a shadow arm adds at most 1.2x one plain decision, so champion + shadow <= 2.2 plain decisions;
        // the peer here is two plain decisions (the champion's and the shadow's engines): goal 2 / 2.2 = 0.91
        name: "experiment with 1 shadow arm vs the two plain decisions it makes",
        subject: "experiment decide (champion + 1 shadow arm)",
        peer: "plain champion then plain expert decide",
        goal: 0.91,
        floor: 0.6,
      },
    ],
  });
}
