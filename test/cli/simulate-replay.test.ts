/**
 * `riskcard simulate` and `riskcard replay` (issue 13) on the SYNTHETIC fixtures, in-process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toDecisionRecord } from "../../src/decision";
import { createEngine, createExperiment } from "../../src/index";
import { simulate } from "../../src/simulate";
import { POPULATION_AS_OF, outcomes, population } from "../decision/helpers";
import { cli, tempDir } from "./helpers";

// declinePd 0.20 -> 0.15; band E's lower PD bound moves from 0.15 to 0.14 with it, since a band
// starting at the decline cutoff could never be offered (createEngine rejects that configuration).
const STRICT = { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] as [number, number, number, number] };

const root = join(import.meta.dirname, "..", "..");
const applicants = join(root, "fixtures/applicants.jsonl");
const outcomesFile = join(root, "fixtures/outcomes.jsonl");

describe("riskcard simulate", () => {
  const dir = tempDir();
  const a = join(dir, "a.json");
  const b = join(dir, "b.json");
  writeFileSync(a, "{}");
  writeFileSync(b, JSON.stringify(STRICT));

  it("prints the library's report as JSON and writes a self-contained HTML page", async () => {
    const html = join(dir, "r.html");
    const r = await cli([
      "simulate",
      "--base",
      a,
      "--candidate",
      b,
      "--as-of",
      "2026-06-30",
      "--outcomes",
      outcomesFile,
      "--html",
      html,
      applicants,
    ]);
    expect(r.code).toBe(0);
    const lib = simulate({
      base: {},
      candidate: STRICT,
      applicants: population(),
      asOf: POPULATION_AS_OF,
      outcomes: outcomes(),
    });
    expect(r.out).toBe(`${JSON.stringify(lib)}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|(src|href)="https?:/);
    expect(page).toContain("Outcome swap matrix");
    expect(page).toContain(lib.changed[0]!.id);
  });

  it("exits 2 without --base or --as-of and 1 on an invalid configuration, naming the file only", async () => {
    expect((await cli(["simulate", "--candidate", b, "--as-of", "2026-06-30", applicants])).code).toBe(2);
    expect((await cli(["simulate", "--base", a, "--candidate", b, applicants])).code).toBe(2);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ declinePd: 7.123456 }));
    const r = await cli(["simulate", "--base", a, "--candidate", bad, "--as-of", "2026-06-30", applicants]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("bad.json");
    expect(r.err).not.toContain("7.123456");
  });
});

describe("riskcard replay", () => {
  const dir = tempDir();
  const log = join(dir, "records.jsonl");
  const engine = createEngine();
  writeFileSync(
    log,
    population()
      .slice(0, 200)
      .map((p) => `${toDecisionRecord(engine.decide(p, { asOf: POPULATION_AS_OF, trace: true }))}\n`)
      .join(""),
  );

  it("reports every record identical against the same artefacts (exit 0)", async () => {
    const r = await cli(["replay", log]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      records: 200,
      identical: 200,
      changed: 0,
      byArtefact: {},
      byField: {},
      byRoute: {},
    });
    expect(r.err).toBe("riskcard replay: 200 records, 200 identical, 0 changed\n");
  });

  it("names the changed artefact and fields against another configuration (exit 1), as replaying one by one shows", async () => {
    const cfg = join(dir, "strict.json");
    writeFileSync(cfg, JSON.stringify(STRICT));
    const r = await cli(["replay", log, "--engine", cfg]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    const strict = createEngine(STRICT);
    let changed = 0;
    const outcome = { n: 0 };
    for (const line of readFileSync(log, "utf8").split("\n").filter(Boolean)) {
      const rep = strict.replay(JSON.parse(line));
      if (!rep.identical) changed++;
      if (rep.mismatches.fields.includes("outcome")) outcome.n++;
    }
    expect(s.changed).toBe(changed);
    expect(s.identical).toBe(200 - changed);
    expect(s.byArtefact).toEqual({ thresholds: 200 });
    expect(s.byField.outcome).toBe(outcome.n);
  });

  it("prints the route changes of strategy records: each record routed to the other segment is counted", async () => {
    const strategy = JSON.parse(readFileSync(join(root, "models/strategy.json"), "utf8"));
    const segmented = createEngine({ strategy: "default" });
    const decisions = population()
      .slice(0, 200)
      .map((p) => segmented.decide(p, { asOf: POPULATION_AS_OF, trace: true }));
    const strategyLog = join(dir, "strategy-records.jsonl");
    writeFileSync(strategyLog, decisions.map((d) => `${toDecisionRecord(d)}\n`).join(""));
    // the same segments with their conditions swapped: every record now routes to the other segment (the decision
    // itself is still the recorded segment's, so only versions.segment changes)
    const swapped = join(dir, "swapped.json");
    const [thin, full] = strategy.segments;
    writeFileSync(
      swapped,
      JSON.stringify({
        strategy: {
          ...strategy,
          segments: [
            { ...thin, when: full.when },
            { ...full, when: thin.when },
          ],
        },
      }),
    );
    const recordedIn = (id: string): number =>
      decisions.filter((d) => d.versions.segment!.startsWith(`${id} (`)).length;
    const thinCount = recordedIn("thin-file");
    const fullCount = recordedIn("full-file");
    expect([thinCount > 0, fullCount > 0, thinCount + fullCount]).toEqual([true, true, 200]);
    const r = await cli(["replay", strategyLog, "--engine", swapped]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s.byRoute).toEqual({
      "segment full-file -> thin-file": fullCount,
      "segment thin-file -> full-file": thinCount,
    });
    expect([s.changed, s.byField["versions.segment"]]).toEqual([200, 200]);
    expect(r.err).toBe("riskcard replay: 200 records, 0 identical, 200 changed, 200 routed differently\n");
    // against the strategy they were made with, no route changes
    const same = join(dir, "same.json");
    writeFileSync(same, JSON.stringify({ strategy }));
    const r0 = await cli(["replay", strategyLog, "--engine", same]);
    expect([r0.code, JSON.parse(r0.out).byRoute]).toEqual([0, {}]);
  });

  it("prints the arm changes of experiment records replayed under another salt", async () => {
    const experiment = (salt: string) => ({
      champion: {},
      challengers: [{ id: "strict", config: STRICT, share: 0.5, mode: "live" }],
      salt,
    });
    const before = createExperiment(experiment("first-salt-2026") as never);
    const after = createExperiment(experiment("second-salt-2026") as never);
    const decisions = population()
      .slice(0, 100)
      .map((p) => before.decide(p, { asOf: POPULATION_AS_OF, trace: true }));
    const records = join(dir, "experiment-records.jsonl");
    writeFileSync(records, decisions.map((d) => `${toDecisionRecord(d)}\n`).join(""));
    const cfg = join(dir, "second-salt.json");
    writeFileSync(cfg, JSON.stringify(experiment("second-salt-2026")));
    // expected: each record whose id the new salt assigns to the other arm (armOf is the assignment alone)
    const expected: Record<string, number> = {};
    for (const d of decisions) {
      const now = after.armOf(d.applicantId);
      if (now !== d.experiment!.arm) {
        const key = `arm ${d.experiment!.arm} -> ${now}`;
        expected[key] = (expected[key] ?? 0) + 1;
      }
    }
    expect(Object.keys(expected).sort()).toEqual(["arm champion -> strict", "arm strict -> champion"]);
    const r = await cli(["replay", records, "--engine", cfg]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).byRoute).toEqual(expected);
  });

  it("exits 1 on a line that is not a decision record", async () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"secret":"13912345678"}\n');
    const r = await cli(["replay", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("record 1");
    expect(r.err).not.toContain("13912345678");
  });
});
