import { pointsRange } from "../card";
import type { BinnedCharacteristic } from "../types";
import type { TrainedScorecard } from "./types";

/** Options of `modelCardMarkdown`. */
export interface ModelCardOptions {
  /** Heading of the card (default "Scorecard `<name>`"). */
  readonly title?: string;
  /** Paragraphs placed after the heading (what the data is, how it was made, caveats). */
  readonly intro?: readonly string[];
  /** Extra rows for the training table, e.g. `["method", "monotonic"]`. */
  readonly settings?: readonly (readonly [string, string])[];
}

const f4 = (x: number): string => x.toFixed(4);
const cell = (s: string): string => s.replace(/\|/g, "\\|");

/**
 * Writes a model card in Markdown for a trained scorecard: data and date from the artefact's
 * training metadata, the scaling, one row per characteristic (IV, bins, points range, coefficient,
 * reason code and message, what a missing value scores), the train and test AUC, KS and score PSI,
 * and the variables dropped with their reason. Formatting only: every number comes from the
 * result of `trainScorecard`.
 * @param trained the result of `trainScorecard`
 * @param options title, intro paragraphs, extra settings rows
 * @returns the Markdown text, ending with a newline
 * @example modelCardMarkdown(germanTrained).startsWith("## Scorecard") // => true
 */
export function modelCardMarkdown(trained: TrainedScorecard, options: ModelCardOptions = {}): string {
  const { artefact, report, card } = trained;
  const out: string[] = [];
  out.push(`## ${options.title ?? `Scorecard \`${artefact.name}\``}`, "");
  for (const p of options.intro ?? []) out.push(p, "");
  if (artefact.description !== undefined) out.push(`> ${artefact.description}`, "");
  out.push("### Training", "", "| | |", "|---|---|");
  if (artefact.training !== undefined) {
    out.push(`| data | ${cell(artefact.training.data)} |`, `| date | ${artefact.training.date} |`);
  }
  for (const [k, v] of options.settings ?? []) out.push(`| ${cell(k)} | ${cell(v)} |`);
  const s = artefact.scaling;
  if (s !== null) {
    const odds =
      s.odds === "bad:good"
        ? `bad:good odds ${Number(s.odds0.toPrecision(6))} (1:${Number((1 / s.odds0).toPrecision(6))})`
        : `good:bad odds ${s.odds0}`;
    out.push(
      `| scaling | ${s.points0} points at ${odds}, ${s.pdo} points to double the odds: score = ${s.offset.toFixed(4)} - ${s.factor.toFixed(4)} × ln(bad/good) |`,
    );
  }
  out.push(
    `| rounding | ${artefact.rounding}; base points ${artefact.base === "separate" ? artefact.basePoints : "spread over the characteristics"} |`,
  );
  const kept = report.variables.filter((v) => v.kept);
  const lo = kept.reduce((a, v) => a + (v.minPoints ?? 0), artefact.basePoints);
  const hi = kept.reduce((a, v) => a + (v.maxPoints ?? 0), artefact.basePoints);
  out.push(`| score range | ${lo} to ${hi} |`, "");

  out.push("### Performance", "", "| set | rows | bads | AUC | KS |", "|---|---:|---:|---:|---:|");
  out.push(
    `| train | ${report.train.rows} | ${report.train.bads} | ${f4(report.train.auc)} | ${f4(report.train.ks)} |`,
  );
  if (report.test !== undefined)
    out.push(
      `| holdout | ${report.test.rows} | ${report.test.bads} | ${f4(report.test.auc)} | ${f4(report.test.ks)} |`,
    );
  out.push("");
  if (report.psi !== undefined)
    out.push(`Score PSI, holdout against train (train-score deciles): ${f4(report.psi)}.`, "");

  const messages = new Map((artefact.reasons ?? []).map((r) => [r.code, r.message]));
  out.push(
    "### Characteristics",
    "",
    "| characteristic | IV | bins | points | missing value | coefficient | reason code | message |",
    "|---|---:|---:|---:|---|---:|---|---|",
  );
  for (const ch of card.characteristics) {
    const v = report.variables.find((x) => x.name === ch.feature)!;
    const r = pointsRange(ch as BinnedCharacteristic);
    const miss = ch.attributes.find((a) => a.kind === "missing");
    const missText =
      miss === undefined
        ? `fallback ${ch.fallback.points}`
        : `${miss.points}${miss.reasonCode === undefined ? "" : ` (${miss.reasonCode})`}`;
    out.push(
      `| \`${ch.feature}\` | ${f4(v.iv)} | ${ch.attributes.length} | ${r.min} to ${r.max} | ${missText} | ${v.coefficient?.toFixed(4) ?? ""} | ${ch.reasonCode} | ${cell(messages.get(ch.reasonCode) ?? "")} |`,
    );
  }
  out.push("");
  const extra = [...messages].filter(([c]) => !card.characteristics.some((ch) => ch.reasonCode === c));
  if (extra.length > 0) {
    out.push("Reason codes of missing attributes: " + extra.map(([c, m]) => `${c} "${m}"`).join(", ") + ".", "");
  }
  const dropped = report.variables.filter((v) => !v.kept);
  const by = new Map<string, string[]>();
  for (const v of dropped) {
    const k = v.reason ?? "dropped";
    by.set(k, [...(by.get(k) ?? []), v.name]);
  }
  if (dropped.length > 0) {
    out.push(`### Dropped candidates (${dropped.length})`, "");
    for (const [k, names] of by)
      out.push(`- ${k.replace(/_/g, " ")} (${names.length}): ${names.map((x) => `\`${x}\``).join(", ")}`);
    out.push("");
  }
  if (report.steps.length > 0) {
    out.push("### Fit steps", "");
    for (const st of report.steps) out.push(`- ${st}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
