import { type AnyFormApplicant, CONSENT_CATEGORIES, type ConsentCategory, type DeviceEvent } from "./applicant";
import type { DeviceEventColumns } from "./columnar";

/**
 * Whether the applicant consented to a data category being used. Without `consent.purposes`
 * (the consent shape before per-purpose consent) every category is consented, as before; with it,
 * a category is consented only when its flag is `true`, except `bureau`, which when left out
 * follows `creditBureauQuery` (the bureau query's own consent, checked by the `consent_given` guard).
 * @param consent a validated applicant's `consent`
 * @param category one of `CONSENT_CATEGORIES`
 * @returns true when the category's data may be used
 * @example consentsTo({ creditBureauQuery: true, purposes: { payments: true } }, "location") // => false
 */
export function consentsTo(consent: AnyFormApplicant["consent"], category: ConsentCategory): boolean {
  const p = consent.purposes;
  if (p === undefined) return true;
  if (category === "bureau") return consent.creditBureauQuery && p.bureau !== false;
  return p[category] === true;
}

/**
 * The applicant as the decision may read it: every section whose data category is not consented
 * (`consentsTo`) is removed, so features and fraud facts alike see it as absent. `bureau` drops the
 * bureau report; `payments` the payment events; `social` the social signals; `device` the device
 * events and records and the application's device id and network address; `location` the
 * coordinates and city codes of device events (the city the applicant declared in `identity` stays:
 * it is part of the application, not collected location). The one place consent is applied: new
 * fields of a section follow their section. Without `consent.purposes` the applicant is returned as is.
 * @param applicant a validated applicant
 * @returns the same applicant when everything is consented, else a frozen copy without the unconsented data
 * @example applyConsent({ ...applicant, consent: { creditBureauQuery: true, purposes: { bureau: false, payments: true } } }).bureau // => undefined
 */
export function applyConsent(applicant: AnyFormApplicant): AnyFormApplicant {
  const c = applicant.consent;
  if (c.purposes === undefined) return applicant;
  const out: { -readonly [K in keyof AnyFormApplicant]: AnyFormApplicant[K] } = { ...applicant };
  if (!consentsTo(c, "bureau")) delete out.bureau;
  if (!consentsTo(c, "payments")) delete out.payments;
  if (!consentsTo(c, "social")) delete out.social;
  if (!consentsTo(c, "device")) {
    delete out.devices;
    const app = applicant.application;
    if (app !== undefined && (app.deviceId !== undefined || app.ipHash !== undefined)) {
      const { deviceId: _d, ipHash: _i, ...rest } = app;
      out.application = Object.freeze(rest);
    }
  } else if (!consentsTo(c, "location") && applicant.devices !== undefined) {
    const d = applicant.devices;
    out.devices = Object.freeze({ ...d, events: eventsWithoutLocation(d.events) });
  }
  return Object.freeze(out);
}

/** Device events without coordinates and city codes: rows stripped one by one, columns dropped whole. */
function eventsWithoutLocation(ev: DeviceEvent[] | DeviceEventColumns): DeviceEvent[] | DeviceEventColumns {
  if (Array.isArray(ev)) return Object.freeze(ev.map(withoutLocation)) as DeviceEvent[];
  const { lat: _a, lon: _o, cityCode: _c, ...rest } = ev;
  return Object.freeze(rest);
}

function withoutLocation(e: DeviceEvent): DeviceEvent {
  if (e.lat === undefined && e.lon === undefined && e.cityCode === undefined) return e;
  const { lat: _a, lon: _o, cityCode: _c, ...rest } = e;
  return Object.freeze(rest);
}

/**
 * The data categories a decision reads from an applicant: those present in it (after
 * `applyConsent`), in the order of `CONSENT_CATEGORIES`. `location` counts when a device event
 * carries a coordinate or city code; `device` when there are device events or records, or an
 * application device id or network address.
 * @param applicant a validated applicant, after `applyConsent`
 * @returns the categories, a frozen array
 * @example dataCategoriesOf(applyConsent({ ...applicant, consent: { creditBureauQuery: true, purposes: { bureau: true } } })) // => ["bureau"]
 */
export function dataCategoriesOf(applicant: AnyFormApplicant): readonly ConsentCategory[] {
  const out: ConsentCategory[] = [];
  for (const cat of CONSENT_CATEGORIES) if (present(applicant, cat)) out.push(cat);
  return Object.freeze(out);
}

function present(a: AnyFormApplicant, cat: ConsentCategory): boolean {
  switch (cat) {
    case "bureau":
      return a.bureau !== undefined;
    case "payments":
      return a.payments !== undefined;
    case "social":
      return a.social !== undefined;
    case "device":
      return a.devices !== undefined || a.application?.deviceId !== undefined || a.application?.ipHash !== undefined;
    case "location":
      return a.devices !== undefined && hasLocation(a.devices.events);
  }
}

/** Whether a device event carries a coordinate or city code (in the columnar form: a non-null entry). */
function hasLocation(ev: DeviceEvent[] | DeviceEventColumns): boolean {
  if (Array.isArray(ev)) return ev.some((e) => e.lat !== undefined || e.lon !== undefined || e.cityCode !== undefined);
  return anyEntry(ev.lat) || anyEntry(ev.lon) || anyEntry(ev.cityCode);
}

const anyEntry = (c: readonly unknown[] | undefined): boolean => c?.some((x) => x !== null) === true;
