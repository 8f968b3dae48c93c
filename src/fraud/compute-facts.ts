import type { AnyFormApplicant, BureauAccount, DeviceEventKind, DeviceRecord } from "../schema/applicant";
import type { DeviceEventColumns } from "../schema/columnar";
import { readableColumns } from "../schema/readable-columns/internal";
import { SECTION_FIELDS, rowAt, rowCount, scratchFor } from "../schema/rows/internal";
import { type LoanInquiryCounts, ageInYearsFast, loanInquiryCounts } from "../features/internal";
import { FIXED, WINDOWED, WINDOWED_FACTS } from "./catalog";
import { DEFAULT_FACT_CONFIG, type FactConfig } from "./fact-config";
import { type Facts, clearFacts, createFacts } from "./facts";
import { haversineKm } from "./geo";
import type { VelocityCounts } from "./velocity-counts";
import { type StringTable, clearStringTable, markString, newStringTable } from "../features/internal";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The fixed windows of the signal facts: 30 days for multi-lending, 24 hours for account changes. */
const LENDING_WINDOW_MS = 30 * DAY_MS;
const CHANGES_WINDOW_MS = DAY_MS;

/** Options of `computeFacts`. */
export interface ComputeFactsOptions {
  /** The decision time (epoch ms); events after it are not counted. */
  readonly asOf: number;
  /** Cross-account counts from a velocity store (`readVelocity` / `gatherFacts`); velocity facts are missing without them. */
  readonly velocity?: VelocityCounts;
  /** Fact configuration (windows, thresholds); `DEFAULT_FACT_CONFIG` when omitted. */
  readonly config?: FactConfig;
}

/**
 * Computes the built-in facts of one applicant (see `FIXED_FACTS` and `WINDOWED_FACTS` for the
 * list): velocity per window from the applicant's events, devices and accounts per device,
 * impossible travel, night-time activity, declared-city mismatch, flagged links, age, and the signals of
 * multi-lender borrowing (loan inquiries and distinct lenders over 30 days, new microloans), account
 * takeover (password resets and account changes over 24 hours) and income inflation (declared over
 * verified income).
 * The result does not depend on the order of `devices.events`. Windows end at the application
 * time `t = min(application.appliedAt, asOf)` (or `asOf` without an application): a window `w`
 * holds events with `t - w < at <= t`, so later events are ignored; device age is `t - firstSeenAt`.
 * Age is computed at `asOf`.
 * @param applicant a validated applicant (`parseApplicant`)
 * @param options `{ asOf, velocity?, config? }`
 * @returns new facts for `config.catalog`
 * @throws {TypeError} when the applicant is not an object with `id` and `identity` (validate it with `parseApplicant` first)
 * @throws {RangeError} when `asOf` is not a non-negative safe integer or `velocity` belongs to another configuration
 * @example readFact(computeFacts(applicant, { asOf }), "identity.underage") // => false
 */
export function computeFacts(applicant: AnyFormApplicant, options: ComputeFactsOptions): Facts {
  const facts = createFacts(options.config ?? DEFAULT_FACT_CONFIG);
  computeFactsInto(facts, applicant, options);
  return facts;
}

/**
 * Like `computeFacts`, but fills a buffer from `createFacts` (cleared first), to reuse it.
 * @param facts a buffer of the same configuration's catalog
 * @param applicant a validated applicant
 * @param options `{ asOf, velocity?, config? }`
 * @returns nothing
 * @throws {TypeError} when the applicant is not an object with `id` and `identity` (validate it with `parseApplicant` first)
 * @throws {RangeError} as `computeFacts`, or when the buffer belongs to another catalog
 * @example const buffer = createFacts(DEFAULT_FACT_CONFIG); computeFactsInto(buffer, applicant, { asOf }); readFact(buffer, "identity.ageYears") // => 36 (born 1990-03-15)
 */
export function computeFactsInto(facts: Facts, applicant: AnyFormApplicant, options: ComputeFactsOptions): void {
  assertApplicantShape(applicant);
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object with asOf");
  const config = options.config ?? DEFAULT_FACT_CONFIG;
  const asOf = options.asOf;
  if (!Number.isSafeInteger(asOf) || asOf < 0)
    throw new RangeError("asOf must be a non-negative safe integer (epoch ms)");
  if (facts.catalog !== config.catalog) throw new RangeError("facts buffer belongs to another fact configuration");
  clearFacts(facts);
  // Windows end at the application (capped at asOf): velocity describes what led up to it.
  const anchor = applicant.application !== undefined ? Math.min(applicant.application.appliedAt, asOf) : asOf;
  const v = facts.values;
  const m = facts.missing;
  const s = facts.strings;

  // Identity and compliance.
  const id = applicant.identity;
  setStr(s, m, FIXED.applicantId, applicant.id);
  const age =
    id.birthDate !== undefined ? ageInYearsFast(id.birthDate, asOf, config.utcOffsetMinutes * 60_000) : id.ageYears;
  if (age !== undefined) {
    setNum(v, m, FIXED.ageYears, age);
    setNum(v, m, FIXED.underage, age < 18 ? 1 : 0);
  }
  setNum(v, m, FIXED.realNameVerified, id.realNameVerified ? 1 : 0);
  setNum(v, m, FIXED.idVerified, id.idVerified ? 1 : 0);
  setNum(v, m, FIXED.phoneVerified, id.phoneVerified ? 1 : 0);
  if (id.cityCode !== undefined) setStr(s, m, FIXED.cityCode, id.cityCode);
  const declared = id.declaredMonthlyIncomeFen;
  const verified = id.verifiedMonthlyIncomeFen;
  if (declared !== undefined && verified !== undefined && verified > 0)
    setNum(v, m, FIXED.incomeRatio, declared / verified);

  // Multi-lender borrowing (bureau report).
  const bureau = applicant.bureau;
  if (bureau !== undefined) {
    const c = loanInquiryCounts(bureau.inquiries, anchor, LENDING_WINDOW_MS, lendingScratch);
    setNum(v, m, FIXED.loanInquiries30d, c.inquiries);
    setNum(v, m, FIXED.loanLenders30d, c.lenders);
    let micro = 0;
    const accounts = bureau.accounts;
    const na = rowCount(accounts, SECTION_FIELDS.accounts);
    const sa = scratchFor(accounts);
    for (let i = 0; i < na; i++) {
      const acc = rowAt<BureauAccount>(accounts, i, SECTION_FIELDS.accounts, sa);
      if (acc.kind === "microloan" && acc.openedAt <= anchor && acc.openedAt > anchor - LENDING_WINDOW_MS) micro++;
    }
    setNum(v, m, FIXED.microloansOpened30d, micro);
  }

  // Application.
  const app = applicant.application;
  if (app !== undefined) {
    if (app.requestedAmountFen !== undefined) setNum(v, m, FIXED.amountFen, app.requestedAmountFen);
    if (app.requestedTermMonths !== undefined) setNum(v, m, FIXED.termMonths, app.requestedTermMonths);
    if (app.deviceId !== undefined) setStr(s, m, FIXED.deviceId, app.deviceId);
    if (app.ipHash !== undefined) setStr(s, m, FIXED.ipHash, app.ipHash);
    setNum(v, m, FIXED.atNight, isNight(app.appliedAt, config) ? 1 : 0);
  }

  // Social links.
  const soc = applicant.social;
  if (soc !== undefined) {
    setNum(v, m, FIXED.accountAgeDays, soc.accountAgeDays);
    if (soc.flaggedContactCount !== undefined) setNum(v, m, FIXED.flaggedContacts, soc.flaggedContactCount);
    if (soc.defaultedLinkCount !== undefined) setNum(v, m, FIXED.defaultedLinks, soc.defaultedLinkCount);
    if (soc.flaggedContactCount !== undefined && soc.contactCount > 0)
      setNum(v, m, FIXED.flaggedShare, Math.min(1, soc.flaggedContactCount / soc.contactCount));
  }

  // Cross-account velocity from a store.
  const vel = options.velocity;
  if (vel !== undefined) {
    if (vel.catalog !== config.catalog) throw new RangeError("velocity counts belong to another fact configuration");
    const vb = config.catalog.velocityBase;
    for (let i = 0; i < vel.values.length; i++) {
      m[vb + i] = vel.missing[i]!;
      v[vb + i] = vel.missing[i] === 1 ? 0 : vel.values[i]!;
    }
  }

  // Device records.
  const windows = config.windows;
  const nw = windows.length;
  const wb = config.catalog.windowedBase;
  const per = WINDOWED_FACTS.length;
  const devices = applicant.devices;
  const records = devices?.records;
  if (records !== undefined) {
    let maxAccounts = 0;
    const nr = rowCount(records, SECTION_FIELDS.deviceRecords);
    const sr = scratchFor(records);
    for (let i = 0; i < nr; i++) {
      const r = rowAt<DeviceRecord>(records, i, SECTION_FIELDS.deviceRecords, sr);
      if (r.accountCount > maxAccounts) maxAccounts = r.accountCount;
      if (app?.deviceId !== undefined && r.deviceId === app.deviceId) {
        setNum(v, m, FIXED.deviceAccounts, r.accountCount);
        const ageMs = Math.max(0, anchor - r.firstSeenAt);
        setNum(v, m, FIXED.deviceAgeHours, ageMs / HOUR_MS);
        for (let w = 0; w < nw; w++) setNum(v, m, wb + w * per + WINDOWED.deviceNew, ageMs < windows[w]!.ms ? 1 : 0);
      }
    }
    setNum(v, m, FIXED.deviceCount, nr);
    if (nr > 0) setNum(v, m, FIXED.deviceMaxAccounts, maxAccounts);
  }

  // Events: counts per window (nested windows: count where first contained, then accumulate).
  const events = devices?.events;
  if (events === undefined) return;
  setNum(v, m, FIXED.passwordResets24h, 0);
  setNum(v, m, FIXED.accountChanges24h, 0);
  for (let w = 0; w < nw; w++) {
    const base = wb + w * per;
    setNum(v, m, base + WINDOWED.apply, 0);
    setNum(v, m, base + WINDOWED.login, 0);
    setNum(v, m, base + WINDOWED.nightEvents, 0);
  }
  // Lower ends of the windows at the anchor (an event in window w has at > lower[w]), computed once per call.
  if (lower.length < nw) lower = new Float64Array(nw);
  for (let w = 0; w < nw; w++) lower[w] = anchor - windows[w]!.ms;
  const longestLower = lower[nw - 1]!;
  const changesLower = anchor - CHANGES_WINDOW_MS;
  const nightOffsetMs = config.utcOffsetMinutes * 60_000;
  const nightFrom = config.nightStartHour;
  const nightTo = config.nightEndHour;
  const declaredCity = id.cityCode;
  // Distinct devices and IPs per window: each value keeps the mask of windows it was seen in
  // (windows nest, so an event in window w is in every longer one too).
  clearStringTable(deviceSeen);
  clearStringTable(ipSeen);
  for (let w = 0; w < nw; w++) {
    deviceCounts[w] = 0;
    ipCounts[w] = 0;
  }
  const all = (1 << nw) - 1;
  located.n = 0;
  let cityLogins = 0;
  let cityMismatches = 0;
  let lastCityAt = -1;
  let lastCityMismatch = false;
  // One loop for both forms: a row read from its object, or from the columns (null entries are absent).
  // Each field is read only once the event needs it: events after the anchor or before the longest
  // window stop after `at` and `kind`, and only logins read their place.
  const rows = Array.isArray(events) ? events : undefined;
  // (the ordinary-array copy of the frozen columns: reads from frozen arrays are slow, ../schema/readable-columns/internal.ts)
  const cols = rows === undefined ? readableColumns(events as DeviceEventColumns) : undefined;
  const n = rows !== undefined ? rows.length : cols!.at.length;
  for (let i = 0; i < n; i++) {
    const r = rows !== undefined ? rows[i]! : undefined;
    const at = r !== undefined ? r.at : cols!.at[i]!;
    if (at > anchor) continue;
    const kind: DeviceEventKind = r !== undefined ? r.kind : cols!.kind[i]!;
    if (at > changesLower) {
      if (kind === "password_reset") {
        v[FIXED.passwordResets24h]!++;
        v[FIXED.accountChanges24h]!++;
      } else if (kind === "phone_change" || kind === "profile_change") v[FIXED.accountChanges24h]!++;
    }
    if (at <= longestLower) continue;
    let w = 0;
    while (at <= lower[w]!) w++;
    const base = wb + w * per;
    if (kind === "apply") v[base + WINDOWED.apply]!++;
    else if (kind === "login") v[base + WINDOWED.login]!++;
    if (isNightAt(at, nightOffsetMs, nightFrom, nightTo)) v[base + WINDOWED.nightEvents]!++;
    const inWindows = all & ~((1 << w) - 1);
    const deviceId = r !== undefined ? r.deviceId : cols!.deviceId[i]!;
    countFresh(markString(deviceSeen, deviceId, inWindows), deviceCounts);
    const ipHash = r !== undefined ? r.ipHash : entry(cols!.ipHash, i);
    if (ipHash !== undefined) countFresh(markString(ipSeen, ipHash, inWindows), ipCounts);
    if (kind !== "login") continue;
    const lat = r !== undefined ? r.lat : entry(cols!.lat, i);
    const lon = r !== undefined ? r.lon : entry(cols!.lon, i);
    if (lat !== undefined && lon !== undefined) addLocated(at, lat, lon);
    if (declaredCity === undefined) continue;
    const cityCode = r !== undefined ? r.cityCode : entry(cols!.cityCode, i);
    if (cityCode !== undefined) {
      const mismatch = cityCode !== declaredCity;
      cityLogins++;
      if (mismatch) cityMismatches++;
      // Latest login wins; among logins at the same instant, any mismatch counts (order-free).
      if (at > lastCityAt) {
        lastCityAt = at;
        lastCityMismatch = mismatch;
      } else if (at === lastCityAt && mismatch) lastCityMismatch = true;
    }
  }
  clearStringTable(deviceSeen);
  clearStringTable(ipSeen);
  for (let w = 1; w < nw; w++) {
    const base = wb + w * per;
    const prev = wb + (w - 1) * per;
    v[base + WINDOWED.apply]! += v[prev + WINDOWED.apply]!;
    v[base + WINDOWED.login]! += v[prev + WINDOWED.login]!;
    v[base + WINDOWED.nightEvents]! += v[prev + WINDOWED.nightEvents]!;
  }
  for (let w = 0; w < nw; w++) {
    const base = wb + w * per;
    setNum(v, m, base + WINDOWED.devices, deviceCounts[w]!);
    setNum(v, m, base + WINDOWED.ips, ipCounts[w]!);
  }
  if (cityLogins > 0) {
    setNum(v, m, FIXED.cityMismatchShare, cityMismatches / cityLogins);
    setNum(v, m, FIXED.cityLastMismatch, lastCityMismatch ? 1 : 0);
  }
  if (located.n >= 2) {
    travel(config, v, m);
  } else if (located.n === 1) {
    setNum(v, m, FIXED.travelMaxSpeed, 0);
    setNum(v, m, FIXED.travelImpossible, 0);
    setNum(v, m, FIXED.travelImpossibleCount, 0);
  }
}

// Per-call scratch (computeFactsInto is synchronous; each is emptied before it returns).
const deviceSeen: StringTable = newStringTable();
const ipSeen: StringTable = newStringTable();
const deviceCounts = new Float64Array(32);
const ipCounts = new Float64Array(32);
/** The lower ends of the windows at the current anchor (grown on demand). */
let lower = new Float64Array(8);
/** Located logins (time, latitude, longitude) of the current call: parallel arrays grown on demand, `n` used. */
const located: { n: number; at: Float64Array; lat: Float64Array; lon: Float64Array; order: number[] } = {
  n: 0,
  at: new Float64Array(64),
  lat: new Float64Array(64),
  lon: new Float64Array(64),
  order: [],
};

function addLocated(at: number, lat: number, lon: number): void {
  const k = located.n;
  if (k === located.at.length) {
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    located.at = grow(located.at);
    located.lat = grow(located.lat);
    located.lon = grow(located.lon);
  }
  located.at[k] = at;
  located.lat[k] = lat;
  located.lon[k] = lon;
  located.n = k + 1;
}

/** Entry i of an optional column of the columnar form (`null` entries and absent columns are absent). */
function entry<T>(c: readonly (T | null)[] | undefined, i: number): T | undefined {
  if (c === undefined) return undefined;
  const x = c[i];
  return x === null ? undefined : x;
}
const lendingScratch: LoanInquiryCounts = { inquiries: 0, lenders: 0 };

function setNum(v: Float64Array, m: Uint8Array, i: number, x: number): void {
  v[i] = x;
  m[i] = 0;
}

function setStr(s: (string | undefined)[], m: Uint8Array, i: number, x: string): void {
  s[i] = x;
  m[i] = 0;
}

/** Adds 1 to `counts[w]` for each bit w of `fresh` (windows where a value is seen for the first time). */
function countFresh(fresh: number, counts: Float64Array): void {
  while (fresh !== 0) {
    const w = 31 - Math.clz32(fresh);
    fresh ^= 1 << w;
    counts[w] = counts[w]! + 1;
  }
}

/**
 * A cheap guard against programmer errors (facts are computed from a validated applicant; this does
 * not re-validate it, `parseApplicant` does).
 */
function assertApplicantShape(a: unknown): void {
  const o = a as Partial<AnyFormApplicant> | null;
  if (
    typeof o !== "object" ||
    o === null ||
    typeof o.id !== "string" ||
    typeof o.identity !== "object" ||
    o.identity === null
  )
    throw new TypeError("applicant must be a validated Applicant (see parseApplicant)");
}

/** Orders located logins (indices into `located`) by (time, lat, lon): a total order on what `travel` reads. */
const byTimeLatLon = (i: number, j: number): number =>
  located.at[i]! - located.at[j]! || located.lat[i]! - located.lat[j]! || located.lon[i]! - located.lon[j]!;

/**
 * Scans consecutive located logins in (time, lat, lon) order, so ties do not depend on input order.
 * Logins usually arrive in that order: then they are read in place, and only otherwise sorted
 * through an index array. A pair at the same place is 0 km apart: exactly what `haversineKm`
 * returns for it (every term is a zero), so the trigonometry is skipped.
 */
function travel(config: FactConfig, v: Float64Array, m: Uint8Array): void {
  const n = located.n;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(byTimeLatLon(i - 1, i) <= 0)) sorted = false;
  let order: number[] | undefined;
  if (!sorted) {
    order = located.order;
    order.length = n;
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(byTimeLatLon);
  }
  let maxSpeed = 0;
  let impossible = 0;
  const minHours = config.minTravelSeconds / 3600;
  const minKm = config.minTravelKm;
  const { at, lat, lon } = located;
  for (let k = 1; k < n; k++) {
    const a = order === undefined ? k - 1 : order[k - 1]!;
    const b = order === undefined ? k : order[k]!;
    const la = lat[a]!;
    const oa = lon[a]!;
    const lb = lat[b]!;
    const ob = lon[b]!;
    const km = la === lb && oa === ob ? 0 : haversineKm(la, oa, lb, ob);
    if (km < minKm) continue;
    const speed = km / Math.max(minHours, (at[b]! - at[a]!) / HOUR_MS);
    if (speed > maxSpeed) maxSpeed = speed;
    if (speed > config.impossibleSpeedKmh) impossible++;
  }
  v[FIXED.travelMaxSpeed] = maxSpeed;
  v[FIXED.travelImpossible] = impossible > 0 ? 1 : 0;
  v[FIXED.travelImpossibleCount] = impossible;
  m[FIXED.travelMaxSpeed] = 0;
  m[FIXED.travelImpossible] = 0;
  m[FIXED.travelImpossibleCount] = 0;
}

/**
 * Whether an instant falls in the configured night hours, in local time (`utcOffsetMinutes`).
 * @param at epoch ms
 * @param config the fact configuration
 * @returns true in [nightStartHour, nightEndHour) local time (wrapping past midnight)
 * @example isNight(Date.UTC(2026, 0, 1, 18), DEFAULT_FACT_CONFIG) // => true (02:00 in UTC+8)
 */
export function isNight(at: number, config: FactConfig): boolean {
  return isNightAt(at, config.utcOffsetMinutes * 60_000, config.nightStartHour, config.nightEndHour);
}

/** `isNight` with the configuration read once per call: offset in ms, night hours [from, to). */
function isNightAt(at: number, offsetMs: number, from: number, to: number): boolean {
  const local = at + offsetMs;
  // local mod one day without a floating-point modulo (slow on epoch-ms doubles); the subtraction
  // is exact, and the correction covers a quotient rounded across an integer
  let ms = local - Math.floor(local / 86_400_000) * 86_400_000;
  if (ms < 0) ms += 86_400_000;
  else if (ms >= 86_400_000) ms -= 86_400_000;
  const hour = Math.floor(ms / HOUR_MS);
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}
