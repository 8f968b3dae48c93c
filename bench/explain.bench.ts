import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../src/index";
import type { Applicant } from "../src/schema/applicant";
import { parseApplicant } from "../src/schema/parse";
import { defineSuite } from "./harness";

// SYNTHETIC applicants from fixtures/applicants.jsonl, parsed once (decide does not validate them again).
const AS_OF = Date.UTC(2026, 5, 30);

export default function explainSuite() {
  const bodies = readFileSync(join(import.meta.dirname, "..", "fixtures", "applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Applicant);
  const parse = (a: unknown) => {
    const r = parseApplicant(a);
    if (!r.ok) throw new Error("a fixture applicant does not parse");
    return r.value;
  };
  const parsed = bodies.map(parse);
  // The same applicants with per-purpose consent: everything but location (their device events lose coordinates).
  const purposes = bodies.map((a) =>
    parse({ ...a, consent: { ...a.consent, purposes: { bureau: true, payments: true, social: true, device: true } } }),
  );
  const engine = createEngine();
  const n = parsed.length;
  let i = 0;
  let j = 0;
  let k = 0;
  let m = 0;
  let sink = 0;
  return defineSuite({
    name: "explain",
    description:
      'The cost of issue 16\'s explanations and consent on `decide` of the 1,040 SYNTHETIC fixture applicants parsed beforehand: in Chinese (`locale: "zh-CN"`: every message looked up again), with the score breakdown (`explain: true`), and with `consent.purposes` refusing location (the applicant copied without the unconsented data), each beside plain `decide` (English, no purposes) as the peer.',
    cases: [
      {
        // The first case of a suite gets the least warm-up (bench/RESULTS.md, decide): this one only warms up.
        name: "warm-up: decide (en, no purposes)",
        fn: () => {
          sink += engine.decide(parsed[i++ % n], { asOf: AS_OF }).score;
        },
      },
      {
        name: "decide (en, no purposes)",
        peer: true,
        fn: () => {
          sink += engine.decide(parsed[i++ % n], { asOf: AS_OF }).score;
        },
      },
      {
        name: "decide, locale zh-CN",
        fn: () => {
          sink += engine.decide(parsed[j++ % n], { asOf: AS_OF, locale: "zh-CN" }).score;
        },
      },
      {
        name: "decide, explain: true",
        fn: () => {
          sink += engine.decide(parsed[k++ % n], { asOf: AS_OF, explain: true }).breakdown!.length;
        },
      },
      {
        name: "decide, consent.purposes without location",
        fn: () => {
          sink += engine.decide(purposes[m++ % n], { asOf: AS_OF }).dataUsed!.length;
        },
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
    ratios: [
      {
        // Goal: a translation pass costs at most about 10% of a decision.
        name: "zh-CN vs en",
        subject: "decide, locale zh-CN",
        peer: "decide (en, no purposes)",
        goal: 0.9,
        floor: 0.5,
      },
      {
        name: "consent.purposes vs none",
        subject: "decide, consent.purposes without location",
        peer: "decide (en, no purposes)",
        goal: 0.9,
        floor: 0.5,
      },
    ],
  });
}
