import { availableParallelism, loadavg } from "node:os";
import { parseApplicant } from "../src/schema/parse";
import { columnarBodies } from "./columnar-bodies";
import { defineSuite } from "./harness";

// The columnar request form (issue 19 item 3): the whole in-process request for a SYNTHETIC
// applicant with 1,000 payment events, its body sent row-wise or in columns (same data).
const BODIES = 8;
const PAYMENTS = 1_000;

export default function columnarSuite() {
  const { rowBodies, colBodies, rowParsed, colParsed, engine, asOf, handle } = columnarBodies(BODIES, PAYMENTS);
  let i = 0;
  let j = 0;
  let k = 0;
  let sink = 0;
  const kb = (xs: readonly string[]) => Math.round(xs.reduce((s, x) => s + Buffer.byteLength(x), 0) / xs.length / 1024);
  return defineSuite({
    name: "columnar",
    description: `The whole in-process request (JSON.parse of the body text + parseApplicant + decide + stringifyDecision of the decision, the serializer the server path ships, writing the text JSON.stringify writes; JSON.stringify until 29 Nov 2026 19:50 UTC) for ${BODIES} SYNTHETIC applicants with ${PAYMENTS.toLocaleString("en-US")} payment events each (syntheticApplicant), the body in the columnar form (payments and device events as columns) against the row-wise body of the same data (the peer); then the stages alone, for the record.`,
    cases: [
      {
        name: "request, columnar body",
        fn: () => {
          sink += handle(colBodies[i++ % BODIES]!).length;
        },
      },
      {
        name: "request, row-wise body",
        peer: true,
        fn: () => {
          sink += handle(rowBodies[j++ % BODIES]!).length;
        },
      },
      {
        name: "stage: JSON.parse, columnar body",
        fn: () => {
          sink += (JSON.parse(colBodies[k++ % BODIES]!) as { id: string }).id.length;
        },
      },
      {
        name: "stage: JSON.parse, row-wise body",
        fn: () => {
          sink += (JSON.parse(rowBodies[k++ % BODIES]!) as { id: string }).id.length;
        },
      },
      {
        name: "stage: JSON.parse + parseApplicant, columnar body",
        fn: () => {
          sink += parseApplicant(JSON.parse(colBodies[k++ % BODIES]!)).ok ? 1 : 0;
        },
      },
      {
        name: "stage: JSON.parse + parseApplicant, row-wise body",
        fn: () => {
          sink += parseApplicant(JSON.parse(rowBodies[k++ % BODIES]!)).ok ? 1 : 0;
        },
      },
      {
        name: "stage: decide of a parsed applicant, columnar",
        fn: () => {
          sink += engine.decide(colParsed[k++ % BODIES]!, { asOf }).score;
        },
      },
      {
        name: "stage: decide of a parsed applicant, row-wise",
        fn: () => {
          sink += engine.decide(rowParsed[k++ % BODIES]!, { asOf }).score;
        },
      },
    ],
    notes: () => [
      `load while measured: 1-minute load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (a machine shared with other sessions: read the ratio, not the times)`,
      "floor 1.0x (columns never slower): before the column checks were fused with the copy and the passes read ordinary arrays (f19-colspeed), the quiet machine (load average under 2.5) measured 1.31x-1.45x (quick) and 1.33x-1.38x (full), under the goal; after, on the quiet machine (load 0.2-1.8, 29 Nov 2026 21:10-21:20 UTC): full run 1.69x, quick runs 2.13x, 1.30x and 1.27x (fresh-clone CI), CPU time (bench/columnar-cpu.ts) 1.71x on the medians. Quick runs swing by more than the goal's margin, so the floor stays at 1.0x",
      "stages in CPU time (bench/columnar-cpu.ts, load 10-15): parseApplicant columnar 128-148 us vs row-wise 190-212 us (min), decide of a parsed applicant columnar 89-125 us vs row-wise 80-141 us (min): the columns now cost no more per row than the rows",
      `body size: columnar ${kb(colBodies)} KB, row-wise ${kb(rowBodies)} KB (mean of the ${BODIES} bodies)`,
      ...(sink === 0 ? ["warning: the sink stayed 0"] : []),
    ],
    ratios: [
      {
        name: "whole request: columnar body vs row-wise body (1,000 payments)",
        subject: "request, columnar body",
        peer: "request, row-wise body",
        goal: 1.5,
        floor: 1.0,
      },
    ],
  });
}
