import { z } from "zod";
import { applicantSchema } from "./applicant";

/**
 * The applicant contract as JSON Schema (draft 2020-12), for clients not written in TypeScript.
 * Refinements that JSON Schema cannot express (a birth date or an age is required; the birth date
 * must be a calendar date) are described in the schema's `description`.
 * @returns a fresh JSON Schema object
 * @example applicantJsonSchema().type // => "object"
 */
export function applicantJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(applicantSchema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  schema.title = "riskcard Applicant";
  schema.description =
    "One loan application (riskcard input contract). Money in integer fen, time in epoch ms. " +
    "identity needs birthDate (a real calendar date) or ageYears. Unknown keys are rejected.";
  return schema;
}
