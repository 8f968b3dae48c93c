import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import { loadScorecard } from "../scorecard/load";
import { pdoScaling } from "../scorecard/pdo-scaling";
import type {
  Characteristic,
  Predicate,
  ReasonMessage,
  ScalingParams,
  Scorecard,
  ScorecardJSON,
} from "../scorecard/types";
import { type SourceAttribute, type SourceCharacteristic, mapCharacteristic, modelLevels } from "./characteristic";
import { type Field, pmmlNumber, readFields } from "./fields";
import { expressionChild, predicateChild, readExpression, readPredicate } from "./predicates";
import { type XmlElement, childrenNamed, parseXml } from "./xml";

/** Options of `loadPmml`. */
export interface LoadPmmlOptions {
  /**
   * Points for inputs for which the PMML model gives no score (no attribute true, an invalid value
   * under `returnInvalid`, a missing regression input without replacement). Without it such models
   * are refused, since riskcard scores every input.
   */
  readonly unmatchedPoints?: number;
  /** RegressionModel: the target category that means "bad" (default: the first RegressionTable's). */
  readonly badCategory?: string;
  /**
   * The points scale, `score = offset - factor * ln(bad/good)`. For a RegressionModel it sets the
   * points (default `{ points0: 0, odds0: 1, pdo: ln 2, odds: "bad:good" }`: the score is the
   * log-odds of good); for a Scorecard it is the calibration the card was built with, needed for
   * PDs and by `createEngine` (PMML has no place for it; `toPmml` keeps it in an Extension).
   */
  readonly scaling?: ScalingParams;
}

const NAMESPACE = /^http:\/\/www\.dmg\.org\/PMML-4_[0-4]$/;
const MODELS = new Set([
  "AssociationModel",
  "BayesianNetworkModel",
  "BaselineModel",
  "ClusteringModel",
  "GaussianProcessModel",
  "GeneralRegressionModel",
  "MiningModel",
  "NaiveBayesModel",
  "NearestNeighborModel",
  "NeuralNetwork",
  "RegressionModel",
  "RuleSetModel",
  "SequenceModel",
  "Scorecard",
  "SupportVectorMachineModel",
  "TextModel",
  "TimeSeriesModel",
  "TreeModel",
  "AnomalyDetectionModel",
]);
/** Model children that describe rather than change the model: read past. */
const INFORMATIONAL = new Set([
  "Extension",
  "MiningSchema",
  "Output",
  "ModelStats",
  "ModelExplanation",
  "ModelVerification",
]);

/**
 * Reads a PMML 4.x document holding one `Scorecard` or binary logistic `RegressionModel` into a
 * riskcard scorecard that scores exactly as the PMML model does (PMML 4.4 Scorecard and Regression
 * semantics, DataDictionary and MiningSchema treatments), on the fast path whenever each
 * characteristic reads one field with constant points. Anything riskcard cannot honour is refused
 * with an issue whose path names the element (`["PMML", "Scorecard", 0, "Characteristics", 0,
 * "Characteristic", 2, ...]`); nothing is ignored silently except `Extension` elements and the
 * informational Output, ModelStats, ModelExplanation and ModelVerification. The XML is parsed
 * strictly, without DTDs (a DOCTYPE is refused) and with size and depth caps.
 * @param xml the PMML document
 * @param options `unmatchedPoints`, and for a RegressionModel `badCategory` and `scaling`
 * @returns `{ ok: true, value: card }` (its `artefact` is a `riskcard.scorecard` JSON artefact,
 * usable as `createEngine({ scorecard })`) or `{ ok: false, issues }`
 * @example loadPmml(toPmml(pmmlSampleCard)).ok // => true
 */
export function loadPmml(xml: string, options: LoadPmmlOptions = {}): Result<Scorecard> {
  const a = pmmlToArtefact(xml, options);
  return a.ok ? loadScorecard(a.value) : a;
}

/**
 * Throwing twin of `loadPmml`: the same checks, the card itself or an `ArtefactError`.
 * @param xml the PMML document
 * @param options as `loadPmml`
 * @returns the card
 * @throws {ArtefactError} carrying the issues when the document is refused
 * @example loadPmmlOrThrow(toPmml(pmmlSampleCard)).characteristics.length // => 3
 */
export function loadPmmlOrThrow(xml: string, options: LoadPmmlOptions = {}): Scorecard {
  const r = loadPmml(xml, options);
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues, "PMML document");
}

/**
 * Deprecated name of `loadPmmlOrThrow` (documented before the Result-or-throw rule).
 * @deprecated use `loadPmmlOrThrow`
 * @param xml the PMML document
 * @param options as `loadPmml`
 * @returns the card
 * @throws {ArtefactError} carrying the issues when the document is refused
 * @example parsePmml(toPmml(pmmlSampleCard)).characteristics.length // => 3
 */
export const parsePmml: (xml: string, options?: LoadPmmlOptions) => Scorecard = loadPmmlOrThrow;

/**
 * Reads a PMML document into a `riskcard.scorecard` artefact (JSON data, not yet loaded); see `loadPmml`.
 * @param xml the PMML document
 * @param options as `loadPmml`
 * @returns the artefact or issues
 * @example pmmlToArtefact(toPmml(pmmlSampleCard)).ok // => true
 */
export function pmmlToArtefact(xml: string, options: LoadPmmlOptions = {}): Result<ScorecardJSON> {
  if (options.unmatchedPoints !== undefined && !Number.isFinite(options.unmatchedPoints))
    return fail([issue("not_finite", ["options", "unmatchedPoints"], "expected a finite number")]);
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (root.name !== "PMML" || !NAMESPACE.test(root.ns))
    return fail([issue("invalid_format", root.path, "expected a PMML element in a PMML 4.x namespace")]);
  const issues: Issue[] = [];
  let dictionary: XmlElement | null = null;
  const models: XmlElement[] = [];
  for (const c of root.children) {
    if (c.name === "DataDictionary") dictionary = c;
    else if (MODELS.has(c.name)) models.push(c);
    else if (c.name === "TransformationDictionary") {
      if (c.children.some((x) => x.name !== "Extension"))
        issues.push(issue("invalid_value", c.path, "TransformationDictionary is not supported"));
    } else if (c.name !== "Header" && c.name !== "MiningBuildTask" && c.name !== "Extension")
      issues.push(issue("invalid_value", c.path, "unexpected element"));
  }
  if (dictionary === null) issues.push(issue("missing", root.path, "no DataDictionary"));
  if (models.length !== 1) issues.push(issue("invalid_value", root.path, "expected exactly one model"));
  if (issues.length > 0 || dictionary === null) return fail(issues);
  const model = models[0]!;
  if (model.name !== "Scorecard" && model.name !== "RegressionModel")
    return fail([issue("invalid_value", model.path, "only Scorecard and RegressionModel are supported")]);
  if (model.attrs.isScorable === "false")
    return fail([issue("invalid_value", [...model.path, "isScorable"], "the model is marked not scorable")]);
  const schema = childrenNamed(model, "MiningSchema")[0];
  if (schema === undefined) return fail([issue("missing", model.path, "no MiningSchema")]);
  for (const c of model.children) {
    if (INFORMATIONAL.has(c.name)) continue;
    if (c.name === "LocalTransformations" || c.name === "Targets") {
      if (c.children.some((x) => x.name !== "Extension"))
        issues.push(issue("invalid_value", c.path, `${c.name} is not supported`));
    } else if (model.name === "Scorecard" ? c.name !== "Characteristics" : c.name !== "RegressionTable")
      issues.push(issue("invalid_value", c.path, "unexpected element"));
  }
  const { fields } = readFields(dictionary, schema, issues);
  if (issues.length > 0) return fail(issues);
  const r = model.name === "Scorecard" ? scorecard(model, fields, options) : regression(model, fields, options);
  return r;
}

function bool(el: XmlElement, name: string, dflt: boolean, issues: Issue[]): boolean {
  const v = el.attrs[name];
  if (v === undefined) return dflt;
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  issues.push(issue("invalid_value", [...el.path, name], "expected true or false"));
  return dflt;
}

function num(el: XmlElement, name: string, issues: Issue[]): number | undefined {
  const t = el.attrs[name];
  if (t === undefined) return undefined;
  const n = pmmlNumber(t);
  if (n === null) issues.push(issue("invalid_value", [...el.path, name], "expected a number"));
  return n ?? undefined;
}

/**
 * The card data `toPmml` writes in `<Extension extender="riskcard" name="card" value="{json}"/>`:
 * the scaling and the reason messages (validated later with the whole artefact).
 */
function riskcardExtension(model: XmlElement, issues: Issue[]): { scaling?: unknown; reasons?: unknown } {
  const ext = model.children.find(
    (c) => c.name === "Extension" && c.attrs.extender === "riskcard" && c.attrs.name === "card",
  );
  if (ext === undefined) return {};
  try {
    const v: unknown = JSON.parse(ext.attrs.value ?? "");
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    const o = v as Record<string, unknown>;
    return {
      ...(Object.hasOwn(o, "scaling") ? { scaling: o.scaling } : {}),
      ...(Object.hasOwn(o, "reasons") ? { reasons: o.reasons } : {}),
    };
  } catch {
    issues.push(issue("invalid_format", [...ext.path, "value"], "the riskcard Extension holds no JSON object"));
    return {};
  }
}

function scorecard(model: XmlElement, fields: Map<string, Field>, options: LoadPmmlOptions): Result<ScorecardJSON> {
  const issues: Issue[] = [];
  if ((model.attrs.functionName ?? "") !== "regression")
    issues.push(
      issue("invalid_value", [...model.path, "functionName"], "a Scorecard must have functionName regression"),
    );
  const initialScore = num(model, "initialScore", issues) ?? 0;
  const useReasonCodes = bool(model, "useReasonCodes", true, issues);
  const algorithm = model.attrs.reasonCodeAlgorithm ?? "pointsBelow";
  if (algorithm !== "pointsBelow" && algorithm !== "pointsAbove")
    issues.push(issue("invalid_enum", [...model.path, "reasonCodeAlgorithm"], "expected pointsBelow or pointsAbove"));
  const method = model.attrs.baselineMethod ?? "other";
  if (!["max", "min", "mean", "neutral", "other"].includes(method))
    issues.push(issue("invalid_enum", [...model.path, "baselineMethod"], "expected max, min, mean, neutral or other"));
  const modelBaseline = num(model, "baselineScore", issues);
  const chars = childrenNamed(model, "Characteristics")[0];
  if (chars === undefined) return fail([...issues, issue("missing", model.path, "no Characteristics")]);
  const sources: SourceCharacteristic[] = [];
  const names = new Set<string>();
  childrenNamed(chars, "Characteristic").forEach((ch, ci) => {
    const used = new Set<string>();
    const attrs: SourceAttribute[] = [];
    let okAll = true;
    for (const a of childrenNamed(ch, "Attribute")) {
      const pe = predicateChild(a);
      if (pe === null) {
        issues.push(issue("missing", a.path, "an Attribute needs a predicate"));
        okAll = false;
        continue;
      }
      for (const c of a.children)
        if (c !== pe && c.name !== "Extension" && c.name !== "ComplexPartialScore") {
          issues.push(issue("invalid_value", c.path, "unexpected element"));
          okAll = false;
        }
      const when: Predicate | null = readPredicate(pe, fields, issues, used);
      const cps = childrenNamed(a, "ComplexPartialScore")[0];
      let expression = null;
      if (cps !== undefined) {
        const ee = expressionChild(cps);
        if (ee === null) {
          issues.push(issue("missing", cps.path, "ComplexPartialScore needs an expression"));
          okAll = false;
          continue;
        }
        expression = readExpression(ee, fields, issues, used);
        if (expression === null) okAll = false;
      }
      const points = num(a, "partialScore", issues) ?? null;
      if (cps === undefined && points === null) {
        issues.push(
          issue("missing", [...a.path, "partialScore"], "an Attribute needs partialScore or ComplexPartialScore"),
        );
        okAll = false;
      }
      if (when === null) okAll = false;
      if (!okAll) continue;
      attrs.push({ when: when!, points, expression, reasonCode: a.attrs.reasonCode, path: a.path });
    }
    if (attrs.length === 0 && okAll) {
      issues.push(issue("too_small", ch.path, "a Characteristic needs at least one Attribute"));
      return;
    }
    if (!okAll) return;
    let name = ch.attrs.name ?? `characteristic_${ci + 1}`;
    if (names.has(name)) {
      issues.push(issue("inconsistent", [...ch.path, "name"], "characteristic name used twice"));
      return;
    }
    names.add(name);
    name = name.slice(0, 200);
    let baselineScore = num(ch, "baselineScore", issues) ?? modelBaseline;
    if (baselineScore === undefined && useReasonCodes) {
      const constant = attrs.every((x) => x.expression === null);
      if (constant && (method === "max" || method === "min")) {
        const pts = attrs.map((x) => x.points!);
        baselineScore = method === "max" ? Math.max(...pts) : Math.min(...pts);
      } else {
        issues.push(
          issue(
            "missing",
            [...ch.path, "baselineScore"],
            "reason codes need a baselineScore (on the Characteristic or the Scorecard) for this baselineMethod",
          ),
        );
        return;
      }
    }
    const reasonCode = ch.attrs.reasonCode ?? name;
    if (useReasonCodes && ch.attrs.reasonCode === undefined && attrs.some((x) => x.reasonCode === undefined)) {
      issues.push(
        issue("missing", [...ch.path, "reasonCode"], "with useReasonCodes every Attribute needs a reason code"),
      );
      return;
    }
    sources.push({
      name,
      reasonCode: reasonCode.slice(0, 64),
      baselineScore,
      attributes: attrs,
      fields: [...used],
      path: ch.path,
    });
  });
  if (issues.length > 0) return fail(issues);
  const levels = modelLevels(sources, fields);
  const out: Characteristic[] = [];
  for (const s of sources) {
    const m = mapCharacteristic(s, fields, { unmatchedPoints: options.unmatchedPoints, levels }, issues);
    if (m !== null) out.push(m);
  }
  if (issues.length > 0) return fail(issues);
  if (out.length === 0) return fail([issue("too_small", chars.path, "no Characteristic")]);
  const extra = riskcardExtension(model, issues);
  if (issues.length > 0) return fail(issues);
  const v2 = out.some((c) => c.type === "rules") || algorithm === "pointsAbove" || !useReasonCodes;
  return ok({
    format: "riskcard.scorecard",
    version: v2 ? 2 : 1,
    name: (model.attrs.modelName ?? "pmml-scorecard").slice(0, 200) || "pmml-scorecard",
    description: "Imported from PMML (Scorecard)",
    scaling: (extra.scaling ??
      (options.scaling === undefined ? null : pdoScaling(options.scaling))) as ScorecardJSON["scaling"],
    rounding: "none",
    base: "separate",
    basePoints: initialScore,
    characteristics: out,
    ...(extra.reasons === undefined ? {} : { reasons: extra.reasons as readonly ReasonMessage[] }),
    ...(algorithm === "pointsAbove" ? { reasonCodeAlgorithm: "pointsAbove" as const } : {}),
    ...(useReasonCodes ? {} : { useReasonCodes: false }),
  });
}

function regression(model: XmlElement, fields: Map<string, Field>, options: LoadPmmlOptions): Result<ScorecardJSON> {
  const issues: Issue[] = [];
  if ((model.attrs.functionName ?? "") !== "classification")
    issues.push(issue("invalid_value", [...model.path, "functionName"], "only binary classification is supported"));
  if ((model.attrs.normalizationMethod ?? "none") !== "logit")
    issues.push(
      issue("invalid_value", [...model.path, "normalizationMethod"], "only logit (binary logistic) is supported"),
    );
  const tables = childrenNamed(model, "RegressionTable");
  if (tables.length !== 2) issues.push(issue("invalid_value", model.path, "expected two RegressionTables (binary)"));
  if (issues.length > 0) return fail(issues);
  const [main, ref] = tables as [XmlElement, XmlElement];
  if ((num(ref, "intercept", issues) ?? 0) !== 0 || ref.children.some((c) => c.name !== "Extension"))
    issues.push(
      issue("invalid_value", ref.path, "the second RegressionTable must be the reference (intercept 0, no predictors)"),
    );
  const cats = [main.attrs.targetCategory, ref.attrs.targetCategory];
  if (cats[0] === undefined || cats[1] === undefined) {
    issues.push(issue("missing", main.path, "RegressionTables need targetCategory"));
    return fail(issues);
  }
  const bad = options.badCategory ?? cats[0];
  if (!cats.includes(bad))
    return fail([issue("unknown_reference", ["options", "badCategory"], "not a targetCategory")]);
  // logit of the first table's category: y = intercept + sum of terms; ln(bad/good) = +y or -y.
  const sign = bad === cats[0] ? 1 : -1;
  const scaling = pdoScaling(options.scaling ?? { points0: 0, odds0: 1, pdo: Math.LN2, odds: "bad:good" });
  const k = -scaling.factor * sign; // points per unit of y
  const intercept = num(main, "intercept", issues);
  if (intercept === undefined) issues.push(issue("missing", [...main.path, "intercept"], "intercept is required"));
  const chars: Characteristic[] = [];
  const byField = new Map<string, { value: string; coefficient: number; path: readonly (string | number)[] }[]>();
  for (const c of main.children) {
    if (c.name === "Extension") continue;
    if (c.name === "NumericPredictor") {
      const f = fields.get(c.attrs.name ?? "");
      const coef = num(c, "coefficient", issues);
      const exponent = num(c, "exponent", issues) ?? 1;
      if (f === undefined || f.categorical) {
        issues.push(issue("unknown_reference", [...c.path, "name"], "not an active continuous field"));
        continue;
      }
      if (coef === undefined) {
        issues.push(issue("missing", [...c.path, "coefficient"], "coefficient is required"));
        continue;
      }
      const term =
        exponent === 1
          ? { op: "field" as const, feature: f.name }
          : {
              op: "apply" as const,
              fn: "pow" as const,
              args: [
                { op: "field" as const, feature: f.name },
                { op: "const" as const, value: exponent },
              ],
            };
      const attrs: SourceAttribute[] = [];
      if (f.missingReplacement !== null)
        attrs.push({
          when: { op: "isMissing", feature: f.name },
          points: k * coef * (f.missingReplacement as number) ** exponent,
          expression: null,
          reasonCode: undefined,
          path: c.path,
        });
      attrs.push({
        when: { op: "isNotMissing", feature: f.name },
        points: null,
        expression: { op: "apply", fn: "*", args: [{ op: "const", value: k * coef }, term] },
        reasonCode: undefined,
        path: c.path,
      });
      // The replacement is folded into the attributes above, so the field reads raw values here.
      const raw: Field = { ...f, missingReplacement: null };
      const m = mapCharacteristic(
        {
          name: f.name,
          reasonCode: f.name.slice(0, 64),
          baselineScore: 0,
          attributes: attrs,
          fields: [f.name],
          path: c.path,
        },
        new Map([[f.name, raw]]),
        { unmatchedPoints: options.unmatchedPoints, levels: new Map() },
        issues,
      );
      if (m !== null) chars.push(m);
    } else if (c.name === "CategoricalPredictor") {
      const f = fields.get(c.attrs.name ?? "");
      const coef = num(c, "coefficient", issues);
      if (f === undefined || !f.categorical || c.attrs.value === undefined || coef === undefined) {
        issues.push(issue("invalid_value", c.path, "needs an active categorical field, a value and a coefficient"));
        continue;
      }
      const list = byField.get(f.name) ?? [];
      list.push({ value: c.attrs.value, coefficient: coef, path: c.path });
      byField.set(f.name, list);
    } else issues.push(issue("invalid_value", c.path, "only NumericPredictor and CategoricalPredictor are supported"));
  }
  const catSources: SourceCharacteristic[] = [];
  for (const [name, list] of byField) {
    // A category without a predictor adds nothing; a missing value gives no score (PMML) unless replaced.
    const attrs: SourceAttribute[] = list.map((p) => ({
      when: { op: "eq", feature: name, value: p.value },
      points: k * p.coefficient,
      expression: null,
      reasonCode: undefined,
      path: p.path,
    }));
    attrs.push({
      when: { op: "isNotMissing", feature: name },
      points: 0,
      expression: null,
      reasonCode: undefined,
      path: list[0]!.path,
    });
    catSources.push({
      name,
      reasonCode: name.slice(0, 64),
      baselineScore: 0,
      attributes: attrs,
      fields: [name],
      path: list[0]!.path,
    });
  }
  const levels = modelLevels(catSources, fields);
  for (const s of catSources) {
    const m = mapCharacteristic(s, fields, { unmatchedPoints: options.unmatchedPoints, levels }, issues);
    if (m !== null) chars.push(m);
  }
  if (issues.length > 0 || intercept === undefined) return fail(issues);
  if (chars.length === 0) return fail([issue("too_small", main.path, "no predictors")]);
  return ok({
    format: "riskcard.scorecard",
    version: chars.some((c) => c.type === "rules") ? 2 : 1,
    name: (model.attrs.modelName ?? "pmml-regression").slice(0, 200) || "pmml-regression",
    description:
      "Imported from PMML (binary logistic RegressionModel); reason codes against a baseline of 0 points per predictor",
    scaling,
    rounding: "none",
    base: "separate",
    basePoints: scaling.offset + k * intercept,
    characteristics: chars,
  });
}
