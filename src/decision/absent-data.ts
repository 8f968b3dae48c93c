import { type Catalog, featureIndex, featureSection } from "../features";
import { ABSENT_SECTION_CODES, type AbsentSection } from "../messages/locales";
import { EN } from "../messages/en";
import type { Applicant } from "../schema/applicant";
import { reasonCodeIndex } from "../scorecard/internal";
import type { Scorecard } from "../scorecard/types";

/** The optional sections whose absence has a `NO_*` reason, in a fixed order (bit i of a mask is section i). */
const SECTIONS = Object.keys(ABSENT_SECTION_CODES) as AbsentSection[];

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
  /** The catalog index of every feature the characteristic reads. */
  readonly features: readonly Int32Array[];
  /** Scratch: the redirect passed to `selectReasonCodes`. */
  readonly redirect: Int32Array;
}

/**
 * Compiles, for a card and the engine's catalog, which characteristics read only one optional
 * section (bureau, payments, social, devices, loans) and the `NO_*` code that replaces their reasons
 * when that section is absent: a reason never describes data the applicant does not have.
 * @param card the engine's card
 * @param catalog the engine's feature catalog (it has every feature the card reads)
 * @returns the compiled table
 * @internal
 */
export function compileAbsentData(card: Scorecard, catalog: Catalog): AbsentData {
  const n = card.characteristics.length;
  const bit = new Uint8Array(n);
  const code = new Int32Array(n).fill(-1);
  const features: Int32Array[] = [];
  card.characteristics.forEach((ch, c) => {
    const names = ch.type === "rules" ? ch.inputs.map((i) => i.feature) : [ch.feature];
    const idx = Int32Array.from(names, (f) => featureIndex(catalog, f));
    features.push(idx);
    const sections = new Set(Array.from(idx, (i) => featureSection(catalog, i)));
    const only = sections.size === 1 ? [...sections][0] : undefined;
    const s = SECTIONS.indexOf(only as AbsentSection);
    if (s < 0) return;
    const noCode = ABSENT_SECTION_CODES[SECTIONS[s]!];
    bit[c] = 1 << s;
    code[c] = reasonCodeIndex(card, noCode, EN[noCode]!);
  });
  return { bit, code, features, redirect: new Int32Array(n) };
}

/**
 * The optional sections absent from an applicant (as decided: after `applyConsent`), as a bit mask.
 * @param a a validated applicant
 * @returns bit i set when section i of `ABSENT_SECTION_CODES` is absent
 * @example absentMask({ id: "a", identity: applicant.identity, consent: applicant.consent }) // => 31 (all five absent)
 * @internal
 */
export function absentMask(a: Applicant): number {
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
 * The redirect for `selectReasonCodes`: a characteristic whose section is absent and whose features
 * are all missing reports the section's `NO_*` code instead of its own; undefined when none does.
 * @param ad the compiled table
 * @param mask the absent sections
 * @param missing the feature vector's missing flags
 * @returns `ad.redirect` filled, or undefined
 * @internal
 */
export function redirectFor(ad: AbsentData, mask: number, missing: ArrayLike<number>): Int32Array | undefined {
  if (mask === 0) return undefined;
  let any = false;
  const r = ad.redirect;
  for (let c = 0; c < r.length; c++) {
    r[c] = -1;
    if ((ad.bit[c]! & mask) === 0) continue;
    const f = ad.features[c]!;
    let all = true;
    for (let j = 0; j < f.length; j++) if (missing[f[j]!] !== 1) all = false;
    if (!all) continue;
    r[c] = ad.code[c]!;
    any = true;
  }
  return any ? r : undefined;
}
