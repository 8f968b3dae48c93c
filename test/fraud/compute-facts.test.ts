import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageInYears } from "../../src/schema/age";

const ageAt = (birthDate: string, asOf: number): number => ageInYears(birthDate, asOf, 0); // UTC calendar
import { computeFacts, computeFactsInto, isNight } from "../../src/fraud/compute-facts";
import { DEFAULT_FACT_CONFIG, createFactConfig } from "../../src/fraud/fact-config";
import { createFacts, factsToObject, readFact, setFact } from "../../src/fraud/facts";
import { haversineKm } from "../../src/fraud/geo";
import type { DeviceEvent } from "../../src/schema/applicant";
import { AS_OF, DAY, HOUR, MIN, applicant } from "./helpers";

describe("haversineKm", () => {
  it("matches hand calculations and a reference script", () => {
    // Hand: one degree of longitude on the equator is pi * R / 180 = 111.19508023... km (R = 6371.0088).
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((Math.PI * 6371.0088) / 180, 9);
    // Hand: antipodes on the equator are pi * R = 20015.1144... km apart.
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(20015.114442035923, 6);
    // Reference: /usr/bin/python3 (3.x, math module), haversine with R = 6371.0088, printed 1067.3116451587264.
    expect(haversineKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeCloseTo(1067.3116451587264, 6);
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
  });
});

describe("ageAt", () => {
  it("counts whole years with birthdays on the UTC date of asOf (hand-checked)", () => {
    expect(ageAt("2008-06-30", AS_OF)).toBe(18); // 18th birthday on the day
    expect(ageAt("2008-07-01", AS_OF)).toBe(17); // one day short
    expect(ageAt("2008-06-30", AS_OF - 1)).toBe(17); // the millisecond before is 29 June
    expect(ageAt("2008-02-29", Date.UTC(2026, 1, 28))).toBe(17); // leap-day birthday comes on 1 March
    expect(ageAt("2008-02-29", Date.UTC(2026, 2, 1))).toBe(18);
    expect(ageAt("2008-02-29", Date.UTC(2028, 1, 29))).toBe(20);
  });
});

describe("isNight", () => {
  it("uses local time (UTC+8 by default) and wraps past midnight", () => {
    expect(isNight(Date.UTC(2026, 0, 1, 18), DEFAULT_FACT_CONFIG)).toBe(true); // 02:00 local
    expect(isNight(Date.UTC(2026, 0, 1, 22), DEFAULT_FACT_CONFIG)).toBe(false); // 06:00 local
    expect(isNight(Date.UTC(2026, 0, 1, 15, 59), DEFAULT_FACT_CONFIG)).toBe(false); // 23:59 local
    const wrap = createFactConfig({ utcOffsetMinutes: 0, nightStartHour: 22, nightEndHour: 5 });
    expect([22, 23, 0, 4, 5, 12].map((h) => isNight(Date.UTC(2026, 0, 1, h), wrap))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

// The anchor: the application at t = AS_OF - 1 h = 2026-06-29T23:00Z = 07:00 in UTC+8.
const t = AS_OF - HOUR;
const ev = (at: number, kind: DeviceEvent["kind"], deviceId: string, more: Partial<DeviceEvent> = {}): DeviceEvent => ({
  at,
  kind,
  deviceId,
  ...more,
});
const events: DeviceEvent[] = [
  ev(t, "apply", "dev-1", { ipHash: "ip-1" }),
  ev(t - 10 * MIN, "apply", "dev-1", { ipHash: "ip-1" }),
  ev(t - 2 * HOUR, "apply", "dev-1", { ipHash: "ip-1" }), // 05:00 local: night
  ev(t - 3 * DAY, "apply", "dev-3", { ipHash: "ip-3" }),
  ev(t - 31 * DAY, "apply", "dev-1", { ipHash: "ip-9" }), // outside 30 days
  ev(t + 30 * MIN, "apply", "dev-9", { ipHash: "ip-9" }), // after the application: ignored
  ev(t - 20 * MIN, "login", "dev-1", { ipHash: "ip-1", lat: 0, lon: 0, cityCode: "BJ" }),
  ev(t - 14 * MIN, "login", "dev-2", { ipHash: "ip-2", lat: 0, lon: 1, cityCode: "SH" }),
  ev(t - 5 * HOUR, "login", "dev-1", { ipHash: "ip-1", lat: 0, lon: 0.2, cityCode: "BJ" }), // 02:00 local: night
  ev(t - 2 * DAY, "login", "dev-1", { cityCode: "GZ" }),
];
const fixture = applicant({
  social: { accountAgeDays: 40, contactCount: 50, flaggedContactCount: 5, defaultedLinkCount: 2 },
  devices: {
    events,
    records: [
      { deviceId: "dev-1", firstSeenAt: t - 30 * HOUR, accountCount: 3 },
      { deviceId: "dev-2", firstSeenAt: t - 100 * DAY, accountCount: 12 },
    ],
  },
});

describe("computeFacts", () => {
  it("computes every built-in fact of a hand-made applicant", () => {
    const f = factsToObject(computeFacts(fixture, { asOf: AS_OF }));
    // Counts by hand from the event list above (windows end at t).
    expect(f).toEqual({
      "applicant.id": "app-1",
      "identity.ageYears": 36, // born 1990-05-20, asOf 2026-06-30
      "identity.underage": false,
      "identity.realNameVerified": true,
      "identity.idVerified": true,
      "identity.phoneVerified": true,
      "identity.cityCode": "BJ",
      "application.amountFen": 500_000,
      "application.termMonths": 12,
      "application.deviceId": "dev-1",
      "application.ipHash": "ip-1",
      "application.atNight": false, // 07:00 local
      "device.accounts": 3,
      "device.maxAccounts": 12,
      "device.count": 2,
      "device.ageHours": 30,
      // Pairs sorted by time: (0,0.2)->(0,0) is 22.2 km (< 50 km, ignored); (0,0)->(0,1) is
      // pi*R/180 = 111.195 km in 6 min = 1111.95 km/h > 900.
      "travel.maxSpeedKmh": (Math.PI * 6371.0088) / 180 / 0.1,
      "travel.impossible": true,
      "travel.impossibleCount": 1,
      "city.loginMismatchShare": 0.5, // BJ, SH, BJ, GZ against declared BJ
      "city.lastLoginMismatch": true, // SH at t - 14 min
      "social.flaggedContacts": 5,
      "social.defaultedLinks": 2,
      "social.accountAgeDays": 40,
      "social.flaggedShare": 0.1,
      // no password reset, phone or profile change among the events
      "device.passwordResets24h": 0,
      "device.accountChanges24h": 0,
      "applicant.apply.1h": 2,
      "applicant.login.1h": 2,
      "applicant.devices.1h": 2,
      "applicant.ips.1h": 2,
      "applicant.nightEvents.1h": 0,
      "device.firstSeenWithin.1h": false,
      "applicant.apply.24h": 3,
      "applicant.login.24h": 3,
      "applicant.devices.24h": 2,
      "applicant.ips.24h": 2,
      "applicant.nightEvents.24h": 2,
      "device.firstSeenWithin.24h": false,
      "applicant.apply.30d": 4,
      "applicant.login.30d": 4,
      "applicant.devices.30d": 3,
      "applicant.ips.30d": 3,
      "applicant.nightEvents.30d": 2,
      "device.firstSeenWithin.30d": true,
    });
  });

  it("leaves facts missing when their sections are absent (never 0 by default)", () => {
    const bare = applicant({
      application: { appliedAt: t },
      identity: { ageYears: 17, realNameVerified: false, idVerified: true, phoneVerified: true },
    });
    const f = computeFacts(bare, { asOf: AS_OF });
    expect(readFact(f, "identity.underage")).toBe(true);
    expect(readFact(f, "identity.ageYears")).toBe(17);
    for (const name of [
      "device.maxAccounts",
      "travel.impossible",
      "city.loginMismatchShare",
      "social.flaggedShare",
      "applicant.apply.1h",
      "velocity.device.apply.1h",
      "application.deviceId",
    ]) {
      expect(readFact(f, name)).toBeUndefined();
    }
  });

  it("one located login gives a speed of 0; no contacts leaves flaggedShare missing", () => {
    const a = applicant({
      social: { accountAgeDays: 10, contactCount: 0, flaggedContactCount: 0 },
      devices: { events: [ev(t - MIN, "login", "dev-1", { lat: 1, lon: 1 })] },
    });
    const f = computeFacts(a, { asOf: AS_OF });
    expect([
      readFact(f, "travel.maxSpeedKmh"),
      readFact(f, "travel.impossible"),
      readFact(f, "social.flaggedShare"),
    ]).toEqual([0, false, undefined]);
  });

  it("floors the time between logins at minTravelSeconds so simultaneous logins stay finite", () => {
    const a = applicant({
      devices: { events: [ev(t, "login", "d", { lat: 0, lon: 0 }), ev(t, "login", "d", { lat: 0, lon: 1 })] },
    });
    // 111.195 km over the 60 s floor = 6671.7 km/h.
    expect(readFact(computeFacts(a, { asOf: AS_OF }), "travel.maxSpeedKmh")).toBeCloseTo(
      ((Math.PI * 6371.0088) / 180) * 60,
      6,
    );
  });

  it("reuses a buffer with computeFactsInto (cleared first)", () => {
    const buf = createFacts(DEFAULT_FACT_CONFIG);
    setFact(buf, "applicant.apply.1h", 99);
    computeFactsInto(buf, applicant(), { asOf: AS_OF });
    expect(readFact(buf, "applicant.apply.1h")).toBeUndefined();
  });

  it("rejects non-applicants with a TypeError of its own (not one from inside)", () => {
    for (const bad of [null, undefined, 3, "x", {}, { id: "a" }, { id: "a", identity: null }]) {
      expect(() => computeFacts(bad as never, { asOf: AS_OF })).toThrow(/validated Applicant/);
    }
    expect(() => computeFacts(fixture, null as never)).toThrow(TypeError);
  });

  it("rejects a bad asOf and buffers of another configuration", () => {
    expect(() => computeFacts(fixture, { asOf: Number.NaN })).toThrow(RangeError);
    expect(() => computeFacts(fixture, { asOf: -1 })).toThrow(RangeError);
    expect(() => computeFacts(fixture, { asOf: 1.5 })).toThrow(RangeError);
    const other = createFactConfig({ impossibleSpeedKmh: 500 });
    expect(() => computeFactsInto(createFacts(other), fixture, { asOf: AS_OF })).toThrow(RangeError);
    expect(readFact(computeFacts(fixture, { asOf: AS_OF, config: other }), "travel.impossible")).toBe(true);
  });
});

describe("computeFacts: properties", () => {
  const eventArb = fc.record(
    {
      at: fc.integer({ min: t - 40 * DAY, max: t + HOUR }),
      kind: fc.constantFrom("login", "apply", "payment", "password_reset", "profile_change"),
      deviceId: fc.constantFrom("d1", "d2", "d3"),
      ipHash: fc.constantFrom("i1", "i2"),
      lat: fc.double({ min: -60, max: 60, noNaN: true }),
      lon: fc.double({ min: -170, max: 170, noNaN: true }),
      cityCode: fc.constantFrom("BJ", "SH", "GZ"),
    },
    { requiredKeys: ["at", "kind", "deviceId"] },
  ) as fc.Arbitrary<DeviceEvent>;

  it("facts do not depend on event order and are always finite", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.infiniteStream(fc.nat()), (evs, seeds) => {
        const shuffled = [...evs];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = computeFacts(applicant({ devices: { events: evs } }), { asOf: AS_OF });
        const b = computeFacts(applicant({ devices: { events: shuffled } }), { asOf: AS_OF });
        expect(factsToObject(b)).toEqual(factsToObject(a));
        return a.values.every(Number.isFinite);
      }),
      { numRuns: 200 },
    );
  });
});
