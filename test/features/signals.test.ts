import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogSubset, defaultCatalog, defaultFeatureSpecs, extractFeatures, featureIndex } from "../../src/features";
import { gridFeatures } from "../../src/features/catalog/grid";
import { signalFeatures } from "../../src/features/catalog/signals";
import type { Applicant } from "../../src/schema/applicant";
import { parseApplicant } from "../../src/schema/parse";
import { BASE_AS_OF, applicantArb } from "./arbitraries";
import { AS_OF, handApplicant } from "./hand";
import { naiveFeatures } from "./naive-spec";

const D = 86_400_000;
const H = 3_600_000;

/** SYNTHETIC: the hand applicant borrowing from many lenders just after a password reset and a new phone. */
const signalApplicant: Applicant = {
  ...handApplicant,
  identity: { ...handApplicant.identity, declaredMonthlyIncomeFen: 1_600_000 },
  bureau: {
    ...handApplicant.bureau!,
    inquiries: [
      { at: AS_OF - 1 * D, kind: "loan_application", lenderId: "L-a", productType: "cash_loan" },
      { at: AS_OF - 2 * D, kind: "loan_application", lenderId: "L-a", productType: "cash_loan" },
      { at: AS_OF - 5 * D, kind: "loan_application", lenderId: "L-b", productType: "microloan" },
      { at: AS_OF - 10 * D, kind: "loan_application", lenderId: "L-c" },
      { at: AS_OF - 20 * D, kind: "loan_application" },
      { at: AS_OF - 29 * D, kind: "loan_application", lenderId: "L-d", productType: "bnpl" },
      { at: AS_OF - 30 * D, kind: "loan_application", lenderId: "L-e" },
      { at: AS_OF - 60 * D, kind: "card_application", lenderId: "L-f" },
      { at: AS_OF + 1 * D, kind: "loan_application", lenderId: "L-g" },
    ],
    accounts: [
      ...handApplicant.bureau!.accounts,
      { kind: "microloan", openedAt: AS_OF - 3 * D, balanceFen: 50_000, worstDaysPastDue: 0, lenderId: "L-b" },
      { kind: "microloan", openedAt: AS_OF - 40 * D, balanceFen: 80_000, worstDaysPastDue: 0, lenderId: "L-c" },
    ],
  },
  devices: {
    events: [
      ...handApplicant.devices!.events,
      { at: AS_OF - 2 * H, kind: "password_reset", deviceId: "dev-1" },
      { at: AS_OF - 3 * H, kind: "phone_change", deviceId: "dev-1" },
      { at: AS_OF - 25 * H, kind: "password_reset", deviceId: "dev-1" },
    ],
    records: handApplicant.devices!.records!,
  },
};

describe("signal features (multi-lending, account takeover, income inflation), values worked out by hand", () => {
  const v = extractFeatures(signalApplicant, { asOf: AS_OF });
  const get = (n: string): number | undefined => {
    const i = featureIndex(defaultCatalog, n);
    return v.missing[i] === 1 ? undefined : v.values[i];
  };

  it("the input is a valid applicant", () => {
    expect(parseApplicant(signalApplicant).ok).toBe(true);
  });

  it("counts loan inquiries and distinct lenders per window", () => {
    // 30 days back is outside (asOf - 30 days, asOf]; the +1 day inquiry is after asOf
    expect(get("bureau_loan_inquiries_7d")).toBe(3);
    expect(get("bureau_loan_inquiries_30d")).toBe(6);
    expect(get("bureau_loan_inquiries_90d")).toBe(7);
    // 7 days: L-a (twice), L-b; 30 days: L-a, L-b, L-c, L-d (the inquiry without a lender id does not count)
    expect(get("bureau_loan_inquiry_lenders_7d")).toBe(2);
    expect(get("bureau_loan_inquiry_lenders_30d")).toBe(4);
    expect(get("bureau_loan_inquiry_lenders_90d")).toBe(5);
    expect(get("bureau_inquiry_lenders_365d")).toBe(6);
    expect(get("bureau_inq_product_cash_loan_count_30d")).toBe(2);
  });

  it("counts new microloans and lenders of open accounts", () => {
    expect(get("bureau_microloans_opened_30d")).toBe(1);
    expect(get("bureau_acc_microloan_opened_90d")).toBe(2);
    // the hand applicant's accounts have no lender id: L-b and L-c
    expect(get("bureau_open_account_lenders")).toBe(2);
  });

  it("counts account changes in the 24 hours before asOf", () => {
    expect(get("device_password_resets_24h")).toBe(1);
    expect(get("device_phone_changes_24h")).toBe(1);
    expect(get("device_profile_changes_24h")).toBe(0);
    expect(get("device_account_changes_24h")).toBe(2);
  });

  it("divides declared by verified income", () => {
    // 1,600,000 / 1,000,000
    expect(get("income_declared_to_verified")).toBe(1.6);
    const noVerified = extractFeatures(
      { ...signalApplicant, identity: { ...signalApplicant.identity, verifiedMonthlyIncomeFen: undefined } },
      { asOf: AS_OF },
    );
    expect(noVerified.missing[featureIndex(defaultCatalog, "income_declared_to_verified")]).toBe(1);
  });

  it("absent sections leave them missing (a thin file is not zero lenders)", () => {
    const thin = extractFeatures({ ...signalApplicant, bureau: undefined }, { asOf: AS_OF });
    expect(thin.missing[featureIndex(defaultCatalog, "bureau_loan_inquiry_lenders_30d")]).toBe(1);
  });
});

describe("the catalog beyond the hand-written sections", () => {
  const added = [...signalFeatures, ...gridFeatures];

  it("has at least 300 features, unique names, each documented", () => {
    expect(defaultCatalog.names.length).toBe(defaultFeatureSpecs.length);
    expect(defaultCatalog.names.length).toBeGreaterThanOrEqual(300);
    expect(new Set(defaultCatalog.names).size).toBe(defaultCatalog.names.length);
    for (const s of added) expect(s.description.length, s.name).toBeGreaterThan(10);
  });

  it("every added feature equals the naive filter-and-reduce of its declaration (fast-check)", () => {
    const index = added.map((s) => featureIndex(defaultCatalog, s.name));
    // the ratio reads a hand-written feature: give the naive reader its declaration too
    const specs = [...defaultFeatureSpecs.filter((s) => s.name === "income_declared_monthly_fen"), ...added];
    let present = 0;
    fc.assert(
      fc.property(applicantArb(30), fc.integer({ min: BASE_AS_OF - 30 * D, max: BASE_AS_OF + 5 * D }), (a, asOf) => {
        const v = extractFeatures(a, { asOf });
        const want = naiveFeatures(specs, a, asOf);
        added.forEach((s, k) => {
          const i = index[k]!;
          const w = want.get(s.name);
          if (w === undefined) expect([s.name, v.missing[i]]).toEqual([s.name, 1]);
          else {
            present++;
            expect([s.name, v.missing[i]]).toEqual([s.name, 0]);
            if (Number.isInteger(w)) expect(v.values[i], s.name).toBe(w);
            else expect(v.values[i], s.name).toBeCloseTo(w, 9);
          }
        });
      }),
      { numRuns: 300 },
    );
    // the property checked values, not only missing flags
    expect(present).toBeGreaterThan(300 * added.length * 0.3);
  });

  it("a subset computes the same values as the full catalog", () => {
    const names = ["bureau_loan_inquiry_lenders_30d", "device_account_changes_24h", "income_declared_to_verified"];
    const sub = catalogSubset(defaultCatalog, names);
    const full = extractFeatures(signalApplicant, { asOf: AS_OF });
    const part = extractFeatures(signalApplicant, { asOf: AS_OF, catalog: sub });
    for (const n of names) expect(part.values[featureIndex(sub, n)]).toBe(full.values[featureIndex(defaultCatalog, n)]);
  });
});
