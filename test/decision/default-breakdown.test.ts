/**
 * The shipped statistical card declares the seeds' four scoring categories (issue 16 item 6): the default
 * engine's `explain: true` breakdown of every SYNTHETIC fixture applicant is the base plus those four, in
 * the seeds' order, with no "other", parts summing to the score and weights to 100%; and the card's
 * categories are the ones models/README.md documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/decision/engine";
import { POPULATION_AS_OF as asOf, population } from "./helpers";

const FOUR = ["credit history", "debts", "repayment ability", "behaviour"];

describe("default engine: score breakdown by the four categories", () => {
  it("splits every fixture applicant's score into base + the four categories, summing to the score", () => {
    const engine = createEngine();
    const applicants = population();
    expect(applicants).toHaveLength(1040);
    let scored = 0;
    for (const a of applicants) {
      const d = engine.decide(a, { asOf, explain: true });
      if (d.score === undefined) continue;
      scored++;
      const parts = d.breakdown!;
      expect(parts.map((p) => p.category)).toEqual(["base", ...FOUR]);
      const sum = parts.reduce((s, p) => s + p.points, 0);
      expect(Math.abs(sum - d.score)).toBeLessThan(1e-9);
      const weights = parts.filter((p) => p.weight !== null).reduce((s, p) => s + p.weight!, 0);
      expect(Math.abs(weights - 100)).toBeLessThan(1e-9);
    }
    expect(scored).toBe(1040);
  });

  it("places each of the card's characteristics in exactly one category, as models/README.md lists them", () => {
    const card = createEngine().card;
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "models", "README.md"), "utf8");
    const line = readme.slice(readme.indexOf("This card: ") + 11);
    const documented = line
      .slice(0, line.indexOf(".\n"))
      .split("; ")
      .map((part) => {
        const m = /^(.+?) \((.+)\)$/.exec(part)!;
        return { name: m[1], characteristics: m[2]!.split(", ").map((c) => c.replace(/`/g, "")) };
      });
    const declared = card.categories.map((c) => ({
      name: c.name,
      characteristics: c.characteristics.map((i) => card.characteristics[i]!.name),
    }));
    expect(declared).toEqual(documented);
    expect(declared.map((c) => c.name)).toEqual(FOUR);
    const placed = declared.flatMap((c) => c.characteristics).sort();
    expect(placed).toEqual(card.characteristics.map((c) => c.name).sort());
  });
});
