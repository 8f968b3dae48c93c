import { describe, expect, it } from "vitest";
import { defaultCatalog, extractFeatures, featureIndex, featureNames } from "../../src/features";
import { parseApplicant } from "../../src/schema/parse";
import { AS_OF, handApplicant } from "./hand";

function vec(a = handApplicant, asOf = AS_OF) {
  const v = extractFeatures(a, { asOf });
  const get = (n: string): number | undefined => {
    const i = featureIndex(defaultCatalog, n);
    return v.missing[i] === 1 ? undefined : v.values[i];
  };
  return { v, get };
}

describe("extractFeatures on a hand-worked applicant (asOf 2025-01-01T00:00Z, local UTC+8)", () => {
  it("the input is a valid applicant", () => {
    expect(parseApplicant(handApplicant).ok).toBe(true);
  });

  it("computes the features the expert scorecard reads (values worked out by hand)", () => {
    const { get } = vec();
    // born 1990-01-01, local date 2025-01-01: 35 years
    expect(get("age_years")).toBe(35);
    // verified income wins over declared
    expect(get("income_monthly_fen")).toBe(1_000_000);
    // accounts worst 30, delinquencies 30 and 60 (the 120 one is after asOf): 60
    expect(get("bureau_worst_dpd")).toBe(60);
    expect(get("bureau_delinquencies_serious")).toBe(1);
    expect(get("bureau_history_months")).toBe(48);
    // installment 1 paid on time, 2 paid 5 days late, 3 unpaid; 4 not due yet: 1/3
    expect(get("loan_ontime_ratio")).toBeCloseTo(1 / 3, 15);
    // open cards with a limit: only the first (the second is closed, the third has no limit): 300,000 / 1,000,000
    expect(get("bureau_utilisation")).toBe(0.3);
    // 250,000 / 1,000,000
    expect(get("bureau_dti")).toBe(0.25);
    // inquiries 30 and 100 days back (200 is outside 180, +5 is in the future)
    expect(get("bureau_inquiries_6m")).toBe(2);
    // salary 10 and 40 days back
    expect(get("pay_inflow_90d_fen")).toBe(2_000_000);
    // 200,000 + 50,000 + 8,800 (the transfer is 100 days back, the 999,999 is after asOf)
    expect(get("pay_outflow_90d_fen")).toBe(258_800);
    expect(get("pay_net_flow_90d_fen")).toBe(1_741_200);
    // gambling 50,000 / merchant 250,000
    expect(get("pay_risky_merchant_share_90d")).toBe(0.2);
    expect(get("social_flagged_contact_share")).toBe(0.05);
    expect(get("social_account_age_days")).toBe(1_500);
    // dev-1 and dev-2 (dev-3 is 40 days back, dev-4 after asOf)
    expect(get("device_distinct_30d")).toBe(2);
  });

  it("computes the payment behaviour features", () => {
    const { get } = vec();
    expect(get("pay_inflow_30d_fen")).toBe(1_000_000);
    expect(get("pay_outflow_30d_fen")).toBe(258_800);
    expect(get("pay_outflow_180d_fen")).toBe(288_800);
    expect(get("pay_count_90d")).toBe(5);
    // outflows in 90 days: 08:00, 02:00 (night), 08:00 local
    expect(get("pay_night_share_90d")).toBeCloseTo(1 / 3, 15);
    // m-1, m-2, f-2
    expect(get("pay_counterparties_90d")).toBe(3);
    expect(get("pay_max_outflow_90d_fen")).toBe(200_000);
    expect(get("pay_max_outflow_to_income_90d")).toBe(0.2);
    expect(get("pay_days_since_last_inflow")).toBe(10);
    // salary in 30-day periods 0 and 1 of 6
    expect(get("pay_salary_months_180d")).toBe(2);
    expect(get("pay_salary_regularity_180d")).toBeCloseTo(2 / 6, 15);
    expect(get("pay_red_packet_share_90d")).toBe(0.2);
    // outflow per 30-day period: [258800, 0, 0, 30000, 0, 0]; population sd / mean
    // (/usr/bin/python3: b=[258800,0,0,30000,0,0]; m=sum(b)/6; sqrt(sum((x-m)**2)/6)/m = 1.9705203781080207)
    expect(get("pay_outflow_volatility_180d")).toBeCloseTo(1.9705203781080207, 12);
    expect(get("pay_history_days")).toBe(100);
  });

  it("computes bureau, device and loan features", () => {
    const { get } = vec();
    expect(get("bureau_inquiries_3m")).toBe(1);
    expect(get("bureau_inquiries_12m")).toBe(3);
    expect(get("bureau_accounts_open")).toBe(3);
    expect(get("bureau_revolving_limit_fen")).toBe(1_000_000);
    expect(get("bureau_delinquencies_30p")).toBe(2);
    expect(get("bureau_days_since_last_delinquency")).toBe(60);
    expect(get("device_logins_30d")).toBe(2);
    expect(get("device_current_age_days")).toBe(365);
    expect(get("device_max_accounts")).toBe(3);
    expect(get("loan_installments_due")).toBe(3);
    expect(get("loan_overdue_installments")).toBe(2);
    expect(get("loan_current_dpd")).toBe(10);
    expect(get("loan_worst_dpd")).toBe(10);
    expect(get("loan_days_since_last_overdue")).toBe(10);
    expect(get("loan_outstanding_due_fen")).toBe(50_000);
    expect(get("loan_count")).toBe(1);
  });

  it("reports missing, never NaN, for absent sections and empty denominators", () => {
    const thin = {
      ...handApplicant,
      bureau: undefined,
      payments: [],
      loans: undefined,
      social: { accountAgeDays: 10, contactCount: 0 },
    };
    delete (thin as { bureau?: unknown }).bureau;
    delete (thin as { loans?: unknown }).loans;
    const { v, get } = vec(thin);
    for (const n of featureNames(defaultCatalog))
      if (n.startsWith("bureau_") || n.startsWith("loan_")) expect(get(n), n).toBeUndefined();
    // empty payments: sums are 0, ratios over empty denominators are missing
    expect(get("pay_inflow_90d_fen")).toBe(0);
    expect(get("pay_risky_merchant_share_90d")).toBeUndefined();
    expect(get("pay_days_since_last_inflow")).toBeUndefined();
    expect(get("social_flagged_contact_share")).toBeUndefined();
    for (let i = 0; i < v.values.length; i++) {
      expect(Number.isFinite(v.values[i])).toBe(true);
      if (v.missing[i] === 1) expect(v.values[i]).toBe(0);
    }
  });

  it("uses ageYears when there is no birth date, and the local date for birthdays", () => {
    const a = {
      ...handApplicant,
      identity: { realNameVerified: true, idVerified: true, phoneVerified: true, ageYears: 41 },
    };
    expect(vec(a).get("age_years")).toBe(41);
    const b = { ...handApplicant, identity: { ...handApplicant.identity, birthDate: "1990-01-02" } };
    // local date is 2025-01-01: birthday tomorrow
    expect(vec(b).get("age_years")).toBe(34);
    // 2024-12-31T16:00Z is 2025-01-01 00:00 local
    expect(vec(handApplicant, Date.UTC(2024, 11, 31, 16)).get("age_years")).toBe(35);
    expect(vec(handApplicant, Date.UTC(2024, 11, 31, 15)).get("age_years")).toBe(34);
  });

  it("returns the catalog's frozen names array in every vector", () => {
    const a = vec().v;
    const b = vec(handApplicant, AS_OF - 1000).v;
    expect(a.names).toBe(b.names);
    expect(Object.isFrozen(a.names)).toBe(true);
    expect(a.values).toBeInstanceOf(Float64Array);
    expect(a.missing).toBeInstanceOf(Uint8Array);
    expect(a.values.length).toBe(featureNames(defaultCatalog).length);
    expect(featureNames(defaultCatalog).length).toBeGreaterThanOrEqual(60);
  });

  it("rejects bad arguments with TypeError", () => {
    expect(() => extractFeatures(null as never, { asOf: AS_OF })).toThrow(TypeError);
    expect(() => extractFeatures(handApplicant, undefined as never)).toThrow(TypeError);
    for (const asOf of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, "1" as never, 2 ** 53])
      expect(() => extractFeatures(handApplicant, { asOf })).toThrow(TypeError);
    expect(() => featureIndex(defaultCatalog, "nope")).toThrow(RangeError);
  });
});
