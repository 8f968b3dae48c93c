/**
 * zod schemas of the scorecard artefacts (`riskcard.scorecard` v1 and `riskcard.expert-card` v1)
 * with the cross-field rules: ordered, non-overlapping intervals; categories drawn from `levels`;
 * at most one missing attribute; unique names; a scaling whose factor and offset match its
 * parameters; expert weights summing to 100%.
 */
import { z } from "zod";
import { pdoScaling } from "./pdo-scaling";
import type { Expression, ExpressionFunction, Predicate } from "./types";

const name = z.string().min(1).max(200);
const code = z.string().min(1).max(64);
const points = z.number();
const reasonCode = code.optional();

const interval = z.strictObject({
  kind: z.literal("interval"),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  points,
  reasonCode,
});
const special = z.strictObject({
  kind: z.literal("special"),
  values: z.array(z.number()).min(1).max(1_000),
  points,
  reasonCode,
});
const categories = z.strictObject({
  kind: z.literal("categories"),
  categories: z.array(z.string().max(200)).min(1).max(10_000),
  points,
  reasonCode,
});
const missing = z.strictObject({ kind: z.literal("missing"), points, reasonCode });
const fallback = z.strictObject({ points, reasonCode });

type Ctx = z.core.$RefinementCtx;
const bad = (ctx: Ctx, path: (string | number)[], rcCode: string, message: string): void => {
  ctx.addIssue({ code: "custom", path, message, params: { code: rcCode } });
};

const numericCharacteristic = z
  .strictObject({
    name,
    feature: name,
    type: z.literal("numeric"),
    closure: z.enum(["left", "right"]).optional(),
    reasonCode: code,
    baselineScore: z.number().optional(),
    attributes: z
      .array(z.discriminatedUnion("kind", [interval, special, missing]))
      .min(1)
      .max(1_000),
    fallback,
  })
  .superRefine((c, ctx) => {
    const ivs: { lo: number; hi: number; i: number }[] = [];
    const specials = new Set<number>();
    let missingCount = 0;
    c.attributes.forEach((a, i) => {
      if (a.kind === "missing") {
        if (++missingCount > 1) bad(ctx, ["attributes", i], "inconsistent", "more than one missing attribute");
      } else if (a.kind === "special") {
        for (const v of a.values) {
          if (specials.has(v)) bad(ctx, ["attributes", i, "values"], "inconsistent", "special value listed twice");
          specials.add(v);
        }
      } else {
        const lo = a.lower ?? -Infinity;
        const hi = a.upper ?? Infinity;
        if (!(lo < hi))
          bad(ctx, ["attributes", i], "inconsistent", "interval lower bound must be below its upper bound");
        else ivs.push({ lo, hi, i });
      }
    });
    if (missingCount === c.attributes.length)
      bad(ctx, ["attributes"], "too_small", "a characteristic needs at least one non-missing attribute");
    ivs.sort((a, b) => a.lo - b.lo);
    for (let k = 1; k < ivs.length; k++) {
      const prev = ivs[k - 1]!;
      const cur = ivs[k]!;
      // Half-open intervals may touch ([a,b) then [b,c)); any deeper overlap is ambiguous.
      if (cur.lo < prev.hi) bad(ctx, ["attributes", cur.i], "inconsistent", "interval overlaps another interval");
    }
  });

const categoricalCharacteristic = z
  .strictObject({
    name,
    feature: name,
    type: z.literal("categorical"),
    levels: z.array(z.string().max(200)).min(1).max(10_000),
    reasonCode: code,
    baselineScore: z.number().optional(),
    attributes: z
      .array(z.discriminatedUnion("kind", [categories, missing]))
      .min(1)
      .max(1_000),
    fallback,
  })
  .superRefine((c, ctx) => {
    const levels = new Set<string>();
    c.levels.forEach((l, i) => {
      if (levels.has(l)) bad(ctx, ["levels", i], "inconsistent", "level listed twice");
      levels.add(l);
    });
    const used = new Set<string>();
    let missingCount = 0;
    c.attributes.forEach((a, i) => {
      if (a.kind === "missing") {
        if (++missingCount > 1) bad(ctx, ["attributes", i], "inconsistent", "more than one missing attribute");
        return;
      }
      a.categories.forEach((cat, j) => {
        if (!levels.has(cat))
          bad(ctx, ["attributes", i, "categories", j], "unknown_reference", "category is not one of the levels");
        else if (used.has(cat))
          bad(ctx, ["attributes", i, "categories", j], "inconsistent", "category in more than one attribute");
        used.add(cat);
      });
    });
    if (missingCount === c.attributes.length)
      bad(ctx, ["attributes"], "too_small", "a characteristic needs at least one non-missing attribute");
  });

/** Most nodes in one rules characteristic's predicates and expressions, and their deepest nesting. */
const RULE_LIMITS = { maxNodes: 10_000, maxDepth: 20 } as const;

const scalar = z.union([z.number(), z.string().max(200)]);
const predicate: z.ZodType<Predicate> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.strictObject({ op: z.enum(["true", "false"]) }),
    z.strictObject({ op: z.enum(["lt", "le", "gt", "ge", "eq", "ne"]), feature: name, value: scalar }),
    z.strictObject({ op: z.enum(["isMissing", "isNotMissing"]), feature: name }),
    z.strictObject({ op: z.enum(["in", "notIn"]), feature: name, values: z.array(scalar).min(1).max(10_000) }),
    z.strictObject({ op: z.enum(["and", "or", "xor", "surrogate"]), args: z.array(predicate).min(2).max(1_000) }),
  ]),
);
/** The functions a points expression may apply (PMML built-ins of the same names). */
export const EXPRESSION_FUNCTIONS = [
  "+",
  "-",
  "*",
  "/",
  "min",
  "max",
  "sum",
  "avg",
  "product",
  "log10",
  "ln",
  "sqrt",
  "abs",
  "exp",
  "pow",
  "threshold",
  "floor",
  "ceil",
  "round",
] as const satisfies readonly ExpressionFunction[];
/** Argument count of each function: exact, or [min, max]. */
const ARITY: Record<ExpressionFunction, readonly [number, number]> = {
  "+": [2, 2],
  "-": [2, 2],
  "*": [2, 2],
  "/": [2, 2],
  min: [1, 1_000],
  max: [1, 1_000],
  sum: [1, 1_000],
  avg: [1, 1_000],
  product: [1, 1_000],
  log10: [1, 1],
  ln: [1, 1],
  sqrt: [1, 1],
  abs: [1, 1],
  exp: [1, 1],
  pow: [2, 2],
  threshold: [2, 2],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
};
const expression: z.ZodType<Expression> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.strictObject({ op: z.literal("const"), value: z.number() }),
    z.strictObject({ op: z.literal("field"), feature: name }),
    z.strictObject({
      op: z.literal("apply"),
      fn: z.enum(EXPRESSION_FUNCTIONS),
      args: z.array(expression).min(1).max(1_000),
    }),
  ]),
);

const ruleAttribute = z.strictObject({
  kind: z.literal("rule"),
  when: predicate,
  points: points.optional(),
  expression: expression.optional(),
  reasonCode,
});

const rulesCharacteristic = z
  .strictObject({
    name,
    feature: name,
    type: z.literal("rules"),
    reasonCode: code,
    baselineScore: z.number().optional(),
    inputs: z
      .array(
        z.strictObject({
          feature: name,
          levels: z.array(z.string().max(200)).min(1).max(10_000).optional(),
          unknownLevel: z.enum(["missing", "asIs"]).optional(),
        }),
      )
      .min(1)
      .max(64),
    attributes: z.array(ruleAttribute).min(1).max(1_000),
    fallback,
  })
  .superRefine((c, ctx) => {
    const inputs = new Map<string, readonly string[] | null>();
    c.inputs.forEach((inp, i) => {
      if (inputs.has(inp.feature)) bad(ctx, ["inputs", i, "feature"], "inconsistent", "input listed twice");
      inputs.set(inp.feature, inp.levels ?? null);
      if (inp.levels !== undefined && new Set(inp.levels).size !== inp.levels.length)
        bad(ctx, ["inputs", i, "levels"], "inconsistent", "level listed twice");
      if (inp.levels === undefined && inp.unknownLevel !== undefined)
        bad(ctx, ["inputs", i, "unknownLevel"], "inconsistent", "unknownLevel applies to categorical inputs only");
    });
    if (c.inputs[0]!.feature !== c.feature)
      bad(ctx, ["feature"], "inconsistent", "feature must be the first input's feature");
    let nodes = 0;
    const value = (levels: readonly string[] | null, v: number | string, path: (string | number)[]): void => {
      if (levels === null && typeof v !== "number")
        bad(ctx, path, "invalid_type", "a numeric input compares to numbers");
      else if (levels !== null && (typeof v !== "string" || !levels.includes(v)))
        bad(ctx, path, "unknown_reference", "a categorical input compares to one of its levels");
    };
    const input = (f: string, path: (string | number)[]): readonly string[] | null | undefined => {
      const lv = inputs.get(f);
      if (lv === undefined) bad(ctx, path, "unknown_reference", "feature is not one of the characteristic's inputs");
      return lv;
    };
    const walkPredicate = (p: Predicate, path: (string | number)[], depth: number): void => {
      if (++nodes > RULE_LIMITS.maxNodes || depth > RULE_LIMITS.maxDepth) {
        if (nodes === RULE_LIMITS.maxNodes + 1 || depth === RULE_LIMITS.maxDepth + 1)
          bad(ctx, path, "too_complex", "predicates and expressions too large or too deeply nested");
        return;
      }
      switch (p.op) {
        case "true":
        case "false":
          return;
        case "isMissing":
        case "isNotMissing":
          input(p.feature, [...path, "feature"]);
          return;
        case "in":
        case "notIn": {
          const lv = input(p.feature, [...path, "feature"]);
          if (lv !== undefined)
            p.values.forEach((v, i) => {
              value(lv, v, [...path, "values", i]);
            });
          return;
        }
        case "and":
        case "or":
        case "xor":
        case "surrogate":
          p.args.forEach((a, i) => {
            walkPredicate(a, [...path, "args", i], depth + 1);
          });
          return;
        default: {
          const lv = input(p.feature, [...path, "feature"]);
          if (lv === undefined) return;
          if (lv !== null && p.op !== "eq" && p.op !== "ne")
            bad(ctx, [...path, "op"], "invalid_value", "a categorical input supports eq, ne, in and notIn only");
          value(lv, p.value, [...path, "value"]);
        }
      }
    };
    const walkExpression = (e: Expression, path: (string | number)[], depth: number): void => {
      if (++nodes > RULE_LIMITS.maxNodes || depth > RULE_LIMITS.maxDepth) {
        if (nodes === RULE_LIMITS.maxNodes + 1 || depth === RULE_LIMITS.maxDepth + 1)
          bad(ctx, path, "too_complex", "predicates and expressions too large or too deeply nested");
        return;
      }
      if (e.op === "field") {
        const lv = input(e.feature, [...path, "feature"]);
        if (lv !== undefined && lv !== null)
          bad(ctx, [...path, "feature"], "invalid_type", "an expression reads numeric inputs only");
      } else if (e.op === "apply") {
        const [lo, hi] = ARITY[e.fn];
        if (e.args.length < lo || e.args.length > hi)
          bad(ctx, [...path, "args"], "invalid_value", "wrong number of arguments for the function");
        e.args.forEach((a, i) => {
          walkExpression(a, [...path, "args", i], depth + 1);
        });
      }
    };
    let expressions = 0;
    c.attributes.forEach((a, i) => {
      walkPredicate(a.when, ["attributes", i, "when"], 0);
      if ((a.points === undefined) === (a.expression === undefined))
        bad(ctx, ["attributes", i], "inconsistent", "an attribute has either points or an expression");
      if (a.expression !== undefined) {
        expressions++;
        walkExpression(a.expression, ["attributes", i, "expression"], 0);
      }
    });
    if (expressions > 0 && c.baselineScore === undefined)
      bad(ctx, ["baselineScore"], "missing", "a characteristic with points expressions needs a baselineScore");
  });

/**
 * Schema of one characteristic (numeric, categorical, or rules in version 2 artefacts).
 * @example characteristicSchema.safeParse(scorecardJson.characteristics[0]).success // => true
 */
export const characteristicSchema = z.discriminatedUnion("type", [
  numericCharacteristic,
  categoricalCharacteristic,
  rulesCharacteristic,
]);

/**
 * Schema of a scaling, with factor and offset checked against the parameters.
 * @example scalingSchema.safeParse(scorecardJson.scaling).success // => true
 */
export const scalingSchema = z
  .strictObject({
    points0: z.number(),
    odds0: z.number().positive(),
    pdo: z.number().positive(),
    odds: z.enum(["bad:good", "good:bad"]),
    factor: z.number(),
    offset: z.number(),
  })
  .superRefine((s, ctx) => {
    if (!(s.odds0 > 0 && s.pdo > 0)) return;
    const want = pdoScaling(s);
    const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    if (!close(s.factor, want.factor)) bad(ctx, ["factor"], "inconsistent", "factor does not equal pdo / ln 2");
    if (!close(s.offset, want.offset))
      bad(ctx, ["offset"], "inconsistent", "offset does not match points0, odds0 and the odds convention");
  });

const rounding = z.enum(["none", "half-up", "half-even"]);
const reasons = z.array(z.strictObject({ code, message: z.string().min(1).max(300) })).max(10_000);

const training = z.strictObject({
  data: z.string().min(1).max(1_000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  metrics: z.record(z.string().min(1).max(64), z.number()).optional(),
});

function checkNamesAndReasons(
  chars: readonly { name: string }[],
  pathOf: (i: number) => (string | number)[],
  rs: readonly { code: string }[] | undefined,
  ctx: Ctx,
): void {
  const seen = new Set<string>();
  chars.forEach((c, i) => {
    if (seen.has(c.name)) bad(ctx, [...pathOf(i), "name"], "inconsistent", "characteristic name used twice");
    seen.add(c.name);
  });
  const codes = new Set<string>();
  rs?.forEach((r, i) => {
    if (codes.has(r.code)) bad(ctx, ["reasons", i, "code"], "inconsistent", "reason code listed twice");
    codes.add(r.code);
  });
}

/**
 * Schema of a points scorecard artefact, format `riskcard.scorecard` version 1 or 2 (version 2
 * adds rules characteristics, `reasonCodeAlgorithm` and `useReasonCodes`; a version 1 artefact
 * using them is rejected).
 * @example scorecardSchema.safeParse(scorecardJson).success // => true
 */
export const scorecardSchema = z
  .strictObject({
    format: z.literal("riskcard.scorecard"),
    version: z.union([z.literal(1), z.literal(2)]),
    name,
    description: z.string().max(1_000).optional(),
    scaling: scalingSchema.nullable(),
    rounding,
    base: z.enum(["separate", "spread"]),
    basePoints: z.number(),
    characteristics: z.array(characteristicSchema).min(1).max(1_000),
    reasons: reasons.optional(),
    reasonCodeAlgorithm: z.enum(["pointsBelow", "pointsAbove"]).optional(),
    useReasonCodes: z.boolean().optional(),
    /**
     * Optional (both versions): the card's scoring categories (credit history, debts, ...), each
     * naming its characteristics; a characteristic is in at most one. `scoreBreakdown` sums by them.
     */
    categories: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(100),
          characteristics: z.array(z.string().min(1).max(200)).min(1).max(1_000),
        }),
      )
      .min(1)
      .max(100)
      .optional(),
    training: training.optional(),
  })
  .superRefine((card, ctx) => {
    checkNamesAndReasons(card.characteristics, (i) => ["characteristics", i], card.reasons, ctx);
    if (card.categories !== undefined) {
      const names = new Set(card.characteristics.map((c) => c.name));
      const placed = new Set<string>();
      const catNames = new Set<string>();
      card.categories.forEach((cat, i) => {
        if (catNames.has(cat.name)) bad(ctx, ["categories", i, "name"], "inconsistent", "category name used twice");
        catNames.add(cat.name);
        cat.characteristics.forEach((n, j) => {
          if (!names.has(n))
            bad(ctx, ["categories", i, "characteristics", j], "unknown_reference", "not a characteristic of the card");
          else if (placed.has(n))
            bad(ctx, ["categories", i, "characteristics", j], "inconsistent", "characteristic in two categories");
          placed.add(n);
        });
      });
    }
    // One encoding per feature: a vector holds a category's index in the levels, so every
    // characteristic reading a feature must agree on whether it is categorical and on its levels.
    const kinds = new Map<string, string>();
    const read = (feature: string, levels: readonly string[] | undefined, path: (string | number)[]): void => {
      const key = levels === undefined ? "numeric" : JSON.stringify(levels);
      const seen = kinds.get(feature);
      if (seen === undefined) kinds.set(feature, key);
      else if (seen !== key)
        bad(ctx, path, "inconsistent", "characteristics read this feature with different types or levels");
    };
    card.characteristics.forEach((c, i) => {
      if (c.type === "rules")
        c.inputs.forEach((inp, j) => {
          read(inp.feature, inp.levels, ["characteristics", i, "inputs", j]);
        });
      else read(c.feature, c.type === "categorical" ? c.levels : undefined, ["characteristics", i, "feature"]);
    });
    if (card.version === 1) {
      card.characteristics.forEach((c, i) => {
        if (c.type === "rules")
          bad(ctx, ["characteristics", i, "type"], "unsupported_version", "rules characteristics need version 2");
      });
      for (const k of ["reasonCodeAlgorithm", "useReasonCodes"] as const)
        if (card[k] !== undefined) bad(ctx, [k], "unsupported_version", "this field needs version 2");
    }
    if (card.base === "spread" && card.basePoints !== 0)
      bad(ctx, ["basePoints"], "inconsistent", "basePoints must be 0 when the base is spread");
  });

/**
 * Schema of an expert weighted card artefact, format `riskcard.expert-card` version 1.
 * @example expertCardSchema.safeParse(expertCardJson).success // => true
 */
export const expertCardSchema = z
  .strictObject({
    format: z.literal("riskcard.expert-card"),
    version: z.literal(1),
    name,
    description: z.string().max(1_000).optional(),
    range: z.strictObject({ min: z.number(), max: z.number() }),
    scaling: scalingSchema,
    rounding,
    categories: z
      .array(
        z.strictObject({
          name,
          weight: z.number().min(0).max(100),
          characteristics: z
            .array(z.discriminatedUnion("type", [numericCharacteristic, categoricalCharacteristic]))
            .min(1)
            .max(1_000),
        }),
      )
      .min(1)
      .max(64),
    reasons: reasons.optional(),
  })
  .superRefine((card, ctx) => {
    if (!(card.range.min < card.range.max)) bad(ctx, ["range"], "inconsistent", "range.min must be below range.max");
    let sum = 0;
    for (const c of card.categories) sum += c.weight;
    if (Math.abs(sum - 100) > 1e-9)
      bad(
        ctx,
        ["categories"],
        "invalid_weights",
        `category weights sum to ${Number(sum.toPrecision(12))}%; they must sum to 100%`,
      );
    const flat: { name: string }[] = [];
    const paths: (string | number)[][] = [];
    card.categories.forEach((cat, k) => {
      const seen = new Set<string>();
      if (card.categories.findIndex((o) => o.name === cat.name) !== k)
        bad(ctx, ["categories", k, "name"], "inconsistent", "category name used twice");
      let span = 0;
      cat.characteristics.forEach((c, i) => {
        flat.push(c);
        paths.push(["categories", k, "characteristics", i]);
        seen.add(c.name);
        const all = [...c.attributes.map((a) => a.points), c.fallback.points];
        span += Math.max(...all) - Math.min(...all);
      });
      if (!(span > 0))
        bad(
          ctx,
          ["categories", k],
          "inconsistent",
          "the category's characteristics give every applicant the same points",
        );
    });
    checkNamesAndReasons(flat, (i) => paths[i]!, card.reasons, ctx);
  });
