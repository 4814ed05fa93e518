import type { PlotlyFigure, PlotlyTrace } from "./figure.js";
import { withReferences, type ReferenceOptions } from "./reference-lines.js";
import { timeFigure } from "./time-layout.js";

/** Quantiles by time to draw: `values[q][k]` is quantile `quantiles[q]` at `times[k]`. */
export interface BandSource {
  times: ArrayLike<number>;
  quantiles: readonly number[];
  values: readonly ArrayLike<number>[];
  /** What the values are, e.g. "CP" or "DV" (the y axis title). */
  name?: string;
}

/** Options of {@link percentileBandPlot}. */
export interface PercentileBandOptions extends ReferenceOptions {
  title?: string;
  /** Start with a logarithmic y axis (the buttons switch either way). Default false. */
  log?: boolean;
  units?: { time?: string; output?: string };
  /** Band colour as "r, g, b" (default "31, 119, 180", plotly's first colour). */
  color?: string;
}

/** A band's trace: a {@link PlotlyTrace}, which carries `fill` and `fillcolor` (name kept for existing imports). */
export type BandTrace = PlotlyTrace;

/** A percentile band figure: a {@link PlotlyFigure} (name kept for existing imports). */
export type PercentileBandFigure = PlotlyFigure;

/**
 * Percentile band figure: quantiles paired from the outside in (5th with 95th, …) are drawn as
 * shaded bands, inner bands darker; a middle quantile (the median) as a solid line. Legend
 * entries name the percentiles ("5–95th percentile", "50th percentile").
 *
 * @example
 * const fig = percentileBandPlot({ times: [0, 1], quantiles: [0.05, 0.5, 0.95], values: [[1, 2], [2, 3], [3, 4]], name: "CP" });
 * fig.data.length; // 3: lower edge, filled upper edge, median
 */
export function percentileBandPlot(source: BandSource, options: PercentileBandOptions = {}): PercentileBandFigure {
  const order = source.quantiles.map((p, q) => [p, q] as const).sort((a, b) => a[0] - b[0]);
  if (order.length === 0 || source.values.length !== order.length) {
    throw new Error(`percentileBandPlot: ${order.length} quantiles but ${source.values.length} value series; give one series per quantile`);
  }
  const x = Array.from(source.times);
  const series = (q: number): number[] => Array.from(source.values[q]);
  const color = options.color ?? "31, 119, 180";
  const pct = (p: number): string => `${+(p * 100).toFixed(2)}`;
  const data: BandTrace[] = [];
  const pairs = Math.floor(order.length / 2);
  for (let i = 0; i < pairs; i++) {
    const [pLow, low] = order[i];
    const [pHigh, high] = order[order.length - 1 - i];
    const alpha = (0.15 + (0.25 * (i + 1)) / pairs).toFixed(2);
    const label = `${pct(pLow)}–${pct(pHigh)}th percentile`;
    data.push({ type: "scatter", mode: "lines", name: label, x, y: series(low), line: { width: 0 }, showlegend: false });
    data.push({ type: "scatter", mode: "lines", name: label, x, y: series(high), line: { width: 0 }, fill: "tonexty", fillcolor: `rgba(${color}, ${alpha})` });
  }
  if (order.length % 2 === 1) {
    const [p, q] = order[pairs];
    data.push({ type: "scatter", mode: "lines", name: `${pct(p)}th percentile`, x, y: series(q), line: { color: `rgb(${color})`, width: 2 } });
  }
  // An empty unit shows no unit here (not "()").
  return timeFigure(
    { title: options.title, y: source.name ?? "value", timeUnit: options.units?.time || undefined, yUnit: options.units?.output || undefined, log: options.log ?? false, showlegend: true },
    withReferences(data, options),
  );
}
