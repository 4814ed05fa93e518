import type { PlotlyFigure, PlotlyTrace } from "./figure.js";
import { yScaleButtons } from "./y-scale-buttons.js";

/** Quantiles by time to draw: `values[q][k]` is quantile `quantiles[q]` at `times[k]`. */
export interface BandSource {
  times: ArrayLike<number>;
  quantiles: readonly number[];
  values: readonly ArrayLike<number>[];
  /** What the values are, e.g. "CP" or "DV" (the y axis title). */
  name?: string;
}

/** Options of {@link percentileBandPlot}. */
export interface PercentileBandOptions {
  title?: string;
  /** Start with a logarithmic y axis (the buttons switch either way). Default false. */
  log?: boolean;
  units?: { time?: string; output?: string };
  /** Band colour as "r, g, b" (default "31, 119, 180", plotly's first colour). */
  color?: string;
}

/** A scatter trace that may fill the area down to the previous trace (plotly `fill: "tonexty"`). */
export interface BandTrace extends PlotlyTrace {
  fill?: "tonexty" | "none";
  fillcolor?: string;
}

/** A plotly figure whose traces may be filled bands. */
export interface PercentileBandFigure extends PlotlyFigure {
  data: BandTrace[];
}

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
  const log = options.log ?? false;
  const withUnit = (name: string, unit?: string): string => (unit ? `${name} (${unit})` : name);
  return {
    data,
    layout: {
      ...(options.title === undefined ? {} : { title: { text: options.title } }),
      xaxis: { title: { text: withUnit("time", options.units?.time) } },
      yaxis: { title: { text: withUnit(source.name ?? "value", options.units?.output) }, type: log ? "log" : "linear" },
      showlegend: true,
      updatemenus: [yScaleButtons(log)],
    },
  };
}
