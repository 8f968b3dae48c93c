import { z } from "zod";
import { applicantSchema } from "./applicant";
import { columnarApplicantSchema } from "./columnar";

/**
 * The applicant contract as JSON Schema (draft 2020-12), for clients not written in TypeScript.
 * Refinements that JSON Schema cannot express (a birth date or an age is required; the birth date
 * must be a calendar date) are described in the schema's `description`.
 * @returns a fresh JSON Schema object
 * @example applicantJsonSchema().type // => "object"
 */
export function applicantJsonSchema(): Record<string, unknown> {
  return withTitle(
    applicantSchema,
    "riskcard Applicant",
    "One loan application (riskcard input contract). Money in integer fen, time in epoch ms. " +
      "identity needs birthDate (a real calendar date) or ageYears. Unknown keys are rejected.",
  );
}

/** `schema` as draft 2020-12 JSON Schema with its `title` and `description`. */
function withTitle(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  out.title = title;
  out.description = description;
  return out;
}

/**
 * The applicant contract with its event sections in either form, as JSON Schema (draft 2020-12): every
 * event section (`payments`, `devices.events`, `devices.records`, the bureau's `inquiries`, `accounts`
 * and `delinquencies`, each loan's `installments` and `repayments`) is `anyOf` its row form (an array
 * of objects, as in `applicantJsonSchema`) and its columnar form (an object of columns, as in
 * `columnarApplicantSchema`; an optional column is an array whose entries may be `null`, absent on
 * that row), each section independently, as `parseApplicant` accepts. Rules JSON Schema cannot express
 * (every column as long as the section's first; a birth date or an age) are in the schema's `description`.
 * @returns a fresh JSON Schema object
 * @example (columnarApplicantJsonSchema() as any).properties.payments.anyOf[1].required // => ["at", "amountFen", "direction", "channel"]
 */
export function columnarApplicantJsonSchema(): Record<string, unknown> {
  const rows = applicantJsonSchema();
  const out = withTitle(
    columnarApplicantSchema,
    "riskcard Applicant (rows or columns)",
    "One loan application (riskcard input contract) whose event sections (payments, devices.events, " +
      "devices.records, bureau.inquiries, bureau.accounts, bureau.delinquencies, and each loan's " +
      "installments and repayments; a loan itself stays an object) each come as rows (an array of objects) " +
      "or as columns (one array per field, row i being entry i of every column), section by section. " +
      "Every column must have as many entries as the section's first " +
      "column (`at`; `kind` for accounts, `deviceId` for device records, `dueAt` for installments); an " +
      "optional column may be left out, and holds null on rows without the field. " +
      "Money in integer fen, time in epoch ms. identity needs birthDate (a real calendar date) or ageYears. " +
      "Unknown keys are rejected.",
  );
  for (const path of EVENT_SECTIONS) {
    const steps = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const here = stepInto(out, steps);
    here[key] = { anyOf: [stepInto(rows, steps)[key], here[key]] };
  }
  return out;
}

/** The object `steps` lead to in a JSON Schema built here (the steps are known to exist). */
function stepInto(schema: Record<string, unknown>, steps: readonly string[]): Record<string, unknown> {
  return steps.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, schema);
}

/** Where each event section's schema sits in the applicant's JSON Schema (properties and items steps). */
const EVENT_SECTIONS: readonly (readonly string[])[] = [
  ["properties", "payments"],
  ["properties", "devices", "properties", "events"],
  ["properties", "devices", "properties", "records"],
  ["properties", "bureau", "properties", "inquiries"],
  ["properties", "bureau", "properties", "accounts"],
  ["properties", "bureau", "properties", "delinquencies"],
  ["properties", "loans", "items", "properties", "installments"],
  ["properties", "loans", "items", "properties", "repayments"],
];
