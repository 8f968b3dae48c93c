import type { FeatureVector } from "../features/types";
import { type ScoreResult, type Scorecard, score } from "../scorecard";
import { columnIndex, numericColumn } from "./columns";
import { type CsvTable, isMissingCell } from "./csv";
import { CliError } from "./errors";

/** A card's scores over the rows of a table, with the attribute each row fell in per characteristic. */
export interface TableScores {
  /** One score per row. */
  readonly scores: Float64Array;
  /** Row-major `rows x characteristics`: the matched attribute index, -1 for the fallback. */
  readonly attributes: Int32Array;
  readonly characteristics: number;
}

/**
 * Scores every row of a CSV table with a card: each characteristic reads the column named by its
 * `feature`; numeric columns must hold numbers (`""`/`NA` are missing); a categorical value is
 * matched against the characteristic's `levels` (an unseen category takes the fallback).
 * @param card a loaded card
 * @param table the table
 * @param onRow called with each row's result (its buffers are reused: copy what you keep)
 * @returns scores and matched attributes
 * @throws {CliError} exit code 1 when a column the card reads is absent or a numeric column holds text
 * @example scoreTable(germanCard, germanTable).scores.length // => 1000
 */
export function scoreTable(
  card: Scorecard,
  table: CsvTable,
  onRow?: (row: number, result: ScoreResult) => void,
): TableScores {
  const names: string[] = [];
  const kinds = new Map<string, readonly string[] | null>();
  for (const c of card.characteristics) {
    if (!kinds.has(c.feature)) {
      names.push(c.feature);
      kinds.set(c.feature, c.type === "categorical" ? c.levels : null);
      try {
        columnIndex(table, c.feature);
      } catch {
        throw new CliError(
          `${table.source}: column "${c.feature}" (read by characteristic "${c.name}") is not in the header`,
        );
      }
    }
  }
  const rows = table.rows;
  const values = names.map((nm) => encodeColumn(table, nm, kinds.get(nm) ?? null));
  const vector: FeatureVector = {
    names: Object.freeze(names),
    values: new Float64Array(names.length),
    missing: new Uint8Array(names.length),
  };
  const k = card.characteristics.length;
  const out = { points: new Float64Array(k), attributes: new Int32Array(k) };
  const scores = new Float64Array(rows);
  const attributes = new Int32Array(rows * k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < names.length; j++) {
      const v = values[j]![i]!;
      const miss = Number.isNaN(v);
      vector.missing[j] = miss ? 1 : 0;
      vector.values[j] = miss ? 0 : v;
    }
    const r = score(card, vector, out);
    scores[i] = r.score;
    attributes.set(r.attributes, i * k);
    if (onRow !== undefined) onRow(i, r);
  }
  return { scores, attributes, characteristics: k };
}

/** A column as Float64Array (NaN = missing); categories become their index in `levels` (-1 unseen). */
function encodeColumn(table: CsvTable, name: string, levels: readonly string[] | null): Float64Array {
  if (levels === null) {
    const v = numericColumn(table, name);
    return Float64Array.from(v, (x) => (x === null ? Number.NaN : x));
  }
  const index = new Map(levels.map((l, i) => [l, i] as const));
  const cells = table.columns[columnIndex(table, name)]!;
  return Float64Array.from(cells, (c) => (isMissingCell(c) ? Number.NaN : (index.get(c) ?? -1)));
}
