export * from "./age";
export * from "./applicant";
export * from "./fast-parse";
export * from "./json-schema";
export * from "./limits";
export * from "./parse";
export * from "./result";
