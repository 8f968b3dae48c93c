/**
 * `scoreLine` takes a fast path for valid lines (with `--as-of`, `engine.safeDecideJson`: validated in
 * place, not frozen; without it `parseApplicantJson`: validated and frozen in place) and the general path
 * for every other line. Checked against a naive reference written here, the
 * command's line handling before the fast path (JSON.parse, the decision time from `asOf` or
 * `application.appliedAt`, then `safeDecide` of the parsed object): the same output text for the
 * SYNTHETIC fixture lines and for hostile mutations of them, with and without `--as-of`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreLine } from "../../src/cli/score-line";
import { createEngine, type Engine, stringifyDecision } from "../../src/index";
import type { AnyFormApplicant } from "../../src/schema/applicant";
import { ALL_COLUMNS, mixForms } from "../schema/columnar-mix";
import { mutate, mutationArb } from "../schema/hostile";

const fixtures = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "applicants.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");

/** The reference: what `scoreLine` did before the fast path (the general path only). */
function naiveLine(engine: Engine, text: string, line: number, asOf: number | null): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return JSON.stringify({
      line,
      error: { issues: [{ code: "invalid_format", path: [], message: "line is not valid JSON" }] },
    });
  }
  let when = asOf;
  if (when === null) {
    const app =
      value !== null && typeof value === "object" ? (value as { application?: unknown }).application : undefined;
    const at = app !== null && typeof app === "object" ? (app as { appliedAt?: unknown }).appliedAt : undefined;
    if (typeof at !== "number" || !Number.isSafeInteger(at) || at < 0)
      return JSON.stringify({
        line,
        error: {
          issues: [
            {
              code: "missing",
              path: ["application", "appliedAt"],
              message: "no decision time: pass --as-of or give application.appliedAt (epoch ms)",
            },
          ],
        },
      });
    when = at;
  }
  const r = engine.safeDecide(value, { asOf: when });
  return r.ok ? stringifyDecision(r.value) : JSON.stringify({ line, error: { issues: r.issues } });
}

describe("scoreLine equals the general path on every line", () => {
  const engine = createEngine();
  const AS_OF = Date.UTC(2026, 5, 30);

  it("on the 1,040 fixture lines, with --as-of and with each line's appliedAt", () => {
    const differing: number[] = [];
    for (let i = 0; i < fixtures.length; i++) {
      const t = fixtures[i]!;
      for (const asOf of [AS_OF, null]) {
        const got = scoreLine(engine, t, i + 1, asOf);
        if (got.text !== naiveLine(engine, t, i + 1, asOf) || !got.ok) differing.push(i);
      }
    }
    expect(differing).toEqual([]);
  });

  it("on the fixture lines in the full columnar form (the readable columns of the in-place path)", () => {
    const differing: number[] = [];
    for (let i = 0; i < fixtures.length; i += 4) {
      const t = JSON.stringify(mixForms(JSON.parse(fixtures[i]!) as AnyFormApplicant, ALL_COLUMNS));
      for (const asOf of [AS_OF, null]) {
        const got = scoreLine(engine, t, i + 1, asOf);
        if (got.text !== naiveLine(engine, t, i + 1, asOf) || !got.ok) differing.push(i);
        if (got.text !== scoreLine(engine, fixtures[i]!, i + 1, asOf).text) differing.push(i);
      }
    }
    expect(differing).toEqual([]);
  });

  it("on hostile mutations of fixture lines (invalid applicants, missing or out-of-range times, not JSON)", () => {
    let errors = 0;
    fc.assert(
      fc.property(
        fc.nat(fixtures.length - 1),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<number | null>(AS_OF, null, 9e15),
        fc.boolean(),
        (i, ms, asOf, truncate) => {
          let x: unknown = JSON.parse(fixtures[i]!);
          for (const m of ms)
            x = x !== null && typeof x === "object" && !Array.isArray(x) ? mutate(x as Record<string, unknown>, m) : x;
          let text = JSON.stringify(x) ?? "null";
          if (truncate) text = text.slice(0, -1);
          const got = scoreLine(engine, text, 7, asOf);
          expect(got.text).toBe(naiveLine(engine, text, 7, asOf));
          if (!got.ok) errors++;
        },
      ),
      { numRuns: 400 },
    );
    expect(errors).toBeGreaterThan(200);
  });

  it("keeps the precedence of issues: an out-of-range decision time is reported before the applicant's issues", () => {
    const a = JSON.parse(fixtures[0]!) as { application: { appliedAt: number }; id: unknown };
    a.application.appliedAt = 9e15; // a safe integer, outside the applicant contract and the Date range
    const text = JSON.stringify(a);
    const got = JSON.parse(scoreLine(engine, text, 1, null).text) as { error: { issues: { path: unknown[] }[] } };
    expect(got.error.issues.map((i) => i.path)).toEqual([["asOf"]]);
    expect(scoreLine(engine, text, 1, null).text).toBe(naiveLine(engine, text, 1, null));
  });
});
