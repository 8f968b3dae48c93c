/**
 * The columnar request form decides exactly as the row form of the same data (issue 19 item 3):
 * `JSON.stringify(decide(...))` byte-identical on generated applicants (with consent purposes,
 * with and without `explain`, each event section in either form: payments, device events and
 * records, the bureau's three tables, each loan's installments and repayments, loans mixed) and on
 * all 1,040 SYNTHETIC fixture applicants in the full columnar form; features and fraud facts equal;
 * and what was validated is what is used.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index";
import { extractFeatures } from "../../src/features/extract";
import { computeFacts } from "../../src/fraud/compute-facts";
import { factsToObject } from "../../src/fraud/facts";
import type { Applicant, AnyFormApplicant } from "../../src/schema/applicant";
import { applyConsent, dataCategoriesOf } from "../../src/schema/consent";
import { parseApplicantOrThrow } from "../../src/schema/parse";
import { toColumnar } from "../../src/schema/transpose";
import { BASE_AS_OF, applicantArb } from "../features/arbitraries";
import { POPULATION_AS_OF, adult } from "./helpers";
import { ALL_COLUMNS, formMaskArb, mixForms } from "../schema/columnar-mix";

const engine = createEngine();
const json = (x: unknown): string => JSON.stringify(x);

/** Applicants whose decision time may fall before some events, with any subset of their event sections in columns. */
const caseArb = fc.record({
  a: applicantArb(30),
  mask: formMaskArb,
  asOf: fc.integer({ min: BASE_AS_OF - 200 * 86_400_000, max: BASE_AS_OF }),
});

describe("row form and columnar form decide byte for byte alike", () => {
  it("on generated applicants (consent purposes included), with and without explain", () => {
    fc.assert(
      fc.property(caseArb, ({ a, mask, asOf }) => {
        const c = mixForms(a, mask);
        expect(json(engine.decide(c, { asOf }))).toBe(json(engine.decide(a, { asOf })));
        expect(json(engine.decide(c, { asOf, explain: true }))).toBe(json(engine.decide(a, { asOf, explain: true })));
        // and through parseApplicant (the validated snapshot keeps the columns)
        expect(json(engine.decide(parseApplicantOrThrow(c), { asOf }))).toBe(json(engine.decide(a, { asOf })));
      }),
      { numRuns: 300 },
    );
  });

  it("on all 1,040 fixture applicants", () => {
    const root = join(import.meta.dirname, "..", "..");
    const lines = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    expect(lines).toHaveLength(1040);
    const differing: number[] = [];
    let columnarSections = 0;
    const sections = { records: 0, bureau: 0, loans: 0 };
    for (let i = 0; i < lines.length; i++) {
      const a = JSON.parse(lines[i]!) as Applicant;
      const c = toColumnar(a);
      expect(mixForms(a, ALL_COLUMNS)).toEqual(c);
      if (c.payments !== undefined) columnarSections++;
      if (c.devices?.records !== undefined && !Array.isArray(c.devices.records)) sections.records++;
      if (c.bureau !== undefined && !Array.isArray(c.bureau.accounts)) sections.bureau++;
      if (c.loans?.some((l) => !Array.isArray(l.repayments))) sections.loans++;
      const explain = i % 4 === 0;
      const rows = json(engine.decide(a, { asOf: POPULATION_AS_OF, explain }));
      const cols = json(engine.decide(JSON.parse(json(c)), { asOf: POPULATION_AS_OF, explain }));
      if (rows !== cols) differing.push(i);
    }
    expect(differing).toEqual([]);
    expect(columnarSections).toBeGreaterThan(500);
    // every kind of section is exercised in the full columnar form
    expect(sections.records).toBeGreaterThan(100);
    expect(sections.bureau).toBeGreaterThan(100);
    expect(sections.loans).toBeGreaterThan(100);
  });
});

describe("the readers of event sections give the same result on both forms", () => {
  it("features, fraud facts, consent masking and dataUsed", () => {
    fc.assert(
      fc.property(caseArb, ({ a, mask, asOf }) => {
        const c = parseApplicantOrThrow(mixForms(a, mask | ALL_COLUMNS));
        const r = parseApplicantOrThrow(a);
        const fc_ = extractFeatures(c, { asOf });
        const fr = extractFeatures(r, { asOf });
        expect(Array.from(fc_.values)).toEqual(Array.from(fr.values));
        expect(Array.from(fc_.missing)).toEqual(Array.from(fr.missing));
        expect(factsToObject(computeFacts(c, { asOf }))).toEqual(factsToObject(computeFacts(r, { asOf })));
        expect(dataCategoriesOf(applyConsent(c))).toEqual(dataCategoriesOf(applyConsent(r)));
        const fcc = factsToObject(computeFacts(applyConsent(c), { asOf }));
        expect(fcc).toEqual(factsToObject(computeFacts(applyConsent(r), { asOf })));
      }),
      { numRuns: 300 },
    );
  });

  it("impossible travel from located logins in columns, with null where a login has no coordinates", () => {
    // Hand calculation: Beijing (39.9, 116.4) to Shanghai (31.2, 121.5) is about 1,067 km by the
    // haversine formula (R = 6371 km); 30 minutes apart is about 2,134 km/h, over the 1,000 km/h default.
    const a = adult();
    const t = POPULATION_AS_OF - 3_600_000;
    const events = {
      at: [t, t + 600_000, t + 1_800_000],
      kind: ["login", "login", "login"],
      deviceId: ["d-1", "d-1", "d-1"],
      lat: [39.9, null, 31.2],
      lon: [116.4, null, 121.5],
    };
    const c = parseApplicantOrThrow({ ...a, devices: { events } });
    const f = factsToObject(computeFacts(c, { asOf: POPULATION_AS_OF }));
    expect(f["travel.impossible"]).toBe(true);
    expect(f["travel.maxSpeedKmh"] as number).toBeGreaterThan(2_100);
    expect(f["travel.maxSpeedKmh"] as number).toBeLessThan(2_170);
  });
});

describe("what was validated is what is used (columns)", () => {
  it("a column getter that changes after its first read does not change the decision", () => {
    const a = adult();
    const c = toColumnar({
      ...a,
      payments: [
        { at: POPULATION_AS_OF - 86_400_000, amountFen: 1_000_000, direction: "in", channel: "salary" },
        { at: POPULATION_AS_OF - 2 * 86_400_000, amountFen: 20_000, direction: "out", channel: "merchant" },
      ],
    }) as unknown as { payments: { amountFen: number[] } };
    const expected = json(engine.decide(structuredClone(c) as AnyFormApplicant, { asOf: POPULATION_AS_OF }));
    let reads = 0;
    Object.defineProperty(c.payments.amountFen, 0, {
      enumerable: true,
      get: () => (reads++ === 0 ? 1_000_000 : -1),
    });
    expect(json(engine.decide(c as unknown as AnyFormApplicant, { asOf: POPULATION_AS_OF }))).toBe(expected);
    expect(reads).toBe(1);
  });

  it("getters on the bureau's, device records' and a loan's columns are read once; later values are not used", () => {
    const root = join(import.meta.dirname, "..", "..");
    const a = readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Applicant)
      .find(
        (x) =>
          (x.bureau?.accounts.length ?? 0) > 0 &&
          (x.bureau?.inquiries.length ?? 0) > 0 &&
          (x.devices?.records?.length ?? 0) > 0 &&
          (x.loans?.[0]?.repayments.length ?? 0) > 0,
      )!;
    const c = toColumnar(a) as any;
    const expected = json(engine.decide(structuredClone(c), { asOf: POPULATION_AS_OF, explain: true }));
    const columns: [any[], number][] = [
      [c.bureau.accounts.worstDaysPastDue, 9_999],
      [c.bureau.inquiries.at, 0],
      [c.devices.records.accountCount, 999_999],
      [c.loans[0].repayments.amountFen, 0],
    ];
    const reads: number[] = [];
    columns.forEach(([col, later], k) => {
      const first = col[0];
      reads[k] = 0;
      Object.defineProperty(col, 0, { enumerable: true, get: () => (reads[k]!++ === 0 ? first : later) });
    });
    expect(json(engine.decide(c, { asOf: POPULATION_AS_OF, explain: true }))).toBe(expected);
    // each getter ran exactly once (in the snapshot), however many readers use the value
    expect(reads).toEqual([1, 1, 1, 1]);
  });

  it("changing the input's columns after parseApplicant does not change the decision", () => {
    const c = toColumnar(adult()) as unknown as { payments?: { amountFen: number[]; at: number[] } };
    const parsed = parseApplicantOrThrow(c);
    const before = json(engine.decide(parsed, { asOf: POPULATION_AS_OF }));
    if (c.payments !== undefined) {
      c.payments.amountFen.fill(0);
      c.payments.at.length = 0;
    }
    expect(json(engine.decide(parsed, { asOf: POPULATION_AS_OF }))).toBe(before);
  });
});
