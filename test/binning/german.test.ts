/**
 * Published reference: R package scorecard, docs/reference/woebin.html (ShichenXie/scorecard),
 * `woebin(germancredit, x = c("credit.amount", "housing"), method = "tree")`, figures copied in
 * ../shared/datasets/README.md and fixtures/german-credit/README.md.
 */
import { describe, expect, it } from "vitest";
import { applyBins, binCategorical, binNumeric } from "../../src/binning";
import { germanCredit } from "./german-credit";

const gc = germanCredit();

describe("German credit: credit_amount, breaks 1400/1800/4000/9200", () => {
  const b = binNumeric(gc.num("credit_amount"), gc.y, { breaks: [1400, 1800, 4000, 9200], feature: "credit_amount" });
  it("has the published counts and bads", () => {
    expect(b.bins.map((x) => x.count)).toEqual([267, 105, 382, 196, 50]);
    expect(b.bins.map((x) => x.bad)).toEqual([82, 18, 95, 76, 29]);
    expect(b.bins.map((x) => [x.lower, x.upper])).toEqual([
      [null, 1400],
      [1400, 1800],
      [1800, 4000],
      [4000, 9200],
      [9200, null],
    ]);
    expect(b.feature).toBe("credit_amount");
  });
  it("reproduces the published WoE and IV to 1e-6", () => {
    const published = [0.03366128, -0.7282385, -0.25830746, 0.39053946, 1.17007125];
    b.bins.forEach((x, i) => {
      expect(Math.abs(x.woe - published[i]!)).toBeLessThan(1e-6);
    });
    expect(Math.abs(b.totalIv - 0.1812204)).toBeLessThan(1e-6);
  });
  it("goodOverBad flips every WoE and keeps the IV", () => {
    const o = binNumeric(gc.num("credit_amount"), gc.y, { breaks: [1400, 1800, 4000, 9200], woeSign: "goodOverBad" });
    o.bins.forEach((x, i) => {
      expect(x.woe).toBeCloseTo(-b.bins[i]!.woe, 14);
    });
    expect(o.totalIv).toBeCloseTo(b.totalIv, 14);
    expect(o.woeSign).toBe("goodOverBad");
  });
  it("applyBins maps left-closed: 1399 -> bin 1, 1400 -> bin 2, 9200 -> bin 5", () => {
    const w = applyBins(b, [1399, 1400, 1799.5, 9200, 1e9, 0]);
    expect(Array.from(w)).toEqual([
      b.bins[0]!.woe,
      b.bins[1]!.woe,
      b.bins[1]!.woe,
      b.bins[4]!.woe,
      b.bins[4]!.woe,
      b.bins[0]!.woe,
    ]);
  });
});

describe("German credit: housing", () => {
  it("reproduces the published WoE rent/own/for free and IV to 1e-6", () => {
    const b = binCategorical(gc.str("housing"), gc.y, { minBinShare: 0 });
    const woeOf = (c: string): number => b.bins.find((x) => x.categories.includes(c))!.woe;
    expect(Math.abs(woeOf("rent") - 0.4044452)).toBeLessThan(1e-6);
    expect(Math.abs(woeOf("own") - -0.194156)).toBeLessThan(1e-6);
    expect(Math.abs(woeOf("for free") - 0.4726044)).toBeLessThan(1e-6);
    expect(Math.abs(b.totalIv - 0.08329343)).toBeLessThan(1e-6);
    // bins come in increasing bad rate
    expect(b.bins.map((x) => x.categories[0])).toEqual(["own", "rent", "for free"]);
  });
});
