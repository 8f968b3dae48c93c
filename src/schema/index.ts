export * from "./age";
export * from "./applicant";
export * from "./json-schema";
export * from "./limits";
export * from "./parse";
export * from "./result";
