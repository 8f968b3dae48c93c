import type { CharacteristicReport, ReportData } from "./report-data";
import { renderShapes } from "./report-shapes";
import { barChart, esc, lineChart } from "./svg";

const BLUE = "#3b6fb6";
const RED = "#c8463d";
const GREY = "#999999";

/**
 * Fixed-decimal formatting used throughout the report (and by the tests that read it back).
 * @example [fmt.stat(0.81449), fmt.pct(0.1234), fmt.points(12.345)] // => ["0.8145", "12.34%", "12.35"]
 */
export const fmt = {
  /** AUC, Gini, KS, PSI, WoE, IV: 4 decimals. */
  stat: (v: number): string => v.toFixed(4),
  /** Shares and rates as percentages with 2 decimals. */
  pct: (v: number): string => `${(v * 100).toFixed(2)}%`,
  /** Points and scores: up to 2 decimals, trailing zeros dropped. */
  points: (v: number): string => String(Math.round(v * 100) / 100),
  count: (v: number): string => v.toLocaleString("en-US"),
};

function psiWord(v: number): string {
  return v < 0.1 ? "stable" : v <= 0.25 ? "some shift" : "significant shift";
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function characteristicSection(c: CharacteristicReport): string {
  const maxShare = Math.max(0.05, ...c.rows.map((r) => Math.max(r.share, r.expectedShare ?? 0)));
  const maxRate = Math.max(0.05, ...c.rows.map((r) => r.badRate));
  // an empty attribute has no bad rate: its point is left out of the line (NaN)
  const withRef = c.rows.some((r) => r.expectedShare !== null);
  const chart = barChart(
    {
      x: [0, 1],
      y: [0, Math.min(1, maxShare * 1.15)],
      xLabel: c.feature,
      yLabel: "share of rows",
      title: c.name,
      yFormat: (v) => `${Math.round(v * 100)}%`,
      height: 280,
    },
    c.rows.map((r) => ({ label: r.label, values: withRef ? [r.share, r.expectedShare ?? 0] : [r.share] })),
    withRef
      ? [
          { name: "this data", color: BLUE },
          { name: "training", color: GREY },
        ]
      : [{ name: "share", color: BLUE }],
    {
      name: "bad rate",
      color: RED,
      values: c.rows.map((r) => (r.count === 0 ? Number.NaN : r.badRate)),
      max: Math.min(1, maxRate * 1.15),
      format: (v) => `${Math.round(v * 100)}%`,
      axisTitle: "bad rate",
    },
  );
  const head = ["attribute", "count", "share", "goods", "bads", "bad rate", "WoE", "IV", "points"];
  if (withRef) head.push("training share");
  const rows = c.rows.map((r) => {
    const cells = [
      r.label,
      fmt.count(r.count),
      fmt.pct(r.share),
      fmt.count(r.good),
      fmt.count(r.bad),
      fmt.pct(r.badRate),
      r.woe === null ? "-" : fmt.stat(r.woe),
      fmt.stat(r.iv),
      r.points === null ? "expression" : fmt.points(r.points),
    ];
    if (withRef) cells.push(r.expectedShare === null ? "-" : fmt.pct(r.expectedShare));
    return cells;
  });
  const numeric = head.map((_, i) => i > 0);
  const csi = c.csi === null ? "" : `, CSI ${fmt.stat(c.csi)} (${psiWord(c.csi)})`;
  return `<section class="char"><h3>${esc(c.name)} <small>${esc(c.type)}, IV ${fmt.stat(c.iv)}${esc(csi)}</small></h3><div class="row">${chart}${table(head, rows, numeric)}</div></section>`;
}

/**
 * Renders report data as one self-contained HTML page: inline CSS and SVG charts, no scripts, no
 * network. Every number shown comes from `data`, formatted by `fmt`.
 * @param data the output of `computeReport`
 * @returns the HTML text
 * @example renderReport(computeReport({ card: germanCard, scored: scoreTable(germanCard, germanTable), labels: germanLabels, source: "german_credit.csv", target: "creditability", reference: null })).startsWith("<!doctype html>") // => true
 */
export function renderReport(data: ReportData): string {
  const d = data.discrimination;
  const ksIdx = data.ksCurve.score.indexOf(d.ksScore);
  const roc = lineChart(
    {
      x: [0, 1],
      y: [0, 1],
      xLabel: "false positive rate (goods below the cut-off)",
      yLabel: "true positive rate (bads)",
      title: `ROC curve (AUC ${fmt.stat(d.auc)})`,
      yFormat: fmt.points,
    },
    [
      { name: "score", color: BLUE, x: data.roc.fpr, y: data.roc.tpr },
      { name: "random", color: GREY, x: [0, 1], y: [0, 1], dashed: true },
    ],
  );
  const sc = data.ksCurve.score;
  const lo = sc[0] ?? 0;
  const hi = sc[sc.length - 1] ?? 1;
  const ks = lineChart(
    {
      x: [lo, hi],
      y: [0, 1],
      xLabel: "score",
      yLabel: "cumulative share",
      title: `KS curve (KS ${fmt.stat(d.ks)} at score ${fmt.points(d.ksScore)})`,
      yFormat: (v) => `${Math.round(v * 100)}%`,
    },
    [
      { name: "bads", color: RED, x: sc, y: data.ksCurve.cumBadShare },
      { name: "goods", color: BLUE, x: sc, y: data.ksCurve.cumGoodShare },
    ],
    (sx, sy) => {
      if (ksIdx < 0) return "";
      const x = sx(d.ksScore).toFixed(1);
      return `<line x1="${x}" x2="${x}" y1="${sy(data.ksCurve.cumGoodShare[ksIdx]!).toFixed(1)}" y2="${sy(data.ksCurve.cumBadShare[ksIdx]!).toFixed(1)}" stroke="#222" stroke-width="2" stroke-dasharray="3 3"/>`;
    },
  );
  const dist = data.distribution;
  const goodShares = dist.map((b) => b.good / Math.max(1, data.data.goods));
  const badShares = dist.map((b) => b.bad / Math.max(1, data.data.bads));
  const distChart = barChart(
    {
      x: [0, 1],
      y: [0, Math.max(0.05, ...goodShares, ...badShares) * 1.1],
      xLabel: "score (bin lower bound)",
      yLabel: "share of class",
      title: "Score distribution of goods and bads",
      yFormat: (v) => `${Math.round(v * 100)}%`,
    },
    dist.map((b, i) => ({ label: fmt.points(Math.round(b.lower)), values: [goodShares[i]!, badShares[i]!] })),
    [
      { name: "goods", color: BLUE },
      { name: "bads", color: RED },
    ],
  );
  const bandChart = barChart(
    {
      x: [0, 1],
      y: [0, Math.min(1, Math.max(0.05, ...data.bands.map((b) => b.badRate)) * 1.15)],
      xLabel: "score band (10 equal groups, riskiest first)",
      yLabel: "bad rate",
      title: "Bad rate by score band",
      yFormat: (v) => `${Math.round(v * 100)}%`,
    },
    data.bands.map((b) => ({ label: `${fmt.points(b.minScore)}-${fmt.points(b.maxScore)}`, values: [b.badRate] })),
    [{ name: "bad rate", color: RED }],
  );
  const bandTable = table(
    ["band", "scores", "count", "bads", "bad rate", "cum. bads captured", "cum. goods", "lift", "KS"],
    data.bands.map((b) => [
      String(b.group),
      `${fmt.points(b.minScore)} - ${fmt.points(b.maxScore)}`,
      fmt.count(b.count),
      fmt.count(b.bad),
      fmt.pct(b.badRate),
      fmt.pct(b.cumBadShare),
      fmt.pct(b.cumGoodShare),
      b.lift.toFixed(2),
      fmt.stat(b.ks),
    ]),
    [false, false, true, true, true, true, true, true, true],
  );
  let stability = `<p class="note">The model carries no training distribution (train it with <code>riskcard train</code> to record one), so PSI is not shown.</p>`;
  if (data.stability !== null) {
    const st = data.stability;
    const chart = barChart(
      {
        x: [0, 1],
        y: [0, Math.max(0.05, ...st.rows.map((r) => Math.max(r.expectedShare, r.actualShare))) * 1.15],
        xLabel: "training score decile",
        yLabel: "share of rows",
        title: `Score stability: PSI ${fmt.stat(st.psi)} (${psiWord(st.psi)})`,
        yFormat: (v) => `${Math.round(v * 100)}%`,
      },
      st.rows.map((r, i) => ({ label: String(i + 1), values: [r.expectedShare, r.actualShare] })),
      [
        { name: "training", color: GREY },
        { name: "this data", color: BLUE },
      ],
    );
    const t = table(
      ["score bin", "training count", "training share", "count", "share", "PSI term"],
      st.rows.map((r) => [
        r.label,
        fmt.count(r.expectedCount),
        fmt.pct(r.expectedShare),
        fmt.count(r.actualCount),
        fmt.pct(r.actualShare),
        fmt.stat(r.contribution),
      ]),
      [false, true, true, true, true, true],
    );
    stability = `<div class="row">${chart}${t}</div><p class="note">PSI = sum (actual - expected) ln(actual / expected) over the training score deciles; below 0.1 stable, 0.1 to 0.25 some shift, above 0.25 significant shift (Siddiqi 2006).</p>`;
  }
  const m = data.model;
  const odds = (v: number): string => (v < 1 ? `1/${fmt.points(1 / v)}` : fmt.points(v));
  const scaling =
    m.scaling === null
      ? "no probability scale"
      : `${fmt.points(m.scaling.points0)} points at ${m.scaling.odds} odds ${odds(m.scaling.odds0)}, ${fmt.points(m.scaling.pdo)} points to double the odds`;
  const trained =
    m.trainedOn === null
      ? ""
      : `<div><b>Trained on</b> ${esc(m.trainedOn)}${m.trainedDate ? ` (${esc(m.trainedDate)})` : ""}</div>`;
  const tiles = [
    ["AUC", fmt.stat(d.auc)],
    ["Gini", fmt.stat(d.gini)],
    ["KS", fmt.stat(d.ks)],
    ["PSI", data.stability === null ? "n/a" : fmt.stat(data.stability.psi)],
    ["bad rate", fmt.pct(data.data.badRate)],
  ]
    .map(([k, v]) => `<div class="tile"><div class="k">${esc(k!)}</div><div class="v">${esc(v!)}</div></div>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Validation report: ${m.name}`)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
main{max-width:1240px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #d9dde4;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
h3 small{font-weight:normal;color:#5b6475}.meta{color:#4b5465}.meta div{margin:2px 0}
.tiles{display:flex;gap:12px;margin:14px 0;flex-wrap:wrap}.tile{background:#fff;border:1px solid #d9dde4;border-radius:6px;padding:8px 16px;min-width:110px}
.tile .k{color:#5b6475;font-size:12px;text-transform:uppercase;letter-spacing:.04em}.tile .v{font-size:22px;font-weight:600}
.row{display:flex;gap:18px;flex-wrap:wrap;align-items:flex-start}svg{background:#fff;border:1px solid #d9dde4;border-radius:6px}
table{border-collapse:collapse;background:#fff;font-size:12.5px;border:1px solid #d9dde4}th,td{padding:3px 8px;border-bottom:1px solid #eceef2;text-align:left}
th{background:#eef1f5;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{stroke:#eceef2}.axis{stroke:#888}.frame{fill:none;stroke:#b9bfca}.tick{font-size:10.5px;fill:#4b5465}.label{font-size:11.5px;fill:#1d2330}.title{font-size:13px;font-weight:600;fill:#1d2330}
.note{color:#5b6475;font-size:12.5px}code{background:#eef1f5;padding:0 3px;border-radius:3px}
</style></head>
<body><main>
<h1>${esc(`Validation report: ${m.name}`)}</h1>
<div class="meta">
<div><b>Data</b> ${esc(data.data.source)}: ${fmt.count(data.data.rows)} rows, ${fmt.count(data.data.bads)} bads (target <code>${esc(data.data.target)}</code>), ${fmt.count(data.data.goods)} goods</div>
<div><b>Model</b> ${esc(m.kind === "expert" ? "expert card" : "points scorecard")}, ${m.characteristics} characteristics; ${esc(scaling)}</div>
${trained}
</div>
<div class="tiles">${tiles}</div>
<h2>Discrimination</h2>
<div class="row">${roc}${ks}</div>
<h2>Score distribution and bad rate by band</h2>
<div class="row">${distChart}${bandChart}</div>
${bandTable}
<h2>Stability against the training distribution</h2>
${stability}
<h2>Characteristics</h2>
<p class="note">Per attribute: counts on this data, bad rate, WoE = ln((bads/all bads) / (goods/all goods)) with zero counts as 0.9, IV, and the points the card gives.</p>
${data.characteristics.map(characteristicSection).join("\n")}
${data.shapes === undefined ? "" : renderShapes(data.shapes)}
<p class="note">Generated by riskcard report. Self-contained: no scripts, no network.</p>
</main></body></html>
`;
}
