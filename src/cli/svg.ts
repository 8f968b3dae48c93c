/**
 * Small inline-SVG chart primitives for the HTML report: line charts and bar charts with axes,
 * no scripts and no external resources. Every text is escaped.
 */

/**
 * Escapes text for HTML and SVG content and attributes.
 * @example esc('<a & "b">') // => "&lt;a &amp; &quot;b&quot;&gt;"
 */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A series of a line chart. */
export interface LineSeries {
  readonly name: string;
  readonly color: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly dashed?: boolean;
}

/** A frame: size, domains and axis labels. */
export interface Frame {
  readonly width?: number;
  readonly height?: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title: string;
  /** Format of tick labels (default: up to 2 decimals). */
  readonly xFormat?: (v: number) => string;
  readonly yFormat?: (v: number) => string;
}

const M = { left: 56, right: 16, top: 30, bottom: 44 };
const fmt = (v: number): string => String(Math.round(v * 100) / 100);
const r2 = (v: number): string => (Math.round(v * 10) / 10).toString();

/** Scales of a frame. */
function scales(f: Frame) {
  const w = f.width ?? 560;
  const h = f.height ?? 340;
  const pw = w - M.left - M.right;
  const ph = h - M.top - M.bottom;
  const dx = f.x[1] - f.x[0] || 1;
  const dy = f.y[1] - f.y[0] || 1;
  return {
    w,
    h,
    pw,
    ph,
    sx: (v: number) => M.left + ((v - f.x[0]) / dx) * pw,
    sy: (v: number) => M.top + ph - ((v - f.y[0]) / dy) * ph,
  };
}

function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

function axes(f: Frame, s: ReturnType<typeof scales>): string {
  const xf = f.xFormat ?? fmt;
  const yf = f.yFormat ?? fmt;
  const parts: string[] = [];
  for (const t of ticks(f.y[0], f.y[1])) {
    const y = r2(s.sy(t));
    parts.push(`<line x1="${M.left}" x2="${M.left + s.pw}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(
      `<text x="${M.left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${esc(yf(t))}</text>`,
    );
  }
  for (const t of ticks(f.x[0], f.x[1], 6)) {
    const x = r2(s.sx(t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${M.top + s.ph}" y2="${M.top + s.ph + 4}" class="axis"/>`);
    parts.push(`<text x="${x}" y="${M.top + s.ph + 16}" class="tick" text-anchor="middle">${esc(xf(t))}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${s.pw}" height="${s.ph}" class="frame"/>`);
  parts.push(
    `<text x="${M.left + s.pw / 2}" y="${s.h - 8}" class="label" text-anchor="middle">${esc(f.xLabel)}</text>`,
  );
  parts.push(
    `<text x="14" y="${M.top + s.ph / 2}" class="label" text-anchor="middle" transform="rotate(-90 14 ${M.top + s.ph / 2})">${esc(f.yLabel)}</text>`,
  );
  parts.push(`<text x="${M.left}" y="18" class="title">${esc(f.title)}</text>`);
  return parts.join("");
}

function legend(items: readonly { name: string; color: string }[], s: ReturnType<typeof scales>): string {
  let x = s.w - M.right;
  const parts: string[] = [];
  for (const it of [...items].reverse()) {
    const wText = it.name.length * 6.2;
    x -= wText + 18;
    parts.push(`<rect x="${r2(x)}" y="9" width="10" height="10" fill="${it.color}"/>`);
    parts.push(`<text x="${r2(x + 14)}" y="18" class="tick">${esc(it.name)}</text>`);
  }
  return parts.join("");
}

/**
 * Thins a polyline to at most `max` points (keeping the first, the last and evenly spaced ones),
 * so a curve over 150,000 distinct scores stays a small SVG.
 * @param x x values
 * @param y y values
 * @param max most points kept
 * @param keep an index always kept (e.g. the KS point)
 * @returns the kept x and y
 * @example thin([0, 1, 2, 3], [0, 1, 2, 3], 2).x // => [0, 3]
 */
export function thin(x: readonly number[], y: readonly number[], max: number, keep = -1): { x: number[]; y: number[] } {
  if (x.length <= max) return { x: [...x], y: [...y] };
  const idx = new Set<number>([0, x.length - 1]);
  if (keep >= 0) idx.add(keep);
  const step = (x.length - 1) / (max - 1);
  for (let k = 1; k < max - 1; k++) idx.add(Math.round(k * step));
  const sorted = [...idx].sort((a, b) => a - b);
  return { x: sorted.map((i) => x[i]!), y: sorted.map((i) => y[i]!) };
}

/**
 * A line chart.
 * @param f the frame
 * @param series the lines
 * @param extra extra SVG drawn over the lines (markers), given the scales
 * @returns the SVG element text
 * @example lineChart({ x: [0, 1], y: [0, 1], xLabel: "FPR", yLabel: "TPR", title: "ROC" }, [{ name: "card", color: "#4a78b8", x: [0, 0.2, 1], y: [0, 0.7, 1] }]).startsWith("<svg") // => true
 */
export function lineChart(
  f: Frame,
  series: readonly LineSeries[],
  extra?: (sx: (v: number) => number, sy: (v: number) => number) => string,
): string {
  const s = scales(f);
  const lines = series.map((se) => {
    const t = thin(se.x, se.y, 600);
    const pts = t.x.map((xv, i) => `${r2(s.sx(xv))},${r2(s.sy(t.y[i]!))}`).join(" ");
    return `<polyline points="${pts}" fill="none" stroke="${se.color}" stroke-width="2"${se.dashed ? ' stroke-dasharray="5 4"' : ""}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.w} ${s.h}" width="${s.w}" height="${s.h}" role="img" aria-label="${esc(f.title)}">${axes(f, s)}${lines.join("")}${extra ? extra(s.sx, s.sy) : ""}${legend(
    series.filter((x) => !x.dashed),
    s,
  )}</svg>`;
}

/** A group of bars at one category. */
export interface BarGroup {
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * A grouped bar chart over categories, with an optional line (e.g. bad rate) on a second axis.
 * @param f the frame (`x` is ignored: categories are evenly spaced)
 * @param groups categories and their bar values
 * @param bars name and color of each bar of a group
 * @param line optional second-axis line: values per category, its domain and format
 * @returns the SVG element text
 * @example barChart({ x: [0, 1], y: [0, 1], xLabel: "band", yLabel: "share", title: "Bands" }, [{ label: "A", values: [0.3] }], [{ name: "share", color: "#4a78b8" }]).startsWith("<svg") // => true
 */
export function barChart(
  f: Frame,
  groups: readonly BarGroup[],
  bars: readonly { name: string; color: string }[],
  line?: {
    readonly name: string;
    readonly color: string;
    readonly values: readonly number[];
    readonly max: number;
    readonly format: (v: number) => string;
  },
): string {
  const s = scales({ ...f, x: [0, Math.max(1, groups.length)] });
  const parts: string[] = [];
  const yf = f.yFormat ?? fmt;
  for (const t of ticks(f.y[0], f.y[1])) {
    const y = r2(s.sy(t));
    parts.push(`<line x1="${M.left}" x2="${M.left + s.pw}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(
      `<text x="${M.left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${esc(yf(t))}</text>`,
    );
  }
  const slot = s.pw / Math.max(1, groups.length);
  const bw = (slot * 0.75) / Math.max(1, bars.length);
  const maxLabels = Math.floor(s.pw / 34);
  const every = Math.max(1, Math.ceil(groups.length / Math.max(1, maxLabels)));
  groups.forEach((g, i) => {
    g.values.forEach((v, j) => {
      const x = M.left + i * slot + slot * 0.125 + j * bw;
      const y = s.sy(Math.max(f.y[0], Math.min(v, f.y[1])));
      const y0 = s.sy(f.y[0]);
      parts.push(
        `<rect x="${r2(x)}" y="${r2(y)}" width="${r2(Math.max(bw - 1, 1))}" height="${r2(Math.max(0, y0 - y))}" fill="${bars[j]?.color ?? "#888"}"><title>${esc(`${g.label}: ${bars[j]?.name ?? ""} ${yf(v)}`)}</title></rect>`,
      );
    });
    if (i % every === 0) {
      const label = g.label.length > 14 ? `${g.label.slice(0, 13)}…` : g.label;
      parts.push(
        `<text x="${r2(M.left + i * slot + slot / 2)}" y="${M.top + s.ph + 14}" class="tick" text-anchor="middle">${esc(label)}</text>`,
      );
    }
  });
  if (line) {
    const sy2 = (v: number): number => M.top + s.ph - (v / (line.max || 1)) * s.ph;
    // NaN values (no data) break the line and get no marker.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 1)
        parts.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${line.color}" stroke-width="2"/>`);
      run = [];
    };
    for (const [i, v] of line.values.entries()) {
      if (Number.isNaN(v)) {
        flush();
        continue;
      }
      run.push(`${r2(M.left + i * slot + slot / 2)},${r2(sy2(v))}`);
      parts.push(`<circle cx="${r2(M.left + i * slot + slot / 2)}" cy="${r2(sy2(v))}" r="3" fill="${line.color}"/>`);
    }
    flush();
    for (const t of ticks(0, line.max)) {
      parts.push(
        `<text x="${M.left + s.pw + 4}" y="${r2(sy2(t))}" class="tick" dominant-baseline="middle">${esc(line.format(t))}</text>`,
      );
    }
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${s.pw}" height="${s.ph}" class="frame"/>`);
  parts.push(
    `<text x="${M.left + s.pw / 2}" y="${s.h - 8}" class="label" text-anchor="middle">${esc(f.xLabel)}</text>`,
  );
  parts.push(
    `<text x="14" y="${M.top + s.ph / 2}" class="label" text-anchor="middle" transform="rotate(-90 14 ${M.top + s.ph / 2})">${esc(f.yLabel)}</text>`,
  );
  parts.push(`<text x="${M.left}" y="18" class="title">${esc(f.title)}</text>`);
  const items = line ? [...bars, { name: line.name, color: line.color }] : bars;
  parts.push(legend(items, s));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.w + (line ? 30 : 0)} ${s.h}" width="${s.w + (line ? 30 : 0)}" height="${s.h}" role="img" aria-label="${esc(f.title)}">${parts.join("")}</svg>`;
}
