/**
 * safeCreateEngine is createEngine's Result twin (README, Conventions): for any configuration it
 * returns the issues createEngine's ConfigError carries, never throws them, and on a valid
 * configuration gives an engine that decides as createEngine's does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, safeCreateEngine } from "../../src/decision";
import { POPULATION_AS_OF as AS_OF, adult as cleanAdult, engineIssues } from "./helpers";

describe("safeCreateEngine", () => {
  it("returns, not throws, the issues of an inconsistent configuration (reviewPd above declinePd)", () => {
    const r = safeCreateEngine({ reviewPd: 0.3, declinePd: 0.2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["inconsistent", ["reviewPd"]]]);
    expect(r.issues).toEqual(engineIssues({ reviewPd: 0.3, declinePd: 0.2 }));
  });

  it("a valid configuration gives an engine that decides as createEngine's", () => {
    const r = safeCreateEngine({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const applicant = cleanAdult();
    expect(r.value.decide(applicant, { asOf: AS_OF })).toEqual(createEngine({}).decide(applicant, { asOf: AS_OF }));
  });

  it("for arbitrary JSON configurations: never throws, and its issues are createEngine's", () => {
    const keys = fc.constantFrom(
      "reviewPd",
      "declinePd",
      "maxReasons",
      "card",
      "bandPdBounds",
      "velocityUnavailable",
      "x",
    );
    const config = fc.dictionary(keys, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    let failed = 0;
    fc.assert(
      fc.property(config, (c) => {
        const r = safeCreateEngine(c as never);
        const expected = engineIssues(c);
        if (!r.ok) failed++;
        expect(r.ok ? [] : r.issues).toEqual(expected);
      }),
      { numRuns: 150, seed: 12 },
    );
    // Most arbitrary values are refused: the property checked the issue path, not only the ok one.
    expect(failed).toBeGreaterThan(50);
  });
});
