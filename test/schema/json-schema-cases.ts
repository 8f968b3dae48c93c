/**
 * Applicants for the test of `columnarApplicantJsonSchema` (test/schema/columnar-json-schema.test.ts): one
 * SYNTHETIC applicant with every event section, in rows, in columns, in mixed forms, and broken in ways JSON
 * Schema can see. `npx tsx test/schema/json-schema-cases.ts` prints `{ schema, cases }` as JSON for
 * test/schema/json-schema-verdicts.py (the reference validator, Python jsonschema).
 */
import { pathToFileURL } from "node:url";
import { columnarApplicantJsonSchema } from "../../src/schema/json-schema";
import type { Applicant } from "../../src/schema/applicant";
import { ALL_COLUMNS, FORM_BITS as B, mixForms } from "./columnar-mix";

/** SYNTHETIC: one applicant with every event section in rows (two loans). */
export function rowsApplicant(): Applicant {
  return {
    id: "js-1",
    identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: true },
    consent: { creditBureauQuery: true },
    payments: [
      { at: 1, amountFen: 100, direction: "in", channel: "salary" },
      { at: 2, amountFen: 200, direction: "out", channel: "merchant", counterparty: "m-1", merchantCategory: "dining" },
    ],
    bureau: {
      reportedAt: 10,
      historyMonths: 24,
      inquiries: [{ at: 1, kind: "loan_application", lenderId: "l-1" }],
      accounts: [{ kind: "credit_card", openedAt: 1, balanceFen: 100, worstDaysPastDue: 0 }],
      delinquencies: [{ at: 3, daysPastDue: 30 }],
      monthlyObligationsFen: 5_000,
    },
    devices: {
      events: [
        { at: 5, kind: "login", deviceId: "d-1", lat: 31.2, lon: 121.5 },
        { at: 6, kind: "apply", deviceId: "d-1" },
      ],
      records: [{ deviceId: "d-1", firstSeenAt: 1, accountCount: 1 }],
    },
    loans: [
      {
        loanId: "n-1",
        disbursedAt: 1,
        principalFen: 1_000,
        installments: [
          { dueAt: 2, amountFen: 500 },
          { dueAt: 3, amountFen: 500 },
        ],
        repayments: [{ at: 2, amountFen: 500 }],
      },
      {
        loanId: "n-2",
        disbursedAt: 1,
        principalFen: 1_000,
        installments: [{ dueAt: 4, amountFen: 1_000 }],
        repayments: [],
      },
    ],
  } as Applicant;
}

/** Valid: every section in rows, every section in columns, and mixed forms (named by the sections in columns). */
export function validCases(): Record<string, unknown> {
  const a = rowsApplicant();
  return {
    rows: a,
    columns: mixForms(a, ALL_COLUMNS),
    "mixed: payments, inquiries, installments": mixForms(a, B.payments | B.inquiries | B.installments),
    "mixed: device events, accounts, repayments": mixForms(a, B.deviceEvents | B.accounts | B.repayments),
    "mixed: device records, delinquencies, loans alternating": mixForms(
      a,
      B.deviceRecords | B.delinquencies | B.installments | B.loansAlternate,
    ),
  };
}

/** Invalid in a way JSON Schema expresses (each one thing wrong, named). */
export function invalidCases(): Record<string, unknown> {
  const cols = mixForms(rowsApplicant(), ALL_COLUMNS) as Record<string, any>;
  const mixed = mixForms(rowsApplicant(), B.payments | B.installments) as Record<string, any>;
  const clone = <T>(o: T): any => structuredClone(o);
  const c1 = clone(cols);
  c1.payments.amountFen[1] = "200";
  const c2 = clone(cols);
  c2.payments.direction[0] = null; // null in a required column
  const c3 = clone(cols);
  c3.devices.events.colour = ["red", "blue"]; // unknown column
  const c4 = clone(cols);
  delete c4.bureau.accounts.balanceFen; // required column left out
  const c5 = clone(mixed);
  c5.loans[0].installments.dueAt = []; // a loan needs an installment
  const c6 = clone(mixed);
  c6.bureau.inquiries[0].kind = ["loan_application"]; // a column inside a row
  const c7 = clone(cols);
  c7.payments = "none"; // neither form
  const c8 = clone(mixed);
  c8.loans[1].repayments = { at: 4, amountFen: 1_000 }; // a row where columns are expected
  const c9 = clone(cols);
  c9.nickname = "x"; // unknown top-level key
  return {
    "columns: a string in an integer column": c1,
    "columns: null in a required column": c2,
    "columns: an unknown column": c3,
    "columns: a required column left out": c4,
    "mixed: a loan's installment columns empty": c5,
    "mixed: a column array inside a row": c6,
    "columns: a section that is a string": c7,
    "mixed: a row object in place of columns": c8,
    "columns: an unknown top-level key": c9,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.stdout.write(
    `${JSON.stringify({ schema: columnarApplicantJsonSchema(), cases: { ...validCases(), ...invalidCases() } })}\n`,
  );
