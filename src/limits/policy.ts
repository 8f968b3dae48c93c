import { DEFAULT_RATE_CAP, maxRateUnderCap, unitApr } from "../pricing/cap";
import { annuityFactor } from "../pricing/amortize";
import { type Band, BANDS, type PolicyReason, type RepaymentMethod } from "../pricing/types";
import { type JsonLimits, deepFreeze, guardJson } from "../schema/json-guard";
import { ArtefactError, type Issue, type Result, fail, issue, ok } from "../schema/result";
import { validateWith } from "../schema/zod-issues";
import { type PolicySpec, policySchema } from "./policy-schema";
import { REASONS } from "./reasons";

/**
 * The 24% red line: a cap above it needs `pricing.cap.allowAbove24: true`.
 * @example RED_LINE_APR // => 0.24
 */
export const RED_LINE_APR = DEFAULT_RATE_CAP.rate;

/** Pricing of one band on one term, compiled once when the policy is loaded. */
export interface TermPricing {
  /** False when no rate keeps the APR under the cap (or within the rate range), or the policy withdraws it. */
  readonly available: boolean;
  /** Contract rate after cap enforcement. */
  readonly annualRate: number;
  /** True when the rate was lowered to meet the cap. */
  readonly repriced: boolean;
  /** APR of the product's exact cash flows (fees included); rounded real flows are at or below it. */
  readonly aprNominal: number;
  readonly aprEffective: number;
  readonly termMonths: number;
  readonly method: RepaymentMethod;
  /** First monthly payment (installment + monthly fee) per fen of principal, for the DTI cap. */
  readonly firstPaymentPerFen: number;
  /** Reasons that travel with every offer on this term (repricing) or the withdrawal. */
  readonly reasons: readonly PolicyReason[];
}

/**
 * Pricing of one band, compiled once when the policy is loaded: its default term's pricing (the
 * fields of `TermPricing`) and every allowed term's, shortest first.
 */
export interface BandPricing extends TermPricing {
  readonly band: Band;
  /** One entry per allowed term (`allowedTermsMonths`, else the default term alone), ascending. */
  readonly terms: readonly TermPricing[];
}

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A loaded policy: the validated JSON plus per-band pricing compiled at load. Deep-frozen. */
export type Policy = DeepReadonly<PolicySpec> & { readonly compiled: Readonly<Record<Band, BandPricing>> };

/**
 * Size budget of a policy artefact (`guardJson`): 2,000 values and 100,000 characters in strings and keys.
 * @example POLICY_LIMITS // => { maxNodes: 2000, maxChars: 100000 }
 */
export const POLICY_LIMITS: JsonLimits = Object.freeze({ maxNodes: 2_000, maxChars: 100_000 });

function compileTerm(spec: PolicySpec, band: Band, termMonths: number): TermPricing {
  const b = spec.bands[band];
  const p = spec.pricing;
  const unit = {
    annualRate: b.annualRate,
    termMonths,
    method: b.method,
    upfrontFeeRate: p.upfrontFeeRate,
    monthlyFeeRate: p.monthlyFeeRate,
  };
  let rate = b.annualRate;
  let repriced = false;
  let available = true;
  const capped = maxRateUnderCap(unit, p.cap);
  if (capped !== rate) {
    if (p.onCapBreach === "reprice" && capped >= p.rateRange.min) {
      rate = capped;
      repriced = true;
    } else {
      available = false;
    }
  }
  const priced = { ...unit, annualRate: rate };
  const r = rate / 12;
  const first = b.method === "equal-installment" ? annuityFactor(r, termMonths) : 1 / termMonths + r;
  return Object.freeze({
    available,
    annualRate: rate,
    repriced,
    aprNominal: unitApr(priced, "nominal"),
    aprEffective: unitApr(priced, "effective"),
    termMonths,
    method: b.method,
    firstPaymentPerFen: first + p.monthlyFeeRate,
    reasons: Object.freeze(
      !available ? [REASONS.OFFER_WITHDRAWN_RATE_CAP] : repriced ? [REASONS.PRICE_REPRICED_TO_CAP] : [],
    ),
  });
}

function compileBand(spec: PolicySpec, band: Band): BandPricing {
  const b = spec.bands[band];
  const terms = (b.allowedTermsMonths ?? [b.termMonths]).map((t) => compileTerm(spec, band, t));
  const main = terms.find((t) => t.termMonths === b.termMonths) as TermPricing;
  return Object.freeze({ band, ...main, terms: Object.freeze(terms) });
}

/** Cross-field rules zod cannot express per field; each issue says which rule. */
function checkConsistency(spec: PolicySpec): Issue[] {
  const out: Issue[] = [];
  const { product, pricing, bands } = spec;
  if (product.minLimitFen > product.maxLimitFen) {
    out.push(issue("inconsistent", ["product", "minLimitFen"], "must not exceed maxLimitFen"));
  }
  if (pricing.rateRange.min > pricing.rateRange.max) {
    out.push(issue("inconsistent", ["pricing", "rateRange", "min"], "must not exceed rateRange.max"));
  }
  if (pricing.cap.rate > RED_LINE_APR && pricing.cap.allowAbove24 !== true) {
    out.push(issue("too_big", ["pricing", "cap", "rate"], "a cap above 24% needs allowAbove24: true"));
  }
  for (let i = 0; i < BANDS.length; i++) {
    const name = BANDS[i] as Band;
    const b = bands[name];
    if (b.annualRate < pricing.rateRange.min || b.annualRate > pricing.rateRange.max) {
      out.push(issue("inconsistent", ["bands", name, "annualRate"], "must lie within pricing.rateRange"));
    }
    if (b.maxFirstLimitFen > product.maxLimitFen) {
      out.push(issue("inconsistent", ["bands", name, "maxFirstLimitFen"], "must not exceed product.maxLimitFen"));
    }
    const terms = b.allowedTermsMonths;
    if (terms !== undefined) {
      for (let k = 1; k < terms.length; k++) {
        if ((terms[k] as number) <= (terms[k - 1] as number)) {
          out.push(
            issue("inconsistent", ["bands", name, "allowedTermsMonths", k], "terms must be strictly increasing"),
          );
        }
      }
      if (!terms.includes(b.termMonths)) {
        out.push(issue("inconsistent", ["bands", name, "allowedTermsMonths"], "must include the band's termMonths"));
      }
    }
    const longest = terms === undefined ? b.termMonths : Math.max(b.termMonths, ...terms);
    if (b.method === "equal-principal" && ((longest - 1) * b.annualRate) / 12 > 1) {
      out.push(
        issue(
          "inconsistent",
          ["bands", name, "termMonths"],
          "equal-principal needs (termMonths - 1) x monthly rate <= 1",
        ),
      );
    }
    if (i === 0) continue;
    const better = bands[BANDS[i - 1] as Band];
    const fields = ["incomeMultiple", "maxFirstLimitFen", "unverifiedLimitFen"] as const;
    for (const f of fields) {
      if (b[f] > better[f])
        out.push(issue("inconsistent", ["bands", name, f], "must not exceed the better band's value"));
    }
    if (b.annualRate < better.annualRate) {
      out.push(issue("inconsistent", ["bands", name, "annualRate"], "must not be below the better band's rate"));
    }
  }
  return out;
}

/**
 * Checks that a better band never gets less than a worse one after compilation: on their default
 * terms, and on every other term both bands allow.
 */
function checkCompiled(compiled: Record<Band, BandPricing>): Issue[] {
  const out: Issue[] = [];
  for (let i = 1; i < BANDS.length; i++) {
    const worseBand = compiled[BANDS[i] as Band];
    const betterBand = compiled[BANDS[i - 1] as Band];
    const pairs: [TermPricing, TermPricing, string][] = [[worseBand, betterBand, ""]];
    for (const w of worseBand.terms) {
      const b = betterBand.terms.find((t) => t.termMonths === w.termMonths);
      if (b === undefined || (w.termMonths === worseBand.termMonths && b.termMonths === betterBand.termMonths))
        continue;
      pairs.push([w, b, ` (${w.termMonths}-month term)`]);
    }
    for (const [worse, better, at] of pairs) {
      if (worse.available && !better.available) {
        out.push(
          issue(
            "inconsistent",
            ["bands", worseBand.band],
            `available while a better band is withdrawn by the rate cap${at}`,
          ),
        );
      }
      if (worse.available && better.available && worse.firstPaymentPerFen < better.firstPaymentPerFen - 1e-15) {
        out.push(
          issue(
            "inconsistent",
            ["bands", worseBand.band],
            `payment per unit lent is below the better band's (limits would not rise with the band)${at}`,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Validates a limit and pricing policy artefact and compiles its per-band pricing.
 *
 * Checks: first the pre-scan every loader shares (`guardJson` with `POLICY_LIMITS`: no
 * `__proto__`/`constructor`/`prototype` keys, nesting within `MAX_JSON_DEPTH`, at most 2,000
 * values); `format` "riskcard.policy" and `version` 1; every field by the zod schema (unknown
 * keys rejected); a cap above 24% only with `pricing.cap.allowAbove24: true`; band rates within the rate
 * range; bands ordered A (best) to E (worst) so that limits never fall as the band improves;
 * `allowedTermsMonths` strictly increasing and including the band's `termMonths`.
 * Each band is then priced once per allowed term: when its APR (IRR of the exact cash flows, fees included) is
 * over the cap, it is re-priced to the highest rate meeting the cap (`onCapBreach: "reprice"`,
 * and not below `rateRange.min`) or withdrawn.
 * @param json the parsed JSON (e.g. `JSON.parse` of models/policy.json)
 * @returns `{ ok: true, value }` with a deep-frozen `Policy`, or `{ ok: false, issues }`
 * @example loadPolicy(JSON.parse(readFileSync("models/policy.json", "utf8"))).ok // => true
 */
export function loadPolicy(json: unknown): Result<Policy> {
  const guard = guardJson(json, POLICY_LIMITS, { root: "object" });
  if (guard.length > 0) return fail(guard);
  const rec = json as Record<string, unknown>;
  if (rec.format !== "riskcard.policy") {
    return fail([issue("unsupported_version", ["format"], 'expected format "riskcard.policy"')]);
  }
  if (rec.version !== 1) return fail([issue("unsupported_version", ["version"], "this build reads version 1")]);
  const parsed = validateWith(policySchema, json);
  if (!parsed.ok) return parsed;
  const spec = parsed.value;
  const issues = checkConsistency(spec);
  if (issues.length > 0) return fail(issues);
  const compiled = {} as Record<Band, BandPricing>;
  for (const b of BANDS) compiled[b] = compileBand(spec, b);
  const late = checkCompiled(compiled);
  if (late.length > 0) return fail(late);
  return ok(deepFreeze({ ...spec, compiled }) as Policy);
}

/**
 * Throwing twin of `loadPolicy`: the same checks, the policy itself or an `ArtefactError`.
 * @param json the parsed JSON
 * @returns the deep-frozen policy
 * @throws {ArtefactError} carrying the issues when the policy is invalid
 * @example loadPolicyOrThrow(JSON.parse(readFileSync("models/policy.json", "utf8"))).compiled.A.annualRate // => 0.12
 */
export function loadPolicyOrThrow(json: unknown): Policy {
  const r = loadPolicy(json);
  if (r.ok) return r.value;
  throw new ArtefactError(r.issues, "policy");
}

/**
 * Deprecated name of `loadPolicyOrThrow` (documented before the Result-or-throw rule).
 * @deprecated use `loadPolicyOrThrow`
 * @param json the artefact
 * @returns the deep-frozen policy
 * @throws {ArtefactError} carrying the issues when the artefact is invalid
 * @example parsePolicy(JSON.parse(readFileSync("models/policy.json", "utf8"))).compiled.A.annualRate // => 0.12
 */
export const parsePolicy: (json: unknown) => Policy = loadPolicyOrThrow;

/**
 * The policy as JSON (without the compiled pricing), ready to save and reload.
 * @param policy a loaded policy
 * @returns a plain object that `loadPolicy` accepts
 * @example loadPolicy(policyToJSON(policy)).ok // => true
 */
export function policyToJSON(policy: Policy): PolicySpec {
  const { compiled: _compiled, ...spec } = policy;
  return JSON.parse(JSON.stringify(spec)) as PolicySpec;
}
