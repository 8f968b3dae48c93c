import type { BureauInquiry } from "../schema/applicant";
import type { BureauInquiryColumns } from "../schema/columnar";
import { SECTION_FIELDS, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import { type StringTable, clearStringTable, markString, newStringTable } from "./string-table";

/** Loan-application inquiries in a window and the distinct lenders behind them. */
export interface LoanInquiryCounts {
  /** Loan-application inquiries in the window. */
  inquiries: number;
  /** Distinct `lenderId`s among them (inquiries without a lender id are not counted here). */
  lenders: number;
}

const INQUIRY = SECTION_FIELDS.inquiries;
// One table reused by every call (the function is synchronous and clears it before returning).
const seen: StringTable = newStringTable();

/**
 * Counts the loan-application inquiries with `end - windowMs < at <= end` and their distinct
 * lenders, in one pass without allocating (the multi-lender signal, 多头借贷, of the fraud facts
 * `bureau.loanInquiries30d` / `bureau.loanLenders30d` and of the limit review).
 * @param inquiries bureau inquiries (validated), rows or columns
 * @param end the end of the window, epoch ms (inquiries after it are ignored)
 * @param windowMs the window length in ms
 * @param out the counts to fill (reused by the caller)
 * @returns `out`
 * @example loanInquiryCounts([{ at: 5, kind: "loan_application", lenderId: "a" }, { at: 6, kind: "loan_application", lenderId: "a" }], 10, 10, { inquiries: 0, lenders: 0 }) // => { inquiries: 2, lenders: 1 }
 */
export function loanInquiryCounts(
  inquiries: readonly BureauInquiry[] | BureauInquiryColumns,
  end: number,
  windowMs: number,
  out: LoanInquiryCounts,
): LoanInquiryCounts {
  let n = 0;
  let lenders = 0;
  const start = end - windowMs;
  const count = rowCount(inquiries, INQUIRY);
  const sc = scratchFor(inquiries);
  for (let i = 0; i < count; i++) {
    const q = rowAt<BureauInquiry>(inquiries, i, INQUIRY, sc);
    if (q.kind !== "loan_application" || q.at > end || q.at <= start) continue;
    n++;
    const id = q.lenderId;
    if (id !== undefined && markString(seen, id, 1) !== 0) lenders++;
  }
  clearStringTable(seen);
  out.inquiries = n;
  out.lenders = lenders;
  return out;
}
