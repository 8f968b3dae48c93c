/**
 * Maps one PMML characteristic (attributes with predicates and partial scores) onto riskcard's
 * card model, exactly. The predicates compare each field with finitely many constants, so they are
 * constant between consecutive constants: evaluating one representative value of every piece (and
 * missing, and an unlisted category) decides, for every possible input, which attribute PMML
 * selects. A one-field characteristic with constant points becomes a version 1 numeric or
 * categorical characteristic (intervals, special values, categories, missing attribute) that
 * scores on the fast path; anything else becomes a version 2 rules characteristic. Inputs for which
 * PMML selects no attribute (PMML then returns no score) are refused unless the caller gives
 * `unmatchedPoints`. Internal to riskcard/pmml.
 */
import { type Issue, type IssuePath, issue } from "../schema/result";
import type {
  CategoricalCharacteristic,
  Characteristic,
  Expression,
  NumericCharacteristic,
  Predicate,
  RuleInput,
  RulesCharacteristic,
} from "../scorecard/types";
import { type Field, isValid } from "./fields";
import { type Env, evalPredicate, expressionFields, predicateConstants, predicateStrings } from "./predicates";

/** One PMML attribute, read. */
export interface SourceAttribute {
  readonly when: Predicate;
  readonly points: number | null;
  readonly expression: Expression | null;
  readonly reasonCode: string | undefined;
  readonly path: IssuePath;
}

/** One PMML characteristic, read. */
export interface SourceCharacteristic {
  readonly name: string;
  readonly reasonCode: string;
  readonly baselineScore: number | undefined;
  readonly attributes: readonly SourceAttribute[];
  /** The fields its predicates and expressions read, in order of first use. */
  readonly fields: readonly string[];
  readonly path: IssuePath;
}

/** The most input combinations checked for a rules characteristic. */
const MAX_COMBINATIONS = 4096;

/** A raw input value: a number, a category, an unlisted category, or missing. */
type Raw = number | string | typeof UNLISTED | null;
const UNLISTED: unique symbol = Symbol("unlisted category");
/** What the model reads after the MiningSchema treatments: a value, missing (null), or invalid (no score). */
type Read = number | string | null | typeof INVALID;
const INVALID: unique symbol = Symbol("invalid");

/** Applies the MiningSchema treatments (invalid values, then missing-value replacement). */
function treat(f: Field, raw: Raw): Read {
  let v: number | string | null = raw === UNLISTED ? "" : raw;
  if (raw !== null) {
    const valid = raw === UNLISTED ? f.validValues === null : isValid(f, raw as number | string);
    if (!valid) {
      if (f.invalid === "returnInvalid") return INVALID;
      if (f.invalid === "asMissing") v = null;
      else if (f.invalid === "asValue") v = f.invalidReplacement;
    }
  }
  if (v === null) return f.missingReplacement ?? null;
  // An unlisted category read as is equals no listed level.
  return raw === UNLISTED && v === "" ? "\u0000unlisted" : v;
}

/** The first attribute whose predicate is true for the record, -1 when none (or an expression reads a missing value). */
function select(c: SourceCharacteristic, env: Env): number {
  for (let i = 0; i < c.attributes.length; i++) {
    const a = c.attributes[i]!;
    if (evalPredicate(a.when, env) !== 1) continue;
    if (a.expression !== null)
      for (const f of expressionFields(a.expression)) if ((env.get(f) ?? null) === null) return -1;
    return i;
  }
  return -1;
}

/** Sorted numeric cut points of a field in a characteristic (its constants and the field's interval margins). */
function cutsOf(c: SourceCharacteristic, f: Field): number[] {
  const set = new Set<number>();
  for (const a of c.attributes) predicateConstants(a.when, f.name, set);
  for (const iv of f.intervals ?? []) {
    if (iv.lo !== null) set.add(iv.lo);
    if (iv.hi !== null) set.add(iv.hi);
  }
  if (typeof f.missingReplacement === "number") set.add(f.missingReplacement);
  if (typeof f.invalidReplacement === "number") set.add(f.invalidReplacement);
  return [...set].sort((a, b) => a - b);
}

/**
 * Levels of every categorical field of a model: its valid values, then the categories any
 * predicate names, then the replacement values. One list per field for the whole card, so that a
 * feature vector encodes each category the same way for every characteristic.
 */
export function modelLevels(
  chars: readonly SourceCharacteristic[],
  fields: ReadonlyMap<string, Field>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fields.values()) {
    if (!f.categorical) continue;
    const set = new Set<string>(f.validValues ?? []);
    for (const c of chars) for (const a of c.attributes) predicateStrings(a.when, f.name, set);
    if (typeof f.missingReplacement === "string") set.add(f.missingReplacement);
    if (typeof f.invalidReplacement === "string") set.add(f.invalidReplacement);
    out.set(f.name, [...set]);
  }
  return out;
}

/** Representative raw values of a numeric field: each cut point and a value inside each open piece between them. */
function numericPieces(cuts: readonly number[]): { open: (number | null)[]; points: number[] } {
  const open: (number | null)[] = [];
  for (let i = 0; i <= cuts.length; i++) {
    if (cuts.length === 0) open.push(0);
    else if (i === 0) open.push(cuts[0]! - Math.max(1, Math.abs(cuts[0]!)));
    else if (i === cuts.length) open.push(cuts[i - 1]! + Math.max(1, Math.abs(cuts[i - 1]!)));
    else {
      const mid = cuts[i - 1]! / 2 + cuts[i]! / 2;
      open.push(mid > cuts[i - 1]! && mid < cuts[i]! ? mid : null); // null: no double lies between
    }
  }
  return { open, points: [...cuts] };
}

/** Options of the mapping. */
export interface MapOptions {
  readonly unmatchedPoints: number | undefined;
  /** `modelLevels` of the model. */
  readonly levels: ReadonlyMap<string, readonly string[]>;
}

const unmatchedMessage =
  "for some inputs no Attribute is true (PMML then returns no score); cover every input (e.g. a last <True/> Attribute) or pass unmatchedPoints";

/**
 * Maps a read characteristic onto a riskcard characteristic.
 * @returns the characteristic, or null after pushing issues
 */
export function mapCharacteristic(
  c: SourceCharacteristic,
  fields: ReadonlyMap<string, Field>,
  options: MapOptions,
  issues: Issue[],
): Characteristic | null {
  const hasExpr = c.attributes.some((a) => a.expression !== null);
  if (c.fields.length === 0) {
    // Only True/False predicates: the first true attribute always applies.
    const i = select(c, new Map());
    if (i < 0) {
      if (options.unmatchedPoints === undefined) {
        issues.push(issue("invalid_value", c.path, unmatchedMessage));
        return null;
      }
    }
    return rules(c, [], fields, options, issues);
  }
  if (c.fields.length === 1 && !hasExpr) {
    const f = fields.get(c.fields[0]!)!;
    return f.categorical ? categorical(c, f, options, issues) : numeric(c, f, options, issues);
  }
  return rules(c, c.fields, fields, options, issues);
}

function attrPoints(c: SourceCharacteristic, i: number): { points: number; reasonCode?: string } {
  const a = c.attributes[i]!;
  return { points: a.points!, ...(a.reasonCode === undefined ? {} : { reasonCode: a.reasonCode }) };
}

function numeric(
  c: SourceCharacteristic,
  f: Field,
  options: MapOptions,
  issues: Issue[],
): NumericCharacteristic | null {
  const cuts = cutsOf(c, f);
  const { open, points } = numericPieces(cuts);
  const outcome = (raw: Raw): number => {
    const r = treat(f, raw);
    return r === INVALID ? -1 : select(c, new Map([[f.name, r as number | null]]));
  };
  const openOut = open.map((x) => (x === null ? null : outcome(x)));
  const pointOut = points.map((x) => outcome(x));
  const missingOut = outcome(null);
  if (
    options.unmatchedPoints === undefined &&
    (missingOut < 0 || openOut.some((o) => o !== null && o < 0) || pointOut.some((o) => o < 0))
  ) {
    issues.push(issue("invalid_value", c.path, unmatchedMessage));
    return null;
  }
  // Units of each closure: left [c(i-1), c(i)) = point(i-1) + open(i); right (c(i-1), c(i)] = open(i) + point(i).
  type Unit = { lo: number | null; hi: number | null; out: number };
  const build = (right: boolean): { units: Unit[]; specials: { x: number; out: number }[] } => {
    const units: Unit[] = [];
    const specials: { x: number; out: number }[] = [];
    const k = cuts.length;
    for (let i = 0; i <= k; i++) {
      const lo = i === 0 ? null : cuts[i - 1]!;
      const hi = i === k ? null : cuts[i]!;
      const pt = right ? (i < k ? i : -1) : i > 0 ? i - 1 : -1;
      const o = openOut[i] ?? (pt >= 0 ? pointOut[pt]! : -1);
      if (pt >= 0 && pointOut[pt] !== o) specials.push({ x: points[pt]!, out: pointOut[pt]! });
      const last = units[units.length - 1];
      if (last !== undefined && last.out === o) units[units.length - 1] = { lo: last.lo, hi, out: o };
      else units.push({ lo, hi, out: o });
    }
    return { units, specials };
  };
  const left = build(false);
  const right = build(true);
  const pick = right.specials.length < left.specials.length ? right : left;
  const attributes: NumericCharacteristic["attributes"][number][] = [];
  for (const u of pick.units)
    if (u.out >= 0) attributes.push({ kind: "interval", lower: u.lo, upper: u.hi, ...attrPoints(c, u.out) });
  for (const s of pick.specials)
    if (s.out >= 0) attributes.push({ kind: "special", values: [s.x], ...attrPoints(c, s.out) });
  if (missingOut >= 0) attributes.push({ kind: "missing", ...attrPoints(c, missingOut) });
  if (!attributes.some((a) => a.kind !== "missing")) {
    issues.push(issue("invalid_value", c.path, "no value of the field is scored by any Attribute"));
    return null;
  }
  // The fallback is reached by unmatched inputs (with unmatchedPoints) and by NaN, which reads as missing.
  const unmatched = missingOut < 0 || pick.units.some((u) => u.out < 0) || pick.specials.some((s) => s.out < 0);
  const fallback = unmatched ? { points: options.unmatchedPoints! } : attrPoints(c, missingOut);
  return {
    name: c.name,
    feature: f.name,
    type: "numeric",
    ...(pick === right ? { closure: "right" as const } : {}),
    reasonCode: c.reasonCode,
    ...(c.baselineScore === undefined ? {} : { baselineScore: c.baselineScore }),
    attributes,
    fallback,
  };
}

function categorical(
  c: SourceCharacteristic,
  f: Field,
  options: MapOptions,
  issues: Issue[],
): CategoricalCharacteristic | null {
  const levels = [...(options.levels.get(f.name) ?? [])];
  if (levels.length === 0) {
    issues.push(issue("invalid_value", c.path, "a categorical field without any listed category is not supported"));
    return null;
  }
  const outcome = (raw: Raw): number => {
    const r = treat(f, raw);
    return r === INVALID ? -1 : select(c, new Map([[f.name, r as string | null]]));
  };
  const levelOut = levels.map((l) => outcome(l));
  const unknownOut = outcome(UNLISTED);
  const missingOut = outcome(null);
  const anyUnmatched = unknownOut < 0 || missingOut < 0 || levelOut.some((o) => o < 0);
  if (anyUnmatched && options.unmatchedPoints === undefined) {
    issues.push(issue("invalid_value", c.path, unmatchedMessage));
    return null;
  }
  const attributes: CategoricalCharacteristic["attributes"][number][] = [];
  c.attributes.forEach((_, i) => {
    const cats = levels.filter((_, j) => levelOut[j] === i);
    if (cats.length > 0) attributes.push({ kind: "categories", categories: cats, ...attrPoints(c, i) });
  });
  const fallback = unknownOut >= 0 ? attrPoints(c, unknownOut) : { points: options.unmatchedPoints! };
  // Listed levels that match nothing must score like unmatched inputs even when unlisted ones match.
  const stray = levels.filter((_, j) => levelOut[j]! < 0);
  if (stray.length > 0 && unknownOut >= 0)
    attributes.push({ kind: "categories", categories: stray, points: options.unmatchedPoints! });
  if (missingOut >= 0) attributes.push({ kind: "missing", ...attrPoints(c, missingOut) });
  else if (unknownOut >= 0) attributes.push({ kind: "missing", points: options.unmatchedPoints! });
  if (!attributes.some((a) => a.kind !== "missing")) {
    issues.push(issue("invalid_value", c.path, "no category of the field is scored by any Attribute"));
    return null;
  }
  return {
    name: c.name,
    feature: f.name,
    type: "categorical",
    levels,
    reasonCode: c.reasonCode,
    ...(c.baselineScore === undefined ? {} : { baselineScore: c.baselineScore }),
    attributes,
    fallback,
  };
}

function rules(
  c: SourceCharacteristic,
  names: readonly string[],
  fields: ReadonlyMap<string, Field>,
  options: MapOptions,
  issues: Issue[],
): RulesCharacteristic | null {
  const inputs: RuleInput[] = [];
  const domains: Raw[][] = [];
  let okAll = true;
  for (const name of names) {
    const f = fields.get(name)!;
    if (f.missingReplacement !== null) {
      issues.push(
        issue(
          "invalid_value",
          [...f.path, "missingValueReplacement"],
          "not supported on a field read by a Characteristic over several fields or with ComplexPartialScore",
        ),
      );
      okAll = false;
      continue;
    }
    if (f.categorical) {
      const levels = [...(options.levels.get(f.name) ?? [])];
      if (levels.length === 0) {
        issues.push(issue("invalid_value", c.path, "a categorical field without any listed category is not supported"));
        okAll = false;
        continue;
      }
      let unknownLevel: "missing" | "asIs" = "asIs";
      if (f.validValues !== null) {
        if (f.invalid === "asMissing") unknownLevel = "missing";
        else if (f.invalid !== "asIs") {
          issues.push(
            issue(
              "invalid_value",
              [...f.path, "invalidValueTreatment"],
              "only asIs and asMissing are supported on a field read by a Characteristic over several fields or with ComplexPartialScore",
            ),
          );
          okAll = false;
          continue;
        }
        if (levels.some((l) => !f.validValues!.includes(l))) {
          issues.push(
            issue("invalid_value", c.path, "a predicate names a category that is not a valid Value of the field"),
          );
          okAll = false;
          continue;
        }
      }
      inputs.push({ feature: name, levels, ...(unknownLevel === "missing" ? { unknownLevel } : {}) });
      domains.push([...levels, UNLISTED, null]);
    } else {
      if (f.intervals !== null && f.invalid !== "asIs") {
        issues.push(
          issue(
            "invalid_value",
            [...f.path, "invalidValueTreatment"],
            "valid Intervals are supported with asIs only on a field read by a Characteristic over several fields or with ComplexPartialScore",
          ),
        );
        okAll = false;
        continue;
      }
      inputs.push({ feature: name });
      const { open, points } = numericPieces(cutsOf(c, f));
      domains.push([...open.filter((x): x is number => x !== null), ...points, null]);
    }
  }
  if (!okAll) return null;
  // Prove that every combination of pieces selects an attribute (or accept unmatchedPoints).
  let combos = 1;
  for (const d of domains) combos *= d.length;
  let unmatched = false;
  if (combos <= MAX_COMBINATIONS) {
    const at = new Array<number>(domains.length).fill(0);
    for (let n = 0; n < combos && !unmatched; n++) {
      const env = new Map<string, number | string | null>();
      domains.forEach((d, j) => {
        const inp = inputs[j]!;
        const raw = d[at[j]!]!;
        const f = fields.get(inp.feature)!;
        const r = treat(f, raw);
        env.set(inp.feature, r === INVALID ? null : (r as number | string | null));
      });
      if (select(c, env) < 0) unmatched = true;
      for (let j = 0; j < at.length; j++) {
        at[j]!++;
        if (at[j]! < domains[j]!.length) break;
        at[j] = 0;
      }
    }
  } else {
    const last = c.attributes[c.attributes.length - 1]!;
    unmatched =
      !(last.when.op === "true" && last.expression === null) || c.attributes.some((a) => a.expression !== null);
  }
  if (unmatched && options.unmatchedPoints === undefined) {
    issues.push(issue("invalid_value", c.path, unmatchedMessage));
    return null;
  }
  const first = inputs[0];
  if (first === undefined) {
    issues.push(issue("invalid_value", c.path, "a Characteristic must read at least one field"));
    return null;
  }
  return {
    name: c.name,
    feature: first.feature,
    type: "rules",
    reasonCode: c.reasonCode,
    ...(c.baselineScore === undefined ? {} : { baselineScore: c.baselineScore }),
    inputs,
    attributes: c.attributes.map((a) => ({
      kind: "rule" as const,
      when: a.when,
      ...(a.expression === null ? { points: a.points! } : { expression: a.expression }),
      ...(a.reasonCode === undefined ? {} : { reasonCode: a.reasonCode }),
    })),
    // Reached by inputs no attribute takes (with unmatchedPoints) and by a non-finite expression value.
    fallback: { points: options.unmatchedPoints ?? 0 },
  };
}
