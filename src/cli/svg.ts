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

/**
 * A cut point or tick value shortened for a label: 4 significant digits, whole numbers from 10,000 up
 * (`0.173837531` becomes `0.1738`, `3535` stays `3535`, `123456.7` becomes `123457`).
 * @param v the value
 * @returns its label text
 * @example [roundLabel(0.173837531), roundLabel(3535), roundLabel(123456.7), roundLabel(-0.5)] // => ["0.1738", "3535", "123457", "-0.5"]
 */
export function roundLabel(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "+inf" : v < 0 ? "-inf" : "NaN";
  if (Math.abs(v) >= 10_000) return String(Math.round(v));
  return String(Number(v.toPrecision(4)));
}

/**
 * Wraps a label into lines of at most `width` characters, breaking after spaces, `_`, `-`, `,` and
 * `/`, and between a lower-case letter and an upper-case one (`NumberOfTimes90DaysLate`); a longer
 * piece is cut. At most `maxLines` lines: the last one ends with an ellipsis when text is left over
 * (give the full text as a `<title>` then).
 * @param text the label
 * @param width characters per line (at least 2)
 * @param maxLines most lines (default 3)
 * @returns the lines
 * @example wrapLabel("NumberOfTime30-59DaysPastDueNotWorse", 16) // => ["NumberOfTime30-", "59DaysPastDueNot", "Worse"]
 */
export function wrapLabel(text: string, width: number, maxLines = 3): string[] {
  const w = Math.max(2, Math.floor(width));
  const pieces = text.split(/(?<=[\s_\-,/])|(?<=[a-z0-9])(?=[A-Z])/).filter((x) => x !== "");
  const lines: string[] = [];
  let cur = "";
  for (let piece of pieces) {
    while (piece.length > w) {
      if (cur !== "") {
        lines.push(cur);
        cur = "";
      }
      lines.push(piece.slice(0, w));
      piece = piece.slice(w);
    }
    if ((cur + piece).trimEnd().length > w) {
      lines.push(cur.trimEnd());
      cur = piece;
    } else cur += piece;
  }
  if (cur.trim() !== "") lines.push(cur.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= w ? last.slice(0, w - 1) : last}…`;
  return kept;
}

/**
 * An SVG `<text>` of several lines (one `<tspan>` each, `lineHeight` px apart, default 12), escaped.
 * @param x anchor x
 * @param y baseline of the first line
 * @param lines the lines
 * @param attrs extra attributes (class, text-anchor)
 * @param lineHeight distance between baselines in px (default 12, the tick font)
 * @returns the SVG text element
 * @example textLines(10, 20, ["a", "b"], 'class="tick"') // => "<text x=\"10\" y=\"20\" class=\"tick\"><tspan x=\"10\" dy=\"0\">a</tspan><tspan x=\"10\" dy=\"12\">b</tspan></text>"
 */
export function textLines(x: number, y: number, lines: readonly string[], attrs: string, lineHeight = 12): string {
  const spans = lines.map((l, i) => `<tspan x="${r2(x)}" dy="${i === 0 ? 0 : lineHeight}">${esc(l)}</tspan>`).join("");
  return `<text x="${r2(x)}" y="${r2(y)}" ${attrs}>${spans}</text>`;
}

/**
 * A vertical axis title, rotated, centred on the plot's height (left of the left axis or right of
 * the right one).
 * @param x the title's x
 * @param top the plot's top
 * @param height the plot's height
 * @param text the title
 * @returns the SVG text element
 * @example axisTitle(14, 30, 200, "bad rate").includes("rotate(-90 14 130)") // => true
 */
export function axisTitle(x: number, top: number, height: number, text: string): string {
  const y = r2(top + height / 2);
  return `<text x="${r2(x)}" y="${y}" class="label" text-anchor="middle" transform="rotate(-90 ${r2(x)} ${y})">${esc(text)}</text>`;
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
/** Approximate width of one character of the 11 px tick font. */
const CHAR = 6.2;

/** Scales of a frame; `top` and `bottom` grow the margins (wrapped titles, legends, labels) and the height with them. */
function scales(f: Frame, extra: { top?: number; bottom?: number } = {}) {
  const w = f.width ?? 560;
  const top = M.top + (extra.top ?? 0);
  const bottom = M.bottom + (extra.bottom ?? 0);
  const h = (f.height ?? 340) + (extra.top ?? 0) + (extra.bottom ?? 0);
  const pw = w - M.left - M.right;
  const ph = h - top - bottom;
  const dx = f.x[1] - f.x[0] || 1;
  const dy = f.y[1] - f.y[0] || 1;
  return {
    w,
    h,
    pw,
    ph,
    top,
    sx: (v: number) => M.left + ((v - f.x[0]) / dx) * pw,
    sy: (v: number) => top + ph - ((v - f.y[0]) / dy) * ph,
  };
}

/**
 * The chart's header: the title wrapped to the width, then the legend on rows of its own below it
 * (never over the title, however long the title or the names).
 * @returns the SVG text and the height it takes beyond the default top margin
 */
function header(
  title: string,
  items: readonly { name: string; color: string }[],
  width: number,
): { svg: string; extra: number } {
  // the title font is about 8.2 px a character, 16 px a line
  const titleLines = wrapLabel(title, (width - M.left - M.right) / 8.2, 2);
  const parts = [textLines(M.left, 18, titleLines, 'class="title"', 16)];
  if (title !== titleLines.join(" ") && titleLines.join("") !== title)
    parts[0] = parts[0]!.replace("</text>", `<title>${esc(title)}</title></text>`);
  let y = 18 + 16 * (titleLines.length - 1) + 10;
  let x = M.left;
  let rows = items.length > 0 ? 1 : 0;
  for (const it of items) {
    const name = wrapLabel(it.name, 40, 1)[0]!;
    const wItem = name.length * CHAR + 24;
    if (x + wItem > width - M.right && x > M.left) {
      x = M.left;
      y += 14;
      rows++;
    }
    parts.push(`<rect x="${r2(x)}" y="${r2(y)}" width="10" height="10" fill="${it.color}"/>`);
    parts.push(`<text x="${r2(x + 14)}" y="${r2(y + 9)}" class="tick">${esc(name)}</text>`);
    x += wItem;
  }
  return { svg: parts.join(""), extra: 16 * (titleLines.length - 1) + 14 * rows };
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
  const M2 = { ...M, top: s.top };
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
    parts.push(`<line x1="${x}" x2="${x}" y1="${M2.top + s.ph}" y2="${M2.top + s.ph + 4}" class="axis"/>`);
    parts.push(`<text x="${x}" y="${M2.top + s.ph + 16}" class="tick" text-anchor="middle">${esc(xf(t))}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M2.top}" width="${s.pw}" height="${s.ph}" class="frame"/>`);
  parts.push(
    `<text x="${M.left + s.pw / 2}" y="${s.h - 8}" class="label" text-anchor="middle">${esc(f.xLabel)}</text>`,
  );
  parts.push(axisTitle(14, M2.top, s.ph, f.yLabel));
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
  const head = header(
    f.title,
    series.filter((x) => !x.dashed),
    f.width ?? 560,
  );
  const s = scales(f, { top: head.extra });
  const lines = series.map((se) => {
    const t = thin(se.x, se.y, 600);
    const pts = t.x.map((xv, i) => `${r2(s.sx(xv))},${r2(s.sy(t.y[i]!))}`).join(" ");
    return `<polyline points="${pts}" fill="none" stroke="${se.color}" stroke-width="2"${se.dashed ? ' stroke-dasharray="5 4"' : ""}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.w} ${s.h}" width="${s.w}" height="${s.h}" role="img" aria-label="${esc(f.title)}">${head.svg}${axes(f, s)}${lines.join("")}${extra ? extra(s.sx, s.sy) : ""}</svg>`;
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
    /** Title of the right-hand axis (default: the line's name). */
    readonly axisTitle?: string;
  },
): string {
  const width = f.width ?? 560;
  const items = line ? [...bars, { name: line.name, color: line.color }] : bars;
  const head = header(f.title, items, width + (line ? 30 : 0));
  const slot0 = (width - M.left - M.right) / Math.max(1, groups.length);
  // bin labels wrapped to their slot (up to 3 lines), never cut silently: a shortened one keeps the full text as a tooltip
  const labels = groups.map((g) => wrapLabel(g.label, slot0 / CHAR, 3));
  const labelLines = Math.max(1, ...labels.map((l) => l.length));
  const s = scales({ ...f, x: [0, Math.max(1, groups.length)] }, { top: head.extra, bottom: 12 * (labelLines - 1) });
  const top = s.top;
  const parts: string[] = [head.svg];
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
  groups.forEach((g, i) => {
    g.values.forEach((v, j) => {
      const x = M.left + i * slot + slot * 0.125 + j * bw;
      const y = s.sy(Math.max(f.y[0], Math.min(v, f.y[1])));
      const y0 = s.sy(f.y[0]);
      parts.push(
        `<rect x="${r2(x)}" y="${r2(y)}" width="${r2(Math.max(bw - 1, 1))}" height="${r2(Math.max(0, y0 - y))}" fill="${bars[j]?.color ?? "#888"}"><title>${esc(`${g.label}: ${bars[j]?.name ?? ""} ${yf(v)}`)}</title></rect>`,
      );
    });
    const lines = labels[i]!;
    let text = textLines(M.left + i * slot + slot / 2, top + s.ph + 14, lines, 'class="tick" text-anchor="middle"');
    if (lines.join("") !== g.label.replace(/\s/g, "") && lines.join(" ") !== g.label)
      text = text.replace("</text>", `<title>${esc(g.label)}</title></text>`);
    parts.push(text);
  });
  if (line) {
    const sy2 = (v: number): number => top + s.ph - (v / (line.max || 1)) * s.ph;
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
    parts.push(axisTitle(M.left + s.pw + 40, top, s.ph, line.axisTitle ?? line.name));
  }
  parts.push(`<rect x="${M.left}" y="${top}" width="${s.pw}" height="${s.ph}" class="frame"/>`);
  parts.push(
    `<text x="${M.left + s.pw / 2}" y="${s.h - 8}" class="label" text-anchor="middle">${esc(wrapLabel(f.xLabel, s.pw / 7, 1)[0] ?? "")}<title>${esc(f.xLabel)}</title></text>`,
  );
  parts.push(axisTitle(14, top, s.ph, f.yLabel));
  const wAll = s.w + (line ? 50 : 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${wAll} ${s.h}" width="${wAll}" height="${s.h}" role="img" aria-label="${esc(f.title)}">${parts.join("")}</svg>`;
}
