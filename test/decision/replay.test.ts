/**
 * Replay (issue 13): every fixture decision re-created byte for byte from its trace alone, and a
 * changed artefact named with the decision fields it changed (checked against deciding afresh).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import policyJson from "../../models/policy.json";
import { toDecisionRecord } from "../../src/decision";
import { createEngine } from "../../src/index";
import { RiskcardError } from "../../src/schema/result";
import { POPULATION_AS_OF, population } from "./helpers";

// declinePd 0.20 -> 0.15; band E's lower PD bound moves from 0.15 to 0.14 with it, since a band
// starting at the decline cutoff could never be offered (createEngine rejects that configuration).
const STRICT = { declinePd: 0.15, bandPdBounds: [0.02, 0.05, 0.1, 0.14] as [number, number, number, number] };

const asOf = POPULATION_AS_OF;
const root = join(import.meta.dirname, "..", "..");
const baseline = readFileSync(join(root, "fixtures/decisions-baseline.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");

const engine = createEngine();
// Each fixture's record as an append-only log would hold it: canonical JSON text, parsed back.
const records = population().map((a) => JSON.parse(toDecisionRecord(engine.decide(a, { asOf, trace: true }))));

describe("replay with the same artefacts", () => {
  it("re-creates all 1,040 fixture decisions byte for byte (against the recorded baseline)", () => {
    expect(records).toHaveLength(1040);
    const differing: number[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = engine.replay(records[i]);
      if (JSON.stringify(r.decision) !== baseline[i] || !r.identical) differing.push(i);
      expect(r.mismatches.artefacts).toEqual([]);
      expect(r.mismatches.notRecorded).toEqual([]);
    }
    expect(differing).toEqual([]);
  });

  it("replays a traced decision as well as a record, and a separate engine gives the same", () => {
    const other = createEngine();
    const a = population()[3]!;
    const d = engine.decide(a, { asOf, trace: true });
    expect(other.replay(d).identical).toBe(true);
    expect(JSON.stringify(other.replay(d).decision)).toBe(JSON.stringify(engine.decide(a, { asOf })));
  });

  it("rejects what is not a traced decision, naming the path and no value", () => {
    const plain = engine.decide(population()[0]!, { asOf });
    expect(() => engine.replay(plain)).toThrow(RiskcardError);
    expect(() => engine.replay(null)).toThrow(RiskcardError);
    const bad = { ...records[0], trace: { ...records[0].trace, format: "secret-value-123" } };
    try {
      engine.replay(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as RiskcardError).issues[0]!.path).toEqual(["trace", "format"]);
      expect(JSON.stringify((e as RiskcardError).issues)).not.toContain("secret-value-123");
    }
  });
});

/** Fields of two decisions that differ, by brute force: top level, and one level down in objects. */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(b)) {
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    const x = a[k];
    const y = b[k];
    if (x !== null && y !== null && typeof x === "object" && typeof y === "object" && !Array.isArray(x)) {
      for (const j of new Set([...Object.keys(y), ...Object.keys(x)]))
        if (JSON.stringify((x as Record<string, unknown>)[j]) !== JSON.stringify((y as Record<string, unknown>)[j]))
          out.push(`${k}.${j}`);
    } else out.push(k);
  }
  return out;
}

describe("replay with a changed artefact", () => {
  it("names the policy and the fields a band-A first limit lowered from 10,000 to 9,000 CNY changes, as deciding afresh shows", () => {
    const policy = structuredClone(policyJson);
    policy.bands.A.maxFirstLimitFen = 900_000;
    const changed = createEngine({ policy });
    let changedCount = 0;
    for (let i = 0; i < 300; i++) {
      const r = changed.replay(records[i]);
      expect(r.mismatches.artefacts.map((m) => m.artefact)).toEqual(["policy"]);
      const fresh = changed.decide(population()[i]!, { asOf });
      // the replayed decision is the one the changed engine makes on the applicant itself
      expect(JSON.stringify(r.decision)).toBe(JSON.stringify(fresh));
      const expected = changedFields(JSON.parse(baseline[i]!), fresh as unknown as Record<string, unknown>);
      expect(r.mismatches.fields).toEqual(expected);
      expect(r.identical).toBe(expected.length === 0);
      if (expected.length > 0) changedCount++;
    }
    expect(changedCount).toBeGreaterThan(10);
  });

  it("names the thresholds when declinePd moves from 0.20 to 0.15", () => {
    const strict = createEngine(STRICT);
    let outcomes = 0;
    for (let i = 0; i < 300; i++) {
      const r = strict.replay(records[i]);
      expect(r.mismatches.artefacts.map((m) => m.artefact)).toEqual(["thresholds"]);
      const fresh = strict.decide(population()[i]!, { asOf });
      expect(JSON.stringify(r.decision)).toBe(JSON.stringify(fresh));
      expect(r.mismatches.fields).toEqual(changedFields(JSON.parse(baseline[i]!), fresh as never));
      if (r.mismatches.fields.includes("outcome")) outcomes++;
    }
    expect(outcomes).toBeGreaterThan(0);
  });

  it("names the scorecard when the expert card replays a statistical-card record", () => {
    const expert = createEngine({ card: "expert" });
    const r = expert.replay(records[0]);
    expect(r.mismatches.artefacts.map((m) => m.artefact)).toContain("scorecard");
    expect(r.identical).toBe(false);
  });
});
