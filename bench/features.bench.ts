import { extractFeatures } from "../src/features";
import type { Applicant } from "../src/schema/applicant";
import { BASE_AS_OF, syntheticApplicant } from "../test/features/arbitraries";
import { type BenchCase, defineSuite } from "./harness";

// SYNTHETIC seeded applicants with 100, 1,000 and 10,000 payment events (the rest of the
// applicant is the same), JSON round-tripped like a parsed request body.
const SIZES = [100, 1_000, 10_000] as const;

export default function featuresSuite() {
  const apps = new Map<number, Applicant>(
    SIZES.map((n) => [n, JSON.parse(JSON.stringify(syntheticApplicant(n, 2))) as Applicant]),
  );
  let sink = 0;
  const name = (n: number) => `extractFeatures, ${n.toLocaleString("en-US")} payments`;
  const cases: BenchCase[] = SIZES.map((n) => ({
    name: name(n),
    fn: () => {
      sink += extractFeatures(apps.get(n)!, { asOf: BASE_AS_OF }).values[10]!;
    },
  }));
  // A naive peer: the same three 90-day flow features the usual way (filter and reduce per feature).
  const a1000 = apps.get(1_000)!;
  cases.push({
    name: "naive filter/reduce, 3 features, 1,000 payments",
    peer: true,
    fn: () => {
      const ps = a1000.payments!;
      const w = ps.filter((p) => p.at <= BASE_AS_OF && BASE_AS_OF - p.at < 90 * 86_400_000);
      const inflow = w.filter((p) => p.direction === "in").reduce((s, p) => s + p.amountFen, 0);
      const outflow = w.filter((p) => p.direction === "out").reduce((s, p) => s + p.amountFen, 0);
      sink += inflow - outflow;
    },
  });
  return defineSuite({
    name: "features",
    description:
      "`extractFeatures` with the default catalog (359 features) on SYNTHETIC applicants with 100 / 1,000 / 10,000 payment events, to show linear growth; a naive filter/reduce of 3 features as a peer.",
    cases,
    ratios: [
      {
        name: "linear growth: time(1,000) / time(10,000) (0.1 = linear)",
        subject: name(10_000),
        peer: name(1_000),
        goal: 0.1,
        floor: 0.05,
      },
      {
        name: "359 features vs naive 3 features (1,000 payments)",
        subject: name(1_000),
        peer: "naive filter/reduce, 3 features, 1,000 payments",
        floor: 0.03,
      },
    ],
    notes: () => (sink === 0 ? ["warning: the sink stayed 0"] : []),
  });
}
