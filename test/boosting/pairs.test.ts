import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import type { BoostOptions, BoostedScorecard } from "../../src/boosting";
import { pairTree, rankPairs } from "../../src/boosting/pairs";
import { parsePmml, toPmml } from "../../src/pmml";
import { loadScorecard, reasonCodes, scoreRecord, scorecardToJSON } from "../../src/scorecard";
import type { TrainingData } from "../../src/scorecard/train";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";
import { expectSameScoring } from "../pmml/same-scoring";
import { xmllintValidate } from "../pmml/xmllint";

const DATE = "2026-11-29";

function boosted(data: TrainingData, options: Omit<BoostOptions, "date"> = {}): BoostedScorecard {
  const r = trainBoostedScorecard(data, { date: DATE, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/**
 * The naive reference of FAST on raw rows: every axis, every first cut and every pair of cuts on
 * the other axis (none included), leaf sums of g = p - y and h = p (1 - p) taken row by row; the
 * gain is sum over leaves G^2/H minus G^2/H of all rows; leaves need `minLeaf` rows.
 */
function naiveGain(
  ra: readonly number[],
  rb: readonly number[],
  na: number,
  nb: number,
  f: readonly number[],
  y: readonly number[],
  minLeaf: number,
): number {
  const p = f.map((z) => 1 / (1 + Math.exp(-z)));
  const score = (inLeaf: (i: number) => boolean): { s: number; n: number } => {
    let G = 0;
    let H = 0;
    let n = 0;
    for (let i = 0; i < f.length; i++)
      if (inLeaf(i)) {
        G += p[i]! - y[i]!;
        H += p[i]! * (1 - p[i]!);
        n++;
      }
    return { s: H > 0 ? (G * G) / H : 0, n };
  };
  const parent = score(() => true).s;
  let best = 0;
  for (const [u, w, nu, nw] of [
    [ra, rb, na, nb],
    [rb, ra, nb, na],
  ] as const)
    for (let c = 1; c < nu; c++)
      for (let cl = 0; cl < nw; cl++)
        for (let cr = 0; cr < nw; cr++) {
          const leaves = [
            (i: number) => u[i]! < c && (cl === 0 || w[i]! < cl),
            (i: number) => u[i]! < c && cl > 0 && w[i]! >= cl,
            (i: number) => u[i]! >= c && (cr === 0 || w[i]! < cr),
            (i: number) => u[i]! >= c && cr > 0 && w[i]! >= cr,
          ].map(score);
          const sides = [leaves[0]!.n + leaves[1]!.n, leaves[2]!.n + leaves[3]!.n];
          if (sides[0]! < minLeaf || sides[1]! < minLeaf) continue;
          if (
            (cl > 0 && (leaves[0]!.n < minLeaf || leaves[1]!.n < minLeaf)) ||
            (cr > 0 && (leaves[2]!.n < minLeaf || leaves[3]!.n < minLeaf))
          )
            continue;
          const gain = leaves.reduce((s, l) => s + l.s, 0) - parent;
          if (gain > best) best = gain;
        }
  return best;
}

describe("pairTree: hand calculation", () => {
  it("a 2 x 2 XOR grid: g = [1, -1; -1, 1], h = 1 per cell: each cell its own leaf, gain 1+1+1+1 - 0 = 4", () => {
    const leaf = new Uint8Array(4);
    const gain = pairTree(
      Float64Array.of(1, -1, -1, 1),
      Float64Array.of(1, 1, 1, 1),
      Float64Array.of(1, 1, 1, 1),
      2,
      2,
      1,
      leaf,
    );
    expect(gain).toBe(4);
    expect(Array.from(leaf)).toEqual([0, 1, 2, 3]);
  });
  it("no split when a leaf would hold fewer than minLeaf rows: gain 0, one leaf", () => {
    const leaf = new Uint8Array(4).fill(9);
    expect(
      pairTree(Float64Array.of(1, -1, -1, 1), Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1, 1, 1), 2, 2, 3, leaf),
    ).toBe(0);
    expect(Array.from(leaf)).toEqual([0, 0, 0, 0]);
  });
});

describe("rankPairs against the naive reference (SYNTHETIC rows)", () => {
  it("the same gain for every pair, and pairs in decreasing gain (property)", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 20, max: 80 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, n, minLeaf) => {
          const rand = mulberry32(seed);
          const sizes = [3, 4, 2];
          const bins = sizes.map((s) => Array.from({ length: n }, () => Math.floor(rand() * s)));
          const f = Array.from({ length: n }, () => rand() * 2 - 1);
          const y = Array.from({ length: n }, (_, i) =>
            rand() < (bins[0]![i]! === bins[1]![i]! % 3 ? 0.8 : 0.2) ? 1 : 0,
          );
          const pairs = [
            [0, 1],
            [0, 2],
            [1, 2],
          ] as const;
          const cells = pairs.map(([a, b]) => Uint16Array.from(bins[a]!, (v, i) => v * sizes[b]! + bins[b]![i]!));
          const ranked = rankPairs(
            cells,
            pairs.map(([a, b]) => [sizes[a]!, sizes[b]!] as const),
            Float64Array.from(f),
            Uint8Array.from(y),
            minLeaf,
          );
          for (const r of ranked) {
            const [a, b] = pairs[r.pair]!;
            const want = naiveGain(bins[a]!, bins[b]!, sizes[a]!, sizes[b]!, f, y, minLeaf);
            expect(r.gain).toBeCloseTo(want, 9);
            if (want > 0) checked++;
          }
          for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1]!.gain).toBeGreaterThanOrEqual(ranked[k]!.gain);
        },
      ),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(60);
  });
});

/** SYNTHETIC: risk depends on x and z only through whether they fall on the same side of 0.5 (no main effect), w a weak main effect. */
function xor(n: number, seed: number): TrainingData {
  const rand = mulberry32(seed);
  const x: (number | null)[] = [];
  const z: number[] = [];
  const w: number[] = [];
  const g: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rand() < 0.03 ? null : rand();
    const b = rand() < 0.02 ? 98 : rand();
    const c = rand();
    const lo = -1 + 0.6 * c + (b === 98 ? 1 : 0) + 1.5 * ((a ?? 0) > 0.5 !== b > 0.5 ? 1 : -1);
    x.push(a);
    z.push(b);
    w.push(c);
    g.push(["p", "q"][Math.floor(rand() * 2)]!);
    y.push(rand() < 1 / (1 + Math.exp(-lo)) ? 1 : 0);
  }
  return { columns: { x, z, w, g, y }, target: "y" };
}

describe("trainBoostedScorecard with interactions (SYNTHETIC data)", () => {
  const data = xor(6000, 7);
  const opts = { specialValues: { z: [98] }, maxBins: 32 } as const;
  const mains = boosted(data, opts);
  const t = boosted(data, { ...opts, interactions: 2 });

  it("off by default: interactions 0 gives the same bytes as no option (a version 1 card)", () => {
    expect(boosted(data, { ...opts, interactions: 0 }).json).toBe(mains.json);
    expect(mains.artefact.version).toBe(1);
    expect(mains.report.pairs).toEqual([]);
  });

  it("finds the planted pair first and ranks far better than the mains alone on the test rows", () => {
    expect(t.report.pairs[0]!.features).toEqual(["x", "z"]);
    expect(t.artefact.version).toBe(2);
    expect(mains.report.test!.auc).toBeLessThan(0.65);
    expect(t.report.test!.auc).toBeGreaterThan(mains.report.test!.auc + 0.1);
  });

  it("pair terms are two-input rules characteristics after the mains, one attribute per cell", () => {
    const chars = t.artefact.characteristics;
    expect(chars.slice(0, 4).map((c) => c.type)).toEqual(["numeric", "numeric", "numeric", "categorical"]);
    const pair = chars[4]!;
    expect(pair.type).toBe("rules");
    if (pair.type !== "rules") return;
    expect(pair.inputs.map((i) => i.feature)).toEqual(["x", "z"]);
    const shape = t.report.pairs[0]!;
    expect(pair.attributes.length).toBe(shape.rowLabels.length * shape.columnLabels.length);
    // the planted surface: the same side of 0.5 is safer (more points) than opposite sides
    expect(scoreRecord(t.card, { x: 0.9, z: 0.9, w: 0.5, g: "p" }).score).toBeGreaterThan(
      scoreRecord(t.card, { x: 0.9, z: 0.1, w: 0.5, g: "p" }).score,
    );
  });

  it("round-trips byte for byte through the artefact and is deterministic", () => {
    const again = loadScorecard(JSON.parse(t.json));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(scorecardToJSON(again.value)).toBe(t.json);
    expect(boosted(data, { ...opts, interactions: 2 }).json).toBe(t.json);
  });

  it("exports to PMML valid against the 4.4 XSD that loads back to the same scores and reason codes on every row", () => {
    const xml = toPmml(t.card);
    expect(xml).toContain('<CompoundPredicate booleanOperator="and">');
    expect(xmllintValidate([{ name: "boosted-pairs", xml }])).toBe("");
    const back = parsePmml(xml);
    const cols = data.columns as Record<string, readonly (number | string | null)[]>;
    for (let i = 0; i < 6000; i += 7) {
      const rec = { x: cols.x![i]!, z: cols.z![i]!, w: cols.w![i]!, g: cols.g![i]! } as Record<
        string,
        number | string | null
      >;
      expectSameScoring(t.card, back, rec);
    }
    for (const rec of [
      { x: null, z: 98, w: 0.5, g: "p" },
      { x: 0.5, z: null, w: null, g: null },
      { x: 0.2, z: 0.7, w: 0.1, g: "unseen" },
    ])
      expectSameScoring(t.card, back, rec);
  });

  it("gives reason codes naming the pair when it costs the most points", () => {
    const r = scoreRecord(t.card, { x: 0.9, z: 0.1, w: 0.5, g: "p" });
    const codes = reasonCodes(t.card, r.points, { attributes: r.attributes });
    expect(codes.map((c) => c.code)).toContain("x_x_z");
  });

  it("pairs are purified: each row and column of a pair's points has a count-weighted mean within rounding of 0", () => {
    // the log-odds table has weighted means 0 to 1e-12 (test/boosting/purify-pairs.test.ts); each
    // cell's points are then rounded, so a weighted mean of points lies within 0.5 of 0
    for (const p of t.report.pairs) {
      const na = p.rowLabels.length;
      const nb = p.columnLabels.length;
      const line = (cells: [number, number][]) => {
        let w = 0;
        let s = 0;
        for (const [r, c] of cells) {
          w += p.counts[r]![c]!;
          s += p.counts[r]![c]! * p.points[r]![c]!;
        }
        return w > 0 ? s / w : 0;
      };
      for (let r = 0; r < na; r++)
        expect(Math.abs(line(Array.from({ length: nb }, (_, c) => [r, c])))).toBeLessThanOrEqual(0.5);
      for (let c = 0; c < nb; c++)
        expect(Math.abs(line(Array.from({ length: na }, (_, r) => [r, c])))).toBeLessThanOrEqual(0.5);
    }
  });

  it("empty-cell policy: a cell with fewer than minSamplesLeaf training rows gets 0 points, so its applicants score on the mains alone", () => {
    const p = t.report.pairs[0]!;
    let thin = 0;
    p.counts.forEach((row, r) => {
      row.forEach((n, c) => {
        if (n < 20) {
          thin++;
          expect(p.points[r]![c]).toBe(0);
        }
      });
    });
    // x missing (3%) together with z = 98 (2%): about 0.06% of 6,000 rows, below 20
    expect(p.rowLabels[0]).toBe("missing");
    expect(p.columnLabels[1]).toBe("= 98");
    expect(p.counts[0]![1]!).toBeLessThan(20);
    expect(thin).toBeGreaterThan(0);
    const r = scoreRecord(t.card, { x: null, z: 98, w: 0.5, g: "p" });
    const pairAt = t.card.characteristics.findIndex((c) => c.name === "x x z");
    expect(r.points[pairAt]).toBe(0);
    let mains = t.card.basePoints;
    for (let k = 0; k < pairAt; k++) mains += r.points[k]!;
    for (let k = pairAt + 1; k < r.points.length; k++) mains += r.points[k]!;
    expect(r.score).toBe(mains);
  });

  it("a feature with a monotone constraint takes part in no pair (its whole effect on the score stays monotone)", () => {
    // without the constraint w is in two of the three best pairs (x x w, z x w)
    const free = boosted(data, { ...opts, interactions: 3 });
    expect(free.report.pairs.filter((p) => p.features.includes("w")).length).toBeGreaterThan(0);
    const m = boosted(data, { ...opts, interactions: 3, monotone: { w: "increasing" } });
    expect(m.report.pairs[0]!.features).toEqual(["x", "z"]);
    for (const p of m.report.pairs) expect(p.features).not.toContain("w");
  });

  it("rejects interactions and pairBins out of range without echoing values", () => {
    const r = trainBoostedScorecard(data, { date: DATE, interactions: 21, pairBins: 1.5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["too_big", "options.interactions"],
      ["not_integer", "options.pairBins"],
    ]);
    expect(JSON.stringify(r.issues)).not.toContain("1.5");
  });
});
