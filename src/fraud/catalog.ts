/**
 * The fact catalog: every fact a rule can name, with its type and slot. Fixed facts come first
 * (constant slots `FIXED`), then windowed facts (one block per window), then velocity facts from a
 * store, then custom facts declared in the fact configuration.
 */

/** The type of a fact: numbers and booleans live in a `Float64Array` (booleans as 0/1), strings apart. */
export type FactType = "number" | "boolean" | "string";

/** One fact of the catalog. */
export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  readonly description: string;
}

/** The facts known to a configuration, in slot order, with a name index. */
export interface FactCatalog {
  readonly facts: readonly FactDefinition[];
  readonly index: ReadonlyMap<string, number>;
  /** Window labels, in configuration order (e.g. `["1h", "24h", "30d"]`). */
  readonly windows: readonly string[];
  /** Slot of the first windowed fact. */
  readonly windowedBase: number;
  /** Slot of the first velocity fact. */
  readonly velocityBase: number;
  /** Slot of the first custom fact. */
  readonly customBase: number;
  /** The slots of the string facts, ascending (the only slots whose `strings` entry is ever set). */
  readonly stringSlots: Int32Array;
}

/**
 * Built-in facts that do not depend on a window, in slot order.
 * @example FIXED_FACTS[2].name // => "identity.underage"
 */
export const FIXED_FACTS: readonly FactDefinition[] = Object.freeze([
  { name: "applicant.id", type: "string", description: "pseudonymous applicant id (for allow/block lists)" },
  { name: "identity.ageYears", type: "number", description: "age in whole years at asOf (birthDate, else ageYears)" },
  { name: "identity.underage", type: "boolean", description: "age under 18 at asOf (a compliance fact, not fraud)" },
  { name: "identity.realNameVerified", type: "boolean", description: "real name verified by the host app" },
  { name: "identity.idVerified", type: "boolean", description: "ID verified against public records" },
  { name: "identity.phoneVerified", type: "boolean", description: "phone verified" },
  { name: "identity.cityCode", type: "string", description: "declared city code" },
  { name: "application.amountFen", type: "number", description: "requested amount in fen" },
  { name: "application.termMonths", type: "number", description: "requested term in months" },
  { name: "application.deviceId", type: "string", description: "device of the application" },
  { name: "application.ipHash", type: "string", description: "IP hash of the application" },
  { name: "application.atNight", type: "boolean", description: "application made in the night hours (local time)" },
  { name: "device.accounts", type: "number", description: "distinct accounts seen on the application's device" },
  {
    name: "device.maxAccounts",
    type: "number",
    description: "most distinct accounts on any of the applicant's devices",
  },
  { name: "device.count", type: "number", description: "devices on record for the applicant" },
  { name: "device.ageHours", type: "number", description: "hours since the application's device was first seen" },
  {
    name: "travel.maxSpeedKmh",
    type: "number",
    description: "fastest great-circle speed between consecutive located logins in the longest window",
  },
  { name: "travel.impossible", type: "boolean", description: "travel.maxSpeedKmh above the configured threshold" },
  {
    name: "travel.impossibleCount",
    type: "number",
    description: "consecutive login pairs above the speed threshold in the longest window",
  },
  {
    name: "city.loginMismatchShare",
    type: "number",
    description: "share of logins with a city code, in the longest window, outside the declared city",
  },
  {
    name: "city.lastLoginMismatch",
    type: "boolean",
    description: "the latest login with a city code is outside the declared city",
  },
  { name: "social.flaggedContacts", type: "number", description: "contacts whose accounts are flagged" },
  { name: "social.defaultedLinks", type: "number", description: "money links to accounts known to have defaulted" },
  { name: "social.accountAgeDays", type: "number", description: "age of the host-app account in days" },
  {
    name: "social.flaggedShare",
    type: "number",
    description: "flagged contacts over contacts (missing without contacts)",
  },
  {
    name: "bureau.loanInquiries30d",
    type: "number",
    description: "loan-application inquiries in the 30 days up to the application (missing without a bureau report)",
  },
  {
    name: "bureau.loanLenders30d",
    type: "number",
    description: "distinct lenders (lenderId) among those inquiries (missing without a bureau report)",
  },
  {
    name: "bureau.microloansOpened30d",
    type: "number",
    description: "microloan accounts opened in the 30 days up to the application (missing without a bureau report)",
  },
  {
    name: "device.passwordResets24h",
    type: "number",
    description: "password resets in the 24 hours up to the application (missing without device events)",
  },
  {
    name: "device.accountChanges24h",
    type: "number",
    description:
      "password resets, phone and profile changes in the 24 hours up to the application (missing without device events)",
  },
  {
    name: "identity.incomeRatio",
    type: "number",
    description: "declared over verified monthly income (missing unless both are present and verified is above 0)",
  },
] as const satisfies readonly FactDefinition[]);

/**
 * Slots of the fixed facts.
 * @example FIXED.underage // => 2
 */
export const FIXED = Object.freeze({
  applicantId: 0,
  ageYears: 1,
  underage: 2,
  realNameVerified: 3,
  idVerified: 4,
  phoneVerified: 5,
  cityCode: 6,
  amountFen: 7,
  termMonths: 8,
  deviceId: 9,
  ipHash: 10,
  atNight: 11,
  deviceAccounts: 12,
  deviceMaxAccounts: 13,
  deviceCount: 14,
  deviceAgeHours: 15,
  travelMaxSpeed: 16,
  travelImpossible: 17,
  travelImpossibleCount: 18,
  cityMismatchShare: 19,
  cityLastMismatch: 20,
  flaggedContacts: 21,
  defaultedLinks: 22,
  accountAgeDays: 23,
  flaggedShare: 24,
  loanInquiries30d: 25,
  loanLenders30d: 26,
  microloansOpened30d: 27,
  passwordResets24h: 28,
  accountChanges24h: 29,
  incomeRatio: 30,
});

/**
 * Per-window facts (suffix `.<window label>`), in slot order within a window block.
 * @example WINDOWED_FACTS[0].stem // => "applicant.apply"
 */
export const WINDOWED_FACTS: readonly {
  readonly stem: string;
  readonly type: FactType;
  readonly description: string;
}[] = Object.freeze([
  { stem: "applicant.apply", type: "number", description: "the applicant's apply events in the window" },
  { stem: "applicant.login", type: "number", description: "the applicant's login events in the window" },
  {
    stem: "applicant.devices",
    type: "number",
    description: "distinct devices in the applicant's events in the window",
  },
  { stem: "applicant.ips", type: "number", description: "distinct IP hashes in the applicant's events in the window" },
  {
    stem: "applicant.nightEvents",
    type: "number",
    description: "the applicant's events in the night hours in the window",
  },
  {
    stem: "device.firstSeenWithin",
    type: "boolean",
    description: "the application's device was first seen within the window",
  },
] as const);

/**
 * Offsets of the windowed facts inside one window block.
 * @example WINDOWED.deviceNew // => 5
 */
export const WINDOWED = Object.freeze({ apply: 0, login: 1, devices: 2, ips: 3, nightEvents: 4, deviceNew: 5 });

/**
 * Velocity dimensions (keys of a velocity store).
 * @example VELOCITY_DIMENSIONS // => ["device", "ip", "identity"]
 */
export const VELOCITY_DIMENSIONS = ["device", "ip", "identity"] as const;
/**
 * Velocity event kinds.
 * @example VELOCITY_KINDS // => ["apply", "login"]
 */
export const VELOCITY_KINDS = ["apply", "login"] as const;
/** A velocity dimension. */
export type VelocityDimension = (typeof VELOCITY_DIMENSIONS)[number];
/** A velocity event kind. */
export type VelocityKind = (typeof VELOCITY_KINDS)[number];

/**
 * The name of a velocity fact: `velocity.<dimension>.<kind>.<window>`.
 * @param dimension device, ip or identity
 * @param kind apply or login
 * @param window a window label of the configuration
 * @returns the fact name
 * @example velocityFactName("device", "apply", "24h") // => "velocity.device.apply.24h"
 */
export function velocityFactName(dimension: VelocityDimension, kind: VelocityKind, window: string): string {
  return `velocity.${dimension}.${kind}.${window}`;
}

/**
 * Builds the catalog for a list of window labels and custom facts.
 * @param windows window labels, in order
 * @param custom custom facts (set by the caller with `setFact`)
 * @returns a frozen catalog
 * @example buildCatalog(["1h"], []).index.get("applicant.apply.1h") // => 31
 */
export function buildCatalog(windows: readonly string[], custom: readonly FactDefinition[]): FactCatalog {
  const facts: FactDefinition[] = [...FIXED_FACTS];
  const windowedBase = facts.length;
  for (const w of windows) {
    for (const f of WINDOWED_FACTS)
      facts.push({ name: `${f.stem}.${w}`, type: f.type, description: `${f.description} (${w})` });
  }
  const velocityBase = facts.length;
  for (const d of VELOCITY_DIMENSIONS) {
    for (const k of VELOCITY_KINDS) {
      for (const w of windows) {
        facts.push({
          name: velocityFactName(d, k, w),
          type: "number",
          description: `${k} events of this ${d} across all accounts in ${w} (from a velocity store; missing without one)`,
        });
      }
    }
  }
  const customBase = facts.length;
  for (const c of custom) facts.push(Object.freeze({ ...c }));
  const index = new Map<string, number>();
  for (let i = 0; i < facts.length; i++) index.set(facts[i]!.name, i);
  const stringSlots: number[] = [];
  for (let i = 0; i < facts.length; i++) if (facts[i]!.type === "string") stringSlots.push(i);
  return Object.freeze({
    facts: Object.freeze(facts.map((f) => Object.freeze(f))),
    index,
    windows: Object.freeze([...windows]),
    windowedBase,
    velocityBase,
    customBase,
    stringSlots: Int32Array.from(stringSlots),
  });
}
