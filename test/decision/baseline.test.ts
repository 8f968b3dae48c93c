/**
 * Refactors keep decisions byte-identical: every one of the 1,040 SYNTHETIC fixture applicants is decided by the
 * default engine and compared, as JSON text, with the copy recorded before the hardening and one-house refactors
 * (fixtures/decisions-baseline.jsonl, written by `createEngine().decide(applicant, { asOf: Date.UTC(2026, 5, 30) })`
 * on commit d582803; re-recorded the same way for issue 16, in the commit "fixtures: re-record the 1,000
 * default-engine decisions for issue 16": the request honoured and band E reachable; and for issue 17: new rules,
 * the 359-feature catalog, the retrained card and the population extended to 1,040 applicants; and for
 * NO_CREDIT_LIMIT: 36 lines, reasons only).
 * An issue that changes decisions on purpose re-records the file and says so in its commit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index";

const root = join(import.meta.dirname, "..", "..");
const lines = (p: string): string[] =>
  readFileSync(join(root, p), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");

describe("fixture decisions against the recorded baseline", () => {
  it("decides all 1,040 fixture applicants byte for byte as recorded", () => {
    const applicants = lines("fixtures/applicants.jsonl");
    const recorded = lines("fixtures/decisions-baseline.jsonl");
    expect(recorded).toHaveLength(1040);
    expect(applicants).toHaveLength(recorded.length);
    const engine = createEngine();
    const asOf = Date.UTC(2026, 5, 30);
    const differing: number[] = [];
    for (let i = 0; i < applicants.length; i++) {
      const now = JSON.stringify(engine.decide(JSON.parse(applicants[i]!), { asOf }));
      if (now !== recorded[i]) differing.push(i);
    }
    expect(differing).toEqual([]);
  });
});
