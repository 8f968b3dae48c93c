/**
 * zod schemas of the scorecard artefacts (`riskcard.scorecard` v1 and `riskcard.expert-card` v1)
 * with the cross-field rules: ordered, non-overlapping intervals; categories drawn from `levels`;
 * at most one missing attribute; unique names; a scaling whose factor and offset match its
 * parameters; expert weights summing to 100%.
 */
import { z } from "zod";
import { pdoScaling } from "./pdo-scaling";

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

/**
 * Schema of one characteristic (numeric or categorical).
 * @example characteristicSchema.safeParse(scorecardJson.characteristics[0]).success // => true
 */
export const characteristicSchema = z.discriminatedUnion("type", [numericCharacteristic, categoricalCharacteristic]);

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
 * Schema of a points scorecard artefact, format `riskcard.scorecard` version 1.
 * @example scorecardSchema.safeParse(scorecardJson).success // => true
 */
export const scorecardSchema = z
  .strictObject({
    format: z.literal("riskcard.scorecard"),
    version: z.literal(1),
    name,
    description: z.string().max(1_000).optional(),
    scaling: scalingSchema.nullable(),
    rounding,
    base: z.enum(["separate", "spread"]),
    basePoints: z.number(),
    characteristics: z.array(characteristicSchema).min(1).max(1_000),
    reasons: reasons.optional(),
    training: training.optional(),
  })
  .superRefine((card, ctx) => {
    checkNamesAndReasons(card.characteristics, (i) => ["characteristics", i], card.reasons, ctx);
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
          characteristics: z.array(characteristicSchema).min(1).max(1_000),
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
