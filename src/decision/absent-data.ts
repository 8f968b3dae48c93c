import { type Catalog, featureIndex, featureSection } from "../features";
import { ABSENT_SECTION_CODES, type AbsentSection } from "../messages/locales";
import { EN } from "../messages/en";
import type { AnyFormApplicant } from "../schema/applicant";
import { reasonCodeIndex } from "../scorecard/internal";
import type { Scorecard } from "../scorecard/types";

/** The optional sections whose absence has a `NO_*` reason, in a fixed order (bit i of a mask is section i). */
const SECTIONS = Object.keys(ABSENT_SECTION_CODES) as AbsentSection[];

/**
 * Features of the default catalog that can be missing while their section is present, with the
 * `NO_*` code a characteristic reading only them reports then: `bureau_utilisation` (revolving
 * balance / revolving limit) is missing when the credit report has no open credit card with a limit,
 * where "High use of available credit" would describe credit the applicant does not have.
 * @example ABSENT_FEATURE_CODES.bureau_utilisation // => "NO_CREDIT_LIMIT"
 * @internal
 */
export const ABSENT_FEATURE_CODES: Readonly<Record<string, string>> = Object.freeze({
  bureau_utilisation: "NO_CREDIT_LIMIT",
});

/**
 * Per characteristic of a card, what its reasons become when the section it reads is absent:
 * compiled once by the engine.
 * @internal
 */
export interface AbsentData {
  /** The bit of the section the characteristic reads (0: none of the optional sections, or several). */
  readonly bit: Uint8Array;
  /** The reason-code index of the section's `NO_*` code in the card's table (`reasonCodeIndex`). */
  readonly code: Int32Array;
  /**
   * The reason-code index of the `ABSENT_FEATURE_CODES` code of the features the characteristic reads
   * (-1: none), reported when they are all missing while their section is present.
   */
  readonly missingCode: Int32Array;
  /** Whether any characteristic has a `missingCode` (else a decision with every section present needs no redirect). */
  readonly anyMissingCode: boolean;
  /** The catalog index of every feature the characteristic reads. */
  readonly features: readonly Int32Array[];
  /** Scratch: the redirect passed to `selectReasonCodes`. */
  readonly redirect: Int32Array;
}

/**
 * Compiles, for a card and the engine's catalog, which characteristics read only one optional
 * section (bureau, payments, social, devices, loans) and the `NO_*` code that replaces their reasons
 * when that section is absent, and which read only features of `ABSENT_FEATURE_CODES` and the code
 * that replaces their reasons when those are missing: a reason never describes data the applicant
 * does not have.
 * @param card the engine's card
 * @param catalog the engine's feature catalog (it has every feature the card reads)
 * @returns the compiled table
 * @internal
 */
export function compileAbsentData(card: Scorecard, catalog: Catalog): AbsentData {
  const n = card.characteristics.length;
  const bit = new Uint8Array(n);
  const code = new Int32Array(n).fill(-1);
  const missingCode = new Int32Array(n).fill(-1);
  const features: Int32Array[] = [];
  card.characteristics.forEach((ch, c) => {
    const names = ch.type === "rules" ? ch.inputs.map((i) => i.feature) : [ch.feature];
    const idx = Int32Array.from(names, (f) => featureIndex(catalog, f));
    features.push(idx);
    const own = new Set(names.map((f) => (Object.hasOwn(ABSENT_FEATURE_CODES, f) ? ABSENT_FEATURE_CODES[f] : "")));
    const featureCode = own.size === 1 ? [...own][0]! : "";
    if (featureCode !== "") missingCode[c] = reasonCodeIndex(card, featureCode, EN[featureCode]!);
    const sections = new Set(Array.from(idx, (i) => featureSection(catalog, i)));
    const only = sections.size === 1 ? [...sections][0] : undefined;
    const s = SECTIONS.indexOf(only as AbsentSection);
    if (s < 0) return;
    const noCode = ABSENT_SECTION_CODES[SECTIONS[s]!];
    bit[c] = 1 << s;
    code[c] = reasonCodeIndex(card, noCode, EN[noCode]!);
  });
  const anyMissingCode = missingCode.some((x) => x >= 0);
  return { bit, code, missingCode, anyMissingCode, features, redirect: new Int32Array(n) };
}

/**
 * The optional sections absent from an applicant (as decided: after `applyConsent`), as a bit mask.
 * @param a a validated applicant
 * @returns bit i set when section i of `ABSENT_SECTION_CODES` is absent
 * @example absentMask({ id: "a", identity: applicant.identity, consent: applicant.consent }) // => 31 (all five absent)
 * @internal
 */
export function absentMask(a: AnyFormApplicant): number {
  let m = 0;
  if (a.bureau === undefined) m |= 1;
  if (a.payments === undefined) m |= 2;
  if (a.social === undefined) m |= 4;
  if (a.devices === undefined) m |= 8;
  if (a.loans === undefined) m |= 16;
  return m;
}

/**
 * The names of the sections in a mask, and back (what a trace records).
 * @param mask from `absentMask`
 * @returns the section names, in `ABSENT_SECTION_CODES` order
 * @example absentSections(1) // => ["bureau"]
 * @internal
 */
export function absentSections(mask: number): string[] {
  return SECTIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * The mask of a list of section names read from a trace (unknown names are ignored).
 * @param names anything (a trace's `absentSections`)
 * @returns the mask
 * @example maskOf(["bureau", "loans"]) // => 17
 * @internal
 */
export function maskOf(names: unknown): number {
  if (!Array.isArray(names)) return 0;
  let m = 0;
  for (const x of names) {
    const i = SECTIONS.indexOf(x as AbsentSection);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

/**
 * The redirect for `selectReasonCodes`: a characteristic whose features are all missing reports,
 * instead of its own code, its section's `NO_*` code when the section is absent, else its features'
 * `ABSENT_FEATURE_CODES` code when they have one; undefined when no characteristic is redirected.
 * @param ad the compiled table
 * @param mask the absent sections
 * @param missing the feature vector's missing flags
 * @returns `ad.redirect` filled, or undefined
 * @internal
 */
export function redirectFor(ad: AbsentData, mask: number, missing: ArrayLike<number>): Int32Array | undefined {
  if (mask === 0 && !ad.anyMissingCode) return undefined;
  let any = false;
  const r = ad.redirect;
  for (let c = 0; c < r.length; c++) {
    r[c] = -1;
    const absent = (ad.bit[c]! & mask) !== 0;
    if (!absent && ad.missingCode[c]! < 0) continue;
    const f = ad.features[c]!;
    let all = true;
    for (let j = 0; j < f.length; j++) if (missing[f[j]!] !== 1) all = false;
    if (!all) continue;
    r[c] = absent ? ad.code[c]! : ad.missingCode[c]!;
    any = true;
  }
  return any ? r : undefined;
}
