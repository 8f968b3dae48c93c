/**
 * The feature table of src/features/CATALOG.md, generated from the default catalog
 * (`catalogTable`). `npm run docs:catalog` writes it (run this file: `tsx test/features/catalog-doc.ts`);
 * test/features/docs.test.ts only compares, so a test never rewrites its own expected file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogTable, defaultCatalog } from "../../src/features";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CATALOG_DOC = join(root, "src", "features", "CATALOG.md");
const BEGIN = "<!-- catalog:begin -->";
const END = "<!-- catalog:end -->";

/** The text between the catalog markers of CATALOG.md, trimmed; throws when a marker is absent. */
export function documentedTable(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error("src/features/CATALOG.md: catalog markers missing or out of order");
  return doc.slice(start + BEGIN.length, end).trim();
}

/** CATALOG.md with the table between the markers replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf(BEGIN) + BEGIN.length;
  return `${doc.slice(0, start)}\n${table}\n${doc.slice(doc.indexOf(END))}`;
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const doc = readFileSync(CATALOG_DOC, "utf8");
  const table = catalogTable(defaultCatalog);
  if (documentedTable(doc) === table) console.log("src/features/CATALOG.md is up to date");
  else {
    writeFileSync(CATALOG_DOC, withTable(doc, table));
    console.log("src/features/CATALOG.md rewritten from the default catalog");
  }
}
