import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/fraud/catalog";
import { compileCondition } from "../../src/fraud/compile-condition";
import type { Condition } from "../../src/fraud/rule-set-schema";

// One numeric, one boolean and one string fact of the built-in catalog, each read from its slot.
const catalog = buildCatalog(["1h"], []);
const AGE = catalog.index.get("identity.ageYears")!;
const UNDERAGE = catalog.index.get("identity.underage")!;
const ID = catalog.index.get("applicant.id")!;
const n = catalog.facts.length;

function facts(age: number | undefined, underage: boolean | undefined, id: string | undefined) {
  const v = new Float64Array(n);
  const m = new Uint8Array(n).fill(1);
  const s: (string | undefined)[] = new Array(n).fill(undefined);
  if (age !== undefined) [v[AGE], m[AGE]] = [age, 0];
  if (underage !== undefined) [v[UNDERAGE], m[UNDERAGE]] = [underage ? 1 : 0, 0];
  if (id !== undefined) [s[ID], m[ID]] = [id, 0];
  return [v, m, s] as const;
}

const run = (c: Condition, f: ReturnType<typeof facts>) => compileCondition(c, catalog, { vip: ["a1", "a2"] })(...f);

describe("compileCondition: every operator (truth table written by hand from the README's rule language)", () => {
  const age30 = facts(30, false, "a1");
  const missing = facts(undefined, undefined, undefined);
  const table: [Condition, boolean][] = [
    [{ fact: "identity.ageYears", op: "eq", value: 30 }, true],
    [{ fact: "identity.ageYears", op: "ne", value: 30 }, false],
    [{ fact: "identity.ageYears", op: "lt", value: 30 }, false],
    [{ fact: "identity.ageYears", op: "lte", value: 30 }, true],
    [{ fact: "identity.ageYears", op: "gt", value: 29 }, true],
    [{ fact: "identity.ageYears", op: "gte", value: 31 }, false],
    [{ fact: "identity.ageYears", op: "between", value: [18, 30] }, true],
    [{ fact: "identity.ageYears", op: "between", value: [31, 40] }, false],
    [{ fact: "identity.ageYears", op: "in", value: [20, 30] }, true],
    [{ fact: "identity.ageYears", op: "notIn", value: [20, 30] }, false],
    [{ fact: "identity.underage", op: "eq", value: false }, true],
    [{ fact: "identity.underage", op: "ne", value: false }, false],
    [{ fact: "applicant.id", op: "eq", value: "a1" }, true],
    [{ fact: "applicant.id", op: "ne", value: "a1" }, false],
    [{ fact: "applicant.id", op: "in", value: ["a1", "b"] }, true],
    [{ fact: "applicant.id", op: "notIn", list: "vip" }, false],
    [{ fact: "applicant.id", op: "in", list: "vip" }, true],
  ];
  for (const [c, expected] of table) {
    it(`${JSON.stringify(c)} is ${expected} at age 30 / not underage / id a1, and false on a missing fact`, () => {
      expect(run(c, age30)).toBe(expected);
      expect(run(c, missing)).toBe(false);
    });
  }

  it("throws RangeError on an operator it does not handle (a condition that skipped checkCondition)", () => {
    expect(() => run({ fact: "identity.ageYears", op: "like" as never, value: 1 }, age30)).toThrow(RangeError);
  });
});
