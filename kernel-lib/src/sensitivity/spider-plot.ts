import type { PlotlyFigure } from "../plot/figure.js";
import type { Spider } from "./spider.js";

/** Options of {@link spiderPlot}. */
export interface SpiderPlotOptions {
  /** Name of the response on the y axis (default "response"), e.g. "Cmax (mg/L)". */
  response?: string;
  title?: string;
}

/**
 * Spider plot of a {@link Spider}: the response against the % change of each parameter,
 * one line with markers per parameter, all crossing at 0 % (the baseline).
 *
 * @example
 * show(spiderPlot(spider(cmax, { KA: 1.1, CL: 6, V: 25 }), { response: "Cmax (mg/L)" }));
 */
export function spiderPlot(s: Spider, options: SpiderPlotOptions = {}): PlotlyFigure {
  const percent = s.changes.map((c) => +(100 * c).toPrecision(12));
  return {
    data: s.lines.map((line) => ({
      type: "scatter",
      mode: "lines+markers",
      name: line.parameter,
      x: percent,
      y: line.outputs,
      text: line.values.map((v) => `${line.parameter} = ${+v.toPrecision(6)}`),
    })),
    layout: {
      title: options.title === undefined ? undefined : { text: options.title },
      xaxis: { title: { text: "parameter change (%)" } },
      yaxis: { title: { text: options.response ?? "response" } },
      showlegend: true,
    },
  };
}
