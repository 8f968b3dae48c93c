/**
 * riskcard/pmml: PMML 4.4 import (`Scorecard`, binary logistic `RegressionModel`) into riskcard
 * scorecards that score exactly as the PMML model does, and export of points cards as PMML 4.4
 * `Scorecard` documents. Kept out of the core: importing `riskcard` does not load the XML parser.
 */
export { loadPmml, loadPmmlOrThrow, parsePmml, pmmlToArtefact, type LoadPmmlOptions } from "./load-pmml";
export { toPmml } from "./to-pmml";
