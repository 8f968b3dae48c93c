/**
 * The section-row reader of `src/schema/` for other riskcard folders (features, fraud facts, the
 * limit review): a path of its own, apart from `../internal.ts`, so that importing it does not pull
 * the validator into a bundle that only reads applicants. Not part of the public API.
 */
export { SECTION_FIELDS, type SectionFields, rowAt, rowCount, scratchFor } from "./section-rows";
