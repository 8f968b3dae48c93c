import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Characteristic, loadScorecardOrThrow, score } from "../../src/scorecard";
import { naivePoints as naive } from "./naive";

/** The reference reading with `null` for a missing value. */
const naivePoints = (ch: Characteristic, value: number | null): [number, number] =>
  naive(ch, value ?? Number.NaN, value === null);

const numericArb = fc.record({
  cuts: fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 24 }),
  keep: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
  specials: fc.uniqueArray(fc.integer({ min: -45, max: 45 }), { maxLength: 3 }),
  right: fc.boolean(),
  missing: fc.boolean(),
});
const categoricalArb = fc.record({
  levels: fc.integer({ min: 1, max: 30 }),
  groups: fc.integer({ min: 1, max: 5 }),
  missing: fc.boolean(),
});

describe("compiled scoring agrees with a naive reading of the attributes", () => {
  it("numeric characteristics with gaps, specials and up to 24 boundaries (linear and binary-search paths)", () => {
    fc.assert(
      fc.property(
        numericArb,
        fc.array(
          fc.option(
            fc.oneof(
              fc.integer({ min: -50, max: 50 }),
              fc.double({ min: -50, max: 50, noNaN: true }),
              fc.constant(Number.NaN),
            ),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (spec, vals) => {
          const cuts = [...spec.cuts].sort((a, b) => a - b);
          const bounds = [null, ...cuts, null];
          const attributes: Record<string, unknown>[] = [];
          for (let i = 0; i < bounds.length - 1; i++)
            if (spec.keep[i] || attributes.length === 0)
              attributes.push({ kind: "interval", lower: bounds[i], upper: bounds[i + 1], points: i * 3 - 10 });
          if (spec.specials.length > 0) attributes.push({ kind: "special", values: spec.specials, points: 99 });
          if (spec.missing) attributes.push({ kind: "missing", points: -42 });
          const card = loadScorecardOrThrow({
            format: "riskcard.scorecard",
            version: 1,
            name: "n",
            scaling: null,
            rounding: "none",
            base: "separate",
            basePoints: 0,
            characteristics: [
              {
                name: "x",
                feature: "x",
                type: "numeric",
                closure: spec.right ? "right" : "left",
                reasonCode: "X",
                attributes,
                fallback: { points: -7 },
              },
            ],
          });
          const names = Object.freeze(["x"]);
          for (const v of vals) {
            const r = score(card, {
              names,
              values: Float64Array.of(v ?? 0),
              missing: Uint8Array.of(v === null ? 1 : 0),
            });
            const [p, a] = naivePoints(card.characteristics[0]!, v);
            expect([r.points[0], r.attributes[0]]).toEqual([p, a]);
          }
        },
      ),
    );
  });

  it("categorical characteristics with up to 30 levels, unknown and fractional codes", () => {
    fc.assert(
      fc.property(
        categoricalArb,
        fc.array(fc.option(fc.oneof(fc.integer({ min: -2, max: 32 }), fc.double({ min: -2, max: 32, noNaN: true }))), {
          minLength: 1,
          maxLength: 30,
        }),
        (spec, vals) => {
          const levels = Array.from({ length: spec.levels }, (_, i) => `L${i}`);
          const attributes: Record<string, unknown>[] = [];
          for (let g = 0; g < spec.groups; g++) {
            // Every third level is left out of all attributes (it goes to the fallback).
            const cats = levels.filter((_, i) => i % spec.groups === g && i % 3 !== 2);
            if (cats.length > 0) attributes.push({ kind: "categories", categories: cats, points: g * 5 + 1 });
          }
          if (attributes.length === 0) attributes.push({ kind: "categories", categories: [levels[0]], points: 1 });
          if (spec.missing) attributes.push({ kind: "missing", points: -42 });
          const card = loadScorecardOrThrow({
            format: "riskcard.scorecard",
            version: 1,
            name: "c",
            scaling: null,
            rounding: "none",
            base: "separate",
            basePoints: 0,
            characteristics: [
              {
                name: "x",
                feature: "x",
                type: "categorical",
                levels,
                reasonCode: "X",
                attributes,
                fallback: { points: -7 },
              },
            ],
          });
          const names = Object.freeze(["x"]);
          for (const v of vals) {
            const r = score(card, {
              names,
              values: Float64Array.of(v ?? 0),
              missing: Uint8Array.of(v === null ? 1 : 0),
            });
            const [p, a] = naivePoints(card.characteristics[0]!, v);
            expect([r.points[0], r.attributes[0]]).toEqual([p, a]);
          }
        },
      ),
    );
  });
});
