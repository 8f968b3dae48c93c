/**
 * Inline-SVG charts of a card's learned shapes for the HTML report: points by attribute as bars
 * above and below a zero line, and a two-input characteristic's points per cell as a heat map
 * (diverging: red cells cost points, blue cells add points). No scripts, every text escaped.
 */
import { esc } from "./svg";

const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();
const pts = (v: number): string => String(Math.round(v * 100) / 100);
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Points by attribute as bars from a zero line (positive up, negative down), labelled below.
 * @param title chart title
 * @param labels one label per attribute
 * @param points the points of each attribute
 * @returns the SVG element text
 * @example shapeChart("age", ["< 30", ">= 30"], [-12, 8]).startsWith("<svg") // => true
 */
export function shapeChart(title: string, labels: readonly string[], points: readonly number[]): string {
  const w = Math.max(320, Math.min(760, 90 + labels.length * 48));
  const h = 260;
  const left = 72;
  const top = 30;
  const ph = h - top - 78;
  const pw = w - left - 16;
  const hi = Math.max(0, ...points);
  const lo = Math.min(0, ...points);
  const span = hi - lo || 1;
  const sy = (v: number): number => top + ((hi - v) / span) * ph;
  const slot = pw / Math.max(1, labels.length);
  const parts: string[] = [];
  parts.push(`<text x="${left}" y="18" class="title">${esc(title)}</text>`);
  for (const v of lo === hi ? [0] : [lo, 0, hi]) {
    const y = r1(sy(v));
    parts.push(`<line x1="${left}" x2="${left + pw}" y1="${y}" y2="${y}" class="${v === 0 ? "axis" : "grid"}"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${esc(pts(v))}</text>`,
    );
  }
  points.forEach((p, i) => {
    const x = left + i * slot + slot * 0.15;
    const y0 = sy(0);
    const y1 = sy(p);
    const color = p < 0 ? "#c8463d" : "#3b6fb6";
    parts.push(
      `<rect x="${r1(x)}" y="${r1(Math.min(y0, y1))}" width="${r1(Math.max(1, slot * 0.7))}" height="${r1(Math.abs(y1 - y0))}" fill="${color}"><title>${esc(`${labels[i]}: ${pts(p)} points`)}</title></rect>`,
    );
    const lx = r1(left + i * slot + slot / 2);
    const ly = top + ph + 12;
    parts.push(
      `<text x="${lx}" y="${ly}" class="tick" text-anchor="end" transform="rotate(-35 ${lx} ${ly})">${esc(cut(labels[i]!, 18))}</text>`,
    );
  });
  parts.push(
    `<text x="14" y="${top + ph / 2}" class="label" text-anchor="middle" transform="rotate(-90 14 ${top + ph / 2})">points</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">${parts.join("")}</svg>`;
}

/**
 * A heat map of points per cell: rows are the first input's bins, columns the second's; each cell
 * is coloured on a diverging scale by its points (red below 0, blue above, white at 0, full
 * colour at the largest absolute value) and shows its points and row count.
 * @param title chart title
 * @param rowName the first input's name
 * @param columnName the second input's name
 * @param rowLabels the first input's bin labels
 * @param columnLabels the second input's bin labels
 * @param points points per cell, `points[r][c]`
 * @param counts rows per cell on the report's data, same layout
 * @returns the SVG element text
 * @example heatMap("a x b", "a", "b", ["lo", "hi"], ["lo", "hi"], [[5, -5], [-5, 5]], [[1, 2], [3, 4]]).includes("<rect") // => true
 */
export function heatMap(
  title: string,
  rowName: string,
  columnName: string,
  rowLabels: readonly string[],
  columnLabels: readonly string[],
  points: readonly (readonly number[])[],
  counts: readonly (readonly number[])[],
): string {
  const cw = 64;
  const ch = 34;
  const left = 150;
  const top = 48;
  const w = left + columnLabels.length * cw + 20;
  const h = top + rowLabels.length * ch + 70;
  let most = 0;
  for (const row of points) for (const v of row) most = Math.max(most, Math.abs(v));
  const color = (v: number): string => {
    const t = most > 0 ? Math.min(1, Math.abs(v) / most) : 0;
    const [r, g, b] = v < 0 ? [200, 70, 61] : [59, 111, 182];
    const mix = (c: number): number => Math.round(255 + (c - 255) * t);
    return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
  };
  const parts: string[] = [];
  parts.push(`<text x="12" y="18" class="title">${esc(title)}</text>`);
  parts.push(
    `<text x="12" y="36" class="note">${esc(`rows: ${rowName}; columns: ${columnName}; cell: points (rows)`)}</text>`,
  );
  rowLabels.forEach((label, r) => {
    parts.push(
      `<text x="${left - 6}" y="${r1(top + r * ch + ch / 2)}" class="tick" text-anchor="end" dominant-baseline="middle">${esc(cut(label, 24))}</text>`,
    );
    columnLabels.forEach((_, c) => {
      const v = points[r]![c]!;
      const x = left + c * cw;
      const y = top + r * ch;
      const dark = most > 0 && Math.abs(v) / most > 0.6;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cw - 1}" height="${ch - 1}" fill="${color(v)}"><title>${esc(`${rowName} ${label}, ${columnName} ${columnLabels[c]}: ${pts(v)} points, ${counts[r]![c]} rows`)}</title></rect>`,
      );
      parts.push(
        `<text x="${x + cw / 2}" y="${y + 14}" class="tick" text-anchor="middle"${dark ? ' fill="#fff"' : ""}>${esc(pts(v))}</text>`,
      );
      parts.push(
        `<text x="${x + cw / 2}" y="${y + 27}" class="tick" text-anchor="middle"${dark ? ' fill="#fff"' : ""}>(${esc(String(counts[r]![c]))})</text>`,
      );
    });
  });
  columnLabels.forEach((label, c) => {
    const lx = r1(left + c * cw + cw / 2);
    const ly = top + rowLabels.length * ch + 12;
    parts.push(
      `<text x="${lx}" y="${ly}" class="tick" text-anchor="end" transform="rotate(-35 ${lx} ${ly})">${esc(cut(label, 18))}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">${parts.join("")}</svg>`;
}
