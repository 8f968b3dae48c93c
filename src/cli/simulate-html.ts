import type { PolicySummary, SimulationReport } from "../simulate";
import { fmt } from "./report-html";
import { barChart, esc } from "./svg";

const BLUE = "#3b6fb6";
const ORANGE = "#d9822b";
const OUTCOMES = ["approve", "review", "decline"] as const;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h, i) => `<th${i > 0 ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const cny = (fen: number): string => (fen / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * Renders a simulation report as a self-contained HTML page (inline SVG, no scripts, no network)
 * in the style of the validation report: tiles, the swap matrix, rates chart, summary, reasons, changed ids.
 * @param r a `SimulationReport`
 * @param names labels of the base and candidate configurations (file names)
 * @returns the HTML text
 * @example renderSimulation(simulate({ base: {}, candidate: {}, applicants: [applicant], asOf }), { base: "a.json", candidate: "b.json" }).startsWith("<!doctype html>") // => true
 */
export function renderSimulation(r: SimulationReport, names: { base: string; candidate: string }): string {
  const rows = (f: (s: PolicySummary) => string): [string, string] => [f(r.base), f(r.candidate)];
  const summary: [string, ...string[]][] = [
    ["approve", ...rows((s) => fmt.count(s.approve))],
    ["review", ...rows((s) => fmt.count(s.review))],
    ["decline", ...rows((s) => fmt.count(s.decline))],
    ["approval rate", ...rows((s) => fmt.pct(s.approvalRate))],
    ["review rate", ...rows((s) => fmt.pct(s.reviewRate))],
    ["decline rate", ...rows((s) => fmt.pct(s.declineRate))],
    ["bad rate among approved", ...rows((s) => (s.badRate === null ? "n/a" : fmt.pct(s.badRate)))],
    ["total limit (CNY)", ...rows((s) => cny(s.totalLimitFen))],
    ["mean limit (CNY)", ...rows((s) => cny(s.meanLimitFen))],
    ["mean APR", ...rows((s) => fmt.pct(s.meanApr))],
    ["expected loss, sum PD x limit (CNY)", ...rows((s) => cny(s.expectedLossFen))],
  ];
  const swap = table(
    ["base \\ candidate", ...OUTCOMES],
    OUTCOMES.map((b) => [b, ...OUTCOMES.map((c) => fmt.count(r.swap[b][c]))]),
  );
  const chart = barChart(
    {
      x: [0, 1],
      y: [0, 1],
      xLabel: "outcome",
      yLabel: "share of applicants",
      title: "Outcome rates",
      yFormat: (v) => `${Math.round(v * 100)}%`,
    },
    OUTCOMES.map((o) => ({
      label: o,
      values: [rate(r.base, o), rate(r.candidate, o)],
    })),
    [
      { name: names.base, color: BLUE },
      { name: names.candidate, color: ORANGE },
    ],
  );
  const reasons = table(
    ["reason code", "base", "candidate", "change"],
    r.reasons.filter((x) => x.change !== 0).map((x) => [x.code, String(x.base), String(x.candidate), signed(x.change)]),
  );
  const changed = table(
    ["applicant id", "outcome", "band", "limit (CNY)"],
    r.changed
      .slice(0, 500)
      .map((c) => [
        c.id,
        `${c.outcome[0]} -> ${c.outcome[1]}`,
        `${c.band[0]} -> ${c.band[1]}`,
        `${c.limitFen[0] === null ? "-" : cny(c.limitFen[0])} -> ${c.limitFen[1] === null ? "-" : cny(c.limitFen[1])}`,
      ]),
  );
  const tiles = [
    ["applicants", fmt.count(r.decided)],
    ["approval", `${fmt.pct(r.base.approvalRate)} -> ${fmt.pct(r.candidate.approvalRate)}`],
    ["expected loss (CNY)", `${cny(r.base.expectedLossFen)} -> ${cny(r.candidate.expectedLossFen)}`],
    ["changed", fmt.count(r.changed.length)],
  ]
    .map(([k, v]) => `<div class="tile"><div class="k">${esc(k!)}</div><div class="v">${esc(v!)}</div></div>`)
    .join("");
  const title = `Policy simulation: ${names.base} vs ${names.candidate}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
main{max-width:1240px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #d9dde4;padding-bottom:4px}
.meta{color:#4b5465}.tiles{display:flex;gap:12px;margin:14px 0;flex-wrap:wrap}.tile{background:#fff;border:1px solid #d9dde4;border-radius:6px;padding:8px 16px;min-width:110px}
.tile .k{color:#5b6475;font-size:12px;text-transform:uppercase;letter-spacing:.04em}.tile .v{font-size:20px;font-weight:600}
.row{display:flex;gap:18px;flex-wrap:wrap;align-items:flex-start}svg{background:#fff;border:1px solid #d9dde4;border-radius:6px}
table{border-collapse:collapse;background:#fff;font-size:12.5px;border:1px solid #d9dde4}th,td{padding:3px 8px;border-bottom:1px solid #eceef2;text-align:left}
th{background:#eef1f5;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{stroke:#eceef2}.axis{stroke:#888}.frame{fill:none;stroke:#b9bfca}.tick{font-size:10.5px;fill:#4b5465}.label{font-size:11.5px;fill:#1d2330}.title{font-size:13px;font-weight:600;fill:#1d2330}
.note{color:#5b6475;font-size:12.5px}
</style></head>
<body><main>
<h1>${esc(title)}</h1>
<div class="meta">As of ${esc(new Date(r.asOf).toISOString())}; ${fmt.count(r.decided)} applicants decided, ${fmt.count(r.invalid)} invalid. Base ${esc(r.versions.base.scorecard)}; candidate ${esc(r.versions.candidate.scorecard)}.</div>
<div class="tiles">${tiles}</div>
<h2>Outcome swap matrix</h2>
<div class="row">${swap}${chart}</div>
<h2>Summary</h2>
${table(["", names.base, names.candidate], summary)}
<h2>Reasons whose count changed</h2>
${reasons}
<h2>Applicants whose outcome, band or limit changed</h2>
<p class="note">Pseudonymous ids only${r.changed.length > 500 ? `; the first 500 of ${fmt.count(r.changed.length)} (all are in the JSON)` : ""}.</p>
${changed}
<p class="note">Generated by riskcard simulate. Self-contained: no scripts, no network.</p>
</main></body></html>
`;
}

function rate(s: PolicySummary, o: (typeof OUTCOMES)[number]): number {
  return o === "approve" ? s.approvalRate : o === "review" ? s.reviewRate : s.declineRate;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
