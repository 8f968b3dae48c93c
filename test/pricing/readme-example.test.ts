import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeOffer, loadPolicyOrThrow } from "../../src/limits";
import { amortize, apr, loanCashFlows } from "../../src/pricing";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const readme = readFileSync(root("README.md"), "utf8");
const section = readme.slice(readme.indexOf("<!-- section:pricing -->"), readme.indexOf("<!-- /section:pricing -->"));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const cny = (fen: number) => (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });

describe("README worked example (section pricing)", () => {
  const loan = { principalFen: 1_000_000, annualRate: 0.15, termMonths: 12, method: "equal-installment" } as const;
  const flows = loanCashFlows({ ...loan, upfrontFeeFen: 20_000 });
  const nominal = apr(flows, { periodsPerYear: 12, convention: "nominal" });
  const effective = apr(flows, { periodsPerYear: 12, convention: "effective" });

  it("states the figures the code computes", () => {
    const rows = amortize(loan).rows;
    expect(section).toContain(`receives ${cny(-(flows[0] as number)).replace(".00", "")} CNY`);
    expect(section).toContain(`pays ${cny(rows[0]!.paymentFen)} CNY`);
    expect(section).toContain(`then ${cny(rows[11]!.paymentFen)} CNY`);
    expect(section).toContain(`| nominal | 12 x monthly IRR | ${pct(nominal)} |`);
    expect(section).toContain(`| effective | (1 + monthly IRR)^12 - 1 | ${pct(effective)} |`);
    expect(section).toContain(
      JSON.stringify(rows[0])
        .replace(/"/g, "")
        .replace(/[:,]/g, (c) => `${c} `)
        .replace("{", "{ ")
        .replace("}", " }"),
    );
  });

  it("prints the APR values the code returns (to 1e-15)", () => {
    const printed = [...section.matchAll(/convention: "(nominal|effective)" \}\);\s*\/\/ => ([0-9.]+)/g)];
    expect(printed).toHaveLength(2);
    expect(Number(printed[0]![2])).toBeCloseTo(nominal, 15);
    expect(Number(printed[1]![2])).toBeCloseTo(effective, 15);
    // Independent check: test/pricing/reference.py (Python decimal) gives 0.188811047732558470 and 0.206038530466836153.
    expect(nominal).toBeCloseTo(0.18881104773255847, 14);
    expect(effective).toBeCloseTo(0.20603853046683615, 14);
  });

  it("states the re-priced band E rate and the band A offer of the shipped policy", () => {
    const policy = loadPolicyOrThrow(JSON.parse(readFileSync(root("models/policy.json"), "utf8")));
    expect(section).toContain(
      `becomes ${pct(policy.compiled.E.annualRate)} so that its APR is exactly ${pct(policy.compiled.E.aprNominal)}`,
    );
    const r = makeOffer(policy, { band: "A", pd: 0.02, monthlyIncomeFen: 1_000_000, incomeVerified: true });
    expect(r.offered).toBe(true);
    if (!r.offered) return;
    expect(section).toContain(
      `limitFen: ${r.offer.limitFen}, annualRate: ${r.offer.annualRate}, aprNominal: ${String(r.offer.aprNominal).slice(0, 6)},`,
    );
    expect(section).toContain(`monthlyPaymentFen: ${r.offer.monthlyPaymentFen}`);
    expect(section).toContain(`upfrontFeeFen: ${r.offer.upfrontFeeFen}`);
  });
});
