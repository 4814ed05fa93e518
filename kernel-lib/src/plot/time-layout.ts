import type { PlotlyLayout } from "./figure.js";
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
 * Internal: the layout of a plot against time (concentration–time, percentile band, VPC):
 * the title if any, "time (unit)" on x, "name (unit)" on y, the initial y scale and the
 * buttons that switch it.
 *
 * @example
 * timeLayout({ y: "CP", timeUnit: "h", yUnit: "mg/L", log: false, showlegend: true }).yaxis; // { title: { text: "CP (mg/L)" }, type: "linear" }
 */
export function timeLayout(spec: TimeLayoutSpec): PlotlyLayout {
  return {
    ...(spec.title === undefined ? {} : { title: { text: spec.title } }),
    xaxis: { title: { text: withUnit("time", spec.timeUnit) } },
    yaxis: { title: { text: withUnit(spec.y, spec.yUnit) }, type: spec.log ? "log" : "linear" },
    showlegend: spec.showlegend,
    updatemenus: [yScaleButtons(spec.log)],
  };
}

function withUnit(name: string, unit: string | undefined): string {
  return unit === undefined ? name : `${name} (${unit})`;
}
