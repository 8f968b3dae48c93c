/**
 * Robustness of trainBoostedScorecard on data the project does not have (issue 20, boostfit item 2):
 * SYNTHETIC stress cases and cases derived from the real German credit file. Each must give a card
 * or a clear error (issue code and path, no input value echoed), never NaN or infinite points, never
 * a crash, and the same bytes twice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainBoostedScorecard } from "../../src/boosting";
import type { BoostOptions } from "../../src/boosting";
import type { Result } from "../../src/schema/result";
import { scoreRecord } from "../../src/scorecard";
import type { TrainingData } from "../../src/scorecard/train";
import { mulberry32 } from "../../src/scorecard/train/train-test-split";
import { germanCredit } from "../binning/german-credit";

const DATE = "2026-11-29";
type Col = (number | string | null)[];

/** Every number a card holds: base points, attribute and fallback points. */
function cardNumbers(artefact: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "number") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(artefact);
  return out;
}

/**
 * Trains twice and checks the contract: ok with finite points everywhere, every row scoring to a
 * finite score, the same bytes twice; or issues with a code and a path.
 */
function check(data: TrainingData, options: Omit<BoostOptions, "date"> = {}): Result<unknown> {
  const r = trainBoostedScorecard(data, { date: DATE, ...options });
  const again = trainBoostedScorecard(data, { date: DATE, ...options });
  if (!r.ok) {
    expect(again.ok).toBe(false);
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(typeof i.code).toBe("string");
      expect(i.path.length).toBeGreaterThan(0);
    }
    return r;
  }
  if (!again.ok) throw new Error("second run failed");
  expect(again.value.json).toBe(r.value.json);
  const a = r.value.artefact;
  for (const c of a.characteristics) for (const at of c.attributes) expect(Number.isFinite(at.points)).toBe(true);
  expect(Number.isFinite(a.basePoints ?? 0)).toBe(true);
  for (const x of cardNumbers(a.characteristics)) expect(Number.isFinite(x)).toBe(true);
  const cols = data.columns as Record<string, Col>;
  const names = Object.keys(cols).filter((k) => k !== data.target);
  const n = cols[data.target]!.length;
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 200))) {
    const rec: Record<string, number | string | null> = {};
    for (const k of names) rec[k] = cols[k]![i] ?? null;
    expect(Number.isFinite(scoreRecord(r.value.card, rec).score)).toBe(true);
  }
  for (const m of Object.values(r.value.report.train)) if (typeof m === "number") expect(Number.isFinite(m)).toBe(true);
  expect(JSON.stringify(r.value.report.pairSelection).includes("null")).toBe(false);
  return r;
}

/** SYNTHETIC base table: two informative columns and a label, seeded. */
function base(n: number, seed: number, badRate = 0.3): { cols: Record<string, Col>; rand: () => number } {
  const rand = mulberry32(seed);
  const x: Col = [];
  const g: Col = [];
  const y: Col = [];
  const shift = Math.log(badRate / (1 - badRate));
  for (let i = 0; i < n; i++) {
    const a = rand();
    const b = ["p", "q", "r"][Math.floor(rand() * 3)]!;
    x.push(a);
    g.push(b);
    y.push(rand() < 1 / (1 + Math.exp(-(shift + 1.5 * (a - 0.5) + (b === "q" ? 0.5 : 0)))) ? 1 : 0);
  }
  return { cols: { x, g, y }, rand };
}

describe("trainBoostedScorecard stress cases (SYNTHETIC)", () => {
  it("a constant column: a card whose constant characteristic adds nothing between rows", () => {
    const { cols } = base(1500, 1);
    cols.k = cols.x!.map(() => 7);
    const r = trainBoostedScorecard({ columns: cols as TrainingData["columns"], target: "y" }, { date: DATE });
    expect(check({ columns: cols as TrainingData["columns"], target: "y" }).ok).toBe(true);
    if (!r.ok) return;
    const k = r.value.card.characteristics.find((c) => c.name === "k")!;
    expect(scoreRecord(r.value.card, { x: 0.5, g: "p", k: 7 }).points[2]).toBe(0);
    expect(k.attributes.length).toBeGreaterThan(0);
  });

  it("an all-missing column and a column missing 95% of the time", () => {
    const { cols, rand } = base(1500, 2);
    cols.none = cols.x!.map(() => null);
    cols.sparse = cols.x!.map((v) => (rand() < 0.95 ? null : (v as number) * 10));
    const r = check({ columns: cols as TrainingData["columns"], target: "y" });
    expect(r.ok).toBe(true);
  });

  it("a categorical with 500 levels, most of them rare (1 to 5 rows), with pairs requested", () => {
    const { cols, rand } = base(3000, 3);
    cols.city = cols.x!.map(() => `c${Math.floor(rand() ** 3 * 500)}`);
    const r = check({ columns: cols as TrainingData["columns"], target: "y" }, { interactions: 3 });
    expect(r.ok).toBe(true);
  });

  it("a feature that separates the classes perfectly: finite points", () => {
    const { cols } = base(1000, 4);
    cols.leak = cols.y!.map((v) => (v === 1 ? 10 : -10));
    const r = check({ columns: cols as TrainingData["columns"], target: "y" });
    expect(r.ok).toBe(true);
  });

  it("severe class imbalance: 1% bads", () => {
    const { cols } = base(5000, 5, 0.01);
    const r = check({ columns: cols as TrainingData["columns"], target: "y" }, { interactions: 2 });
    expect(r.ok).toBe(true);
  });

  it("tiny data: 60 rows, with and without pairs (no pair survives 9 selection rows)", () => {
    const { cols } = base(60, 6);
    const mains = check({ columns: cols as TrainingData["columns"], target: "y" });
    const pairs = check({ columns: cols as TrainingData["columns"], target: "y" }, { interactions: 2 });
    if (!mains.ok || !pairs.ok) throw new Error("tiny data failed");
    expect((pairs.value as { json: string }).json).toBe((mains.value as { json: string }).json);
  });

  it("every row duplicated 5 times", () => {
    const { cols } = base(400, 7);
    const dup: Record<string, Col> = {};
    for (const [k, v] of Object.entries(cols)) dup[k] = v.flatMap((x) => [x, x, x, x, x]);
    const r = check({ columns: dup as TrainingData["columns"], target: "y" });
    expect(r.ok).toBe(true);
  });

  it("huge, tiny, negative and special values", () => {
    const { cols, rand } = base(2000, 8);
    const pick = [Number.MAX_VALUE, -Number.MAX_VALUE, 1e300, -1e300, 5e-324, -0, 0, Number.MAX_SAFE_INTEGER, -1];
    cols.wild = cols.x!.map((v) => (rand() < 0.5 ? pick[Math.floor(rand() * pick.length)]! : (v as number) * 1e12));
    const r = check(
      { columns: cols as TrainingData["columns"], target: "y" },
      { specialValues: { wild: [-1, [Number.MAX_VALUE, -Number.MAX_VALUE]] } },
    );
    expect(r.ok).toBe(true);
  });

  it("a target given as strings needs the bad value; booleans are a clear error without echoing them", () => {
    const { cols } = base(800, 9);
    const s = { ...cols, y: cols.y!.map((v) => (v === 1 ? "bad" : "good")) };
    expect(check({ columns: s as TrainingData["columns"], target: "y" }, { bad: "bad" }).ok).toBe(true);
    const noBad = check({ columns: s as TrainingData["columns"], target: "y" });
    expect(noBad.ok).toBe(false);
    const b = { ...cols, y: cols.y!.map((v) => v === 1) };
    const r = check({ columns: b as unknown as TrainingData["columns"], target: "y" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.path.slice(0, 2)).toEqual(["columns", "y"]);
      expect(JSON.stringify(r.issues)).not.toMatch(/true|false/);
    }
  });

  it("column names that look like reserved words or collide once made reason codes", () => {
    const { cols } = base(1200, 10);
    const named: Record<string, Col> = {};
    // own properties, as JSON.parse makes them (a "__proto__" key included)
    for (const k of [
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "missing",
      "fallback",
      "a b",
      "a_b",
      "x x y",
    ])
      Object.defineProperty(named, k, {
        enumerable: true,
        writable: true,
        configurable: true,
        value: cols.x!.map((v, i) => (v as number) * (k.length + 1) + (i % 3)),
      });
    named[`${"v".repeat(70)}1`] = cols.x!.slice();
    named[`${"v".repeat(70)}2`] = cols.x!.map((v) => 1 - (v as number));
    named.y = cols.y!;
    expect(Object.keys(named)).toContain("__proto__");
    const r = check({ columns: named as TrainingData["columns"], target: "y" }, { interactions: 2 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const card = (r.value as { artefact: { characteristics: { name: string; reasonCode?: string }[] } }).artefact;
    const codes = card.characteristics.map((c) => c.reasonCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(card.characteristics.map((c) => c.name)).toContain("__proto__");
  });
});

describe("trainBoostedScorecard on generated tables (property, SYNTHETIC)", () => {
  it("any table: a card with finite points that scores every row finitely, or issues with paths; the same bytes twice", () => {
    const column = fc.oneof(
      fc.record({ kind: fc.constant("num" as const), missing: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant("const" as const), missing: fc.constant(0) }),
      fc.record({ kind: fc.constant("huge" as const), missing: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      fc.record({
        kind: fc.constant("cat" as const),
        missing: fc.double({ min: 0, max: 0.5, noNaN: true }),
        levels: fc.integer({ min: 1, max: 60 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 8, max: 300 }),
        fc.double({ min: 0.01, max: 0.6, noNaN: true }),
        fc.array(column, { minLength: 1, maxLength: 4 }),
        fc.record({
          interactions: fc.integer({ min: 0, max: 3 }),
          maxBins: fc.integer({ min: 2, max: 64 }),
          minSamplesLeaf: fc.integer({ min: 1, max: 40 }),
          validationShare: fc.constantFrom(0, 0.15, 0.5),
          maxCuts: fc.integer({ min: 1, max: 31 }),
        }),
        (seed, n, badRate, specs, options) => {
          const rand = mulberry32(seed);
          const cols: Record<string, Col> = {};
          specs.forEach((c, j) => {
            const out: Col = [];
            for (let i = 0; i < n; i++) {
              if (rand() < c.missing) out.push(null);
              else if (c.kind === "num") out.push(Math.round(rand() * 1000) / 10);
              else if (c.kind === "const") out.push(3);
              else if (c.kind === "huge") out.push((rand() - 0.5) * 2 * Number.MAX_VALUE);
              else out.push(`L${Math.floor(rand() ** 2 * ("levels" in c ? c.levels : 1))}`);
            }
            cols[`c${j}`] = out;
          });
          cols.y = Array.from({ length: n }, () => (rand() < badRate ? 1 : 0));
          check({ columns: cols as TrainingData["columns"], target: "y" }, options);
        },
      ),
      { seed: 20, numRuns: 40 },
    );
  });
});

describe("stress cases derived from the real German credit file (fixtures/german-credit, CC BY 4.0)", () => {
  const g = germanCredit();
  const real: Record<string, Col> = {};
  for (const name of Object.keys(g.rows[0]!)) {
    const raw = g.rows.map((r) => r[name]!);
    real[name] = raw.every((x) => x !== "" && Number.isFinite(Number(x))) ? raw.map(Number) : raw;
  }
  const rand = mulberry32(11);

  it("credit_amount 95% missing, duration constant, purpose with 1 to 3-row levels added, every row twice", () => {
    const cols: Record<string, Col> = { ...real };
    cols.credit_amount = real.credit_amount!.map((v) => (rand() < 0.95 ? null : v));
    cols.duration_in_month = real.duration_in_month!.map(() => 12);
    cols.purpose = real.purpose!.map((v, i) => (i % 7 === 0 ? `rare-${i % 200}` : v));
    const twice: Record<string, Col> = {};
    for (const [k, v] of Object.entries(cols)) twice[k] = [...v, ...v];
    const r = check(
      { columns: twice as TrainingData["columns"], target: "creditability" },
      { bad: "bad", interactions: 5 },
    );
    expect(r.ok).toBe(true);
  });

  it("1% bads: the German goods and the first 7 bads only", () => {
    const keep = g.y.flatMap((y, i) => (y === 0 ? [i] : []));
    const bads = g.y.flatMap((y, i) => (y === 1 ? [i] : [])).slice(0, 7);
    const idx = [...keep, ...bads].sort((a, b) => a - b);
    const cols: Record<string, Col> = {};
    for (const [k, v] of Object.entries(real)) cols[k] = idx.map((i) => v[i]!);
    const r = check({ columns: cols as TrainingData["columns"], target: "creditability" }, { bad: "bad" });
    // 7 bads: 2 in test, 5 for training (1 of them validation): a card, or a clear too_small issue
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("too_small");
  });
});
