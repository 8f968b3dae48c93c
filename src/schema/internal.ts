/**
 * Internals of `src/schema/` that other riskcard folders use: the engine validates an applicant it
 * was given raw (or recognises one `parseApplicant` already returned). Not part of the public API:
 * no subpath export, no compatibility promise; code outside `src/` imports `riskcard/schema`.
 */
export { parseApplicantFast } from "./fast-parse";
export { applicantFromJsonText, applicantToDecide, isParsedApplicant } from "./parse";
export type { AnyFormLoan, Installment, Repayment } from "./applicant";
