import { describe, expect, it } from "vitest";
import type { TrainingData, TrainOptions } from "../../src/scorecard/train";
import { trainScorecard } from "../../src/scorecard/train";

const DATE = "2026-06-30";
/** A small valid table: x separates partly, y has both classes. */
const x = Array.from({ length: 200 }, (_, i) => i % 20);
const y = x.map((v, i) => (v < 6 ? (i % 3 === 0 ? 0 : 1) : i % 7 === 0 ? 1 : 0));
const base: TrainingData = { columns: { x, y }, target: "y" };

function issuesOf(data: TrainingData, options: Record<string, unknown>) {
  const r = trainScorecard(data, { date: DATE, split: "none", ...options } as unknown as TrainOptions);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
}

describe("trainScorecard: data issues", () => {
  it("accepts the base table", () => {
    expect(trainScorecard(base, { date: DATE, split: "none" }).ok).toBe(true);
  });

  it("reports a missing target column", () => {
    expect(issuesOf({ columns: { x }, target: "y" }, {})).toEqual([{ code: "missing", path: "columns.y" }]);
  });

  it("reports missing and non-binary target cells with their row, never the value", () => {
    const yy: (number | null)[] = [...y];
    yy[3] = null;
    yy[5] = 987654321;
    const r = trainScorecard({ columns: { x, y: yy }, target: "y" }, { date: DATE });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
        ["missing", "columns.y.3"],
        ["invalid_value", "columns.y.5"],
      ]);
      for (const i of r.issues) expect(i.message).not.toContain("987654321");
    }
  });

  it("reports a target with one class", () => {
    expect(issuesOf({ columns: { x, y: x.map(() => 0) }, target: "y" }, {})).toEqual([
      { code: "too_small", path: "columns.y" },
    ]);
    // with a bad value that never occurs
    expect(issuesOf({ columns: { x, y: y.map((v) => (v ? "bad" : "good")) }, target: "y" }, { bad: "BAD" })).toEqual([
      { code: "too_small", path: "columns.y" },
    ]);
  });

  it("maps a named bad value to 1 and everything else to 0", () => {
    const r = trainScorecard(
      { columns: { x, y: y.map((v) => (v ? "yes" : "no")) }, target: "y" },
      { date: DATE, bad: "yes", split: "none" },
    );
    const r0 = trainScorecard(base, { date: DATE, split: "none" });
    expect(r.ok && r0.ok && r.value.json === r0.value.json).toBe(true);
  });

  it("reports a column mixing numbers and strings, and infinite cells, without echoing them", () => {
    const mixed: (number | string)[] = [...x];
    mixed[7] = "SECRET-VALUE";
    const r = trainScorecard({ columns: { x: mixed as never, y }, target: "y" }, { date: DATE });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_type", "columns.x.7"]]);
      expect(r.issues[0]!.message).not.toContain("SECRET");
    }
    const inf = [...x];
    inf[2] = Number.POSITIVE_INFINITY;
    expect(issuesOf({ columns: { x: inf, y }, target: "y" }, {})).toEqual([
      { code: "not_finite", path: "columns.x.2" },
    ]);
    expect(issuesOf({ columns: { x: [...x.slice(0, 199), {} as never], y }, target: "y" }, {})).toEqual([
      { code: "invalid_type", path: "columns.x.199" },
    ]);
  });

  it("reports unknown columns named in options", () => {
    expect(
      issuesOf(base, {
        exclude: ["nope"],
        reasons: { ghost: "m" },
        specialValues: { z: [1] },
        missingReasons: { w: { code: "W", message: "w" } },
      }),
    ).toEqual([
      { code: "unknown_reference", path: "options.exclude.0" },
      { code: "unknown_reference", path: "options.specialValues.z" },
      { code: "unknown_reference", path: "options.reasons.ghost" },
      { code: "unknown_reference", path: "options.missingReasons.w" },
    ]);
  });

  it("reports no candidate, and no variable passing screening", () => {
    expect(issuesOf({ columns: { y }, target: "y" }, {})).toEqual([{ code: "too_small", path: "columns" }]);
    expect(issuesOf(base, { exclude: ["x"] })).toEqual([{ code: "too_small", path: "columns" }]);
    expect(issuesOf(base, { minIv: 100 })).toEqual([{ code: "too_small", path: "columns" }]);
  });

  it("drops a variable with a constant WoE whatever the thresholds", () => {
    const r = trainScorecard(
      { columns: { empty: x.map(() => null), x, y }, target: "y" },
      { date: DATE, split: "none", maxMissingRate: 1, maxIdenticalRate: 1, minIv: 0 },
    );
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value.report.variables[0]).toMatchObject({ name: "empty", kept: false, reason: "identical_rate" });
  });

  it("reports separation as a fit issue", () => {
    // a categorical column that predicts the target exactly: WoE bins stay finite (zero counts are
    // replaced by 0.9) but the fit has no finite optimum
    const sep = y.map((v) => (v ? "p" : "q"));
    const issues = issuesOf({ columns: { sep, y }, target: "y" }, {});
    expect(issues).toEqual([{ code: "invalid_value", path: "model" }]);
    const r = trainScorecard({ columns: { sep, y }, target: "y" }, { date: DATE, split: "none", l2: 1 });
    expect(r.ok).toBe(true);
  });

  it("reports a split that leaves the training rows with one class", () => {
    const testMask = y.map((v) => v);
    expect(issuesOf(base, { split: { testMask } })).toEqual([{ code: "too_small", path: "options.split" }]);
    expect(issuesOf(base, { split: { testMask: [1, 0] } })).toEqual([
      { code: "inconsistent", path: "options.split.testMask" },
    ]);
    expect(issuesOf(base, { split: { testMask: y.map((_, i) => (i === 4 ? 2 : 0)) } })).toEqual([
      { code: "invalid_value", path: "options.split.testMask.4" },
    ]);
  });

  it("throws TypeError / RangeError for programmer errors", () => {
    expect(() => trainScorecard(null as never, { date: DATE })).toThrow(TypeError);
    expect(() => trainScorecard({ columns: [] as never, target: "y" }, { date: DATE })).toThrow(TypeError);
    expect(() => trainScorecard({ columns: { x, y }, target: 3 as never }, { date: DATE })).toThrow(TypeError);
    expect(() => trainScorecard({ columns: { x: "abc" as never, y }, target: "y" }, { date: DATE })).toThrow(TypeError);
    expect(() => trainScorecard({ columns: { x: x.slice(1), y }, target: "y" }, { date: DATE })).toThrow(RangeError);
    expect(() =>
      trainScorecard(
        { columns: { x: { values: new Float64Array(2), missing: new Uint8Array(3) }, y }, target: "y" },
        { date: DATE },
      ),
    ).toThrow(RangeError);
  });
});

describe("trainScorecard: option issues", () => {
  it("requires a valid date (the library never reads the clock)", () => {
    expect(issuesOf(base, { date: undefined })).toEqual([{ code: "missing", path: "options.date" }]);
    expect(issuesOf(base, { date: "2026-02-30" })).toEqual([{ code: "invalid_format", path: "options.date" }]);
    expect(issuesOf(base, { date: "30/06/2026" })).toEqual([{ code: "invalid_format", path: "options.date" }]);
  });

  it("rejects options out of range, of the wrong type, or unknown", () => {
    expect(
      issuesOf(base, {
        method: "forest",
        maxBins: 0,
        minBinShare: 0.9,
        maxCorrelation: "high",
        maxVariables: 2.5,
        l2: Number.NaN,
        rounding: "up",
        colour: "red",
        scaling: { points0: 600, odds0: -1, pdo: 50, odds: "bad:good" },
        split: { testShare: 1.5, seed: 1 },
        reasons: { x: "" },
        missingReasons: { x: { code: "has space", message: "m" } },
        bad: {},
        exclude: [3],
      }).sort((a, b) => (a.path < b.path ? -1 : 1)),
    ).toEqual([
      { code: "invalid_type", path: "options.bad" },
      { code: "unrecognized_key", path: "options.colour" },
      { code: "invalid_type", path: "options.exclude.0" },
      { code: "not_finite", path: "options.l2" },
      { code: "too_small", path: "options.maxBins" },
      { code: "invalid_type", path: "options.maxCorrelation" },
      { code: "not_integer", path: "options.maxVariables" },
      { code: "invalid_enum", path: "options.method" },
      { code: "too_big", path: "options.minBinShare" },
      { code: "invalid_value", path: "options.missingReasons.x" },
      { code: "invalid_value", path: "options.reasons.x" },
      { code: "invalid_enum", path: "options.rounding" },
      { code: "invalid_value", path: "options.scaling" },
      { code: "invalid_value", path: "options.split.testShare" },
    ]);
    const r = trainScorecard(base, null as never);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_type", "options"]]);
  });

  it("rejects one reason code with two messages", () => {
    const r = issuesOf(
      { columns: { x, z: x, y }, target: "y" },
      { reasons: { x: { code: "C", message: "one" }, z: { code: "C", message: "two" } } },
    );
    expect(r).toEqual([{ code: "inconsistent", path: "options.reasons.z" }]);
  });

  it("rejects special values on a categorical column", () => {
    const c = x.map((v) => `c${v}`);
    expect(issuesOf({ columns: { c, y }, target: "y" }, { specialValues: { c: [1] } })).toEqual([
      { code: "inconsistent", path: "options.specialValues.c" },
    ]);
  });
});
