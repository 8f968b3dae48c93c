/**
 * The report's "Shapes" section: each one-feature characteristic's points by attribute (the shape
 * a boosted card learned, or a binned card's points), and each two-input rules characteristic that
 * forms a grid (a boosted card's pair terms) as a heat map of points per cell with the rows of the
 * report's data in each cell. Data (`shapesOf`) apart from rendering (`renderShapes`).
 */
import type { Predicate, RulesCharacteristic, Scorecard } from "../scorecard";
import { attributeLabel } from "./report-data";
import type { TableScores } from "./score-table";
import { esc } from "./svg";
import { heatMap, shapeChart } from "./svg-shapes";

/** One characteristic's points by attribute. */
export interface ShapeData {
  readonly name: string;
  readonly labels: readonly string[];
  readonly points: readonly number[];
}

/** A two-input characteristic as a grid: points and rows of this data per cell (`[r][c]`). */
export interface PairGrid {
  readonly name: string;
  readonly features: readonly [string, string];
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** Points per cell; a cell no attribute covers shows the fallback's points. */
  readonly points: readonly (readonly number[])[];
  readonly counts: readonly (readonly number[])[];
}

/** The shapes and pair grids of a card on scored data. */
export interface ShapesData {
  readonly shapes: readonly ShapeData[];
  readonly pairs: readonly PairGrid[];
}

const n = (v: number | string): string => String(v);

/** A label for the predicates one attribute puts on one input ("missing", "= 98", "[0.1, 0.5)", "east"). */
function binLabel(preds: readonly Predicate[]): string {
  let lo: string | null = null;
  let hi: string | null = null;
  const other: string[] = [];
  for (const p of preds) {
    switch (p.op) {
      case "isMissing":
        other.push("missing");
        break;
      case "isNotMissing":
        other.push("any");
        break;
      case "ge":
      case "gt":
        lo = `${p.op === "ge" ? "[" : "("}${n(p.value)}`;
        break;
      case "lt":
      case "le":
        hi = `${n(p.value)}${p.op === "lt" ? ")" : "]"}`;
        break;
      case "eq":
        other.push(typeof p.value === "string" ? p.value : `= ${p.value}`);
        break;
      case "ne":
        other.push(`not ${n(p.value)}`);
        break;
      case "in":
      case "notIn":
        other.push(`${p.op === "in" ? "in" : "not in"} {${p.values.map(n).join(", ")}}`);
        break;
      default:
        other.push(p.op);
    }
  }
  if (lo !== null || hi !== null) other.push(`${lo ?? "[-inf"}, ${hi ?? "+inf)"}`);
  return other.join(" and ");
}

/**
 * The grid of a two-input rules characteristic whose every attribute is an `and` of predicates
 * each reading one input (null otherwise): bins in order of first appearance, one per distinct
 * label of each input; the first attribute of a cell gives its points (as scoring does).
 */
function gridOf(
  c: RulesCharacteristic,
): { rows: string[]; cols: string[]; cellOf: Int32Array; points: number[][] } | null {
  if (c.inputs.length !== 2) return null;
  const [fa, fb] = [c.inputs[0]!.feature, c.inputs[1]!.feature];
  const rows: string[] = [];
  const cols: string[] = [];
  const at: [number, number][] = [];
  for (const a of c.attributes) {
    if (a.when.op !== "and" || a.points === undefined) return null;
    const pa: Predicate[] = [];
    const pb: Predicate[] = [];
    for (const p of a.when.args) {
      if (!("feature" in p)) return null;
      if (p.feature === fa) pa.push(p);
      else if (p.feature === fb) pb.push(p);
      else return null;
    }
    if (pa.length === 0 || pb.length === 0) return null;
    const la = binLabel(pa);
    const lb = binLabel(pb);
    if (!rows.includes(la)) rows.push(la);
    if (!cols.includes(lb)) cols.push(lb);
    at.push([rows.indexOf(la), cols.indexOf(lb)]);
  }
  const points = rows.map(() => cols.map(() => Number.NaN));
  const cellOf = new Int32Array(c.attributes.length);
  at.forEach(([r, k], i) => {
    cellOf[i] = r * cols.length + k;
    if (Number.isNaN(points[r]![k]!)) points[r]![k] = c.attributes[i]!.points!;
  });
  for (const row of points) for (let k = 0; k < row.length; k++) if (Number.isNaN(row[k]!)) row[k] = c.fallback.points;
  return { rows, cols, cellOf, points };
}

/**
 * The shapes (points by attribute of every one-feature characteristic) and the pair grids (two-input
 * rules characteristics whose attributes form a grid, with this data's rows per cell) of a card.
 * @param card the card
 * @param scored its scores on the report's data (matched attributes per row)
 * @returns the shapes and the grids
 * @example shapesOf(germanCard, scoreTable(germanCard, germanTable)).pairs.length // => 0 (a logistic card has no pair terms)
 */
export function shapesOf(card: Scorecard, scored: TableScores): ShapesData {
  const shapes: ShapeData[] = [];
  const pairs: PairGrid[] = [];
  const k = scored.characteristics;
  const rowsN = scored.scores.length;
  card.characteristics.forEach((c, ci) => {
    if (c.type !== "rules") {
      shapes.push({
        name: c.name,
        labels: c.attributes.map((_, a) => attributeLabel(c, a)),
        points: c.attributes.map((a) => a.points),
      });
      return;
    }
    const g = gridOf(c);
    if (g === null) return;
    const counts = g.rows.map(() => g.cols.map(() => 0));
    for (let i = 0; i < rowsN; i++) {
      const a = scored.attributes[i * k + ci]!;
      if (a < 0) continue;
      const cell = g.cellOf[a]!;
      counts[Math.floor(cell / g.cols.length)]![cell % g.cols.length]!++;
    }
    pairs.push({
      name: c.name,
      features: [c.inputs[0]!.feature, c.inputs[1]!.feature],
      rowLabels: g.rows,
      columnLabels: g.cols,
      points: g.points,
      counts,
    });
  });
  return { shapes, pairs };
}

/**
 * The HTML of the shapes section: a points-by-attribute chart per characteristic, then a heat map
 * per pair term.
 * @param data the output of `shapesOf`
 * @returns the HTML text (a heading, notes and inline SVG)
 * @example renderShapes({ shapes: [{ name: "age", labels: ["< 30", ">= 30"], points: [-12, 8] }], pairs: [] }).startsWith("<h2>") // => true
 */
export function renderShapes(data: ShapesData): string {
  const charts = data.shapes.map((s) => shapeChart(`${s.name}: points by attribute`, s.labels, s.points)).join("");
  const maps = data.pairs
    .map((p) => heatMap(p.name, p.features[0], p.features[1], p.rowLabels, p.columnLabels, p.points, p.counts))
    .join("");
  const pairs =
    data.pairs.length === 0
      ? ""
      : `<h3>Pairwise terms</h3><p class="note">${esc("Two-feature characteristics (a boosted card's interactions): the points each combination of bins adds, red where it costs points, with this data's rows per cell.")}</p><div class="row">${maps}</div>`;
  return `<h2>Shapes</h2><p class="note">${esc("The points each attribute gives: the shape of each characteristic, as learned.")}</p><div class="row">${charts}</div>${pairs}`;
}
