/**
 * The columnar request form of every event section (`payments`, `devices.events`, `devices.records`,
 * the bureau's three tables, each loan's installments and repayments): the fast validator against
 * the zod contract (`paymentColumnsSchema`, ..., `repaymentColumnsSchema`) on valid and hostile inputs, the
 * rules written in `src/schema/columnar.ts` (null entries, equal lengths, caps), the JSON Schema, and
 * the snapshot guarantee (what was validated is what is used; the form is kept).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Applicant } from "../../src/schema/applicant";
import { applicantJsonSchema, columnarApplicantJsonSchema } from "../../src/schema/json-schema";
import { parseApplicantFast } from "../../src/schema/fast-parse";
import {
  parseApplicant,
  parseApplicantJson,
  parseApplicantOrThrow,
  parseApplicantWithZod,
} from "../../src/schema/parse";
import { toColumnar, toRows } from "../../src/schema/transpose";
import { applicantArb, syntheticApplicant } from "../features/arbitraries";
import { mutate, mutationArb } from "./hostile";
import { formMaskArb, mixForms } from "./columnar-mix";
import * as A from "../../src/schema/applicant";
import * as C from "../../src/schema/columnar";
import { SECTION_FIELDS } from "../../src/schema/rows/section-rows";

function expectSame(input: unknown): void {
  const z = parseApplicantWithZod(input);
  const f = parseApplicantFast(input);
  expect(f.ok).toBe(z.ok);
  if (!z.ok && !f.ok) expect(f.issues).toEqual(z.issues);
  if (z.ok && f.ok) expect(f.value).toEqual(z.value);
}

/** A small valid applicant with both sections in columns (3 payments, 2 device events). */
function small(): Record<string, any> {
  return {
    id: "c-1",
    identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
    consent: { creditBureauQuery: true },
    payments: {
      at: [1, 2, 3],
      amountFen: [100, 200, 300],
      direction: ["in", "out", "out"],
      channel: ["salary", "merchant", "transfer"],
      counterparty: [null, "m-1", "f-2"],
      merchantCategory: [null, "dining", null],
    },
    devices: {
      events: { at: [5, 6], kind: ["login", "apply"], deviceId: ["d-1", "d-1"], lat: [31.2, null], lon: [121.5, null] },
    },
  };
}

/**
 * A small valid applicant with every other event section in columns: device records, the bureau's
 * three tables, and two loans (the first with both tables in columns, the second with its
 * installments in columns and its repayments in rows).
 */
function smallAll(): Record<string, any> {
  return {
    ...small(),
    bureau: {
      reportedAt: 10,
      historyMonths: 24,
      inquiries: { at: [1, 2], kind: ["loan_application", "card_application"], lenderId: ["l-1", null] },
      accounts: {
        kind: ["credit_card", "microloan"],
        openedAt: [1, 2],
        closedAt: [null, 5],
        balanceFen: [100, 0],
        worstDaysPastDue: [0, 30],
        productType: ["credit_card", null],
      },
      delinquencies: { at: [3], daysPastDue: [30], amountFen: [null] },
      monthlyObligationsFen: 5_000,
    },
    devices: {
      ...small().devices,
      records: { deviceId: ["d-1", "d-2"], firstSeenAt: [1, 2], accountCount: [1, 3] },
    },
    loans: [
      {
        loanId: "n-1",
        disbursedAt: 1,
        principalFen: 1_000,
        installments: { dueAt: [2, 3], amountFen: [500, 500] },
        repayments: { at: [2], amountFen: [500] },
      },
      {
        loanId: "n-2",
        disbursedAt: 1,
        principalFen: 1_000,
        installments: { dueAt: [4], amountFen: [1_000] },
        repayments: [{ at: 4, amountFen: 1_000 }],
      },
    ],
  };
}

/** Every columnar section of `smallAll()`: its path and its columns (with one unknown key). */
const SECTION_PATHS: readonly (readonly (string | number)[])[] = [
  ["payments"],
  ["devices", "events"],
  ["devices", "records"],
  ["bureau", "inquiries"],
  ["bureau", "accounts"],
  ["bureau", "delinquencies"],
  ["loans", 0, "installments"],
  ["loans", 0, "repayments"],
  ["loans", 1, "installments"],
];
const at = (o: any, path: readonly (string | number)[]): any => path.reduce((x, k) => x[k], o);

/** Columnar applicants: row-form arbitraries with any subset of their event sections transposed. */
const columnarArb = (maxPayments?: number) =>
  fc.tuple(applicantArb(maxPayments), formMaskArb).map(([a, mask]) => mixForms(a, mask) as Record<string, any>);

describe("the columnar form: fast validator equals the zod contract", () => {
  it("accepts every transposed valid applicant, with the value zod gives", () => {
    fc.assert(
      fc.property(columnarArb(), (a) => {
        expect(parseApplicantFast(a).ok).toBe(true);
        expectSame(a);
      }),
      { numRuns: 300 },
    );
  });

  it("reports the same issues (codes, paths, messages, order) on corrupted columnar applicants", () => {
    fc.assert(
      fc.property(columnarArb(8), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (a, ms) => {
        let x: unknown = structuredClone(a);
        for (const m of ms)
          x = x !== null && typeof x === "object" && !Array.isArray(x) ? mutate(x as Record<string, unknown>, m) : x;
        expectSame(x);
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees on arbitrary values placed in each column and as a whole section", () => {
    const columns = ["at", "amountFen", "direction", "channel", "counterparty", "merchantCategory", "zz"];
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.anything({ maxDepth: 2 }), fc.nat(3), (k, v, i) => {
        const a = small();
        a.payments[k] = v;
        expectSame(a);
        const b = small();
        if (k in b.payments) b.payments[k][i] = v;
        expectSame(b);
        const c = small();
        c.devices.events = v;
        expectSame(c);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on arbitrary values in every other section's columns, entries and whole section", () => {
    expect(parseApplicantFast(smallAll()).ok).toBe(true);
    expectSame(smallAll());
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTION_PATHS.slice(2)),
        fc.nat(12),
        fc.anything({ maxDepth: 2 }),
        fc.nat(3),
        (path, col, v, i) => {
          const a = smallAll();
          const sec = at(a, path);
          const keys = [...Object.keys(sec), "zz"];
          const k = keys[col % keys.length]!;
          sec[k] = v;
          expectSame(a);
          const b = smallAll();
          const sb = at(b, path);
          if (Array.isArray(sb[k])) sb[k][i] = v;
          expectSame(b);
          const c = smallAll();
          at(c, path.slice(0, -1))[path[path.length - 1]!] = v;
          expectSame(c);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the columnar rules", () => {
  it("accepts null in an optional column and rejects it in a required one", () => {
    expect(parseApplicant(small()).ok).toBe(true);
    const a = small();
    a.payments.amountFen[1] = null;
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "invalid_type", path: ["payments", "amountFen", 1], message: "expected number" },
    ]);
    expectSame(a);
  });

  it("reports a column of another length than at, with its path", () => {
    const a = small();
    a.payments.channel.pop();
    a.devices.events.lat.push(10);
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "inconsistent", path: ["payments", "channel"], message: "must have as many items as at" },
      { code: "inconsistent", path: ["devices", "events", "lat"], message: "must have as many items as at" },
    ]);
    expectSame(a);
  });

  it("points an issue inside a column at the column and index", () => {
    const a = small();
    a.payments.amountFen[2] = -1;
    a.devices.events.kind[0] = "teleport";
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "too_small", path: ["payments", "amountFen", 2], message: "must be >= 0" },
      { code: "invalid_enum", path: ["devices", "events", "kind", 0], message: "not one of the allowed values" },
    ]);
    expectSame(a);
  });

  it("caps the row count as the row form does (LIMITS.payments = 100,000)", () => {
    const a = toColumnar(syntheticApplicant(100_001, 7)) as Record<string, any>;
    const r = parseApplicantFast(a);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toEqual({
        code: "too_big",
        path: ["payments", "at"],
        message: "must have at most 100000 items",
      });
    expectSame(a);
  });

  it("rejects a missing required column and an unknown one", () => {
    const a = small();
    delete a.payments.direction;
    a.payments.note = ["x", "y", "z"];
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "missing", path: ["payments", "direction"], message: "required" },
      { code: "unrecognized_key", path: ["payments", "note"], message: "unknown key" },
    ]);
    expectSame(a);
  });
});

describe("the columnar rules of the other sections", () => {
  it("measures each section against its first column (kind for accounts, deviceId for records, dueAt for installments)", () => {
    const a = smallAll();
    a.bureau.accounts.balanceFen.push(7);
    a.devices.records.accountCount.pop();
    a.loans[0].installments.amountFen.push(1);
    a.loans[0].repayments.amountFen.pop();
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "inconsistent", path: ["bureau", "accounts", "balanceFen"], message: "must have as many items as kind" },
      {
        code: "inconsistent",
        path: ["devices", "records", "accountCount"],
        message: "must have as many items as deviceId",
      },
      {
        code: "inconsistent",
        path: ["loans", 0, "installments", "amountFen"],
        message: "must have as many items as dueAt",
      },
      { code: "inconsistent", path: ["loans", 0, "repayments", "amountFen"], message: "must have as many items as at" },
    ]);
    expectSame(a);
  });

  it("needs at least one installment in columns too, and points issues at loan, column and index", () => {
    const a = smallAll();
    a.loans[1].installments = { dueAt: [], amountFen: [] };
    a.loans[0].repayments.at[0] = -3;
    a.bureau.delinquencies.daysPastDue[0] = 0;
    a.bureau.inquiries.productType = [null, "teleport"];
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      {
        code: "invalid_enum",
        path: ["bureau", "inquiries", "productType", 1],
        message: "not one of the allowed values",
      },
      { code: "too_small", path: ["bureau", "delinquencies", "daysPastDue", 0], message: "must be >= 1" },
      { code: "too_small", path: ["loans", 0, "repayments", "at", 0], message: "must be >= 0" },
      { code: "too_small", path: ["loans", 1, "installments", "dueAt"], message: "must have at least 1 items" },
      { code: "too_small", path: ["loans", 1, "installments", "amountFen"], message: "must have at least 1 items" },
    ]);
    expectSame(a);
  });

  it("caps each section's columns at its LIMITS row count (1,000 bureau inquiries)", () => {
    const a = smallAll();
    const n = 1_001;
    a.bureau.inquiries = { at: new Array(n).fill(1), kind: new Array(n).fill("other") };
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "too_big", path: ["bureau", "inquiries", "at"], message: "must have at most 1000 items" },
      { code: "too_big", path: ["bureau", "inquiries", "kind"], message: "must have at most 1000 items" },
    ]);
    expectSame(a);
  });

  it("rejects null in a required column, a missing required column and an unknown one", () => {
    const a = smallAll();
    a.bureau.accounts.openedAt[0] = null;
    delete a.devices.records.firstSeenAt;
    a.loans[0].installments.note = ["x", "y"];
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "invalid_type", path: ["bureau", "accounts", "openedAt", 0], message: "expected number" },
      { code: "missing", path: ["devices", "records", "firstSeenAt"], message: "required" },
      { code: "unrecognized_key", path: ["loans", 0, "installments", "note"], message: "unknown key" },
    ]);
    expectSame(a);
  });
});

describe("the validated columnar applicant", () => {
  it("keeps every section's form: frozen column arrays, no row objects", () => {
    const r = parseApplicant(smallAll());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const path of SECTION_PATHS) {
      const sec = at(r.value, path);
      expect(Array.isArray(sec), path.join(".")).toBe(false);
      expect(Object.isFrozen(sec)).toBe(true);
      for (const c of Object.values(sec)) expect(Array.isArray(c) && Object.isFrozen(c)).toBe(true);
    }
    expect(at(r.value, ["loans", 1, "repayments"])).toEqual([{ at: 4, amountFen: 1_000 }]);
  });

  it("reads a getter in each other section's column once, and later changes do not reach the validated copy", () => {
    for (const path of SECTION_PATHS.slice(2)) {
      const a = smallAll();
      const sec = at(a, path);
      const k = Object.keys(sec)[0]!;
      const first = sec[k][0];
      let reads = 0;
      Object.defineProperty(sec[k], 0, {
        enumerable: true,
        configurable: true,
        get: () => (reads++ === 0 ? first : null),
      });
      const r = parseApplicant(a);
      expect(r.ok, path.join(".")).toBe(true);
      expect(reads).toBe(1);
      if (!r.ok) continue;
      const copy = at(r.value, path);
      expect(copy[k][0]).toBe(first);
      sec[k].length = 0;
      expect(copy[k][0]).toBe(first);
    }
  });

  it("parseApplicantJson keeps and freezes every section's columns in place, as parseApplicant copies them", () => {
    const text = JSON.stringify(smallAll());
    const r = parseApplicantJson(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(parseApplicantOrThrow(JSON.parse(text)));
    for (const path of SECTION_PATHS) {
      const sec = at(r.value, path);
      expect(Object.isFrozen(sec), path.join(".")).toBe(true);
      for (const c of Object.values(sec)) expect(Object.isFrozen(c), path.join(".")).toBe(true);
    }
  });

  it("reads a Proxy column of a loan's repayments once per entry", () => {
    const a = smallAll();
    const gets = new Map<PropertyKey, number>();
    a.loans[0].repayments.amountFen = new Proxy([500], {
      get(t, k, rcv) {
        gets.set(k, (gets.get(k) ?? 0) + 1);
        return k === "0" && (gets.get(k) ?? 0) > 1 ? -1 : Reflect.get(t, k, rcv);
      },
    });
    const r = parseApplicant(a);
    expect(r.ok).toBe(true);
    expect(gets.get("0")).toBe(1);
    if (r.ok) expect(at(r.value, ["loans", 0, "repayments", "amountFen"])).toEqual([500]);
  });

  it("keeps the form of payments and device events: frozen column arrays, no row objects", () => {
    const r = parseApplicant(small());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value.payments as unknown as Record<string, unknown[]>;
    expect(Array.isArray(p)).toBe(false);
    expect(p.amountFen).toEqual([100, 200, 300]);
    expect(Object.isFrozen(p) && Object.isFrozen(p.amountFen) && Object.isFrozen(p.counterparty)).toBe(true);
    expect(Object.isFrozen(r.value.devices!.events)).toBe(true);
  });

  it("reads a getter in a column once, and a later change of the input does not reach it", () => {
    const a = small();
    let reads = 0;
    Object.defineProperty(a.payments.amountFen, 1, {
      enumerable: true,
      configurable: true,
      get: () => (reads++ === 0 ? 200 : -5),
    });
    const r = parseApplicant(a);
    expect(r.ok).toBe(true);
    expect(reads).toBe(1);
    if (!r.ok) return;
    const p = r.value.payments as unknown as Record<string, number[]>;
    expect(p.amountFen[1]).toBe(200);
    a.payments.at[0] = -1;
    a.payments.at.push(4);
    expect(p.at).toEqual([1, 2, 3]);
  });

  it("reads a Proxy column's entries once each", () => {
    const a = small();
    const gets = new Map<PropertyKey, number>();
    a.payments.at = new Proxy([1, 2, 3], {
      get(t, k, rcv) {
        gets.set(k, (gets.get(k) ?? 0) + 1);
        return k === "1" && (gets.get(k) ?? 0) > 1 ? -1 : Reflect.get(t, k, rcv);
      },
    });
    const r = parseApplicant(a);
    expect(r.ok).toBe(true);
    expect(gets.get("1")).toBe(1);
    if (r.ok) expect((r.value.payments as unknown as Record<string, number[]>).at).toEqual([1, 2, 3]);
  });

  it("a column getter that throws gives one invalid_value issue at the root", () => {
    const a = small();
    Object.defineProperty(a.payments, "at", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    const r = parseApplicant(a);
    expect(r.ok ? [] : r.issues).toEqual([
      { code: "invalid_value", path: [], message: "could not be read as plain data" },
    ]);
  });
});

describe("toColumnar and toRows", () => {
  it("are inverse on valid applicants (the row form comes back equal)", () => {
    fc.assert(
      fc.property(applicantArb(), (a: Applicant) => {
        expect(toRows(toColumnar(a))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("write an optional column only when some row has the field, null elsewhere", () => {
    const c = toColumnar({
      ...(small() as Applicant),
      payments: [
        { at: 1, amountFen: 5, direction: "in", channel: "salary" },
        { at: 2, amountFen: 6, direction: "out", channel: "merchant", merchantCategory: "dining" },
      ],
    });
    expect(c.payments).toEqual({
      at: [1, 2],
      amountFen: [5, 6],
      direction: ["in", "out"],
      channel: ["salary", "merchant"],
      merchantCategory: [null, "dining"],
    });
  });
});

describe("SECTION_FIELDS (the readers' and transposer's field lists)", () => {
  it("are the row schemas' fields, in order, with their optional ones, and the columnar schemas' columns", () => {
    const pairs: [keyof typeof SECTION_FIELDS, any, any][] = [
      ["payments", A.paymentEventSchema, C.paymentColumnsSchema],
      ["deviceEvents", A.deviceEventSchema, C.deviceEventColumnsSchema],
      ["deviceRecords", A.deviceRecordSchema, C.deviceRecordColumnsSchema],
      ["inquiries", A.bureauInquirySchema, C.bureauInquiryColumnsSchema],
      ["accounts", A.bureauAccountSchema, C.bureauAccountColumnsSchema],
      ["delinquencies", A.bureauDelinquencySchema, C.bureauDelinquencyColumnsSchema],
      ["installments", A.installmentSchema, C.installmentColumnsSchema],
      ["repayments", A.repaymentSchema, C.repaymentColumnsSchema],
    ];
    for (const [name, row, cols] of pairs) {
      const f = SECTION_FIELDS[name];
      expect(f.fields, name).toEqual(Object.keys(row.shape));
      expect(Object.keys(cols.shape), name).toEqual(Object.keys(row.shape));
      const optional = Object.keys(row.shape).filter((k) => row.shape[k].safeParse(undefined).success);
      expect([...f.optional], name).toEqual(optional);
      expect(f.optional.has(f.fields[0]!), name).toBe(false);
    }
  });
});

describe("columnarApplicantJsonSchema", () => {
  it("describes columns: required ones, optional ones holding null, the row cap on each", () => {
    const s = columnarApplicantJsonSchema() as any;
    // each event section is anyOf [rows, columns] (test/schema/columnar-json-schema.test.ts); the columns here
    const col = (section: any) => section.anyOf[1];
    const p = col(s.properties.payments);
    expect(p.type).toBe("object");
    expect(p.required).toEqual(["at", "amountFen", "direction", "channel"]);
    expect(p.additionalProperties).toBe(false);
    expect(p.properties.at).toMatchObject({ type: "array", maxItems: 100_000, items: { type: "integer", minimum: 0 } });
    expect(p.properties.counterparty.items.anyOf).toContainEqual({ type: "null" });
    const ev = col(s.properties.devices.properties.events);
    expect(ev.required).toEqual(["at", "kind", "deviceId"]);
    expect(ev.properties.lat.items.anyOf).toContainEqual({ type: "null" });
    expect(ev.properties.at.maxItems).toBe(20_000);
    expect(s.description).toContain("as many entries as the section's first column (`at`;");
    expect(col(s.properties.bureau.properties.accounts).required).toEqual([
      "kind",
      "openedAt",
      "balanceFen",
      "worstDaysPastDue",
    ]);
    expect(col(s.properties.loans.items.properties.installments).properties.dueAt.minItems).toBe(1);
    expect(col(s.properties.loans.items.properties.repayments).properties.at.maxItems).toBe(2_000);
  });

  it("is the row form's JSON Schema turned into columns, field by field (the two cannot drift apart)", () => {
    const rows = applicantJsonSchema() as any;
    const cols = columnarApplicantJsonSchema() as any;
    const rb = rows.properties.bureau.properties;
    const cb = cols.properties.bureau.properties;
    const rd = rows.properties.devices.properties;
    const cd = cols.properties.devices.properties;
    const rl = rows.properties.loans.items.properties;
    const cl = cols.properties.loans.items.properties;
    const sections: [any, any][] = [
      [rows.properties.payments, cols.properties.payments],
      [rd.events, cd.events],
      [rd.records, cd.records],
      [rb.inquiries, cb.inquiries],
      [rb.accounts, cb.accounts],
      [rb.delinquencies, cb.delinquencies],
      [rl.installments, cl.installments],
      [rl.repayments, cl.repayments],
    ];
    for (const [r, either] of sections) {
      expect(either.anyOf[0]).toEqual(r);
      const c = either.anyOf[1];
      const row = r.items;
      expect(Object.keys(c.properties)).toEqual(Object.keys(row.properties));
      expect(c.required).toEqual(row.required);
      for (const [field, item] of Object.entries(row.properties)) {
        const optional = !row.required.includes(field);
        expect(c.properties[field]).toEqual({
          maxItems: r.maxItems,
          // a least row count (installments) on the required columns
          ...(r.minItems !== undefined && !optional ? { minItems: r.minItems } : {}),
          type: "array",
          items: optional ? { anyOf: [item, { type: "null" }] } : item,
        });
      }
    }
    // every other part is the row form's
    const strip = (o: any, keys: string[]) => ({
      ...o,
      properties: Object.fromEntries(Object.entries(o.properties).filter(([k]) => !keys.includes(k))),
    });
    for (const k of Object.keys(rows.properties))
      if (!["payments", "devices", "bureau", "loans"].includes(k))
        expect(cols.properties[k]).toEqual(rows.properties[k]);
    expect(strip(cols.properties.bureau, ["inquiries", "accounts", "delinquencies"])).toEqual(
      strip(rows.properties.bureau, ["inquiries", "accounts", "delinquencies"]),
    );
    expect(strip(cols.properties.loans.items, ["installments", "repayments"])).toEqual(
      strip(rows.properties.loans.items, ["installments", "repayments"]),
    );
    expect(cols.properties.loans.maxItems).toBe(rows.properties.loans.maxItems);
  });
});
