/**
 * The one mapping of zod issues to riskcard issues, used by every schema-validated boundary
 * (applicant, artefacts, configurations, post-loan inputs).
 */
import type { z } from "zod";
import { FORBIDDEN_KEYS, capIssues } from "./json-guard";
import { type Issue, type IssueCode, type Result, fail, issue, ok } from "./result";

/**
 * Converts zod issues into riskcard issues: closed codes, the same paths, and messages that
 * never contain the input value. An unknown key becomes one `unrecognized_key` issue per key with
 * the key appended to the path (`forbidden_key` for `__proto__`, `constructor`, `prototype`); a key
 * that is not a plain identifier appears as `KEY_PLACEHOLDER` (see `issue`).
 * @param issues zod issues, produced with `reportInput: true` so a missing field can be told from a
 *   wrong type (use `validateWith`, which does so)
 * @returns riskcard issues in zod's order
 * @example fromZodIssues(applicantSchema.safeParse({}, { reportInput: true }).error!.issues)[0].code // => "missing"
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
    switch (zi.code) {
      case "invalid_type": {
        const input = (zi as { input?: unknown }).input;
        if (input === undefined) out.push(issue("missing", path, "required"));
        else if (typeof input === "number" && !Number.isFinite(input))
          out.push(issue("not_finite", path, "must be a finite number"));
        else if (zi.expected === "int" && typeof input === "number")
          out.push(issue("not_integer", path, "must be an integer"));
        else out.push(issue("invalid_type", path, `expected ${zi.expected === "int" ? "integer" : zi.expected}`));
        break;
      }
      case "too_small":
        out.push(issue("too_small", path, boundMessage(zi.origin, ">=", zi.minimum)));
        break;
      case "too_big":
        out.push(issue("too_big", path, boundMessage(zi.origin, "<=", zi.maximum)));
        break;
      case "invalid_value":
        out.push(issue("invalid_enum", path, "not one of the allowed values"));
        break;
      case "invalid_format":
        out.push(
          issue(
            "invalid_format",
            path,
            zi.format === "regex" ? "does not match the expected pattern" : `not a valid ${zi.format}`,
          ),
        );
        break;
      case "not_multiple_of":
        if (zi.divisor === 1) out.push(issue("not_integer", path, "must be an integer"));
        else out.push(issue("invalid_value", path, `must be a multiple of ${zi.divisor}`));
        break;
      case "unrecognized_keys":
        for (const k of zi.keys) {
          if (FORBIDDEN_KEYS.has(k)) out.push(issue("forbidden_key", [...path, k], "forbidden key"));
          else out.push(issue("unrecognized_key", [...path, k], "unknown key"));
        }
        break;
      case "invalid_key":
        out.push(issue("invalid_value", path, "not an allowed key"));
        break;
      case "custom": {
        const code = (zi.params as { code?: IssueCode } | undefined)?.code ?? "invalid_value";
        out.push(issue(code, path, zi.message));
        break;
      }
      default:
        out.push(issue("invalid_value", path, "invalid value"));
    }
  }
  return out;
}

function boundMessage(origin: string, op: string, bound: number | bigint): string {
  if (origin === "array") return `must have ${op === ">=" ? "at least" : "at most"} ${bound} items`;
  if (origin === "string") return `must have ${op === ">=" ? "at least" : "at most"} ${bound} characters`;
  return `must be ${op} ${bound}`;
}

/**
 * Validates a value with a zod schema and returns a riskcard `Result`: the parsed data, or the
 * issues mapped by `fromZodIssues` and capped by `capIssues`.
 * @param schema a zod schema
 * @param input the value (pre-scanned with `guardJson` when untrusted)
 * @returns `{ ok: true, value }` with zod's output, or `{ ok: false, issues }`
 * @example validateWith(z.object({ a: z.number() }), {}).ok // => false
 */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? ok(r.data) : fail(capIssues(fromZodIssues(r.error.issues)));
}
