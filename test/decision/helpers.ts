import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../../src/decision/engine";
import type { Applicant } from "../../src/schema/applicant";
import { ConfigError, type Issue } from "../../src/schema/result";

/** The SYNTHETIC population (fixtures/README.md), read once. */
export const POPULATION_AS_OF = Date.UTC(2026, 5, 30);
const root = join(__dirname, "..", "..");
let cache: Applicant[] | undefined;
export function population(): Applicant[] {
  cache ??= readFileSync(join(root, "fixtures/applicants.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Applicant);
  return cache;
}
export function outcomes(): { id: string; defaulted: boolean; fraud: boolean }[] {
  return readFileSync(join(root, "fixtures/outcomes.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { id: string; defaulted: boolean; fraud: boolean });
}
export const clone = <T>(x: T): T => structuredClone(x);

/** A clean adult applicant with every section, built by hand (not from the generator). */
export function adult(): Applicant {
  const day = 86_400_000;
  const asOf = POPULATION_AS_OF;
  return {
    id: "t-1",
    identity: {
      birthDate: "1990-03-15",
      realNameVerified: true,
      idVerified: true,
      phoneVerified: true,
      occupation: "employee",
      declaredMonthlyIncomeFen: 1_200_000,
      verifiedMonthlyIncomeFen: 1_200_000,
      cityCode: "SH",
    },
    consent: { creditBureauQuery: true, givenAt: asOf - 60_000 },
    application: { appliedAt: asOf - 30_000, requestedAmountFen: 500_000, requestedTermMonths: 12, deviceId: "d-1" },
    payments: [
      { at: asOf - 40 * day, amountFen: 1_200_000, direction: "in", channel: "salary" },
      { at: asOf - 10 * day, amountFen: 1_200_000, direction: "in", channel: "salary" },
      {
        at: asOf - 9 * day,
        amountFen: 30_000,
        direction: "out",
        channel: "merchant",
        merchantCategory: "groceries",
        counterparty: "m-1",
      },
      {
        at: asOf - 5 * day,
        amountFen: 80_000,
        direction: "out",
        channel: "merchant",
        merchantCategory: "dining",
        counterparty: "m-2",
      },
    ],
    social: {
      accountAgeDays: 2_000,
      contactCount: 150,
      activeDays30: 25,
      flaggedContactCount: 0,
      defaultedLinkCount: 0,
    },
    bureau: {
      reportedAt: asOf - 3_600_000,
      historyMonths: 72,
      inquiries: [{ at: asOf - 200 * day, kind: "card_application" }],
      accounts: [
        {
          kind: "credit_card",
          openedAt: asOf - 1_000 * day,
          limitFen: 3_000_000,
          balanceFen: 300_000,
          monthlyPaymentFen: 15_000,
          worstDaysPastDue: 0,
        },
      ],
      delinquencies: [],
      monthlyObligationsFen: 15_000,
    },
    devices: {
      events: [
        { at: asOf - 2 * day, kind: "login", deviceId: "d-1", ipHash: "ip-1", lat: 31.2, lon: 121.5, cityCode: "SH" },
      ],
      records: [{ deviceId: "d-1", firstSeenAt: asOf - 400 * day, accountCount: 1 }],
    },
  };
}

/** Walks a value and returns the paths of every number that is not finite. */
export function nonFinitePaths(x: unknown, path = "$"): string[] {
  if (typeof x === "number") return Number.isFinite(x) ? [] : [path];
  if (Array.isArray(x)) return x.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (x !== null && typeof x === "object")
    return Object.entries(x).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  return [];
}

/** What `createEngine` throws for a configuration, as its issues ([] when it builds an engine). */
export function engineIssues(config: unknown): readonly Issue[] {
  try {
    createEngine(config as never);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
}
