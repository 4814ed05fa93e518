import type { PlotlyAxis, PlotlyFigure, PlotlyTrace } from "./figure.js";
import { logView } from "./log-axis.js";
import { yScaleButtons } from "./y-scale-buttons.js";

/** What a plot against time shows on its axes; a unit left undefined is not shown. */
export interface TimeLayoutSpec {
  title?: string;
  /** Name of the y quantity, e.g. "CP" or "DV". */
  y: string;
  timeUnit?: string;
  yUnit?: string;
  log: boolean;
  showlegend: boolean;
}

/**
 * Internal: a plot against time (concentration–time, percentile band, VPC) from its traces:
 * the title if any, "time (unit)" on x, "name (unit)" on y, the initial y scale and the
 * buttons that switch it. On the log scale (initially or by the button) values ≤ 0 are gaps
 * and the ticks are the powers of ten (see `logView`).
 *
 * @example
 * timeFigure({ y: "CP", timeUnit: "h", yUnit: "mg/L", log: false, showlegend: true }, traces).layout.yaxis; // { title: { text: "CP (mg/L)" }, type: "linear" }
 */
export function timeFigure(spec: TimeLayoutSpec, traces: PlotlyTrace[]): PlotlyFigure {
  const view = logView(traces);
  const yaxis: PlotlyAxis = { title: { text: withUnit(spec.y, spec.yUnit) }, type: spec.log ? "log" : "linear" };
  if (spec.log && view.ticks) Object.assign(yaxis, { tickmode: "array", tickvals: view.ticks.tickvals, ticktext: view.ticks.ticktext });
  const linearY = traces.map((t) => t.y);
  const data = spec.log ? traces.map((t, i) => ({ ...t, y: view.gapped.find((g) => g.index === i)?.y ?? t.y })) : traces;
  return {
    data,
    layout: {
      ...(spec.title === undefined ? {} : { title: { text: spec.title } }),
      xaxis: { title: { text: withUnit("time", spec.timeUnit) } },
      yaxis,
      showlegend: spec.showlegend,
      updatemenus: [yScaleButtons(spec.log, view, linearY)],
    },
  };
}

function withUnit(name: string, unit: string | undefined): string {
  return unit === undefined ? name : `${name} (${unit})`;
}
