import { describe, expect, it } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import { extractFeatures } from "../../src/features";
import { createEngine } from "../../src/index";
import { reasonCodes, scoreRecord } from "../../src/scorecard";
import { POPULATION_AS_OF, outcomes, population } from "../decision/helpers";

/**
 * A boosted card with pair terms in the engine: trained on the 1,000 SEEDED SYNTHETIC fixture
 * applicants' features and outcomes, loaded by createEngine, and every decision's score, reasons
 * and trace checked against the card scored directly.
 */
describe("createEngine with a boosted card that has pair terms (SYNTHETIC fixture population)", () => {
  const asOf = POPULATION_AS_OF;
  const apps = population();
  const bad = new Map(outcomes().map((o) => [o.id, o.defaulted ? 1 : 0]));
  const records = apps.map((a) => {
    const v = extractFeatures(a, { asOf });
    const rec: Record<string, number | null> = {};
    v.names.forEach((n, i) => {
      rec[n] = v.missing[i] === 1 ? null : v.values[i]!;
    });
    return rec;
  });
  const names = ["bureau_utilisation", "income_monthly_fen", "social_account_age_days", "bureau_inquiries_6m"].filter(
    (n) => n in records[0]!,
  );
  const columns: Record<string, (number | null)[] | number[]> = Object.fromEntries(
    names.map((n) => [n, records.map((r) => r[n] ?? null)]),
  );
  columns.y = apps.map((a) => bad.get(a.id) ?? 0);
  const r = trainBoostedScorecard(
    { columns, target: "y" },
    { date: "2026-11-29", split: "none", validationShare: 0, maxRounds: 30, maxBins: 16, interactions: 2, pairBins: 3 },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const card = r.value.card;

  it("has pair terms (version 2) over catalog features", () => {
    expect(names.length).toBe(4);
    expect(r.value.artefact.version).toBe(2);
    expect(card.characteristics.filter((c) => c.type === "rules").length).toBe(2);
  });

  it("decides every applicant with the card's score, reason codes and a trace of every characteristic", () => {
    const engine = createEngine({ scorecard: r.value.artefact });
    let compared = 0;
    apps.forEach((a, i) => {
      const d = engine.decide(a, { asOf, trace: true });
      const s = scoreRecord(card, records[i]!);
      expect(d.score).toBeCloseTo(s.score, 6);
      // Since issue 16 a characteristic whose section is absent reports the section's NO_* code, so the card's own
      // codes are compared for the applicants with every optional section; and one that reads only bureau_utilisation,
      // missing with the report there (no open credit card with a limit), reports NO_CREDIT_LIMIT.
      if ([a.bureau, a.payments, a.social, a.devices, a.loans].every((x) => x !== undefined)) {
        compared++;
        const noLimit = records[i]!.bureau_utilisation === null;
        const codes = reasonCodes(card, s.points, { attributes: s.attributes }).map((x) =>
          x.code === "bureau_utilisation" && noLimit ? "NO_CREDIT_LIMIT" : x.code,
        );
        const credit = d.reasons.filter((x) => x.source === "credit" && x.code !== "credit.score_below_cutoff");
        expect(credit.map((x) => x.code)).toEqual(codes);
      }
      const tc = (
        d as unknown as {
          trace: { scorecard: { characteristics: { name: string; points: number; attribute: number }[] } };
        }
      ).trace.scorecard.characteristics;
      expect(tc.map((c) => c.name)).toEqual(card.characteristics.map((c) => c.name));
      expect(tc.map((c) => c.points)).toEqual(Array.from(s.points));
      expect(tc.map((c) => c.attribute)).toEqual(Array.from(s.attributes));
    });
    expect(compared).toBeGreaterThan(200); // 260 of the 1,040 fixture applicants have every optional section
  });
});
