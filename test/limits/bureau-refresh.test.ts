import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustLimit, DEFAULT_MULTI_LENDING, type LimitChange, loadPolicyOrThrow } from "../../src/limits";
import type { BureauInquiry } from "../../src/schema/applicant";
import { DAY, REVIEW_AS_OF, defaultPolicy, defaultPolicyJson, reviewAccount } from "./helpers";

const policy = defaultPolicy();
const asOf = REVIEW_AS_OF;
const account = reviewAccount;
const loan = (daysBack: number, lenderId: string): BureauInquiry => ({
  at: asOf - daysBack * DAY,
  kind: "loan_application",
  lenderId,
});
/** SYNTHETIC refresh: six loan inquiries from four lenders over the last 30 days. */
const sixFromFour = [loan(1, "a"), loan(2, "b"), loan(5, "c"), loan(9, "d"), loan(12, "a"), loan(29, "b")];
const refresh = (inquiries: BureauInquiry[]) => ({ bureauRefresh: { reportedAt: asOf - DAY / 2, inquiries } });

function run(acc: unknown, p = policy): LimitChange {
  const r = adjustLimit(acc, { asOf, policy: p });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const codes = (c: LimitChange) => c.reasons.map((r) => r.code);

describe("adjustLimit with a bureau refresh (multi-lending at review time)", () => {
  it("cuts the limit by 20% when 6 loan inquiries from 4 lenders fall within 30 days, with a reason", () => {
    // 500,000 x 0.8 = 400,000 (a multiple of the 5,000 fen step); drawdowns stay open
    const c = run({ ...account, ...refresh(sixFromFour) });
    expect(c).toMatchObject({ action: "reduce", previousLimitFen: 500_000, limitFen: 400_000, drawdownsFrozen: false });
    expect(codes(c)).toEqual(["REDUCED_MULTI_LENDING"]);
  });

  it("does nothing below either threshold or outside the window", () => {
    // five inquiries: no
    expect(run({ ...account, ...refresh(sixFromFour.slice(0, 5)) }).action).toBe("raise");
    // six inquiries from three lenders: no
    const three = sixFromFour.map((q, i) => ({ ...q, lenderId: ["a", "b", "c"][i % 3]! }));
    expect(run({ ...account, ...refresh(three) }).action).toBe("raise");
    // the sixth is exactly 30 days back, outside (asOf - 30 days, asOf]
    const old = [...sixFromFour.slice(0, 5), loan(30, "b")];
    expect(run({ ...account, ...refresh(old) }).action).toBe("raise");
    // card applications do not count
    const cards = sixFromFour.map((q) => ({ ...q, kind: "card_application" as const }));
    expect(run({ ...account, ...refresh(cards) }).action).toBe("raise");
    // an empty refresh changes nothing against no refresh at all
    expect(run({ ...account, ...refresh([]) })).toEqual(run(account));
  });

  it("takes the lowest factor with the other reductions and lists every reason", () => {
    // frequent borrowing (0.8) and multi-lending (0.8): 400,000; serious delinquency (0.5) wins: 250,000
    const busy = { ...account, drawdownsAt: [1, 2, 3, 4, 5].map((d) => asOf - d * DAY), ...refresh(sixFromFour) };
    expect(codes(run(busy))).toEqual(["REDUCED_FREQUENT_BORROWING", "REDUCED_MULTI_LENDING"]);
    const c = run({ ...busy, daysPastDue: 40 });
    expect(c.limitFen).toBe(250_000);
    expect(codes(c)).toEqual([
      "REDUCED_SERIOUS_DELINQUENCY",
      "REDUCED_FREQUENT_BORROWING",
      "REDUCED_MULTI_LENDING",
      "FROZEN_PAST_DUE",
    ]);
  });

  it("is policy-configurable (adjustment.multiLending) and defaults to 6 / 4 / 30 days / 0.8", () => {
    expect(DEFAULT_MULTI_LENDING).toEqual({ inquiries: 6, lenders: 4, windowDays: 30, factor: 0.8 });
    const json = defaultPolicyJson();
    json.adjustment.multiLending = { inquiries: 5, lenders: 3, windowDays: 10, factor: 0.5 };
    const strict = loadPolicyOrThrow(json);
    // within 10 days: a, b, c, d (1, 2, 5, 9 days back) = 4 inquiries: below 5
    expect(run({ ...account, ...refresh(sixFromFour) }, strict).action).toBe("raise");
    // add one at 3 days: 5 inquiries from 4 lenders; 500,000 x 0.5
    const c = run({ ...account, ...refresh([...sixFromFour, loan(3, "e")]) }, strict);
    expect(c).toMatchObject({ action: "reduce", limitFen: 250_000 });
    json.adjustment.multiLending = { inquiries: 5, lenders: 3, windowDays: 10, factor: 1.5 };
    expect(() => loadPolicyOrThrow(json)).toThrow();
  });

  it("rejects a refresh from after asOf, inquiries after the report and malformed inquiries", () => {
    const bad = (acc: unknown) => {
      const r = adjustLimit(acc, { asOf, policy });
      return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join(".")}`);
    };
    expect(bad({ ...account, bureauRefresh: { reportedAt: asOf + 1, inquiries: [] } })).toEqual([
      "in_future@bureauRefresh.reportedAt",
    ]);
    expect(bad({ ...account, bureauRefresh: { reportedAt: asOf - DAY, inquiries: [loan(0, "a")] } })).toEqual([
      "in_future@bureauRefresh.inquiries.0.at",
    ]);
    expect(bad({ ...account, ...refresh([{ ...loan(1, "a"), kind: "payday" } as never]) })).toEqual([
      "invalid_enum@bureauRefresh.inquiries.0.kind",
    ]);
    expect(bad({ ...account, ...refresh([{ ...loan(1, "bad lender 13800138000") }]) })).toEqual([
      "invalid_format@bureauRefresh.inquiries.0.lenderId",
    ]);
    const r = adjustLimit({ ...account, ...refresh([loan(1, "bad lender 13800138000")]) }, { asOf, policy });
    expect(JSON.stringify(r)).not.toContain("13800138000");
  });

  it("takes the inquiries in the columnar form too: the same change, issues at column and index", () => {
    const cols = (qs: BureauInquiry[]) => ({
      at: qs.map((q) => q.at),
      kind: qs.map((q) => q.kind),
      lenderId: qs.map((q) => q.lenderId ?? null),
    });
    const asColumns = { bureauRefresh: { reportedAt: asOf - DAY / 2, inquiries: cols(sixFromFour) } };
    expect(run({ ...account, ...asColumns })).toEqual(run({ ...account, ...refresh(sixFromFour) }));
    expect(
      run({ ...account, bureauRefresh: { reportedAt: asOf, inquiries: cols(sixFromFour.slice(0, 5)) } }).action,
    ).toBe("raise");
    const bad = (acc: unknown) => {
      const r = adjustLimit(acc, { asOf, policy });
      return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join(".")}`);
    };
    const late = { reportedAt: asOf - DAY, inquiries: cols([loan(3, "a"), loan(0, "b")]) };
    expect(bad({ ...account, bureauRefresh: late })).toEqual(["in_future@bureauRefresh.inquiries.at.1"]);
    const short = { reportedAt: asOf, inquiries: { ...cols(sixFromFour), kind: ["loan_application"] } };
    expect(bad({ ...account, bureauRefresh: short })).toEqual(["inconsistent@bureauRefresh.inquiries.kind"]);
  });

  it("never raises a limit when multi-lending is detected, and never goes above the old limit (property)", () => {
    const inquiry = fc.record({
      daysBack: fc.integer({ min: 0, max: 40 }),
      lender: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      loanKind: fc.constantFrom(true, true, true, false),
    });
    let detected = 0;
    fc.assert(
      fc.property(
        fc.array(inquiry, { minLength: 3, maxLength: 20 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (qs, limitFen) => {
          const inquiries = qs.map((q) => ({
            at: asOf - q.daysBack * DAY - 1,
            kind: q.loanKind ? ("loan_application" as const) : ("other" as const),
            lenderId: q.lender,
          }));
          const c = run({ ...account, limitFen, bureauRefresh: { reportedAt: asOf, inquiries } });
          const inWindow = qs.filter((q) => q.loanKind && q.daysBack < 30);
          const hit = inWindow.length >= 6 && new Set(inWindow.map((q) => q.lender)).size >= 4;
          expect(codes(c).includes("REDUCED_MULTI_LENDING")).toBe(hit);
          if (hit) {
            detected++;
            expect(c.action).toBe("reduce");
            expect(c.limitFen).toBeLessThanOrEqual(Math.floor(limitFen * 0.8));
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(detected).toBeGreaterThan(20);
  });
});
