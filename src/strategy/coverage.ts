import { OCCUPATIONS } from "../schema/applicant";
import { type Issue, issue } from "../schema/result";
import { type AttributeName, type Condition, NO_OCCUPATION, type OpenAttribute, OTHER_REGION } from "./schema";

/**
 * Most cells (combinations of attribute values) the coverage check enumerates: a strategy whose
 * segments split more finely than this is rejected as too complex.
 * @example MAX_COVERAGE_CELLS // => 100000
 */
export const MAX_COVERAGE_CELLS = 100_000;

/** One attribute's domain cut into atoms: every applicant falls in exactly one. */
interface Atoms {
  readonly name: AttributeName;
  /** A representative value per atom (a number for ageYears: the atom's lower bound, or a string). */
  readonly values: readonly (string | number | boolean)[];
  /** How an atom is named in an issue message. */
  readonly labels: readonly string[];
}

/** The declared domains the check enumerates (`domains` of the strategy: `region`, `product`, `channel`). */
export type DeclaredDomains = { readonly [K in OpenAttribute]?: readonly string[] | undefined };

/**
 * Whether a condition matches an atom value of one attribute (the value a representative of its atom).
 * @param c the condition
 * @param name the attribute
 * @param v the attribute's value
 * @returns true when the condition does not name the attribute or its test holds
 * @example conditionHolds({ ageYears: { min: 18 } }, "ageYears", 30) // => true
 */
export function conditionHolds(c: Condition, name: AttributeName, v: string | number | boolean): boolean {
  switch (name) {
    case "bureauFile":
    case "returningCustomer":
    case "invited": {
      const want = c[name];
      return want === undefined || want === v;
    }
    case "ageYears": {
      const i = c.ageYears;
      return (
        i === undefined ||
        ((i.min === undefined || (v as number) >= i.min) && (i.max === undefined || (v as number) < i.max))
      );
    }
    case "occupation":
    case "region":
    case "product":
    case "channel": {
      const k = c[name];
      if (k === undefined) return true;
      return k.in !== undefined
        ? (k.in as readonly string[]).includes(v as string)
        : !(k.notIn as readonly string[]).includes(v as string);
    }
  }
}

function atomsOf(name: AttributeName, conditions: readonly Condition[], domains: DeclaredDomains): Atoms {
  switch (name) {
    case "bureauFile":
    case "returningCustomer":
    case "invited":
      return { name, values: [false, true], labels: [`${name} = false`, `${name} = true`] };
    case "occupation": {
      const values = [...OCCUPATIONS, NO_OCCUPATION];
      return { name, values, labels: values.map((v) => `occupation = ${v}`) };
    }
    case "region":
    case "product":
    case "channel": {
      const values = [...(domains[name] ?? []), OTHER_REGION];
      return { name, values, labels: values.map((v) => `${name} = ${v}`) };
    }
    case "ageYears": {
      const cuts = new Set<number>();
      for (const c of conditions) {
        if (c.ageYears?.min !== undefined) cuts.add(c.ageYears.min);
        if (c.ageYears?.max !== undefined) cuts.add(c.ageYears.max);
      }
      const b = [...cuts].sort((x, y) => x - y);
      // atoms: below b[0], then [b[i], b[i+1]), then b[last] and above; the representative is the lowest whole number in it
      const values: number[] = [b[0]! - 1];
      const labels: string[] = [`ageYears < ${b[0]}`];
      for (let i = 0; i < b.length; i++) {
        values.push(b[i]!);
        labels.push(i + 1 < b.length ? `ageYears in [${b[i]}, ${b[i + 1]})` : `ageYears >= ${b[i]}`);
      }
      return { name, values, labels };
    }
  }
}

const ORDER: readonly AttributeName[] = [
  "bureauFile",
  "returningCustomer",
  "invited",
  "ageYears",
  "occupation",
  "region",
  "product",
  "channel",
];

/**
 * Exhaustive check of ordered segments over the declared attribute domains: cuts every attribute
 * a segment names into atoms (booleans: both values; `occupation`: every occupation and `"none"`;
 * `region`, `product`, `channel`: every declared code and `"other"`; `ageYears`: the intervals between every bound any
 * segment uses, unbounded at both ends), enumerates every combination and counts the segments that
 * match it. A combination matched by two segments is an overlap (`inconsistent` at the later
 * segment's `when`, naming the earlier one, once per pair); a combination matched by none leaves
 * applicants unrouted (`invalid_value` at `["segments"]`, one per combination, after the overlaps). Messages name attributes, the strategy's
 * own bounds and domain codes, never an applicant's data.
 * @param conditions the segments' conditions, in order
 * @param domains the declared domains
 * @returns the issues (empty when every applicant is routed to exactly one segment)
 * @example checkCoverage([{ bureauFile: true }, { ageYears: { min: 18 } }], {}).map((i) => i.code) // => ["inconsistent", "invalid_value"] (both segments for adults with a file; none under 18 without one)
 */
export function checkCoverage(conditions: readonly Condition[], domains: DeclaredDomains): Issue[] {
  const used = ORDER.filter((n) => conditions.some((c) => c[n] !== undefined));
  const atoms = used.map((n) => atomsOf(n, conditions, domains));
  let cells = 1;
  for (const a of atoms) cells *= a.values.length;
  if (cells > MAX_COVERAGE_CELLS)
    return [
      issue("too_complex", ["segments"], `the segments split applicants into more than ${MAX_COVERAGE_CELLS} cases`),
    ];
  const issues: Issue[] = [];
  const holes: Issue[] = [];
  const pairs = new Set<string>();
  const at = new Array<number>(atoms.length).fill(0);
  const describe = (): string => atoms.map((a, k) => a.labels[at[k]!]).join(", ") || "every applicant";
  for (let cell = 0; cell < cells; cell++) {
    let first = -1;
    for (let s = 0; s < conditions.length; s++) {
      let holds = true;
      for (let k = 0; k < atoms.length && holds; k++)
        holds = conditionHolds(conditions[s]!, atoms[k]!.name, atoms[k]!.values[at[k]!]!);
      if (!holds) continue;
      if (first < 0) first = s;
      else if (!pairs.has(`${first}/${s}`)) {
        pairs.add(`${first}/${s}`);
        issues.push(
          issue("inconsistent", ["segments", s, "when"], `overlaps segments[${first}] (for example ${describe()})`),
        );
      }
    }
    if (first < 0) holes.push(issue("invalid_value", ["segments"], `no segment routes applicants with ${describe()}`));
    // next combination (odometer, last attribute fastest)
    for (let k = atoms.length - 1; k >= 0; k--) {
      if (++at[k]! < atoms[k]!.values.length) break;
      at[k] = 0;
    }
  }
  // overlaps first: there are few (one per pair), while holes can be many and the list is capped
  for (const h of holes) issues.push(h);
  return issues;
}
