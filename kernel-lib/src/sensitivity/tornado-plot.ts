import type { PlotlyAxis, PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../plot/figure.js";
import type { Tornado } from "./tornado.js";

/** Options of {@link tornadoPlot}. */
export interface TornadoPlotOptions {
  /** Name of the response on the x axis (default "response"), e.g. "AUC (mg·h/L)". */
  response?: string;
  title?: string;
}

/** A tornado figure: a plotly figure whose y axis names the parameters at their bars. */
export interface TornadoFigure extends PlotlyFigure {
  layout: PlotlyLayout & { yaxis: PlotlyAxis & Required<Pick<PlotlyAxis, "tickvals" | "ticktext">> };
}

const LOW_COLOR = "#1f77b4";
const HIGH_COLOR = "#ff7f0e";
const BAR_WIDTH = 18;

/** A value as a label: 6 significant digits, without the float noise of base·(1 ± change). */
const shown = (x: number) => String(+x.toPrecision(6));

/**
 * Tornado chart of a {@link Tornado}: one horizontal bar per parameter from the baseline
 * to the response at the low value (blue) and at the high value (orange), the largest swing
 * on top, and a dashed line at the baseline. Bars are thick line segments, so the figure
 * stays within pmxlab's plain-JSON scatter schema; hover text gives each parameter value.
 *
 * @example
 * show(tornadoPlot(tornado(auc, { KA: 1.1, CL: 6, V: 25 }), { response: "AUC (mg·h/L)" }));
 */
export function tornadoPlot(t: Tornado, options: TornadoPlotOptions = {}): TornadoFigure {
  const count = t.bars.length;
  // Plotly's y axis points up: the first (largest) bar gets the highest position.
  const position = (k: number) => count - 1 - k;
  const side = (k: number, value: number, output: number, name: string, color: string): PlotlyTrace => ({
    type: "scatter",
    mode: "lines",
    name,
    x: [t.baseline, output],
    y: [position(k), position(k)],
    text: [`${t.bars[k].parameter} = ${shown(t.base[t.bars[k].parameter])}`, `${t.bars[k].parameter} = ${shown(value)}`],
    line: { color, width: BAR_WIDTH },
    showlegend: k === 0,
  });
  const bars = t.bars.flatMap((bar, k) => [side(k, bar.low, bar.outputLow, "low value", LOW_COLOR), side(k, bar.high, bar.outputHigh, "high value", HIGH_COLOR)]);
  const baseline: PlotlyTrace = {
    type: "scatter",
    mode: "lines",
    name: "baseline",
    x: [t.baseline, t.baseline],
    y: [-0.5, count - 0.5],
    line: { color: "#444444", width: 1, dash: "dash" },
    showlegend: false,
  };
  return {
    data: [...bars, baseline],
    layout: {
      title: options.title === undefined ? undefined : { text: options.title },
      xaxis: { title: { text: options.response ?? "response" } },
      yaxis: { tickvals: t.bars.map((_, k) => position(k)), ticktext: t.bars.map((bar) => `${bar.parameter} [${shown(bar.low)}, ${shown(bar.high)}]`) },
      showlegend: true,
    },
  };
}
