import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Confusion, measurePopulation } from "./population";

/**
 * The figures models/README.md (section on the fraud rules) states for the synthetic population,
 * read from the README itself, so the document and the measurement cannot drift apart. Each
 * reader throws when its sentence or table row is not found (a renamed row fails the test).
 */
const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../models/README.md"), "utf8");

function match(re: RegExp): RegExpExecArray {
  const m = re.exec(readme);
  if (m === null) throw new Error(`models/README.md: nothing matches ${re}`);
  return m;
}

/** A row of the confusion table: `| review or decline | 24 | 12 | 0 | 964 | 100% (24/24) | 1.23% (12/976) | 66.7% |`. */
function confusionRow(label: string): { counts: number[]; recall: string; fpr: string; precision: string } {
  const m = match(new RegExp(`^\\| ${label} \\|([^\\n]*)\\|\\s*$`, "m"));
  const cells = m[1]!.split("|").map((c) => c.trim());
  return {
    counts: cells.slice(0, 4).map(Number),
    recall: cells[4]!.split(" ")[0]!,
    fpr: cells[5]!.split(" ")[0]!,
    precision: cells[6]!,
  };
}

const pct = (x: number, digits: number) => `${(100 * x).toFixed(digits)}%`;
const figures = (c: Confusion) => [c.tp, c.fp, c.fn, c.tn];

describe("default rules on the synthetic population (fixtures/)", () => {
  const r = measurePopulation();

  it("meets the goal: recall >= 80% at a false-positive rate <= 2% among non-fraud", () => {
    expect(r.flagged.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.flagged.fpr).toBeLessThanOrEqual(0.02);
  });

  it("gives the population size and fraud count models/README.md states", () => {
    const m = match(/\(`fixtures\/`, ([\d,]+) applicants, (\d+) labelled fraud/);
    expect([r.n, r.fraud]).toEqual([Number(m[1]!.replace(/,/g, "")), Number(m[2])]);
  });

  it("gives the confusion tables of models/README.md, counts and rates", () => {
    for (const [label, c] of [
      ["review or decline", r.flagged],
      ["decline only", r.declined],
    ] as const) {
      const row = confusionRow(label);
      expect(figures(c), label).toEqual(row.counts);
      expect(pct(c.recall, row.recall.includes(".") ? 2 : 0).replace(".00%", "%"), label).toBe(row.recall);
      expect(pct(c.fpr, 2), label).toBe(row.fpr);
      expect(pct(c.precision, 1), label).toBe(row.precision);
    }
  });

  it("gives the compliance declines and the hits per rule models/README.md states", () => {
    expect(r.complianceDeclines).toBe(Number(match(/Compliance declines \(under 18\): (\d+)/)[1]));
    const list = match(/Hits per rule \(fraud \/ non-fraud\): ([\s\S]*?)\.\n/)[1]!;
    const stated = Object.fromEntries(
      list.split(",").map((part) => {
        const m = /([\w.]+) (\d+)\/(\d+)/.exec(part.replace(/\s+/g, " ").trim());
        if (m === null) throw new Error(`models/README.md: cannot read the rule hits "${part.trim()}"`);
        return [m[1]!, { fraud: Number(m[2]), other: Number(m[3]) }];
      }),
    );
    expect(Object.keys(stated).length).toBeGreaterThan(5);
    for (const [rule, hits] of Object.entries(stated)) expect(r.rules[rule], rule).toEqual(hits);
    // Every fraud rule that fired is in the README's list (the compliance rule is stated separately).
    const fired = Object.entries(r.rules)
      .filter(([id, h]) => id !== "compliance.underage" && h.fraud + h.other > 0)
      .map(([id]) => id);
    expect(fired.sort()).toEqual(Object.keys(stated).sort());
  });

  it("compliance declines (under 18) are not counted as fraud flags", () => {
    const c = r.rules["compliance.underage"]!;
    expect(c.fraud + c.other).toBe(r.complianceDeclines);
  });

  it("gives the per-family table of models/README.md (issue 17: recall and FPR per fraud family)", () => {
    for (const [family, f] of Object.entries(r.families)) {
      const m = match(
        new RegExp(`^\\| ${family} \\| (\\d+) \\| (\\d+) \\| ([\\d.]+%) \\| ([\\d.]+%) \\((\\d+)/(\\d+)\\) \\|$`, "m"),
      );
      expect([f.n, f.flagged, f.nonFraudHits], family).toEqual([Number(m[1]), Number(m[2]), Number(m[5])]);
      expect(pct(f.recall, 0), family).toBe(m[3]);
      expect(pct(f.fpr, 2), family).toBe(m[4]);
    }
    expect(Object.keys(r.families).sort()).toEqual(["account_takeover", "device_ring", "multi_lender"]);
  });

  it("issue 17 keeps fraud-class recall and adds at most 1 point of FPR among non-fraud (before: 24/24, 12/976)", () => {
    expect(r.flagged.recall).toBeGreaterThanOrEqual(24 / 24);
    expect(r.families.device_ring!.recall).toBe(1);
    expect(r.flagged.fpr - 12 / 976).toBeLessThanOrEqual(0.01);
  });
});
