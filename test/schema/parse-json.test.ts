/**
 * `parseApplicantJson(text)` (validated and frozen in place, no snapshot copy) against the reference it
 * must equal: `parseApplicant(JSON.parse(text))` (the snapshot path, itself proven equal to the zod
 * schema in fast-parse.test.ts). Same accepted texts, same issues (codes, paths, messages, order), an
 * equal value and the same decision, on the 1,040 SYNTHETIC fixtures, their columnar form, the hostile
 * mutations of the fast-vs-zod differential test, arbitrary JSON, and prototype keys in the text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, stringifyDecision } from "../../src/index";
import { isParsedApplicant, parseApplicant, parseApplicantJson } from "../../src/schema/parse";
import { toColumnar } from "../../src/schema/transpose";
import type { AnyFormApplicant } from "../../src/schema/applicant";
import { applicantArb, syntheticApplicant } from "../features/arbitraries";
import { mutate, mutationArb, prototypeKeyTexts } from "./hostile";

const fixtures = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "applicants.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const AS_OF = Date.UTC(2026, 5, 30);

/** Every object and array inside `v` (and `v`) frozen, checked by a plain recursive walk. */
function deeplyFrozen(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return true;
  if (!Object.isFrozen(v)) return false;
  return Object.values(v).every(deeplyFrozen);
}

/** The reference result for a text, or undefined when the text is not JSON. */
function reference(text: string): ReturnType<typeof parseApplicant> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parseApplicant(value);
}

/** `parseApplicantJson(text)` gives what the reference gives; returns whether the text was accepted. */
function expectSame(text: string): boolean {
  const j = parseApplicantJson(text);
  const r = reference(text);
  if (r === undefined) {
    expect(j).toEqual({ ok: false, issues: [{ code: "invalid_format", path: [], message: "not valid JSON text" }] });
    return false;
  }
  expect(j.ok).toBe(r.ok);
  if (!j.ok && !r.ok) expect(j.issues).toEqual(r.issues);
  if (j.ok && r.ok) {
    expect(j.value).toEqual(r.value);
    expect(deeplyFrozen(j.value)).toBe(true);
    expect(isParsedApplicant(j.value)).toBe(true);
  }
  return j.ok;
}

describe("parseApplicantJson equals parseApplicant(JSON.parse(text))", () => {
  it("on all 1,040 fixture lines: an equal, deeply frozen, registered value and the same decision text", () => {
    expect(fixtures).toHaveLength(1040);
    const engine = createEngine();
    const differing: number[] = [];
    for (let i = 0; i < fixtures.length; i++) {
      const line = fixtures[i]!;
      expect(expectSame(line)).toBe(true);
      const j = parseApplicantJson(line);
      if (!j.ok) throw new Error("fixture rejected");
      const viaJson = stringifyDecision(engine.decide(j.value, { asOf: AS_OF }));
      const viaObject = stringifyDecision(engine.decide(JSON.parse(line), { asOf: AS_OF }));
      if (viaJson !== viaObject) differing.push(i);
    }
    expect(differing).toEqual([]);
  });

  it("on the fixtures in columnar form (payments and device events as columns)", () => {
    const engine = createEngine();
    for (let i = 0; i < fixtures.length; i += 13) {
      const text = JSON.stringify(toColumnar(JSON.parse(fixtures[i]!) as AnyFormApplicant));
      expect(expectSame(text)).toBe(true);
      const j = parseApplicantJson(text);
      if (!j.ok) throw new Error("columnar fixture rejected");
      expect(stringifyDecision(engine.decide(j.value, { asOf: AS_OF }))).toBe(
        stringifyDecision(engine.decide(JSON.parse(fixtures[i]!), { asOf: AS_OF })),
      );
    }
  });

  it("on valid SYNTHETIC applicants from the arbitraries, rows and columns", () => {
    fc.assert(
      fc.property(applicantArb(), fc.boolean(), (a, columns) => {
        expect(expectSame(JSON.stringify(columns ? toColumnar(a) : a))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("on the hostile mutations of the fast-vs-zod differential test, sent as JSON text", () => {
    let rejected = 0;
    fc.assert(
      fc.property(applicantArb(8), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (a, ms) => {
        let x: unknown = structuredClone(a);
        for (const m of ms)
          x = x !== null && typeof x === "object" && !Array.isArray(x) ? mutate(x as Record<string, unknown>, m) : x;
        const text = JSON.stringify(x);
        if (text !== undefined && !expectSame(text)) rejected++;
      }),
      { numRuns: 2_000 },
    );
    // the mutations reach the rejecting branches (not only valid texts)
    expect(rejected).toBeGreaterThan(1_000);
  });

  it("on arbitrary JSON values, and on arbitrary values placed in each section", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (x) => {
        expectSame(JSON.stringify(x));
      }),
      { numRuns: 500 },
    );
    const sections = ["id", "identity", "consent", "application", "payments", "social", "bureau", "devices", "loans"];
    fc.assert(
      fc.property(applicantArb(4), fc.constantFrom(...sections), fc.jsonValue({ maxDepth: 3 }), (a, s, v) => {
        expectSame(JSON.stringify({ ...a, [s]: v }));
      }),
      { numRuns: 500 },
    );
  });

  it("on texts that are not JSON, or not whole", () => {
    for (const text of ["", "{", "{}x", "undefined", "{'id':1}", fixtures[0]!.slice(0, -1), "\u0000"]) expectSame(text);
    expect(parseApplicantJson("{").ok).toBe(false);
  });

  it("on __proto__, constructor and prototype keys in the text, at every level, without touching Object.prototype", () => {
    const a = JSON.parse(fixtures[0]!) as Record<string, unknown>;
    const base = JSON.stringify(a);
    // insert `"key":value` as the first member of the object that starts at each `{` of the text
    let checked = 0;
    for (const { key, text } of prototypeKeyTexts(base, ['{"polluted":true}', "null", "1", '"x"', "[]"], 7)) {
      expect(expectSame(text)).toBe(false);
      const j = parseApplicantJson(text);
      if (!j.ok) expect(j.issues.some((i) => i.code === "forbidden_key" && i.path.at(-1) === key)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the caps: an array over its cap is one too_big issue, its items never walked", () => {
    const text = JSON.stringify(syntheticApplicant(100_001, 7));
    const j = parseApplicantJson(text);
    expect(j).toEqual({
      ok: false,
      issues: [{ code: "too_big", path: ["payments"], message: "must have at most 100000 items" }],
    });
    expectSame(text);
  });

  it("hands back a value decide recognises, and throws TypeError on a non-string", () => {
    const j = parseApplicantJson(fixtures[1]!);
    expect(j.ok && parseApplicant(j.value).ok && parseApplicant(j.value)).toEqual(j);
    expect(() => parseApplicantJson({} as unknown as string)).toThrow(TypeError);
    expect(() => parseApplicantJson(undefined as unknown as string)).toThrow(TypeError);
  });
});
