import { ageInYears } from "../schema/age";
import { type AnyFormApplicant, OCCUPATIONS } from "../schema/applicant";
import type { Strategy } from "./load";
import {
  type AttributeName,
  type Condition,
  NO_OCCUPATION,
  OPEN_ATTRIBUTES,
  type OpenAttribute,
  OTHER_REGION,
} from "./schema";

/**
 * What `compileRouter` returns: where an applicant goes, without allocating (one `Date` when a
 * segment reads `ageYears` from a birth date).
 */
export interface Router {
  /** The index of the segment an applicant is routed to, or `NOT_INVITED` when eligibility declines it. */
  route(applicant: AnyFormApplicant, asOf: number): number;
  /**
   * The values of the attributes the segments read, by name, as `route` sees them (open attributes as their
   * declared code or `"other"`): what a trace records so that a replay can route again (`routeRecorded`).
   */
  attributes(applicant: AnyFormApplicant, asOf: number): RouteAttributes;
  /**
   * Routes again from recorded attributes: eligibility and `invited` from the id and the current invitation
   * list, every other attribute the segments read from `recorded` (a code no longer declared counts as
   * `"other"`). Returns the segment index or `NOT_INVITED`, or the names of the attributes the segments read
   * that `recorded` lacks or holds in the wrong type (then nothing is routed).
   */
  routeRecorded(applicantId: string, recorded: Readonly<Record<string, unknown>>): number | readonly string[];
}

/** Routing attribute values by name (`Router.attributes`), as a decision trace records them. */
export type RouteAttributes = Readonly<Partial<Record<AttributeName, boolean | number | string>>>;

/**
 * What `Router.route` returns for an applicant that eligibility declines (not on the invitation list).
 * @example NOT_INVITED // => -1
 */
export const NOT_INVITED = -1;

// Slots of the attribute values computed per call (occupation and region as indices of their domains).
const SLOT: Readonly<Record<AttributeName, number>> = {
  bureauFile: 0,
  returningCustomer: 1,
  invited: 2,
  ageYears: 3,
  occupation: 4,
  region: 5,
  product: 6,
  channel: 7,
};
const SLOTS = 8;
/** The attribute of each slot (the inverse of `SLOT`). */
const NAMES = Object.keys(SLOT) as AttributeName[];

/** An open attribute's declared domain and `"other"`, with the index of each code (`"other"` last). */
interface OpenDomain {
  readonly values: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly other: number;
}

function openDomain(declared: readonly string[] | undefined): OpenDomain {
  const values = [...(declared ?? []), OTHER_REGION];
  return { values, index: new Map(values.map((r, i) => [r, i])), other: values.length - 1 };
}

/** The index of a code in an open attribute's domain (`"other"` when absent or not declared). */
function openIndex(d: OpenDomain, code: string | undefined): number {
  return code === undefined ? d.other : (d.index.get(code) ?? d.other);
}

/**
 * Compiles a loaded strategy's eligibility step and segment conditions into a router: every
 * condition becomes a list of (slot, test) pairs over the attribute values computed once per call,
 * only the attributes some segment reads are computed, and the first segment whose tests all hold
 * is returned (the validator proved exactly one does). Attributes: `bureauFile` = a bureau report is
 * present; `returningCustomer` = at least one loan on this platform; `invited` = the id is on the
 * invitation list; `ageYears` = the guard's age (birth date on the local date of `asOf`, else the
 * declared age); `occupation` (`"none"` when not declared); `region` = the city code when declared in
 * `domains.region`, else `"other"`; `product` and `channel` = `application.product` / `application.channel`
 * when declared in `domains.product` / `domains.channel`, else `"other"`.
 * @param strategy a loaded strategy
 * @returns the router
 * @example compileRouter(loadStrategyOrThrow(defaultStrategyJson)).route(thinFileApplicant, asOf) // => 0 (the thin-file segment)
 */
export function compileRouter(strategy: Strategy): Router {
  const offsetMs = (strategy.utcOffsetMinutes ?? 480) * 60_000;
  const invited = new Set(strategy.invitationList ?? []);
  const invitationOnly = strategy.eligibility?.invitationOnly === true;
  const occupations: readonly string[] = [...OCCUPATIONS, NO_OCCUPATION];
  const occupationIndex = new Map(occupations.map((o, i) => [o, i]));
  const domains = {} as Record<OpenAttribute, OpenDomain>;
  for (const name of OPEN_ATTRIBUTES) domains[name] = openDomain(strategy.domains?.[name]);
  const segments = strategy.segments.map((s) => compileCondition(s.when, occupations, domains));
  const reads = new Uint8Array(SLOTS);
  for (const s of segments) for (const t of s) reads[t.slot] = 1;
  const v = new Float64Array(SLOTS);
  const { region, product, channel } = domains;
  const open: readonly (OpenDomain | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    region,
    product,
    channel,
  ];
  // the segment whose tests all hold for the values in v
  const pick = (): number => {
    for (let s = 0; s < segments.length; s++) {
      const tests = segments[s]!;
      let holds = true;
      for (let k = 0; k < tests.length && holds; k++) {
        const t = tests[k]!;
        const x = v[t.slot]!;
        holds = t.set !== undefined ? t.set[x] === 1 : x >= t.min && x < t.max;
      }
      if (holds) return s;
    }
    // unreachable for a validated strategy (exhaustive): the last segment takes what no other does
    return segments.length - 1;
  };
  // fills v with the attributes some segment reads
  const fill = (a: AnyFormApplicant, asOf: number): void => {
    if (reads[0] === 1) v[0] = a.bureau === undefined ? 0 : 1;
    if (reads[1] === 1) v[1] = a.loans !== undefined && a.loans.length > 0 ? 1 : 0;
    if (reads[2] === 1) v[2] = invited.has(a.id) ? 1 : 0;
    if (reads[3] === 1) {
      const id = a.identity;
      v[3] = id.birthDate !== undefined ? ageInYears(id.birthDate, asOf, offsetMs) : (id.ageYears ?? 0);
    }
    if (reads[4] === 1) v[4] = occupationIndex.get(a.identity.occupation ?? NO_OCCUPATION)!;
    if (reads[5] === 1) v[5] = openIndex(region, a.identity.cityCode);
    if (reads[6] === 1) v[6] = openIndex(product, a.application?.product);
    if (reads[7] === 1) v[7] = openIndex(channel, a.application?.channel);
  };
  return Object.freeze({
    route(a: AnyFormApplicant, asOf: number): number {
      if (invitationOnly && !invited.has(a.id)) return NOT_INVITED;
      fill(a, asOf);
      return pick();
    },
    attributes(a: AnyFormApplicant, asOf: number): RouteAttributes {
      fill(a, asOf);
      const out: Partial<Record<AttributeName, boolean | number | string>> = {};
      for (let i = 0; i < SLOTS; i++) {
        if (reads[i] !== 1) continue;
        const x = v[i]!;
        const d = open[i];
        out[NAMES[i]!] = i < 3 ? x === 1 : i === SLOT.ageYears ? x : (d?.values ?? occupations)[x]!;
      }
      return Object.freeze(out);
    },
    routeRecorded(id: string, recorded: Readonly<Record<string, unknown>>): number | readonly string[] {
      if (invitationOnly && !invited.has(id)) return NOT_INVITED;
      const missing: string[] = [];
      for (let i = 0; i < SLOTS; i++) {
        if (reads[i] !== 1) continue;
        const name = NAMES[i]!;
        const x = Object.hasOwn(recorded, name) ? recorded[name] : undefined;
        const d = open[i];
        if (i === SLOT.invited) v[i] = invited.has(id) ? 1 : 0;
        else if (i < 3 && typeof x === "boolean") v[i] = x ? 1 : 0;
        else if (i === SLOT.ageYears && typeof x === "number" && Number.isFinite(x)) v[i] = x;
        else if (i === SLOT.occupation && typeof x === "string" && occupationIndex.has(x))
          v[i] = occupationIndex.get(x)!;
        else if (d !== undefined && typeof x === "string") v[i] = openIndex(d, x);
        else missing.push(name);
      }
      return missing.length > 0 ? missing : pick();
    },
  });
}

/** One test of a compiled condition: a set of allowed domain indices, or a half-open interval. */
interface Test {
  readonly slot: number;
  readonly set: Uint8Array | undefined;
  readonly min: number;
  readonly max: number;
}

function compileCondition(
  c: Condition,
  occupations: readonly string[],
  domains: Readonly<Record<OpenAttribute, OpenDomain>>,
): Test[] {
  const tests: Test[] = [];
  const flag = (slot: number, want: boolean) => {
    const set = new Uint8Array(2);
    set[want ? 1 : 0] = 1;
    tests.push({ slot, set, min: 0, max: 0 });
  };
  const among = (
    slot: number,
    domain: readonly string[],
    k: { in?: readonly string[] | undefined; notIn?: readonly string[] | undefined },
  ) => {
    const set = new Uint8Array(domain.length);
    for (let i = 0; i < domain.length; i++)
      set[i] = (k.in !== undefined ? k.in.includes(domain[i]!) : !k.notIn!.includes(domain[i]!)) ? 1 : 0;
    tests.push({ slot, set, min: 0, max: 0 });
  };
  if (c.bureauFile !== undefined) flag(SLOT.bureauFile, c.bureauFile);
  if (c.returningCustomer !== undefined) flag(SLOT.returningCustomer, c.returningCustomer);
  if (c.invited !== undefined) flag(SLOT.invited, c.invited);
  if (c.ageYears !== undefined)
    tests.push({
      slot: SLOT.ageYears,
      set: undefined,
      min: c.ageYears.min ?? Number.NEGATIVE_INFINITY,
      max: c.ageYears.max ?? Number.POSITIVE_INFINITY,
    });
  if (c.occupation !== undefined) among(SLOT.occupation, occupations, c.occupation);
  for (const name of OPEN_ATTRIBUTES) {
    const k = c[name];
    if (k !== undefined) among(SLOT[name], domains[name].values, k);
  }
  return tests;
}
