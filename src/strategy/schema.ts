import { z } from "zod";
import { categoryCode, OCCUPATIONS, placeCode, pseudonym } from "../schema/applicant";

/**
 * The format name of a strategy artefact.
 * @example STRATEGY_FORMAT // => "riskcard.strategy"
 */
export const STRATEGY_FORMAT = "riskcard.strategy";

/**
 * The value of `occupation` for an applicant who declared none (it is a value of the attribute's domain).
 * @example NO_OCCUPATION // => "none"
 */
export const NO_OCCUPATION = "none";

/**
 * The value of an open attribute (`region`, `product`, `channel`) for an applicant whose code is
 * absent or not in the attribute's declared domain (`domains.region`, `domains.product`, ...).
 * @example OTHER_REGION // => "other"
 */
export const OTHER_REGION = "other";

/**
 * The segment id under which `decision.versions.segment` records an eligibility decline
 * (`"eligibility (<strategy>@<version> #<digest>)"`): reserved, so no segment may take it.
 * @example ELIGIBILITY_SEGMENT // => "eligibility"
 */
export const ELIGIBILITY_SEGMENT = "eligibility";

/**
 * The open attributes: their values are codes the strategy declares in `domains` (plus `"other"`),
 * read from the applicant's `identity.cityCode` (`region`), `application.product` and `application.channel`.
 * @example OPEN_ATTRIBUTES // => ["region", "product", "channel"]
 */
export const OPEN_ATTRIBUTES = ["region", "product", "channel"] as const;
/** One open attribute (see `OPEN_ATTRIBUTES`). */
export type OpenAttribute = (typeof OPEN_ATTRIBUTES)[number];

/** A condition on an open attribute: its codes, or `"other"`. */
const open = (code: z.ZodString) => categorical(z.union([code, z.literal(OTHER_REGION)])).optional();
/** A declared domain of an open attribute. */
const domain = (code: z.ZodString) => z.array(code).min(1).max(1_000).optional();

/** A condition on a categorical attribute: the value is one of `in`, or none of `notIn` (exactly one of them). */
const categorical = <T extends z.ZodType<string>>(value: T) =>
  z
    .strictObject({
      in: z.array(value).min(1).max(1_000).optional(),
      notIn: z.array(value).min(1).max(1_000).optional(),
    })
    .refine((c) => (c.in === undefined) !== (c.notIn === undefined), {
      message: "give exactly one of in and notIn",
      params: { code: "inconsistent" },
    });

/** A half-open interval `min <= x < max` of whole numbers; either bound may be left out (unbounded). */
const interval = z
  .strictObject({ min: z.int().min(-1_000).max(1_000).optional(), max: z.int().min(-1_000).max(1_000).optional() })
  .refine((c) => c.min !== undefined || c.max !== undefined, {
    message: "give min, max or both",
    params: { code: "missing" },
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min < c.max, {
    message: "min must be below max (the interval is min <= x < max)",
    params: { code: "inconsistent" },
  });

/**
 * A segment's condition: every attribute named must match (an empty condition matches everyone).
 * Attributes: `bureauFile` (a bureau report is present), `returningCustomer` (at least one loan on
 * this platform), `invited` (the id is on `invitationList`), `ageYears` (whole years on the local date
 * of `asOf`, interval), `occupation` (declared occupation, `"none"` when not declared), `region` (the
 * declared city code when it is in `domains.region`, else `"other"`), `product` and `channel` (the
 * application's code when it is in `domains.product` / `domains.channel`, else `"other"`). Unknown
 * attributes are rejected.
 * @example conditionSchema.safeParse({ bureauFile: false, ageYears: { min: 18, max: 25 } }).success // => true
 * @example conditionSchema.safeParse({ channel: "app" }).success // => false (a condition, not a value)
 */
export const conditionSchema = z.strictObject({
  bureauFile: z.boolean().optional(),
  returningCustomer: z.boolean().optional(),
  invited: z.boolean().optional(),
  ageYears: interval.optional(),
  occupation: categorical(z.enum([...OCCUPATIONS, NO_OCCUPATION])).optional(),
  region: open(placeCode),
  product: open(categoryCode),
  channel: open(categoryCode),
});

/** A segment's condition (see `conditionSchema`). */
export type Condition = z.infer<typeof conditionSchema>;

/** The attributes a condition may name, in the order they are evaluated. */
export type AttributeName = keyof Condition;

/**
 * The strategy artefact (`riskcard.strategy` version 1): an eligibility step, then ordered segments,
 * each routing to a named engine configuration (card, PD thresholds, limit and pricing policy, rule
 * set: any `EngineConfig` without a strategy).
 * @example strategySchema.safeParse({ format: "riskcard.strategy", version: 1, name: "s", engines: { all: {} }, segments: [{ id: "all", when: {}, engine: "all" }] }).success // => true
 */
export const strategySchema = z.strictObject({
  format: z.literal(STRATEGY_FORMAT),
  version: z.literal(1),
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  /** Offset of local time from UTC for `ageYears` (default 480, China Standard Time). */
  utcOffsetMinutes: z.int().min(-840).max(840).optional(),
  /** Declared domains of open attributes: the codes `region`, `product` and `channel` distinguish (the rest is `"other"`). */
  domains: z
    .strictObject({ region: domain(placeCode), product: domain(categoryCode), channel: domain(categoryCode) })
    .optional(),
  /** Pseudonymous ids invited (read by the `invited` attribute and by `eligibility.invitationOnly`). */
  invitationList: z.array(pseudonym).max(1_000_000).optional(),
  /** Checked before any segment: `invitationOnly` declines ids not on `invitationList` (`ELIGIBILITY_NOT_INVITED`). */
  eligibility: z.strictObject({ invitationOnly: z.boolean().optional() }).optional(),
  /** Engine configurations by name (checked by `createEngine`; a segment names one). */
  engines: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/), z.unknown()),
  segments: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/),
        description: z.string().max(1_000).optional(),
        when: conditionSchema,
        engine: z.string().min(1).max(64),
      }),
    )
    .min(1)
    .max(64),
});

/** A strategy as written (input of `loadStrategy`). */
export type StrategySpec = z.input<typeof strategySchema>;
