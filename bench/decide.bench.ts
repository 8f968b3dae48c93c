import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../src/index";
import { applicantSchema } from "../src/schema/applicant";
import { defineSuite } from "./harness";

// SYNTHETIC applicants from fixtures/applicants.jsonl (about 48 payments and 15 device events each).
const AS_OF = Date.UTC(2026, 5, 30);

export default function decideSuite() {
  const applicants = readFileSync(join(import.meta.dirname, "..", "fixtures", "applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as unknown);
  const engine = createEngine();
  const n = applicants.length;
  let i = 0;
  let j = 0;
  // Results feed a sink the engine cannot see through, so no case is optimised away.
  let sink = 0;
  return defineSuite({
    name: "decide",
    description:
      "`engine.decide` (validation, guards, 101 features, scorecard, fraud rules, offer) over the 1,000 SYNTHETIC fixture applicants in turn, beside zod's `applicantSchema.safeParse` of the same applicants as the peer.",
    cases: [
      {
        name: "decide (validation included)",
        fn: () => {
          sink += engine.decide(applicants[i++ % n], { asOf: AS_OF }).score;
        },
      },
      {
        name: "applicantSchema.safeParse (zod)",
        peer: true,
        fn: () => {
          sink += applicantSchema.safeParse(applicants[j++ % n]).success ? 1 : 0;
        },
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
    ratios: [{ name: "whole decide vs zod parse alone", subject: "decide (validation included)", peer: "applicantSchema.safeParse (zod)", floor: 0.5 }],
  });
}
