/**
 * `columnarApplicantJsonSchema()` expresses the mixed forms: each event section `anyOf` rows or columns. Ajv
 * is not a dependency, so the schema is checked by a naive validator written here for the keywords the
 * schema uses (it throws on any other, so a new keyword cannot pass unchecked), whose verdicts on the named
 * cases must equal those of the reference, Python jsonschema.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApplicant } from "../../src/schema/parse";
import { applicantJsonSchema, columnarApplicantJsonSchema } from "../../src/schema/json-schema";
import { applicantArb } from "../features/arbitraries";
import { formMaskArb, mixForms } from "./columnar-mix";
import { invalidCases, rowsApplicant, validCases } from "./json-schema-cases";

type Schema = Record<string, any>;

const IGNORED = new Set(["$schema", "title", "description"]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const typeOk = (t: string, v: unknown): boolean =>
  t === "null"
    ? v === null
    : t === "array"
      ? Array.isArray(v)
      : t === "object"
        ? isObject(v)
        : t === "integer"
          ? Number.isInteger(v)
          : t === "number"
            ? typeof v === "number"
            : typeof v === t;

/** JSON Schema 2020-12 for the keywords zod emits here; the errors are the paths where a keyword failed. */
function naiveValidate(s: Schema, v: unknown, path: (string | number)[] = [], errors: string[] = []): string[] {
  const fail = (k: string) => errors.push(`${path.join(".")}: ${k}`);
  for (const [k, x] of Object.entries(s)) {
    if (IGNORED.has(k)) continue;
    switch (k) {
      case "type":
        if (!typeOk(x, v)) fail(k);
        break;
      case "enum":
        if (!(x as unknown[]).includes(v)) fail(k);
        break;
      case "anyOf":
        if (!(x as Schema[]).some((alt) => naiveValidate(alt, v, path).length === 0)) fail(k);
        break;
      case "properties":
        if (isObject(v))
          for (const [p, ps] of Object.entries(x as Record<string, Schema>))
            if (p in v) naiveValidate(ps, v[p], [...path, p], errors);
        break;
      case "required":
        if (isObject(v)) for (const p of x as string[]) if (!(p in v)) fail(`${k} ${p}`);
        break;
      case "additionalProperties":
        if (x !== false) throw new Error(`additionalProperties ${JSON.stringify(x)} not handled`);
        if (isObject(v)) for (const p of Object.keys(v)) if (!(p in (s.properties ?? {}))) fail(`${k} ${p}`);
        break;
      case "items":
        if (Array.isArray(v)) for (const [i, e] of v.entries()) naiveValidate(x, e, [...path, i], errors);
        break;
      case "minItems":
        if (Array.isArray(v) && v.length < x) fail(k);
        break;
      case "maxItems":
        if (Array.isArray(v) && v.length > x) fail(k);
        break;
      case "minLength":
        if (typeof v === "string" && [...v].length < x) fail(k);
        break;
      case "maxLength":
        if (typeof v === "string" && [...v].length > x) fail(k);
        break;
      case "pattern":
        if (typeof v === "string" && !new RegExp(x, "u").test(v)) fail(k);
        break;
      case "minimum":
        if (typeof v === "number" && v < x) fail(k);
        break;
      case "maximum":
        if (typeof v === "number" && v > x) fail(k);
        break;
      default:
        throw new Error(`keyword ${k} not handled by the naive validator`);
    }
  }
  return errors;
}

/** As JSON would carry it (no undefined-valued keys). */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/**
 * Python jsonschema 4.10.3 (Debian python3-jsonschema, Draft202012Validator) on the same cases and schema:
 * `npx tsx test/schema/json-schema-cases.ts | /usr/bin/python3 test/schema/json-schema-verdicts.py`
 * (run 2026-11-29).
 */
const REFERENCE_VERDICTS = {
  rows: true,
  columns: true,
  "mixed: payments, inquiries, installments": true,
  "mixed: device events, accounts, repayments": true,
  "mixed: device records, delinquencies, loans alternating": true,
  "columns: a string in an integer column": false,
  "columns: null in a required column": false,
  "columns: an unknown column": false,
  "columns: a required column left out": false,
  "mixed: a loan's installment columns empty": false,
  "mixed: a column array inside a row": false,
  "columns: a section that is a string": false,
  "mixed: a row object in place of columns": false,
  "columns: an unknown top-level key": false,
};

describe("columnarApplicantJsonSchema: each event section rows or columns", () => {
  const schema = columnarApplicantJsonSchema();
  const cases = { ...validCases(), ...invalidCases() };

  it("gives the reference validator's verdict on rows, all columns, mixed forms and invalid applicants", () => {
    const verdicts = Object.fromEntries(
      Object.entries(cases).map(([name, c]) => [name, naiveValidate(schema, asJson(c)).length === 0]),
    );
    expect(verdicts).toEqual(REFERENCE_VERDICTS);
  });

  it("agrees with parseApplicant on every named case (each invalid one is invalid for the contract too)", () => {
    for (const [name, c] of Object.entries(cases))
      expect(parseApplicant(c).ok, name).toBe(REFERENCE_VERDICTS[name as keyof typeof REFERENCE_VERDICTS]);
  });

  it("accepts every applicant parseApplicant accepts, in any mix of forms (property)", () => {
    fc.assert(
      fc.property(applicantArb(8), formMaskArb, (a, mask) => {
        const mixed = mixForms(a, mask);
        expect(parseApplicant(mixed).ok).toBe(true);
        expect(naiveValidate(schema, asJson(mixed))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("cannot express equal column lengths: parseApplicant rejects what the schema accepts (as its description says)", () => {
    const c = mixForms(rowsApplicant(), 1) as Record<string, any>;
    c.payments.channel = ["salary"];
    expect(naiveValidate(schema, asJson(c))).toEqual([]);
    expect(parseApplicant(c).ok).toBe(false);
    expect(schema.description).toContain("as many entries as the section's first column");
  });

  it("puts the row form first, exactly applicantJsonSchema's section, which is unchanged", () => {
    const rows = applicantJsonSchema() as Schema;
    const s = schema as Schema;
    expect(s.properties.payments.anyOf[0]).toEqual(rows.properties.payments);
    expect(s.properties.loans.items.properties.repayments.anyOf[0]).toEqual(
      rows.properties.loans.items.properties.repayments,
    );
    // the row form rejects columns and the naive validator says where
    expect(naiveValidate(rows, asJson(validCases().columns))).toContain("payments: type");
  });
});
