/**
 * Internals of `src/interop/` that other riskcard folders use: the command line writes its CSV
 * output fields with the same quoting as the card-table writer. Not part of the public API: no
 * subpath export, no compatibility promise.
 */
export { csvField } from "./card-table";
