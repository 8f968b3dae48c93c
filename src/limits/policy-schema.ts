import { z } from "zod";

/** A money amount in fen: a non-negative safe integer. */
const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveFen = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const share = z.number().min(0).max(1);

const bandSchema = z.strictObject({
  /** Nominal annual contract rate for this band, within `pricing.rateRange`. */
  annualRate: z.number().min(0).max(10),
  /** Term offered when the application asks for none, months. */
  termMonths: z.int().min(1).max(60),
  /**
   * Terms this band may be offered on, months, strictly increasing and including `termMonths`
   * (default: `termMonths` alone). A requested term outside the list gets the nearest listed one.
   */
  allowedTermsMonths: z.array(z.int().min(1).max(60)).min(1).max(60).optional(),
  method: z.enum(["equal-installment", "equal-principal"]),
  /** First limit = multiple x verified monthly income. */
  incomeMultiple: z.number().min(0).max(100),
  /** Highest first limit for this band, fen. */
  maxFirstLimitFen: fen,
  /** First limit when income is not verified, fen. */
  unverifiedLimitFen: fen,
});

/**
 * The zod schema of the limit and pricing policy artefact (`riskcard.policy`, version 1).
 * @example policySchema.safeParse(JSON.parse(readFileSync("models/policy.json", "utf8"))).success // => true
 */
export const policySchema = z.strictObject({
  format: z.literal("riskcard.policy"),
  version: z.literal(1),
  id: z.string().min(1).max(64),
  description: z.string().max(2000).optional(),
  currency: z.literal("CNY"),
  product: z.strictObject({
    minLimitFen: positiveFen,
    maxLimitFen: fen,
    limitStepFen: positiveFen,
  }),
  regulatory: z.strictObject({
    /** Absolute cap on an unsecured consumer limit, fen (200,000 CNY in China's online micro-loan rules). */
    maxUnsecuredFen: fen,
    /** Cap as a share of annual income (1/3 in the same rules). */
    maxShareOfAnnualIncome: share,
  }),
  pricing: z.strictObject({
    rateRange: z.strictObject({ min: z.number().min(0).max(10), max: z.number().min(0).max(10) }),
    cap: z.strictObject({
      rate: z.number().gt(0).max(10),
      convention: z.enum(["nominal", "effective"]),
      /** Must be true to configure a cap above 24%. */
      allowAbove24: z.boolean().optional(),
    }),
    onCapBreach: z.enum(["reprice", "withdraw"]),
    upfrontFeeRate: z.number().min(0).lt(1),
    monthlyFeeRate: share,
    /** Applications with a probability of default above this get no offer. */
    maxPd: share,
  }),
  affordability: z.strictObject({
    /** Highest share of monthly income that all monthly debt payments may take. */
    maxDti: share,
  }),
  bands: z.strictObject({ A: bandSchema, B: bandSchema, C: bandSchema, D: bandSchema, E: bandSchema }),
  adjustment: z.strictObject({
    raise: z.strictObject({
      onTimeCycles: z.int().min(1).max(120),
      stepRate: z.number().min(0).max(10),
      minStepFen: fen,
      cooldownDays: z.int().min(0).max(3650),
    }),
    seriousDelinquency: z.strictObject({ dpd: z.int().min(1).max(3650), factor: share }),
    frequentBorrowing: z.strictObject({
      count: z.int().min(2).max(10_000),
      windowDays: z.int().min(1).max(3650),
      factor: share,
    }),
    fraud: z.strictObject({ factor: share }),
    /**
     * Multi-lender borrowing seen on a bureau refresh at review time: `inquiries` or more
     * loan-application inquiries from `lenders` or more distinct lenders within `windowDays` cut the
     * limit to limit x `factor`. Optional: `DEFAULT_MULTI_LENDING` (6, 4, 30 days, 0.8) when absent.
     */
    multiLending: z
      .strictObject({
        inquiries: z.int().min(1).max(1_000),
        lenders: z.int().min(1).max(1_000),
        windowDays: z.int().min(1).max(3650),
        factor: share,
      })
      .optional(),
    volatility: z.strictObject({
      maxSpendCv: z.number().gt(0).max(100),
      minMonths: z.int().min(2).max(120),
    }),
  }),
});

/** The policy as written in JSON (before compilation). */
export type PolicySpec = z.infer<typeof policySchema>;
