/**
 * `npm start` (a demo, not part of the package build): scores the SYNTHETIC sample applicants in fixtures/applicants.jsonl with the default
 * engine and prints a summary a person can read: outcomes, score distribution, sample decisions with
 * their reasons, and AUC/KS of the score and PD against the synthetic outcomes (computed here).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Decision, createEngine } from "../src/index";
import { auc, ks } from "../src/metrics";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const AS_OF = Date.UTC(2026, 5, 30); // the synthetic population's decision time (fixtures/README.md)

function readJsonl(path: string): unknown[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
}

const applicants = readJsonl(join(root, "fixtures/applicants.jsonl"));
const outcomes = readJsonl(join(root, "fixtures/outcomes.jsonl")) as {
  id: string;
  defaulted: boolean;
  fraud: boolean;
}[];
const engine = createEngine();

const t0 = process.hrtime.bigint();
const decisions: Decision[] = applicants.map((a) => engine.decide(a, { asOf: AS_OF }));
const elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;

const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`;
const pad = (s: string | number, n: number): string => String(s).padStart(n);
const out: string[] = [];
const n = decisions.length;

out.push(
  `riskcard: ${n} SYNTHETIC applicants scored as of ${new Date(AS_OF).toISOString().slice(0, 10)} in ${elapsedMs.toFixed(0)} ms (${((elapsedMs * 1000) / n).toFixed(0)} us each in a cold process, validation and JIT warm-up included; steady state in bench/RESULTS.md)`,
);
out.push(`card: ${engine.versions.scorecard}`);
out.push(`rules: ${engine.versions.rules}; policy: ${engine.versions.policy}; ${engine.versions.features}`);
out.push("");

out.push("Outcomes");
for (const o of ["approve", "review", "decline"] as const) {
  const k = decisions.filter((d) => d.outcome === o).length;
  out.push(`  ${o.padEnd(8)} ${pad(k, 5)}  ${pad(pct(k, n), 6)}`);
}
const declineCauses = new Map<string, number>();
for (const d of decisions) {
  if (d.outcome !== "decline") continue;
  const first = d.reasons[0];
  const key = first ? `${first.source}: ${first.code}` : "(none)";
  declineCauses.set(key, (declineCauses.get(key) ?? 0) + 1);
}
out.push("  decline causes (first reason):");
for (const [k, v] of [...declineCauses].sort((a, b) => b[1] - a[1]).slice(0, 8)) out.push(`    ${pad(v, 4)}  ${k}`);
out.push("");

out.push("Score distribution (by band; bad rate from the synthetic outcomes)");
out.push("  band    n   share  min score  max score  mean PD  observed bad rate");
for (const b of ["A", "B", "C", "D", "E"] as const) {
  const idx = decisions.map((d, i) => (d.band === b ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) {
    out.push(`  ${b}    ${pad(0, 5)}`);
    continue;
  }
  const scores = idx.map((i) => decisions[i]!.score);
  const meanPd = idx.reduce((s, i) => s + decisions[i]!.pd, 0) / idx.length;
  const bads = idx.filter((i) => outcomes[i]!.defaulted).length;
  out.push(
    `  ${b}   ${pad(idx.length, 5)}  ${pad(pct(idx.length, n), 6)}  ${pad(Math.min(...scores).toFixed(0), 9)}  ${pad(Math.max(...scores).toFixed(0), 9)}  ${pad(pct(meanPd, 1), 7)}  ${pad(pct(bads, idx.length), 17)}`,
  );
}
out.push("");

// Discrimination against the synthetic outcomes (minors and guard declines included: the card still scores them).
const labels = outcomes.map((o) => (o.defaulted ? 1 : 0));
const pds = decisions.map((d) => d.pd);
const scores = decisions.map((d) => d.score);
out.push("Discrimination against the synthetic default outcomes");
out.push(
  `  AUC ${auc(pds, labels).toFixed(4)}   KS ${ks(pds, labels).toFixed(4)}   (PD; score AUC ${auc(scores, labels, { higherIsBad: false }).toFixed(4)})`,
);
const fraudLabels = outcomes.map((o) => (o.fraud ? 1 : 0));
// fraudAction leaves compliance rules (under 18) out: those are guards, not fraud.
const flagged = decisions.map((d) => (d.fraud.fraudAction === "decline" || d.fraud.fraudAction === "review" ? 1 : 0));
const tp = flagged.filter((f, i) => f === 1 && fraudLabels[i] === 1).length;
const fp = flagged.filter((f, i) => f === 1 && fraudLabels[i] === 0).length;
const frauds = fraudLabels.filter((f) => f === 1).length;
out.push(
  `  fraud rules flagged ${tp} of ${frauds} synthetic fraud applicants (recall ${pct(tp, frauds)}), and ${fp} of ${n - frauds} others (FPR ${pct(fp, n - frauds)})`,
);
out.push("");

out.push("Sample decisions");
for (const o of ["approve", "review", "decline"] as const) {
  const d = decisions.find((x) => x.outcome === o && x.reasons.length > 1);
  if (!d) continue;
  out.push(
    `  ${d.applicantId}: ${d.outcome.toUpperCase()}  score ${d.score.toFixed(0)}  band ${d.band}  PD ${pct(d.pd, 1)}`,
  );
  if (d.offer) {
    const o2 = d.offer;
    out.push(
      `    offer: limit ${(o2.limitFen / 100).toFixed(2)} CNY, ${o2.termMonths} months, rate ${pct(o2.annualRate, 1)}, APR ${pct(o2.aprNominal, 1)} (IRR, fees included), first payment ${(o2.monthlyPaymentFen / 100).toFixed(2)} CNY`,
    );
  }
  for (const r of d.reasons.slice(0, 4))
    out.push(`    - [${r.source}] ${r.code}: ${r.message}${r.points !== undefined ? ` (-${r.points} points)` : ""}`);
}

console.log(out.join("\n"));

// One traced decision, explained from its trace (decide with { trace: true }; see the README's "Decision records").
{
  const i = decisions.findIndex((d) => d.outcome === "approve" && d.reasons.length > 0);
  const traced = engine.decide(applicants[i], { asOf: AS_OF, trace: true });
  const t = traced.trace!;
  const lines: string[] = ["", `Traced decision: ${t.applicantId} (${traced.outcome.toUpperCase()})`];
  const g = t.guards;
  lines.push(
    `  guards: age ${g.ageYears}, consent ${g.consentGiven ? "given" : "missing"}, real name ${g.realNameVerified ? "verified" : "not verified"}, ID ${g.idVerified ? "verified" : "not verified"}`,
  );
  const base = (engine.card as { basePoints?: number }).basePoints ?? 0;
  lines.push(
    `  score ${t.scorecard.score} = ${base} base points + the points of each characteristic (its reason baseline in brackets):`,
  );
  for (const c of t.scorecard.characteristics) {
    const v = t.features[c.feature];
    lines.push(
      `    ${c.name.padEnd(32)} value ${String(v === null ? "missing" : Math.round((v ?? 0) * 1000) / 1000).padStart(12)}  ${pad(c.points, 4)} points (${c.baseline})`,
    );
  }
  lines.push(`  PD ${pct(t.scorecard.pd, 1)} -> band ${t.scorecard.band}`);
  lines.push(
    `  fraud rules: ${t.rules.hits.length} hit, action ${t.rules.action}; ${Object.keys(t.facts).length} facts read`,
  );
  const o = t.offer;
  if (o !== null) {
    lines.push(`  limit: start ${(o.startFen / 100).toFixed(0)} CNY, bounds tried:`);
    for (const b of o.bounds) lines.push(`    ${b.bound.padEnd(11)} ${(b.capFen / 100).toFixed(0)} CNY`);
    lines.push(
      `  bound that set the limit: ${o.binding}; limit ${((o.limitFen ?? 0) / 100).toFixed(0)} CNY over ${o.termMonths} months; rate ${pct(o.annualRateBeforeCap, 1)} before the cap, ${pct(o.annualRate, 1)} after; APR ${pct(o.aprNominal, 1)} (IRR of the cash flows)`,
    );
  }
  const replayed = engine.replay(traced);
  lines.push(
    `  replayed from the trace alone: ${replayed.identical ? "identical" : "different"}; trace ${JSON.stringify(t).length} bytes`,
  );
  console.log(lines.join("\n"));
}

// The default strategy (models/strategy.json): thin-file applicants to the expert card, the others to the statistical card.
{
  const strategy = createEngine({ strategy: "default" });
  const bySegment = new Map<string, Record<Decision["outcome"], number>>();
  for (const a of applicants) {
    const d = strategy.decide(a, { asOf: AS_OF });
    const id = d.versions.segment!.slice(0, d.versions.segment!.indexOf(" ("));
    const c = bySegment.get(id) ?? { approve: 0, review: 0, decline: 0 };
    c[d.outcome]++;
    bySegment.set(id, c);
  }
  const lines = ["", `Default strategy (${strategy.versions.segment!.slice(3, -1)}): counts and outcomes per segment`];
  lines.push("  segment        n   approve   review  decline");
  for (const [id, c] of bySegment) {
    const k = c.approve + c.review + c.decline;
    lines.push(
      `  ${id.padEnd(10)} ${pad(k, 5)}  ${pad(pct(c.approve, k), 8)} ${pad(pct(c.review, k), 8)} ${pad(pct(c.decline, k), 8)}`,
    );
  }
  console.log(lines.join("\n"));
}
