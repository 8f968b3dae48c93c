import { z } from "zod";
import { CONSENT_CATEGORIES } from "../schema/applicant";

/**
 * The engine configuration, validated once by `createEngine`. Every field is optional; what is
 * left out comes from the artefacts shipped in `models/`.
 * @example engineConfigSchema.safeParse({ card: "expert", reviewPd: 0.1 }).success // => true
 */
export const engineConfigSchema = z.strictObject({
  /** Which card scores: the statistical card (default) or the expert (weighted) cold-start card. */
  card: z.enum(["statistical", "expert"]).optional(),
  /** A statistical scorecard artefact (JSON) replacing `models/scorecard.json`. */
  scorecard: z.unknown().optional(),
  /** An expert card artefact (JSON) replacing `models/expert-card.json`. */
  expertCard: z.unknown().optional(),
  /** A fraud rule set artefact replacing `models/fraud-rules.json`. */
  rules: z.unknown().optional(),
  /** A limit and pricing policy artefact replacing `models/policy.json`. */
  policy: z.unknown().optional(),
  /** Upper PD bounds of bands A to D, strictly increasing within (0, 1). */
  bandPdBounds: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .refine((b) => b[0] > 0 && b[3] < 1 && b[0] < b[1] && b[1] < b[2] && b[2] < b[3], {
      message: "must be strictly increasing within (0, 1)",
    })
    .optional(),
  /** PD at or above which an application goes to manual review (default 0.12). */
  reviewPd: z.number().gt(0).lt(1).optional(),
  /** PD at or above which an application is declined (default 0.2). */
  declinePd: z.number().gt(0).max(1).optional(),
  /** How many adverse score reasons a decision carries (default 4). */
  maxReasons: z.int().min(1).max(20).optional(),
  /**
   * What a decision means when `gatherFacts` could not read the velocity store (`velocity.unavailable`):
   * `review` (default) sends an approval to manual review, `ignore` keeps the outcome; both add the
   * `VELOCITY_UNAVAILABLE` reason.
   */
  velocityUnavailable: z.enum(["review", "ignore"]).optional(),
  /**
   * A strategy artefact (`riskcard.strategy`, see `loadStrategy` of `riskcard/strategy`), or `"default"` for
   * `models/strategy.json`: segments each decided by their own engine. With a strategy, no other key may be given.
   */
  strategy: z.unknown().optional(),
  /**
   * Data categories an applicant must consent to (`consent.purposes`) for this product: when any is
   * not consented, the `purposes_consented` guard fails and the application is declined. The guard
   * is checked (and listed in `decision.guards`) only when this list is not empty.
   */
  requiredConsents: z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length).optional(),
});

export type EngineConfig = z.input<typeof engineConfigSchema>;
