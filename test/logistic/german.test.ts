/**
 * References recorded from Debian bookworm python3-statsmodels 0.13.5 and python3-sklearn 1.2.1
 * (CI has no Python). Script, run from the repo root with /usr/bin/python3:
 *
 *   import numpy as np, pandas as pd, statsmodels.api as sm
 *   df = pd.read_csv("fixtures/german-credit/german_credit.csv")
 *   y = (df["creditability"] == "bad").astype(int).to_numpy()
 *   def woe_encode(codes):   # WoE = ln((bad_i/B)/(good_i/G)), zero counts -> 0.9 (none occur here)
 *       t = pd.DataFrame({"bin": codes, "y": y}).groupby("bin")["y"].agg(["sum", "count"])
 *       bad = t["sum"].astype(float); good = (t["count"] - t["sum"]).astype(float)
 *       bad[bad == 0] = 0.9; good[good == 0] = 0.9
 *       woe = np.log((bad / bad.sum()) / (good / good.sum()))
 *       return pd.Series(codes).map(woe).to_numpy()
 *   def cut(col, breaks):    # left-closed [b_i, b_i+1)
 *       return np.searchsorted(np.array(breaks, float), df[col].to_numpy(float), side="right")
 *   cols = { <the 8 columns below, categorical via woe_encode(df[c]), numeric via woe_encode(cut(c, breaks))> }
 *   X = sm.add_constant(pd.DataFrame(cols))
 *   r = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
 *   print(r.params, r.bse, r.llf)
 *   from sklearn.linear_model import LogisticRegression
 *   m = LogisticRegression(C=0.5, solver="newton-cg", tol=1e-12, max_iter=1000).fit(pd.DataFrame(cols).to_numpy(), y)
 *   print(m.intercept_, m.coef_)
 *
 * The WoE encoding is computed independently here (pandas) and in the test (riskcard binning).
 */
import { describe, expect, it } from "vitest";
import { fitLogistic, predictProba, predictProbaBatch } from "../../src/logistic";
import { GERMAN_SPEC as spec, germanWoeDesign } from "./german-design";

const { X, y } = germanWoeDesign();
const gc = { y };

const smParams = [
  -0.8451632146258847, 0.8076052255073334, 0.6306729039597225, 0.7383494964021797, 0.6717294392014018,
  0.7589548794639438, 0.7677872915062786, 0.29074784624573496, 0.5067728981888984,
];
const smBse = [
  0.08108882806153067, 0.10281601490470262, 0.16523177706140518, 0.15047902017097656, 0.20159319262216566,
  0.19328254321440275, 0.24093907335963324, 0.2960337152881394, 0.2713956763549446,
];
const smLlf = -484.16913059407887;

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("fitLogistic on German credit WoE vs statsmodels Logit (recorded)", () => {
  const m = fitLogistic(X, gc.y, { featureNames: spec.map((s) => s[0]) });
  it("the WoE design matches the pandas encoding (row 0)", () => {
    const row0 = [
      0.8180987056949414, -1.3121863889661687, -0.7337405775251988, 0.03366128257313178, -0.7042460736279941,
      -0.1941560144409575, -0.1941560144409575, -0.461034959262975,
    ];
    row0.forEach((v, j) => {
      expect(Math.abs(X[0]![j]! - v)).toBeLessThan(1e-12);
    });
  });
  it("coefficients and standard errors agree to 1e-6 relative; log-likelihood too", () => {
    expect(m.converged).toBe(true);
    expect(rel(m.intercept, smParams[0]!)).toBeLessThan(1e-6);
    m.coefficients.forEach((c, j) => {
      expect(rel(c, smParams[j + 1]!)).toBeLessThan(1e-6);
    });
    expect(m.standardErrors.length).toBe(9);
    m.standardErrors.forEach((s, j) => {
      expect(rel(s, smBse[j]!)).toBeLessThan(1e-6);
    });
    expect(rel(m.logLikelihood, smLlf)).toBeLessThan(1e-9);
    expect(m.featureNames).toEqual(spec.map((s) => s[0]));
  });
  it("L2 matches sklearn LogisticRegression(C=0.5) (l2 = 1/C, intercept unpenalized) to 1e-6", () => {
    const r = fitLogistic(X, gc.y, { l2: 2 });
    const sk = [
      -0.837718274735669, 0.798400938533404, 0.6200050376417658, 0.709334425909388, 0.629872180308787,
      0.7064839151524399, 0.6868945901422403, 0.2796834381989149, 0.457285098370709,
    ];
    expect(rel(r.intercept, sk[0]!)).toBeLessThan(1e-6);
    r.coefficients.forEach((c, j) => {
      expect(rel(c, sk[j + 1]!)).toBeLessThan(1e-6);
    });
  });
  it("predictProba and the batch variants agree with each other", () => {
    const flat = new Float64Array(X.flat());
    const a = predictProbaBatch(m, flat);
    const b = predictProbaBatch(m, X);
    for (let i = 0; i < X.length; i += 97) {
      expect(a[i]).toBe(predictProba(m, X[i]!));
      expect(b[i]).toBe(a[i]);
    }
  });
});
