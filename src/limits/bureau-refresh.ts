import { z } from "zod";
import { loanInquiryCounts } from "../features/internal";
import { bureauInquirySchema, epochMs } from "../schema/applicant";
import { type BureauInquiryColumns, bureauInquiryColumnsSchema } from "../schema/columnar";
import { LIMITS } from "../schema/limits";
import type { Policy } from "./policy";

const DAY_MS = 86_400_000;

/**
 * A bureau report refreshed for a limit review: when it was obtained and its inquiries (the same
 * shape as an applicant's `bureau.inquiries`, with the optional `lenderId` and `productType`).
 * `adjustLimit` also takes the inquiries in the columnar form (`bureauInquiryColumnsSchema`, as an
 * applicant's may be), checked against `bureauRefreshColumnsSchema` when they are an object.
 * @example bureauRefreshSchema.safeParse({ reportedAt: 0, inquiries: [] }).success // => true
 */
export const bureauRefreshSchema = z.strictObject({
  reportedAt: epochMs,
  inquiries: z.array(bureauInquirySchema).max(LIMITS.bureauInquiries),
});

/**
 * `bureauRefreshSchema` with the inquiries in the columnar form. @internal
 * @example bureauRefreshColumnsSchema.safeParse({ reportedAt: 0, inquiries: { at: [], kind: [] } }).success // => true
 */
export const bureauRefreshColumnsSchema = bureauRefreshSchema.extend({ inquiries: bureauInquiryColumnsSchema });

/** A bureau refresh as `adjustLimit` reads it (`account.bureauRefresh`): inquiries as rows or columns. */
export type BureauRefresh = Omit<z.infer<typeof bureauRefreshSchema>, "inquiries"> & {
  inquiries: z.infer<typeof bureauRefreshSchema>["inquiries"] | BureauInquiryColumns;
};

/** The multi-lending thresholds of a policy section `adjustment.multiLending`. */
export interface MultiLendingPolicy {
  readonly inquiries: number;
  readonly lenders: number;
  readonly windowDays: number;
  readonly factor: number;
}

/**
 * The multi-lending review used when a policy does not set `adjustment.multiLending`: 6 or more
 * loan-application inquiries from 4 or more lenders in 30 days cut the limit by 20%.
 * @example DEFAULT_MULTI_LENDING // => { inquiries: 6, lenders: 4, windowDays: 30, factor: 0.8 }
 */
export const DEFAULT_MULTI_LENDING: MultiLendingPolicy = Object.freeze({
  inquiries: 6,
  lenders: 4,
  windowDays: 30,
  factor: 0.8,
});

/**
 * The multi-lending thresholds a policy sets, or `DEFAULT_MULTI_LENDING`.
 * @param policy a loaded policy
 * @returns the thresholds
 * @example multiLendingPolicy(policy).factor // => 0.8 (the shipped policy keeps the default)
 */
export function multiLendingPolicy(policy: Policy): MultiLendingPolicy {
  return policy.adjustment.multiLending ?? DEFAULT_MULTI_LENDING;
}

/**
 * Whether a bureau refresh shows multi-lender borrowing at review time: at least `inquiries`
 * loan-application inquiries from at least `lenders` distinct lenders with `asOf - windowDays < at <= asOf`.
 * @param refresh a validated bureau refresh
 * @param asOf the review time, epoch ms
 * @param ml the thresholds
 * @returns true when both thresholds are met
 * @example multiLendingDetected({ reportedAt: 10, inquiries: [] }, 10, DEFAULT_MULTI_LENDING) // => false
 */
export function multiLendingDetected(refresh: BureauRefresh, asOf: number, ml: MultiLendingPolicy): boolean {
  const c = loanInquiryCounts(refresh.inquiries, asOf, ml.windowDays * DAY_MS, { inquiries: 0, lenders: 0 });
  return c.inquiries >= ml.inquiries && c.lenders >= ml.lenders;
}
