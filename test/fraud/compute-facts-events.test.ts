/**
 * The device-event facts of `computeFactsInto` (one fused loop that reads each field only when the
 * event needs it, window bounds computed once per call, travel read in place when the logins are
 * in order and the trigonometry skipped for a pair at the same place) against a naive reading
 * written here from the fact descriptions: filter, sort and count per fact, every field read, the
 * haversine formula evaluated for every pair. Row and columnar forms of the same events must give
 * the same facts as the naive reading, bit for bit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFacts, isNight } from "../../src/fraud/compute-facts";
import { DEFAULT_FACT_CONFIG, type FactConfig, createFactConfig } from "../../src/fraud/fact-config";
import { factsToObject } from "../../src/fraud/facts";
import { haversineKm } from "../../src/fraud/geo";
import type { Applicant, DeviceEvent } from "../../src/schema/applicant";
import { toColumnar } from "../../src/schema/transpose";
import { parseApplicantOrThrow } from "../../src/schema/parse";
import { AS_OF, DAY, HOUR, MIN, applicant } from "./helpers";

/** The anchor of the helper applicant: it applied an hour before asOf. */
const T = AS_OF - HOUR;

/** The event facts, read the slow way: one filter per fact over every event. */
function naiveEventFacts(events: readonly DeviceEvent[], declaredCity: string | undefined, config: FactConfig) {
  const out: Record<string, number | boolean> = {};
  const upTo = events.filter((e) => e.at <= T);
  const last24h = upTo.filter((e) => e.at > T - DAY);
  out["device.passwordResets24h"] = last24h.filter((e) => e.kind === "password_reset").length;
  out["device.accountChanges24h"] = last24h.filter((e) =>
    ["password_reset", "phone_change", "profile_change"].includes(e.kind),
  ).length;
  for (const w of config.windows) {
    const inW = upTo.filter((e) => e.at > T - w.ms);
    out[`applicant.apply.${w.label}`] = inW.filter((e) => e.kind === "apply").length;
    out[`applicant.login.${w.label}`] = inW.filter((e) => e.kind === "login").length;
    out[`applicant.nightEvents.${w.label}`] = inW.filter((e) => isNight(e.at, config)).length;
    out[`applicant.devices.${w.label}`] = new Set(inW.map((e) => e.deviceId)).size;
    out[`applicant.ips.${w.label}`] = new Set(inW.filter((e) => e.ipHash !== undefined).map((e) => e.ipHash)).size;
  }
  const longest = config.windows[config.windows.length - 1]!.ms;
  const logins = upTo.filter((e) => e.at > T - longest && e.kind === "login");
  if (declaredCity !== undefined) {
    const withCity = logins.filter((e) => e.cityCode !== undefined);
    if (withCity.length > 0) {
      out["city.loginMismatchShare"] = withCity.filter((e) => e.cityCode !== declaredCity).length / withCity.length;
      const latest = Math.max(...withCity.map((e) => e.at));
      out["city.lastLoginMismatch"] = withCity.some((e) => e.at === latest && e.cityCode !== declaredCity);
    }
  }
  const located = logins
    .filter((e) => e.lat !== undefined && e.lon !== undefined)
    .map((e) => ({ at: e.at, lat: e.lat!, lon: e.lon! }))
    .sort((a, b) => a.at - b.at || a.lat - b.lat || a.lon - b.lon);
  if (located.length > 0) {
    let max = 0;
    let count = 0;
    for (let k = 1; k < located.length; k++) {
      const a = located[k - 1]!;
      const b = located[k]!;
      const km = haversineKm(a.lat, a.lon, b.lat, b.lon);
      if (km < config.minTravelKm) continue;
      const speed = km / Math.max(config.minTravelSeconds / 3600, (b.at - a.at) / HOUR);
      max = Math.max(max, speed);
      if (speed > config.impossibleSpeedKmh) count++;
    }
    out["travel.maxSpeedKmh"] = max;
    out["travel.impossible"] = count > 0;
    out["travel.impossibleCount"] = count;
  }
  return out;
}

/** The facts computeFacts gives that the naive reader covers (the others do not read events). */
function eventFactsOf(a: Applicant, config: FactConfig, naive: Record<string, unknown>) {
  const all = factsToObject(computeFacts(a, { asOf: AS_OF, config }));
  const names = Object.keys(all).filter(
    (k) =>
      k.startsWith("applicant.") ||
      k.startsWith("travel.") ||
      k.startsWith("city.") ||
      k === "device.passwordResets24h" ||
      k === "device.accountChanges24h",
  );
  const got: Record<string, unknown> = {};
  for (const k of names) if (k !== "applicant.id") got[k] = all[k];
  // facts the naive reader has and computeFacts left missing would show up as absent keys here
  for (const k of Object.keys(naive)) if (!(k in got)) got[k] = "missing";
  return got;
}

// A few places, so that consecutive logins often share coordinates (the skipped trigonometry),
// and any coordinates; times around the window edges and after the anchor.
const PLACES: readonly [number, number][] = [
  [39.9042, 116.4074],
  [31.2304, 121.4737],
  [0, 0],
  [-0, 0],
  [39.9042, 116.5],
];
const placeArb = fc.oneof(
  fc.constantFrom(...PLACES),
  fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })),
);
const atArb = fc.oneof(
  fc.integer({ min: T - 35 * DAY, max: T + HOUR }),
  fc.constantFrom(T, T + 1, T - HOUR, T - HOUR + 1, T - DAY, T - DAY + 1, T - 30 * DAY, T - 30 * DAY + 1),
  fc.integer({ min: T - 3 * HOUR, max: T }).map((x) => x - (x % MIN)),
);
const eventArb: fc.Arbitrary<DeviceEvent> = fc
  .record(
    {
      at: atArb,
      kind: fc.constantFrom("login", "login", "apply", "payment", "password_reset", "phone_change", "profile_change"),
      deviceId: fc.constantFrom("d1", "d2", "d3"),
      ipHash: fc.constantFrom("i1", "i2", "i3"),
      place: placeArb,
      cityCode: fc.constantFrom("BJ", "SH"),
    },
    { requiredKeys: ["at", "kind", "deviceId"] },
  )
  .map(({ place, ...e }) => (place === undefined ? e : { ...e, lat: place[0], lon: place[1] }) as DeviceEvent);

const CONFIGS: readonly FactConfig[] = [
  DEFAULT_FACT_CONFIG,
  createFactConfig({ minTravelKm: 0, minTravelSeconds: 1, impossibleSpeedKmh: 1 }),
  createFactConfig({
    windows: [
      { label: "10m", ms: 10 * MIN },
      { label: "2h", ms: 2 * HOUR },
    ],
    nightStartHour: 22,
    nightEndHour: 7,
  }),
];

describe("computeFacts: device events against a naive reading", () => {
  it("gives the naive facts bit for bit, in the row and the columnar form, for any events and configuration", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 30 }),
        fc.constantFrom(...CONFIGS),
        fc.boolean(),
        fc.boolean(),
        (events, config, sortedByTime, withCity) => {
          const evs = sortedByTime ? [...events].sort((a, b) => a.at - b.at) : events;
          const base = applicant({ devices: { events: evs } });
          const { cityCode: _, ...noCity } = base.identity;
          const a = withCity ? base : (parseApplicantOrThrow({ ...base, identity: noCity }) as Applicant);
          const want = naiveEventFacts(evs, a.identity.cityCode, config);
          expect(eventFactsOf(a, config, want)).toEqual(want);
          const cols = parseApplicantOrThrow(toColumnar(a)) as Applicant;
          expect(eventFactsOf(cols, config, want)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a pair of logins at the same place is 0 km apart, as haversineKm computes it (hand-checked)", () => {
    // Every term of the formula is a zero for equal points: sin(0) = 0, so a = 0 and 2R asin(0) = 0.
    for (const [lat, lon] of PLACES) expect(Object.is(haversineKm(lat, lon, lat, lon), 0)).toBe(true);
    expect(Object.is(haversineKm(-0, 0, 0, 0), 0)).toBe(true);
    // With no minimum distance a same-place pair counts with speed 0: 3 logins, 1 km/h threshold.
    const config = createFactConfig({ minTravelKm: 0, minTravelSeconds: 1, impossibleSpeedKmh: 1 });
    const at = [T - 3 * HOUR, T - 2 * HOUR, T - HOUR];
    const events = at.map((t) => ({ at: t, kind: "login", deviceId: "d1", lat: 10, lon: 20 }) as DeviceEvent);
    const f = factsToObject(computeFacts(applicant({ devices: { events } }), { asOf: AS_OF, config }));
    expect([f["travel.maxSpeedKmh"], f["travel.impossibleCount"]]).toEqual([0, 0]);
  });
});
