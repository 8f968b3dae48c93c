import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFacts } from "../../src/fraud/compute-facts";
import { compileDefaultRules } from "../../src/fraud/default-rules";
import { readFact } from "../../src/fraud/facts";
import { loanInquiryCounts } from "../../src/features/multi-lending";
import type { Applicant, BureauInquiry, DeviceEvent } from "../../src/schema/applicant";
import { AS_OF, DAY, HOUR, MIN, applicant } from "./helpers";

// The application is at t = AS_OF - 1 h (helpers.ts); windows end at t.
const t = AS_OF - HOUR;
const loan = (at: number, lenderId?: string): BureauInquiry =>
  lenderId === undefined ? { at, kind: "loan_application" } : { at, kind: "loan_application", lenderId };
const bureau = (inquiries: BureauInquiry[], accounts: NonNullable<Applicant["bureau"]>["accounts"] = []) => ({
  reportedAt: t - DAY,
  historyMonths: 24,
  inquiries,
  accounts,
  delinquencies: [],
  monthlyObligationsFen: 0,
});
const ev = (at: number, kind: DeviceEvent["kind"]): DeviceEvent => ({ at, kind, deviceId: "dev-1" });

/** SYNTHETIC: seven loan inquiries in 30 days from lenders a, a, b, c, d, (none), e; plus noise outside. */
const lending = bureau(
  [
    loan(t - HOUR, "a"),
    loan(t - 2 * DAY, "a"),
    loan(t - 3 * DAY, "b"),
    loan(t - 10 * DAY, "c"),
    loan(t - 20 * DAY, "d"),
    loan(t - 25 * DAY),
    loan(t - 30 * DAY + MIN, "e"),
    loan(t - 30 * DAY, "f"), // exactly 30 days before: outside (t - 30 d, t]
    loan(t + MIN, "g"), // after the application
    { at: t - DAY, kind: "card_application", lenderId: "h" }, // not a loan application
  ],
  [
    { kind: "microloan", openedAt: t - 5 * DAY, balanceFen: 1, worstDaysPastDue: 0 },
    { kind: "microloan", openedAt: t - 31 * DAY, balanceFen: 1, worstDaysPastDue: 0 },
    { kind: "consumer_loan", openedAt: t - 5 * DAY, balanceFen: 1, worstDaysPastDue: 0, productType: "microloan" },
  ],
);

describe("signal facts (hand-counted)", () => {
  it("counts loan inquiries, distinct lenders and new microloans over the 30 days up to the application", () => {
    const f = computeFacts(applicant({ bureau: lending }), { asOf: AS_OF });
    // a, a, b, c, d, (no lender), e: 7 inquiries, 5 lenders
    expect(readFact(f, "bureau.loanInquiries30d")).toBe(7);
    expect(readFact(f, "bureau.loanLenders30d")).toBe(5);
    // kind microloan opened 5 days back (31 days is outside; productType alone does not make a microloan account)
    expect(readFact(f, "bureau.microloansOpened30d")).toBe(1);
    expect(readFact(computeFacts(applicant(), { asOf: AS_OF }), "bureau.loanLenders30d")).toBeUndefined();
  });

  it("counts password resets and account changes over the 24 hours up to the application", () => {
    const devices = {
      events: [
        ev(t - 2 * HOUR, "password_reset"),
        ev(t - 23 * HOUR, "phone_change"),
        ev(t - 5 * MIN, "profile_change"),
        ev(t - 24 * HOUR, "password_reset"), // exactly 24 h before: outside
        ev(t + MIN, "password_reset"), // after the application
        ev(t - MIN, "login"),
      ],
    };
    const f = computeFacts(applicant({ devices }), { asOf: AS_OF });
    expect(readFact(f, "device.passwordResets24h")).toBe(1);
    expect(readFact(f, "device.accountChanges24h")).toBe(3);
    expect(readFact(computeFacts(applicant(), { asOf: AS_OF }), "device.passwordResets24h")).toBeUndefined();
  });

  it("divides declared by verified income, missing unless both are known and verified is above 0", () => {
    const id = { birthDate: "1990-05-20", realNameVerified: true, idVerified: true, phoneVerified: true };
    const ratio = (declared?: number, verified?: number) =>
      readFact(
        computeFacts(
          applicant({
            identity: {
              ...id,
              ...(declared === undefined ? {} : { declaredMonthlyIncomeFen: declared }),
              ...(verified === undefined ? {} : { verifiedMonthlyIncomeFen: verified }),
            },
          }),
          { asOf: AS_OF },
        ),
        "identity.incomeRatio",
      );
    expect(ratio(1_500_000, 1_000_000)).toBe(1.5);
    expect(ratio(1_000_000, undefined)).toBeUndefined();
    expect(ratio(1_000_000, 0)).toBeUndefined();
    expect(ratio(0, 500_000)).toBe(0);
  });

  it("loanInquiryCounts equals a naive filter and Set (fast-check)", () => {
    const inq = fc.record({
      at: fc.integer({ min: 0, max: 100 }),
      kind: fc.constantFrom("loan_application", "card_application", "other") as fc.Arbitrary<BureauInquiry["kind"]>,
      lenderId: fc.option(fc.constantFrom("a", "b", "c", "d", "e"), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(inq, { maxLength: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 60 }),
        (qs, end, w) => {
          const clean = qs.map((q) => (q.lenderId === undefined ? { at: q.at, kind: q.kind } : q)) as BureauInquiry[];
          const picked = clean.filter((q) => q.kind === "loan_application" && q.at <= end && q.at > end - w);
          const lenders = new Set(picked.map((q) => q.lenderId).filter((x) => x !== undefined));
          expect(loanInquiryCounts(clean, end, w, { inquiries: -1, lenders: -1 })).toEqual({
            inquiries: picked.length,
            lenders: lenders.size,
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("default rules: multi-lending, account takeover, income inflation", () => {
  const rules = compileDefaultRules();
  const codes = (a: Applicant) => {
    const r = rules.evaluate(computeFacts(a, { asOf: AS_OF }));
    return { action: r.fraudAction, score: r.score, codes: r.hits.map((h) => h.reasonCode) };
  };

  it("MULTI_LENDING: 6 or more loan inquiries from 4 or more lenders in 30 days reviews", () => {
    expect(codes(applicant({ bureau: lending }))).toEqual({ action: "review", score: 40, codes: ["MULTI_LENDING"] });
    // six inquiries from three lenders: no
    const three = bureau([1, 2, 3, 4, 5, 6].map((k) => loan(t - k * DAY, ["a", "b", "c"][k % 3])));
    expect(codes(applicant({ bureau: three }))).toEqual({ action: "none", score: 0, codes: [] });
    // five inquiries from five lenders: no
    const five = bureau([1, 2, 3, 4, 5].map((k) => loan(t - k * DAY, `l${k}`)));
    expect(codes(applicant({ bureau: five }))).toEqual({ action: "none", score: 0, codes: [] });
    // six from four: yes
    const six = bureau([1, 2, 3, 4, 5, 6].map((k) => loan(t - k * DAY, ["a", "b", "c", "d"][k % 4])));
    expect(codes(applicant({ bureau: six })).codes).toEqual(["MULTI_LENDING"]);
  });

  it("account takeover: a password reset within 24 h plus a device younger than 72 h reviews", () => {
    const takeover = (resetAt: number, firstSeenAt: number) =>
      applicant({
        devices: {
          events: [ev(resetAt, "password_reset")],
          records: [{ deviceId: "dev-1", firstSeenAt, accountCount: 1 }],
        },
      });
    // device.new (30) fires too: 40 + 30 = 70, review (below the decline threshold of 80)
    expect(codes(takeover(t - 3 * HOUR, t - 10 * HOUR))).toEqual({
      action: "review",
      score: 70,
      codes: ["FRD-DEVICE-NEW", "FRD-TAKEOVER"],
    });
    // the same reset with an old device: nothing
    expect(codes(takeover(t - 3 * HOUR, t - 30 * DAY))).toEqual({ action: "none", score: 0, codes: [] });
    // a new device whose reset was two days ago: only device.new
    expect(codes(takeover(t - 2 * DAY, t - 10 * HOUR))).toEqual({
      action: "none",
      score: 30,
      codes: ["FRD-DEVICE-NEW"],
    });
  });

  it("income inflation adds 25 to the fraud score (at 1.5x, not below)", () => {
    const id = (declared: number) =>
      applicant({
        identity: {
          birthDate: "1990-05-20",
          realNameVerified: true,
          idVerified: true,
          phoneVerified: true,
          declaredMonthlyIncomeFen: declared,
          verifiedMonthlyIncomeFen: 1_000_000,
        },
      });
    expect(codes(id(1_500_000))).toEqual({ action: "none", score: 25, codes: ["FRD-INCOME-INFLATED"] });
    expect(codes(id(1_499_999))).toEqual({ action: "none", score: 0, codes: [] });
  });
});
