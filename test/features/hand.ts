/**
 * A small applicant whose features are worked out by hand in `extract.test.ts`.
 * asOf = 2025-01-01T00:00:00Z (08:00 local time at UTC+8).
 */
import type { Applicant } from "../../src/schema/applicant";

export const AS_OF = Date.UTC(2025, 0, 1);
const D = 86_400_000;
const H = 3_600_000;

export const handApplicant: Applicant = {
  id: "hand-1",
  identity: {
    birthDate: "1990-01-01",
    realNameVerified: true,
    idVerified: true,
    phoneVerified: false,
    declaredMonthlyIncomeFen: 1_200_000,
    verifiedMonthlyIncomeFen: 1_000_000,
  },
  consent: { creditBureauQuery: true },
  application: { appliedAt: AS_OF, requestedAmountFen: 500_000, deviceId: "dev-1" },
  payments: [
    { at: AS_OF - 10 * D, amountFen: 1_000_000, direction: "in", channel: "salary" },
    { at: AS_OF - 40 * D, amountFen: 1_000_000, direction: "in", channel: "salary" },
    {
      at: AS_OF - 5 * D,
      amountFen: 200_000,
      direction: "out",
      channel: "merchant",
      merchantCategory: "groceries",
      counterparty: "m-1",
    },
    // 18:00 UTC = 02:00 local: night
    {
      at: AS_OF - 5 * D - 6 * H,
      amountFen: 50_000,
      direction: "out",
      channel: "merchant",
      merchantCategory: "gambling",
      counterparty: "m-2",
    },
    { at: AS_OF - 100 * D, amountFen: 30_000, direction: "out", channel: "transfer", counterparty: "f-1" },
    { at: AS_OF + 1 * D, amountFen: 999_999, direction: "out", channel: "merchant", merchantCategory: "gambling" },
    { at: AS_OF - 20 * D, amountFen: 8_800, direction: "out", channel: "red_packet", counterparty: "f-2" },
  ],
  social: { accountAgeDays: 1_500, contactCount: 200, flaggedContactCount: 10 },
  bureau: {
    reportedAt: AS_OF - D,
    historyMonths: 48,
    monthlyObligationsFen: 250_000,
    inquiries: [
      { at: AS_OF - 30 * D, kind: "loan_application" },
      { at: AS_OF - 100 * D, kind: "card_application" },
      { at: AS_OF - 200 * D, kind: "other" },
      { at: AS_OF + 5 * D, kind: "loan_application" },
    ],
    accounts: [
      { kind: "credit_card", openedAt: AS_OF - 900 * D, limitFen: 1_000_000, balanceFen: 300_000, worstDaysPastDue: 0 },
      {
        kind: "credit_card",
        openedAt: AS_OF - 800 * D,
        closedAt: AS_OF - 10 * D,
        limitFen: 500_000,
        balanceFen: 200_000,
        worstDaysPastDue: 0,
      },
      { kind: "credit_card", openedAt: AS_OF - 50 * D, balanceFen: 100_000, worstDaysPastDue: 0 },
      { kind: "consumer_loan", openedAt: AS_OF - 300 * D, balanceFen: 2_000_000, worstDaysPastDue: 30 },
    ],
    delinquencies: [
      { at: AS_OF - 400 * D, daysPastDue: 30 },
      { at: AS_OF - 60 * D, daysPastDue: 60 },
      { at: AS_OF + D, daysPastDue: 120 },
    ],
  },
  devices: {
    events: [
      { at: AS_OF - D, kind: "login", deviceId: "dev-1" },
      { at: AS_OF - 10 * D, kind: "login", deviceId: "dev-2" },
      { at: AS_OF - 40 * D, kind: "login", deviceId: "dev-3" },
      { at: AS_OF + D, kind: "login", deviceId: "dev-4" },
    ],
    records: [{ deviceId: "dev-1", firstSeenAt: AS_OF - 365 * D, accountCount: 3 }],
  },
  loans: [
    {
      loanId: "L1",
      disbursedAt: AS_OF - 100 * D,
      principalFen: 360_000,
      installments: [
        { dueAt: AS_OF - 70 * D, amountFen: 100_000 },
        { dueAt: AS_OF - 40 * D, amountFen: 100_000 },
        { dueAt: AS_OF - 10 * D, amountFen: 100_000 },
        { dueAt: AS_OF + 20 * D, amountFen: 100_000 },
      ],
      repayments: [
        { at: AS_OF - 71 * D, amountFen: 100_000 },
        { at: AS_OF - 35 * D, amountFen: 100_000 },
        { at: AS_OF - 2 * D, amountFen: 50_000 },
      ],
    },
  ],
};
