import { compiledOf } from "../scorecard/internal";
import type { Characteristic, Expression, Predicate, Scorecard, ScorecardJSON } from "../scorecard/types";

/** Escapes text for an XML attribute value or element content. */
function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A number in PMML's NUMBER (xs:double) form; JavaScript's shortest round-trip text. */
function n(x: number): string {
  return String(x);
}

/** A value of a PMML Array of strings: quoted, with `\` and `"` escaped. */
function arrayText(values: readonly string[]): string {
  return values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(" ");
}

const OP: Record<"lt" | "le" | "gt" | "ge" | "eq" | "ne", string> = {
  lt: "lessThan",
  le: "lessOrEqual",
  gt: "greaterThan",
  ge: "greaterOrEqual",
  eq: "equal",
  ne: "notEqual",
};

function predicateXml(p: Predicate, pad: string): string {
  switch (p.op) {
    case "true":
      return `${pad}<True/>`;
    case "false":
      return `${pad}<False/>`;
    case "isMissing":
    case "isNotMissing":
      return `${pad}<SimplePredicate field="${esc(p.feature)}" operator="${p.op}"/>`;
    case "in":
    case "notIn": {
      const strings = p.values.every((v) => typeof v === "string");
      const text = strings ? arrayText(p.values as string[]) : p.values.map((v) => n(v as number)).join(" ");
      return `${pad}<SimpleSetPredicate field="${esc(p.feature)}" booleanOperator="${p.op === "in" ? "isIn" : "isNotIn"}">\n${pad}  <Array n="${p.values.length}" type="${strings ? "string" : "real"}">${esc(text)}</Array>\n${pad}</SimpleSetPredicate>`;
    }
    case "and":
    case "or":
    case "xor":
    case "surrogate":
      return `${pad}<CompoundPredicate booleanOperator="${p.op}">\n${p.args.map((a) => predicateXml(a, `${pad}  `)).join("\n")}\n${pad}</CompoundPredicate>`;
    default:
      return `${pad}<SimplePredicate field="${esc(p.feature)}" operator="${OP[p.op]}" value="${esc(typeof p.value === "number" ? n(p.value) : p.value)}"/>`;
  }
}

function expressionXml(e: Expression, pad: string): string {
  if (e.op === "const") return `${pad}<Constant dataType="double">${n(e.value)}</Constant>`;
  if (e.op === "field") return `${pad}<FieldRef field="${esc(e.feature)}"/>`;
  return `${pad}<Apply function="${esc(e.fn)}">\n${e.args.map((a) => expressionXml(a, `${pad}  `)).join("\n")}\n${pad}</Apply>`;
}

/** The predicate of each attribute of a one-feature characteristic, in the card's priority order. */
function binnedAttributes(c: Characteristic): { when: Predicate; points: number; reasonCode?: string | undefined }[] {
  if (c.type === "rules") return [];
  const f = c.feature;
  const out: { when: Predicate; points: number; reasonCode?: string | undefined; rank: number }[] = [];
  const right = c.type === "numeric" && c.closure === "right";
  for (const a of c.attributes) {
    let when: Predicate;
    let rank: number;
    if (a.kind === "missing") {
      when = { op: "isMissing", feature: f };
      rank = 0;
    } else if (a.kind === "special") {
      when =
        a.values.length === 1
          ? { op: "eq", feature: f, value: a.values[0]! }
          : { op: "in", feature: f, values: a.values };
      rank = 1; // exact values are checked before intervals
    } else if (a.kind === "categories") {
      when =
        a.categories.length === 1
          ? { op: "eq", feature: f, value: a.categories[0]! }
          : { op: "in", feature: f, values: a.categories };
      rank = 1;
    } else {
      const lo: Predicate | null = a.lower === null ? null : { op: right ? "gt" : "ge", feature: f, value: a.lower };
      const hi: Predicate | null = a.upper === null ? null : { op: right ? "le" : "lt", feature: f, value: a.upper };
      when =
        lo !== null && hi !== null ? { op: "and", args: [lo, hi] } : (lo ?? hi ?? { op: "isNotMissing", feature: f });
      rank = 2;
    }
    out.push({ when, points: a.points, reasonCode: a.reasonCode, rank });
  }
  return out.sort((x, y) => x.rank - y.rank);
}

/** The baseline riskcard's reason codes use for a characteristic (its baselineScore, else max or min points). */
function baselineOf(c: Characteristic, below: boolean): number {
  if (c.baselineScore !== undefined) return c.baselineScore;
  let hi = -Infinity;
  let lo = Infinity;
  for (const a of c.attributes) {
    hi = Math.max(hi, a.points ?? -Infinity);
    lo = Math.min(lo, a.points ?? Infinity);
  }
  return below ? hi : lo;
}

/**
 * Writes a points scorecard as a PMML 4.4 document (a `Scorecard` model, valid against the PMML
 * 4.4 XML Schema) that scores and gives reason codes exactly as the card does: each characteristic's
 * attributes become predicates in riskcard's priority order (missing, exact values or categories,
 * intervals with the card's closure), its fallback a final `<True/>` attribute, every baseline is
 * written explicitly, and the card's scaling and reason messages travel in an `Extension`
 * (extender "riskcard") that `loadPmml` reads back. Not representable, so refused: expert cards
 * (weighted categories; their rescaled points can be exported after `buildScorecard`). PMML has no
 * NaN input; a rules characteristic's non-finite expression gives no score in PMML.
 * @param card a loaded points card (`kind: "points"`)
 * @returns the PMML text
 * @throws {TypeError} when the card was not loaded by riskcard or is an expert card
 * @throws {RangeError} when a feature is read both as numeric and as categorical, or categorical
 * inputs read one feature with different treatments of unknown categories
 * @example toPmml(pmmlSampleCard).startsWith('<?xml version="1.0"') // => true
 */
export function toPmml(card: Scorecard): string {
  compiledOf(card);
  if (card.kind !== "points" || card.artefact.format !== "riskcard.scorecard")
    throw new TypeError("toPmml writes points cards; an expert card's categories have no PMML form");
  const art: ScorecardJSON = card.artefact;
  const below = (art.reasonCodeAlgorithm ?? "pointsBelow") === "pointsBelow";
  // Fields: numeric, or categorical with levels and a treatment of unknown categories.
  const fields = new Map<string, { levels: string[] | null; unknown: "asIs" | "asMissing" }>();
  const addField = (feature: string, levels: readonly string[] | null, unknown: "asIs" | "asMissing"): void => {
    const f = fields.get(feature);
    if (f === undefined) {
      fields.set(feature, { levels: levels === null ? null : [...levels], unknown });
      return;
    }
    if ((f.levels === null) !== (levels === null))
      throw new RangeError(`feature "${feature}" is read both as numeric and as categorical`);
    if (f.levels !== null && levels !== null) {
      if (f.unknown !== unknown)
        throw new RangeError(`feature "${feature}" is read with different treatments of unknown categories`);
      for (const l of levels) if (!f.levels.includes(l)) f.levels.push(l);
    }
  };
  for (const c of art.characteristics) {
    if (c.type === "numeric") addField(c.feature, null, "asIs");
    else if (c.type === "categorical") addField(c.feature, c.levels, "asIs");
    else
      for (const inp of c.inputs)
        addField(inp.feature, inp.levels ?? null, inp.unknownLevel === "missing" ? "asMissing" : "asIs");
  }
  let target = "riskcard_score";
  while (fields.has(target)) target = `_${target}`;
  const L: string[] = [];
  L.push('<?xml version="1.0" encoding="UTF-8"?>');
  L.push('<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">');
  L.push(`  <Header description="${esc(art.description ?? art.name)}">`);
  L.push('    <Application name="riskcard"/>');
  L.push("  </Header>");
  L.push(`  <DataDictionary numberOfFields="${fields.size + 1}">`);
  for (const [name, f] of fields) {
    if (f.levels === null) L.push(`    <DataField name="${esc(name)}" optype="continuous" dataType="double"/>`);
    else {
      L.push(`    <DataField name="${esc(name)}" optype="categorical" dataType="string">`);
      for (const l of f.levels) L.push(`      <Value value="${esc(l)}"/>`);
      L.push("    </DataField>");
    }
  }
  L.push(`    <DataField name="${target}" optype="continuous" dataType="double"/>`);
  L.push("  </DataDictionary>");
  const useRc = art.useReasonCodes !== false;
  L.push(
    `  <Scorecard modelName="${esc(art.name)}" functionName="regression" initialScore="${n(art.basePoints)}" useReasonCodes="${useRc}" reasonCodeAlgorithm="${below ? "pointsBelow" : "pointsAbove"}" baselineMethod="other">`,
  );
  const extra = { scaling: art.scaling, ...(art.reasons === undefined ? {} : { reasons: art.reasons }) };
  L.push(`    <Extension extender="riskcard" name="card" value="${esc(JSON.stringify(extra))}"/>`);
  L.push("    <MiningSchema>");
  for (const [name, f] of fields)
    L.push(`      <MiningField name="${esc(name)}" usageType="active" invalidValueTreatment="${f.unknown}"/>`);
  L.push(`      <MiningField name="${target}" usageType="target"/>`);
  L.push("    </MiningSchema>");
  L.push("    <Output>");
  L.push('      <OutputField name="Final Score" optype="continuous" dataType="double" feature="predictedValue"/>');
  if (useRc)
    for (let r = 1; r <= 4; r++)
      L.push(
        `      <OutputField name="Reason Code ${r}" optype="categorical" dataType="string" feature="reasonCode" rank="${r}"/>`,
      );
  L.push("    </Output>");
  L.push("    <Characteristics>");
  for (const c of art.characteristics) {
    const baseline = useRc ? ` baselineScore="${n(baselineOf(c, below))}"` : "";
    L.push(`      <Characteristic name="${esc(c.name)}" reasonCode="${esc(c.reasonCode)}"${baseline}>`);
    const rc = (code: string | undefined): string => (code === undefined ? "" : ` reasonCode="${esc(code)}"`);
    if (c.type === "rules") {
      for (const a of c.attributes) {
        if (a.expression === undefined) L.push(`        <Attribute partialScore="${n(a.points!)}"${rc(a.reasonCode)}>`);
        else L.push(`        <Attribute${rc(a.reasonCode)}>`);
        L.push(predicateXml(a.when, "          "));
        if (a.expression !== undefined) {
          L.push("          <ComplexPartialScore>");
          L.push(expressionXml(a.expression, "            "));
          L.push("          </ComplexPartialScore>");
        }
        L.push("        </Attribute>");
      }
    } else {
      for (const a of binnedAttributes(c)) {
        L.push(`        <Attribute partialScore="${n(a.points)}"${rc(a.reasonCode)}>`);
        L.push(predicateXml(a.when, "          "));
        L.push("        </Attribute>");
      }
    }
    L.push(`        <Attribute partialScore="${n(c.fallback.points)}"${rc(c.fallback.reasonCode)}>`);
    L.push("          <True/>");
    L.push("        </Attribute>");
    L.push("      </Characteristic>");
  }
  L.push("    </Characteristics>");
  L.push("  </Scorecard>");
  L.push("</PMML>");
  return `${L.join("\n")}\n`;
}
