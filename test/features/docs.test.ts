import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogTable, defaultCatalog } from "../../src/features";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const docPath = join(root, "src", "features", "CATALOG.md");
const BEGIN = "<!-- catalog:begin -->";
const END = "<!-- catalog:end -->";

describe("the documented catalog", () => {
  it("CATALOG.md holds exactly the table generated from the code (UPDATE_CATALOG=1 rewrites it)", () => {
    const table = catalogTable(defaultCatalog);
    const doc = readFileSync(docPath, "utf8");
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = doc.slice(start + BEGIN.length, end).trim();
    if (process.env.UPDATE_CATALOG === "1" && current !== table) {
      writeFileSync(docPath, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
      return;
    }
    expect(current).toBe(table);
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
