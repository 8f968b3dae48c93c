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
 * The columnar form of the applicant contract as JSON Schema (draft 2020-12): every event section
 * (`payments`, `devices.events`, `devices.records`, the bureau's `inquiries`, `accounts` and
 * `delinquencies`, each loan's `installments` and `repayments`) as an object of columns
 * (`columnarApplicantSchema`); an optional column is an array whose entries may be `null` (absent on
 * that row). Rules JSON Schema cannot express (every column as long as the section's first; a birth
 * date or an age) are in the schema's `description`. A request may mix the forms section by section
 * (`parseApplicant` accepts it); this schema describes the all-columns form.
 * @returns a fresh JSON Schema object
 * @example (columnarApplicantJsonSchema() as any).properties.payments.required // => ["at", "amountFen", "direction", "channel"]
 */
export function columnarApplicantJsonSchema(): Record<string, unknown> {
  return withTitle(
    columnarApplicantSchema,
    "riskcard Applicant (columnar)",
    "One loan application (riskcard input contract) with every event section as columns (payments, " +
      "devices.events, devices.records, bureau.inquiries, bureau.accounts, bureau.delinquencies, and each " +
      "loan's installments and repayments; a loan itself stays an object): one array per field, row i " +
      "being entry i of every column. Every column must have as many entries as the section's first " +
      "column (`at`; `kind` for accounts, `deviceId` for device records, `dueAt` for installments); an " +
      "optional column may be left out, and holds null on rows without the field. " +
      "Money in integer fen, time in epoch ms. identity needs birthDate (a real calendar date) or ageYears. " +
      "Unknown keys are rejected.",
  );
}
