/**
 * Every loader of untrusted JSON runs the one pre-scan (src/schema/json-guard.ts): the same bad
 * fragment gives the same issues (code and path from the artefact's root; `createEngine` puts the
 * config key first) whichever loader reads it; oversize input is rejected after reading what is
 * there, not after walking an array's length; issue lists are capped; keys that are not plain
 * identifiers (personal data planted as key names) are never echoed.
 *
 * Expected paths are worked out by hand in the comments (levels: the artefact root is level 1).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreLine } from "../../src/cli/score-line";
import { createEngine } from "../../src/decision";
import { parseApplicantFast } from "../../src/schema/fast-parse";
import { engineIssues } from "../decision/helpers";
import { catalogToJSON, compileCatalog, defaultCatalog, extendCatalog, loadCatalog } from "../../src/features";
import { compileRules, loadRuleSet } from "../../src/fraud";
import { loadPolicy } from "../../src/limits";
import {
  type Issue,
  type IssuePath,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  type Result,
  parseApplicantWithZod,
} from "../../src/schema";
import { loadExpertCard, loadScorecard } from "../../src/scorecard";
import { loadStrategy } from "../../src/strategy";
import { adult } from "../decision/helpers";

const root = join(import.meta.dirname, "..", "..");
const model = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, "models", name), "utf8"));

type Issues = readonly Issue[];
const issuesOf = (r: Result<unknown>): Issues => (r.ok ? [] : r.issues);

const BASES = {
  scorecard: () => model("scorecard.json"),
  expertCard: () => model("expert-card.json"),
  rules: () => model("fraud-rules.json"),
  policy: () => model("policy.json"),
  catalog: () => catalogToJSON(defaultCatalog) as unknown as Record<string, unknown>,
  config: () => ({}),
  strategy: () => model("strategy.json"),
};

/** One loader: what it reads (an object artefact, or an array of declarations) and what it adds to paths. */
interface Loader {
  readonly name: string;
  /** Runs the loader on a whole input. */
  readonly whole: (value: unknown) => Issues;
  /** A valid input of its kind (object loaders). */
  readonly base: () => Record<string, unknown>;
  /** True for loaders of an array of feature declarations. */
  readonly array: boolean;
  /** What the loader puts before artefact-relative paths (createEngine: the config key). */
  readonly prefix: IssuePath;
}

const loader = (name: string, whole: (j: unknown) => Issues, base: () => Record<string, unknown>): Loader => ({
  name,
  whole,
  base,
  array: false,
  prefix: [],
});
const arrayLoader = (name: string, whole: (specs: unknown[]) => Issues): Loader => ({
  name,
  whole: (v) => whole(v as unknown[]),
  base: BASES.config,
  array: true,
  prefix: [],
});
const engineLoader = (key: keyof typeof BASES, extra: object = {}): Loader => ({
  name: `createEngine { ${key} }`,
  whole: (v) => engineIssues({ ...extra, [key]: v }),
  base: BASES[key],
  array: false,
  prefix: [key],
});

/** Path of the fragment from the loader's input root: `x` of the artefact, or item 0 of an array. */
const at = (l: Loader): IssuePath => (l.array ? [0] : [...l.prefix, "x"]);
/** Runs the loader with `fragment` at `at(l)`. */
const withFragment = (l: Loader, fragment: unknown): Issues =>
  l.array ? l.whole([fragment]) : l.whole({ ...l.base(), x: fragment });

const LOADERS: readonly Loader[] = [
  loader("loadScorecard", (j) => issuesOf(loadScorecard(j)), BASES.scorecard),
  loader("loadExpertCard", (j) => issuesOf(loadExpertCard(j)), BASES.expertCard),
  loader("loadRuleSet", (j) => issuesOf(loadRuleSet(j)), BASES.rules),
  loader("compileRules", (j) => issuesOf(compileRules(j)), BASES.rules),
  loader("loadPolicy", (j) => issuesOf(loadPolicy(j)), BASES.policy),
  loader("loadCatalog", (j) => issuesOf(loadCatalog(j)), BASES.catalog),
  arrayLoader("extendCatalog", (specs) => issuesOf(extendCatalog(defaultCatalog, specs))),
  arrayLoader("compileCatalog", (specs) => issuesOf(compileCatalog(specs))),
  loader("createEngine (config root)", engineIssues, BASES.config),
  engineLoader("scorecard"),
  engineLoader("expertCard", { card: "expert" }),
  engineLoader("rules"),
  engineLoader("policy"),
  loader("loadStrategy", (j) => issuesOf(loadStrategy(j)), BASES.strategy),
  engineLoader("strategy"),
];

const codePath = (issues: Issues): string[] => issues.map((i) => `${i.code} @ ${JSON.stringify(i.path)}`);
const expected = (...issues: [string, IssuePath][]): string[] =>
  issues.map(([code, path]) => `${code} @ ${JSON.stringify(path)}`);

describe("the same bad fragment gives the same issues from every loader", () => {
  it("too deep: the first container at level MAX_JSON_DEPTH + 1 = 73, and nothing else", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(MAX_JSON_DEPTH).toBe(72);
    for (const l of LOADERS) {
      // The artefact root is level 1 and the fragment, at a path of length 1 from it, level 2; its
      // k-th nested array (k zeros below it) is level 2 + k. Level 73 is k = 71. createEngine's
      // artefact is one key deeper in the config but scanned from its own root: same path after the key.
      const lead = at(l).slice(l.prefix.length);
      const path = [...l.prefix, ...lead, ...new Array<number>(71).fill(0)];
      expect(codePath(withFragment(l, deep)), l.name).toEqual(expected(["too_complex", path]));
    }
  });

  it("forbidden keys at depth: each reported at its own path, and not walked below", () => {
    const f = JSON.parse('{"a":{"b":[{"c":{"__proto__":{"polluted":1}}},{"constructor":{"prototype":1}}]}}');
    for (const l of LOADERS) {
      const a = at(l);
      expect(codePath(withFragment(l, f)), l.name).toEqual(
        expected(
          ["forbidden_key", [...a, "a", "b", 0, "c", "__proto__"]],
          ["forbidden_key", [...a, "a", "b", 1, "constructor"]],
        ),
      );
    }
  });

  it("oversize: one too_big at the artefact root (createEngine: at its key)", () => {
    const huge = new Array(3_000_000); // sparse; over every budget (the largest, rule sets, is 2,000,000 values)
    const dense = Array.from({ length: 2_000_001 }, () => 0);
    for (const l of LOADERS) {
      expect(codePath(withFragment(l, huge)), l.name).toEqual(expected(["too_big", l.prefix]));
      expect(codePath(withFragment(l, dense)), l.name).toEqual(expected(["too_big", l.prefix]));
    }
  });

  it("values JSON cannot hold: invalid_type at their path", () => {
    const f = { when: new Date(0), fn: () => 1, list: [1, undefined] };
    for (const l of LOADERS) {
      const a = at(l);
      expect(codePath(withFragment(l, f)), l.name).toEqual(
        expected(["invalid_type", [...a, "when"]], ["invalid_type", [...a, "fn"]], ["invalid_type", [...a, "list", 1]]),
      );
    }
  });

  it("wrong root type: one invalid_type at the root, never a TypeError", () => {
    for (const l of LOADERS) {
      const wrong = l.array ? [null, 42, true, {}, "[]"] : [null, 42, true, [], [1, 2]];
      for (const w of wrong) {
        if (l.name === "createEngine (config root)" && w === null) continue; // checked below
        expect(codePath(l.whole(w)), `${l.name} ${JSON.stringify(w)}`).toEqual(expected(["invalid_type", l.prefix]));
      }
    }
    expect(codePath(engineIssues(null))).toEqual(expected(["invalid_type", []]));
  });
});

describe("work is proportional to what is present", () => {
  /** An array proxy that counts every property read (length and indices). */
  const counted = <T>(target: T[]): { proxy: T[]; reads: () => number } => {
    let n = 0;
    const proxy = new Proxy(target, {
      get(t, k, r) {
        n++;
        return Reflect.get(t, k, r);
      },
    });
    return { proxy, reads: () => n };
  };

  it("a sparse array of length 1e7 is rejected after reading its length only, by every loader", () => {
    const sparse = new Array(10_000_000);
    for (const l of LOADERS) {
      const c = counted(sparse);
      expect(codePath(withFragment(l, c.proxy)), l.name).toEqual(expected(["too_big", l.prefix]));
      expect(c.reads(), l.name).toBeLessThanOrEqual(2); // `length` (Array.isArray reads nothing)
    }
  });

  it("an 8 MiB rule set over the value budget is rejected after reading one length", () => {
    // 8 MiB of JSON: a list of 4,194,000 zeros ("0," is 2 bytes) under the usual envelope.
    const rules = model("fraud-rules.json");
    const text = JSON.stringify({ ...rules, lists: { big: [] } }).replace(
      '"big":[]',
      `"big":[${"0,".repeat(4_194_000)}0]`,
    );
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const json = JSON.parse(text) as { lists: { big: number[] } };
    const c = counted(json.lists.big);
    json.lists.big = c.proxy;
    expect(codePath(issuesOf(loadRuleSet(json)))).toEqual(expected(["too_big", []]));
    expect(c.reads()).toBeLessThanOrEqual(2);
  });

  it("an array within the budget is read once per item by the pre-scan", () => {
    const c = counted(Array.from({ length: 1000 }, (_, i) => `id${i}`));
    // Not a valid artefact (`x` is unknown): the pre-scan passes, then zod stops at the unknown key.
    const r = loadPolicy({ ...model("policy.json"), x: c.proxy });
    expect(codePath(issuesOf(r))).toEqual(expected(["unrecognized_key", ["x"]]));
    // 1 length + 1,000 items by the pre-scan; zod reads no item of an unknown key's value
    expect(c.reads()).toBeLessThanOrEqual(1001 + 2);
  });
});

describe("issue lists are capped: the first MAX_ISSUES and one summary with the count", () => {
  const summary = (issues: Issues): Issue => issues[issues.length - 1]!;

  it("extendCatalog: 1,600 empty declarations stop after MAX_ISSUES issues (was one issue or more each)", () => {
    let parsed = 0; // declarations zod looked into (the pre-scan reads no property of an empty object)
    const specs = Array.from(
      { length: 1_600 }, // with the 359 of the default catalog, within MAX_CATALOG_FEATURES (2,000)
      () =>
        new Proxy(
          {},
          {
            get(t, k, r) {
              if (k === "name" || k === "kind") parsed++;
              return Reflect.get(t, k, r);
            },
          },
        ),
    );
    const issues = issuesOf(extendCatalog(defaultCatalog, specs));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(summary(issues).code).toBe("too_many_issues");
    expect(summary(issues).path).toEqual([]);
    expect(summary(issues).message).toMatch(/^at least \d+ more issues? not listed \(only the first 100 are\)$/);
    expect(parsed).toBeLessThanOrEqual(2 * (MAX_ISSUES + 1)); // at most MAX_ISSUES + 1 declarations, name and kind
    // 60,000 declarations: over MAX_CATALOG_FEATURES, one issue and no declaration parsed
    parsed = 0;
    const more = Array.from({ length: 60_000 }, () => specs[0]!);
    expect(codePath(issuesOf(extendCatalog(defaultCatalog, more)))).toEqual(expected(["too_big", []]));
    expect(parsed).toBe(0);
  });

  it("loadRuleSet: 900 rules with an unknown key give 100 issues and '800 more'", () => {
    const rules = model("fraud-rules.json") as { rules: Record<string, unknown>[] };
    const rule = rules.rules[0]!;
    const many = Array.from({ length: 900 }, (_, i) => ({ ...rule, id: `r${i}`, extra: 1 })); // schema max: 1,000 rules
    const issues = issuesOf(loadRuleSet({ ...rules, rules: many }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]).toMatchObject({ code: "unrecognized_key", path: ["rules", 0, "extra"] });
    expect(summary(issues)).toEqual({
      code: "too_many_issues",
      path: [],
      message: "800 more issues not listed (only the first 100 are)",
    });
  });

  it("forbidden keys past the cap: the pre-scan stops at MAX_ISSUES + 1", () => {
    // 300 objects with one key: 601 values, within every budget (the engine configuration's is 1,000)
    const items = Array.from({ length: 300 }, () => JSON.parse('{"__proto__":1}'));
    for (const l of LOADERS) {
      const issues = withFragment(l, items);
      expect(issues, l.name).toHaveLength(MAX_ISSUES + 1);
      expect(issues[MAX_ISSUES - 1]!.path, l.name).toEqual([...at(l), MAX_ISSUES - 1, "__proto__"]);
      expect(summary(issues), l.name).toMatchObject({ code: "too_many_issues", path: l.prefix });
      expect(summary(issues).message).toBe("at least 1 more issue not listed (only the first 100 are)");
    }
  });

  it("applicants: both parsers cap the same way (500 unknown keys)", () => {
    const a: Record<string, unknown> = { ...adult() };
    for (let i = 0; i < 500; i++) a[`k${i}`] = i;
    const fast = parseApplicantFast(a);
    const zod = parseApplicantWithZod(a);
    expect(fast).toEqual(zod);
    const issues = issuesOf(fast);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(summary(issues).message).toBe("400 more issues not listed (only the first 100 are)");
  });
});

describe("keys that are not plain identifiers are never echoed", () => {
  const SECRET_KEYS = ["张三 13800138000", "13800138000", "id 110101199003077777", "a".repeat(65), "x-y", "0"];
  const leaks = (issues: Issues): boolean => {
    const text = JSON.stringify(issues);
    return SECRET_KEYS.some((k) => text.includes(JSON.stringify(k))) || /张三|13800138000|1101011990/.test(text);
  };

  it("artefact loaders and createEngine: unknown keys become <key>, also above a forbidden key", () => {
    for (const l of LOADERS) {
      for (const k of SECRET_KEYS) {
        const issues = plant(l, k);
        expect(leaks(issues), `${l.name} ${k}`).toBe(false);
        expect(
          issues.some((i) => i.path.includes("<key>")),
          `${l.name} ${k}`,
        ).toBe(true);
      }
      const deep = withFragment(l, JSON.parse('{"张三 13800138000":{"__proto__":1}}'));
      expect(codePath(deep), l.name).toEqual(expected(["forbidden_key", [...at(l), "<key>", "__proto__"]]));
    }
  });

  it("applicant parsing, fast and zod paths alike, and the CLI error record", () => {
    for (const k of SECRET_KEYS) {
      const a = adult() as unknown as Record<string, any>;
      a[k] = 1;
      a.identity[k] = { nested: true };
      a.payments[0][k] = "x";
      const fast = parseApplicantFast(a);
      expect(fast).toEqual(parseApplicantWithZod(a));
      const issues = issuesOf(fast);
      expect(leaks(issues), k).toBe(false);
      expect(codePath(issues).sort()).toEqual(
        expected(
          ["unrecognized_key", ["<key>"]],
          ["unrecognized_key", ["identity", "<key>"]],
          ["unrecognized_key", ["payments", 0, "<key>"]],
        ).sort(),
      );
      const record = scoreLine(createEngine(), JSON.stringify(a), 1, Date.UTC(2026, 5, 30)).text;
      expect(record).toContain('"<key>"');
      expect(SECRET_KEYS.some((s) => record.includes(JSON.stringify(s)))).toBe(false);
      expect(record).not.toMatch(/张三|13800138000|1101011990/);
    }
  });

  it("a plain identifier of up to 64 characters is echoed", () => {
    const k = `k${"a".repeat(63)}`;
    const issues = issuesOf(parseApplicantFast({ ...adult(), [k]: 1, extra_field: 2 }));
    expect(codePath(issues)).toEqual(expected(["unrecognized_key", [k]], ["unrecognized_key", ["extra_field"]]));
  });
});

/** Plants an unknown key where the loader's schema rejects it: the artefact root, or a valid declaration. */
function plant(l: Loader, key: string): Issues {
  if (l.array) return l.whole([{ ...defaultCatalog.specs[0]!, name: "planted_feature", [key]: 1 }]);
  return l.whole({ ...l.base(), [key]: 1 });
}
