/**
 * Issue 11 item 16: `riskcard train` slowed with the square of the column count (16,000 columns x 20
 * rows: 14.8 s), because screenVariables compared every pair of kept variables even with
 * maxCorrelation 1, where no pair can exceed the threshold. The work is counted here (calls of
 * pearson, each one pass over the rows), never timed: screening with maxCorrelation 1 makes no
 * pairwise call, and training compares each candidate with at most maxVariables kept ones, so the
 * calls grow linearly with the column count.
 */
import { describe, expect, it, vi } from "vitest";
import { pearson } from "../../src/binning/pearson";
import { screenVariables } from "../../src/binning/screen-variables";
import { trainScorecard } from "../../src/scorecard/train";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";

vi.mock("../../src/binning/pearson", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/binning/pearson")>();
  return { pearson: vi.fn(real.pearson) };
});
const calls = (): number => vi.mocked(pearson).mock.calls.length;

/** SYNTHETIC: k noise columns of `rows` rows (two decimals), labels alternating 0/1; seeded. */
function wide(k: number, rows: number): { columns: Record<string, number[]>; labels: number[] } {
  const rand = mulberry32(11);
  const columns: Record<string, number[]> = {};
  for (let j = 0; j < k; j++) columns[`c${j}`] = Array.from({ length: rows }, () => Math.round(rand() * 1e4) / 100);
  return { columns, labels: Array.from({ length: rows }, (_, i) => i % 2) };
}

describe("screening and training work grows linearly with the column count", () => {
  it("screenVariables with maxCorrelation 1 compares no pair (|r| <= 1 can never exceed it)", () => {
    const { columns, labels } = wide(300, 20);
    vi.mocked(pearson).mockClear();
    const r = screenVariables(columns, labels, { maxCorrelation: 1, minIv: 0, numeric: { minBinShare: 0.1 } });
    expect(r.rows.filter((x) => x.kept).length).toBeGreaterThan(100);
    expect(calls()).toBe(0);
    // with the default threshold the filter runs: the same kept set is compared pairwise
    screenVariables(columns, labels, { minIv: 0, numeric: { minBinShare: 0.1 } });
    expect(calls()).toBeGreaterThan(0);
  });

  it("trainScorecard compares each candidate with at most maxVariables kept variables", () => {
    for (const k of [200, 800]) {
      const { columns, labels } = wide(k, 30);
      vi.mocked(pearson).mockClear();
      trainScorecard(
        { columns: { ...columns, y: labels }, target: "y" },
        { date: "2026-01-01", split: "none", minIv: 0, maxVariables: 5, maxCorrelation: 0.99 },
      );
      expect(calls(), `${k} columns`).toBeLessThanOrEqual(k * 5);
    }
  });
});
