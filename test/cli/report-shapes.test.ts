import { describe, expect, it } from "vitest";
import { renderShapes, shapesOf } from "../../src/cli/report-shapes";
import type { Predicate } from "../../src/scorecard";
import { andRule, cardOf, intervals } from "../scorecard/arbitraries";

/** A rule of the pair grid: u's condition (missing, or compared with a value) and g = level, worth `points`. */
function cell(u: { op: "isMissing" } | { op: "lt" | "ge"; value: number }, g: string, points: number) {
  return andRule({ ...u, feature: "u" } as Predicate, { op: "eq", feature: "g", value: g }, points);
}

/** A hand-made card: one numeric characteristic and a 2 x 3 pair grid over u (numeric) and g (categorical). */
const card = cardOf(
  [
    intervals("u", [1], [-5, 7], 2),
    {
      name: "u x g",
      feature: "u",
      type: "rules",
      reasonCode: "UG",
      inputs: [{ feature: "u" }, { feature: "g", levels: ["a", "b"] }],
      attributes: [
        // missing u: row "missing"; u < 1 and u >= 1: rows "[-inf, 1)" and "[1, +inf)"; columns a, b
        cell({ op: "isMissing" }, "a", 1),
        cell({ op: "isMissing" }, "b", 2),
        cell({ op: "lt", value: 1 }, "a", 3),
        cell({ op: "lt", value: 1 }, "b", -4),
        cell({ op: "ge", value: 1 }, "a", -6),
      ],
      fallback: { points: 0.5 },
    },
  ],
  0,
  "shapes",
);

describe("report shapes: points by attribute and pair grids", () => {
  // five rows' matched attributes (row-major rows x 2 characteristics), written out by hand:
  // u = 0.5 g = a; u = 3 g = a; u missing g = b; u = 0.2 g = b; u = 2 g = b (no attribute: fallback)
  const scored = {
    scores: new Float64Array(5),
    attributes: Int32Array.of(0, 2, 1, 4, 2, 1, 0, 3, 1, -1),
    characteristics: 2,
  };
  const s = shapesOf(card, scored);

  it("lists each one-feature characteristic's points by attribute", () => {
    expect(s.shapes).toEqual([{ name: "u", labels: ["[-inf, 1)", "[1, +inf)", "missing"], points: [-5, 7, 2] }]);
  });

  it("reads the pair's attributes as a grid: labels per input, points per cell (fallback where no attribute), rows per cell", () => {
    expect(s.pairs).toHaveLength(1);
    const p = s.pairs[0]!;
    expect(p.features).toEqual(["u", "g"]);
    expect(p.rowLabels).toEqual(["missing", "[-inf, 1)", "[1, +inf)"]);
    expect(p.columnLabels).toEqual(["a", "b"]);
    expect(p.points).toEqual([
      [1, 2],
      [3, -4],
      [-6, 0.5],
    ]);
    expect(p.counts).toEqual([
      [0, 1],
      [1, 1],
      [1, 0],
    ]);
  });

  it("renders one bar per attribute and one heat-map cell per grid cell, escaping names", () => {
    const html = renderShapes(s);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain("Pairwise terms");
    const heat = html.slice(html.indexOf("u x g"));
    expect(heat.match(/<rect /g)).toHaveLength(6);
    expect(renderShapes({ shapes: [{ name: "<b>", labels: ["x"], points: [1] }], pairs: [] })).not.toContain("<b>");
  });
});
