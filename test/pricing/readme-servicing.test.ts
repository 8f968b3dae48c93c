/**
 * The README's daily-rate disclosure, early repayment, penalty interest and request-honoured
 * examples state what the code computes (section pricing). The figures themselves are checked
 * against outside references elsewhere: disclosure.test.ts (hand calculation, reference.py),
 * servicing-reference.test.ts (Python decimal), prepay.test.ts and penalty-interest.test.ts (by hand).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeOffer, loadPolicyOrThrow } from "../../src/limits";
import { penaltyInterest } from "../../src/postloan";
import { amortize, dailyRateDisclosure, prepay } from "../../src/pricing";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const readme = readFileSync(root("README.md"), "utf8");
const section = readme.slice(readme.indexOf("<!-- section:pricing -->"), readme.indexOf("<!-- /section:pricing -->"));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const cny = (fen: number) => (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });

describe("README servicing examples (section pricing)", () => {
  it("daily-rate disclosure", () => {
    const eq = { termMonths: 12, method: "equal-installment" } as const;
    const unit = dailyRateDisclosure(0.0005, eq);
    const loan = dailyRateDisclosure(0.0005, { ...eq, principalFen: 1_000_000, fees: { upfrontFeeRate: 0.01 } });
    const high = dailyRateDisclosure(0.001, eq);
    expect(section).toContain(
      `contractAnnualRate: ${unit.contractAnnualRate}, aprNominal: ${unit.aprNominal}, aprEffective: ${unit.aprEffective}, breachesCap: false`,
    );
    expect(section).toContain(
      `aprNominal: ${loan.aprNominal}, aprEffective: ${loan.aprEffective}, totals: { interestFen: ${loan.totals!.interestFen}, feeFen: ${loan.totals!.feeFen}, repaidFen: ${loan.totals!.repaidFen} }`,
    );
    expect(section).toContain(
      `| no fee (exact flows per unit) | ${pct(unit.contractAnnualRate)} | ${pct(unit.aprNominal)} | ${pct(unit.aprEffective)} |`,
    );
    expect(section).toContain(
      `| 10,000 CNY, 1% (100 CNY) withheld | ${pct(loan.contractAnnualRate)} | ${pct(loan.aprNominal)} | ${pct(loan.aprEffective)} |`,
    );
    expect(section).toContain(
      `| 0.1% a day: flagged | ${pct(high.contractAnnualRate)} | ${pct(high.aprNominal)} | ${pct(high.aprEffective)} |`,
    );
    expect(high.breachesCap).toBe(true);
  });

  it("early repayment", () => {
    const loan = {
      principalFen: 1_000_000,
      annualRate: 0.1825,
      termMonths: 12,
      method: "equal-installment",
      upfrontFeeFen: 10_000,
      prepaymentFeeRate: 0.03,
      disbursedAt: Date.UTC(2026, 0, 10, 1),
    } as const;
    const at = Date.UTC(2026, 3, 25, 2);
    const full = prepay(loan, { at });
    expect(section).toContain(
      `balanceFen: ${full.balanceFen}, interestFen: ${full.interestFen}, feeFen: ${full.feeFen}, payoffFen: ${full.payoffFen}, capReductionFen: ${full.capReductionFen}, capped: true`,
    );
    const part = prepay(loan, { at, amountFen: 300_000 });
    expect(section).toContain(
      `interestFen: ${part.interestFen}, feeFen: ${part.feeFen}, payoffFen: ${part.payoffFen}, remainingBalanceFen: ${part.remainingBalanceFen}, capped: false`,
    );
    expect(section).toContain(`period: 4, paymentFen: ${part.schedule[0]!.paymentFen}`);
    expect(section).toContain(`.schedule.length; // => ${part.schedule.length}`);
    const fee = Math.floor(full.principalFen * 0.03);
    expect(section).toContain(
      `owe ${cny(full.balanceFen)} + ${cny(full.interestFen)} interest + ${cny(fee)} fee; the 24% cap allows ${cny(full.payoffFen)} CNY, so\nthe fee is cut to ${cny(full.feeFen)} CNY`,
    );
    expect(section).toContain(
      `falls from ${cny(amortize(loan).rows[0]!.paymentFen)} to ${cny(part.schedule[0]!.paymentFen)} CNY`,
    );
    const early = prepay(loan, { at: Date.UTC(2026, 0, 12, 2) });
    expect(early.interestFen + early.feeFen).toBe(0);
    expect(section).toContain(`the cap allows ${cny(early.payoffFen)} CNY`);
    expect(section).toContain(`${cny(early.rebateFen)} CNY of the upfront fee is refunded`);
  });

  it("penalty interest", () => {
    const loan24 = {
      principalFen: 1_200_000,
      annualRate: 0.24,
      termMonths: 12,
      method: "equal-principal",
      disbursedAt: Date.UTC(2026, 0, 10, 3),
    } as const;
    const r = penaltyInterest(loan24, [], { asOf: Date.UTC(2026, 2, 20, 7), rate: 0.36 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    expect(section).toContain(
      `daysPastDue: ${v.daysPastDue}, overduePrincipalFen: ${v.overduePrincipalFen}, overdueInterestFen: ${v.overdueInterestFen}, penaltyAccruedFen: ${v.penaltyAccruedFen},\n//      penaltyFen: ${v.penaltyFen}, penaltyWaivedFen: ${v.penaltyWaivedFen}, capped: true, amountDueFen: ${v.amountDueFen}`,
    );
    const [a, b] = v.installments;
    expect(section).toContain(`${a!.daysLate} and ${b!.daysLate} days late`);
    expect(section).toContain(`${cny(a!.penaltyFen)} + ${cny(b!.penaltyFen)} CNY`);
    expect(section).toContain(`charged (${cny(v.penaltyFen)} CNY)`);
  });

  it("the request honoured", () => {
    const policy = loadPolicyOrThrow(JSON.parse(readFileSync(root("models/policy.json"), "utf8")));
    const r = makeOffer(policy, {
      band: "A",
      pd: 0.02,
      monthlyIncomeFen: 1_000_000,
      incomeVerified: true,
      requestedAmountFen: 100_000,
      requestedTermMonths: 3,
    });
    expect(r.offered).toBe(true);
    if (!r.offered) return;
    expect(section).toContain(
      `limitFen: ${r.offer.limitFen}, termMonths: ${r.offer.termMonths}, annualRate: ${r.offer.annualRate}, monthlyPaymentFen: ${r.offer.monthlyPaymentFen},\n//      reasons: [${r.offer.reasons.map((x) => `{ code: "${x.code}", ... }`).join(", ")}]`,
    );
    const c = policy.compiled;
    expect(section).toContain(
      `on 3 months (${pct(c.C.terms[0]!.annualRate)}) and D and E on 6 months (${pct(c.D.terms[1]!.annualRate)})`,
    );
    // the same cap-meeting rate, found by bisection from each band's own rate
    expect(c.E.terms[0]!.annualRate).toBeCloseTo(c.C.terms[0]!.annualRate, 12);
    expect(c.E.terms[1]!.annualRate).toBeCloseTo(c.D.terms[1]!.annualRate, 12);
  });
});
