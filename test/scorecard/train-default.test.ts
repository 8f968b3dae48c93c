/**
 * The shipped default statistical card (models/scorecard.json) and its model card
 * (models/README.md, scorecard section): retraining gives the same bytes, the card loads, handles
 * thin files with explicit missing attributes and plain reason messages, and the metrics it
 * records are what the public API computes on the holdout.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { POPULATION_AS_OF } from "../../fixtures/generate/population";
import { type DefaultCard, trainDefaultCard, withSection } from "../../scripts/train-default";
import { extractFeatures } from "../../src/features";
import { auc, ks } from "../../src/metrics";
import { parseApplicantOrThrow } from "../../src/schema/parse";
import { loadScorecard, reasonCodes, type Scorecard, score } from "../../src/scorecard";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const shippedText = readFileSync(join(root, "models/scorecard.json"), "utf8");
const lines = (f: string) =>
  readFileSync(join(root, "fixtures", f), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as unknown);

function shipped(): Scorecard {
  const r = loadScorecard(JSON.parse(shippedText));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("npm run train:default is deterministic", () => {
  let again: DefaultCard;
  beforeAll(() => {
    again = trainDefaultCard(); // the full shipped configuration: 10,000 generated applicants (a few seconds)
  });

  it("retraining writes models/scorecard.json byte for byte", () => {
    expect(again.json, "models/scorecard.json is stale: run npm run train:default").toBe(shippedText);
  });

  it("retraining writes the scorecard section of models/README.md byte for byte", () => {
    const readme = readFileSync(join(root, "models/README.md"), "utf8");
    expect(withSection(readme, again.modelCard), "models/README.md is stale: run npm run train:default").toBe(readme);
    expect(readme).toContain("SYNTHETIC");
  });
});

describe("withSection", () => {
  it("replaces only the marked region, or adds it before the first other section", () => {
    expect(withSection("", "A")).toBe("<!-- section:scorecard -->\nA\n<!-- /section:scorecard -->\n");
    const other = "# T\n\nintro\n\n<!-- section:fraud -->\nF\n<!-- /section:fraud -->\n";
    const once = withSection(other, "A");
    expect(once).toBe(
      "# T\n\nintro\n\n<!-- section:scorecard -->\nA\n<!-- /section:scorecard -->\n\n<!-- section:fraud -->\nF\n<!-- /section:fraud -->\n",
    );
    expect(withSection(once, "B")).toBe(once.replace("\nA\n", "\nB\n"));
  });
});

describe("the shipped default card", () => {
  const card = shipped();
  const artefact = JSON.parse(shippedText) as {
    training: { data: string; date: string; metrics: Record<string, number> };
    reasons: { code: string; message: string }[];
  };

  it("loads, says its data is synthetic, and records train/holdout AUC, KS and PSI", () => {
    expect(card.kind).toBe("points");
    expect(artefact.training.data).toMatch(/^SYNTHETIC/);
    for (const k of ["trainAuc", "trainKs", "testAuc", "testKs", "psi", "trainRows", "testRows"])
      expect(artefact.training.metrics[k]).toBeTypeOf("number");
    expect(card.characteristics.length).toBeGreaterThanOrEqual(6);
  });

  it("gives every characteristic an explicit missing attribute and a plain reason message", () => {
    const messages = new Map(artefact.reasons.map((r) => [r.code, r.message]));
    for (const ch of card.characteristics) {
      expect(ch.attributes.filter((a) => a.kind === "missing")).toHaveLength(1);
      const codes = [
        ch.reasonCode,
        ...ch.attributes.flatMap((a) => (a.reasonCode === undefined ? [] : [a.reasonCode])),
      ];
      for (const c of codes) {
        const m = messages.get(c);
        expect(m, c).toBeDefined();
        // a sentence for a person, not the feature name
        expect(m).not.toBe(c);
        expect(m).not.toMatch(/_/);
        expect(m).toMatch(/^[A-Z][a-z]/);
      }
    }
  });

  const applicants = lines("applicants.jsonl").map((a) => parseApplicantOrThrow(a));
  const outcomes = lines("outcomes.jsonl") as { defaulted: boolean; fraud: boolean }[];
  const holdout = applicants.flatMap((a, i) =>
    outcomes[i]!.fraud ? [] : [{ a, bad: outcomes[i]!.defaulted ? 1 : 0 }],
  );

  it("records the holdout metrics the public API computes on fixtures/ (fraud rows excluded)", () => {
    const scores = holdout.map(({ a }) => score(card, extractFeatures(a, { asOf: POPULATION_AS_OF })).score);
    const labels = holdout.map((h) => h.bad);
    const m = artefact.training.metrics;
    expect(m.testRows).toBe(holdout.length);
    expect(m.testBads).toBe(labels.reduce((s, x) => s + x, 0));
    expect(m.testAuc).toBe(auc(scores, labels, { higherIsBad: false }));
    expect(m.testKs).toBe(ks(scores, labels));
    expect(m.testAuc).toBeGreaterThan(0.75);
  });

  it("scores thin-file applicants (no credit report) through the missing attributes, with the NO_BUREAU reason", () => {
    const thin = holdout.filter(({ a }) => a.bureau === undefined);
    expect(thin.length).toBeGreaterThan(100);
    const bureauChars = card.characteristics
      .map((c, j) => [c, j] as const)
      .filter(([c]) => c.feature.startsWith("bureau_"));
    expect(bureauChars.length).toBeGreaterThan(0);
    let sawNoBureau = false;
    for (const { a } of thin) {
      const r = score(card, extractFeatures(a, { asOf: POPULATION_AS_OF }));
      expect(Number.isFinite(r.score)).toBe(true);
      for (const [c, j] of bureauChars) expect(c.attributes[r.attributes[j]!]!.kind).toBe("missing");
      const codes = reasonCodes(card, r.points, { attributes: r.attributes, max: 10 }).map((x) => x.code);
      for (const [c] of bureauChars)
        if (c.attributes.find((x) => x.kind === "missing")!.reasonCode === "NO_BUREAU")
          expect(codes).not.toContain(c.reasonCode);
      if (codes.includes("NO_BUREAU")) sawNoBureau = true;
    }
    expect(sawNoBureau).toBe(true);
  });
});
