/** Loads the German credit fixture (fixtures/german-credit, CC BY 4.0, see its README). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const here = dirname(fileURLToPath(import.meta.url));

export interface GermanCredit {
  readonly rows: readonly Record<string, string>[];
  /** 1 = bad, 0 = good. */
  readonly y: number[];
  num(column: string): number[];
  str(column: string): string[];
}

let cached: GermanCredit | undefined;

export function germanCredit(): GermanCredit {
  if (cached) return cached;
  const text = readFileSync(join(here, "../../fixtures/german-credit/german_credit.csv"), "utf8");
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  cached = {
    rows,
    y: rows.map((r) => (r.creditability === "bad" ? 1 : 0)),
    num: (c) => rows.map((r) => Number(r[c])),
    str: (c) => rows.map((r) => r[c]!),
  };
  return cached;
}
