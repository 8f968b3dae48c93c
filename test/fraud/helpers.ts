import type { Applicant } from "../../src/schema/applicant";
import { parseApplicantOrThrow } from "../../src/schema/parse";

/** 2026-06-30T00:00:00Z, a Tuesday; 08:00 in UTC+8. */
export const AS_OF = Date.UTC(2026, 5, 30);
export const HOUR = 3_600_000;
export const MIN = 60_000;
export const DAY = 24 * HOUR;

/** A small valid applicant (row form); `extra` replaces top-level sections. */
export function applicant(extra: Partial<Applicant> = {}): Applicant {
  return parseApplicantOrThrow({
    id: "app-1",
    identity: {
      birthDate: "1990-05-20",
      realNameVerified: true,
      idVerified: true,
      phoneVerified: true,
      cityCode: "BJ",
    },
    consent: { creditBureauQuery: true },
    application: {
      appliedAt: AS_OF - HOUR,
      requestedAmountFen: 500_000,
      requestedTermMonths: 12,
      deviceId: "dev-1",
      ipHash: "ip-1",
    },
    ...extra,
  }) as Applicant;
}

/** A rule set envelope around rules (and optional lists/thresholds). */
export function ruleSet(rules: unknown[], more: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: "riskcard.rules", version: 1, name: "test", revision: "1", rules, ...more };
}

/** One fraud rule with defaults. */
export function rule(id: string, when: unknown, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, when, action: "review", score: 10, reasonCode: "R1", message: "test rule", ...more };
}
