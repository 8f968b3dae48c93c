/**
 * The chart helpers of src/cli/svg.ts (issue 18 item 6): rounded cut-point labels, wrapped names and
 * bin labels (never cut silently), the legend on its own row under the title, and a titled bad-rate
 * axis. Expected values are written out by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeLabel } from "../../src/cli/report-data";
import { axisTitle, barChart, esc, roundLabel, textLines, wrapLabel } from "../../src/cli/svg";
import type { Characteristic } from "../../src/scorecard";

describe("roundLabel", () => {
  it("4 significant digits, whole numbers from 10,000 up, infinities named", () => {
    expect(roundLabel(0.173837531)).toBe("0.1738");
    expect(roundLabel(0.489139179)).toBe("0.4891");
    expect(roundLabel(3.876321051)).toBe("3.876");
    expect(roundLabel(3535)).toBe("3535");
    expect(roundLabel(4731)).toBe("4731");
    expect(roundLabel(123456.7)).toBe("123457");
    expect(roundLabel(-0.00012346)).toBe("-0.0001235");
    expect(roundLabel(26)).toBe("26");
    expect(roundLabel(Number.NEGATIVE_INFINITY)).toBe("-inf");
  });
  it("property: within half a unit of the 4th significant digit of the value", () => {
    fc.assert(
      fc.property(fc.double({ min: -9999, max: 9999, noNaN: true }), (v) => {
        const r = Number(roundLabel(v));
        expect(Math.abs(r - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-4 + 1e-300);
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});

describe("wrapLabel", () => {
  it("breaks at camelCase, -, _ and spaces; cuts a piece longer than the width", () => {
    // pieces Number|Of|Time30-|59|Days|Past|Due|Not|Worse packed greedily into 16 characters
    expect(wrapLabel("NumberOfTime30-59DaysPastDueNotWorse", 16)).toEqual([
      "NumberOfTime30-",
      "59DaysPastDueNot",
      "Worse",
    ]);
    expect(wrapLabel("age", 10)).toEqual(["age"]);
    expect(wrapLabel("[0.1738, 0.4891)", 9)).toEqual(["[0.1738,", "0.4891)"]);
    expect(wrapLabel("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
  it("at most maxLines lines, the last ending with an ellipsis when text is left", () => {
    expect(wrapLabel("self-employed, civil servant, unemployed, student", 10, 3)).toEqual([
      "self-",
      "employed,",
      "civil…",
    ]);
  });
  it("property: no line longer than the width; nothing lost when the lines suffice", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 2, max: 30 }), (text, width) => {
        const lines = wrapLabel(text, width, 1000);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("chart text", () => {
  it("textLines and axisTitle write escaped, positioned text", () => {
    expect(textLines(10, 20, ["a<b", "c"], 'class="tick"')).toBe(
      '<text x="10" y="20" class="tick"><tspan x="10" dy="0">a&lt;b</tspan><tspan x="10" dy="12">c</tspan></text>',
    );
    expect(axisTitle(600, 30, 200, "bad rate")).toBe(
      '<text x="600" y="130" class="label" text-anchor="middle" transform="rotate(-90 600 130)">bad rate</text>',
    );
  });

  it("a bar chart with a long title: legend below the title lines, bin labels whole, bad-rate axis titled", () => {
    const title = "monthly_income_to_total_household_obligations_ratio_last_12_months";
    const svg = barChart(
      { x: [0, 1], y: [0, 0.5], xLabel: title, yLabel: "share of rows", title },
      [
        { label: "[-inf, 0.1738)", values: [0.3] },
        { label: "[0.1738, +inf)", values: [0.5] },
      ],
      [{ name: "this data", color: "#36c" }],
      {
        name: "bad rate",
        color: "#c33",
        values: [0.1, 0.2],
        max: 0.25,
        format: (v) => `${Math.round(v * 100)}%`,
        axisTitle: "bad rate",
      },
    );
    // the title is wrapped over two lines (16 px apart) starting at y 18; the legend row starts at 18 + 16 + 10 = 44
    expect(svg).toContain('<text x="56" y="18" class="title"><tspan x="56" dy="0">');
    expect(svg).toContain('dy="16">');
    expect(svg).toMatch(/<rect x="56" y="44" width="10" height="10" fill="#36c"\/>/);
    // every bin label appears whole (a 244 px slot holds 39 characters)
    expect(svg).toContain(">[-inf, 0.1738)</tspan>");
    expect(svg).toContain(">[0.1738, +inf)</tspan>");
    expect(svg).not.toContain("…");
    // eight bins in 488 px: 61 px, 9 characters a line, so "[0.1738, 0.4891)" wraps over two lines
    const narrow = barChart(
      { x: [0, 1], y: [0, 1], xLabel: "x", yLabel: "share", title: "t" },
      Array.from({ length: 8 }, () => ({ label: "[0.1738, 0.4891)", values: [0.1] })),
      [{ name: "share", color: "#36c" }],
    );
    expect(narrow).toContain('dy="0">[0.1738,</tspan><tspan x="86.5" dy="12">0.4891)</tspan>');
    expect(svg).toContain('class="label" text-anchor="middle" transform="rotate(-90');
    expect(svg.match(/>bad rate<\/text>/g)?.length).toBe(2); // legend entry and right-axis title
    expect(esc(title)).toBe(title);
  });

  it("attributeLabel shows rounded cut points (the model keeps them exact)", () => {
    const c = {
      name: "util",
      feature: "util",
      type: "numeric",
      closure: "left",
      reasonCode: "util",
      attributes: [
        { kind: "interval", lower: null, upper: 0.173837531, points: 1 },
        { kind: "interval", lower: 0.173837531, upper: null, points: 0 },
        { kind: "special", values: [96.123456], points: 0 },
      ],
      fallback: { points: 0 },
    } as unknown as Characteristic;
    expect([0, 1, 2].map((a) => attributeLabel(c, a))).toEqual(["[-inf, 0.1738)", "[0.1738, +inf)", "= 96.12"]);
  });
});
