/**
 * The columnar suite's request and stages in CPU time instead of wall time, for a machine shared
 * with other sessions (where the wall-time ratio of `npm run bench -- columnar` swings with the
 * neighbours): `process.cpuUsage` around alternating rounds of each pair (columnar body, row-wise
 * body), 10 warm-up rounds then 30 measured, per request min and median. SYNTHETIC applicants
 * (`syntheticApplicant`, 1,000 payment events), the same bodies and handler as bench/columnar.bench.ts.
 * CPU time counts every thread of the process (the garbage collector's helpers too).
 * Run: `node --expose-gc --import tsx bench/columnar-cpu.ts [stage...]` (stages: request, parse, decide).
 */
import { loadavg } from "node:os";
import { parseApplicant } from "../src/schema/parse";
import { columnarBodies } from "./columnar-bodies";

const BODIES = 8;
const { rowBodies, colBodies, rowParsed, colParsed, engine, asOf, handle } = columnarBodies(BODIES, 1_000);
// Fresh objects for the parse stage (4 of each body, cycled).
const rowObjects = Array.from({ length: 4 }, () => rowBodies.map((b) => JSON.parse(b) as unknown)).flat();
const colObjects = Array.from({ length: 4 }, () => colBodies.map((b) => JSON.parse(b) as unknown)).flat();
let sink = 0;
let i = 0;
let j = 0;
const STAGES: Record<string, readonly [() => void, () => void]> = {
  request: [
    () => (sink += handle(colBodies[i++ % BODIES]!).length),
    () => (sink += handle(rowBodies[j++ % BODIES]!).length),
  ],
  parse: [
    () => (sink += parseApplicant(colObjects[i++ % colObjects.length]).ok ? 1 : 0),
    () => (sink += parseApplicant(rowObjects[j++ % rowObjects.length]).ok ? 1 : 0),
  ],
  decide: [
    () => (sink += engine.decide(colParsed[i++ % BODIES]!, { asOf }).score),
    () => (sink += engine.decide(rowParsed[j++ % BODIES]!, { asOf }).score),
  ],
};

const PER_ROUND = 40;
const median = (x: readonly number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
const only = process.argv.slice(2);
console.log(`load average at start ${loadavg()[0]!.toFixed(1)}`);
for (const [name, [col, row]] of Object.entries(STAGES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const tc: number[] = [];
  const tr: number[] = [];
  for (let round = 0; round < 40; round++) {
    const order =
      round % 2 === 0
        ? ([
            [col, tc],
            [row, tr],
          ] as const)
        : ([
            [row, tr],
            [col, tc],
          ] as const);
    for (const [f, t] of order) {
      const u0 = process.cpuUsage();
      for (let k = 0; k < PER_ROUND; k++) f();
      const u = process.cpuUsage(u0);
      if (round >= 10) t.push((u.user + u.system) / PER_ROUND);
    }
  }
  const us = (x: number) => `${x.toFixed(0)} us`;
  console.log(
    `${name}: columnar ${us(Math.min(...tc))} / ${us(median(tc))}, row-wise ${us(Math.min(...tr))} / ${us(median(tr))} (min / median); row-wise / columnar ${(median(tr) / median(tc)).toFixed(2)}x on the medians, ${(Math.min(...tr) / Math.min(...tc)).toFixed(2)}x on the minimums`,
  );
}
console.log(`load average at end ${loadavg()[0]!.toFixed(1)}${sink === 0 ? " (warning: the sink stayed 0)" : ""}`);
