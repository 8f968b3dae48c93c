import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFeatures } from "../src/features";
import { computeFacts } from "../src/fraud";
import { createEngine } from "../src/index";
import type { Applicant } from "../src/schema/applicant";
import { applicantSchema } from "../src/schema/applicant";
import { parseApplicant, parseApplicantJson } from "../src/schema/parse";
import { defineSuite } from "./harness";

// SYNTHETIC applicants from fixtures/applicants.jsonl (about 48 payments and 15 device events each).
const AS_OF = Date.UTC(2026, 5, 30);

export default function decideSuite() {
  const texts = readFileSync(join(import.meta.dirname, "..", "fixtures", "applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const applicants = texts.map((l) => JSON.parse(l) as unknown);
  const engine = createEngine();
  const n = applicants.length;
  // Parsed once here: decide recognises them and does not validate again.
  const parsed = applicants.map((a) => {
    const r = parseApplicant(a);
    if (!r.ok) throw new Error("a fixture applicant does not parse");
    return r.value;
  });
  let i = 0;
  let p = 0;
  let q = 0;
  let j = 0;
  let k = 0;
  let t = 0;
  let u = 0;
  let v = 0;
  // Results feed a sink the engine cannot see through, so no case is optimised away.
  let sink = 0;
  return defineSuite({
    name: "decide",
    description:
      "`engine.decide` (validation, guards, the features the default card reads: 12 of the 359, 19 with their inputs, scorecard, fraud rules, offer) over the 1,040 SYNTHETIC fixture applicants in turn, beside zod's `applicantSchema.safeParse` of the same applicants as the peer. Validate once: `parseApplicant` + `decide` on a fresh body (an object straight from `JSON.parse`, never seen by `parseApplicant`, so `decide` alone validates a snapshot of it itself) beside `decide` alone on the same bodies, and `decide` on applicants parsed beforehand; then a body as text: `parseApplicantJson` (JSON.parse, validated and frozen in place) + `decide` beside `JSON.parse` + `parseApplicant` (a snapshot copy) + `decide` on the same lines, and `engine.decideJson` (validated in place, neither frozen nor registered) beside `parseApplicantJson` + `decide`; then the main stages alone on the same applicants (parse, all 359 features, fraud facts), for the record.",
    cases: [
      {
        name: "decide (validation included)",
        fn: () => {
          sink += engine.decide(applicants[i++ % n], { asOf: AS_OF }).score;
        },
      },
      {
        name: "parseApplicant + decide (fresh body)",
        fn: () => {
          const r = parseApplicant(applicants[p++ % n]);
          if (r.ok) sink += engine.decide(r.value, { asOf: AS_OF }).score;
        },
      },
      {
        name: "decide of a parsed applicant (no second validation)",
        fn: () => {
          sink += engine.decide(parsed[q++ % n], { asOf: AS_OF }).score;
        },
      },
      {
        name: "parseApplicantJson + decide (text)",
        fn: () => {
          const r = parseApplicantJson(texts[t++ % n]!);
          if (r.ok) sink += engine.decide(r.value, { asOf: AS_OF }).score;
        },
      },
      {
        name: "decideJson (text)",
        fn: () => {
          sink += engine.decideJson(texts[v++ % n]!, { asOf: AS_OF }).score;
        },
      },
      {
        name: "JSON.parse + parseApplicant + decide (text)",
        fn: () => {
          const r = parseApplicant(JSON.parse(texts[u++ % n]!));
          if (r.ok) sink += engine.decide(r.value, { asOf: AS_OF }).score;
        },
      },
      {
        name: "applicantSchema.safeParse (zod)",
        peer: true,
        fn: () => {
          sink += applicantSchema.safeParse(applicants[j++ % n]).success ? 1 : 0;
        },
      },
      {
        name: "stage: parseApplicant",
        fn: () => {
          sink += parseApplicant(applicants[k++ % n]).ok ? 1 : 0;
        },
      },
      {
        name: "stage: extractFeatures (359 features)",
        fn: () => {
          sink += extractFeatures(applicants[k++ % n] as Applicant, { asOf: AS_OF }).values[3]!;
        },
      },
      {
        name: "stage: computeFacts (fraud facts)",
        fn: () => {
          sink += computeFacts(applicants[k++ % n] as Applicant, { asOf: AS_OF }).values[3]!;
        },
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
    ratios: [
      {
        name: "whole decide vs zod parse alone",
        subject: "decide (validation included)",
        peer: "applicantSchema.safeParse (zod)",
        goal: 2.5,
        // 1.5x until issue 11 item 8: decide now validates a deep-frozen snapshot read once (getters and
        // Proxies cannot change what was validated), which costs about 1.4-1.9x. Three quick runs on this
        // machine then measured 1.46x, 1.47x and 0.80x (this first case of the suite gets the least warm-up in
        // quick mode). Lowered to 0.5x: it now guards against a collapse only; issue 19 is to win the cost back.
        floor: 0.5,
      },
      {
        // decide alone validates once; parse + decide must not validate twice: time(decide) /
        // time(parse + decide) >= 1 / 1.1 (the goal: at most 1.1x).
        name: "validate once: decide alone vs parseApplicant + decide (fresh bodies)",
        subject: "parseApplicant + decide (fresh body)",
        peer: "decide (validation included)",
        goal: 0.91,
        floor: 0.75,
      },
      {
        // A text body validated in place (no snapshot copy) must not cost more than the snapshot path; no
        // goal in the issue: recorded (the CPU A/B in bench/RESULTS.md, cli score, measured about 1.1x).
        name: "text body: JSON.parse + parseApplicant + decide vs parseApplicantJson + decide",
        subject: "parseApplicantJson + decide (text)",
        peer: "JSON.parse + parseApplicant + decide (text)",
        goal: 1.1,
        floor: 0.8,
      },
      {
        // The same text decided in one call: validated in place and used unfrozen, unregistered (nobody else
        // holds it). No goal in the issue: recorded; the one-process CPU A/B in bench/RESULTS.md (decideJson)
        // measured it at about 1.0-1.1x, so the floor only guards against a collapse.
        name: "decideJson vs parseApplicantJson + decide",
        subject: "decideJson (text)",
        peer: "parseApplicantJson + decide (text)",
        // 0.5, not 0.8: quick runs on a quiet machine read 1.09x and 1.20x, but one first measurement in a
        // fresh-clone CI read 0.65x (the harness's second measurement passed), so 0.8 would fail CI at random.
        floor: 0.5,
      },
    ],
  });
}
