export * from "./age";
export * from "./applicant";
export * from "./fast-parse";
export * from "./json-schema";
export * from "./limits";
export * from "./parse";
export * from "./result";
export {
  FORBIDDEN_KEYS,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  capIssues,
  deepFreeze,
  guardJson,
  parseJsonText,
  prefixIssues,
  type GuardOptions,
  type JsonLimits,
  type JsonRoot,
} from "./json-guard";
export { fromZodIssues, validateWith } from "./zod-issues";
