/**
 * fast-check arbitraries of valid applicants (seeded by fast-check's own seed), shared by the
 * feature and fast-parse tests. Times fall within about 400 days before `BASE_AS_OF`, some after it.
 */
import fc from "fast-check";
import {
  BUREAU_ACCOUNT_KINDS,
  DEVICE_EVENT_KINDS,
  INQUIRY_KINDS,
  MERCHANT_CATEGORIES,
  OCCUPATIONS,
  PAYMENT_CHANNELS,
  PRODUCT_TYPES,
  type Applicant,
} from "../../src/schema/applicant";

/** 2025-01-01T00:00:00Z. */
export const BASE_AS_OF = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const time = (daysBefore = 400, daysAfter = 0) =>
  fc.integer({ min: BASE_AS_OF - daysBefore * DAY, max: BASE_AS_OF + daysAfter * DAY });
const past = () => fc.integer({ min: BASE_AS_OF - 400 * DAY, max: BASE_AS_OF });
const money = () => fc.integer({ min: 0, max: 5_000_000 });
const token = (prefix: string) => fc.integer({ min: 0, max: 30 }).map((n) => `${prefix}${n}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/** Drops keys whose value is `undefined` (so generated objects look like parsed JSON). */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export const paymentArb = (daysAfter = 0) =>
  fc
    .record({
      at: time(400, daysAfter),
      amountFen: money(),
      direction: fc.constantFrom("in" as const, "out" as const),
      channel: fc.constantFrom(...PAYMENT_CHANNELS),
      counterparty: opt(token("cp-")),
      merchantCategory: opt(fc.constantFrom(...MERCHANT_CATEGORIES)),
    })
    .map(clean);

const birthDate = fc
  .record({
    y: fc.integer({ min: 1930, max: 2010 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const identityArb = fc
  .record({
    birthDate: opt(birthDate),
    ageYears: fc.integer({ min: 16, max: 90 }),
    realNameVerified: fc.boolean(),
    idVerified: fc.boolean(),
    phoneVerified: fc.boolean(),
    occupation: opt(fc.constantFrom(...OCCUPATIONS)),
    declaredMonthlyIncomeFen: opt(money()),
    verifiedMonthlyIncomeFen: opt(money()),
    cityCode: opt(fc.constantFrom("BJ", "SH", "GZ", "SZ", "CD")),
  })
  .map((i) => clean(i.birthDate !== undefined ? { ...i, ageYears: undefined } : i));

const bureauArb = fc.record({
  reportedAt: past(),
  historyMonths: fc.integer({ min: 0, max: 300 }),
  inquiries: fc.array(
    fc
      .record({
        at: fc.oneof(time(), time(40, 5)),
        kind: fc.constantFrom(...INQUIRY_KINDS),
        lenderId: opt(fc.integer({ min: 0, max: 6 }).map((n) => `lender-${n}`)),
        productType: opt(fc.constantFrom(...PRODUCT_TYPES)),
      })
      .map(clean),
    { maxLength: 12 },
  ),
  accounts: fc.array(
    fc
      .record({
        kind: fc.constantFrom(...BUREAU_ACCOUNT_KINDS),
        openedAt: time(3000, 10),
        closedAt: opt(time(400, 30)),
        limitFen: opt(money()),
        balanceFen: money(),
        monthlyPaymentFen: opt(money()),
        worstDaysPastDue: fc.integer({ min: 0, max: 200 }),
        lenderId: opt(fc.integer({ min: 0, max: 6 }).map((n) => `lender-${n}`)),
        productType: opt(fc.constantFrom(...PRODUCT_TYPES)),
      })
      .map(clean),
    { maxLength: 6 },
  ),
  delinquencies: fc.array(
    fc
      .record({ at: time(), daysPastDue: fc.constantFrom(1, 30, 60, 90, 120, 180), amountFen: opt(money()) })
      .map(clean),
    { maxLength: 4 },
  ),
  monthlyObligationsFen: money(),
});

const deviceEventArb = fc
  .record({
    at: time(120, 5),
    kind: fc.constantFrom(...DEVICE_EVENT_KINDS),
    deviceId: token("dev-"),
    ipHash: opt(token("ip-")),
    lat: opt(fc.double({ min: -90, max: 90, noNaN: true })),
    lon: opt(fc.double({ min: -180, max: 180, noNaN: true })),
    cityCode: opt(fc.constantFrom("BJ", "SH", "GZ")),
  })
  .map(clean);

const loanArb = fc.record({
  loanId: token("loan-"),
  disbursedAt: time(400, 10),
  principalFen: money(),
  installments: fc.array(fc.record({ dueAt: time(380, 200), amountFen: fc.integer({ min: 0, max: 200_000 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  repayments: fc.array(fc.record({ at: time(380, 30), amountFen: fc.integer({ min: 0, max: 200_000 }) }), {
    maxLength: 6,
  }),
});

/** Consent per data category (`consent.purposes`): each flag true, false or left out. */
export const purposesArb = fc
  .record({
    bureau: opt(fc.boolean()),
    payments: opt(fc.boolean()),
    social: opt(fc.boolean()),
    location: opt(fc.boolean()),
    device: opt(fc.boolean()),
  })
  .map(clean);

/**
 * A valid applicant; every optional section may be absent.
 * @param maxPayments the most payment events
 */
export const applicantArb = (maxPayments = 40): fc.Arbitrary<Applicant> =>
  fc
    .record({
      id: token("app-"),
      identity: identityArb,
      consent: fc
        .record({ creditBureauQuery: fc.boolean(), givenAt: opt(past()), purposes: opt(purposesArb) })
        .map(clean),
      application: opt(
        fc
          .record({
            appliedAt: past(),
            requestedAmountFen: opt(money()),
            requestedTermMonths: opt(fc.integer({ min: 1, max: 60 })),
            deviceId: opt(token("dev-")),
            ipHash: opt(token("ip-")),
          })
          .map(clean),
      ),
      payments: opt(fc.array(paymentArb(), { maxLength: maxPayments })),
      social: opt(
        fc
          .record({
            accountAgeDays: fc.integer({ min: 0, max: 5000 }),
            contactCount: fc.integer({ min: 0, max: 500 }),
            activeDays30: opt(fc.integer({ min: 0, max: 30 })),
            flaggedContactCount: opt(fc.integer({ min: 0, max: 20 })),
            defaultedLinkCount: opt(fc.integer({ min: 0, max: 5 })),
          })
          .map(clean),
      ),
      bureau: opt(bureauArb),
      devices: opt(
        fc
          .record({
            events: fc.array(deviceEventArb, { maxLength: 12 }),
            records: opt(
              fc.array(
                fc.record({
                  deviceId: token("dev-"),
                  firstSeenAt: time(800, 5),
                  accountCount: fc.integer({ min: 1, max: 9 }),
                }),
                { maxLength: 4 },
              ),
            ),
          })
          .map(clean),
      ),
      loans: opt(fc.array(loanArb, { maxLength: 3 })),
    })
    .map((a) => clean(a) as Applicant);

/**
 * A deterministic applicant with `n` payment events (for benchmarks), built from a seed with a
 * small linear congruential generator.
 * @param n payment events
 * @param seed any integer
 */
export function syntheticApplicant(n: number, seed = 1): Applicant {
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const payments = Array.from({ length: n }, () => {
    const out = rnd() < 0.7;
    const channel = out
      ? pick(["merchant", "merchant", "merchant", "transfer", "red_packet", "bill"] as const)
      : pick(["salary", "transfer", "refund", "balance_product"] as const);
    return clean({
      at: BASE_AS_OF - Math.floor(rnd() * 180 * DAY),
      amountFen: Math.floor(rnd() * 200_000),
      direction: out ? ("out" as const) : ("in" as const),
      channel,
      counterparty: `cp-${Math.floor(rnd() * 200)}`,
      merchantCategory: channel === "merchant" ? pick(MERCHANT_CATEGORIES) : undefined,
    });
  });
  return {
    id: `syn-${seed}`,
    identity: {
      birthDate: "1990-05-17",
      realNameVerified: true,
      idVerified: true,
      phoneVerified: true,
      declaredMonthlyIncomeFen: 1_200_000,
      verifiedMonthlyIncomeFen: 1_100_000,
      cityCode: "SH",
    },
    consent: { creditBureauQuery: true, givenAt: BASE_AS_OF - 60_000 },
    application: { appliedAt: BASE_AS_OF, requestedAmountFen: 500_000, requestedTermMonths: 12, deviceId: "dev-1" },
    payments,
    social: {
      accountAgeDays: 2_000,
      contactCount: 150,
      activeDays30: 25,
      flaggedContactCount: 2,
      defaultedLinkCount: 0,
    },
    bureau: {
      reportedAt: BASE_AS_OF - 1000,
      historyMonths: 60,
      inquiries: [{ at: BASE_AS_OF - 30 * DAY, kind: "loan_application" }],
      accounts: [
        {
          kind: "credit_card",
          openedAt: BASE_AS_OF - 900 * DAY,
          limitFen: 3_000_000,
          balanceFen: 900_000,
          worstDaysPastDue: 0,
        },
      ],
      delinquencies: [],
      monthlyObligationsFen: 300_000,
    },
    devices: {
      events: Array.from({ length: 20 }, (_, i) => ({
        at: BASE_AS_OF - i * DAY,
        kind: "login" as const,
        deviceId: `dev-${i % 2}`,
        cityCode: "SH",
      })),
      records: [{ deviceId: "dev-1", firstSeenAt: BASE_AS_OF - 400 * DAY, accountCount: 1 }],
    },
    loans: [
      {
        loanId: "loan-1",
        disbursedAt: BASE_AS_OF - 200 * DAY,
        principalFen: 300_000,
        installments: [1, 2, 3, 4, 5, 6].map((k) => ({ dueAt: BASE_AS_OF - (200 - 30 * k) * DAY, amountFen: 52_000 })),
        repayments: [1, 2, 3, 4, 5].map((k) => ({
          at: BASE_AS_OF - (200 - 30 * k) * DAY - 3600_000,
          amountFen: 52_000,
        })),
      },
    ],
  };
}
