import type { PlotlyFigure, PlotlyTrace } from "../plot/figure.js";
import { axisFraction, axisScale, type AxisScale } from "./axis-scale.js";
import { GLYPH_HEIGHT } from "./bitmap-font.js";
import { CoverageMask, type PixelRect } from "./coverage-mask.js";
import { dashPattern } from "./dash-pattern.js";
import { drawMarker } from "./draw-marker.js";
import { drawText, textWidth } from "./draw-text.js";
import { fillPolygon } from "./fill-polygon.js";
import { parseColor, PLOTLY_PALETTE } from "./parse-color.js";
import { RasterError } from "./raster-error.js";
import { createImage, fillRect, type Rgba, type RgbaImage } from "./rgba-image.js";
import { strokePolyline } from "./stroke-polyline.js";

/** Size of the image, in pixels (default 640 × 400, between 160 × 120 and 4096 × 4096). */
export interface RasterOptions {
  width?: number;
  height?: number;
}

// Colours of plotly's default template, so the image looks like the interactive plot.
const PAPER: Rgba = [255, 255, 255, 255];
const PLOT_BACKGROUND: Rgba = [229, 236, 246, 255];
const GRID: Rgba = [255, 255, 255, 255];
const INK: Rgba = [42, 63, 95, 255];

/** Text is the 5 × 7 font at twice its size: capitals 14 px high, 12 px per character. */
const FONT = 2;
const CAP = 7 * FONT;
const GAP = 8;
const LEGEND_ROW = GLYPH_HEIGHT * FONT + 4;
const LEGEND_SAMPLE = 20;
const DEFAULT_LINE_WIDTH = 2;
const DEFAULT_MARKER_SIZE = 6;

/**
 * Draws a pmxlab plotly figure into an RGBA image, in plotly's default look: white paper, a
 * blue-grey plot area with white grid lines at "nice" ticks (1, 2, 5 × 10ᵏ; powers of ten on
 * a log axis), tick labels, axis titles and the title in a built-in 5 × 7 bitmap font, and
 * the legend on the right when `layout.showlegend` is true.
 *
 * Traces are drawn in order, clipped to the plot area: lines (`line.width`, default 2 px,
 * anti-aliased; `line.dash` as plotly draws it, see `dashPattern`), round markers (`marker.size`, default 6; `-open`
 * symbols as rings) and fills (`fill: "toself"` or `"tonexty"` with `fillcolor`). A trace
 * without a colour takes plotly's palette colour of its index. Axes without `range` span
 * their data plus 5 % each side; a log axis leaves out values ≤ 0, as plotly does.
 * Throws {@link RasterError} for a colour it cannot read or a size out of bounds.
 *
 * @example
 * const image = renderFigure(concentrationTimePlot(sim), { width: 640, height: 400 });
 * image.data.length; // 640 × 400 × 4
 */
export function renderFigure(fig: PlotlyFigure, options: RasterOptions = {}): RgbaImage {
  const width = checkedSize(options.width ?? 640, "width", 160);
  const height = checkedSize(options.height ?? 400, "height", 120);
  const layout = fig.layout;
  const traces = fig.data;
  const title = layout.title?.text;
  const xTitle = layout.xaxis.title?.text;
  const yTitle = layout.yaxis.title?.text;

  // Vertical space is known first; the y tick labels then fix the left margin, which the x axis needs.
  const top = title ? CAP + 2 * GAP + 4 : 2 * GAP;
  const bottom = GAP + CAP + (xTitle ? GAP + CAP : 0) + GAP + 4;
  const plotHeight = height - top - bottom;
  const y = axisScale(values(traces, "y"), layout.yaxis, Math.max(2, Math.round(plotHeight / 60)));
  const left = GAP + (yTitle ? CAP + GAP : 0) + Math.max(0, ...y.labels.map((l) => textWidth(l, FONT))) + GAP;
  const legend = layout.showlegend ? legendEntries(traces) : [];
  const legendWidth = legend.length === 0 ? 0 : Math.min(Math.round(width * 0.35), LEGEND_SAMPLE + GAP + Math.max(...legend.map((e) => textWidth(e.name, FONT))) + GAP);
  const right = legend.length === 0 ? 2 * GAP + 4 : legendWidth + 2 * GAP;
  const plotWidth = width - left - right;
  if (plotWidth < 40 || plotHeight < 40) {
    throw new RasterError(`figure image ${width} × ${height} px leaves no room for the plot (${plotWidth} × ${plotHeight} px); make it larger`);
  }
  const x = axisScale(values(traces, "x"), layout.xaxis, Math.max(2, Math.round(plotWidth / 110)));
  const area: PixelRect = { left, top, right: left + plotWidth, bottom: top + plotHeight };
  const toX = (v: number) => left + axisFraction(x, v) * plotWidth;
  const toY = (v: number) => top + (1 - axisFraction(y, v)) * plotHeight;

  const image = createImage(width, height, PAPER);
  fillRect(image, area.left, area.top, area.right, area.bottom, PLOT_BACKGROUND);
  drawXAxis(image, x, toX, area);
  drawYAxis(image, y, toY, area);
  drawTraces(image, traces, toX, toY, area);
  const text = { color: INK, scale: FONT };
  if (title) drawText(image, title, Math.round(width / 2), GAP + 2, { ...text, anchor: "middle" });
  if (xTitle) drawText(image, xTitle, Math.round(left + plotWidth / 2), height - GAP - CAP, { ...text, anchor: "middle" });
  if (yTitle) drawText(image, yTitle, GAP, Math.round(top + plotHeight / 2), { ...text, anchor: "middle", vertical: true });
  if (legend.length > 0) drawLegend(image, legend, area.right + GAP, top, legendWidth, plotHeight);
  return image;
}

function checkedSize(value: number, name: string, least: number): number {
  if (!Number.isInteger(value) || value < least || value > 4096) {
    throw new RasterError(`figure image ${name} is ${value}; give a whole number of pixels from ${least} to 4096`);
  }
  return value;
}

/** The finite values of every trace (a null in y is a gap, as in plotly). */
function values(traces: PlotlyTrace[], key: "x" | "y"): number[] {
  return traces.flatMap((trace) => (trace[key] as (number | null)[]).filter((v): v is number => v !== null));
}

/** Every how many ticks a label fits without touching its neighbour (1: every tick). */
function labelStride(positions: number[], size: (k: number) => number): number {
  let stride = 1;
  for (let k = 0; k + 1 < positions.length; k++) {
    const room = Math.abs(positions[k + 1] - positions[k]);
    stride = Math.max(stride, Math.ceil((Math.max(size(k), size(k + 1)) + GAP) / Math.max(room, 1)));
  }
  return stride;
}

/** Indices of the ticks within the axis range (explicit `tickvals` may lie outside it). */
function inside(scale: AxisScale): number[] {
  return scale.ticks.flatMap((tick, k) => {
    const f = axisFraction(scale, tick);
    return f >= 0 && f <= 1 ? [k] : [];
  });
}

function drawXAxis(image: RgbaImage, x: AxisScale, toX: (v: number) => number, area: PixelRect): void {
  const shown = inside(x);
  const positions = shown.map((k) => Math.round(toX(x.ticks[k])));
  const stride = labelStride(positions, (k) => textWidth(x.labels[shown[k]], FONT));
  shown.forEach((k, n) => {
    const px = Math.min(positions[n], area.right - 1);
    fillRect(image, px, area.top, px + 1, area.bottom, GRID);
    if (n % stride === 0) drawText(image, x.labels[k], px, area.bottom + GAP, { color: INK, scale: FONT, anchor: "middle" });
  });
}

function drawYAxis(image: RgbaImage, y: AxisScale, toY: (v: number) => number, area: PixelRect): void {
  const shown = inside(y);
  const positions = shown.map((k) => Math.round(toY(y.ticks[k])));
  const stride = labelStride(positions, () => CAP);
  shown.forEach((k, n) => {
    const py = Math.min(positions[n], area.bottom - 1);
    fillRect(image, area.left, py, area.right, py + 1, GRID);
    if (n % stride === 0) drawText(image, y.labels[k], area.left - GAP, py - CAP / 2, { color: INK, scale: FONT, anchor: "end" });
  });
}

function traceColor(trace: PlotlyTrace, index: number): string {
  return trace.line?.color ?? trace.marker?.color ?? PLOTLY_PALETTE[index % PLOTLY_PALETTE.length];
}

function drawTraces(image: RgbaImage, traces: PlotlyTrace[], toX: (v: number) => number, toY: (v: number) => number, area: PixelRect): void {
  const mask = new CoverageMask(image.width, image.height, area);
  const px = traces.map((trace) => Float64Array.from(trace.x, toX));
  const py = traces.map((trace) => Float64Array.from(trace.y, (v) => (v === null ? NaN : toY(v))));
  traces.forEach((trace, i) => {
    const where = `data[${i}]`;
    const color = traceColor(trace, i);
    if (trace.fill === "toself" || (trace.fill === "tonexty" && i > 0)) {
      const [xs, ys] = trace.fill === "toself" ? [px[i], py[i]] : [[...px[i], ...[...px[i - 1]].reverse()], [...py[i], ...[...py[i - 1]].reverse()]];
      fillPolygon(mask, xs, ys);
      mask.paint(image, fillColor(trace, i));
    }
    const lineWidth = trace.line?.width ?? DEFAULT_LINE_WIDTH;
    if (trace.mode.includes("lines") && lineWidth > 0) {
      strokePolyline(mask, px[i], py[i], lineWidth, dashPattern(trace.line?.dash, lineWidth, `${where}.line.dash`));
      mask.paint(image, parseColor(color, `${where}.line.color`));
    }
    if (trace.mode.includes("markers")) {
      const open = trace.marker?.symbol?.endsWith("-open") ?? false;
      for (let k = 0; k < px[i].length; k++) drawMarker(mask, px[i][k], py[i][k], trace.marker?.size ?? DEFAULT_MARKER_SIZE, open);
      mask.paint(image, parseColor(trace.marker?.color ?? color, `${where}.marker.color`));
    }
  });
}

/** A fill's colour: its `fillcolor`, else the trace's colour at half opacity (plotly's default). */
function fillColor(trace: PlotlyTrace, index: number): Rgba {
  if (trace.fillcolor !== undefined) return parseColor(trace.fillcolor, `data[${index}].fillcolor`);
  const [r, g, b, a] = parseColor(traceColor(trace, index), `data[${index}].line.color`);
  return [r, g, b, Math.round(a / 2)];
}

interface LegendEntry {
  name: string;
  color: string;
  where: string;
  /** The sample to draw: a line, a marker (`open` for a ring), or a filled swatch under an optional line. */
  lines: boolean;
  /** The line's dash pattern for the legend's default line width (undefined: solid). */
  dash?: number[];
  open: boolean;
  fill?: Rgba;
}

function legendEntries(traces: PlotlyTrace[]): LegendEntry[] {
  return traces.flatMap((trace, i) =>
    trace.showlegend === false
      ? []
      : [
          {
            name: trace.name ?? `trace ${i}`,
            color: trace.mode === "markers" ? (trace.marker?.color ?? traceColor(trace, i)) : traceColor(trace, i),
            where: `data[${i}]`,
            lines: trace.mode !== "markers" && (trace.line?.width ?? DEFAULT_LINE_WIDTH) > 0,
            dash: dashPattern(trace.line?.dash, DEFAULT_LINE_WIDTH, `data[${i}].line.dash`),
            open: trace.marker?.symbol?.endsWith("-open") ?? false,
            ...(trace.fill === "toself" || trace.fill === "tonexty" ? { fill: fillColor(trace, i) } : {}),
          },
        ],
  );
}

/** Legend rows from the plot's top; names cut to the legend's width, rows beyond its height summarised. */
function drawLegend(image: RgbaImage, entries: LegendEntry[], x0: number, y0: number, width: number, height: number): void {
  const mask = new CoverageMask(image.width, image.height, { left: 0, top: 0, right: image.width, bottom: image.height });
  const rows = Math.max(1, Math.floor(height / LEGEND_ROW));
  const shown = entries.length > rows ? entries.slice(0, rows - 1) : entries;
  const textX = x0 + LEGEND_SAMPLE + GAP;
  const fits = Math.max(1, Math.floor((width - LEGEND_SAMPLE - GAP + FONT) / (6 * FONT)));
  shown.forEach((entry, k) => {
    const rowTop = y0 + k * LEGEND_ROW;
    const middle = rowTop + CAP / 2;
    if (entry.fill) fillRect(image, x0, rowTop, x0 + LEGEND_SAMPLE, rowTop + CAP, entry.fill);
    if (entry.lines) strokePolyline(mask, [x0, x0 + LEGEND_SAMPLE], [middle, middle], DEFAULT_LINE_WIDTH, entry.dash);
    else if (!entry.fill) drawMarker(mask, x0 + LEGEND_SAMPLE / 2, middle, DEFAULT_MARKER_SIZE + 2, entry.open);
    mask.paint(image, parseColor(entry.color, `${entry.where}.line.color`));
    const name = [...entry.name].length > fits ? `${[...entry.name].slice(0, fits - 2).join("")}..` : entry.name;
    drawText(image, name, textX, rowTop, { color: INK, scale: FONT, anchor: "start" });
  });
  if (shown.length < entries.length) {
    drawText(image, `+${entries.length - shown.length} more`, textX, y0 + shown.length * LEGEND_ROW, { color: INK, scale: FONT, anchor: "start" });
  }
}
