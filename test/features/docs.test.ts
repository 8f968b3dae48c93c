import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogTable, defaultCatalog } from "../../src/features";
import { CATALOG_DOC, documentedTable, root, withTable } from "./catalog-doc";

describe("the documented catalog", () => {
  it("CATALOG.md holds exactly the table generated from the code (`npm run docs:catalog` rewrites it)", () => {
    expect(documentedTable(readFileSync(CATALOG_DOC, "utf8"))).toBe(catalogTable(defaultCatalog));
  });

  it("the writer replaces only the text between the markers", () => {
    const doc = "intro\n<!-- catalog:begin -->\nold\n<!-- catalog:end -->\noutro\n";
    expect(withTable(doc, "| new |")).toBe("intro\n<!-- catalog:begin -->\n| new |\n<!-- catalog:end -->\noutro\n");
    expect(documentedTable(withTable(doc, "| new |"))).toBe("| new |");
    expect(() => documentedTable("no markers")).toThrow(/markers/);
  });

  it("documents every feature with a section, unit, window and missing policy", () => {
    const rows = catalogTable(defaultCatalog).split("\n").slice(2);
    expect(rows.length).toBe(defaultCatalog.names.length);
    for (const r of rows) {
      const cells = r.split(" | ");
      expect(cells.length).toBe(7);
      for (const c of cells) expect(c.trim().length).toBeGreaterThan(0);
    }
  });

  it("README links the catalog", () => {
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("src/features/CATALOG.md");
  });
});
