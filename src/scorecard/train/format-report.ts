import type { TrainReport, VariableReport } from "./types";

const REASON_TEXT: Readonly<Record<string, string>> = {
  excluded: "excluded",
  missing_rate: "missing rate",
  identical_rate: "identical rate",
  low_iv: "low IV",
  correlated: "correlated",
  max_variables: "over maxVariables",
  wrong_sign: "wrong sign",
  p_value: "p-value",
};

/**
 * Formats a training report as a plain-text table (what `riskcard train` prints): the kept
 * variables by decreasing IV with bins, points range and coefficient, the dropped ones with their
 * reason, then train/test AUC, KS and the score PSI. Formatting only: every figure comes from the
 * report.
 * @param report a `TrainReport` from `trainScorecard`
 * @param options `dropped`: also list dropped variables (default true)
 * @returns the text, lines separated by `\n`, ending with a newline
 * @example formatTrainReport(germanTrained.report).split("\n")[0] // => "variable      IV  bins     points    coef"
 */
export function formatTrainReport(report: TrainReport, options: { readonly dropped?: boolean } = {}): string {
  const kept = report.variables.filter((v) => v.kept).sort((a, b) => b.iv - a.iv);
  const rows: string[][] = [["variable", "IV", "bins", "points", "coef"]];
  for (const v of kept) {
    rows.push([
      v.name,
      v.iv.toFixed(4),
      String(v.bins ?? ""),
      `${fmt(v.minPoints)} to ${fmt(v.maxPoints)}`,
      v.coefficient?.toFixed(4) ?? "",
    ]);
  }
  const lines = table(rows);
  if (options.dropped !== false) {
    const dropped = report.variables.filter((v) => !v.kept);
    if (dropped.length > 0) {
      lines.push("", `dropped (${dropped.length}):`);
      const drows: string[][] = [["variable", "IV", "reason"]];
      for (const v of dropped) drows.push([v.name, v.iv.toFixed(4), why(v)]);
      lines.push(...table(drows));
    }
  }
  lines.push("");
  lines.push(
    `train: ${report.train.rows} rows, ${report.train.bads} bad, AUC ${report.train.auc.toFixed(4)}, KS ${report.train.ks.toFixed(4)}`,
  );
  if (report.test !== undefined) {
    lines.push(
      `test:  ${report.test.rows} rows, ${report.test.bads} bad, AUC ${report.test.auc.toFixed(4)}, KS ${report.test.ks.toFixed(4)}`,
    );
  }
  if (report.psi !== undefined) lines.push(`score PSI (test vs train): ${report.psi.toFixed(4)}`);
  return `${lines.join("\n")}\n`;
}

function fmt(x: number | undefined): string {
  return x === undefined ? "" : String(Number(x.toFixed(2)));
}

function why(v: VariableReport): string {
  const r = v.reason === undefined ? "" : (REASON_TEXT[v.reason] ?? v.reason);
  if (v.reason === "correlated" && v.correlatedWith !== undefined)
    return `${r} with ${v.correlatedWith} (|r| ${v.correlation?.toFixed(2)})`;
  if ((v.reason === "wrong_sign" || v.reason === "p_value") && v.coefficient !== undefined) {
    return `${r} (coef ${v.coefficient.toFixed(4)}, p ${v.pValue?.toPrecision(2)})`;
  }
  return r;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}
