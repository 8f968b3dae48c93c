/**
 * The public surface, written down: every subpath's exported names (values, as the module has them
 * at run time, and types, as its barrel lists them). Adding, renaming or removing an export fails
 * this test until the list below is changed in the same commit, so the change is a visible line in
 * review (README, Conventions). The lists are kept by hand: nothing here rewrites them.
 *
 * Also checked: no `export *` anywhere in src; code in one folder reaches another folder only
 * through its barrel, its `internal.ts`, or a file for a name the barrel exports; the Result/throw
 * naming rule (every `xOrThrow` has its `x`; deprecated aliases are the functions they name).
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

/**
 * The engine's names that the root entry re-exports from `riskcard/decision`: [value names, type
 * names], in both lists below.
 */
const ROOT_ENGINE: readonly [readonly string[], readonly string[]] = [
  [
    "CHAMPION",
    "ELIGIBILITY_NOT_INVITED",
    "ENGINE_VERSION",
    "VELOCITY_UNAVAILABLE",
    "bandOf",
    "createEngine",
    "createExperiment",
    "safeCreateEngine",
    "safeCreateExperiment",
    "stringifyDecision",
  ],
  [
    "Band",
    "DecideOptions",
    "Decision",
    "DecisionReason",
    "DecisionVersions",
    "Engine",
    "EngineConfig",
    "Experiment",
    "ExperimentArm",
    "ExperimentConfig",
    "ExperimentOutcome",
    "FraudHit",
    "Guard",
    "GuardCode",
    "ReasonSource",
    "ShadowOutcome",
    "VelocityUnavailablePolicy",
  ],
];

/** The recorded surface: subpath -> [value names, type names] (compared sorted). */
const SURFACE: Record<string, readonly [readonly string[], readonly string[]]> = {
  ".": [
    [
      ...ROOT_ENGINE[0],
      "ArtefactError",
      "ConfigError",
      "RiskcardError",
      "applicantJsonSchema",
      "applicantSchema",
      "parseApplicant",
      "parseApplicantJson",
      "parseApplicantOrThrow",
    ],
    [...ROOT_ENGINE[1], "Applicant", "Issue", "IssueCode", "Result"],
  ],
  "./schema": [
    [
      "ArtefactError",
      "BOUNDS",
      "BUREAU_ACCOUNT_KINDS",
      "CONSENT_CATEGORIES",
      "ConfigError",
      "DEVICE_EVENT_KINDS",
      "FORBIDDEN_KEYS",
      "INQUIRY_KINDS",
      "KEY_PLACEHOLDER",
      "LIMITS",
      "MAX_ISSUES",
      "MAX_JSON_DEPTH",
      "MERCHANT_CATEGORIES",
      "OCCUPATIONS",
      "PAYMENT_CHANNELS",
      "PRODUCT_TYPES",
      "RISKY_MERCHANT_CATEGORIES",
      "RiskcardError",
      "ageInYears",
      "applicantJsonSchema",
      "applicantSchema",
      "applicationSchema",
      "applyConsent",
      "bureauAccountColumnsSchema",
      "bureauAccountSchema",
      "bureauDelinquencyColumnsSchema",
      "bureauDelinquencySchema",
      "bureauInquiryColumnsSchema",
      "bureauInquirySchema",
      "bureauSchema",
      "capIssues",
      "columnarApplicantJsonSchema",
      "columnarApplicantSchema",
      "categoryCode",
      "consentPurposesSchema",
      "consentSchema",
      "consentsTo",
      "dataCategoriesOf",
      "deepFreeze",
      "deviceEventColumnsSchema",
      "deviceEventSchema",
      "deviceRecordColumnsSchema",
      "deviceRecordSchema",
      "devicesSchema",
      "epochMs",
      "fail",
      "fen",
      "formatIssues",
      "formatPath",
      "fromZodIssues",
      "guardJson",
      "identitySchema",
      "installmentColumnsSchema",
      "installmentSchema",
      "issue",
      "ok",
      "parseApplicant",
      "parseApplicantJson",
      "parseApplicantOrThrow",
      "parseApplicantWithZod",
      "parseJsonText",
      "paymentColumnsSchema",
      "paymentEventSchema",
      "placeCode",
      "platformLoanSchema",
      "prefixIssues",
      "pseudonym",
      "repaymentColumnsSchema",
      "repaymentSchema",
      "safeKey",
      "socialSchema",
      "toColumnar",
      "toRows",
      "unwrap",
      "validateWith",
    ],
    [
      "AnyFormApplicant",
      "Applicant",
      "Application",
      "Bureau",
      "BureauAccount",
      "BureauAccountColumns",
      "BureauDelinquencyColumns",
      "BureauInquiry",
      "BureauInquiryColumns",
      "Consent",
      "ConsentCategory",
      "ConsentPurposes",
      "DeviceEvent",
      "DeviceEventColumns",
      "DeviceEventKind",
      "DeviceRecord",
      "DeviceRecordColumns",
      "InstallmentColumns",
      "RepaymentColumns",
      "Devices",
      "GuardOptions",
      "Identity",
      "Issue",
      "IssueCode",
      "IssuePath",
      "JsonLimits",
      "JsonRoot",
      "MerchantCategory",
      "NumericRange",
      "Occupation",
      "ParsedApplicant",
      "PaymentChannel",
      "PaymentColumns",
      "PaymentEvent",
      "PlatformLoan",
      "ProductType",
      "Result",
      "Social",
    ],
  ],
  "./features": [
    [
      "AGGREGATES",
      "BUILTINS",
      "CATALOG_FORMAT",
      "CATALOG_LIMITS",
      "CATALOG_VERSION",
      "FEATURE_UNITS",
      "MAX_CATALOG_FEATURES",
      "SCALAR_FIELDS",
      "SOURCE_NAMES",
      "catalogJsonSchema",
      "catalogSubset",
      "catalogTable",
      "catalogToJSON",
      "compileCatalog",
      "defaultCatalog",
      "defaultFeatureSpecs",
      "extendCatalog",
      "extractFeatures",
      "featureIndex",
      "featureNames",
      "featureSection",
      "featureSpecSchema",
      "loadCatalog",
      "loanStats",
      "newLoanStats",
    ],
    [
      "Aggregate",
      "AggregateSpec",
      "Builtin",
      "Catalog",
      "CatalogCompileOptions",
      "CatalogJson",
      "ExtractOptions",
      "FeatureSpec",
      "FeatureUnit",
      "FeatureVector",
      "LoanStats",
      "Section",
      "SourceName",
      "Where",
    ],
  ],
  "./binning": [
    ["applyBins", "binCategorical", "binNumeric", "binWoe", "compileBinning", "pearson", "screenVariables", "woeIv"],
    [
      "ApplyBinsOptions",
      "Binning",
      "CategoricalBin",
      "CategoricalBinning",
      "CategoricalBinningOptions",
      "CompiledBinning",
      "NumericBin",
      "NumericBinning",
      "NumericBinningOptions",
      "ScreenOptions",
      "ScreenReason",
      "ScreenRow",
      "WoeIv",
      "WoeOptions",
    ],
  ],
  "./logistic": [
    ["FitError", "fitLogistic", "predictProba", "predictProbaBatch", "safeFitLogistic"],
    ["FitFailure", "FitLogisticOptions", "LogisticModel"],
  ],
  "./scorecard": [
    [
      "SCORECARD_LIMITS",
      "buildScorecard",
      "cardFeatures",
      "expertCardSchema",
      "formatTrainReport",
      "loadExpertCard",
      "loadExpertCardOrThrow",
      "loadScorecard",
      "loadScorecardOrThrow",
      "modelCardMarkdown",
      "parseExpertCard",
      "parseScorecard",
      "pdoScaling",
      "probabilityOfDefault",
      "reasonCodes",
      "roundPoints",
      "score",
      "scoreBatch",
      "scoreBreakdown",
      "scoreRecord",
      "scoreValue",
      "scorecardSchema",
      "scorecardToJSON",
      "trainScorecard",
      "trainTestSplit",
      "vectorFromRecord",
    ],
    [
      "BinnedCharacteristic",
      "BuildScorecardOptions",
      "CategoricalCharacteristic",
      "CategoriesAttribute",
      "Characteristic",
      "DropReason",
      "ExpertCardJSON",
      "ExpertCategory",
      "Expression",
      "ExpressionFunction",
      "Fallback",
      "FeatureBatch",
      "IntervalAttribute",
      "MaskedColumn",
      "MissingAttribute",
      "ModelCardOptions",
      "NumericCharacteristic",
      "OddsConvention",
      "Predicate",
      "ReasonCode",
      "ReasonCodeOptions",
      "ReasonMessage",
      "ReasonSpec",
      "Rounding",
      "RuleAttribute",
      "RuleInput",
      "RulesCharacteristic",
      "Scaling",
      "ScalingParams",
      "ScorePart",
      "ScoreResult",
      "Scorecard",
      "ScorecardJSON",
      "SetMetrics",
      "SharedTrainOptions",
      "SpecialAttribute",
      "SplitOption",
      "TrainOptions",
      "TrainReport",
      "TrainedScorecard",
      "TrainingColumn",
      "TrainingData",
      "TrainingInfo",
      "VariableReport",
    ],
  ],
  "./metrics": [
    [
      "auc",
      "brier",
      "calibrationTable",
      "createMonitor",
      "createMonitorFromScores",
      "csi",
      "gainsTable",
      "gini",
      "ks",
      "monitorAdd",
      "monitorPsi",
      "monitorReset",
      "psi",
      "psiQuantile",
      "psiTable",
      "quantileBreaks",
      "stabilityIndex",
    ],
    [
      "CalibrationRow",
      "CalibrationTable",
      "CharacteristicValue",
      "CsiBin",
      "CsiOptions",
      "GainsRow",
      "NumericArray",
      "PsiBin",
      "PsiOptions",
      "ScoreDirectionOptions",
      "ScoreMonitor",
      "StabilityBin",
      "StabilityOptions",
    ],
  ],
  "./fraud": [
    [
      "COMPARISON_OPERATORS",
      "DEFAULT_BUCKET_LEVELS",
      "DEFAULT_FACT_CONFIG",
      "FIXED_FACTS",
      "MAX_BUCKET_COUNT",
      "MAX_CONDITION_DEPTH",
      "MAX_CONDITION_NODES",
      "MAX_INLINE_VALUES",
      "MAX_LIST_ITEMS",
      "MAX_RULE_SET_VALUES",
      "RULE_ACTIONS",
      "RULE_FAMILIES",
      "RULE_SET_FORMAT",
      "RULE_SET_LIMITS",
      "RULE_SET_VERSION",
      "VELOCITY_DIMENSIONS",
      "VELOCITY_KINDS",
      "WINDOWED_FACTS",
      "applicationEvents",
      "clearFacts",
      "compileDefaultRules",
      "compileRules",
      "compileRulesOrThrow",
      "computeFacts",
      "computeFactsInto",
      "createFactConfig",
      "createFacts",
      "createMemoryVelocityStore",
      "createVelocityCounts",
      "defaultRuleSet",
      "factsToObject",
      "gatherFacts",
      "loadFactConfig",
      "loadRuleSet",
      "loadRuleSetOrThrow",
      "parseRuleSet",
      "readFact",
      "readVelocity",
      "recordApplication",
      "recordApplicationAsync",
      "ruleSchema",
      "ruleSetSchema",
      "setFact",
      "velocityFactName",
      "velocityKey",
    ],
    [
      "AsyncVelocityStore",
      "BucketLevel",
      "ComparisonOperator",
      "CompiledRules",
      "ComputeFactsOptions",
      "Condition",
      "FactCatalog",
      "FactConfig",
      "FactConfigInput",
      "FactDefinition",
      "FactType",
      "Facts",
      "FraudEvaluation",
      "ListComparison",
      "MemoryVelocityStore",
      "MemoryVelocityStoreOptions",
      "Rule",
      "RuleAction",
      "RuleCompileOptions",
      "RuleFamily",
      "RuleHit",
      "RuleSet",
      "RuleSetInput",
      "ValueComparison",
      "VelocityCounts",
      "VelocityDimension",
      "VelocityEvent",
      "VelocityKind",
      "VelocityOptions",
      "VelocityQuery",
      "VelocityStore",
    ],
  ],
  "./limits": [
    [
      "DEFAULT_MULTI_LENDING",
      "POLICY_LIMITS",
      "REASONS",
      "RED_LINE_APR",
      "adjustLimit",
      "bureauRefreshSchema",
      "createOfferSteps",
      "loadPolicy",
      "loadPolicyOrThrow",
      "makeOffer",
      "multiLendingDetected",
      "multiLendingPolicy",
      "parsePolicy",
      "policySchema",
      "policyToJSON",
      "warningThresholds",
    ],
    [
      "Account",
      "Band",
      "BandPricing",
      "BureauRefresh",
      "LimitAction",
      "LimitChange",
      "MultiLendingPolicy",
      "Offer",
      "OfferInput",
      "OfferOutcome",
      "OfferSteps",
      "Policy",
      "PolicyReason",
      "PolicySpec",
      "RepaymentMethod",
      "ScheduleRow",
      "TermPricing",
    ],
  ],
  "./pricing": [
    [
      "BANDS",
      "DEFAULT_RATE_CAP",
      "MAX_ANNUAL_RATE",
      "MAX_PRINCIPAL_FEN",
      "MAX_TERM_MONTHS",
      "REPAYMENT_METHODS",
      "addMonths",
      "amortize",
      "annualize",
      "annuityFactor",
      "apr",
      "checkCap",
      "dailyRateDisclosure",
      "dueDates",
      "floorFen",
      "floorRateProduct",
      "installmentFen",
      "irr",
      "irrTimed",
      "isRepaymentMethod",
      "loanCashFlows",
      "localDay",
      "maxPaymentUnderCap",
      "maxRateUnderCap",
      "monthTime",
      "npv",
      "prepay",
      "scaleRate",
      "unitApr",
      "unitCashFlows",
    ],
    [
      "AprConvention",
      "AprOptions",
      "Band",
      "DisclosureFees",
      "DisclosureOptions",
      "LoanTerms",
      "LoanWithFees",
      "PolicyReason",
      "PrepayOptions",
      "Prepayment",
      "RateCap",
      "RateDisclosure",
      "RepaymentMethod",
      "Schedule",
      "ScheduleRow",
      "ServicedLoan",
      "ServicingOptions",
      "UnitPricing",
    ],
  ],
  "./postloan": [
    [
      "BUCKETS",
      "MAX_DRAWDOWNS",
      "MAX_INSTALLMENTS",
      "MAX_REPAYMENTS",
      "MAX_SNAPSHOT_ACCOUNTS",
      "MAX_SPEND_MONTHS",
      "WARNINGS",
      "accountSignalsShape",
      "bucketIndex",
      "coefficientOfVariation",
      "collectionStage",
      "daysPastDue",
      "delinquencyBucket",
      "earlyWarnings",
      "penaltyInterest",
      "rollRates",
      "warningsOf",
    ],
    [
      "AccountSignals",
      "CollectionStage",
      "DaysPastDueOptions",
      "Delinquency",
      "DelinquencyBucket",
      "EarlyWarning",
      "InstallmentPenalty",
      "PenaltyInterest",
      "PenaltyOptions",
      "RepaymentHistory",
      "RollRateMatrix",
      "SnapshotAccount",
      "WarningCode",
      "WarningThresholds",
    ],
  ],
  "./boosting": [
    ["boostShapes", "trainBoostedScorecard"],
    [
      "BinnedRows",
      "BoostOptions",
      "BoostParams",
      "BoostReport",
      "BoostedScorecard",
      "BoostedShapes",
      "CalibrationReport",
      "FeatureShape",
      "PairSelection",
      "PairSelectionReason",
      "PairSetEvidence",
      "PairShape",
    ],
  ],
  "./decision": [
    [
      ...ROOT_ENGINE[0],
      "BANDS",
      "DEFAULT_BAND_PD_BOUNDS",
      "RECORD_FORMAT",
      "breakdownOf",
      "canonicalJson",
      "engineConfigSchema",
      "experimentConfigSchema",
      "improvementHints",
      "localizeDecision",
      "toDecisionRecord",
    ],
    [
      ...ROOT_ENGINE[1],
      "ArtefactMismatch",
      "BreakdownPart",
      "DecisionTrace",
      "ImprovementHint",
      "ImprovementHints",
      "ImprovementOptions",
      "ReplayResult",
      "RouteMismatch",
      "TraceCharacteristic",
      "TraceFact",
      "TraceGuards",
      "TraceOffer",
      "TracedDecision",
    ],
  ],
  "./redis": [
    ["VelocityStoreTimeoutError", "createRedisVelocityStore", "redisKey"],
    ["RedisEvalOptions", "RedisScriptClient", "RedisVelocityStore", "RedisVelocityStoreOptions"],
  ],
  "./pmml": [["loadPmml", "loadPmmlOrThrow", "parsePmml", "pmmlToArtefact", "toPmml"], ["LoadPmmlOptions"]],
  "./interop": [
    ["fromOptbinningTable", "fromScorecardpyTable", "pyFloat", "toScorecardpyCsv", "toScorecardpyTable"],
    ["CardTableRow", "OptbinningOptions", "ScorecardpyOptions"],
  ],
  "./simulate": [
    ["cutoffForApprovalRate", "segmentOf", "simulate", "toEngine"],
    [
      "CutoffOptions",
      "CutoffResult",
      "EngineOrConfig",
      "GroupSummaries",
      "PolicySummary",
      "SimulateInput",
      "SimulationChange",
      "SimulationOutcome",
      "SimulationReport",
    ],
  ],
  "./strategy": [
    [
      "MAX_COVERAGE_CELLS",
      "ELIGIBILITY_SEGMENT",
      "NOT_INVITED",
      "NO_OCCUPATION",
      "OPEN_ATTRIBUTES",
      "OTHER_REGION",
      "STRATEGY_FORMAT",
      "STRATEGY_LIMITS",
      "armAt",
      "assignmentPoint",
      "checkCoverage",
      "compileRouter",
      "conditionHolds",
      "conditionSchema",
      "loadStrategy",
      "loadStrategyOrThrow",
      "strategySchema",
    ],
    [
      "AttributeName",
      "Condition",
      "DeclaredDomains",
      "OpenAttribute",
      "RouteAttributes",
      "Router",
      "Strategy",
      "StrategySpec",
    ],
  ],
  "./cli": [
    ["CliError", "EXIT", "MAIN_HELP", "computeReport", "nodeIo", "renderReport", "run"],
    ["AttributeRow", "CharacteristicReport", "CliIo", "ReportData", "ReportInput", "StabilityRow", "TextSink"],
  ],
  "./messages": [
    ["ABSENT_SECTION_CODES", "DEFAULT_LOCALE", "EN", "LOCALES", "MESSAGE_PACKS", "ZH_CN", "isLocale", "messageFor"],
    ["AbsentSection", "Locale"],
  ],
};

/**
 * Deprecated names kept because an earlier README documented them: alias -> [subpath, alias, the
 * function it now names]. Each is the same function object as its target.
 */
const DEPRECATED: Record<string, readonly [string, string, string]> = {
  parseScorecard: ["./scorecard", "parseScorecard", "loadScorecardOrThrow"],
  parseExpertCard: ["./scorecard", "parseExpertCard", "loadExpertCardOrThrow"],
  parseRuleSet: ["./fraud", "parseRuleSet", "loadRuleSetOrThrow"],
  parsePolicy: ["./limits", "parsePolicy", "loadPolicyOrThrow"],
  parsePmml: ["./pmml", "parsePmml", "loadPmmlOrThrow"],
};

/** `safe*` names that are not Result twins (`safeKey`: a key made safe to echo in an issue). */
const NOT_RESULT_TWINS: ReadonlySet<string> = new Set(["safeKey"]);

/**
 * Exports whose names read like readers of untrusted data but are not, with the reason; every other
 * `parse*`/`load*`/`compile*`/`validate*`/`read*` export is a reader and must return a Result.
 */
const NOT_READERS: Readonly<Record<string, string>> = {
  compileBinning: "builds a fast form of a typed Binning (a builder: throws TypeError/RangeError)",
  compileRouter: "builds a router from a loaded (typed, validated) Strategy (a builder)",
  compileDefaultRules: "builds the shipped rule set for a typed FactConfig (a builder: throws)",
  readFact: "reads one slot of computed facts (an operation on a built object)",
  readVelocity: "reads counts from a velocity store for a parsed applicant (an operation)",
  validateWith: "takes the zod schema to apply as its first argument (the caller's code, not data)",
};

/** Readers that take text (a PMML document, JSON text) rather than a parsed JSON value, with their other arguments. */
const TEXT_READERS: Readonly<Record<string, readonly unknown[]>> = {
  loadPmml: [],
  parseApplicantJson: [],
  parseJsonText: [{ maxNodes: 1_000, maxChars: 10_000 }],
};

/** Untrusted inputs every reader must answer with a Result (never a throw): wrong shapes, broken text, hostile keys. */
const deepArray = (depth: number): unknown => (depth === 0 ? 0 : [deepArray(depth - 1)]);
const BAD_TEXTS: readonly string[] = [
  "",
  "{",
  "[]",
  "null",
  '{"__proto__": {"x": 1}}',
  "<PMML",
  "\u0000",
  "x".repeat(20_000),
];
const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  Number.NaN,
  true,
  [],
  {},
  [1, "a", null],
  { format: "riskcard.scorecard", version: 99 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: {} } },
  deepArray(200),
  ...BAD_TEXTS,
];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The barrel file of a subpath ("." is src/index.ts). */
function barrelOf(subpath: string): string {
  return subpath === "." ? join(src, "index.ts") : join(src, subpath.slice(2), "index.ts");
}

/** Names an explicit barrel lists, split into values and types (`export { a, type B } from`, `export type { C } from`). */
function listed(file: string): { values: Set<string>; types: Set<string> } {
  const text = readFileSync(file, "utf8");
  const values = new Set<string>();
  const types = new Set<string>();
  for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of m[2]!.split(",")) {
      const n = raw.trim();
      if (n === "") continue;
      const isType = m[1] !== undefined || n.startsWith("type ");
      const bare = n.replace(/^type\s+/, "");
      const name = bare.includes(" as ") ? bare.split(" as ")[1]!.trim() : bare;
      (isType ? types : values).add(name);
    }
  }
  return { values, types };
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports).filter((k) => !k.includes("*") && !k.endsWith(".json"));

describe("public surface", () => {
  it("package.json has a subpath for each barrel recorded here, and no other", () => {
    expect([...subpaths].sort()).toEqual(Object.keys(SURFACE).sort());
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory() && readdirSync(join(src, e.name)).includes("index.ts"))
      .map((e) => `./${e.name}`);
    expect(folders.sort()).toEqual(subpaths.filter((s) => s !== ".").sort());
  });

  for (const [subpath, [values, types]] of Object.entries(SURFACE)) {
    it(`${subpath} exports exactly the recorded values and types`, async () => {
      const mod = (await import(barrelOf(subpath))) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toEqual([...values].sort());
      const l = listed(barrelOf(subpath));
      expect([...l.values].sort()).toEqual([...values].sort());
      expect([...l.types].sort()).toEqual([...types].sort());
    });
  }

  it("no file in src re-exports with `export *`", () => {
    const offenders = walk(src).filter((f) => /^\s*export\s*\*/m.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe("imports across folders", () => {
  const folderOf = (file: string) => relative(src, file).split(sep)[0]!;
  const publicNames = new Map<string, Set<string>>();
  for (const s of subpaths.filter((p) => p !== ".")) {
    const l = listed(barrelOf(s));
    publicNames.set(s.slice(2), new Set([...l.values, ...l.types]));
  }
  const internalNames = (folder: string): Set<string> => {
    try {
      const l = listed(join(src, folder, "internal.ts"));
      return new Set([...l.values, ...l.types]);
    } catch {
      return new Set();
    }
  };

  it("reach another folder only through its barrel, its internal.ts, or a file for a public name", () => {
    const bad: string[] = [];
    for (const file of walk(src)) {
      const from = folderOf(file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(\.[^"]+)"/g)) {
        const target = join(dirname(file), m[2]!);
        const rel = relative(src, target);
        if (rel.startsWith("..")) continue; // models/*.json
        const to = rel.split(sep)[0]!;
        if (to === from || !publicNames.has(to)) continue;
        const rest = rel.split(sep).slice(1).join("/");
        if (rest === "" || rest === "index" || rest === "internal" || rest.endsWith("/internal")) continue;
        const ok = publicNames.get(to)!;
        for (const raw of m[1]!.split(",")) {
          const name = raw
            .trim()
            .replace(/^type\s+/, "")
            .split(" as ")[0]!
            .trim();
          if (name !== "" && !ok.has(name)) bad.push(`${relative(root, file)}: ${name} from ${m[2]}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("each internal.ts holds only names its folder does not export publicly", () => {
    for (const folder of publicNames.keys()) {
      const inner = internalNames(folder);
      for (const n of inner) expect(publicNames.get(folder)!.has(n), `${folder}/internal.ts: ${n}`).toBe(false);
    }
  });

  it("nothing in src imports fixtures/ or scripts/", () => {
    const bad = walk(src).filter((f) => /from\s+"(\.\.\/)+(fixtures|scripts)\//.test(readFileSync(f, "utf8")));
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });
});

describe("Result / throw naming (CONTRIBUTING.md, README Conventions)", () => {
  const modules = async () =>
    Promise.all(subpaths.map(async (s) => [s, (await import(barrelOf(s))) as Record<string, unknown>] as const));

  it("every xOrThrow export has its Result twin x in the same subpath", async () => {
    let twins = 0;
    for (const [subpath, mod] of await modules()) {
      for (const [name, value] of Object.entries(mod)) {
        if (!name.endsWith("OrThrow")) continue;
        twins++;
        expect(typeof value, `${subpath} ${name}`).toBe("function");
        expect(typeof mod[name.slice(0, -"OrThrow".length)], `${subpath} ${name}'s twin`).toBe("function");
      }
    }
    expect(twins).toBeGreaterThanOrEqual(7);
  });

  it("every safeX export is the Result twin of a throwing x in the same subpath", async () => {
    for (const [subpath, mod] of await modules()) {
      for (const name of Object.keys(mod)) {
        if (!/^safe[A-Z]/.test(name) || NOT_RESULT_TWINS.has(name)) continue;
        const plain = name.charAt(4).toLowerCase() + name.slice(5);
        expect(typeof mod[plain], `${subpath} ${name}'s plain twin ${plain}`).toBe("function");
      }
    }
  });

  it("no plain reader of untrusted data throws: each returns a Result for every bad input", async () => {
    let calls = 0;
    for (const [subpath, mod] of await modules()) {
      for (const [name, fn] of Object.entries(mod)) {
        if (!/^(parse|load|compile|validate|read)[A-Z]/.test(name) || name.endsWith("OrThrow")) continue;
        if (name in DEPRECATED || name in NOT_READERS || typeof fn !== "function") continue;
        const extra = TEXT_READERS[name];
        const inputs = extra === undefined ? BAD_VALUES : BAD_TEXTS;
        for (const input of inputs) {
          let r: unknown;
          expect(() => {
            r = (fn as (...a: unknown[]) => unknown)(input, ...(extra ?? []));
          }, `${subpath} ${name}`).not.toThrow();
          calls++;
          const res = r as { ok?: unknown; issues?: unknown };
          expect(typeof res.ok, `${subpath} ${name} returns a Result`).toBe("boolean");
          if (res.ok === false) expect(Array.isArray(res.issues) && res.issues.length > 0).toBe(true);
        }
      }
    }
    // parseApplicant and the artefact loaders at least, each fed every bad input
    expect(calls).toBeGreaterThan(100);
  });

  it("the deprecated aliases are the functions they name", async () => {
    for (const [subpath, alias, target] of Object.values(DEPRECATED)) {
      const mod = (await import(barrelOf(subpath))) as Record<string, unknown>;
      expect(typeof mod[alias]).toBe("function");
      expect(mod[alias], `${alias} -> ${target}`).toBe(mod[target]);
    }
  });
});

describe("the methods of an Engine", () => {
  // Every kind of engine `createEngine` / `createExperiment` returns, with the same decide-like methods.
  const METHODS = ["decide", "decideJson", "replay", "safeDecide", "safeDecideJson"];

  it("are the same on a plain engine, a strategy engine and an experiment; the safe ones answer bad text with a Result", async () => {
    const { createEngine, createExperiment } = (await import(barrelOf("."))) as typeof import("../src/index");
    const engines = {
      plain: createEngine(),
      strategy: createEngine({ strategy: "default" }),
      experiment: createExperiment({
        champion: {},
        challengers: [{ id: "expert", config: { card: "expert" }, share: 0.5, mode: "live" }],
        salt: "public-surface",
      }),
    };
    for (const [kind, e] of Object.entries(engines)) {
      const fns = Object.keys(e).filter((k) => typeof (e as unknown as Record<string, unknown>)[k] === "function");
      expect(fns.filter((k) => k !== "armOf").sort(), kind).toEqual(METHODS);
      expect(Object.isFrozen(e), kind).toBe(true);
      for (const text of BAD_TEXTS) {
        const r = e.safeDecideJson(text, { asOf: 0 });
        expect(r.ok, `${kind} ${JSON.stringify(text.slice(0, 20))}`).toBe(false);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }
    }
  });
});
