export * from "./bands";
export * from "./config";
export * from "./engine";
export * from "./guards";
export * from "./types";
export * from "./velocity-policy";
export { canonicalJson, RECORD_FORMAT, toDecisionRecord } from "./trace";
