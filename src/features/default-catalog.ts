import { unwrap } from "../schema/result";
import { bureauFeatures } from "./catalog/bureau";
import { deviceFeatures } from "./catalog/devices";
import { gridFeatures } from "./catalog/grid";
import { identityFeatures } from "./catalog/identity";
import { loanFeatures } from "./catalog/loans";
import { paymentFeatures } from "./catalog/payments";
import { signalFeatures } from "./catalog/signals";
import { socialFeatures } from "./catalog/social";
import { compileCatalog } from "./compile";
import type { Catalog } from "./plan";
import type { FeatureSpec } from "./spec";

/**
 * The declarations of the default catalog, in output order.
 * @example defaultFeatureSpecs.length // => 359
 */
export const defaultFeatureSpecs: readonly FeatureSpec[] = Object.freeze([
  ...identityFeatures,
  ...paymentFeatures,
  ...bureauFeatures,
  ...socialFeatures,
  ...deviceFeatures,
  ...loanFeatures,
  ...signalFeatures,
  ...gridFeatures,
]);

/**
 * The default catalog (local time for hour filters: UTC+8, China Standard Time).
 * @example defaultCatalog.names.includes("bureau_utilisation") // => true
 */
export const defaultCatalog: Catalog = unwrap(compileCatalog(defaultFeatureSpecs), "default feature catalog");
