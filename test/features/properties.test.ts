import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, extractFeatures, featureSection } from "../../src/features";
import type { Applicant } from "../../src/schema/applicant";
import { parseApplicant } from "../../src/schema/parse";
import { BASE_AS_OF, applicantArb, paymentArb } from "./arbitraries";

const AS_OF = BASE_AS_OF;
const DAY = 86_400_000;
const names = defaultCatalog.names;

function shuffled<T>(xs: readonly T[] | undefined, seed: number): T[] | undefined {
  if (xs === undefined) return undefined;
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Same applicant with every event array in another order. */
function reorder(a: Applicant, seed: number): Applicant {
  const b = structuredClone(a);
  if (b.payments) b.payments = shuffled(b.payments, seed)!;
  if (b.bureau) {
    b.bureau.inquiries = shuffled(b.bureau.inquiries, seed + 1)!;
    b.bureau.accounts = shuffled(b.bureau.accounts, seed + 2)!;
    b.bureau.delinquencies = shuffled(b.bureau.delinquencies, seed + 3)!;
  }
  if (b.devices) {
    b.devices.events = shuffled(b.devices.events, seed + 4)!;
    if (b.devices.records) b.devices.records = shuffled(b.devices.records, seed + 5)!;
  }
  if (b.loans) {
    b.loans = shuffled(b.loans, seed + 6)!;
    for (const l of b.loans) {
      l.installments = shuffled(l.installments, seed + 7)!;
      l.repayments = shuffled(l.repayments, seed + 8)!;
    }
  }
  return b;
}

/** Multiplies every money amount (fen) by k. */
function scale(a: Applicant, k: number): Applicant {
  const b = structuredClone(a);
  const id = b.identity;
  if (id.declaredMonthlyIncomeFen !== undefined) id.declaredMonthlyIncomeFen *= k;
  if (id.verifiedMonthlyIncomeFen !== undefined) id.verifiedMonthlyIncomeFen *= k;
  if (b.application?.requestedAmountFen !== undefined) b.application.requestedAmountFen *= k;
  for (const p of b.payments ?? []) p.amountFen *= k;
  if (b.bureau) {
    b.bureau.monthlyObligationsFen *= k;
    for (const x of b.bureau.accounts) {
      x.balanceFen *= k;
      if (x.limitFen !== undefined) x.limitFen *= k;
      if (x.monthlyPaymentFen !== undefined) x.monthlyPaymentFen *= k;
    }
    for (const x of b.bureau.delinquencies) if (x.amountFen !== undefined) x.amountFen *= k;
  }
  for (const l of b.loans ?? []) {
    l.principalFen *= k;
    for (const x of l.installments) x.amountFen *= k;
    for (const x of l.repayments) x.amountFen *= k;
  }
  return b;
}

/** Adds events strictly after asOf to every event array (and a loan disbursed after asOf). */
function addFuture(a: Applicant, n: number): Applicant {
  const b = structuredClone(a);
  const t = (i: number) => AS_OF + 1 + i * DAY;
  if (b.payments)
    for (let i = 0; i < n; i++)
      b.payments.push({
        at: t(i),
        amountFen: 123_456 * (i + 1),
        direction: i % 2 ? "in" : "out",
        channel: "merchant",
        merchantCategory: "gambling",
        counterparty: `new-${i}`,
      });
  if (b.bureau) {
    b.bureau.inquiries.push({ at: t(0), kind: "loan_application" });
    b.bureau.accounts.push({
      kind: "credit_card",
      openedAt: t(1),
      limitFen: 10,
      balanceFen: 10,
      worstDaysPastDue: 500,
    });
    b.bureau.delinquencies.push({ at: t(2), daysPastDue: 999 });
  }
  if (b.devices) b.devices.events.push({ at: t(0), kind: "login", deviceId: "future-dev", cityCode: "XX" });
  if (b.devices?.records) b.devices.records.push({ deviceId: "future-dev", firstSeenAt: t(0), accountCount: 999 });
  if (b.loans) {
    for (const l of b.loans) l.repayments.push({ at: t(0), amountFen: 1_000_000_000 });
    b.loans.push({
      loanId: "future",
      disbursedAt: t(0),
      principalFen: 5,
      installments: [{ dueAt: t(1), amountFen: 5 }],
      repayments: [],
    });
  }
  return b;
}

const same = (x: ReturnType<typeof extractFeatures>, y: ReturnType<typeof extractFeatures>) => {
  expect(Array.from(y.missing)).toEqual(Array.from(x.missing));
  expect(Array.from(y.values)).toEqual(Array.from(x.values));
};

describe("feature extraction properties", () => {
  it("generated applicants are valid", () => {
    fc.assert(
      fc.property(applicantArb(), (a) => parseApplicant(a).ok),
      { numRuns: 100 },
    );
  });

  it("event order does not change the vector", () => {
    fc.assert(
      fc.property(applicantArb(), fc.integer(), (a, seed) => {
        same(extractFeatures(a, { asOf: AS_OF }), extractFeatures(reorder(a, seed), { asOf: AS_OF }));
      }),
      { numRuns: 300 },
    );
  });

  it("events after asOf change nothing", () => {
    fc.assert(
      fc.property(applicantArb(), fc.integer({ min: 1, max: 5 }), (a, n) => {
        const b = addFuture(a, n);
        expect(parseApplicant(b).ok).toBe(true);
        same(extractFeatures(a, { asOf: AS_OF }), extractFeatures(b, { asOf: AS_OF }));
      }),
      { numRuns: 300 },
    );
  });

  it("scaling every amount by k scales money features by k and leaves the others unchanged", () => {
    fc.assert(
      fc.property(applicantArb(), fc.integer({ min: 2, max: 1_000 }), (a, k) => {
        const x = extractFeatures(a, { asOf: AS_OF });
        const y = extractFeatures(scale(a, k), { asOf: AS_OF });
        expect(Array.from(y.missing)).toEqual(Array.from(x.missing));
        defaultCatalog.specs.forEach((s, i) => {
          const want = s.unit === "fen" ? x.values[i]! * k : x.values[i]!;
          if (s.name === "pay_outflow_volatility_180d") expect(y.values[i]).toBeCloseTo(want, 9);
          // a mean of scaled amounts is the scaled mean up to rounding (sum x k / n vs sum / n x k)
          else if (s.kind === "aggregate" && s.aggregate === "mean")
            expect(Math.abs(y.values[i]! - want), s.name).toBeLessThanOrEqual(1e-12 * Math.abs(want));
          else expect(y.values[i], s.name).toBe(want);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never outputs NaN or Infinity, and missing values are 0", () => {
    fc.assert(
      fc.property(
        applicantArb(),
        fc.integer({ min: BASE_AS_OF - 500 * DAY, max: BASE_AS_OF + 500 * DAY }),
        (a, asOf) => {
          const v = extractFeatures(a, { asOf });
          for (let i = 0; i < v.values.length; i++) {
            expect(Number.isFinite(v.values[i]), names[i]).toBe(true);
            if (v.missing[i]) expect(v.values[i]).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("absent sections make their features missing", () => {
    const sectionOf = names.map((_, i) => featureSection(defaultCatalog, i));
    fc.assert(
      fc.property(applicantArb(), (a) => {
        const v = extractFeatures(a, { asOf: AS_OF });
        names.forEach((n, i) => {
          const sec = sectionOf[i];
          const absent =
            (sec === "payments" && a.payments === undefined) ||
            (sec === "bureau" && a.bureau === undefined) ||
            (sec === "social" && a.social === undefined) ||
            (sec === "loans" && a.loans === undefined) ||
            (sec === "devices" && a.devices === undefined);
          if (absent) expect(v.missing[i], n).toBe(1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("payments alone: sums equal a naive filter-and-sum", () => {
    fc.assert(
      fc.property(fc.array(paymentArb(30), { maxLength: 60 }), (ps) => {
        const a = {
          id: "p",
          identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
          consent: { creditBureauQuery: true },
          payments: ps,
        } as Applicant;
        const v = extractFeatures(a, { asOf: AS_OF });
        const inW = (t: number, d: number) => t <= AS_OF && AS_OF - t < d * DAY;
        for (const d of [30, 90, 180]) {
          const inflow = ps.filter((p) => p.direction === "in" && inW(p.at, d)).reduce((s, p) => s + p.amountFen, 0);
          const outflow = ps.filter((p) => p.direction === "out" && inW(p.at, d)).reduce((s, p) => s + p.amountFen, 0);
          expect(v.values[names.indexOf(`pay_inflow_${d}d_fen`)]).toBe(inflow);
          expect(v.values[names.indexOf(`pay_outflow_${d}d_fen`)]).toBe(outflow);
          expect(v.values[names.indexOf(`pay_net_flow_${d}d_fen`)]).toBe(inflow - outflow);
        }
        const cps = new Set(ps.filter((p) => inW(p.at, 90) && p.counterparty !== undefined).map((p) => p.counterparty));
        expect(v.values[names.indexOf("pay_counterparties_90d")]).toBe(cps.size);
      }),
      { numRuns: 300 },
    );
  });
});
