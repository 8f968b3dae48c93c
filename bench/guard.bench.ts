import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRuleSet, RULE_SET_LIMITS } from "../src/fraud";
import { guardJson } from "../src/schema/json-guard";
import { defineSuite } from "./harness";

const root = join(import.meta.dirname, "..");

// The shipped rule set (models/fraud-rules.json); a SYNTHETIC rule set with a named list of 100,000
// ids; and a SYNTHETIC 8 MiB rule set whose list of 4,194,001 zeros is over the 2,000,000-value budget.
export default function guardSuite() {
  const shipped = JSON.parse(readFileSync(join(root, "models", "fraud-rules.json"), "utf8"));
  const withList = { ...shipped, lists: { ids: Array.from({ length: 100_000 }, (_, i) => `dev-${i}`) } };
  const text = JSON.stringify({ ...shipped, lists: { big: [] } }).replace(
    '"big":[]',
    `"big":[${"0,".repeat(4_194_000)}0]`,
  );
  const oversize: unknown = JSON.parse(text);
  let sink = 0;
  return defineSuite({
    name: "guard",
    description:
      "The one pre-scan of untrusted JSON (`guardJson`) beside `JSON.stringify` of the same value (a walk that reads every value once) on the shipped rule set and on a SYNTHETIC rule set with a 100,000-id list; and `loadRuleSet` rejecting a SYNTHETIC 8 MiB rule set (list over the value budget) beside `loadRuleSet` accepting the shipped one.",
    cases: [
      { name: "guardJson: shipped rule set", fn: () => (sink += guardJson(shipped, RULE_SET_LIMITS).length + 1) },
      { name: "JSON.stringify: shipped rule set", peer: true, fn: () => (sink += JSON.stringify(shipped).length) },
      { name: "guardJson: 100,000-id list", fn: () => (sink += guardJson(withList, RULE_SET_LIMITS).length + 1) },
      { name: "JSON.stringify: 100,000-id list", peer: true, fn: () => (sink += JSON.stringify(withList).length) },
      { name: "loadRuleSet: 8 MiB over budget (rejected)", fn: () => (sink += loadRuleSet(oversize).ok ? 0 : 1) },
      { name: "loadRuleSet: shipped rule set", peer: true, fn: () => (sink += loadRuleSet(shipped).ok ? 1 : 0) },
    ],
    ratios: [
      {
        name: "guardJson vs JSON.stringify (shipped rules)",
        subject: "guardJson: shipped rule set",
        peer: "JSON.stringify: shipped rule set",
        goal: 1,
        floor: 0.3,
      },
      {
        name: "guardJson vs JSON.stringify (100,000-id list)",
        subject: "guardJson: 100,000-id list",
        peer: "JSON.stringify: 100,000-id list",
        goal: 1,
        floor: 0.3,
      },
      {
        name: "reject 8 MiB vs load the shipped rules",
        subject: "loadRuleSet: 8 MiB over budget (rejected)",
        peer: "loadRuleSet: shipped rule set",
        goal: 10,
        floor: 2,
      },
    ],
    notes: () => [
      `8 MiB input: ${text.length.toLocaleString("en-US")} characters of JSON text; the machine was shared with other helpers during the run.`,
      ...(sink === 0 ? ["warning: the sink stayed 0"] : []),
    ],
  });
}
