import type { Decision } from "./types";

/*
 * A decision's JSON text, byte for byte `JSON.stringify(decision)`, built from pieces that are
 * serialized once: the parts the engine shares between decisions (the versions, the guard lists, the
 * fraud parts, the offer's reason constants) are memoized per frozen object, and the reason and
 * breakdown entries, which come from a closed set per card, rule set, policy and locale, per code, and
 * the offer's band, term, method and rates (the policy's per-term pricing), per combination of their values.
 * Only the genuinely variable leaves (numbers, the applicant's id, the offer's figures) are written per
 * call. Every object on the fast path is checked to have exactly the keys, in the order, that the engine
 * gives it; anything else (another key order, an extra or missing field, a value of another type, a
 * `toJSON`) makes the whole decision go to `JSON.stringify`, so the text is always its text.
 */

/**
 * Whether JSON.stringify writes `s` between quotes as it is: no control character, `"` or `\\`, and no
 * surrogate (a lone one is escaped; a string with a pair goes to JSON.stringify too, which keeps it).
 */
function verbatim(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** Keys of every decision, in the engine's order; then the optional ones around `versions`. */
const HEAD = ["applicantId", "asOf", "outcome", "score", "band", "pd", "reasons", "guards", "fraud", "offer"] as const;
const OFFER_KEYS = [
  "band",
  "limitFen",
  "termMonths",
  "method",
  "annualRate",
  "aprNominal",
  "aprEffective",
  "upfrontFeeFen",
  "monthlyFeeFen",
  "monthlyPaymentFen",
  "schedulePreview",
  "reasons",
] as const;
const ROW_KEYS = ["period", "paymentFen", "principalFen", "interestFen", "balanceFen"] as const;

/** Set by the writers below when a value is not of the shape the fast path writes; the caller then falls back. */
let bad = false;

/** Texts of deeply frozen plain parts, by identity (their text can never change). */
const frozenTexts = new WeakMap<object, string>();
/** Parts found not deeply frozen plain data (never memoized). */
const notFrozen = new WeakSet<object>();

/**
 * The fixed text of a reason, breakdown part or traced characteristic, keyed by its code, category or
 * name, with the values it was written from (compared on every use: another value is written afresh).
 */
interface Entry {
  /** The message, label or feature. */
  readonly a: string;
  /** A reason's source, or the text after the entry's variable number (`,"weight":30}`, `,"baseline":38}`). */
  readonly b: string;
  /** The weight or baseline (null for a reason). */
  readonly c: unknown;
  /** The text up to the entry's variable number. */
  readonly text: string;
}
/** Bounded: codes come from artefacts and message packs, but a caller may pass any decision. */
const MAX_ENTRIES = 4096;
const reasonEntries = new Map<string, Entry>();
const breakdownEntries = new Map<string, Entry>();

function str(v: unknown): string {
  if (typeof v !== "string") {
    bad = true;
    return "";
  }
  return verbatim(v) ? `"${v}"` : JSON.stringify(v);
}

function num(v: unknown): string {
  if (typeof v !== "number") {
    bad = true;
    return "";
  }
  // Number::toString, as JSON.stringify writes finite numbers (-0 is "0"); non-finite ones are null.
  return Number.isFinite(v) ? `${v}` : "null";
}

/** Whether `o` is a plain object (or array) with exactly `keys` as its own enumerable keys, in order, and no `toJSON`. */
function hasKeys(o: unknown, keys: readonly string[]): o is Record<string, unknown> {
  if (typeof o !== "object" || o === null || (o as { toJSON?: unknown }).toJSON !== undefined) return false;
  const own = Object.keys(o);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}

function isArray(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && (v as { toJSON?: unknown }).toJSON === undefined;
}

/** Whether `v` is deeply frozen plain data: no accessors, no `toJSON`, plain prototypes, only JSON values. */
function deepFrozenData(v: unknown, depth: number): boolean {
  if (typeof v !== "object" || v === null)
    return typeof v === "string" || typeof v === "boolean" || typeof v === "number";
  if (depth > 8 || !Object.isFrozen(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== (Array.isArray(v) ? Array.prototype : Object.prototype)) return false;
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k !== "string" || k === "toJSON") return false;
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    if (!("value" in d)) return false;
    if (k === "length" && Array.isArray(v)) continue;
    if (!d.enumerable || !deepFrozenData(d.value, depth + 1)) return false;
  }
  return true;
}

/** The text of a part the engine shares between decisions: memoized when deeply frozen, else JSON.stringify's. */
function shared(v: unknown): string {
  if (typeof v !== "object" || v === null) return plain(v);
  const known = frozenTexts.get(v);
  if (known !== undefined) return known;
  if (!notFrozen.has(v) && deepFrozenData(v, 0)) {
    const text = JSON.stringify(v);
    frozenTexts.set(v, text);
    return text;
  }
  notFrozen.add(v);
  return plain(v);
}

/** JSON.stringify's text of a value as a property (bad when it would be left out, or has a toJSON that sees its key). */
function plain(v: unknown): string {
  if (typeof v === "object" && v !== null && (v as { toJSON?: unknown }).toJSON !== undefined) {
    bad = true;
    return "";
  }
  const t = JSON.stringify(v) as string | undefined;
  if (t === undefined) {
    bad = true;
    return "";
  }
  return t;
}

function remember(map: Map<string, Entry>, key: string, e: Entry): void {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, e);
}

/** `{"code":…,"message":…,"source":…` of a reason, from the code's cached entry. */
function reasonHead(code: string, message: unknown, source: unknown): string {
  const e = reasonEntries.get(code);
  if (e !== undefined && e.a === message && e.b === source) return e.text;
  if (typeof message !== "string" || typeof source !== "string") {
    bad = true;
    return "";
  }
  const text = `{"code":${str(code)},"message":${str(message)},"source":${str(source)}`;
  remember(reasonEntries, code, { a: message, b: source, c: null, text });
  return text;
}

const REASON3 = ["code", "message", "source"] as const;
const REASON4 = ["code", "message", "source", "points"] as const;

function reasons(v: unknown): string {
  if (!isArray(v)) {
    bad = true;
    return "";
  }
  let out = "[";
  for (let i = 0; i < v.length; i++) {
    const r = v[i];
    if (i > 0) out += ",";
    if (hasKeys(r, REASON4)) {
      const code = r.code;
      if (typeof code !== "string") bad = true;
      else out += `${reasonHead(code, r.message, r.source)},"points":${num(r.points)}}`;
    } else if (hasKeys(r, REASON3)) {
      const code = r.code;
      if (typeof code !== "string") bad = true;
      else out += `${reasonHead(code, r.message, r.source)}}`;
    } else bad = true;
  }
  return `${out}]`;
}

function sharedList(v: unknown): string {
  if (!isArray(v)) {
    bad = true;
    return "";
  }
  let out = "[";
  for (let i = 0; i < v.length; i++) out += i === 0 ? shared(v[i]) : `,${shared(v[i])}`;
  return `${out}]`;
}

function offer(v: unknown): string {
  if (v === null) return "null";
  if (!hasKeys(v, OFFER_KEYS)) {
    bad = true;
    return "";
  }
  const rows = v.schedulePreview;
  if (!isArray(rows)) {
    bad = true;
    return "";
  }
  let preview = "[";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!hasKeys(r, ROW_KEYS)) {
      bad = true;
      return "";
    }
    preview += `${i === 0 ? "" : ","}{"period":${num(r.period)},"paymentFen":${num(r.paymentFen)},"principalFen":${num(r.principalFen)},"interestFen":${num(r.interestFen)},"balanceFen":${num(r.balanceFen)}}`;
  }
  const t = termEntry(v.band, v.termMonths, v.method, v.annualRate, v.aprNominal, v.aprEffective);
  if (t === undefined) return "";
  return `${t.head}${num(v.limitFen)}${t.mid}${num(v.upfrontFeeFen)},"monthlyFeeFen":${num(v.monthlyFeeFen)},"monthlyPaymentFen":${num(v.monthlyPaymentFen)},"schedulePreview":${preview}],"reasons":${sharedList(v.reasons)}}`;
}

/**
 * The fixed text around an offer's limit: its band, and its term, method and rates, which come from the
 * policy's per-band, per-term pricing (a closed set per engine). Each entry keeps the values it was
 * written from and is used only when all six are the same (`===`), so the text is always theirs.
 */
interface TermEntry {
  readonly band: string;
  readonly termMonths: number;
  readonly method: string;
  readonly annualRate: number;
  readonly aprNominal: number;
  readonly aprEffective: number;
  /** `{"band":…,"limitFen":` */
  readonly head: string;
  /** `,"termMonths":…,"method":…,"annualRate":…,"aprNominal":…,"aprEffective":…,"upfrontFeeFen":` */
  readonly mid: string;
}
/** Bounded like the other entries (a caller may pass any decision); searched in order, most recent first. */
const MAX_TERM_ENTRIES = 64;
const termEntries: TermEntry[] = [];

function termEntry(
  band: unknown,
  termMonths: unknown,
  method: unknown,
  annualRate: unknown,
  aprNominal: unknown,
  aprEffective: unknown,
): TermEntry | undefined {
  for (let i = 0; i < termEntries.length; i++) {
    const e = termEntries[i]!;
    if (
      e.band === band &&
      e.termMonths === termMonths &&
      e.method === method &&
      e.annualRate === annualRate &&
      e.aprNominal === aprNominal &&
      e.aprEffective === aprEffective
    )
      return e;
  }
  if (
    typeof band !== "string" ||
    typeof method !== "string" ||
    typeof termMonths !== "number" ||
    typeof annualRate !== "number" ||
    typeof aprNominal !== "number" ||
    typeof aprEffective !== "number"
  ) {
    bad = true;
    return undefined;
  }
  const e: TermEntry = {
    band,
    termMonths,
    method,
    annualRate,
    aprNominal,
    aprEffective,
    head: `{"band":${str(band)},"limitFen":`,
    mid: `,"termMonths":${num(termMonths)},"method":${str(method)},"annualRate":${num(annualRate)},"aprNominal":${num(aprNominal)},"aprEffective":${num(aprEffective)},"upfrontFeeFen":`,
  };
  if (termEntries.length >= MAX_TERM_ENTRIES) termEntries.length = 0;
  termEntries.unshift(e);
  return e;
}

const PART_KEYS = ["category", "label", "points", "weight"] as const;

function breakdown(v: unknown): string {
  if (!isArray(v)) {
    bad = true;
    return "";
  }
  let out = "[";
  for (let i = 0; i < v.length; i++) {
    const p = v[i];
    if (!hasKeys(p, PART_KEYS) || typeof p.category !== "string") {
      bad = true;
      return "";
    }
    const category = p.category;
    let e = breakdownEntries.get(category);
    if (e === undefined || e.a !== p.label || e.c !== p.weight) {
      const weight = p.weight;
      const label = p.label;
      if (typeof label !== "string" || (weight !== null && typeof weight !== "number")) {
        bad = true;
        return "";
      }
      e = {
        a: label,
        b: `,"weight":${weight === null ? "null" : num(weight)}}`,
        c: weight,
        text: `{"category":${str(category)},"label":${str(label)},"points":`,
      };
      remember(breakdownEntries, category, e);
    }
    out += `${i === 0 ? "" : ","}${e.text}${num(p.points)}${e.b}`;
  }
  return `${out}]`;
}

/** `"key":` texts of record keys (feature and fact names: a closed set per engine), bounded like the entries. */
const keyTexts = new Map<string, string>();

function keyText(k: string): string {
  let t = keyTexts.get(k);
  if (t === undefined) {
    t = `${str(k)}:`;
    if (keyTexts.size >= MAX_ENTRIES) keyTexts.clear();
    keyTexts.set(k, t);
  }
  return t;
}

/** A record of numbers, booleans and nulls (a trace's features and facts); any other value as JSON.stringify writes it. */
function record(v: unknown): string {
  if (typeof v !== "object" || v === null || (v as { toJSON?: unknown }).toJSON !== undefined) return plain(v);
  const keys = Object.keys(v);
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = (v as Record<string, unknown>)[k];
    const t =
      typeof x === "number" ? num(x) : x === null ? "null" : typeof x === "boolean" ? (x ? "true" : "false") : plain(x);
    out += i === 0 ? keyText(k) + t : `,${keyText(k)}${t}`;
  }
  return `${out}}`;
}

const TRACE_CARD_KEYS = ["characteristics", "score", "pd", "band"] as const;
const CHARACTERISTIC_KEYS = ["name", "feature", "attribute", "points", "baseline"] as const;
const characteristicEntries = new Map<string, Entry>();

/** A trace's scorecard part: each characteristic's name, feature and baseline from its cached entry. */
function traceScorecard(v: unknown): string {
  if (!hasKeys(v, TRACE_CARD_KEYS) || !isArray(v.characteristics)) return plain(v);
  const chs = v.characteristics;
  let out = '{"characteristics":[';
  for (let i = 0; i < chs.length; i++) {
    const c = chs[i];
    if (!hasKeys(c, CHARACTERISTIC_KEYS) || typeof c.name !== "string") return plain(v);
    const name = c.name;
    let e = characteristicEntries.get(name);
    if (e === undefined || e.a !== c.feature || e.c !== c.baseline) {
      const feature = c.feature;
      const baseline = c.baseline;
      if (typeof feature !== "string" || typeof baseline !== "number") return plain(v);
      e = {
        a: feature,
        b: `,"baseline":${num(baseline)}}`,
        c: baseline,
        text: `{"name":${str(name)},"feature":${str(feature)},"attribute":`,
      };
      remember(characteristicEntries, name, e);
    }
    out += `${i === 0 ? "" : ","}${e.text}${num(c.attribute)},"points":${num(c.points)}${e.b}`;
  }
  return `${out}],"score":${num(v.score)},"pd":${num(v.pd)},"band":${str(v.band)}}`;
}

/** A trace: its `artefacts` (shared per engine) memoized, features and facts by key, every other part as JSON.stringify writes it. */
function trace(v: unknown): string {
  if (typeof v !== "object" || v === null || (v as { toJSON?: unknown }).toJSON !== undefined) {
    bad = true;
    return "";
  }
  const keys = Object.keys(v);
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = (v as Record<string, unknown>)[k];
    // a value JSON.stringify leaves out (undefined, a function) takes the slow path
    const t =
      k === "artefacts"
        ? shared(x)
        : k === "features" || k === "facts"
          ? record(x)
          : k === "scorecard"
            ? traceScorecard(x)
            : plain(x);
    out += `${i === 0 ? "" : ","}${keyText(k)}${t}`;
  }
  return `${out}}`;
}

/**
 * A decision as JSON text, identical byte for byte to `JSON.stringify(decision)` and faster on the
 * decisions an engine makes: the parts that are the same from one decision to the next (versions,
 * guard lists, fraud parts, reason and breakdown entries per code and locale) are written once and
 * reused, so only the variable leaves are written per call. Any value not in the shape `decide` gives
 * (another key order, an extra field, a `toJSON`) is written by `JSON.stringify` instead, so the text
 * is the same whatever is passed (and `JSON.stringify`'s errors, such as a BigInt, are thrown as is).
 * Figures: `npm run bench -- stringify` (bench/RESULTS.md, section stringify).
 * @param decision a decision from `decide` (with or without `explain`, `trace`, a locale, a strategy or an experiment)
 * @returns its JSON text
 * @throws {TypeError} only where `JSON.stringify` throws (a BigInt, a cycle) on a value that is not a decision
 * @example const d = createEngine().decide(applicant, { asOf }); stringifyDecision(d) === JSON.stringify(d) // => true
 */
export function stringifyDecision(decision: Decision): string {
  const d = decision as unknown;
  if (!(typeof d === "object" && d !== null) || !protoClean()) return JSON.stringify(d);
  const keys = Object.keys(d);
  const n = keys.length;
  if (n < 11 || n > 15 || (d as { toJSON?: unknown }).toJSON !== undefined) return JSON.stringify(d);
  for (let i = 0; i < HEAD.length; i++) if (keys[i] !== HEAD[i]) return JSON.stringify(d);
  const o = d as Record<string, unknown>;
  bad = false;
  let out = `{"applicantId":${str(o.applicantId)},"asOf":${num(o.asOf)},"outcome":${str(o.outcome)},"score":${num(o.score)},"band":${str(o.band)},"pd":${num(o.pd)},"reasons":${reasons(o.reasons)},"guards":${shared(o.guards)},"fraud":${shared(o.fraud)},"offer":${offer(o.offer)}`;
  let i = HEAD.length;
  if (keys[i] === "dataUsed") {
    out += `,"dataUsed":${plain(o.dataUsed)}`;
    i++;
  }
  if (keys[i] !== "versions") return JSON.stringify(d);
  out += `,"versions":${shared(o.versions)}`;
  i++;
  if (keys[i] === "breakdown") {
    out += `,"breakdown":${breakdown(o.breakdown)}`;
    i++;
  }
  if (keys[i] === "trace") {
    out += `,"trace":${trace(o.trace)}`;
    i++;
  }
  if (keys[i] === "experiment") {
    out += `,"experiment":${plain(o.experiment)}`;
    i++;
  }
  if (i !== n || bad) {
    bad = false;
    return JSON.stringify(d);
  }
  return `${out}}`;
}

/** No `toJSON` was added to the plain prototypes (it would change what JSON.stringify writes for every part). */
function protoClean(): boolean {
  return (
    (Object.prototype as { toJSON?: unknown }).toJSON === undefined &&
    (Array.prototype as { toJSON?: unknown }).toJSON === undefined
  );
}
