import { extractFeatures } from "../src/features";
import { applicantSchema } from "../src/schema/applicant";
import { parseApplicant } from "../src/schema/parse";
import { BASE_AS_OF, syntheticApplicant } from "../test/features/arbitraries";
import { defineSuite } from "./harness";

// SYNTHETIC: one seeded applicant with 1,000 payment events (plus 20 device events, a bureau
// report and one loan), JSON round-tripped so its objects look like a parsed request body.
export default function parseSuite() {
  const a: unknown = JSON.parse(JSON.stringify(syntheticApplicant(1_000, 1)));
  let sink = 0;
  return defineSuite({
    name: "parse",
    description:
      "Validating one SYNTHETIC applicant with 1,000 payment events: `parseApplicant` (hand-written fast path, proven equal to the zod contract) beside zod's `applicantSchema.safeParse`, and parse + `extractFeatures` (the default catalog's 359 features) beside zod's parse alone.",
    cases: [
      {
        name: "parseApplicant (fast path)",
        fn: () => {
          sink += parseApplicant(a).ok ? 1 : 0;
        },
      },
      {
        name: "parseApplicant + extractFeatures",
        fn: () => {
          const r = parseApplicant(a);
          if (r.ok) sink += extractFeatures(r.value, { asOf: BASE_AS_OF }).values[0]!;
        },
      },
      {
        name: "applicantSchema.safeParse (zod)",
        peer: true,
        fn: () => {
          sink += applicantSchema.safeParse(a).success ? 1 : 0;
        },
      },
    ],
    ratios: [
      {
        name: "parseApplicant vs zod safeParse",
        subject: "parseApplicant (fast path)",
        peer: "applicantSchema.safeParse (zod)",
        goal: 4,
        floor: 3,
      },
      {
        name: "parse + extract vs zod safeParse alone",
        subject: "parseApplicant + extractFeatures",
        peer: "applicantSchema.safeParse (zod)",
        goal: 1,
        floor: 1.2,
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
  });
}
