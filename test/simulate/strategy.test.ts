/**
 * `simulate` and `riskcard simulate` with strategies and experiments: the per-segment and per-arm
 * summaries equal brute-force counts of deciding every SYNTHETIC fixture applicant with each policy.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createExperiment, createEngine } from "../../src/index";
import type { Decision } from "../../src/decision/types";
import { segmentOf, simulate } from "../../src/simulate";
import { cli, tempDir } from "../cli/helpers";
import { POPULATION_AS_OF as asOf, outcomes, population } from "../decision/helpers";

const root = join(import.meta.dirname, "..", "..");
const EXPERIMENT = {
  champion: {},
  challengers: [{ id: "expert", config: { card: "expert" as const }, share: 0.1, mode: "live" as const }],
  salt: "simulate-test-salt",
};

/** Outcome counts per group, by deciding every applicant and reading the group straight from the decision. */
function bruteForce(decide: (a: unknown) => Decision, group: (d: Decision) => string | undefined) {
  const out: Record<string, { approve: number; review: number; decline: number; totalLimitFen: number }> = {};
  for (const a of population()) {
    const d = decide(a);
    const g = group(d);
    if (g === undefined) continue;
    out[g] ??= { approve: 0, review: 0, decline: 0, totalLimitFen: 0 };
    out[g][d.outcome]++;
    out[g].totalLimitFen += d.offer?.limitFen ?? 0;
  }
  return out;
}
const pick = (
  r: Readonly<Record<string, { approve: number; review: number; decline: number; totalLimitFen: number }>>,
) =>
  Object.fromEntries(
    Object.entries(r).map(([k, s]) => [
      k,
      { approve: s.approve, review: s.review, decline: s.decline, totalLimitFen: s.totalLimitFen },
    ]),
  );

describe("simulate reports per segment and per arm", () => {
  it("a strategy candidate: per segment counts and limits as deciding each applicant gives them", () => {
    const report = simulate({
      base: {},
      candidate: { strategy: "default" },
      applicants: population(),
      asOf,
      outcomes: outcomes(),
    });
    const strategy = createEngine({ strategy: "default" });
    expect(Object.keys(report.segments!.base)).toEqual([]);
    expect(pick(report.segments!.candidate)).toEqual(
      bruteForce(
        (a) => strategy.decide(a, { asOf }),
        (d) => d.versions.segment!.split(" (")[0],
      ),
    );
    const thin = report.segments!.candidate["thin-file"]!;
    expect(thin.approvalRate).toBe(thin.approve / (thin.approve + thin.review + thin.decline));
    expect(report.arms).toBeUndefined();
  });

  it("an experiment as base: per arm counts as deciding each applicant gives them", () => {
    const x = createExperiment(EXPERIMENT);
    const report = simulate({ base: x, candidate: {}, applicants: population(), asOf });
    expect(pick(report.arms!.base)).toEqual(
      bruteForce(
        (a) => x.decide(a, { asOf }),
        (d) => d.experiment!.arm,
      ),
    );
    expect(Object.keys(report.arms!.base)).toEqual(["champion", "expert"]);
    expect(report.segments).toBeUndefined();
  });

  it("two plain engines: the report has neither segments nor arms (its shape is unchanged)", () => {
    const report = simulate({ base: {}, candidate: { reviewPd: 0.1 }, applicants: population().slice(0, 20), asOf });
    expect(Object.keys(report)).not.toContain("segments");
    expect(Object.keys(report)).not.toContain("arms");
  });

  it("segmentOf reads the id before the strategy's name", () => {
    const d = createEngine({ strategy: "default" }).decide(population()[0], { asOf });
    expect(d.versions.segment!.startsWith(`${segmentOf(d)} (riskcard default strategy@1 #`)).toBe(true);
    expect(segmentOf(createEngine().decide(population()[0], { asOf }))).toBeUndefined();
  });
});

describe("riskcard simulate with a strategy and an experiment file", () => {
  it("prints the library's report and one line per segment and arm on stderr", async () => {
    const dir = tempDir();
    const base = join(dir, "experiment.json");
    const candidate = join(dir, "strategy.json");
    writeFileSync(base, JSON.stringify(EXPERIMENT));
    writeFileSync(candidate, JSON.stringify({ strategy: "default" }));
    const r = await cli([
      "simulate",
      "--base",
      base,
      "--candidate",
      candidate,
      "--as-of",
      "2026-06-30",
      join(root, "fixtures/applicants.jsonl"),
    ]);
    expect(r.code).toBe(0);
    const lib = simulate({
      base: createExperiment(EXPERIMENT),
      candidate: { strategy: "default" },
      applicants: population(),
      asOf,
    });
    expect(r.out).toBe(`${JSON.stringify(lib)}\n`);
    const c = lib.segments!.candidate["full-file"]!;
    expect(r.err).toContain(
      `  candidate segment full-file: ${c.approve + c.review + c.decline} decided, approve ${c.approve}, review ${c.review}, decline ${c.decline}\n`,
    );
    expect(r.err).toContain("  base arm expert: ");
  });

  it("exits 1 naming the challenger's path when a challenger is invalid", async () => {
    const dir = tempDir();
    const base = join(dir, "bad.json");
    writeFileSync(
      base,
      JSON.stringify({ ...EXPERIMENT, challengers: [{ ...EXPERIMENT.challengers[0], config: { declinePd: 3 } }] }),
    );
    const r = await cli([
      "simulate",
      "--base",
      base,
      "--candidate",
      base,
      "--as-of",
      "2026-06-30",
      join(root, "fixtures/applicants.jsonl"),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("challengers[0].config.declinePd");
  });
});
