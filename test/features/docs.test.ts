import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogueTable, defaultCatalog } from "../../src/features";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const docPath = join(root, "src", "features", "CATALOGUE.md");
const BEGIN = "<!-- catalogue:begin -->";
const END = "<!-- catalogue:end -->";

describe("the documented catalogue", () => {
  it("CATALOGUE.md holds exactly the table generated from the code (UPDATE_CATALOGUE=1 rewrites it)", () => {
    const table = catalogueTable(defaultCatalog);
    const doc = readFileSync(docPath, "utf8");
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = doc.slice(start + BEGIN.length, end).trim();
    if (process.env.UPDATE_CATALOGUE === "1" && current !== table) {
      writeFileSync(docPath, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
      return;
    }
    expect(current).toBe(table);
  });

  it("documents every feature with a section, unit, window and missing policy", () => {
    const rows = catalogueTable(defaultCatalog).split("\n").slice(2);
    expect(rows.length).toBe(defaultCatalog.names.length);
    for (const r of rows) {
      const cells = r.split(" | ");
      expect(cells.length).toBe(7);
      for (const c of cells) expect(c.trim().length).toBeGreaterThan(0);
    }
  });

  it("README links the catalogue", () => {
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("src/features/CATALOGUE.md");
  });
});
